// The map of statuses of a plan row broken down over a level: each
// territory filled by its status, a categorical legend with the symbol,
// the text and the count of each status (never the colour alone).

package server

import (
	"context"
	"fmt"
	"html"
	"math"
	"strings"

	"github.com/paulmach/orb"
	"github.com/region-bretagne/obs/plan"
	"github.com/region-bretagne/obs/value"
)

// statusFill is the fill of each status; non évaluable is hatched.
var statusFill = map[plan.Status]string{
	plan.OnTrack:      "#4c9a5f",
	plan.Accelerate:   "#e3b505",
	plan.Insufficient: "#e07b39",
	plan.MovingAway:   "#b42318",
	plan.NotAssessed:  "url(#na)",
}

func statusMap(ctx context.Context, snap *Snapshot, res []plan.Result, level value.Level, counts map[plan.Status]int, row *plan.Row) ([]byte, error) {
	shapes, err := snap.Atlas.Shapes(ctx, level, false)
	if err != nil {
		return nil, err
	}
	byCode := map[string]plan.Result{}
	for _, r := range res {
		byCode[r.Territory] = r
	}
	bound := orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}
	for _, s := range shapes {
		if _, ok := byCode[s.Code]; ok && s.Geom != nil {
			bound = bound.Union(s.Geom.Bound())
		}
	}
	if bound.IsEmpty() || math.IsInf(bound.Min[0], 0) {
		return nil, NotFound("aucun territoire à cartographier", "nothing to map")
	}
	const width, mapH, legendW = 640.0, 420.0, 230.0
	k := math.Cos(bound.Center()[1] * math.Pi / 180)
	sx := (width - legendW - 20) / ((bound.Max[0] - bound.Min[0]) * k)
	sy := (mapH - 60) / (bound.Max[1] - bound.Min[1])
	sc := math.Min(sx, sy)
	xy := func(p orb.Point) (float64, float64) {
		return 10 + (p[0]-bound.Min[0])*k*sc, 50 + (bound.Max[1]-p[1])*sc
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %g %g" width="%g" height="%g" role="img" font-family="DejaVu Sans, Arial, sans-serif">`, width, mapH, width, mapH)
	b.WriteString(`<defs><pattern id="na" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#888" stroke-width="1.5"/></pattern></defs>`)
	fmt.Fprintf(&b, `<title>Statuts de l'action %s (%s) par %s</title>`, html.EscapeString(row.Action), html.EscapeString(row.Indicator), html.EscapeString(level.Label()))
	fmt.Fprintf(&b, `<text x="10" y="20" font-size="14" font-weight="bold">Action %s — %s</text>`, html.EscapeString(row.Action), html.EscapeString(row.Title))
	fmt.Fprintf(&b, `<text x="10" y="38" font-size="11">%s, statut par %s (référence %d)</text>`, html.EscapeString(row.Indicator), html.EscapeString(strings.ToLower(level.Label())), row.BaseYear)
	for _, s := range shapes {
		r, ok := byCode[s.Code]
		if !ok || s.Geom == nil {
			continue
		}
		fmt.Fprintf(&b, `<path d="%s" fill="%s" stroke="#fff" stroke-width="0.6" data-code="%s" data-statut="%s"><title>%s (%s)&#160;: %s%s</title></path>`,
			svgPath(s.Geom, xy), statusFill[r.Status], html.EscapeString(s.Code), html.EscapeString(string(r.Status)),
			html.EscapeString(s.Name), html.EscapeString(s.Code), html.EscapeString(string(r.Status)), reasonSuffix(r))
	}
	y := 70.0
	lx := width - legendW
	fmt.Fprintf(&b, `<text x="%g" y="%g" font-size="12" font-weight="bold">Statut (nombre de %s)</text>`, lx, y-12, html.EscapeString(level.Plural()))
	for _, st := range plan.Statuses {
		sym, _ := st.Badge()
		fmt.Fprintf(&b, `<rect x="%g" y="%g" width="16" height="12" fill="%s" stroke="#555"/><text x="%g" y="%g" font-size="11">%s %s&#160;: %d</text>`,
			lx, y, statusFill[st], lx+22, y+10, sym, html.EscapeString(string(st)), counts[st])
		y += 20
	}
	fmt.Fprintf(&b, `<text x="10" y="%g" font-size="9" fill="#444">Source&#160;: %s — COG %d</text></svg>`, mapH-8, html.EscapeString(sourceOf(res)), snap.Atlas.Cube.COG())
	return []byte(b.String()), nil
}

func reasonSuffix(r plan.Result) string {
	if r.Reason == "" {
		return ""
	}
	return " — " + html.EscapeString(r.Reason)
}

func sourceOf(res []plan.Result) string {
	for _, r := range res {
		if len(r.Sources) > 0 {
			return strings.Join(r.Sources, " ; ")
		}
	}
	return "n.d."
}

// svgPath writes the rings of a polygon or multipolygon as a path.
func svgPath(g orb.Geometry, xy func(orb.Point) (float64, float64)) string {
	var b strings.Builder
	ring := func(r orb.Ring) {
		for i, p := range r {
			x, y := xy(p)
			if i == 0 {
				fmt.Fprintf(&b, "M%.1f %.1f", x, y)
			} else {
				fmt.Fprintf(&b, "L%.1f %.1f", x, y)
			}
		}
		b.WriteString("Z")
	}
	switch g := g.(type) {
	case orb.Polygon:
		for _, r := range g {
			ring(r)
		}
	case orb.MultiPolygon:
		for _, p := range g {
			for _, r := range p {
				ring(r)
			}
		}
	}
	return b.String()
}
