// This file defines the input of a choropleth map and turns it into styled
// territories and a legend, from one Breaks value.

package maps

import (
	"fmt"
	"math"

	"github.com/paulmach/orb"

	"github.com/region-bretagne/obs/classify"
	"github.com/region-bretagne/obs/palette"
	"github.com/region-bretagne/obs/svgdoc"
	"github.com/region-bretagne/obs/value"
)

// Area is one territory to draw.
type Area struct {
	Code, Name string
	// Geom is a Polygon or MultiPolygon in WGS84 lon/lat.
	Geom orb.Geometry
	// Value is ignored when Status is secret or missing.
	Value float64
	// Status is ok, secret, missing, floored or estimated.
	Status value.Status
}

// ChoroplethSpec is everything a static choropleth shows. The caller fills
// it from the cube (values, statuses) and the store (geometries).
type ChoroplethSpec struct {
	Title, Subtitle string
	// Unit is value.UnitPercent, value.UnitEuro, value.UnitCount, value.UnitRatio or any unit text.
	Unit     value.Unit
	Decimals int
	Areas    []Area
	// Breaks classify the values; build them with Classify on the values
	// of the ok, floored and estimated areas.
	Breaks classify.Breaks
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
func (s ChoroplethSpec) palette() (palette.Palette, error) {
	p, err := palette.ByName(s.Palette)
	if err != nil {
		return palette.Palette{}, err
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
		case value.StatusSecret:
			counts.Secret++
			sa.fill = "url(#" + svgdoc.HatchID + ")"
		case value.StatusMissing:
			counts.Missing++
			sa.fill = MissingColor
		case value.StatusOK, value.StatusFloored, value.StatusEstimated, value.StatusPartial:
			if math.IsNaN(a.Value) || math.IsInf(a.Value, 0) {
				return nil, Legend{}, fmt.Errorf("maps: area %d (%s): status %s with value %v", i, a.Code, a.Status, a.Value)
			}
			c := s.Breaks.Class(a.Value)
			if c < 0 {
				return nil, Legend{}, fmt.Errorf("maps: area %d (%s): value %v outside the breaks %v", i, a.Code, a.Value, s.Breaks.Bounds)
			}
			sa.class, sa.fill = c, colors[c]
			counts.Classes[c]++
			if a.Status == value.StatusFloored {
				counts.Floored++
			} else if a.Status == value.StatusEstimated {
				counts.Estimated++
			}
		default:
			return nil, Legend{}, fmt.Errorf("maps: area %d (%s): unknown status %q (want ok, secret, missing, floored, estimated or partial)", i, a.Code, a.Status)
		}
		out[i] = sa
	}
	lg, err := NewLegend(s.Breaks, p, counts, s.Unit, s.Decimals)
	if err != nil {
		return nil, Legend{}, err
	}
	return out, lg, nil
}
