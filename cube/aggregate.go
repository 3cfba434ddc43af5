// Aggregation rules: a commune's fact from its cells, and a territory's
// fact from its communes. Counts are summed; ratios are sum(numerator) /
// sum(denominator) over the communes where both parts are known, never an
// average of rates. Coverage is the share of the population of the
// territory whose communes had every part; a secret or missing part
// excludes its commune from the sums and from the coverage, and the reason
// says how many communes were left out.

package cube

import (
	"fmt"
	"math"
	"strings"

	"github.com/region-bretagne/obs/frnum"
	"github.com/region-bretagne/obs/ingest"
	"github.com/region-bretagne/obs/value"
)

// Cell is a converted value with its status (see ingest.Cell).
type Cell = ingest.Cell

// result is the computed part of a fact.
type result struct {
	value, num, den float64 // NaN when absent
	status          value.Status
	reason          string
	coverage        float64
}

var nan = math.NaN()

// member is one commune's contribution to an aggregate.
type member struct {
	pop      float64 // population weight (COG legal population)
	num, den Cell    // den unused for counts and published values
}

// usable reports whether a commune's parts can enter a sum.
func (m member) usable(kind string) bool {
	if kind == KindRatio {
		return m.num.HasValue && m.den.HasValue
	}
	return m.num.HasValue
}

// communeResult is the fact of a single commune.
func communeResult(kind string, scale float64, m member) result {
	r := result{value: nan, num: nan, den: nan}
	if m.num.HasValue {
		r.num = m.num.Value
	}
	if kind == KindRatio && m.den.HasValue {
		r.den = m.den.Value
	}
	if kind != KindRatio {
		r.num = nan // a count or published value is its own figure
		if !m.num.HasValue {
			r.status, r.reason = absentStatus(m.num), m.num.Reason
			return r
		}
		r.value, r.status, r.reason, r.coverage = m.num.Value, m.num.Status, m.num.Reason, 1
		return r
	}
	switch {
	case !m.num.HasValue && !m.den.HasValue:
		r.status = worst(absentStatus(m.num), absentStatus(m.den))
		r.reason = "numérateur\u00a0: " + m.num.Reason + "\u00a0; dénominateur\u00a0: " + m.den.Reason
	case !m.num.HasValue:
		r.status, r.reason = absentStatus(m.num), "numérateur\u00a0: "+m.num.Reason
	case !m.den.HasValue:
		r.status, r.reason = absentStatus(m.den), "dénominateur\u00a0: "+m.den.Reason
	case m.den.Value == 0:
		r.status, r.reason = value.StatusMissing, "dénominateur nul"
	default:
		r.value = m.num.Value / m.den.Value * scale
		r.status, r.reason = value.StatusOK, ""
		for _, c := range []Cell{m.num, m.den} {
			if c.Status != value.StatusOK && c.Status.Severity() > r.status.Severity() {
				r.status, r.reason = c.Status, c.Reason
			}
		}
		r.coverage = 1
	}
	return r
}

// aggregateResult sums the members of a territory (counts and ratios).
func aggregateResult(kind string, scale float64, members []member) result {
	r := result{value: nan, num: nan, den: nan}
	var num, den, popAll, popUsed float64
	used, secret, missing := 0, 0, 0
	status, reason := value.StatusOK, ""
	for _, m := range members {
		popAll += m.pop
		if !m.usable(kind) {
			if absentStatus(m.num) == value.StatusSecret || (kind == KindRatio && absentStatus(m.den) == value.StatusSecret) {
				secret++
			} else {
				missing++
			}
			continue
		}
		used++
		popUsed += m.pop
		num += m.num.Value
		parts := []Cell{m.num}
		if kind == KindRatio {
			den += m.den.Value
			parts = append(parts, m.den)
		}
		for _, c := range parts {
			if c.Status != value.StatusOK && c.Status.Severity() > status.Severity() {
				status, reason = c.Status, c.Reason
			}
		}
	}
	switch {
	case len(members) == 0:
		r.status, r.reason = value.StatusMissing, "aucune commune"
		return r
	case used == 0 && secret > 0:
		r.status, r.reason = value.StatusSecret, fmt.Sprintf("secret statistique dans les %d commune(s)", len(members))
		if missing > 0 {
			r.reason = fmt.Sprintf("aucune commune utilisable\u00a0: %d secrète(s), %d manquante(s)", secret, missing)
		}
		return r
	case used == 0:
		r.status, r.reason = value.StatusMissing, fmt.Sprintf("donnée manquante dans les %d commune(s)", len(members))
		return r
	}
	switch {
	case popAll > 0:
		r.coverage = popUsed / popAll
	default:
		r.coverage = float64(used) / float64(len(members))
	}
	r.num = num
	if kind == KindRatio {
		r.den = den
		if den == 0 {
			r.status, r.reason = value.StatusMissing, "dénominateur nul"
			return r
		}
		r.value = num / den * scale
	} else {
		r.value = num
		r.num = nan
	}
	r.status = status
	var why []string
	if reason != "" {
		why = append(why, reason)
	}
	if secret+missing > 0 {
		// Part of the territory only: never read as complete, so the
		// coverage is rounded down (99,96 % reads 99,9 %, not 100,0 %).
		r.status = value.StatusPartial
		why = append(why, fmt.Sprintf("%d commune(s) exclue(s) (%d secrète(s), %d manquante(s))\u00a0; couverture %s de la population",
			secret+missing, secret, missing, CoverageText(r.coverage)))
	}
	r.reason = strings.Join(why, "\u00a0; ")
	return r
}

// absentStatus is the status of an absent cell (missing when unset).
func absentStatus(c Cell) value.Status {
	if c.HasValue {
		return value.StatusOK
	}
	if c.Status == "" {
		return value.StatusMissing
	}
	return c.Status
}

// worst is the more restrictive of two statuses.
func worst(a, b value.Status) value.Status {
	if b.Severity() > a.Severity() {
		return b
	}
	return a
}

// CoverageText writes a coverage share (0–1) as a French percentage with
// one decimal, rounded down: a partial sum never reads "100,0 %".
func CoverageText(c float64) string {
	return frnum.Percent(math.Floor(c*1000+1e-9)/10, 1)
}
