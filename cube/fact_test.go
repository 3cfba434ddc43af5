// Tests of a fact's own text: its value, status and unit read through the
// value package, absent values never printed as 0.

package cube

import (
	"math"
	"testing"

	"github.com/region-bretagne/obs/value"
)

func TestFactText(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name string
		f    Fact
		form value.Form
		dec  int
		want string
	}{
		{"rate", Fact{Value: 12.34, Status: value.StatusOK, Unit: value.UnitPercent}, value.FormTable, 1, "12,3\u00a0%"},
		{"floored rate", Fact{Value: 5, Status: value.StatusFloored, Unit: value.UnitPercent}, value.FormTooltip, 1, "≤\u00a05,0\u00a0%"},
		{"count", Fact{Value: 3422845, Status: value.StatusOK, Unit: value.UnitCount}, value.FormTable, 0, "3\u202f422\u202f845"},
		{"density in its unit", Fact{Value: 1234.56, Status: value.StatusOK, Unit: value.UnitPerKm2}, value.FormTable, 1, "1\u202f234,6\u00a0hab./km²"},
		{"secret", Fact{Value: nan, Status: value.StatusSecret, Unit: value.UnitPercent}, value.FormTable, 1, "secret statistique"},
		{"secret is never 0", Fact{Value: 0, Status: value.StatusSecret, Unit: value.UnitPercent}, value.FormTable, 1, "secret statistique"},
		{"missing", Fact{Value: nan, Status: value.StatusMissing, Unit: value.UnitPercent}, value.FormTable, 1, "n.d."},
		{"ok without a value is missing", Fact{Value: nan, Status: value.StatusOK, Unit: value.UnitPercent}, value.FormLong, 1, "non disponible"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.f.Text(tc.form, tc.dec); got != tc.want {
				t.Errorf("Text(%s, %d) = %q, want %q", tc.form, tc.dec, got, tc.want)
			}
		})
	}
}
