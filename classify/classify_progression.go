// This file computes the geometric-progression and head/tail bounds.

package classify

import "math"

// geomBounds returns k classes in geometric progression from x[0] to
// x[last] (both > 0), as mapsf "geom": ratio r = exp((ln max − ln min)/k),
// bounds min, min·r, min·r², … computed by repeated multiplication, the ends
// being exactly min and max.
func geomBounds(x []float64, k int) []float64 {
	lo, hi := x[0], x[len(x)-1]
	r := math.Exp((math.Log(hi) - math.Log(lo)) / float64(k))
	b := make([]float64, 0, k+1)
	b = append(b, lo)
	tmp := lo
	for i := 1; i < k; i++ {
		tmp *= r
		b = append(b, tmp)
	}
	return append(b, hi)
}

// headTailBounds returns the head/tail breaks of sorted x (Jiang 2013) as
// classInt "headtails" computes them: starting from all values, the mean of
// the head becomes a break and the head is what lies above it, while the
// head holds at most thr of the previous values and more than one value
// (at most 100 rounds). Bounds are min, the means, and max.
func headTailBounds(x []float64, thr float64) []float64 {
	b := []float64{x[0]}
	head := x
	for round := 0; round < 100; round++ {
		mu := mean(head)
		b = append(b, mu)
		var next []float64
		for _, v := range head {
			if v > mu {
				next = append(next, v)
			}
		}
		prop := float64(len(next)) / float64(len(head))
		head = next
		if !(prop <= thr && len(head) > 1) {
			break
		}
	}
	b = append(b, x[len(x)-1])
	// sort(unique(...)): the means increase, but the last one may reach max.
	out := make([]float64, 1, len(b))
	out[0] = b[0]
	for _, v := range b[1:] {
		if v > out[len(out)-1] {
			out = append(out, v)
		}
	}
	return out
}

// mean returns the arithmetic mean of x, with R's second-pass correction.
func mean(x []float64) float64 {
	s := 0.0
	for _, v := range x {
		s += v
	}
	m := s / float64(len(x))
	t := 0.0
	for _, v := range x {
		t += v - m
	}
	return m + t/float64(len(x))
}
