// Locator maps: a small map of Bretagne in Lambert-93 with one territory
// filled, for the head of a fact sheet. The base (EPCI mesh, département
// borders and names) is projected, simplified and written once; each map
// then only draws the territory of interest.

package atlas

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/orb/project"
	"github.com/paulmach/orb/simplify"
	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/lambert93"
	"github.com/region-bretagne/obs/value"
)

// Colours and sizes of the locator.
const (
	locatorBase      = "#e3e8ee"
	locatorMesh      = "#ffffff"
	locatorBorder    = "#7a8797"
	locatorHighlight = "#bd0026"
	locatorFont      = "DejaVu Sans, Arial, Helvetica, sans-serif"
	locatorPad       = 6.0
	// locatorTolerance is the Douglas–Peucker tolerance in Lambert-93
	// metres: under a pixel at the locator's default scale (320 px for
	// about 330 km, 1.1 km/px).
	locatorTolerance = 900.0
)

// Locator draws locator maps of Bretagne. Build it once with NewLocator and
// reuse it for every sheet: it is safe for concurrent use.
type Locator struct {
	cube  *cube.Cube
	w, h  float64
	frame frame
	base  string                  // EPCI mesh and département borders, ready to write
	geoms map[string]orb.Geometry // "level|code" -> projected, simplified geometry
}

// frame maps Lambert-93 metres to SVG pixels (y downwards).
type frame struct {
	minX, maxY, scale, x0, y0 float64
}

func (f frame) xy(p orb.Point) (float64, float64) {
	return f.x0 + (p[0]-f.minX)*f.scale, f.y0 + (f.maxY-p[1])*f.scale
}

// NewLocator prepares the base of the locator maps, width pixels wide (the
// height follows Bretagne's shape).
func (a *Atlas) NewLocator(ctx context.Context, width int) (*Locator, error) {
	geoms := map[string]orb.Geometry{}
	var projDeps, projEPCI []orb.Geometry
	for _, level := range []value.Level{value.LevelDepartement, value.LevelEPCI, value.LevelCommune} {
		shapes, err := a.Shapes(ctx, level, false)
		if err != nil {
			return nil, fmt.Errorf("locator: %w", err)
		}
		for i, s := range shapes {
			if i%64 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			g := lambert(s.Geom)
			geoms[string(level)+"|"+s.Code] = g
			switch level {
			case "departement":
				projDeps = append(projDeps, g)
			case "epci":
				projEPCI = append(projEPCI, g)
			}
		}
	}
	if len(projDeps) == 0 {
		return nil, fmt.Errorf("locator: no département geometry on COG %d", a.Cube.COG())
	}
	geoms["region|"+regionCode(a.Cube)] = orb.Collection(projDeps)
	bound := orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}
	for _, g := range projDeps {
		bound = bound.Union(g.Bound())
	}
	w := float64(width)
	if w <= 0 {
		w = 320
	}
	scale := (w - 2*locatorPad) / (bound.Max[0] - bound.Min[0])
	l := &Locator{cube: a.Cube, geoms: geoms, w: w, h: math.Ceil((bound.Max[1]-bound.Min[1])*scale + 2*locatorPad)}
	l.frame = frame{minX: bound.Min[0], maxY: bound.Max[1], scale: scale, x0: locatorPad, y0: locatorPad}

	var b strings.Builder
	b.WriteString(`<g class="base" fill="` + locatorBase + `" stroke="` + locatorMesh + `" stroke-width="0.6" stroke-linejoin="round" fill-rule="evenodd"><path d="`)
	for _, g := range projEPCI {
		l.path(&b, g)
	}
	b.WriteString("\"/></g>\n")
	b.WriteString(`<g class="departements" fill="none" stroke="` + locatorBorder + `" stroke-width="0.9" stroke-linejoin="round"><path d="`)
	for _, g := range projDeps {
		l.path(&b, g)
	}
	b.WriteString("\"/></g>\n")
	l.base = b.String()
	return l, nil
}

// SVG draws the locator of a territory: the territory filled in red on the
// grey EPCI mesh of Bretagne, with a marker on small communes. The region
// itself gets the whole map filled.
func (l *Locator) SVG(ctx context.Context, code string) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	t, err := l.cube.Territory(code)
	if err != nil {
		return nil, err
	}
	g, ok := l.geoms[string(t.Level)+"|"+t.Code]
	if !ok {
		return nil, fmt.Errorf("locator: no %s geometry for %s (%s) on COG %d", t.Level, t.Code, t.Name, l.cube.COG())
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" role="img" aria-labelledby="locator-title" font-family="%s" class="obs-locator">`+"\n",
		f1(l.w), f1(l.h), f1(l.w), f1(l.h), locatorFont)
	fmt.Fprintf(&b, "<title id=\"locator-title\">%s</title>\n", xmlEscape("Situation de "+t.Name+" en Bretagne (Lambert-93)"))
	b.WriteString(l.base)
	b.WriteString(`<g class="territory" fill="` + locatorHighlight + `" stroke="#5c0010" stroke-width="0.8" stroke-linejoin="round" fill-rule="evenodd"><path data-code="` + xmlEscape(t.Code) + `" d="`)
	l.path(&b, g)
	b.WriteString("\"/></g>\n")
	if bd := g.Bound(); t.Level == value.LevelCommune || (bd.Max[0]-bd.Min[0])*l.frame.scale < 8 {
		c, _ := planar.CentroidArea(g)
		x, y := l.frame.xy(c)
		fmt.Fprintf(&b, `<circle class="marker" cx="%s" cy="%s" r="5" fill="none" stroke="%s" stroke-width="2"/>`+"\n", f1(x), f1(y), locatorHighlight)
	}
	b.WriteString("</svg>\n")
	return []byte(b.String()), nil
}

// regionCode is the code of the cube's region ("53").
func regionCode(c *cube.Cube) string {
	if rs := c.Territories(value.LevelRegion); len(rs) > 0 {
		return rs[0].Code
	}
	return ""
}

// lambert projects a WGS84 geometry (without touching it) and simplifies it
// for the locator's scale.
func lambert(g orb.Geometry) orb.Geometry {
	p := project.Geometry(orb.Clone(g), lambert93.Project)
	return simplify.DouglasPeucker(locatorTolerance).Simplify(p)
}

// path appends SVG path data (absolute, one decimal) for a polygonal
// geometry.
func (l *Locator) path(b *strings.Builder, g orb.Geometry) {
	switch g := g.(type) {
	case orb.Polygon:
		for _, r := range g {
			l.ring(b, r)
		}
	case orb.MultiPolygon:
		for _, p := range g {
			l.path(b, p)
		}
	case orb.Collection:
		for _, x := range g {
			l.path(b, x)
		}
	}
}

func (l *Locator) ring(b *strings.Builder, r orb.Ring) {
	if len(r) < 3 {
		return
	}
	for i, p := range r {
		x, y := l.frame.xy(p)
		if i == 0 {
			b.WriteByte('M')
		} else {
			b.WriteByte('L')
		}
		b.WriteString(f1(x))
		b.WriteByte(' ')
		b.WriteString(f1(y))
	}
	b.WriteByte('Z')
}

// f1 writes a number with at most one decimal.
func f1(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}

var xmlReplacer = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;")

func xmlEscape(s string) string { return xmlReplacer.Replace(s) }
