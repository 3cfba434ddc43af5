// This file draws the population by age band: an age pyramid (men on the
// left, women on the right) when the values are known by sex, otherwise
// plain horizontal bars by age band. The census extract staged for obs
// (dossier complet, P22_POP0014 … P22_POP90P) has age bands without sex,
// so it gives the bar form: drawing a pyramid from it would invent a split.

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
)

// AgeBand is one age band: its values by sex (pyramid) or its total.
type AgeBand struct {
	// Label is the band, "0 à 14 ans", "90 ans ou plus".
	Label string
	// Men and Women are used when the chart is BySex; Total otherwise.
	Men, Women ChartValue
	Total      ChartValue
}

// PyramidChart draws age bands, youngest first in Bands and at the bottom
// of the drawing.
type PyramidChart struct {
	ChartText
	Bands []AgeBand
	// BySex draws a pyramid from Men and Women; false draws one bar per
	// band from Total.
	BySex bool
}

// Layout of the static pyramid.
const (
	pyrRow    = 28.0
	pyrBar    = 20.0
	pyrGutter = 110.0
)

// Sex labels.
const (
	labelMen   = "Hommes"
	labelWomen = "Femmes"
)

// validate checks the bands and the values the chart uses.
func (c PyramidChart) validate() error {
	if len(c.Bands) == 0 {
		return fmt.Errorf("maps: age chart %q has no age bands", c.Title)
	}
	for i, b := range c.Bands {
		where := fmt.Sprintf("age chart %q, band %d (%s)", c.Title, i, b.Label)
		if b.Label == "" {
			return fmt.Errorf("maps: age chart %q, band %d has no label", c.Title, i)
		}
		if c.BySex {
			if err := b.Men.check(where + ", men"); err != nil {
				return err
			}
			if err := b.Women.check(where + ", women"); err != nil {
				return err
			}
		} else if err := b.Total.check(where); err != nil {
			return err
		}
	}
	return nil
}

// values lists every value the chart draws.
func (c PyramidChart) values() []ChartValue {
	var out []ChartValue
	for _, b := range c.Bands {
		if c.BySex {
			out = append(out, b.Men, b.Women)
		} else {
			out = append(out, b.Total)
		}
	}
	return out
}

// scale is the value axis: from 0 for bars; symmetric around 0 for a
// pyramid (both sexes on the same scale).
func (c PyramidChart) scale() valueScale {
	lo, hi, ok := rangeOf(c.values())
	if !ok {
		lo, hi = 0, 0
	}
	if !c.BySex {
		return niceScale(lo, hi, 5, true)
	}
	half := niceScale(0, math.Max(math.Abs(lo), math.Abs(hi)), 4, true)
	return valueScale{lo: -half.hi, hi: half.hi, step: half.step, decimals: half.decimals}
}

// description is the accessible French text of the chart.
func (c PyramidChart) description() string {
	var d strings.Builder
	if c.BySex {
		d.WriteString("Pyramide des âges, hommes à gauche, femmes à droite.")
	} else {
		d.WriteString("Répartition par tranche d’âge (données non disponibles par sexe).")
	}
	for _, b := range c.Bands {
		if c.BySex {
			fmt.Fprintf(&d, " %s%s: hommes %s, femmes %s.", b.Label, frnum.UnitSep, c.long(b.Men), c.long(b.Women))
		} else {
			fmt.Fprintf(&d, " %s%s: %s.", b.Label, frnum.UnitSep, c.long(b.Total))
		}
	}
	d.WriteString(" " + c.sourceText() + ".")
	return d.String()
}

// SVG draws the chart as a standalone, deterministic SVG document.
func (c PyramidChart) SVG() ([]byte, error) {
	if err := c.validate(); err != nil {
		return nil, err
	}
	sc := c.scale()
	notes := statusNotes(c.values())
	top := c.headerHeight() + 12
	if c.BySex {
		top += 16 // room for the "Hommes" / "Femmes" headings
	}
	n := float64(len(c.Bands))
	height := top + n*pyrRow + 26 + 30 + 15*float64(len(notes))
	kind := "age-bars"
	if c.BySex {
		kind = "pyramid"
	}
	s := newChartSVG(c.ChartText, kind, chartWidth, height, c.description())
	y0, y1 := top, top+n*pyrRow
	rowY := func(i int) float64 { return y1 - (float64(i)+0.5)*pyrRow } // youngest at the bottom
	if c.BySex {
		mid := chartWidth / 2
		lx0, lx1 := svgdoc.Margin+70, mid-pyrGutter/2 // men: value grows leftwards from lx1
		rx0, rx1 := mid+pyrGutter/2, chartWidth-svgdoc.Margin-70
		half := valueScale{lo: 0, hi: sc.hi, step: sc.step, decimals: sc.decimals}
		s.text((lx0+lx1)/2, y0-10, 13, "middle", chartMen, `font-weight="bold"`, labelMen)
		s.text((rx0+rx1)/2, y0-10, 13, "middle", chartWomen, `font-weight="bold"`, labelWomen)
		s.valueAxis(half, c.Unit, true, lx1, lx0, y0, y1)
		s.valueAxis(half, c.Unit, true, rx0, rx1, y0, y1)
		s.raw(`<g class="bands">` + "\n")
		for i, b := range c.Bands {
			y := rowY(i)
			fmt.Fprintf(&s.b, `<g class="band" data-label="%s">`, svgdoc.Esc(b.Label))
			s.text(mid, y+4, 12, "middle", svgdoc.TextColor, "", b.Label)
			for _, side := range []struct {
				v       ChartValue
				a, z    float64
				color   string
				sex     string
				outward float64
			}{{b.Men, lx1, lx0, chartMen, "men", -1}, {b.Women, rx0, rx1, chartWomen, "women", 1}} {
				if side.v.drawn() {
					x := half.pos(side.v.Value, side.a, side.z)
					s.rect(side.a, y-pyrBar/2, x-side.a, pyrBar, side.color,
						fmt.Sprintf(`data-sex="%s" data-value="%s"`, side.sex, echartspage.JSNumber(side.v.Value)))
					anchor := "start"
					if side.outward < 0 {
						anchor = "end"
					}
					s.text(x+4*side.outward, y+4, 11, anchor, svgdoc.TextColor, "", c.text(side.v))
				} else {
					anchor := "start"
					if side.outward < 0 {
						anchor = "end"
					}
					s.statusMark(side.v, side.a+4*side.outward, y+4, anchor)
				}
			}
			s.raw("</g>\n")
		}
		s.raw("</g>\n")
	} else {
		labelW := 0.0
		for _, b := range c.Bands {
			labelW = math.Max(labelW, textWidth(b.Label, 12))
		}
		x0, x1 := svgdoc.Margin+labelW+10, chartWidth-svgdoc.Margin-rankValueRoom
		s.valueAxis(sc, c.Unit, true, x0, x1, y0, y1)
		zero := sc.pos(0, x0, x1)
		s.raw(`<g class="bands">` + "\n")
		for i, b := range c.Bands {
			y := rowY(i)
			fmt.Fprintf(&s.b, `<g class="band" data-label="%s">`, svgdoc.Esc(b.Label))
			s.text(x0-8, y+4, 12, "end", svgdoc.TextColor, "", b.Label)
			if b.Total.drawn() {
				x := sc.pos(b.Total.Value, x0, x1)
				s.rect(zero, y-pyrBar/2, x-zero, pyrBar, chartMen, fmt.Sprintf(`data-value="%s"`, echartspage.JSNumber(b.Total.Value)))
				s.text(math.Max(x, zero)+4, y+4, 11, "start", svgdoc.TextColor, "", c.text(b.Total))
			} else {
				s.statusMark(b.Total, zero+4, y+4, "start")
			}
			s.raw("</g>\n")
		}
		s.raw("</g>\n")
	}
	s.footer(c.ChartText, notes)
	return s.bytes(), nil
}

// Echarts builds the interactive chart: for a pyramid, two stacked
// horizontal bar series (men as negative values, labelled by their
// absolute value, women positive) on the symmetric scale of the SVG; for
// bars by age, one series. Values without a bar carry a "secret" or "n.d."
// mark.
func (c PyramidChart) Echarts() (*echartspage.Chart, error) {
	if err := c.validate(); err != nil {
		return nil, err
	}
	id, err := chartID(c.ID, "obs-ages")
	if err != nil {
		return nil, err
	}
	sc := c.scale()
	bands := make([]string, len(c.Bands))
	for i, b := range c.Bands {
		bands[i] = b.Label
	}
	type side struct {
		name, color string
		sign        float64
		pick        func(AgeBand) ChartValue
	}
	sides := []side{{"", chartMen, 1, func(b AgeBand) ChartValue { return b.Total }}}
	if c.BySex {
		sides = []side{
			{labelMen, chartMen, -1, func(b AgeBand) ChartValue { return b.Men }},
			{labelWomen, chartWomen, 1, func(b AgeBand) ChartValue { return b.Women }},
		}
	}
	var series []map[string]any
	for _, sd := range sides {
		items := make([]echartsBarItem, len(c.Bands))
		var marks []map[string]any
		for i, b := range c.Bands {
			v := sd.pick(b)
			name := b.Label
			if sd.name != "" {
				name = sd.name + ", " + b.Label
			}
			it := echartsBarItem{Value: "-", Status: v.Status, Tip: []string{name, c.text(v)}}
			pos := "right"
			if sd.sign < 0 {
				pos = "left"
			}
			if v.drawn() {
				it.Value = sd.sign * v.Value
				it.Label = map[string]any{"show": true, "position": pos, "formatter": c.text(v), "color": svgdoc.TextColor, "fontSize": 11}
			} else {
				marks = append(marks, statusMarkPoint(c.short(v), []any{0, i}, pos))
			}
			items[i] = it
		}
		series = append(series, map[string]any{
			"type": "bar", "name": sd.name, "data": items, "stack": "ages", "barWidth": pyrBar,
			"itemStyle": map[string]any{"color": sd.color}, "markPoint": map[string]any{"data": marks},
		})
	}
	notes := statusNotes(c.values())
	bar := charts.NewBar()
	bar.SetGlobalOptions(echartspage.BaseOptions(id, c.docTitle(), c.description())...)
	bar.SetGlobalOptions(charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", Formatter: echartspage.TooltipFormatter(c.sourceText())}))
	legend := map[string]any{"show": false}
	if c.BySex {
		legend = map[string]any{"show": true, "data": []string{labelMen, labelWomen}, "top": 62, "left": "center",
			"textStyle": map[string]any{"color": svgdoc.TextColor, "fontFamily": echartspage.Font}}
	}
	bar.Accept(echartspage.OptionPatch{Set: map[string]any{
		"title":  echartspage.Titles(c.Title, c.Subtitle, strings.Join(append(notes, c.sourceText()), "\n")),
		"legend": legend,
		"grid":   map[string]any{"left": 70, "right": 70, "top": 96, "bottom": 50 + 15*len(notes), "containLabel": true},
		"yAxis": map[string]any{"type": "category", "data": bands, "axisTick": map[string]any{"show": false},
			"axisLabel": map[string]any{"color": svgdoc.TextColor, "fontFamily": echartspage.Font}},
		"xAxis":  echartsValueAxis(sc, c.Unit, c.BySex),
		"series": series,
	}})
	return &echartspage.Chart{ID: id, Title: c.docTitle(), Description: c.description(), Chart: bar,
		MinHeight: 170 + int(pyrRow)*len(c.Bands)}, nil
}
