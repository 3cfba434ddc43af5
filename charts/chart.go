// This file defines what the four obs charts (territory against its
// references, ranking of EPCI, time series, age pyramid) share: their text,
// their values with a status, their colours and the value scale used both
// by the static SVG and by the interactive go-echarts chart.

package charts

import (
	"fmt"
	"math"
	"strings"

	"github.com/region-bretagne/obs/echartspage"
	"github.com/region-bretagne/obs/frnum"
	"github.com/region-bretagne/obs/value"
)

// ChartText is the text around a chart.
type ChartText struct {
	// ID is the id of the interactive chart's <div> and the file name of
	// its saved image; letters, digits, '-' and '_'. Empty gives a default
	// per chart kind.
	ID              string
	Title, Subtitle string
	// Unit is value.UnitPercent, value.UnitEuro, value.UnitCount, value.UnitRatio or any unit text;
	// Decimals is the number of decimals of the values shown.
	Unit     value.Unit
	Decimals int
	// Source and Vintage make the source line: "Source : Insee, Filosofi –
	// données 2021".
	Source, Vintage string
}

// ChartValue is one value of a chart with its status (value.StatusOK,
// value.StatusSecret, value.StatusMissing, value.StatusFloored, value.StatusEstimated). Value is
// ignored for secret and missing values, which are never drawn as 0.
type ChartValue struct {
	Value  float64
	Status value.Status
}

// Colours of the charts.
const (
	chartHighlight = "#bd0026" // the territory of interest
	chartReference = "#969696" // the other bars
	chartMen       = "#4575b4"
	chartWomen     = "#d73027"
	chartGrid      = "#e0e0e0"
	chartAxis      = "#636363"
	chartMuted     = "#737373"
	chartWidth     = 720.0
)

// chartSeriesColors colour the lines of a time series, the territory first.
var chartSeriesColors = []string{chartHighlight, "#2171b5", "#6a51a3", "#238b45", "#737373", "#d94801"}

// chartSeriesDashes tell the lines apart without colour (SVG dasharray and
// echarts lineStyle.type).
var chartSeriesDashes = [][]int{nil, {6, 3}, {2, 2}, {8, 3, 2, 3}, {4, 4}, {1, 3}}

// check validates a value: a known status and, when drawn, a finite value.
func (v ChartValue) check(where string) error {
	switch v.Status {
	case value.StatusOK, value.StatusFloored, value.StatusEstimated, value.StatusPartial:
		if math.IsNaN(v.Value) || math.IsInf(v.Value, 0) {
			return fmt.Errorf("maps: %s: status %s with value %v", where, v.Status, v.Value)
		}
	case value.StatusSecret, value.StatusMissing:
	default:
		return fmt.Errorf("maps: %s: unknown status %q (want ok, secret, missing, floored, estimated or partial)", where, v.Status)
	}
	return nil
}

// drawn tells whether the value is drawn (it has a number).
func (v ChartValue) drawn() bool { return v.Status.HasValue() }

// chartID returns id, or def when id is empty, checked for use in HTML.
func chartID(id, def string) (string, error) {
	if id == "" {
		id = def
	}
	if !echartspage.ValidID.MatchString(id) {
		return "", fmt.Errorf("maps: chart id %q: want letters, digits, '-' or '_', starting with a letter", id)
	}
	return id, nil
}

// sourceText is "Source : Insee, Filosofi – données 2021".
func (t ChartText) sourceText() string {
	s := "Source" + frnum.UnitSep + ": "
	if t.Source != "" {
		s += t.Source
	} else {
		s += "non précisée"
	}
	if t.Vintage != "" {
		s += " – données " + t.Vintage
	}
	return s
}

// docTitle is the title with the subtitle, for <title> and the page.
func (t ChartText) docTitle() string {
	if t.Subtitle == "" {
		return t.Title
	}
	return t.Title + " – " + t.Subtitle
}

// text formats a value with its status, in French.
func (t ChartText) text(v ChartValue) string {
	return value.Text(value.FormTooltip, v.Value, v.Status, t.Unit, t.Decimals)
}

// long formats a value with its status for a description read as prose
// (aria label, <desc>, <noscript>): "non disponible" in full.
func (t ChartText) long(v ChartValue) string {
	return value.Text(value.FormLong, v.Value, v.Status, t.Unit, t.Decimals)
}

// short is the label drawn next to a bar: the value or "secret" / "n.d.".
func (t ChartText) short(v ChartValue) string {
	return value.Text(value.FormShort, v.Value, v.Status, t.Unit, t.Decimals)
}

// valueScale is a linear value axis with round ticks.
type valueScale struct {
	lo, hi, step float64
	// decimals of the tick labels.
	decimals int
}

// niceScale returns a scale with about n round ticks (steps of 1, 2, 2.5
// or 5 × 10^k) covering [min, max]. With zero true the scale includes 0
// (bars start at 0). A constant or empty range gets a unit-wide scale.
func niceScale(min, max float64, n int, zero bool) valueScale {
	if zero {
		min, max = math.Min(min, 0), math.Max(max, 0)
	}
	if math.IsInf(min, 0) || math.IsInf(max, 0) || math.IsNaN(min) || math.IsNaN(max) {
		min, max = 0, 1
	}
	if max == min {
		if max == 0 {
			max = 1
		} else {
			pad := math.Abs(max) * 0.1
			min, max = min-pad, max+pad
			if zero {
				min, max = math.Min(min, 0), math.Max(max, 0)
			}
		}
	}
	if n < 2 {
		n = 2
	}
	raw := (max - min) / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag * 10
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	lo := math.Floor(min/step+1e-9) * step
	hi := math.Ceil(max/step-1e-9) * step
	decimals := 0
	for d := 0; d < 6; d++ {
		if math.Abs(step*math.Pow(10, float64(d))-math.Round(step*math.Pow(10, float64(d)))) < 1e-9 {
			decimals = d
			break
		}
	}
	return valueScale{lo: roundTo(lo, decimals), hi: roundTo(hi, decimals), step: step, decimals: decimals}
}

// roundTo rounds v to d decimals (removes float noise from tick values).
func roundTo(v float64, d int) float64 {
	p := math.Pow(10, float64(d))
	return math.Round(v*p) / p
}

// ticks returns the tick values from lo to hi.
func (s valueScale) ticks() []float64 {
	var out []float64
	n := int(math.Round((s.hi - s.lo) / s.step))
	for i := 0; i <= n; i++ {
		out = append(out, roundTo(s.lo+float64(i)*s.step, s.decimals))
	}
	return out
}

// pos maps a value to a coordinate between a (at lo) and b (at hi).
func (s valueScale) pos(v, a, b float64) float64 {
	if s.hi == s.lo {
		return a
	}
	return a + (v-s.lo)/(s.hi-s.lo)*(b-a)
}

// tickLabel formats a tick with the chart's unit, in French.
func (s valueScale) tickLabel(v float64, unit value.Unit) string {
	return unit.Format(v, s.decimals)
}

// rangeOf returns the min and max of the drawn values.
func rangeOf(vals []ChartValue) (min, max float64, any bool) {
	min, max = math.Inf(1), math.Inf(-1)
	for _, v := range vals {
		if v.drawn() {
			min, max, any = math.Min(min, v.Value), math.Max(max, v.Value), true
		}
	}
	return min, max, any
}

// textWidth estimates the width in pixels of s in the chart font at size
// px (DejaVu Sans averages about 0.6 em per character).
func textWidth(s string, px float64) float64 {
	return float64(len([]rune(s))) * px * 0.6
}

// ellipsis shortens s to at most n characters, ending with "…".
func ellipsis(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
