// Conversion of one raw cell of an INSEE or CAF table into a value and a
// status. DuckDB's read_csv splits the file (all columns as text); this file
// holds the explicit rules that turn text into numbers, so that a marker is
// never read as 0.

package ingest

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/region-bretagne/obs/value"
)

// Cell is one converted cell. Value is meaningful only when HasValue.
type Cell struct {
	Value    float64
	HasValue bool
	Status   value.Status
	Reason   string // why a value is absent or approximate, in French
}

// Blank is how a table reads an empty cell: its status and reason.
type Blank struct {
	Status value.Status `json:"status"`
	Reason string       `json:"reason"`
}

// DefaultBlank is the reading of an empty cell unless a table says otherwise.
var DefaultBlank = Blank{Status: value.StatusMissing, Reason: "case vide\u00a0: donnée absente"}

// Markers published by INSEE in place of a value.
var markers = map[string]Cell{
	"s":  {Status: value.StatusSecret, Reason: "secret statistique (s)"},
	"nd": {Status: value.StatusMissing, Reason: "non disponible (nd)"},
	"ns": {Status: value.StatusMissing, Reason: "non significatif (ns)"},
}

// ErrBadNumber is wrapped by ParseCell for text that is neither a number
// nor a known marker.
var ErrBadNumber = errors.New("not a number nor a known marker (s, nd, ns, empty)")

// ParseCell converts raw text under the decimal mark of its column ('.' or
// ','). Blank text (empty or spaces) gets the blank status. Numbers are
// plain decimals: optional sign, digits, at most one decimal mark (the
// declared one only), optional exponent; no thousands separator, no NaN or
// Inf, no hexadecimal.
func ParseCell(raw string, decimal byte, blank Blank) (Cell, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return Cell{Status: blank.Status, Reason: blank.Reason}, nil
	}
	if m, ok := markers[s]; ok {
		return m, nil
	}
	if decimal != '.' && decimal != ',' {
		return Cell{}, fmt.Errorf("decimal mark %q: want '.' or ','", decimal)
	}
	if err := checkNumber(s, decimal); err != nil {
		return Cell{}, fmt.Errorf("%q: %w", raw, err)
	}
	if decimal == ',' {
		s = strings.Replace(s, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return Cell{}, fmt.Errorf("%q: %w", raw, ErrBadNumber)
	}
	return Cell{Value: v, HasValue: true, Status: value.StatusOK}, nil
}

// checkNumber validates the grammar [+-]?digits([mark]digits)?([eE][+-]?digits)?
// where the integer or the fraction part may be empty but not both.
func checkNumber(s string, decimal byte) error {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
		digits++
	}
	if i < len(s) && (s[i] == '.' || s[i] == ',') {
		if s[i] != decimal {
			return fmt.Errorf("%w: decimal mark %q where the column declares %q", ErrBadNumber, s[i], decimal)
		}
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			digits++
		}
	}
	if digits == 0 {
		return ErrBadNumber
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			exp++
		}
		if exp == 0 {
			return ErrBadNumber
		}
	}
	if i != len(s) {
		return ErrBadNumber
	}
	return nil
}

// SumCells adds cells of an additive variable (communes merged into one).
// The sum has a value only when every part has one; otherwise it takes the
// most severe status of the parts (secret before missing), so that a secret
// part is never counted as 0. An estimated part makes the sum estimated.
func SumCells(parts []Cell) Cell {
	if len(parts) == 0 {
		return Cell{Status: value.StatusMissing, Reason: "aucune donnée"}
	}
	out := Cell{HasValue: true, Status: value.StatusOK}
	for _, p := range parts {
		if !p.HasValue {
			if out.HasValue || p.Status.Severity() > out.Status.Severity() {
				out = Cell{Status: p.Status, Reason: p.Reason}
			}
			continue
		}
		if !out.HasValue {
			continue
		}
		out.Value += p.Value
		if p.Status != value.StatusOK && p.Status.Severity() > out.Status.Severity() {
			out.Status, out.Reason = p.Status, p.Reason
		}
	}
	return out
}
