// This file computes exact Fisher–Jenks natural breaks by dynamic
// programming (the Ckmeans.1d.dp algorithm of Wang & Song, 2011, with its
// divide-and-conquer row filling), in O(k·n·log n) time.

package classify

// fisherJenks returns the k+1 bounds of the partition of sorted x (with more
// than k distinct values) into k classes that minimises the total
// within-class sum of squares. Bounds are the minimum, the midpoints between
// the last value of each class and the first of the next (as classInt
// "fisher" reports them), and the maximum.
func fisherJenks(x []float64, k int) []float64 {
	n := len(x)
	// Shift by the median so that the prefix sums keep their precision.
	shift := x[n/2]
	sum := make([]float64, n+1)
	sum2 := make([]float64, n+1)
	for i, v := range x {
		d := v - shift
		sum[i+1] = sum[i] + d
		sum2[i+1] = sum2[i] + d*d
	}
	// ssq is the within sum of squares of x[j..i], inclusive.
	ssq := func(j, i int) float64 {
		if j >= i {
			return 0
		}
		s := sum[i+1] - sum[j]
		c := sum2[i+1] - sum2[j] - s*s/float64(i-j+1)
		if c < 0 {
			return 0
		}
		return c
	}
	cost := make([][]float64, k) // cost[q][i]: best cost of x[0..i] in q+1 classes
	first := make([][]int, k)    // first[q][i]: index of the first value of the last class
	for q := range cost {
		cost[q] = make([]float64, n)
		first[q] = make([]int, n)
	}
	for i := 0; i < n; i++ {
		cost[0][i] = ssq(0, i)
	}
	for q := 1; q < k; q++ {
		fillRow(q, q, n-1, q, n-1, cost, first, ssq)
	}
	// Walk back from the last class to find where each class starts.
	starts := make([]int, k)
	end := n - 1
	for q := k - 1; q >= 0; q-- {
		if q == 0 {
			starts[0] = 0
			break
		}
		starts[q] = first[q][end]
		end = starts[q] - 1
	}
	bounds := make([]float64, 0, k+1)
	bounds = append(bounds, x[0])
	for q := 1; q < k; q++ {
		s := starts[q]
		bounds = append(bounds, (x[s-1]+x[s])/2)
	}
	return append(bounds, x[n-1])
}

// fillRow fills cost[q][imin..imax] knowing that the optimal start of the
// last class lies in [jmin, jmax] and is non-decreasing in i (the
// monotonicity that Ckmeans.1d.dp proves for this cost), so each half can
// search a narrower range.
func fillRow(q, imin, imax, jmin, jmax int, cost [][]float64, first [][]int, ssq func(j, i int) float64) {
	if imin > imax {
		return
	}
	i := (imin + imax) / 2
	lo := max(jmin, q)
	hi := min(jmax, i)
	best, bestJ := 0.0, -1
	for j := lo; j <= hi; j++ {
		c := cost[q-1][j-1] + ssq(j, i)
		if bestJ < 0 || c < best {
			best, bestJ = c, j
		}
	}
	cost[q][i] = best
	first[q][i] = bestJ
	fillRow(q, imin, i-1, jmin, bestJ, cost, first, ssq)
	fillRow(q, i+1, imax, bestJ, jmax, cost, first, ssq)
}
