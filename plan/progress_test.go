// Tests of the progress engine on hand-computed cases, and the mirror
// property: a "baisse" row is the exact mirror of a "hausse" row.

package plan

import (
	"math"
	"math/rand"
	"testing"
)

func TestAssess(t *testing.T) {
	nan := math.NaN()
	none := Point{0, nan}
	tests := []struct {
		name   string
		in     Input
		rate   float64 // NaN: undefined
		status Status
	}{
		// ln(110/100)/5 = ln(121/100)/10: ratio 1.
		{"hausse au rythme requis", Input{Up, Point{2015, 100}, Point{2020, 110}, Point{2025, 121}}, 10.0 / 21, OnTrack},
		// ln(1,07)/ln(1,1) = 0,710.
		{"hausse trop lente", Input{Up, Point{2015, 100}, Point{2020, 107}, Point{2025, 121}}, 7.0 / 21, Accelerate},
		// ln(1,05)/ln(1,1) = 0,512.
		{"hausse insuffisante", Input{Up, Point{2015, 100}, Point{2020, 105}, Point{2025, 121}}, 5.0 / 21, Insufficient},
		{"baisse au lieu de hausse", Input{Up, Point{2015, 100}, Point{2020, 95}, Point{2025, 121}}, 0, MovingAway},
		// sens baisse: (ln 0,9 / 4) / (ln 0,8 / 8) = 0,944.
		{"baisse un peu lente", Input{Down, Point{2016, 20}, Point{2020, 18}, Point{2024, 16}}, 0.5, Accelerate},
		// (ln 0,85 / 4) / (ln 0,8 / 8) = 1,457.
		{"baisse rapide", Input{Down, Point{2016, 20}, Point{2020, 17}, Point{2024, 16}}, 0.75, OnTrack},
		{"hausse pour un sens baisse", Input{Down, Point{2016, 20}, Point{2020, 21}, Point{2024, 16}}, 0, MovingAway},
		{"cible déjà atteinte", Input{Up, Point{2015, 100}, Point{2020, 130}, Point{2025, 120}}, 1, OnTrack},
		{"cible déjà atteinte (baisse)", Input{Down, Point{2015, 10}, Point{2020, 7}, Point{2025, 8}}, 1, OnTrack},
		{"référence égale à la cible, maintenue", Input{Up, Point{2015, 50}, Point{2020, 52}, Point{2025, 50}}, 1, OnTrack},
		{"référence égale à la cible, perdue", Input{Up, Point{2015, 50}, Point{2020, 49}, Point{2025, 50}}, 0, MovingAway},
		// linear rates: (40/4) / (100/8) = 0,8.
		{"référence nulle avec cible", Input{Up, Point{2018, 0}, Point{2022, 40}, Point{2026, 100}}, 0.4, Accelerate},
		{"référence nulle sans cible", Input{Up, Point{2018, 0}, Point{2022, 40}, none}, nan, NotAssessed},
		// (110/100)^(1/5) − 1 = 1,92 %/an.
		{"sans cible, hausse soutenue", Input{Up, Point{2015, 100}, Point{2020, 110}, none}, nan, OnTrack},
		// (103/100)^(1/5) − 1 = 0,593 %/an.
		{"sans cible, hausse modérée", Input{Up, Point{2015, 100}, Point{2020, 103}, none}, nan, Accelerate},
		// 0,199 %/an.
		{"sans cible, hausse faible", Input{Up, Point{2015, 100}, Point{2020, 101}, none}, nan, Insufficient},
		// (100/90)^(1/5) − 1 = 2,13 %/an dans le sens voulu.
		{"sans cible, baisse voulue", Input{Down, Point{2015, 100}, Point{2020, 90}, none}, nan, OnTrack},
		{"sans cible, hausse non voulue", Input{Down, Point{2015, 100}, Point{2020, 101}, none}, nan, MovingAway},
		{"un seul point", Input{Up, Point{2022, 100}, Point{2022, 100}, Point{2030, 120}}, nan, NotAssessed},
		{"valeur courante manquante", Input{Up, Point{2016, 100}, Point{2022, nan}, Point{2030, 120}}, nan, NotAssessed},
		{"cible contraire au sens", Input{Up, Point{2016, 100}, Point{2022, 105}, Point{2030, 90}}, nan, NotAssessed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Assess(tc.in)
			if got.Status != tc.status {
				t.Errorf("status %q, want %q (obs %g, req %g, %s)", got.Status, tc.status, got.ObservedGrowth, got.RequiredGrowth, got.Reason)
			}
			if math.IsNaN(tc.rate) != math.IsNaN(got.Rate) || (!math.IsNaN(tc.rate) && math.Abs(got.Rate-tc.rate) > 1e-12) {
				t.Errorf("rate %g, want %g", got.Rate, tc.rate)
			}
			if got.Status == NotAssessed && got.Reason == "" {
				t.Error("non évaluable without a reason")
			}
		})
	}
}

// TestAssessMirror: mirroring the direction and the values (v → 1/v,
// hausse ↔ baisse) gives the mirrored status, which is the same status.
func TestAssessMirror(t *testing.T) {
	rng := rand.New(rand.NewSource(12))
	flip := map[Direction]Direction{Up: Down, Down: Up}
	near := func(x float64, ts ...float64) bool {
		for _, v := range ts {
			if math.Abs(x-v) < 1e-9 {
				return true
			}
		}
		return false
	}
	for i := 0; i < 20000; i++ {
		b := Point{2010 + rng.Intn(5), 0.1 + rng.Float64()*1000}
		c := Point{b.Year + 1 + rng.Intn(8), b.Value * math.Exp(rng.NormFloat64()*0.3)}
		tg := Point{c.Year + rng.Intn(10), b.Value * math.Exp(rng.NormFloat64()*0.3)}
		if rng.Intn(4) == 0 {
			tg = Point{0, math.NaN()}
		}
		d := []Direction{Up, Down}[rng.Intn(2)]
		in := Input{d, b, c, tg}
		m := Input{flip[d], Point{b.Year, 1 / b.Value}, Point{c.Year, 1 / c.Value}, Point{tg.Year, 1 / tg.Value}}
		p, q := Assess(in), Assess(m)
		if p.Status == q.Status {
			continue
		}
		// A ratio or growth on a threshold may round either way.
		r := p.ObservedGrowth / p.RequiredGrowth
		g := math.Expm1(d.sign() * p.ObservedGrowth)
		if near(r, RatioOnTrack, RatioAccelerate, 0) || near(g, GrowthOnTrack, GrowthAccelerate, 0) {
			continue
		}
		t.Fatalf("%+v → %s (%s), mirror %+v → %s (%s)", in, p.Status, p.Reason, m, q.Status, q.Reason)
	}
}
