// This file writes a proportional-symbol map as a standalone, accessible
// SVG document, with the frame, header, scale bar and source line of the
// choropleth.

package maps

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/region-bretagne/obs/frnum"
	"github.com/region-bretagne/obs/svgdoc"
	"github.com/region-bretagne/obs/value"
)

// SymbolSVG renders spec as an SVG document.
func SymbolSVG(ctx context.Context, spec SymbolSpec) ([]byte, error) {
	var buf bytes.Buffer
	if err := RenderSymbols(ctx, &buf, spec); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// RenderSymbols writes spec as an SVG document: title and description for
// screen readers; every territory as a light grey shape with its border
// (hatched when secret, grey when missing, never a circle); department
// borders and QPV outlines; one semi-transparent circle per territory with
// a value above 0, centred inside it (interiorPoint), its area
// proportional to the value, the largest drawn first, each with data-code,
// data-status, data-value and a French <title> tooltip; the highlighted
// territory; a legend of nested reference circles with round values and
// the secret and missing counts; a scale bar and the source line. The
// output is deterministic. Rasterise it with RenderPNG.
func RenderSymbols(ctx context.Context, w io.Writer, spec SymbolSpec) error {
	l, err := spec.layout(ctx)
	if err != nil {
		return err
	}
	frame := spec.frame()
	width, height := float64(spec.Width), float64(spec.Height)
	if spec.Width <= 0 {
		width = defaultWidth
	}
	if spec.Height <= 0 {
		height = defaultHeight
	}
	projOverlay := projectAll(spec.Overlay)
	projQPV := projectAll(spec.QPV)
	all := projOverlay
	for _, a := range l.areas {
		all = append(all, a.proj)
	}
	bound, _ := projectedBound(all)
	header := 48.0
	if spec.Subtitle != "" {
		header = 70
	}
	source := sourceLines(frame, width)
	footer := 34.0 + sourceLineHeight*float64(len(source)-1)
	frameW := width - legendWidth - 3*svgdoc.Margin
	frameH := height - header - footer
	v := fitViewport(bound, svgdoc.Margin, header, frameW, frameH)

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" role="img" aria-labelledby="map-title map-desc" font-family="%s">`+"\n",
		svgdoc.Num(width), svgdoc.Num(height), svgdoc.Num(width), svgdoc.Num(height), svgdoc.FontFamily)
	fmt.Fprintf(&b, "<title id=\"map-title\">%s</title>\n<desc id=\"map-desc\">%s</desc>\n",
		svgdoc.Esc(docTitle(frame)), svgdoc.Esc(symbolDescription(spec, l)))
	svgdoc.WriteDefs(&b)
	fmt.Fprintf(&b, "<rect width=\"%s\" height=\"%s\" fill=\"#ffffff\"/>\n", svgdoc.Num(width), svgdoc.Num(height))
	writeHeader(&b, frame, width)

	b.WriteString(`<g class="areas" stroke="` + symbolBaseStroke + `" stroke-width="0.4" stroke-linejoin="round" fill-rule="evenodd">` + "\n")
	for i, a := range l.areas {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		fill := symbolBaseFill
		switch a.Status {
		case value.StatusSecret:
			fill = "url(#" + svgdoc.HatchID + ")"
		case value.StatusMissing:
			fill = MissingColor
		}
		fmt.Fprintf(&b, `<path data-code="%s" data-status="%s"`, svgdoc.Esc(a.Code), svgdoc.Esc(string(a.Status)))
		if a.Status.HasValue() {
			fmt.Fprintf(&b, ` data-value="%s"`, strconv.FormatFloat(a.Value, 'g', -1, 64))
		}
		fmt.Fprintf(&b, ` fill="%s" d="`, fill)
		pathData(&b, a.proj, v)
		fmt.Fprintf(&b, "\"><title>%s</title></path>\n", svgdoc.Esc(symbolTip(a.Area, spec)))
	}
	b.WriteString("</g>\n")
	if len(projOverlay) > 0 {
		b.WriteString(`<g class="overlay" fill="none" stroke="` + overlayStroke + `" stroke-width="1.2" stroke-linejoin="round"><path d="`)
		for _, g := range projOverlay {
			pathData(&b, g, v)
		}
		b.WriteString("\"/></g>\n")
	}
	if len(projQPV) > 0 {
		b.WriteString(`<g class="qpv" fill="none" stroke="` + qpvStroke + `" stroke-width="1" stroke-dasharray="3 2"><path d="`)
		for _, g := range projQPV {
			pathData(&b, g, v)
		}
		b.WriteString("\"/></g>\n")
	}

	fmt.Fprintf(&b, `<g class="symbols" fill="%s" fill-opacity="%s" stroke="%s" stroke-width="0.8">`+"\n",
		symbolFill, strconv.FormatFloat(symbolOpacity, 'g', -1, 64), symbolStroke)
	for k, i := range l.order {
		if k%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		a := l.areas[i]
		x, y := v.tenths(a.anchor)
		fmt.Fprintf(&b, `<circle data-code="%s" data-status="%s" data-value="%s" cx="%s" cy="%s" r="%s"><title>%s</title></circle>`+"\n",
			svgdoc.Esc(a.Code), svgdoc.Esc(string(a.Status)), strconv.FormatFloat(a.Value, 'g', -1, 64),
			svgdoc.Num(float64(x)/10), svgdoc.Num(float64(y)/10), radiusText(a.radius), svgdoc.Esc(symbolTip(a.Area, spec)))
	}
	b.WriteString("</g>\n")

	if spec.Highlight != "" {
		for _, a := range l.areas {
			if a.Code == spec.Highlight {
				b.WriteString(`<g class="highlight" fill="none" stroke="#000000" stroke-width="2.5" stroke-linejoin="round"><path data-code="` + svgdoc.Esc(a.Code) + `" d="`)
				pathData(&b, a.proj, v)
				b.WriteString("\"/></g>\n")
				break
			}
		}
	}
	writeScaleBar(&b, v, svgdoc.Margin, header+frameH)
	writeSymbolLegend(&b, l, spec, width-legendWidth-svgdoc.Margin, header)
	writeFooter(&b, source, height)
	b.WriteString("</svg>\n")
	_, err = io.WriteString(w, b.String())
	return err
}

// radiusText writes a radius in pixels with two decimals at most, enough
// for the ratio of two circle areas to match the ratio of their values.
func radiusText(r float64) string {
	return strconv.FormatFloat(float64(int64(r*100+0.5))/100, 'f', -1, 64)
}

// symbolTip is the tooltip of a territory: "Name (code) : value".
func symbolTip(a Area, spec SymbolSpec) string {
	name := a.Name
	if name == "" {
		name = a.Code
	} else {
		name += " (" + a.Code + ")"
	}
	return name + frnum.UnitSep + ": " + value.Text(value.FormTooltip, a.Value, a.Status, spec.Unit, spec.Decimals)
}

// writeSymbolLegend draws the legend in a column whose top-left corner is
// (x, y): nested reference circles (outlines, so that the nesting reads)
// sharing their lowest point, each with a
// leader line to its round value, then the secret and missing entries
// with their counts (hatched and grey swatches, as in the choropleth), then
// the notes.
func writeSymbolLegend(b *strings.Builder, l symbolLayout, spec SymbolSpec, x, y float64) {
	b.WriteString(`<g class="legend" font-size="12" fill="` + svgdoc.TextColor + `">` + "\n")
	line := y + 14
	fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\" font-weight=\"bold\">Cercles proportionnels</text>\n", svgdoc.Num(x), svgdoc.Num(line))
	line += 15
	fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\" font-size=\"10\">%s</text>\n", svgdoc.Num(x), svgdoc.Num(line), svgdoc.Esc("Surface proportionnelle à la valeur"))
	line += 10
	r := spec.maxRadius()
	if len(l.refs) == 0 {
		line += 14
		fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\" font-size=\"11\">%s</text>\n", svgdoc.Num(x), svgdoc.Num(line), svgdoc.Esc("Aucune valeur à représenter"))
		line += 6
	} else {
		r0 := l.radius(l.refs[0], r)
		cx, bottom := x+r0+1, line+2*r0+1
		labelX := x + 2*r0 + 14
		for _, ref := range l.refs {
			rr := l.radius(ref, r)
			top := bottom - 2*rr
			fmt.Fprintf(b, `<g class="legend-symbol" data-value="%s" data-radius="%s">`, strconv.FormatFloat(ref, 'g', -1, 64), radiusText(rr))
			fmt.Fprintf(b, `<circle cx="%s" cy="%s" r="%s" fill="none" stroke="%s" stroke-width="0.8"/>`,
				svgdoc.Num(cx), svgdoc.Num(bottom-rr), radiusText(rr), symbolStroke)
			fmt.Fprintf(b, `<path d="M%s %sH%s" stroke="#737373" stroke-width="0.6" fill="none"/>`, svgdoc.Num(cx), svgdoc.Num(top), svgdoc.Num(labelX-4))
			fmt.Fprintf(b, `<text x="%s" y="%s">%s</text></g>`+"\n", svgdoc.Num(labelX), svgdoc.Num(top+4), svgdoc.Esc(spec.Unit.Format(ref, -1)))
		}
		line = bottom + 8
	}
	if len(l.legend.Entries) > 0 {
		line += 12
		fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\" font-size=\"10\" text-anchor=\"end\">Nombre</text>\n", svgdoc.Num(x+legendWidth-svgdoc.Margin), svgdoc.Num(line))
		line += 6
		for _, e := range l.legend.Entries {
			fill, color := e.Color, e.Color
			if e.Hatched {
				fill, color = "url(#"+svgdoc.HatchID+")", "hatch"
			}
			fmt.Fprintf(b, `<g class="legend-entry" data-kind="%s" data-count="%d" data-color="%s">`, e.Kind, e.Count, color)
			fmt.Fprintf(b, `<rect x="%s" y="%s" width="22" height="14" fill="%s" stroke="#969696" stroke-width="0.5"/>`, svgdoc.Num(x), svgdoc.Num(line), fill)
			fmt.Fprintf(b, `<text x="%s" y="%s">%s</text>`, svgdoc.Num(x+30), svgdoc.Num(line+11), svgdoc.Esc(e.Label))
			fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="end">%s</text></g>`+"\n",
				svgdoc.Num(x+legendWidth-svgdoc.Margin), svgdoc.Num(line+11), svgdoc.Esc(frnum.Number(float64(e.Count), 0)))
			line += 20
		}
	}
	line += 8
	for _, n := range symbolNotes(l) {
		for _, s := range svgdoc.Wrap(n, 44) {
			fmt.Fprintf(b, "<text class=\"note\" x=\"%s\" y=\"%s\" font-size=\"10\">%s</text>\n", svgdoc.Num(x), svgdoc.Num(line), svgdoc.Esc(s))
			line += 13
		}
		line += 3
	}
	b.WriteString("</g>\n")
}

// symbolNotes are the legend's footnotes: zero values (no circle), then
// floored and estimated values.
func symbolNotes(l symbolLayout) []string {
	var notes []string
	if l.zero > 0 {
		notes = append(notes, fmt.Sprintf("%s de valeur nulle, sans cercle.", capitalise(svgdoc.Territories(l.zero))))
	}
	return append(notes, l.legend.Notes...)
}

// capitalise upper-cases the first letter of an ASCII-initial text.
func capitalise(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// symbolDescription is the accessible French description of the map.
func symbolDescription(spec SymbolSpec, l symbolLayout) string {
	var d strings.Builder
	fmt.Fprintf(&d, "Carte en cercles proportionnels de %s", svgdoc.Territories(len(l.areas)))
	d.WriteString(", la surface de chaque cercle étant proportionnelle à la valeur. ")
	if l.valued == 0 {
		d.WriteString("Aucune valeur à représenter. ")
	} else {
		top := l.areas[l.maxArea]
		name := top.Name
		if name == "" {
			name = top.Code
		}
		fmt.Fprintf(&d, "%s avec une valeur, maximum %s (%s), total des valeurs représentées %s. ",
			capitalise(svgdoc.Territories(l.valued)), spec.Unit.Format(l.max, spec.Decimals), name, spec.Unit.Format(l.total, spec.Decimals))
	}
	for _, e := range l.legend.Entries {
		fmt.Fprintf(&d, "%s%s: %s. ", e.Label, frnum.UnitSep, svgdoc.Territories(e.Count))
	}
	for _, n := range symbolNotes(l) {
		d.WriteString(n + " ")
	}
	d.WriteString(sourceLine(spec.frame()) + ".")
	return d.String()
}
