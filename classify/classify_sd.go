// This file computes "mean ± standard deviation" bounds as classInt "sd"
// does: R's pretty() on the standardised values, scaled back.

package classify

import "math"

// sdBounds standardises sorted x (mean, sample standard deviation with
// n-1), lets rPretty pick round multiples of the standard deviation that
// cover the data in about k classes, and maps them back to the data scale.
func sdBounds(x []float64, k int) []float64 {
	n := float64(len(x))
	mean := 0.0
	for _, v := range x {
		mean += v
	}
	mean /= n
	ss := 0.0
	for _, v := range x {
		ss += (v - mean) * (v - mean)
	}
	sd := math.Sqrt(ss / (n - 1))
	lo := (x[0] - mean) / sd
	hi := (x[len(x)-1] - mean) / sd
	s := rPretty(lo, hi, k)
	b := make([]float64, len(s))
	for i, z := range s {
		b[i] = z*sd + mean
	}
	return b
}

// rPretty reproduces R's pretty.default(c(lo, hi), n) with its default
// arguments (min.n = n %/% 3, shrink.sml = 0.75, high.u.bias = 1.5,
// u5.bias = 2.75, eps.correct = 0): about n+1 equally spaced round values
// (1, 2 or 5 times a power of 10) covering [lo, hi].
func rPretty(lo, hi float64, n int) []float64 {
	const (
		roundingEps = 1e-10
		h           = 1.5
		h5          = 0.5 + 1.5*h
		shrinkSml   = 0.75
		fMin        = 1.0 / (1 << 20)
		dblMin      = 2.2250738585072014e-308
		dblEpsilon  = 2.220446049250313e-16
	)
	minN := n / 3
	ndiv := n
	dx := hi - lo
	var cell float64
	var iSmall bool
	if dx == 0 && hi == 0 {
		cell, iSmall = 1, true
	} else {
		cell = math.Max(math.Abs(lo), math.Abs(hi))
		u := 1.0
		if h5 >= 1.5*h+0.5 {
			u += 1 / (1 + h)
		} else {
			u += 1.5 / (1 + h5)
		}
		u *= float64(max(1, ndiv)) * dblEpsilon
		iSmall = dx < cell*u*3
	}
	if iSmall {
		if cell > 10 {
			cell = 9 + cell/10
		}
		cell *= shrinkSml
		if minN > 1 {
			cell /= float64(minN)
		}
	} else {
		cell = dx
		if ndiv > 1 {
			cell /= float64(ndiv)
		}
	}
	if sub := fMin * dblMin; cell < sub {
		cell = sub
	} else if cell > math.MaxFloat64/1.25 {
		cell = 0.1 * math.MaxFloat64
	}
	base := math.Pow(10, math.Floor(math.Log10(cell)))
	unit := base
	if ns := 2 * base; ns-cell < h*(cell-unit) {
		unit = ns
		if ns := 5 * base; ns-cell < h5*(cell-unit) {
			unit = ns
			if ns := 10 * base; ns-cell < h*(cell-unit) {
				unit = ns
			}
		}
	}
	ns := math.Floor(lo/unit + roundingEps)
	nu := math.Ceil(hi/unit - roundingEps)
	for ns*unit > lo+roundingEps*unit {
		ns--
	}
	for nu*unit < hi-roundingEps*unit {
		nu++
	}
	k := int(0.5 + nu - ns)
	if k < minN {
		k = minN - k
		if ns >= 0 {
			nu += float64(k / 2)
			ns -= float64(k/2 + k%2)
		} else {
			ns -= float64(k / 2)
			nu += float64(k/2 + k%2)
		}
		ndiv = minN
	} else {
		ndiv = k
	}
	l, u := lo, hi
	if ns*unit < l {
		l = ns * unit
	}
	if nu*unit > u {
		u = nu * unit
	}
	// seq.int(l, u, length.out = ndiv + 1), then zap values that are
	// rounding noise around zero.
	s := make([]float64, ndiv+1)
	s[0], s[ndiv] = l, u
	by := (u - l) / float64(ndiv)
	for i := 1; i < ndiv; i++ {
		if i < (ndiv+1)/2 {
			s[i] = l + float64(i)*by
		} else {
			s[i] = u - float64(ndiv-i)*by
		}
	}
	delta := (u - l) / float64(ndiv)
	for i, v := range s {
		if math.Abs(v) < 1e-14*delta {
			s[i] = 0
		}
	}
	return s
}
