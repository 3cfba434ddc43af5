// This file draws the ranked horizontal bars of all EPCI (or any set of
// territories) for one indicator, with the territory of interest
// highlighted and an optional reference line (the regional value).

package charts

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/region-bretagne/obs/echartspage"
	"github.com/region-bretagne/obs/frnum"
	"github.com/region-bretagne/obs/svgdoc"
	"github.com/region-bretagne/obs/value"
)

// RankedItem is one territory of a ranking.
type RankedItem struct {
	Code, Name string
	ChartValue
}

// ReferenceLine is a value drawn across a chart, such as the regional
// rate. Label only names the reference ("Bretagne"): the chart appends the
// value, formatted like the bars, to print "Bretagne : 10,9 %".
type ReferenceLine struct {
	Label string
	Value float64
}

// RankingChart ranks territories by value, one bar each.
type RankingChart struct {
	ChartText
	Items []RankedItem
	// Highlight is the code of the territory of interest ("" for none).
	Highlight string
	// Reference, when set, is drawn as a dashed line.
	Reference *ReferenceLine
	// Ascending ranks the lowest value first; by default the highest value
	// comes first.
	Ascending bool
}

// Layout of the static ranking.
const (
	rankRow       = 15.0
	rankBar       = 10.0
	rankNameMax   = 250.0
	rankValueRoom = 110.0
)

// validate checks the items, their codes and the highlight.
func (c RankingChart) validate() error {
	if len(c.Items) == 0 {
		return fmt.Errorf("maps: ranking %q has no territories", c.Title)
	}
	seen := map[string]int{}
	for i, it := range c.Items {
		where := fmt.Sprintf("ranking %q, territory %d (%s)", c.Title, i, it.Code)
		if err := it.check(where); err != nil {
			return err
		}
		if it.Code == "" {
			return fmt.Errorf("maps: ranking %q, territory %d (%s) has no code", c.Title, i, it.Name)
		}
		if j, dup := seen[it.Code]; dup {
			return fmt.Errorf("maps: ranking %q: territories %d and %d share the code %s", c.Title, j, i, it.Code)
		}
		seen[it.Code] = i
	}
	if c.Highlight != "" {
		if _, ok := seen[c.Highlight]; !ok {
			return fmt.Errorf("maps: ranking %q: highlighted territory %s is not among the %d territories", c.Title, c.Highlight, len(c.Items))
		}
	}
	if c.Reference != nil && (math.IsNaN(c.Reference.Value) || math.IsInf(c.Reference.Value, 0)) {
		return fmt.Errorf("maps: ranking %q: reference %q is %v", c.Title, c.Reference.Label, c.Reference.Value)
	}
	return nil
}

// rankedRow is an item in drawing order with its rank (0 when unranked).
type rankedRow struct {
	RankedItem
	rank int
}

// rows sorts the items: values from the highest (or lowest with
// Ascending), ties by name then code; then secret, then missing values,
// by name. Equal values share a rank (1, 2, 2, 4).
func (c RankingChart) rows() []rankedRow {
	rows := make([]rankedRow, len(c.Items))
	for i, it := range c.Items {
		rows[i] = rankedRow{RankedItem: it}
	}
	group := func(r rankedRow) int {
		switch r.Status {
		case value.StatusSecret:
			return 1
		case value.StatusMissing:
			return 2
		}
		return 0
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if ga, gb := group(a), group(b); ga != gb {
			return ga < gb
		}
		if group(a) == 0 && a.Value != b.Value {
			return (a.Value > b.Value) != c.Ascending
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Code < b.Code
	})
	for i := range rows {
		if !rows[i].drawn() {
			continue
		}
		rows[i].rank = i + 1
		if i > 0 && rows[i-1].drawn() && rows[i-1].Value == rows[i].Value {
			rows[i].rank = rows[i-1].rank
		}
	}
	return rows
}

// ranked counts the rows with a value.
func ranked(rows []rankedRow) int {
	n := 0
	for _, r := range rows {
		if r.drawn() {
			n++
		}
	}
	return n
}

// scale is the value axis, including 0 and the reference.
func (c RankingChart) scale() valueScale {
	vals := make([]ChartValue, 0, len(c.Items)+1)
	for _, it := range c.Items {
		vals = append(vals, it.ChartValue)
	}
	if c.Reference != nil {
		vals = append(vals, ChartValue{Value: c.Reference.Value, Status: value.StatusOK})
	}
	lo, hi, ok := rangeOf(vals)
	if !ok {
		lo, hi = 0, 0
	}
	return niceScale(lo, hi, 5, true)
}

// rankText is "3e sur 59" (French ordinal: 1er, 2e…).
func rankText(rank, of int) string {
	ord := strconv.Itoa(rank) + "e"
	if rank == 1 {
		ord = "1er"
	}
	return ord + " sur " + strconv.Itoa(of)
}

// description is the accessible French text: order, highlighted
// territory with its rank, extremes, reference, counts without value.
func (c RankingChart) description(rows []rankedRow) string {
	var d strings.Builder
	order := "de la plus forte à la plus faible valeur"
	if c.Ascending {
		order = "de la plus faible à la plus forte valeur"
	}
	fmt.Fprintf(&d, "Classement de %s territoires, %s.", frnum.Number(float64(len(rows)), 0), order)
	n := ranked(rows)
	if n > 0 {
		first, last := rows[0], rows[n-1]
		fmt.Fprintf(&d, " Premier%s: %s (%s) ; dernier%s: %s (%s).", frnum.UnitSep, first.Name, c.long(first.ChartValue),
			frnum.UnitSep, last.Name, c.long(last.ChartValue))
	}
	for _, r := range rows {
		if r.Code == c.Highlight && c.Highlight != "" {
			if r.drawn() {
				fmt.Fprintf(&d, " %s%s: %s, %s.", r.Name, frnum.UnitSep, c.long(r.ChartValue), rankText(r.rank, n))
			} else {
				fmt.Fprintf(&d, " %s%s: %s.", r.Name, frnum.UnitSep, c.long(r.ChartValue))
			}
		}
	}
	if c.Reference != nil {
		fmt.Fprintf(&d, " Référence %s%s: %s.", c.Reference.Label, frnum.UnitSep, c.Unit.Format(c.Reference.Value, c.Decimals))
	}
	if k := len(rows) - n; k > 0 {
		fmt.Fprintf(&d, " %s sans valeur (secret statistique ou non disponible).", frnum.Number(float64(k), 0))
	}
	d.WriteString(" " + c.sourceText() + ".")
	return d.String()
}

// referenceText is "Bretagne : 10,9 %".
func (c RankingChart) referenceText() string {
	return c.Reference.Label + frnum.UnitSep + ": " + c.Unit.Format(c.Reference.Value, c.Decimals)
}

// SVG draws the ranking as a standalone, deterministic SVG document.
func (c RankingChart) SVG() ([]byte, error) {
	if err := c.validate(); err != nil {
		return nil, err
	}
	rows := c.rows()
	sc := c.scale()
	var vals []ChartValue
	for _, r := range rows {
		vals = append(vals, r.ChartValue)
	}
	notes := statusNotes(vals)
	nameW := 0.0
	for _, r := range rows {
		w := textWidth(ellipsis(r.Name, int(math.Floor(rankNameMax/(11*0.6)))), 11)
		if r.Code == c.Highlight {
			w *= 1.12 // bold
		}
		nameW = math.Max(nameW, w)
	}
	nameW = math.Min(nameW, rankNameMax*1.12)
	nameChars := int(math.Floor(rankNameMax / (11 * 0.6)))

	top := c.headerHeight() + 22
	height := top + float64(len(rows))*rankRow + 24 + 30 + 15*float64(len(notes))
	s := newChartSVG(c.ChartText, "ranking", chartWidth, height, c.description(rows))

	x0, x1 := svgdoc.Margin+nameW+10, chartWidth-svgdoc.Margin-rankValueRoom
	y0, y1 := top, top+float64(len(rows))*rankRow
	s.valueAxis(sc, c.Unit, true, x0, x1, y0-4, y1+2)
	zero := sc.pos(0, x0, x1)
	s.raw(`<g class="bars">` + "\n")
	for i, r := range rows {
		y := y0 + float64(i)*rankRow
		mid := y + rankRow/2
		hl := r.Code == c.Highlight && c.Highlight != ""
		fill, weight := chartReference, ""
		if hl {
			fill, weight = chartHighlight, `font-weight="bold"`
			s.rect(svgdoc.Margin-4, y, chartWidth-2*svgdoc.Margin+8, rankRow, "#fde0dd", `class="highlight"`)
		}
		fmt.Fprintf(&s.b, `<g class="bar" data-code="%s" data-status="%s" data-rank="%d">`, svgdoc.Esc(r.Code), svgdoc.Esc(string(r.Status)), r.rank)
		s.raw("<title>" + svgdoc.Esc(r.Name+frnum.UnitSep+": "+c.text(r.ChartValue)) + "</title>\n")
		s.text(x0-8, mid+4, 11, "end", svgdoc.TextColor, weight, ellipsis(r.Name, nameChars))
		if r.drawn() {
			x := sc.pos(r.Value, x0, x1)
			s.rect(zero, mid-rankBar/2, x-zero, rankBar, fill, fmt.Sprintf(`data-value="%s"`, echartspage.JSNumber(r.Value)))
			if r.Value < 0 {
				s.text(zero+4, mid+4, 11, "start", svgdoc.TextColor, weight, c.text(r.ChartValue))
			} else {
				s.text(x+4, mid+4, 11, "start", svgdoc.TextColor, weight, c.text(r.ChartValue))
			}
		} else {
			s.statusMark(r.ChartValue, zero+4, mid+4, "start")
		}
		s.raw("</g>\n")
	}
	s.raw("</g>\n")
	if c.Reference != nil {
		x := sc.pos(c.Reference.Value, x0, x1)
		s.raw(`<g class="reference">` + "\n")
		s.line(x, y0-6, x, y1, svgdoc.TextColor, 1.2, `stroke-dasharray="5 3"`)
		s.text(x, y0-10, 11, "middle", svgdoc.TextColor, "", c.referenceText())
		s.raw("</g>\n")
	}
	s.footer(c.ChartText, notes)
	return s.bytes(), nil
}

// Echarts builds the interactive ranking: the same order, colours, scale,
// French labels and reference line; territories without a value carry a
// "secret" or "n.d." mark. MinHeight keeps 15 px per bar.
func (c RankingChart) Echarts() (*echartspage.Chart, error) {
	if err := c.validate(); err != nil {
		return nil, err
	}
	id, err := chartID(c.ID, "obs-ranking")
	if err != nil {
		return nil, err
	}
	rows := c.rows()
	sc := c.scale()
	n := ranked(rows)
	names := make([]string, len(rows))
	items := make([]echartsBarItem, len(rows))
	var marks []map[string]any
	var vals []ChartValue
	for i, r := range rows {
		vals = append(vals, r.ChartValue)
		names[i] = r.Name
		tip := []string{r.Name, c.text(r.ChartValue)}
		if r.drawn() {
			tip = append(tip, rankText(r.rank, n))
		}
		it := echartsBarItem{Name: r.Code, Value: "-", Status: r.Status, Tip: tip}
		if r.drawn() {
			color := chartReference
			if r.Code == c.Highlight && c.Highlight != "" {
				color = chartHighlight
			}
			pos := "right"
			if r.Value < 0 {
				pos = "left"
			}
			it.Value = r.Value
			it.ItemStyle = map[string]any{"color": color}
			it.Label = map[string]any{"show": true, "position": pos, "formatter": c.text(r.ChartValue), "color": svgdoc.TextColor, "fontSize": 11}
		} else {
			marks = append(marks, statusMarkPoint(c.short(r.ChartValue), []any{0, i}, "right"))
		}
		items[i] = it
	}
	notes := statusNotes(vals)
	series := map[string]any{
		"type": "bar", "name": c.Title, "data": items, "barWidth": rankBar,
		"markPoint": map[string]any{"data": marks},
	}
	if c.Reference != nil {
		series["markLine"] = map[string]any{
			"symbol": "none", "silent": true,
			"lineStyle": map[string]any{"color": svgdoc.TextColor, "type": "dashed", "width": 1.2},
			"label":     map[string]any{"formatter": c.referenceText(), "position": "start", "color": svgdoc.TextColor},
			"data":      []map[string]any{{"xAxis": c.Reference.Value}},
		}
	}
	var nameStyle map[string]any
	if c.Highlight != "" {
		// Bold the highlighted name through a rich-text style keyed by index.
		nameStyle = map[string]any{"hl": map[string]any{"fontWeight": "bold", "color": chartHighlight}}
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(echartspage.BaseOptions(id, c.docTitle(), c.description(rows))...)
	bar.SetGlobalOptions(charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", Formatter: echartspage.TooltipFormatter(c.sourceText())}))
	yLabel := map[string]any{"interval": 0, "color": svgdoc.TextColor, "fontFamily": echartspage.Font, "fontSize": 11}
	if nameStyle != nil {
		for i, r := range rows {
			if r.Code == c.Highlight {
				yLabel["formatter"] = opts.FuncOpts(fmt.Sprintf("function (v, i) { return i === %d ? '{hl|' + v + '}' : v; }", i))
			}
		}
		yLabel["rich"] = nameStyle
	}
	bar.Accept(echartspage.OptionPatch{Set: map[string]any{
		"title": echartspage.Titles(c.Title, c.Subtitle, strings.Join(append(notes, c.sourceText()), "\n")),
		"grid":  map[string]any{"left": 30, "right": rankValueRoom, "top": 90, "bottom": 50 + 15*len(notes), "containLabel": true},
		"yAxis": map[string]any{"type": "category", "data": names, "inverse": true, "axisLabel": yLabel,
			"axisTick": map[string]any{"show": false}},
		"xAxis":  echartsValueAxis(sc, c.Unit, false),
		"series": []map[string]any{series},
	}})
	return &echartspage.Chart{ID: id, Title: c.docTitle(), Description: c.description(rows), Chart: bar,
		MinHeight: 160 + int(rankRow)*len(rows)}, nil
}
