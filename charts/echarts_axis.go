// This file builds the value axis of the interactive charts: the same
// ticks and French labels as the static SVG axis.

package charts

import (
	"fmt"
	"strings"

	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"github.com/region-bretagne/obs/echartspage"
	"github.com/region-bretagne/obs/value"
)

// tickFormatter labels the ticks of a value axis with Go's French
// formatting: echarts is given the scale's min, max and interval, so its
// ticks are exactly sc.ticks(), and the function looks each label up.
// With abs, ticks are labelled by their absolute value (pyramid).
func tickFormatter(sc valueScale, unit value.Unit, abs bool) types.FuncStr {
	ticks := sc.ticks()
	labels := make([]string, len(ticks))
	for i, v := range ticks {
		if abs && v < 0 {
			v = -v
		}
		labels[i] = echartspage.JSText(sc.tickLabel(v, unit))
	}
	return opts.FuncOpts(fmt.Sprintf("function (v) { var l = [%s]; var i = Math.round((v - (%s)) / %s); return (i >= 0 && i < l.length) ? l[i] : ''; }",
		strings.Join(labels, ", "), echartspage.JSNumber(sc.lo), echartspage.JSNumber(sc.step)))
}

// echartsValueAxis is a value axis with the scale of the static chart.
func echartsValueAxis(sc valueScale, unit value.Unit, abs bool) map[string]any {
	return map[string]any{
		"type": "value", "min": sc.lo, "max": sc.hi, "interval": sc.step,
		"axisLabel": map[string]any{"formatter": tickFormatter(sc, unit, abs), "color": chartAxis, "fontFamily": echartspage.Font},
		"splitLine": map[string]any{"lineStyle": map[string]any{"color": chartGrid}},
	}
}
