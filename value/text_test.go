// Tests of the French text of a figure: every status, unit and form.

package value

import (
	"math"
	"strings"
	"testing"
)

// TestText renders 1234.5 with one decimal in every status × unit × form.
// The number of each unit and the shape of each status × form are given
// once; the test checks their product, so that every combination is
// rendered and none is left to a default.
func TestText(t *testing.T) {
	numbers := map[Unit]string{
		UnitPercent:  "1\u202f234,5\u00a0%",
		UnitCount:    "1\u202f234,5",
		UnitEuro:     "1\u202f234,5\u00a0€",
		UnitRatio:    "1\u202f234,5",
		UnitPer10000: "1\u202f234,5\u00a0pour 10\u202f000 hab.",
		UnitPerKm2:   "1\u202f234,5\u00a0hab./km²",
	}
	// shapes: %s is the unit's number.
	shapes := map[Status]map[Form]string{
		StatusOK:        {FormTable: "%s", FormTooltip: "%s", FormShort: "%s", FormLong: "%s"},
		StatusFloored:   {FormTable: "≤\u00a0%s", FormTooltip: "≤\u00a0%s", FormShort: "≤\u00a0%s", FormLong: "≤\u00a0%s"},
		StatusEstimated: {FormTable: "%s", FormTooltip: "%s (estimation)", FormShort: "%s", FormLong: "%s (estimation)"},
		StatusPartial:   {FormTable: "%s", FormTooltip: "%s (couverture partielle)", FormShort: "%s", FormLong: "%s (couverture partielle)"},
		StatusSecret:    {FormTable: "secret statistique", FormTooltip: "secret statistique", FormShort: "secret", FormLong: "secret statistique"},
		StatusMissing:   {FormTable: "n.d.", FormTooltip: "n.d.", FormShort: "n.d.", FormLong: "non disponible"},
	}
	if len(numbers) != len(Units) || len(shapes) != len(Statuses) {
		t.Fatalf("the test covers %d units and %d statuses, the package has %d and %d", len(numbers), len(shapes), len(Units), len(Statuses))
	}
	for _, s := range Statuses {
		for _, u := range Units {
			for _, f := range Forms {
				shape, ok := shapes[s][f]
				if !ok {
					t.Fatalf("no expected text for %s in form %s", s, f)
				}
				want := strings.Replace(shape, "%s", numbers[u], 1)
				if got := Text(f, 1234.5, s, u, 1); got != want {
					t.Errorf("Text(%s, 1234.5, %s, %s, 1) = %q, want %q", f, s, u, got, want)
				}
			}
		}
	}
}

// TestTextEdges covers what is not a plain figure: NaN, an unknown unit,
// negative and rounding values, an unknown status.
func TestTextEdges(t *testing.T) {
	tests := []struct {
		name string
		form Form
		v    float64
		s    Status
		u    Unit
		dec  int
		want string
	}{
		{"NaN ok is missing", FormTable, math.NaN(), StatusOK, UnitPercent, 1, "n.d."},
		{"NaN ok is missing, long", FormLong, math.NaN(), StatusOK, UnitPercent, 1, "non disponible"},
		{"secret with a value stays secret", FormTooltip, 12, StatusSecret, UnitCount, 0, "secret statistique"},
		{"unknown status reads missing", FormTable, 12, Status("bogus"), UnitCount, 0, "n.d."},
		{"floored poverty rate", FormTable, 5, StatusFloored, UnitPercent, 1, "≤\u00a05,0\u00a0%"},
		{"negative", FormShort, -4.25, StatusOK, UnitPercent, 1, "\u22124,3\u00a0%"},
		{"free unit text", FormTooltip, 3422845, StatusOK, Unit("hab."), 0, "3\u202f422\u202f845\u00a0hab."},
		{"no unit", FormTable, 0.5, StatusOK, Unit(""), 2, "0,50"},
		{"euro no decimals", FormTable, 21490, StatusOK, UnitEuro, 0, "21\u202f490\u00a0€"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Text(tc.form, tc.v, tc.s, tc.u, tc.dec); got != tc.want {
				t.Errorf("Text = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestStatusLabel checks that every status has a French label of its own.
func TestStatusLabel(t *testing.T) {
	want := map[Status]string{
		StatusOK: "valeur", StatusFloored: "valeur plancher", StatusEstimated: "estimation",
		StatusPartial: "couverture partielle", StatusSecret: "secret statistique", StatusMissing: "non disponible",
	}
	for _, s := range Statuses {
		if got := s.Label(); got != want[s] {
			t.Errorf("%s.Label() = %q, want %q", s, got, want[s])
		}
	}
}

// TestUnitLabel checks the French name of every unit in a listing.
func TestUnitLabel(t *testing.T) {
	want := map[Unit]string{
		UnitPercent: "%", UnitCount: "nombre", UnitEuro: "€", UnitRatio: "rapport",
		UnitPer10000: "pour 10\u202f000 hab.", UnitPerKm2: "hab./km²",
	}
	for _, u := range Units {
		if got := u.Label(); got != want[u] {
			t.Errorf("%s.Label() = %q, want %q", u, got, want[u])
		}
	}
}
