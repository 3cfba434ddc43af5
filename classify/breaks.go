// This file defines Breaks, the class bounds shared by a map's fill and its
// legend, and the rule that puts a value in a class.

package classify

import (
	"fmt"
	"math"
	"sort"
)

// Closure tells which end of each class interval belongs to the class.
type Closure string

// Interval closures. ClosedLeft is the default of R's classInt
// (intervalClosure = "left", classes found with findInterval(all.inside =
// TRUE)) and of mapsf, so breaks computed here compare like with like with
// those tools.
const (
	// ClosedLeft: every class is [a, b[ (a value equal to a break goes to
	// the class above it), except the last one, which is [a, b].
	ClosedLeft Closure = "left"
	// ClosedRight: every class is ]a, b] (a value equal to a break goes to
	// the class below it), except the first one, which is [a, b].
	ClosedRight Closure = "right"
)

// Breaks are the bounds of the classes of a choropleth. The same Breaks
// value must drive both the fill of the territories (through Class) and the
// legend (through NewLegend), so that they cannot disagree.
type Breaks struct {
	// Method is the classification method that produced the bounds.
	Method Method
	// Bounds are the class bounds, non-decreasing, len = classes + 1. A
	// single class over a constant series has two equal bounds [c, c].
	Bounds []float64
	// Closure says which end of an interval belongs to the class. The zero
	// value means ClosedLeft.
	Closure Closure
	// Requested is the number of classes asked for (0 when the method
	// chooses it, as q6 and headtail do).
	Requested int
	// Note explains, in French for the map's reader, why there are fewer
	// classes than requested or why bounds were adjusted; empty otherwise.
	Note string
}

// Classes returns the number of classes (0 for empty Breaks).
func (b Breaks) Classes() int {
	if len(b.Bounds) < 2 {
		return 0
	}
	return len(b.Bounds) - 1
}

// EffectiveClosure returns the closure in force: ClosedLeft for the zero
// value.
func (b Breaks) EffectiveClosure() Closure {
	if b.Closure == ClosedRight {
		return ClosedRight
	}
	return ClosedLeft
}

// Class returns the index (0-based, lowest values first) of the class that
// holds v, or -1 when v is NaN or lies outside [Bounds[0], Bounds[last]]:
// such a value has no colour and the caller must report it, not guess.
func (b Breaks) Class(v float64) int {
	n := b.Classes()
	if n == 0 || math.IsNaN(v) || v < b.Bounds[0] || v > b.Bounds[n] {
		return -1
	}
	var i int
	if b.EffectiveClosure() == ClosedRight {
		// first class whose upper bound is >= v
		i = sort.Search(n, func(i int) bool { return b.Bounds[i+1] >= v })
	} else {
		// first class whose upper bound is > v; v == last bound falls through
		i = sort.Search(n, func(i int) bool { return b.Bounds[i+1] > v })
	}
	if i >= n {
		i = n - 1
	}
	return i
}

// Interval returns the bounds of class i and whether each end belongs to it.
func (b Breaks) Interval(i int) (lo, hi float64, loClosed, hiClosed bool) {
	n := b.Classes()
	if i < 0 || i >= n {
		return math.NaN(), math.NaN(), false, false
	}
	lo, hi = b.Bounds[i], b.Bounds[i+1]
	if b.EffectiveClosure() == ClosedRight {
		return lo, hi, i == 0, true
	}
	return lo, hi, true, i == n-1
}

// Counts returns how many of values fall in each class, and how many fall
// in none (NaN or outside the bounds).
func (b Breaks) Counts(values []float64) (counts []int, outside int) {
	counts = make([]int, b.Classes())
	for _, v := range values {
		if c := b.Class(v); c >= 0 {
			counts[c]++
		} else {
			outside++
		}
	}
	return counts, outside
}

// Validate checks that the bounds are finite and non-decreasing, and that
// only a single class may have two equal bounds.
func (b Breaks) Validate() error {
	if len(b.Bounds) < 2 {
		return fmt.Errorf("classify: breaks need at least 2 bounds, got %d", len(b.Bounds))
	}
	if b.Closure != "" && b.Closure != ClosedLeft && b.Closure != ClosedRight {
		return fmt.Errorf("classify: unknown interval closure %q", b.Closure)
	}
	for i, v := range b.Bounds {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("classify: break %d is %v", i, v)
		}
		if i > 0 {
			prev := b.Bounds[i-1]
			if v < prev {
				return fmt.Errorf("classify: break %d (%v) is below break %d (%v)", i, v, i-1, prev)
			}
			if v == prev && len(b.Bounds) > 2 {
				return fmt.Errorf("classify: breaks %d and %d are equal (%v): empty class", i-1, i, v)
			}
		}
	}
	return nil
}
