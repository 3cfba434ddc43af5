// This file is the entry point of classification: it checks the input and
// dispatches to the method that computes the breaks.

package maps

import "fmt"

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
	return "", fmt.Errorf("maps: unknown classification method %q (known: quantile, equal, jenks, q6, sd, geom, headtail, manual)", s)
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
