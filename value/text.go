// The French text of a figure: its number with the unit, and the words for
// a status, in the forms the outputs need (table, tooltip, short, long).

package value

import (
	"math"

	"github.com/region-bretagne/obs/frnum"
)

// Form is where a figure's text is printed. The forms agree on every
// figure and differ only where the room or the reader differs:
//
//   - a floored figure reads "≤ 5,0 %" in every form: the floor bounds the
//     true value, so the sign is part of the number;
//   - a secret figure reads "secret statistique", and "secret" in the
//     short form;
//   - a missing figure (or any figure without a value) reads "n.d." in the
//     table, tooltip and short forms, and "non disponible" in the long
//     form only;
//   - an estimated or partial figure reads as its number in the table and
//     short forms, whose status is told by a status column, a note or the
//     legend, and as "1 235 (estimation)" or "12,3 % (couverture
//     partielle)" in the tooltip and long forms, which stand alone.
type Form int

// The forms of a figure's text.
const (
	// FormTable is a cell of a table that tells the status apart (its own
	// column or a note): the fact sheets, the API's texte field, obs
	// query and a map's data table. "12,3 %", "≤ 5,0 %", "n.d.".
	FormTable Form = iota
	// FormTooltip is the hover text of a map or a chart, SVG or echarts:
	// the table text, with the qualifier of an estimated or partial value.
	FormTooltip
	// FormShort is a label drawn on a bar or beside a point: "secret",
	// "n.d.", "≤ 5,0 %".
	FormShort
	// FormLong is prose and text for screen readers: "non disponible".
	FormLong
)

// Forms lists every form.
var Forms = []Form{FormTable, FormTooltip, FormShort, FormLong}

// String names a form, for tests and logs.
func (f Form) String() string {
	switch f {
	case FormTable:
		return "table"
	case FormTooltip:
		return "tooltip"
	case FormShort:
		return "short"
	case FormLong:
		return "long"
	}
	return "form?"
}

// Words printed for a figure without a value.
const (
	TextSecret       = "secret statistique"
	TextSecretShort  = "secret"
	TextMissing      = frnum.NotAvailable // "n.d."
	TextMissingLong  = "non disponible"
	textFloorPrefix  = "≤" + frnum.UnitSep
	textEstimatedTag = " (estimation)"
	textPartialTag   = " (couverture partielle)"
)

// Text is the French text of a figure v of status s and unit u, with
// decimals digits, in form f (see [Form] for the rules). A NaN v, or a
// status that carries no value, reads as missing unless it is secret.
func Text(f Form, v float64, s Status, u Unit, decimals int) string {
	if s == StatusSecret {
		if f == FormShort {
			return TextSecretShort
		}
		return TextSecret
	}
	if !s.HasValue() || math.IsNaN(v) {
		if f == FormLong {
			return TextMissingLong
		}
		return TextMissing
	}
	n := u.Format(v, decimals)
	switch s {
	case StatusFloored:
		return textFloorPrefix + n
	case StatusEstimated:
		if f == FormTooltip || f == FormLong {
			return n + textEstimatedTag
		}
	case StatusPartial:
		if f == FormTooltip || f == FormLong {
			return n + textPartialTag
		}
	}
	return n
}

// Label is the French name of a status, for a status column or a legend
// note: "valeur", "valeur plancher", "secret statistique"…
func (s Status) Label() string {
	switch s {
	case StatusOK:
		return "valeur"
	case StatusFloored:
		return "valeur plancher"
	case StatusEstimated:
		return "estimation"
	case StatusPartial:
		return "couverture partielle"
	case StatusSecret:
		return TextSecret
	case StatusMissing:
		return TextMissingLong
	}
	return string(s)
}

// Format writes v in French with the unit's symbol after a no-break space:
// "12,3 %", "21 490 €", "3 422 845", "12,5 pour 10 000 hab.". Counts and
// ratios are bare numbers. A unit that is not one of [Units] (a free text
// such as "hab.") is printed after the number as it is.
func (u Unit) Format(v float64, decimals int) string {
	n := frnum.Number(v, decimals)
	sym := u.Symbol()
	if sym == "" && !u.known() {
		sym = string(u)
	}
	if sym == "" {
		return n
	}
	return n + frnum.UnitSep + sym
}

// known reports whether u is one of Units.
func (u Unit) known() bool {
	for _, x := range Units {
		if x == u {
			return true
		}
	}
	return false
}
