// The progress engine: advancement rate and status of one indicator from
// its baseline, current value and target. Pure functions, no I/O.

package plan

import (
	"fmt"
	"math"

	"github.com/region-bretagne/obs/frnum"
)

// Status is the progress status of a plan row (its own vocabulary, not a
// value.Status).
type Status string

// Statuses, from the best.
const (
	OnTrack      Status = "en bonne voie"
	Accelerate   Status = "à accélérer"
	Insufficient Status = "progrès insuffisants"
	MovingAway   Status = "s'éloigne de la cible"
	NotAssessed  Status = "non évaluable"
)

// Statuses lists every status in display order.
var Statuses = []Status{OnTrack, Accelerate, Insufficient, MovingAway, NotAssessed}

// Thresholds of the status. With a target: ratio of the observed annual
// growth rate to the required one. Without a target: the observed annual
// growth rate in the wanted direction (open-sdg's 1 % and 0,5 %).
const (
	RatioOnTrack      = 0.95
	RatioAccelerate   = 0.60
	GrowthOnTrack     = 0.01
	GrowthAccelerate  = 0.005
	MaxVintageAgeYear = 4 // coverage: a latest vintage older than this many years is a gap
)

// Point is a value at a year.
type Point struct {
	Year  int
	Value float64
}

// Input is what the engine needs for one row. Target.Year is 0 when the
// row has no target.
type Input struct {
	Direction Direction
	Base      Point
	Current   Point
	Target    Point
}

// Progress is the result of Assess. Rate and the growth rates are NaN
// when not defined.
type Progress struct {
	Rate           float64 // taux d'avancement, in [0, 1]
	Status         Status
	Reason         string  // why not assessable, or how (French)
	ObservedGrowth float64 // annual growth rate baseline → current
	RequiredGrowth float64 // annual growth rate baseline → target
}

// Assess measures the progress of one row.
//
// The advancement rate is (current − baseline) / (target − baseline),
// clamped to [0 %, 100 %]. The annual growth rate between two points is
// the continuous rate ln(v₁/v₀)/(t₁ − t₀) (the log of open-sdg's
// compound rate: identical in sign and order, and symmetric, so a
// "baisse" row is the exact mirror of a "hausse" row on reciprocal
// values). With a target, the status is the ratio observed/required:
// ≥ 95 % en bonne voie, 60–95 % à accélérer, 0–60 % progrès
// insuffisants, < 0 s'éloigne de la cible; a target already reached is en
// bonne voie. Without a target, the observed compound rate in the wanted
// direction: ≥ 1 %/an en bonne voie, 0,5–1 % à accélérer, 0–0,5 %
// progrès insuffisants, < 0 s'éloigne. When a value is zero or negative
// the growth rates are linear (units per year) instead; without a target
// a zero baseline is then not assessable (no relative growth).
func Assess(in Input) Progress {
	p := Progress{Rate: math.NaN(), ObservedGrowth: math.NaN(), RequiredGrowth: math.NaN()}
	na := func(reason string) Progress { p.Status, p.Reason = NotAssessed, reason; return p }
	if math.IsNaN(in.Base.Value) {
		return na("valeur de référence manquante")
	}
	if math.IsNaN(in.Current.Value) {
		return na("valeur courante manquante")
	}
	if in.Current.Year <= in.Base.Year {
		return na(fmt.Sprintf("un seul point (%d)\u00a0: au moins deux millésimes sont nécessaires", in.Base.Year))
	}
	d := in.Direction.sign()
	hasTarget := in.Target.Year != 0 && !math.IsNaN(in.Target.Value)
	positive := in.Base.Value > 0 && in.Current.Value > 0 && (!hasTarget || in.Target.Value > 0)
	growth := func(a, b Point) float64 {
		if positive {
			return math.Log(b.Value/a.Value) / float64(b.Year-a.Year)
		}
		return (b.Value - a.Value) / float64(b.Year-a.Year)
	}
	p.ObservedGrowth = growth(in.Base, in.Current)
	if !hasTarget {
		if !positive && in.Base.Value == 0 {
			return na("référence nulle sans cible\u00a0: pas de taux de croissance relatif")
		}
		g := d * p.ObservedGrowth
		if positive {
			g = math.Expm1(g) // compound annual rate in the wanted direction
		} else {
			g /= math.Abs(in.Base.Value)
		}
		switch {
		case g >= GrowthOnTrack:
			p.Status = OnTrack
		case g >= GrowthAccelerate:
			p.Status = Accelerate
		case g >= 0:
			p.Status = Insufficient
		default:
			p.Status = MovingAway
		}
		p.Reason = "sans cible\u00a0: évolution annuelle observée"
		return p
	}
	gap := in.Target.Value - in.Base.Value
	if d*gap < 0 {
		return na(fmt.Sprintf("cible contraire au sens «\u00a0%s\u00a0» (référence %s, cible %s)", in.Direction, frnum.Number(in.Base.Value, 2), frnum.Number(in.Target.Value, 2)))
	}
	reached := d*(in.Current.Value-in.Target.Value) >= 0
	if gap == 0 {
		if reached {
			p.Rate, p.Status, p.Reason = 1, OnTrack, "cible égale à la référence, maintenue"
		} else {
			p.Rate, p.Status, p.Reason = 0, MovingAway, "cible égale à la référence, non maintenue"
		}
		return p
	}
	p.Rate = math.Max(0, math.Min(1, (in.Current.Value-in.Base.Value)/gap))
	p.RequiredGrowth = growth(in.Base, in.Target)
	if reached {
		p.Status, p.Reason = OnTrack, "cible atteinte"
		return p
	}
	ratio := p.ObservedGrowth / p.RequiredGrowth
	switch {
	case ratio >= RatioOnTrack:
		p.Status = OnTrack
	case ratio >= RatioAccelerate:
		p.Status = Accelerate
	case ratio >= 0:
		p.Status = Insufficient
	default:
		p.Status = MovingAway
	}
	return p
}
