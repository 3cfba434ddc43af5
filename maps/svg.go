// This file writes a choropleth as a standalone, accessible SVG document.

package maps

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/region-bretagne/obs/classify"
	"github.com/region-bretagne/obs/frnum"
	"github.com/region-bretagne/obs/lambert93"
	"github.com/region-bretagne/obs/svgdoc"
	"github.com/region-bretagne/obs/value"
)

// Drawing constants.
const (
	defaultWidth  = 1000
	defaultHeight = 700
	legendWidth   = 250.0
	areaStroke    = "#ffffff"
	overlayStroke = "#252525"
	qpvStroke     = "#54278f"
)

// ChoroplethSVG renders spec as an SVG document.
func ChoroplethSVG(ctx context.Context, spec ChoroplethSpec) ([]byte, error) {
	var buf bytes.Buffer
	if err := RenderSVG(ctx, &buf, spec); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// RenderSVG writes spec as an SVG document: title and description for
// screen readers, one <path> per area (with data-code, data-status,
// data-value and a <title> tooltip), hatching for secret values, grey for
// missing ones, overlays, QPV outlines, the highlighted area, the legend,
// a scale bar and the source line. Areas are drawn in Lambert-93, fitted to
// the map frame. The output is deterministic: the same spec gives the same
// bytes.
func RenderSVG(ctx context.Context, w io.Writer, spec ChoroplethSpec) error {
	if len(spec.Areas) == 0 {
		return fmt.Errorf("maps: choropleth %q has no areas", spec.Title)
	}
	areas, lg, err := spec.style()
	if err != nil {
		return err
	}
	width, height := float64(spec.Width), float64(spec.Height)
	if spec.Width <= 0 {
		width = defaultWidth
	}
	if spec.Height <= 0 {
		height = defaultHeight
	}

	// Project everything once.
	projAreas := make([]orb.Geometry, len(areas))
	for i, a := range areas {
		if a.Geom == nil {
			return fmt.Errorf("maps: area %d (%s) has no geometry", i, a.Code)
		}
		projAreas[i] = lambert93.Geometry(a.Geom)
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
	}
	projOverlay := projectAll(spec.Overlay)
	projQPV := projectAll(spec.QPV)
	bound, _ := projectedBound(append(append([]orb.Geometry(nil), projAreas...), projOverlay...))

	header := 48.0
	if spec.Subtitle != "" {
		header = 70
	}
	source := sourceLines(spec, width)
	footer := 34.0 + sourceLineHeight*float64(len(source)-1)
	frameW := width - legendWidth - 3*svgdoc.Margin
	frameH := height - header - footer
	v := fitViewport(bound, svgdoc.Margin, header, frameW, frameH)

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" role="img" aria-labelledby="map-title map-desc" font-family="%s">`+"\n",
		svgdoc.Num(width), svgdoc.Num(height), svgdoc.Num(width), svgdoc.Num(height), svgdoc.FontFamily)
	fmt.Fprintf(&b, "<title id=\"map-title\">%s</title>\n<desc id=\"map-desc\">%s</desc>\n",
		svgdoc.Esc(docTitle(spec)), svgdoc.Esc(description(spec, lg, len(areas))))
	svgdoc.WriteDefs(&b)
	fmt.Fprintf(&b, "<rect width=\"%s\" height=\"%s\" fill=\"#ffffff\"/>\n", svgdoc.Num(width), svgdoc.Num(height))
	writeHeader(&b, spec, width)

	b.WriteString(`<g class="areas" stroke="` + areaStroke + `" stroke-width="0.4" stroke-linejoin="round" fill-rule="evenodd">` + "\n")
	for i, a := range areas {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		writeArea(&b, a, projAreas[i], v, spec)
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
	if spec.Highlight != "" {
		found := false
		for i, a := range areas {
			if a.Code == spec.Highlight {
				b.WriteString(`<g class="highlight" fill="none" stroke="#000000" stroke-width="2.5" stroke-linejoin="round"><path data-code="` + svgdoc.Esc(a.Code) + `" d="`)
				pathData(&b, projAreas[i], v)
				b.WriteString("\"/></g>\n")
				found = true
				break
			}
		}
		if !found {
			return fmt.Errorf("maps: highlighted territory %s is not among the %d areas", spec.Highlight, len(areas))
		}
	}

	writeScaleBar(&b, v, svgdoc.Margin, header+frameH)
	writeLegend(&b, lg, spec, width-legendWidth-svgdoc.Margin, header)
	writeFooter(&b, source, height)
	b.WriteString("</svg>\n")
	_, err = io.WriteString(w, b.String())
	return err
}

// projectAll projects a list of WGS84 geometries, skipping nil ones.
func projectAll(gs []orb.Geometry) []orb.Geometry {
	var out []orb.Geometry
	for _, g := range gs {
		if g != nil {
			out = append(out, lambert93.Geometry(g))
		}
	}
	return out
}

// writeHeader writes the title and subtitle.
func writeHeader(b *strings.Builder, spec ChoroplethSpec, width float64) {
	fmt.Fprintf(b, "<text class=\"title\" x=\"%s\" y=\"30\" font-size=\"20\" font-weight=\"bold\" fill=\"%s\">%s</text>\n",
		svgdoc.Num(svgdoc.Margin), svgdoc.TextColor, svgdoc.Esc(spec.Title))
	if spec.Subtitle != "" {
		fmt.Fprintf(b, "<text class=\"subtitle\" x=\"%s\" y=\"54\" font-size=\"14\" fill=\"%s\">%s</text>\n",
			svgdoc.Num(svgdoc.Margin), svgdoc.TextColor, svgdoc.Esc(spec.Subtitle))
	}
}

// writeArea writes one territory.
func writeArea(b *strings.Builder, a styledArea, g orb.Geometry, v viewport, spec ChoroplethSpec) {
	fmt.Fprintf(b, `<path data-code="%s" data-status="%s"`, svgdoc.Esc(a.Code), svgdoc.Esc(string(a.Status)))
	if a.class >= 0 {
		fmt.Fprintf(b, ` data-value="%s" data-class="%d"`, strconv.FormatFloat(a.Value, 'g', -1, 64), a.class)
	}
	fmt.Fprintf(b, ` fill="%s" d="`, a.fill)
	pathData(b, g, v)
	name := a.Name
	if name == "" {
		name = a.Code
	} else {
		name += " (" + a.Code + ")"
	}
	fmt.Fprintf(b, "\"><title>%s</title></path>\n", svgdoc.Esc(name+frnum.UnitSep+": "+value.Text(value.FormTooltip, a.Value, a.Status, spec.Unit, spec.Decimals)))
}

// sourceLineHeight is the line pitch of the source lines (11 px text).
const sourceLineHeight = 14.0

// sourceLines wraps the source line to the map's width (DejaVu Sans at
// 11 px averages about 6.6 px a character), so that a long source (a QPV
// file's) is never clipped at the right edge.
func sourceLines(spec ChoroplethSpec, width float64) []string {
	return svgdoc.Wrap(sourceLine(spec), max(20, int((width-2*svgdoc.Margin)/6.6)))
}

// writeFooter writes the source lines, the last one 12 px above the bottom.
func writeFooter(b *strings.Builder, lines []string, height float64) {
	for i, line := range lines {
		y := height - 12 - sourceLineHeight*float64(len(lines)-1-i)
		fmt.Fprintf(b, "<text class=\"source\" x=\"%s\" y=\"%s\" font-size=\"11\" fill=\"%s\">%s</text>\n",
			svgdoc.Num(svgdoc.Margin), svgdoc.Num(y), svgdoc.TextColor, svgdoc.Esc(line))
	}
}

// sourceLine is "Source : …, données 2022, géographie COG 2026, projection
// Lambert-93".
func sourceLine(spec ChoroplethSpec) string {
	parts := []string{}
	if spec.Source != "" {
		parts = append(parts, "Source"+frnum.UnitSep+": "+spec.Source)
	} else {
		parts = append(parts, "Source"+frnum.UnitSep+": non précisée")
	}
	if spec.Vintage != "" {
		parts = append(parts, "données "+spec.Vintage)
	}
	if spec.GeoVintage != "" {
		parts = append(parts, "géographie "+spec.GeoVintage)
	}
	parts = append(parts, "projection Lambert-93")
	return strings.Join(parts, " – ")
}

// docTitle is the accessible title: title and subtitle.
func docTitle(spec ChoroplethSpec) string {
	if spec.Subtitle == "" {
		return spec.Title
	}
	return spec.Title + " – " + spec.Subtitle
}

// description is the accessible French description of the map.
func description(spec ChoroplethSpec, lg Legend, n int) string {
	var d strings.Builder
	fmt.Fprintf(&d, "Carte choroplèthe de %s territoires", frnum.Number(float64(n), 0))
	if lg.Method != "" {
		fmt.Fprintf(&d, ", classes par %s", lg.Method.Label())
		if lg.Closure == classify.ClosedRight {
			d.WriteString(" (intervalles fermés à droite)")
		} else {
			d.WriteString(" (intervalles fermés à gauche)")
		}
	}
	d.WriteString(". Légende" + frnum.UnitSep + ": ")
	for i, e := range lg.Entries {
		if i > 0 {
			d.WriteString("\u00a0; ")
		}
		fmt.Fprintf(&d, "%s%s: %s", e.Words, frnum.UnitSep, svgdoc.Territories(e.Count))
	}
	d.WriteString(". ")
	for _, n := range lg.Notes {
		d.WriteString(n + " ")
	}
	d.WriteString(sourceLine(spec) + ".")
	return d.String()
}
