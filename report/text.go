// French text of a sheet: values with their status ("secret statistique",
// "n.d.", "≤ 5,0 %"), evolutions between censuses, and the typography
// (no-break spaces before high punctuation, inside guillemets, before % and
// €).

package report

import (
	"math"
	"strings"

	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/frnum"
	"github.com/region-bretagne/obs/value"
)

// frTypo puts a NO-BREAK SPACE where French typography wants one: before
// : ; ! ? % € and inside « ». Spaces already no-break are left alone.
var frTypo = strings.NewReplacer(
	" :", "\u00a0:", " ;", "\u00a0;", " !", "\u00a0!", " ?", "\u00a0?",
	" %", "\u00a0%", " €", "\u00a0€", "« ", "«\u00a0", " »", "\u00a0»",
)

// fr applies French typography to a user-facing text.
func fr(s string) string { return frTypo.Replace(s) }

// cellUnit is the unit a sheet prints after a number, in its tables and
// charts: percentages and euros carry their sign; counts, ratios,
// densities and rates per 10 000 inhabitants are bare numbers, their unit
// being in the row's label or the chart's title.
func cellUnit(unit value.Unit) value.Unit {
	switch unit {
	case value.UnitPercent, value.UnitEuro:
		return unit
	}
	return value.UnitCount
}

// unitLabel is the unit shown after a row's label, "" when the label says
// it already or the value is a plain count.
func unitLabel(ind cube.Indicator) string {
	switch ind.Unit {
	case "per_km2":
		return "hab./km²"
	case "euro":
		if strings.Contains(ind.Label, "médian") || strings.Contains(ind.Label, "décile") {
			return "€ par an"
		}
		if strings.Contains(ind.Label, "mensuel") {
			return "€ par mois"
		}
	}
	return ""
}

// valueText formats a fact's value for a table cell, where the unit of
// rates and amounts is printed and other units stand beside the label.
func valueText(f cube.Fact, unit value.Unit, decimals int) string {
	return value.Text(value.FormTable, f.Value, f.Status, cellUnit(unit), decimals)
}

// signed formats v with an explicit sign: "+1,2", "−0,4", "0,0".
func signed(v float64, decimals int) string {
	s := frnum.Number(v, decimals)
	if !strings.HasPrefix(s, frnum.Minus) && strings.Trim(s, "0,") != "" {
		s = "+" + s
	}
	return s
}

// evolution describes the change between two census facts of the same
// territory and geography: the mean annual rate for counts and densities
// ("+0,9 % par an"), the difference in points for shares ("+1,2 pt").
// It returns "" when either value is absent or the years are not ordered.
func evolution(from, to cube.Fact, fromYear, toYear int, unit value.Unit) string {
	exact := func(f cube.Fact) bool { return f.Status == value.StatusOK || f.Status == value.StatusEstimated }
	if !from.HasValue() || !to.HasValue() || toYear <= fromYear || !exact(from) || !exact(to) {
		return ""
	}
	switch unit {
	case "percent":
		return signed(to.Value-from.Value, 1) + "\u00a0pt"
	default:
		if from.Value <= 0 || to.Value < 0 {
			return ""
		}
		rate := (math.Pow(to.Value/from.Value, 1/float64(toYear-fromYear)) - 1) * 100
		return signed(rate, 1) + "\u00a0% par an"
	}
}
