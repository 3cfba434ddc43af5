// This file is the entry point of classification: it checks the input and
// dispatches to the method that computes the breaks.

package classify

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/region-bretagne/obs/frnum"
)

// Method is a classification method.
type Method string

// Classification methods.
const (
	// Quantile: classes of equal counts; quantiles of R's type 7 (the
	// default of quantile() and of classInt "quantile").
	Quantile Method = "quantile"
	// Equal: classes of equal width between min and max (classInt "equal").
	Equal Method = "equal"
	// Jenks: natural breaks, the exact Fisher–Jenks optimum (least squares
	// within classes, by dynamic programming as in Ckmeans.1d.dp); each
	// break is the midpoint between the neighbouring classes, as in classInt
	// "fisher".
	Jenks Method = "jenks"
	// Q6: six classes at quantiles 0, 5, 27.5, 50, 72.5, 95 and 100 %
	// (mapsf "q6"), which isolates the extreme 5 % at each end.
	Q6 Method = "q6"
	// SD: mean ± standard deviation, the bounds being the mean plus
	// "pretty" multiples of the standard deviation chosen by R's pretty() on
	// the standardised values (classInt "sd"); k is a hint.
	SD Method = "sd"
	// Geom: geometric progression from min to max (mapsf "geom"); needs
	// strictly positive values.
	Geom Method = "geom"
	// HeadTail: head/tail breaks for heavy-tailed data (Jiang 2013; classInt
	// "headtails", threshold 40 %); the number of classes follows from the
	// data and k is ignored.
	HeadTail Method = "headtail"
	// Manual: the bounds given by the caller.
	Manual Method = "manual"
)

// Methods lists every method, in the order a user interface should offer them.
func Methods() []Method {
	return []Method{Quantile, Equal, Jenks, Q6, SD, Geom, HeadTail, Manual}
}

// ParseMethod returns the Method named s. It also accepts the classInt names
// "fisher" (for jenks) and "headtails", and "fixed" (for manual).
func ParseMethod(s string) (Method, error) {
	switch s {
	case "fisher":
		return Jenks, nil
	case "headtails":
		return HeadTail, nil
	case "fixed":
		return Manual, nil
	}
	for _, m := range Methods() {
		if string(m) == s {
			return m, nil
		}
	}
	return "", fmt.Errorf("classify: unknown classification method %q (known: quantile, equal, jenks, q6, sd, geom, headtail, manual)", s)
}

// Label returns the French name of the method, for legends and notes.
func (m Method) Label() string {
	switch m {
	case Quantile:
		return "quantiles"
	case Equal:
		return "intervalles égaux"
	case Jenks:
		return "seuils naturels (Fisher–Jenks)"
	case Q6:
		return "Q6 (quantiles 5\u00a0%, 27,5\u00a0%, 50\u00a0%, 72,5\u00a0%, 95\u00a0%)"
	case SD:
		return "moyenne et écart type"
	case Geom:
		return "progression géométrique"
	case HeadTail:
		return "head/tail breaks"
	case Manual:
		return "seuils manuels"
	}
	return string(m)
}

// Classify computes the class bounds of values with method m and k classes.
//
// values must hold only displayable values (status ok, floored or
// estimated): the caller leaves secret and missing ones out. NaN and ±Inf
// are dropped and counted in the Note. k is the requested number of
// classes; q6 always makes 6 and headtail lets the data decide, so k is
// ignored by them. manual holds the bounds of the Manual method (at least
// 2, strictly increasing) and is ignored by the other methods.
//
// Every class is closed on the left, [a, b[, the last one being [a, b]
// (ClosedLeft, classInt's default). Classify never panics; it returns
// fewer classes than asked, with a French Note saying why, when:
//   - values are tied so that two bounds coincide (the empty class is
//     dropped);
//   - there are no more distinct values than k: as classInt does, each
//     distinct value then gets its own class, bounded by midpoints;
//   - the series is constant: one class [c, c].
//
// With no value at all, it returns Breaks with zero classes and a Note
// (a map where every territory is secret is still drawn). It returns an
// error for an unknown method, k < 1 (for methods that use k), invalid
// manual bounds, and geom on values that are not all strictly positive.
func Classify(values []float64, m Method, k int, manual []float64) (Breaks, error) {
	b := Breaks{Method: m, Closure: ClosedLeft, Requested: k}
	switch m {
	case Q6:
		b.Requested = 6
	case HeadTail:
		b.Requested = 0
	case Manual:
		b.Requested = len(manual) - 1
	}
	if _, err := ParseMethod(string(m)); err != nil {
		return Breaks{}, err
	}
	if m != Manual && m != HeadTail && m != Q6 && k < 1 {
		return Breaks{}, fmt.Errorf("classify: %s classification needs at least 1 class, got k = %d", m, k)
	}
	if m == Manual {
		if err := checkManual(manual); err != nil {
			return Breaks{}, err
		}
	}

	x, dropped := finiteSorted(values)
	var notes []string
	if dropped > 0 {
		notes = append(notes, fmt.Sprintf("%s valeur(s) non finie(s) ignorée(s).", frnum.Number(float64(dropped), 0)))
	}
	switch {
	case len(x) == 0 && m == Manual:
		b.Bounds = append([]float64(nil), manual...)
	case len(x) == 0:
		notes = append(notes, "Aucune valeur à classer.")
	case x[0] == x[len(x)-1] && m != Manual:
		b.Bounds = []float64{x[0], x[0]}
		notes = append(notes, "Série constante : une seule classe.")
	default:
		bounds, note, err := computeBounds(x, m, k, manual)
		if err != nil {
			return Breaks{}, err
		}
		if note != "" {
			notes = append(notes, note)
		}
		b.Bounds = bounds
	}
	if n := dedupe(&b); n > 0 {
		notes = append(notes, fmt.Sprintf("Valeurs égales : %d classe(s) vide(s) supprimée(s), %d classes au lieu de %d.", n, b.Classes(), b.Classes()+n))
	}
	b.Note = strings.Join(notes, " ")
	return b, nil
}

// computeBounds dispatches to the method on sorted, finite, non-constant x.
func computeBounds(x []float64, m Method, k int, manual []float64) ([]float64, string, error) {
	if m == Q6 {
		k = 6
	}
	usesK := m != Manual && m != HeadTail
	if distinct := countDistinct(x); usesK && k >= distinct {
		note := fmt.Sprintf("Seulement %d valeurs distinctes pour %d classes demandées : une classe par valeur.", distinct, k)
		return uniqueBounds(x), note, nil
	}
	var bounds []float64
	switch m {
	case Quantile:
		probs := make([]float64, k+1)
		for i := range probs {
			probs[i] = math.Min(float64(i)*(1/float64(k)), 1) // R: seq(0, 1, 1/k)
		}
		bounds = quantiles7(x, probs)
	case Q6:
		bounds = quantiles7(x, []float64{0, 0.05, 0.275, 0.5, 0.725, 0.95, 1})
	case Equal:
		bounds = seqLength(x[0], x[len(x)-1], k+1)
	case Jenks:
		bounds = fisherJenks(x, k)
	case SD:
		bounds = sdBounds(x, k)
	case Geom:
		if x[0] <= 0 {
			return nil, "", fmt.Errorf("classify: geom classification needs strictly positive values, the smallest is %v", x[0])
		}
		bounds = geomBounds(x, k)
	case HeadTail:
		bounds = headTailBounds(x, 0.4)
	case Manual:
		return manualBounds(x, manual)
	}
	// Guard the ends against rounding so that every value has a class.
	bounds[0] = math.Min(bounds[0], x[0])
	bounds[len(bounds)-1] = math.Max(bounds[len(bounds)-1], x[len(x)-1])
	return bounds, "", nil
}

// checkManual validates manual bounds.
func checkManual(manual []float64) error {
	if len(manual) < 2 {
		return fmt.Errorf("classify: manual classification needs at least 2 bounds, got %d", len(manual))
	}
	for i, v := range manual {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("classify: manual bound %d is %v", i+1, v)
		}
		if i > 0 && v <= manual[i-1] {
			return fmt.Errorf("classify: manual bounds must increase strictly: bound %d (%v) <= bound %d (%v)", i+1, v, i, manual[i-1])
		}
	}
	return nil
}

// manualBounds returns the manual bounds, widened to cover the data, and a
// note when they had to be widened.
func manualBounds(x, manual []float64) ([]float64, string, error) {
	b := append([]float64(nil), manual...)
	lo, hi := x[0], x[len(x)-1]
	var widened []string
	if lo < b[0] {
		b[0] = lo
		widened = append(widened, "premier seuil abaissé à "+frnum.Number(lo, -1))
	}
	if hi > b[len(b)-1] {
		b[len(b)-1] = hi
		widened = append(widened, "dernier seuil relevé à "+frnum.Number(hi, -1))
	}
	if len(widened) == 0 {
		return b, "", nil
	}
	return b, "Seuils manuels élargis pour couvrir toutes les valeurs : " + strings.Join(widened, ", ") + ".", nil
}

// finiteSorted returns the finite values of v, sorted, and how many were
// dropped.
func finiteSorted(v []float64) ([]float64, int) {
	x := make([]float64, 0, len(v))
	for _, f := range v {
		if !math.IsNaN(f) && !math.IsInf(f, 0) {
			x = append(x, f)
		}
	}
	sort.Float64s(x)
	return x, len(v) - len(x)
}

// countDistinct counts distinct values of sorted x.
func countDistinct(x []float64) int {
	n := 0
	for i := range x {
		if i == 0 || x[i] != x[i-1] {
			n++
		}
	}
	return n
}

// uniqueBounds gives one class per distinct value of sorted x, bounded by
// midpoints and extended by half the mean gap at both ends (classInt's
// "unique" fallback when n >= the number of distinct values).
func uniqueBounds(x []float64) []float64 {
	var u []float64
	for i := range x {
		if i == 0 || x[i] != x[i-1] {
			u = append(u, x[i])
		}
	}
	meanGap := (u[len(u)-1] - u[0]) / float64(len(u)-1)
	b := make([]float64, 0, len(u)+1)
	b = append(b, u[0]-meanGap/2)
	for i := 0; i+1 < len(u); i++ {
		b = append(b, u[i]+(u[i+1]-u[i])/2)
	}
	return append(b, u[len(u)-1]+meanGap/2)
}

// dedupe removes repeated bounds (empty classes) and returns how many
// classes it removed. A single class [c, c] is kept.
func dedupe(b *Breaks) int {
	if len(b.Bounds) <= 2 {
		return 0
	}
	out := b.Bounds[:1]
	for _, v := range b.Bounds[1:] {
		if v != out[len(out)-1] {
			out = append(out, v)
		}
	}
	removed := len(b.Bounds) - len(out)
	if len(out) == 1 { // every bound equal
		out = append(out, out[0])
		removed--
	}
	b.Bounds = out
	return removed
}
