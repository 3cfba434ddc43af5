// The facts of one indicator and public on one COG vintage: communes, then
// EPCI, départements and région from their communes (counts, ratios) or
// from the published files (non-additive indicators), then France.

package cube

import (
	"fmt"
	"math"

	"github.com/region-bretagne/obs/value"
)

// facts appends the rows of indicator ind, public pe, on COG c, for every
// vintage its variables exist on.
func (fr *frame) facts(rows [][]any, c int, vars map[varKey]*series, ind Indicator, pe PublicExpr) [][]any {
	var numExpr, denExpr []string
	if ind.Kind == KindRatio {
		numExpr, _ = ParseExpr(pe.Numerator)
		denExpr, _ = ParseExpr(pe.Denominator)
	} else {
		numExpr, _ = ParseExpr(pe.Value)
	}
	denVintages := []string(nil)
	if ind.Kind == KindRatio {
		if denVintages = vintagesOf(vars, denExpr); len(denVintages) == 0 {
			return rows
		}
	}
	for _, v := range vintagesOf(vars, numExpr) {
		dv := ""
		source := label(vars, numExpr, v)
		if ind.Kind == KindRatio {
			dv = nearest(denVintages, v)
			if ds := label(vars, denExpr, dv); ds != source {
				source += " / " + ds
			}
		}
		row := func(level, code string, r result, cross bool) {
			rows = append(rows, []any{ind.ID, c, level, code, pe.Public, v, null(r.value), null(r.num), null(r.den),
				string(r.status), r.reason, r.coverage, source, cross})
		}
		scale := ind.Scale
		if scale == 0 {
			scale = 1
		}
		byCommune := make(map[string]member, len(fr.communes[c]))
		hasCommune := false
		for _, code := range fr.communes[c] {
			m := member{pop: fr.pop[c][code], num: evalExpr(vars, numExpr, v, code)}
			if ind.Kind == KindRatio {
				m.den = evalExpr(vars, denExpr, dv, code)
			}
			byCommune[code] = m
			if _, ok := vars[varKey{numExpr[0], v}].commune[code]; ok {
				hasCommune = true
			}
		}
		for _, code := range fr.communes[c] {
			if ind.Kind == KindPublished && !hasCommune {
				row("commune", code, notPublished(), false)
				continue
			}
			row("commune", code, communeResult(ind.Kind, scale, byCommune[code]), false)
		}
		for _, t := range fr.supra[c] {
			if t.level == "france" {
				continue
			}
			if ind.Kind == KindPublished {
				cell, ok := vars[varKey{numExpr[0], v}].supra[t.level+"|"+t.code]
				if !ok {
					row(t.level, t.code, notPublished(), t.cross)
					continue
				}
				r := communeResult(KindPublished, 1, member{num: cell})
				if t.cross && r.status != value.StatusMissing && r.status != value.StatusSecret {
					r.reason = join(r.reason, "valeur publiée pour l'EPCI entier, y compris sa partie hors Bretagne")
				}
				row(t.level, t.code, r, t.cross)
				continue
			}
			ms := make([]member, 0, len(t.members))
			for _, code := range t.members {
				ms = append(ms, byCommune[code])
			}
			r := aggregateResult(ind.Kind, scale, ms)
			if t.cross {
				r.reason = join(r.reason, fmt.Sprintf("partie bretonne seulement (%d communes sur %d)", t.nBreton, t.nAll))
			}
			row(t.level, t.code, r, t.cross)
		}
		for _, t := range fr.supra[c] {
			if t.level != "france" {
				continue
			}
			if cell, ok := vars[varKey{numExpr[0], v}].supra["france|"+t.code]; ok && ind.Kind == KindPublished {
				row(t.level, t.code, communeResult(KindPublished, 1, member{num: cell}), false)
				continue
			}
			r := notPublished()
			if ind.Kind != KindPublished {
				r.reason = "non calculé pour la France\u00a0: seules les communes bretonnes sont chargées"
			}
			row(t.level, t.code, r, false)
		}
	}
	return rows
}

// notPublished is the answer of a published indicator where its source
// publishes nothing: never a figure computed from communes.
func notPublished() result {
	return result{value: nan, num: nan, den: nan, status: value.StatusMissing, reason: ReasonNotPublished}
}

// null turns NaN into a SQL NULL.
func null(v float64) any {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return v
}

func join(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\u00a0; " + b
}
