// This file builds a map legend from a Breaks, a palette and counts, with
// French labels that state the closure of each interval.

package maps

import (
	"fmt"

	"github.com/region-bretagne/obs/classify"
	"github.com/region-bretagne/obs/frnum"
	"github.com/region-bretagne/obs/palette"
	"github.com/region-bretagne/obs/svgdoc"
	"github.com/region-bretagne/obs/value"
)

// Colours and pattern of the entries that are not classes.
const (
	// MissingColor fills territories with no value ("Non disponible").
	MissingColor = "#d9d9d9"
)

// French labels of the entries that are not classes.
const (
	LabelSecret  = "Secret statistique"
	LabelMissing = "Non disponible"
)

// EntryKind tells what a legend entry stands for.
type EntryKind string

// Legend entry kinds.
const (
	EntryClass   EntryKind = "class"
	EntrySecret  EntryKind = "secret"
	EntryMissing EntryKind = "missing"
)

// LegendCounts are the numbers of territories to show in a legend.
type LegendCounts struct {
	Classes   []int // per class, len = Breaks.Classes()
	Secret    int
	Missing   int
	Floored   int // included in Classes; reported in a footnote
	Estimated int // included in Classes; reported in a footnote
}

// LegendEntry is one line of a legend.
type LegendEntry struct {
	Kind EntryKind
	// Class is the class index for EntryClass, -1 otherwise.
	Class int
	// Label is the interval with its closure, "[8,5 % ; 10,2 %[", or the
	// label of a special entry.
	Label string
	// Words says the same in words, for accessibility and tables:
	// "de 8,5 % à moins de 10,2 %".
	Words string
	// Color is the fill, "#rrggbb". Secret entries are hatched: Hatched is
	// true, Color is the background and SecretHatchColor the lines.
	Color   string
	Hatched bool
	Count   int
	// Lo, Hi and their closure, for EntryClass only.
	Lo, Hi             float64
	LoClosed, HiClosed bool
}

// Legend is the legend of a choropleth.
type Legend struct {
	Entries []LegendEntry // classes, lowest first, then secret and missing
	Method  classify.Method
	Closure classify.Closure
	Unit    value.Unit
	// Decimals actually used in the labels: at least the requested ones,
	// more when needed for neighbouring bounds to print differently.
	Decimals int
	// Notes are French footnotes: the Breaks note, floored and estimated
	// values.
	Notes []string
}

// NewLegend builds the legend of a map from its Breaks, its palette and the
// counts of territories. The "Secret statistique" (hatched) and "Non
// disponible" (grey) entries are shown only when their count is not zero,
// so a legend never lists a category absent from the map; class entries are
// always shown, even when empty, since they tell the scale.
func NewLegend(b classify.Breaks, p palette.Palette, counts LegendCounts, unit value.Unit, decimals int) (Legend, error) {
	n := b.Classes()
	if n > 0 {
		if err := b.Validate(); err != nil {
			return Legend{}, fmt.Errorf("maps: legend: %w", err)
		}
	}
	if len(counts.Classes) != n {
		return Legend{}, fmt.Errorf("maps: legend: %d class counts for %d classes", len(counts.Classes), n)
	}
	colors, err := p.ClassColors(b)
	if err != nil {
		return Legend{}, fmt.Errorf("maps: legend: %w", err)
	}
	lg := Legend{Method: b.Method, Closure: b.EffectiveClosure(), Unit: unit, Decimals: labelDecimals(b.Bounds, unit, decimals)}
	for i := 0; i < n; i++ {
		lo, hi, loC, hiC := b.Interval(i)
		lg.Entries = append(lg.Entries, LegendEntry{
			Kind: EntryClass, Class: i, Color: colors[i], Count: counts.Classes[i],
			Label: IntervalLabel(lo, hi, loC, hiC, unit, lg.Decimals),
			Words: IntervalWords(lo, hi, loC, hiC, unit, lg.Decimals),
			Lo:    lo, Hi: hi, LoClosed: loC, HiClosed: hiC,
		})
	}
	if counts.Secret > 0 {
		lg.Entries = append(lg.Entries, LegendEntry{Kind: EntrySecret, Class: -1, Label: LabelSecret, Words: LabelSecret,
			Color: svgdoc.SecretColor, Hatched: true, Count: counts.Secret})
	}
	if counts.Missing > 0 {
		lg.Entries = append(lg.Entries, LegendEntry{Kind: EntryMissing, Class: -1, Label: LabelMissing, Words: LabelMissing,
			Color: MissingColor, Count: counts.Missing})
	}
	if b.Note != "" {
		lg.Notes = append(lg.Notes, b.Note)
	}
	if counts.Floored > 0 {
		lg.Notes = append(lg.Notes, fmt.Sprintf("Dont %s valeur(s) plancher (valeur réelle inférieure au seuil affiché).", frnum.Number(float64(counts.Floored), 0)))
	}
	if counts.Estimated > 0 {
		lg.Notes = append(lg.Notes, fmt.Sprintf("Dont %s valeur(s) estimée(s).", frnum.Number(float64(counts.Estimated), 0)))
	}
	return lg, nil
}

// IntervalLabel writes an interval in French notation with its closure:
// "[8,5 % ; 10,2 %[" (a no-break space before the semicolon). A degenerate
// interval (single class of a constant series) prints as its value.
func IntervalLabel(lo, hi float64, loClosed, hiClosed bool, unit value.Unit, decimals int) string {
	if lo == hi {
		return unit.Format(lo, decimals)
	}
	open, close := "]", "["
	if loClosed {
		open = "["
	}
	if hiClosed {
		close = "]"
	}
	return open + unit.Format(lo, decimals) + frnum.UnitSep + "; " + unit.Format(hi, decimals) + close
}

// IntervalWords writes an interval in words: "de 8,5 % à moins de 10,2 %",
// "de plus de 8,5 % à 10,2 %", "de 8,5 % à 10,2 %".
func IntervalWords(lo, hi float64, loClosed, hiClosed bool, unit value.Unit, decimals int) string {
	if lo == hi {
		return unit.Format(lo, decimals)
	}
	from := "de "
	if !loClosed {
		from = "de plus de "
	}
	to := " à "
	if !hiClosed {
		to = " à moins de "
	}
	return from + unit.Format(lo, decimals) + to + unit.Format(hi, decimals)
}

// labelDecimals returns the fewest decimals, from the requested ones up to
// 3 more, for which distinct bounds print differently.
func labelDecimals(bounds []float64, unit value.Unit, decimals int) int {
	if decimals < 0 {
		decimals = 0
	}
	for d := decimals; d <= decimals+3; d++ {
		ok := true
		for i := 1; i < len(bounds); i++ {
			if bounds[i] != bounds[i-1] && unit.Format(bounds[i], d) == unit.Format(bounds[i-1], d) {
				ok = false
				break
			}
		}
		if ok {
			return d
		}
	}
	return decimals + 3
}
