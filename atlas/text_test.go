package atlas

import (
	"math"
	"testing"

	"github.com/region-bretagne/obs/cube"
)

func TestValueText(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		f    cube.Fact
		unit string
		want string
	}{
		{cube.Fact{Value: 12.34, Status: cube.StatusOK}, "percent", "12,3\u00a0%"},
		{cube.Fact{Value: 5, Status: cube.StatusFloored}, "percent", "≤\u00a05,0\u00a0%"},
		{cube.Fact{Value: 3422845, Status: cube.StatusOK}, "count", "3\u202f422\u202f845"},
		{cube.Fact{Value: nan, Status: cube.StatusSecret}, "percent", "secret statistique"},
		{cube.Fact{Value: 0, Status: cube.StatusSecret}, "percent", "secret statistique"},
		{cube.Fact{Value: nan, Status: cube.StatusMissing}, "percent", "n.d."},
		{cube.Fact{Value: nan, Status: cube.StatusOK}, "percent", "n.d."},
	}
	for _, tc := range tests {
		dec := 1
		if tc.unit == "count" {
			dec = 0
		}
		if got := ValueText(tc.f, tc.unit, dec); got != tc.want {
			t.Errorf("ValueText(%v %s) = %q, want %q", tc.f.Value, tc.f.Status, got, tc.want)
		}
	}
}
