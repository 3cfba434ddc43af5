// This file draws a territory against its references (EPCI, département,
// région, France) as columns, static SVG and interactive go-echarts chart.
// A reference without a value shows "n.d." (or "secret"), never a 0 bar.

package charts

import (
	"fmt"
	"math"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/region-bretagne/obs/echartspage"
	"github.com/region-bretagne/obs/frnum"
	"github.com/region-bretagne/obs/svgdoc"
	"github.com/region-bretagne/obs/value"
)

// ReferenceBar is one column: a territory and its value.
type ReferenceBar struct {
	// Label names the territory ("Rennes Métropole"); Level names its
	// level ("EPCI", "Département"…), printed below in grey.
	Label, Level string
	ChartValue
}

// ReferenceChart compares a territory (the first bar, highlighted) with
// its references (the other bars, in the given order).
type ReferenceChart struct {
	ChartText
	Bars []ReferenceBar
}

// Layout of the static reference chart.
const (
	refHeight   = 400.0
	refMaxBar   = 80.0
	refLabelsH  = 50.0
	refLabelPad = 16.0
)

// validate checks the bars.
func (c ReferenceChart) validate() error {
	if len(c.Bars) == 0 {
		return fmt.Errorf("maps: reference chart %q has no bars", c.Title)
	}
	for i, b := range c.Bars {
		if err := b.check(fmt.Sprintf("reference chart %q, bar %d (%s)", c.Title, i, b.Label)); err != nil {
			return err
		}
	}
	return nil
}

// values lists the bar values.
func (c ReferenceChart) values() []ChartValue {
	out := make([]ChartValue, len(c.Bars))
	for i, b := range c.Bars {
		out[i] = b.ChartValue
	}
	return out
}

// scale is the value axis shared by the SVG and the interactive chart.
func (c ReferenceChart) scale() valueScale {
	lo, hi, ok := rangeOf(c.values())
	if !ok {
		lo, hi = 0, 0
	}
	return niceScale(lo, hi, 5, true)
}

// name is "Label (Level)".
func (b ReferenceBar) name() string {
	if b.Level == "" {
		return b.Label
	}
	return b.Label + " (" + b.Level + ")"
}

// description is the accessible French text of the chart.
func (c ReferenceChart) description() string {
	parts := make([]string, len(c.Bars))
	for i, b := range c.Bars {
		parts[i] = b.name() + frnum.UnitSep + ": " + c.long(b.ChartValue)
	}
	return "Diagramme en barres comparant " + c.Bars[0].Label + " à ses territoires de référence. " +
		strings.Join(parts, "\u00a0; ") + ". " + c.sourceText() + "."
}

// statusNotes are the footnotes for floored and estimated values.
func statusNotes(vals []ChartValue) []string {
	var floored, estimated bool
	for _, v := range vals {
		floored = floored || v.Status == value.StatusFloored
		estimated = estimated || v.Status == value.StatusEstimated
	}
	var notes []string
	if floored {
		notes = append(notes, "(plancher)"+frnum.UnitSep+": la valeur réelle est inférieure ou égale à la valeur affichée.")
	}
	if estimated {
		notes = append(notes, "(estimation)"+frnum.UnitSep+": valeur estimée.")
	}
	return notes
}

// SVG draws the chart as a standalone, deterministic SVG document.
func (c ReferenceChart) SVG() ([]byte, error) {
	if err := c.validate(); err != nil {
		return nil, err
	}
	sc := c.scale()
	notes := statusNotes(c.values())
	s := newChartSVG(c.ChartText, "reference", chartWidth, refHeight, c.description())
	tickW := 0.0
	for _, v := range sc.ticks() {
		tickW = math.Max(tickW, textWidth(sc.tickLabel(v, c.Unit), 11))
	}
	x0, x1 := svgdoc.Margin+tickW+10, chartWidth-svgdoc.Margin
	y0 := s.top + refLabelPad
	y1 := refHeight - 30 - 15*float64(len(notes)) - refLabelsH
	s.valueAxis(sc, c.Unit, false, y1, y0, x0, x1)
	band := (x1 - x0) / float64(len(c.Bars))
	bw := math.Min(band*0.6, refMaxBar)
	zero := sc.pos(0, y1, y0)
	maxChars := int(band / (12 * 0.6))
	s.raw(`<g class="bars">` + "\n")
	for i, b := range c.Bars {
		cx := x0 + (float64(i)+0.5)*band
		fill, weight := chartReference, ""
		if i == 0 {
			fill, weight = chartHighlight, `font-weight="bold" `
		}
		fmt.Fprintf(&s.b, `<g class="bar" data-label="%s" data-status="%s">`, svgdoc.Esc(b.Label), svgdoc.Esc(string(b.Status)))
		s.raw("<title>" + svgdoc.Esc(b.name()+frnum.UnitSep+": "+c.text(b.ChartValue)) + "</title>\n")
		if b.drawn() {
			y := sc.pos(b.Value, y1, y0)
			s.rect(cx-bw/2, zero, bw, y-zero, fill, fmt.Sprintf(`data-value="%s"`, echartspage.JSNumber(b.Value)))
			ly := y - 5
			if b.Value < 0 {
				ly = y + 14
			}
			s.text(cx, ly, 12, "middle", svgdoc.TextColor, weight+`class="value"`, c.text(b.ChartValue))
		} else {
			s.statusMark(b.ChartValue, cx, zero-6, "middle")
		}
		ly := y1 + 16
		lines := svgdoc.Wrap(b.Label, max(maxChars, 6))
		if len(lines) > 2 {
			lines = []string{lines[0], ellipsis(strings.Join(lines[1:], " "), max(maxChars, 6))}
		}
		for _, l := range lines {
			s.text(cx, ly, 12, "middle", svgdoc.TextColor, strings.TrimSpace(weight), l)
			ly += 14
		}
		if b.Level != "" {
			s.text(cx, ly, 10, "middle", chartMuted, "", b.Level)
		}
		s.raw("</g>\n")
	}
	s.raw("</g>\n")
	s.footer(c.ChartText, notes)
	return s.bytes(), nil
}

// echartsBarItem is one bar of an interactive bar chart.
type echartsBarItem struct {
	Name      string         `json:"name,omitempty"`
	Value     any            `json:"value"` // number, or "-" (no bar)
	Status    value.Status   `json:"status"`
	Tip       []string       `json:"tip"`
	ItemStyle map[string]any `json:"itemStyle,omitempty"`
	Label     map[string]any `json:"label,omitempty"`
}

// Echarts builds the interactive chart: the same columns, colours, value
// axis and French labels; references without a value carry an "n.d." or
// "secret" mark at the baseline (a markPoint, not a data value).
func (c ReferenceChart) Echarts() (*echartspage.Chart, error) {
	if err := c.validate(); err != nil {
		return nil, err
	}
	id, err := chartID(c.ID, "obs-reference")
	if err != nil {
		return nil, err
	}
	sc := c.scale()
	categories := make([]string, len(c.Bars))
	items := make([]echartsBarItem, len(c.Bars))
	var marks []map[string]any
	for i, b := range c.Bars {
		categories[i] = b.Label
		if b.Level != "" {
			categories[i] += "\n" + b.Level
		}
		color := chartReference
		if i == 0 {
			color = chartHighlight
		}
		it := echartsBarItem{Value: "-", Status: b.Status, Tip: []string{b.name(), c.text(b.ChartValue)}}
		if b.drawn() {
			pos := "top"
			if b.Value < 0 {
				pos = "bottom"
			}
			it.Value = b.Value
			it.ItemStyle = map[string]any{"color": color}
			it.Label = map[string]any{"show": true, "position": pos, "formatter": c.text(b.ChartValue), "color": svgdoc.TextColor}
		} else {
			marks = append(marks, statusMarkPoint(c.short(b.ChartValue), []any{i, 0}, "top"))
		}
		items[i] = it
	}
	notes := statusNotes(c.values())
	bar := charts.NewBar()
	bar.SetGlobalOptions(echartspage.BaseOptions(id, c.docTitle(), c.description())...)
	bar.SetGlobalOptions(charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", Formatter: echartspage.TooltipFormatter(c.sourceText())}))
	bar.Accept(echartspage.OptionPatch{Set: map[string]any{
		"title": echartspage.Titles(c.Title, c.Subtitle, strings.Join(append(notes, c.sourceText()), "\n")),
		"grid":  map[string]any{"left": 16, "right": 16, "top": 80, "bottom": 50 + 15*len(notes), "containLabel": true},
		"xAxis": map[string]any{"type": "category", "data": categories,
			"axisLabel": map[string]any{"interval": 0, "color": svgdoc.TextColor, "fontFamily": echartspage.Font}},
		"yAxis": echartsValueAxis(sc, c.Unit, false),
		"series": []map[string]any{{
			"type": "bar", "name": c.Title, "data": items, "barMaxWidth": refMaxBar,
			"markPoint": map[string]any{"data": marks},
		}},
	}})
	return &echartspage.Chart{ID: id, Title: c.docTitle(), Description: c.description(), Chart: bar}, nil
}

// statusMarkPoint marks a value without a bar ("n.d.", "secret") at a
// coordinate: a label on an invisible point, never a data value of 0.
func statusMarkPoint(text string, coord []any, position string) map[string]any {
	return map[string]any{
		"coord": coord, "symbol": "circle", "symbolSize": 1,
		"itemStyle": map[string]any{"color": "rgba(0,0,0,0)"},
		"label": map[string]any{"show": true, "formatter": text, "position": position,
			"color": chartMuted, "fontStyle": "italic"},
		"tooltip": map[string]any{"show": false},
	}
}
