// This file tests Classify on small hand-checked series and on the edge
// cases (ties, constant series, empty input, NaN/Inf), and fuzzes it.

package classify

import (
	"math"
	"strings"
	"testing"
)

func TestClassify(t *testing.T) {
	oneToTen := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	tests := []struct {
		name     string
		values   []float64
		m        Method
		k        int
		manual   []float64
		want     []float64
		noteHas  string
		wantErr  bool
		maxError float64
	}{
		{name: "quantile type 7", values: oneToTen, m: Quantile, k: 4, want: []float64{1, 3.25, 5.5, 7.75, 10}},
		{name: "quantile unsorted input", values: []float64{10, 1, 7, 4, 5, 6, 3, 8, 9, 2}, m: Quantile, k: 2, want: []float64{1, 5.5, 10}},
		{name: "equal", values: oneToTen, m: Equal, k: 3, want: []float64{1, 4, 7, 10}},
		{name: "jenks two obvious groups", values: []float64{1, 2, 3, 10, 11, 12}, m: Jenks, k: 2, want: []float64{1, 6.5, 12}},
		{name: "jenks three groups", values: []float64{1, 1.5, 2, 20, 21, 50, 51, 52}, m: Jenks, k: 3, want: []float64{1, 11, 35.5, 52}},
		{name: "q6", values: oneToTen, m: Q6, k: 0, want: []float64{1, 1.45, 3.475, 5.5, 7.525, 9.55, 10}, maxError: 1e-12},
		// mean 5.5, sd 3.02765; pretty(c(-1.486, 1.486), 3) = -2 -1 0 1 2
		{name: "sd", values: oneToTen, m: SD, k: 3, want: []float64{5.5 - 2*3.0276503540974917, 5.5 - 3.0276503540974917, 5.5, 5.5 + 3.0276503540974917, 5.5 + 2*3.0276503540974917}, maxError: 1e-12},
		{name: "geom", values: []float64{1, 5, 10, 100, 1000}, m: Geom, k: 3, want: []float64{1, 10, 100, 1000}, maxError: 1e-9},
		{name: "geom refuses zero", values: []float64{0, 5, 10, 100}, m: Geom, k: 3, wantErr: true},
		// mean 31/8 = 3.875, head {5, 20} (25 %), its mean 12.5, head {20} stops
		{name: "headtail", values: []float64{1, 1, 1, 1, 1, 1, 5, 20}, m: HeadTail, want: []float64{1, 3.875, 12.5, 20}},
		{name: "manual", values: []float64{1, 5, 9}, m: Manual, manual: []float64{0, 4, 10}, want: []float64{0, 4, 10}},
		{name: "manual widened", values: []float64{-1, 5, 12}, m: Manual, manual: []float64{0, 4, 10}, want: []float64{-1, 4, 12}, noteHas: "élargis"},
		{name: "manual not increasing", values: oneToTen, m: Manual, manual: []float64{0, 4, 4}, wantErr: true},
		{name: "manual with no values", values: nil, m: Manual, manual: []float64{0, 4}, want: []float64{0, 4}},
		{name: "unknown method", values: oneToTen, m: "kmeans", k: 3, wantErr: true},
		{name: "k = 0", values: oneToTen, m: Quantile, k: 0, wantErr: true},
		{name: "k = 1", values: oneToTen, m: Equal, k: 1, want: []float64{1, 10}},
		{name: "empty", values: nil, m: Jenks, k: 5, want: nil, noteHas: "Aucune valeur"},
		{name: "constant", values: []float64{7, 7, 7}, m: Jenks, k: 5, want: []float64{7, 7}, noteHas: "constante"},
		{name: "NaN and Inf dropped", values: []float64{math.NaN(), 1, math.Inf(1), 3, 2, 4, math.Inf(-1)}, m: Equal, k: 3, want: []float64{1, 2, 3, 4}, noteHas: "3 valeur(s) non finie(s)"},
		{name: "fewer distinct values than classes", values: []float64{1, 1, 2, 4, 4}, m: Quantile, k: 5, want: []float64{0.25, 1.5, 3, 4.75}, noteHas: "Seulement 3 valeurs distinctes"},
		// type-7 quantiles of seven 1s then 2 3 4 at 0, 1/3, 2/3, 1: 1 1 1 4
		{name: "ties collapse quantile classes", values: []float64{1, 1, 1, 1, 1, 1, 1, 2, 3, 4}, m: Quantile, k: 3, want: []float64{1, 4}, noteHas: "2 classe(s) vide(s)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Classify(tt.values, tt.m, tt.k, tt.manual)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("want an error, got %+v", b)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(b.Bounds) != len(tt.want) {
				t.Fatalf("bounds = %v, want %v (note %q)", b.Bounds, tt.want, b.Note)
			}
			for i := range tt.want {
				if math.Abs(b.Bounds[i]-tt.want[i]) > tt.maxError {
					t.Errorf("bound %d = %.17g, want %.17g (all %v)", i, b.Bounds[i], tt.want[i], b.Bounds)
				}
			}
			if !strings.Contains(b.Note, tt.noteHas) {
				t.Errorf("note %q does not contain %q", b.Note, tt.noteHas)
			}
			if tt.noteHas == "" && b.Note != "" {
				t.Errorf("unexpected note %q", b.Note)
			}
			if b.Closure != ClosedLeft {
				t.Errorf("closure = %q", b.Closure)
			}
			for _, v := range tt.values {
				if !math.IsNaN(v) && !math.IsInf(v, 0) && b.Class(v) < 0 {
					t.Errorf("value %v has no class in %v", v, b.Bounds)
				}
			}
		})
	}
}

// TestJenksIsOptimal compares the dynamic programme with brute force over
// every partition of small series.
func TestJenksIsOptimal(t *testing.T) {
	series := [][]float64{
		{1, 2, 4, 7, 11, 16, 22, 29, 37, 46},
		{3.1, 3.3, 3.2, 9.7, 10.1, 0.5, 0.4, 6.6, 6.5, 6.4, 15},
		{5, 5, 5, 6, 9, 9, 12, 30, 31, 33, 34},
	}
	for si, s := range series {
		for k := 2; k <= 5; k++ {
			x, _ := finiteSorted(s)
			got := fisherJenks(x, k)
			best := bruteForceSSQ(x, k)
			if c := partitionCost(x, got); math.Abs(c-best) > 1e-9 {
				t.Errorf("series %d, k=%d: cost %v of %v, optimum %v", si, k, c, got, best)
			}
		}
	}
}

// partitionCost is the within-class sum of squares of sorted x cut at
// bounds (left-closed classes).
func partitionCost(x, bounds []float64) float64 {
	b := Breaks{Bounds: bounds}
	groups := make([][]float64, b.Classes())
	for _, v := range x {
		c := b.Class(v)
		groups[c] = append(groups[c], v)
	}
	total := 0.0
	for _, g := range groups {
		total += groupSSQ(g)
	}
	return total
}

func groupSSQ(g []float64) float64 {
	if len(g) == 0 {
		return 0
	}
	m := mean(g)
	s := 0.0
	for _, v := range g {
		s += (v - m) * (v - m)
	}
	return s
}

// bruteForceSSQ tries every way of cutting sorted x into k runs.
func bruteForceSSQ(x []float64, k int) float64 {
	if k == 1 {
		return groupSSQ(x)
	}
	best := math.Inf(1)
	for cut := 1; cut <= len(x)-(k-1); cut++ {
		if c := groupSSQ(x[:cut]) + bruteForceSSQ(x[cut:], k-1); c < best {
			best = c
		}
	}
	return best
}

func TestParseMethod(t *testing.T) {
	tests := []struct {
		in   string
		want Method
		ok   bool
	}{
		{"quantile", Quantile, true}, {"fisher", Jenks, true}, {"headtails", HeadTail, true},
		{"fixed", Manual, true}, {"q6", Q6, true}, {"kmeans", "", false}, {"", "", false},
	}
	for _, tt := range tests {
		got, err := ParseMethod(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseMethod(%q) = %q, %v", tt.in, got, err)
		}
	}
	for _, m := range Methods() {
		if m.Label() == string(m) && m != HeadTail {
			t.Errorf("method %s has no French label", m)
		}
	}
}

// FuzzClassify checks that no input makes Classify panic, and that every
// finite value gets a class of valid breaks.
func FuzzClassify(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8}, uint8(3), uint8(0))
	f.Add([]byte{0, 0, 0, 0}, uint8(5), uint8(2))
	f.Add([]byte{}, uint8(4), uint8(6))
	f.Add([]byte{255, 1, 1, 1, 200, 3}, uint8(9), uint8(4))
	f.Fuzz(func(t *testing.T, raw []byte, k, method uint8) {
		methods := Methods()
		m := methods[int(method)%len(methods)]
		values := make([]float64, len(raw))
		for i, r := range raw {
			values[i] = float64(r)/7 + 1 // positive, so geom applies
		}
		b, err := Classify(values, m, int(k%12)+1, []float64{0, 10, 20})
		if err != nil {
			t.Fatalf("Classify(%v, %s, %d): %v", values, m, k%12+1, err)
		}
		if len(values) == 0 && m != Manual {
			if b.Classes() != 0 {
				t.Fatalf("empty input gave %v", b.Bounds)
			}
			return
		}
		if err := b.Validate(); err != nil {
			t.Fatalf("Classify(%v, %s): %v (bounds %v)", values, m, err, b.Bounds)
		}
		for _, v := range values {
			if b.Class(v) < 0 {
				t.Fatalf("value %v has no class in %v (%s)", v, b.Bounds, m)
			}
		}
	})
}
