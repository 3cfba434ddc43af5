// This file is the small SVG writer shared by the static charts: document
// head with accessible title and description, title block, source line,
// and primitives with escaped text and fixed number formatting.

package charts

import (
	"fmt"
	"strings"

	"github.com/region-bretagne/obs/svgdoc"
	"github.com/region-bretagne/obs/value"
)

// chartSVG accumulates one static chart.
type chartSVG struct {
	b    strings.Builder
	w, h float64
	// top is the y below the title block, where the plot may start.
	top float64
}

// newChartSVG starts a w × h chart: the <svg> element, <title> and <desc>
// for screen readers (aria-labelledby), a white background, the hatch
// pattern of secret values, the title and the subtitle.
func newChartSVG(t ChartText, kind string, w, h float64, desc string) *chartSVG {
	s := &chartSVG{w: w, h: h}
	fmt.Fprintf(&s.b, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" role="img" aria-labelledby="chart-title chart-desc" font-family="%s" class="obs-chart %s">`+"\n",
		svgdoc.Num(w), svgdoc.Num(h), svgdoc.Num(w), svgdoc.Num(h), svgdoc.FontFamily, kind)
	fmt.Fprintf(&s.b, "<title id=\"chart-title\">%s</title>\n<desc id=\"chart-desc\">%s</desc>\n", svgdoc.Esc(t.docTitle()), svgdoc.Esc(desc))
	svgdoc.WriteDefs(&s.b)
	fmt.Fprintf(&s.b, "<rect width=\"%s\" height=\"%s\" fill=\"#ffffff\"/>\n", svgdoc.Num(w), svgdoc.Num(h))
	s.text(svgdoc.Margin, 28, 18, "start", svgdoc.TextColor, `font-weight="bold" class="title"`, t.Title)
	if t.Subtitle != "" {
		s.text(svgdoc.Margin, 48, 13, "start", svgdoc.TextColor, `class="subtitle"`, t.Subtitle)
	}
	s.top = t.headerHeight()
	return s
}

// headerHeight is the height of the title block of a static chart.
func (t ChartText) headerHeight() float64 {
	if t.Subtitle != "" {
		return 64
	}
	return 44
}

// text writes a <text> element; extra holds further attributes.
func (s *chartSVG) text(x, y, size float64, anchor, fill, extra, content string) {
	fmt.Fprintf(&s.b, `<text x="%s" y="%s" font-size="%s" fill="%s"`, svgdoc.Num(x), svgdoc.Num(y), svgdoc.Num(size), fill)
	if anchor != "" && anchor != "start" {
		fmt.Fprintf(&s.b, ` text-anchor="%s"`, anchor)
	}
	if extra != "" {
		s.b.WriteString(" " + extra)
	}
	s.b.WriteString(">" + svgdoc.Esc(content) + "</text>\n")
}

// rect writes a <rect>; extra holds further attributes.
func (s *chartSVG) rect(x, y, w, h float64, fill, extra string) {
	if w < 0 {
		x, w = x+w, -w
	}
	if h < 0 {
		y, h = y+h, -h
	}
	fmt.Fprintf(&s.b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"`, svgdoc.Num(x), svgdoc.Num(y), svgdoc.Num(w), svgdoc.Num(h), fill)
	if extra != "" {
		s.b.WriteString(" " + extra)
	}
	s.b.WriteString("/>\n")
}

// line writes a <line>.
func (s *chartSVG) line(x1, y1, x2, y2 float64, stroke string, width float64, extra string) {
	fmt.Fprintf(&s.b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"`,
		svgdoc.Num(x1), svgdoc.Num(y1), svgdoc.Num(x2), svgdoc.Num(y2), stroke, svgdoc.Num(width))
	if extra != "" {
		s.b.WriteString(" " + extra)
	}
	s.b.WriteString("/>\n")
}

// raw writes markup as is (callers escape their text).
func (s *chartSVG) raw(markup string) { s.b.WriteString(markup) }

// footer writes the notes, then the source line at the bottom.
func (s *chartSVG) footer(t ChartText, notes []string) {
	y := s.h - 12
	s.text(svgdoc.Margin, y, 11, "start", svgdoc.TextColor, `class="source"`, t.sourceText())
	for i := len(notes) - 1; i >= 0; i-- {
		y -= 15
		s.text(svgdoc.Margin, y, 11, "start", chartMuted, `class="note"`, notes[i])
	}
}

// bytes closes the document.
func (s *chartSVG) bytes() []byte {
	s.b.WriteString("</svg>\n")
	return []byte(s.b.String())
}

// valueAxis draws the gridlines and tick labels of a value scale along x
// (horizontal bars) or y (columns, lines), between a and b pixels, the
// grid spanning from g0 to g1 on the other axis.
func (s *chartSVG) valueAxis(sc valueScale, unit value.Unit, horizontal bool, a, b, g0, g1 float64) {
	s.raw(`<g class="value-axis">` + "\n")
	for _, v := range sc.ticks() {
		p := sc.pos(v, a, b)
		stroke, width := chartGrid, 1.0
		if v == 0 {
			stroke, width = chartAxis, 1
		}
		if horizontal {
			s.line(p, g0, p, g1, stroke, width, "")
			s.text(p, g1+14, 11, "middle", chartAxis, "", sc.tickLabel(v, unit))
		} else {
			s.line(g0, p, g1, p, stroke, width, "")
			s.text(g0-6, p+4, 11, "end", chartAxis, "", sc.tickLabel(v, unit))
		}
	}
	s.raw("</g>\n")
}

// statusMark writes, in italics, the marker of a value that has no bar:
// "secret" (statistical secrecy) or "n.d." (not available), at (x, y).
func (s *chartSVG) statusMark(v ChartValue, x, y float64, anchor string) {
	if v.Status == value.StatusSecret {
		s.text(x, y, 11, anchor, chartAxis, `font-style="italic" class="status-secret"`, value.TextSecretShort)
		return
	}
	s.text(x, y, 11, anchor, chartMuted, `font-style="italic" class="status-missing"`, value.TextMissing)
}
