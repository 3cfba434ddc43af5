// This file defines the input of a proportional-symbol map (counts drawn
// as circles whose area is proportional to the value) and lays it out:
// checked values, anchor points, radii, drawing order, legend values.

package maps

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/paulmach/orb"

	"github.com/region-bretagne/obs/classify"
	"github.com/region-bretagne/obs/lambert93"
	"github.com/region-bretagne/obs/palette"
	"github.com/region-bretagne/obs/value"
)

// DefaultMaxRadius is the radius, in pixels, of the largest value's
// circle when SymbolSpec.MaxRadius is 0.
const DefaultMaxRadius = 28.0

// minRadius is the smallest radius drawn, in pixels: a positive value whose
// circle would be thinner stays visible (and hoverable) at this size.
const minRadius = 0.5

// Colours of the proportional-symbol map.
const (
	symbolBaseFill   = "#f7f7f7" // territories with a circle or a zero value
	symbolBaseStroke = "#bdbdbd" // territory borders
	symbolFill       = "#e6550d" // circles, drawn with symbolOpacity
	symbolStroke     = "#a63603"
	symbolOpacity    = 0.6
)

// SymbolSpec is everything a proportional-symbol map shows. It is meant
// for counts (population, households, CAF recipients): values must be
// zero or more. The fields shared with ChoroplethSpec mean the same.
type SymbolSpec struct {
	Title, Subtitle string
	// Unit is value.UnitCount or a unit text such as "hab." or "allocataires".
	Unit     value.Unit
	Decimals int
	Areas    []Area
	// Overlay holds lines drawn over the areas (department borders).
	Overlay []orb.Geometry
	// QPV holds optional outlines of priority neighbourhoods.
	QPV []orb.Geometry
	// Highlight is the code of an area to outline, or "".
	Highlight string
	// Source, Vintage and GeoVintage make the source line.
	Source, Vintage, GeoVintage string
	// Width and Height of the SVG in pixels (defaults 1000 × 700).
	Width, Height int
	// MaxRadius is the radius in pixels of the circle of the largest value
	// (default DefaultMaxRadius). Every other circle has the radius
	// MaxRadius·√(v/max), so circle areas are proportional to values.
	MaxRadius float64
}

// frame returns the ChoroplethSpec holding the fields the two kinds of map
// share, so that both use the same header, source line, GeoJSON and
// accessible title.
func (s SymbolSpec) frame() ChoroplethSpec {
	return ChoroplethSpec{
		Title: s.Title, Subtitle: s.Subtitle, Unit: s.Unit, Decimals: s.Decimals, Areas: s.Areas,
		Overlay: s.Overlay, QPV: s.QPV, Highlight: s.Highlight,
		Source: s.Source, Vintage: s.Vintage, GeoVintage: s.GeoVintage, Width: s.Width, Height: s.Height,
	}
}

// maxRadius is the spec's MaxRadius or its default.
func (s SymbolSpec) maxRadius() float64 {
	if s.MaxRadius > 0 {
		return s.MaxRadius
	}
	return DefaultMaxRadius
}

// symbolArea is an area checked and projected, with its circle if any.
type symbolArea struct {
	Area
	index int
	proj  orb.Geometry // Lambert-93
	// circle is true for an ok, floored or estimated value above 0.
	circle bool
	anchor orb.Point // Lambert-93 centre of the circle
	radius float64   // pixels
}

// symbolLayout is a SymbolSpec ready to draw.
type symbolLayout struct {
	areas []symbolArea
	// order lists the indexes of areas with a circle, largest value first
	// (ties in input order): drawn in this order, small circles stay on top.
	order []int
	// max and total of the values drawn (ok, floored, estimated).
	max, total float64
	maxArea    int // index of the largest value, -1 if none
	valued     int // areas with a value (zero included)
	zero       int // areas whose value is 0: no circle
	legend     Legend
	// refs are the round values of the legend's nested circles, largest
	// first, with their radii.
	refs []float64
}

// radius is the radius in pixels of the circle of v.
func (l symbolLayout) radius(v, maxRadius float64) float64 {
	if l.max <= 0 || v <= 0 {
		return 0
	}
	return maxRadius * math.Sqrt(v/l.max)
}

// layout checks every area, projects it, finds its anchor and its radius,
// and builds the legend (secret and missing counts, notes) and the round
// reference values.
func (s SymbolSpec) layout(ctx context.Context) (symbolLayout, error) {
	if len(s.Areas) == 0 {
		return symbolLayout{}, fmt.Errorf("maps: symbol map %q has no areas", s.Title)
	}
	l := symbolLayout{areas: make([]symbolArea, len(s.Areas)), maxArea: -1}
	var counts LegendCounts
	seen := make(map[string]int, len(s.Areas))
	for i, a := range s.Areas {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return symbolLayout{}, err
			}
		}
		if a.Code == "" {
			return symbolLayout{}, fmt.Errorf("maps: symbol map: area %d has no code", i)
		}
		if j, dup := seen[a.Code]; dup {
			return symbolLayout{}, fmt.Errorf("maps: symbol map: areas %d and %d share the code %s", j, i, a.Code)
		}
		seen[a.Code] = i
		switch a.Geom.(type) {
		case orb.Polygon, orb.MultiPolygon:
		case nil:
			return symbolLayout{}, fmt.Errorf("maps: area %d (%s) has no geometry", i, a.Code)
		default:
			return symbolLayout{}, fmt.Errorf("maps: area %d (%s): geometry %s, want Polygon or MultiPolygon", i, a.Code, a.Geom.GeoJSONType())
		}
		sa := symbolArea{Area: a, index: i, proj: lambert93.Geometry(a.Geom)}
		switch a.Status {
		case value.StatusSecret:
			counts.Secret++
		case value.StatusMissing:
			counts.Missing++
		case value.StatusOK, value.StatusFloored, value.StatusEstimated, value.StatusPartial:
			switch {
			case math.IsNaN(a.Value) || math.IsInf(a.Value, 0):
				return symbolLayout{}, fmt.Errorf("maps: area %d (%s): status %s with value %v", i, a.Code, a.Status, a.Value)
			case a.Value < 0:
				return symbolLayout{}, fmt.Errorf("maps: area %d (%s): negative value %v: proportional symbols show counts, which are zero or more", i, a.Code, a.Value)
			}
			l.valued++
			l.total += a.Value
			if l.maxArea < 0 || a.Value > l.max {
				l.max, l.maxArea = a.Value, i
			}
			if a.Value == 0 {
				l.zero++
			} else {
				sa.circle = true
				p, ok := interiorPoint(sa.proj)
				if !ok {
					return symbolLayout{}, fmt.Errorf("maps: area %d (%s): empty geometry, no point to centre its circle on", i, a.Code)
				}
				sa.anchor = p
			}
			if a.Status == value.StatusFloored {
				counts.Floored++
			} else if a.Status == value.StatusEstimated {
				counts.Estimated++
			}
		default:
			return symbolLayout{}, fmt.Errorf("maps: area %d (%s): unknown status %q (want ok, secret, missing, floored, estimated or partial)", i, a.Code, a.Status)
		}
		l.areas[i] = sa
	}
	if s.Highlight != "" {
		if _, ok := seen[s.Highlight]; !ok {
			return symbolLayout{}, fmt.Errorf("maps: highlighted territory %s is not among the %d areas", s.Highlight, len(s.Areas))
		}
	}
	r := s.maxRadius()
	for i := range l.areas {
		if a := &l.areas[i]; a.circle {
			a.radius = math.Max(l.radius(a.Value, r), minRadius)
			l.order = append(l.order, i)
		}
	}
	sort.SliceStable(l.order, func(i, j int) bool {
		return l.areas[l.order[i]].Value > l.areas[l.order[j]].Value
	})
	lg, err := NewLegend(classify.Breaks{}, palette.Palette{}, counts, s.Unit, s.Decimals)
	if err != nil {
		return symbolLayout{}, err
	}
	l.legend = lg
	for _, v := range referenceValues(l.max) {
		if l.radius(v, r) >= 2 {
			l.refs = append(l.refs, v)
		}
	}
	return l, nil
}

// referenceValues returns up to three round values (1, 2, 2.5 or 5 × 10ⁿ)
// for the legend's nested circles: the largest not above max, then round
// values near a quarter and a twentieth of it.
func referenceValues(max float64) []float64 {
	if !(max > 0) || math.IsInf(max, 0) {
		return nil
	}
	top := niceFloor(max)
	out := []float64{top}
	for _, d := range []float64{4, 20} {
		v := niceFloor(top / d)
		if v > 0 && v < out[len(out)-1] {
			out = append(out, v)
		}
	}
	return out
}

// niceFloor returns the largest 1, 2, 2.5 or 5 × 10ⁿ not above x (> 0),
// rounded to 12 significant digits so that 0.25 prints as 0,25.
func niceFloor(x float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{5, 2.5, 2, 1} {
		if v := m * p; v <= x*(1+1e-12) {
			return roundSig(v)
		}
	}
	return roundSig(p)
}

// roundSig rounds v to 12 significant digits.
func roundSig(v float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil {
		return v
	}
	return r
}
