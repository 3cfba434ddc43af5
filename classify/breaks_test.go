// This file tests how Breaks assigns values to classes under each closure.

package classify

import (
	"math"
	"testing"
)

func TestBreaksClass(t *testing.T) {
	left := Breaks{Bounds: []float64{0, 10, 20, 30}}
	right := Breaks{Bounds: []float64{0, 10, 20, 30}, Closure: ClosedRight}
	single := Breaks{Bounds: []float64{5, 5}}
	tests := []struct {
		name string
		b    Breaks
		v    float64
		want int
	}{
		{"left: first bound", left, 0, 0},
		{"left: inner break goes up", left, 10, 1},
		{"left: just below break", left, math.Nextafter(10, 0), 0},
		{"left: last bound is in last class", left, 30, 2},
		{"left: below range", left, -0.1, -1},
		{"left: above range", left, 30.0001, -1},
		{"left: NaN", left, math.NaN(), -1},
		{"right: first bound in first class", right, 0, 0},
		{"right: inner break goes down", right, 10, 0},
		{"right: just above break", right, math.Nextafter(10, 20), 1},
		{"right: last bound", right, 30, 2},
		{"right: below range", right, -1, -1},
		{"single class: the constant", single, 5, 0},
		{"single class: other value", single, 6, -1},
		{"empty breaks", Breaks{}, 1, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.b.Class(tt.v); got != tt.want {
				t.Errorf("Class(%v) = %d, want %d", tt.v, got, tt.want)
			}
		})
	}
}

func TestBreaksInterval(t *testing.T) {
	tests := []struct {
		name           string
		b              Breaks
		i              int
		loC, hiC       bool
		wantLo, wantHi float64
	}{
		{"left first", Breaks{Bounds: []float64{0, 1, 2}}, 0, true, false, 0, 1},
		{"left last closed", Breaks{Bounds: []float64{0, 1, 2}}, 1, true, true, 1, 2},
		{"right first closed", Breaks{Bounds: []float64{0, 1, 2}, Closure: ClosedRight}, 0, true, true, 0, 1},
		{"right last", Breaks{Bounds: []float64{0, 1, 2}, Closure: ClosedRight}, 1, false, true, 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi, loC, hiC := tt.b.Interval(tt.i)
			if lo != tt.wantLo || hi != tt.wantHi || loC != tt.loC || hiC != tt.hiC {
				t.Errorf("Interval(%d) = %v %v %v %v", tt.i, lo, hi, loC, hiC)
			}
		})
	}
}

func TestBreaksCountsAndValidate(t *testing.T) {
	b := Breaks{Bounds: []float64{0, 10, 20}}
	counts, outside := b.Counts([]float64{0, 5, 10, 20, 25, math.NaN()})
	if counts[0] != 2 || counts[1] != 2 || outside != 2 {
		t.Errorf("Counts = %v, outside %d; want [2 2], 2", counts, outside)
	}
	tests := []struct {
		name string
		b    Breaks
		ok   bool
	}{
		{"valid", b, true},
		{"single constant class", Breaks{Bounds: []float64{3, 3}}, true},
		{"too few", Breaks{Bounds: []float64{1}}, false},
		{"decreasing", Breaks{Bounds: []float64{1, 0}}, false},
		{"empty inner class", Breaks{Bounds: []float64{0, 1, 1, 2}}, false},
		{"NaN", Breaks{Bounds: []float64{0, math.NaN()}}, false},
		{"bad closure", Breaks{Bounds: []float64{0, 1}, Closure: "both"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.b.Validate(); (err == nil) != tt.ok {
				t.Errorf("Validate() = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}
