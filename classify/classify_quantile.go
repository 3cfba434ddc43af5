// This file computes quantile and equal-interval bounds exactly as R does
// (quantile type 7, seq with length.out), so results match classInt.

package classify

import "math"

// quantiles7 returns R's type-7 quantiles of sorted x at probs:
// index = 1 + (n-1)p, interpolated as (1-h)·x[lo] + h·x[hi], the very
// arithmetic of stats::quantile.default.
func quantiles7(x, probs []float64) []float64 {
	n := len(x)
	q := make([]float64, len(probs))
	for i, p := range probs {
		index := 1 + float64(n-1)*p
		lo := math.Floor(index)
		hi := math.Ceil(index)
		qs := x[int(lo)-1]
		if index > lo && x[int(hi)-1] != qs {
			h := index - lo
			qs = (1-h)*qs + h*x[int(hi)-1]
		}
		q[i] = qs
	}
	return q
}

// seqLength returns length evenly spaced values from `from` to `to`, ends
// exact, as R's seq(from, to, length.out = length):
// c(from, from + (1:(n-2)) * ((to - from)/(n-1)), to).
func seqLength(from, to float64, length int) []float64 {
	if length == 1 {
		return []float64{from}
	}
	s := make([]float64, length)
	by := (to - from) / float64(length-1)
	s[0] = from
	for i := 1; i < length-1; i++ {
		s[i] = from + float64(i)*by
	}
	s[length-1] = to
	return s
}
