// This file draws the legend block and the scale bar of an SVG map.

package maps

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/region-bretagne/obs/classify"
	"github.com/region-bretagne/obs/frnum"
	"github.com/region-bretagne/obs/svgdoc"
)

// writeLegend draws lg in a column whose top-left corner is (x, y): a
// heading naming the method and the closure, one swatch per entry with its
// label and count, then the notes.
func writeLegend(b *strings.Builder, lg Legend, spec ChoroplethSpec, x, y float64) {
	b.WriteString(`<g class="legend" font-size="12" fill="` + svgdoc.TextColor + `">` + "\n")
	line := y + 14
	heading := "Légende"
	if lg.Method != "" {
		heading = "Classes" + frnum.UnitSep + ": " + lg.Method.Label()
	}
	for _, l := range svgdoc.Wrap(heading, 36) {
		fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\" font-weight=\"bold\">%s</text>\n", svgdoc.Num(x), svgdoc.Num(line), svgdoc.Esc(l))
		line += 15
	}
	if lg.Entries != nil && len(lg.Entries) > 0 && lg.Entries[0].Kind == EntryClass && lg.Entries[0].Lo != lg.Entries[0].Hi {
		closure := "Intervalles fermés à gauche [a" + frnum.UnitSep + "; b["
		if lg.Closure == classify.ClosedRight {
			closure = "Intervalles fermés à droite ]a" + frnum.UnitSep + "; b]"
		}
		fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\" font-size=\"10\">%s</text>\n", svgdoc.Num(x), svgdoc.Num(line), svgdoc.Esc(closure))
		line += 14
	}
	fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\" font-size=\"10\" text-anchor=\"end\">Nombre</text>\n", svgdoc.Num(x+legendWidth-svgdoc.Margin), svgdoc.Num(line))
	line += 6
	for _, e := range lg.Entries {
		fill, color := e.Color, e.Color
		if e.Hatched {
			fill, color = "url(#"+svgdoc.HatchID+")", "hatch"
		}
		fmt.Fprintf(b, `<g class="legend-entry" data-kind="%s" data-class="%d" data-count="%d" data-color="%s"`,
			e.Kind, e.Class, e.Count, color)
		if e.Kind == EntryClass {
			fmt.Fprintf(b, ` data-lo="%s" data-hi="%s" data-closed="%s"`, strconv.FormatFloat(e.Lo, 'g', -1, 64),
				strconv.FormatFloat(e.Hi, 'g', -1, 64), closedAttr(e.LoClosed, e.HiClosed))
		}
		b.WriteString(">")
		fmt.Fprintf(b, `<rect x="%s" y="%s" width="22" height="14" fill="%s" stroke="#969696" stroke-width="0.5"/>`,
			svgdoc.Num(x), svgdoc.Num(line), fill)
		fmt.Fprintf(b, `<text x="%s" y="%s">%s</text>`, svgdoc.Num(x+30), svgdoc.Num(line+11), svgdoc.Esc(e.Label))
		fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="end">%s</text></g>`+"\n",
			svgdoc.Num(x+legendWidth-svgdoc.Margin), svgdoc.Num(line+11), svgdoc.Esc(frnum.Number(float64(e.Count), 0)))
		line += 20
	}
	line += 8
	for _, n := range lg.Notes {
		for _, l := range svgdoc.Wrap(n, 44) {
			fmt.Fprintf(b, "<text class=\"note\" x=\"%s\" y=\"%s\" font-size=\"10\">%s</text>\n", svgdoc.Num(x), svgdoc.Num(line), svgdoc.Esc(l))
			line += 13
		}
		line += 3
	}
	b.WriteString("</g>\n")
}

// writeScaleBar draws a scale bar of a round length (1, 2 or 5 × 10ⁿ
// metres, at most 120 px) at the bottom-left corner (x, bottom) of the map
// frame. The length is measured in Lambert-93 metres, the projection's
// scale error in Bretagne being under 0.1 %.
func writeScaleBar(b *strings.Builder, v viewport, x, bottom float64) {
	if v.scale <= 0 || math.IsInf(v.scale, 0) || math.IsNaN(v.scale) {
		return
	}
	metres := niceLength(120 / v.scale)
	px := metres * v.scale
	x0, y0 := x+4, bottom-8
	label := frnum.Number(metres/1000, -1) + frnum.UnitSep + "km"
	if metres < 1000 {
		label = frnum.Number(metres, -1) + frnum.UnitSep + "m"
	}
	fmt.Fprintf(b, `<g class="scale-bar" data-metres="%s" stroke="%s" stroke-width="1.5" fill="none">`, svgdoc.Num(metres), svgdoc.TextColor)
	fmt.Fprintf(b, `<path d="M%s %sV%sH%sV%s"/>`, svgdoc.Num(x0), svgdoc.Num(y0-5), svgdoc.Num(y0), svgdoc.Num(x0+px), svgdoc.Num(y0-5))
	fmt.Fprintf(b, `<text x="%s" y="%s" font-size="11" stroke="none" fill="%s">%s</text></g>`+"\n",
		svgdoc.Num(x0+px+6), svgdoc.Num(y0), svgdoc.TextColor, svgdoc.Esc(label))
}

// niceLength returns the largest 1, 2 or 5 × 10ⁿ not above max (> 0).
func niceLength(max float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(max)))
	for _, m := range []float64{5, 2, 1} {
		if m*p <= max {
			return m * p
		}
	}
	return p
}

// closedAttr tells which ends of an interval are closed: "both", "left",
// "right" or "none".
func closedAttr(lo, hi bool) string {
	switch {
	case lo && hi:
		return "both"
	case lo:
		return "left"
	case hi:
		return "right"
	}
	return "none"
}
