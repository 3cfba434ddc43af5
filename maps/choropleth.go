// This file defines the input of a choropleth map and turns it into styled
// territories and a legend, from one Breaks value.

package maps

import (
	"fmt"
	"math"

	"github.com/paulmach/orb"
)

// Area is one territory to draw.
type Area struct {
	Code, Name string
	// Geom is a Polygon or MultiPolygon in WGS84 lon/lat.
	Geom orb.Geometry
	// Value is ignored when Status is secret or missing.
	Value float64
	// Status is ok, secret, missing, floored or estimated.
	Status string
}

// ChoroplethSpec is everything a static choropleth shows. The caller fills
// it from the cube (values, statuses) and the store (geometries).
type ChoroplethSpec struct {
	Title, Subtitle string
	// Unit is UnitPercent, UnitEuro, UnitCount, UnitRatio or any unit text.
	Unit     string
	Decimals int
	Areas    []Area
	// Breaks classify the values; build them with Classify on the values
	// of the ok, floored and estimated areas.
	Breaks Breaks
	// Palette is a ColorBrewer name ("" for DefaultPalette).
	Palette string
	// PaletteCenter, when set with a diverging palette, centres it on this
	// value (for example the regional rate).
	PaletteCenter *float64
	// Overlay holds lines drawn over the areas (department borders).
	Overlay []orb.Geometry
	// QPV holds optional outlines of priority neighbourhoods.
	QPV []orb.Geometry
	// Highlight is the code of an area to outline, or "".
	Highlight string
	// Source, Vintage and GeoVintage make the source line, e.g. "Insee,
	// RP 2022", "2022", "COG 2026".
	Source, Vintage, GeoVintage string
	// Width and Height of the SVG in pixels (defaults 1000 × 700).
	Width, Height int
	// Unmapped are territories of the level without a perimeter here (the
	// 26 Breton QPV without contour): never drawn, but listed at the end
	// of the companion table as « hors carte (sans périmètre) », so that
	// none is silently dropped. The caller says so in the subtitle.
	Unmapped []Area
}

// styledArea is an area with its fill, checked and ready to draw.
type styledArea struct {
	Area
	index int
	class int // -1 for secret and missing
	fill  string
}

// palette returns the spec's palette, centred if asked.
func (s ChoroplethSpec) palette() (Palette, error) {
	p, err := PaletteByName(s.Palette)
	if err != nil {
		return Palette{}, err
	}
	if s.PaletteCenter != nil {
		p = p.WithCenter(*s.PaletteCenter)
	}
	return p, nil
}

// Legend returns the legend of the map: the spec's Breaks and palette,
// with the number of areas in each class and of secret and missing areas.
func (s ChoroplethSpec) Legend() (Legend, error) {
	_, lg, err := s.style()
	return lg, err
}

// style checks every area, gives it its fill and builds the legend. Fill
// and legend both come from s.Breaks and Palette.ClassColors.
func (s ChoroplethSpec) style() ([]styledArea, Legend, error) {
	p, err := s.palette()
	if err != nil {
		return nil, Legend{}, err
	}
	if n := s.Breaks.Classes(); n > 0 {
		if err := s.Breaks.Validate(); err != nil {
			return nil, Legend{}, err
		}
	}
	colors, err := p.ClassColors(s.Breaks)
	if err != nil {
		return nil, Legend{}, err
	}
	counts := LegendCounts{Classes: make([]int, s.Breaks.Classes())}
	out := make([]styledArea, len(s.Areas))
	for i, a := range s.Areas {
		sa := styledArea{Area: a, index: i, class: -1}
		switch a.Status {
		case StatusSecret:
			counts.Secret++
			sa.fill = "url(#" + hatchID + ")"
		case StatusMissing:
			counts.Missing++
			sa.fill = MissingColor
		case StatusOK, StatusFloored, StatusEstimated:
			if math.IsNaN(a.Value) || math.IsInf(a.Value, 0) {
				return nil, Legend{}, fmt.Errorf("maps: area %d (%s): status %s with value %v", i, a.Code, a.Status, a.Value)
			}
			c := s.Breaks.Class(a.Value)
			if c < 0 {
				return nil, Legend{}, fmt.Errorf("maps: area %d (%s): value %v outside the breaks %v", i, a.Code, a.Value, s.Breaks.Bounds)
			}
			sa.class, sa.fill = c, colors[c]
			counts.Classes[c]++
			if a.Status == StatusFloored {
				counts.Floored++
			} else if a.Status == StatusEstimated {
				counts.Estimated++
			}
		default:
			return nil, Legend{}, fmt.Errorf("maps: area %d (%s): unknown status %q (want ok, secret, missing, floored or estimated)", i, a.Code, a.Status)
		}
		out[i] = sa
	}
	lg, err := NewLegend(s.Breaks, p, counts, s.Unit, s.Decimals)
	if err != nil {
		return nil, Legend{}, err
	}
	return out, lg, nil
}

// valueText is the French text of an area's value, with its status.
func valueText(a Area, unit string, decimals int) string {
	switch a.Status {
	case StatusSecret:
		return "secret statistique"
	case StatusMissing:
		return "n.d."
	case StatusFloored:
		return FormatValue(a.Value, unit, decimals) + " (plancher)"
	case StatusEstimated:
		return FormatValue(a.Value, unit, decimals) + " (estimation)"
	}
	return FormatValue(a.Value, unit, decimals)
}

// statusLabel is the French name of a status, for tables.
func statusLabel(status string) string {
	switch status {
	case StatusOK:
		return "valeur"
	case StatusSecret:
		return "secret statistique"
	case StatusMissing:
		return "non disponible"
	case StatusFloored:
		return "plancher"
	case StatusEstimated:
		return "estimation"
	}
	return status
}
