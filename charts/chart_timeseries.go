// This file draws values across vintages as lines, static SVG and
// interactive go-echarts chart. A vintage without a value (Filosofi 2022,
// never published; a secret value) is a gap in the line, never
// interpolated; a vintage that no series has is shaded and marked "n.d.".

package charts

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/region-bretagne/obs/echartspage"
	"github.com/region-bretagne/obs/frnum"
	"github.com/region-bretagne/obs/svgdoc"
	"github.com/region-bretagne/obs/value"
)

// TimePoint is the value of one vintage (year).
type TimePoint struct {
	Year int
	ChartValue
}

// TimeSeries is one line: a territory across vintages. A year between the
// first and last years of the chart that has no point, or whose point is
// secret or missing, is a gap.
type TimeSeries struct {
	Name   string
	Points []TimePoint
}

// TimeSeriesChart draws one or more series; the first is the territory of
// interest, drawn in the highlight colour with its values printed.
type TimeSeriesChart struct {
	ChartText
	Series []TimeSeries
}

// Layout of the static time series.
const tsHeight = 420.0

// validate checks series count, years and values.
func (c TimeSeriesChart) validate() error {
	if len(c.Series) == 0 {
		return fmt.Errorf("maps: time series %q has no series", c.Title)
	}
	if len(c.Series) > len(chartSeriesColors) {
		return fmt.Errorf("maps: time series %q has %d series, at most %d can be told apart", c.Title, len(c.Series), len(chartSeriesColors))
	}
	points := 0
	for i, s := range c.Series {
		years := map[int]bool{}
		for j, p := range s.Points {
			where := fmt.Sprintf("time series %q, series %d (%s), point %d (%d)", c.Title, i, s.Name, j, p.Year)
			if p.Year < 1800 || p.Year > 2200 {
				return fmt.Errorf("maps: %s: year out of range", where)
			}
			if years[p.Year] {
				return fmt.Errorf("maps: %s: year given twice", where)
			}
			years[p.Year] = true
			if err := p.check(where); err != nil {
				return err
			}
			points++
		}
	}
	if points == 0 {
		return fmt.Errorf("maps: time series %q has no points", c.Title)
	}
	return nil
}

// years returns every year from the first to the last point, gaps
// included, so that the x axis is proportional to time.
func (c TimeSeriesChart) years() []int {
	lo, hi := math.MaxInt, math.MinInt
	for _, s := range c.Series {
		for _, p := range s.Points {
			lo, hi = min(lo, p.Year), max(hi, p.Year)
		}
	}
	out := make([]int, 0, hi-lo+1)
	for y := lo; y <= hi; y++ {
		out = append(out, y)
	}
	return out
}

// at returns the series' point for each year (Status missing when absent).
func (s TimeSeries) at(years []int) []ChartValue {
	byYear := map[int]ChartValue{}
	for _, p := range s.Points {
		byYear[p.Year] = p.ChartValue
	}
	out := make([]ChartValue, len(years))
	for i, y := range years {
		v, ok := byYear[y]
		if !ok {
			v = ChartValue{Status: value.StatusMissing}
		}
		out[i] = v
	}
	return out
}

// grid returns the values of every series for every year.
func (c TimeSeriesChart) grid(years []int) [][]ChartValue {
	out := make([][]ChartValue, len(c.Series))
	for i, s := range c.Series {
		out[i] = s.at(years)
	}
	return out
}

// emptyYears are the years no series has a value for.
func emptyYears(years []int, grid [][]ChartValue) []int {
	var out []int
	for j, y := range years {
		empty := true
		for _, row := range grid {
			empty = empty && !row[j].drawn()
		}
		if empty {
			out = append(out, y)
		}
	}
	return out
}

// joinYears writes "2019, 2022".
func joinYears(ys []int) string {
	parts := make([]string, len(ys))
	for i, y := range ys {
		parts[i] = strconv.Itoa(y)
	}
	return strings.Join(parts, ", ")
}

// gapNotes explain the gaps: years without any value, then, per series,
// other years without a value (inside the chart's span).
func (c TimeSeriesChart) gapNotes(years []int, grid [][]ChartValue) []string {
	var notes []string
	empty := emptyYears(years, grid)
	isEmpty := map[int]bool{}
	for _, y := range empty {
		isEmpty[y] = true
	}
	if len(empty) > 0 {
		notes = append(notes, "Pas de donnée en "+joinYears(empty)+frnum.UnitSep+": la série est interrompue, sans interpolation.")
	}
	for i, s := range c.Series {
		var own []int
		for j, y := range years {
			if !grid[i][j].drawn() && !isEmpty[y] {
				own = append(own, y)
			}
		}
		if len(own) > 0 {
			notes = append(notes, s.Name+frnum.UnitSep+": pas de valeur en "+joinYears(own)+".")
		}
	}
	var all []ChartValue
	for _, row := range grid {
		all = append(all, row...)
	}
	return append(notes, statusNotes(all)...)
}

// scale is the value axis: round ticks around the values (not forced to
// include 0, as usual for lines).
func (c TimeSeriesChart) scale(grid [][]ChartValue) valueScale {
	var all []ChartValue
	for _, row := range grid {
		all = append(all, row...)
	}
	lo, hi, ok := rangeOf(all)
	if !ok {
		lo, hi = 0, 0
	}
	return niceScale(lo, hi, 5, false)
}

// description is the accessible French text of the chart.
func (c TimeSeriesChart) description(years []int, grid [][]ChartValue) string {
	var d strings.Builder
	fmt.Fprintf(&d, "Évolution de %d à %d.", years[0], years[len(years)-1])
	for i, s := range c.Series {
		var parts []string
		for j, y := range years {
			if v := grid[i][j]; v.drawn() || hasPoint(s, y) {
				parts = append(parts, strconv.Itoa(y)+frnum.UnitSep+": "+c.long(v))
			}
		}
		fmt.Fprintf(&d, " %s%s: %s.", s.Name, frnum.UnitSep, strings.Join(parts, ", "))
	}
	for _, n := range c.gapNotes(years, grid) {
		d.WriteString(" " + n)
	}
	d.WriteString(" " + c.sourceText() + ".")
	return d.String()
}

// hasPoint tells whether a series has a point (of any status) for a year.
func hasPoint(s TimeSeries, year int) bool {
	for _, p := range s.Points {
		if p.Year == year {
			return true
		}
	}
	return false
}

// dashAttr is the SVG stroke-dasharray of series i.
func dashAttr(i int) string {
	d := chartSeriesDashes[i]
	if len(d) == 0 {
		return ""
	}
	parts := make([]string, len(d))
	for k, v := range d {
		parts[k] = strconv.Itoa(v)
	}
	return ` stroke-dasharray="` + strings.Join(parts, " ") + `"`
}

// SVG draws the chart as a standalone, deterministic SVG document.
func (c TimeSeriesChart) SVG() ([]byte, error) {
	if err := c.validate(); err != nil {
		return nil, err
	}
	years := c.years()
	grid := c.grid(years)
	sc := c.scale(grid)
	notes := c.gapNotes(years, grid)
	height := tsHeight + 15*float64(len(notes))
	s := newChartSVG(c.ChartText, "timeseries", chartWidth, height, c.description(years, grid))

	// Legend row.
	lx := svgdoc.Margin
	ly := s.top + 8
	s.raw(`<g class="legend">` + "\n")
	for i, ser := range c.Series {
		s.line(lx, ly, lx+24, ly, chartSeriesColors[i], 2.5, strings.TrimSpace(dashAttr(i)))
		s.text(lx+30, ly+4, 12, "start", svgdoc.TextColor, "", ser.Name)
		lx += 30 + textWidth(ser.Name, 12) + 24
	}
	s.raw("</g>\n")

	tickW := 0.0
	for _, v := range sc.ticks() {
		tickW = math.Max(tickW, textWidth(sc.tickLabel(v, c.Unit), 11))
	}
	x0, x1 := svgdoc.Margin+tickW+10, chartWidth-svgdoc.Margin-20
	y0, y1 := ly+26, height-30-15*float64(len(notes))-24
	// Each year owns a band of equal width, its point at the centre: the
	// axis runs from half a year before the first to half a year after the
	// last, as in the interactive chart.
	step := (x1 - x0) / float64(len(years))
	xOf := func(j int) float64 { return x0 + (float64(j)+0.5)*step }
	for _, y := range emptyYears(years, grid) {
		j := y - years[0]
		s.rect(xOf(j)-step/2, y0, step, y1-y0, "#f0f0f0", fmt.Sprintf(`class="gap" data-year="%d"`, y))
		s.text(xOf(j), y0+14, 11, "middle", chartMuted, `font-style="italic"`, value.TextMissing)
	}
	s.valueAxis(sc, c.Unit, false, y1, y0, x0, x1)
	// Year labels: all years when they fit, else every k-th year.
	every := int(math.Ceil(float64(len(years)) * 40 / (x1 - x0)))
	for j, y := range years {
		if j%max(every, 1) == 0 || j == len(years)-1 {
			s.text(xOf(j), y1+16, 11, "middle", chartAxis, "", strconv.Itoa(y))
		}
	}
	for i := len(c.Series) - 1; i >= 0; i-- { // the territory is drawn last, on top
		ser, row, color := c.Series[i], grid[i], chartSeriesColors[i]
		width := 1.8
		if i == 0 {
			width = 2.8
		}
		var d strings.Builder
		pen := false
		for j, v := range row {
			if !v.drawn() {
				pen = false
				continue
			}
			cmd := "L"
			if !pen {
				cmd = "M"
			}
			fmt.Fprintf(&d, "%s%s %s", cmd, svgdoc.Num(xOf(j)), svgdoc.Num(sc.pos(v.Value, y1, y0)))
			pen = true
		}
		fmt.Fprintf(&s.b, `<g class="series" data-name="%s">`+"\n", svgdoc.Esc(ser.Name))
		if d.Len() > 0 {
			fmt.Fprintf(&s.b, `<path d="%s" fill="none" stroke="%s" stroke-width="%s" stroke-linejoin="round"%s/>`+"\n",
				d.String(), color, svgdoc.Num(width), dashAttr(i))
		}
		for j, v := range row {
			if !v.drawn() {
				continue
			}
			x, y := xOf(j), sc.pos(v.Value, y1, y0)
			fill := color
			if v.Status != value.StatusOK {
				fill = "#ffffff" // floored or estimated: hollow point
			}
			fmt.Fprintf(&s.b, `<circle cx="%s" cy="%s" r="%s" fill="%s" stroke="%s" stroke-width="1.5" data-year="%d" data-value="%s"><title>%s</title></circle>`+"\n",
				svgdoc.Num(x), svgdoc.Num(y), svgdoc.Num(width+0.7), fill, color, years[j], echartspage.JSNumber(v.Value),
				svgdoc.Esc(ser.Name+", "+strconv.Itoa(years[j])+frnum.UnitSep+": "+c.text(v)))
			if i == 0 {
				s.text(x, y-9, 11, "middle", svgdoc.TextColor, `font-weight="bold"`, c.Unit.Format(v.Value, c.Decimals))
			}
		}
		s.raw("</g>\n")
	}
	s.footer(c.ChartText, notes)
	return s.bytes(), nil
}

// echartsLineItem is one point of an interactive line.
type echartsLineItem struct {
	Value  []any        `json:"value"` // [year, value], value "-" for a gap
	Status value.Status `json:"status"`
	Tip    []string     `json:"tip"`
	Symbol string       `json:"symbol,omitempty"`
}

// Echarts builds the interactive chart: one line per series with the same
// colours and dashes, gaps left open (connectNulls false), years without
// any value shaded and marked "n.d.", the same value axis.
func (c TimeSeriesChart) Echarts() (*echartspage.Chart, error) {
	if err := c.validate(); err != nil {
		return nil, err
	}
	id, err := chartID(c.ID, "obs-timeseries")
	if err != nil {
		return nil, err
	}
	years := c.years()
	grid := c.grid(years)
	sc := c.scale(grid)
	notes := c.gapNotes(years, grid)
	cats := make([]string, len(years))
	for j, y := range years {
		cats[j] = strconv.Itoa(y)
	}
	var areas [][]map[string]any
	for _, y := range emptyYears(years, grid) {
		// The x axis is a value axis of years, so the band of a year runs
		// from y-0.5 to y+0.5 (a category axis would round these to the
		// neighbouring categories).
		areas = append(areas, []map[string]any{
			{"xAxis": float64(y) - 0.5, "itemStyle": map[string]any{"color": "#f0f0f0"},
				"label": map[string]any{"show": true, "formatter": "n.d.", "position": "insideTop", "color": chartMuted, "fontStyle": "italic"}},
			{"xAxis": float64(y) + 0.5},
		})
	}
	var series []map[string]any
	names := make([]string, len(c.Series))
	for i, ser := range c.Series {
		names[i] = ser.Name
		items := make([]echartsLineItem, len(years))
		for j, v := range grid[i] {
			it := echartsLineItem{Value: []any{years[j], "-"}, Status: v.Status, Tip: []string{ser.Name + ", " + cats[j], c.text(v)}}
			if v.drawn() {
				it.Value = []any{years[j], v.Value}
				if v.Status != value.StatusOK {
					it.Symbol = "emptyCircle"
				}
			}
			items[j] = it
		}
		width := 1.8
		if i == 0 {
			width = 2.8
		}
		line := map[string]any{"type": "solid", "width": width, "color": chartSeriesColors[i]}
		if d := chartSeriesDashes[i]; len(d) > 0 {
			line["type"] = d
		}
		sr := map[string]any{
			"type": "line", "name": ser.Name, "data": items, "connectNulls": false,
			"symbol": "circle", "symbolSize": 2*width + 2, "z": 10 - i,
			"itemStyle": map[string]any{"color": chartSeriesColors[i]}, "lineStyle": line,
		}
		if i == 0 {
			sr["label"] = map[string]any{"show": true, "position": "top", "fontWeight": "bold", "color": svgdoc.TextColor,
				"formatter": labelsByIndex(grid[0], c.Unit, c.Decimals)}
			if len(areas) > 0 {
				sr["markArea"] = map[string]any{"silent": true, "data": areas}
			}
		}
		series = append(series, sr)
	}
	line := charts.NewLine()
	line.SetGlobalOptions(echartspage.BaseOptions(id, c.docTitle(), c.description(years, grid))...)
	line.SetGlobalOptions(charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", Formatter: echartspage.TooltipFormatter(c.sourceText())}))
	line.Accept(echartspage.OptionPatch{Set: map[string]any{
		"title":  echartspage.Titles(c.Title, c.Subtitle, strings.Join(append(notes, c.sourceText()), "\n")),
		"legend": map[string]any{"show": true, "data": names, "top": 62, "left": 10, "textStyle": map[string]any{"color": svgdoc.TextColor, "fontFamily": echartspage.Font}},
		"grid":   map[string]any{"left": 16, "right": 30, "top": 100, "bottom": 50 + 15*len(notes), "containLabel": true},
		// Years on a value axis, half a year of margin each side, a tick and
		// a label (plain digits, no thousands separator) on each year.
		"xAxis": map[string]any{"type": "value", "min": float64(years[0]) - 0.5, "max": float64(years[len(years)-1]) + 0.5,
			"splitLine": map[string]any{"show": false},
			"axisTick":  map[string]any{"customValues": years},
			"axisLabel": map[string]any{"customValues": years, "color": chartAxis, "fontFamily": echartspage.Font,
				"formatter": opts.FuncOpts("function (v) { return String(v); }")}},
		"yAxis":  echartsValueAxis(sc, c.Unit, false),
		"series": series,
	}})
	return &echartspage.Chart{ID: id, Title: c.docTitle(), Description: c.description(years, grid), Chart: line}, nil
}

// labelsByIndex is a label formatter printing Go-formatted values by data
// index (echarts label templates cannot format numbers in French).
func labelsByIndex(vals []ChartValue, unit value.Unit, decimals int) any {
	labels := make([]string, len(vals))
	for i, v := range vals {
		labels[i] = "''"
		if v.drawn() {
			labels[i] = echartspage.JSText(unit.Format(v.Value, decimals))
		}
	}
	return opts.FuncOpts("function (p) { var l = [" + strings.Join(labels, ", ") + "]; return l[p.dataIndex] || ''; }")
}
