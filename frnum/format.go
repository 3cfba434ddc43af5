// This file holds the formatting functions of the package.

package frnum

import (
	"math"
	"strconv"
	"strings"
)

// Typographic characters used by the formatters.
const (
	// ThousandsSep separates groups of three digits: NARROW NO-BREAK SPACE.
	ThousandsSep = "\u202f"
	// UnitSep goes between a number and its unit (%, €): NO-BREAK SPACE.
	UnitSep = "\u00a0"
	// Minus is the sign of negative numbers: MINUS SIGN.
	Minus = "\u2212"
	// NotAvailable is printed for NaN.
	NotAvailable = "n.d."
)

// Number formats v with exactly decimals digits after the decimal comma and
// thousands grouped with U+202F: Number(3422845, 0) = "3 422 845",
// Number(12.345, 1) = "12,3", Number(-4.2, 1) = "−4,2". A negative decimals
// gives the fewest digits that identify v exactly, as strconv's precision -1
// does: Number(8.25, -1) = "8,25", Number(1e6, -1) = "1 000 000".
func Number(v float64, decimals int) string {
	return format(v, decimals, ThousandsSep, Minus)
}

// Percent formats v, which is already a percentage (12.3 for 12.3 %), as
// Number does and appends " %" with a NO-BREAK SPACE: "12,3 %".
func Percent(v float64, decimals int) string {
	return Number(v, decimals) + UnitSep + "%"
}

// Euro formats an amount in euros as Number does and appends " €" with a
// NO-BREAK SPACE: Euro(21490, 0) = "21 490 €".
func Euro(v float64, decimals int) string {
	return Number(v, decimals) + UnitSep + "€"
}

// Plain formats v for spreadsheets and CSV files read with a French locale:
// decimal comma, no thousands separator, ASCII hyphen-minus for negatives.
// Plain(-3422845.25, 1) = "-3422845,3". NaN gives "" (an empty cell), and
// infinities give "" too, since a spreadsheet cannot hold them.
func Plain(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return format(v, decimals, "", "-")
}

// format rounds v and writes it with the given separators.
func format(v float64, decimals int, thousands, minus string) string {
	switch {
	case math.IsNaN(v):
		return NotAvailable
	case math.IsInf(v, 1):
		return "∞"
	case math.IsInf(v, -1):
		return minus + "∞"
	}
	neg := math.Signbit(v)
	intPart, frac := roundHalfAway(strconv.FormatFloat(math.Abs(v), 'f', -1, 64), decimals)
	if neg && strings.Trim(intPart+frac, "0") == "" {
		neg = false // the rounded value is zero: print no sign
	}
	var b strings.Builder
	b.Grow(len(intPart) + len(frac) + len(intPart)/3*len(thousands) + len(minus) + 1)
	if neg {
		b.WriteString(minus)
	}
	for i, d := range intPart {
		if i > 0 && thousands != "" && len(intPart) >= 4 && (len(intPart)-i)%3 == 0 {
			b.WriteString(thousands)
		}
		b.WriteRune(d)
	}
	if frac != "" {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// roundHalfAway rounds the non-negative decimal string s ("123.4567") to
// decimals digits after the point, half away from zero, and returns the
// integer and fraction digits. A negative decimals keeps every digit.
func roundHalfAway(s string, decimals int) (intPart, frac string) {
	intPart, frac, _ = strings.Cut(s, ".")
	if decimals < 0 {
		return intPart, frac
	}
	if len(frac) <= decimals {
		return intPart, frac + strings.Repeat("0", decimals-len(frac))
	}
	up := frac[decimals] >= '5'
	digits := []byte(intPart + frac[:decimals])
	if up {
		i := len(digits) - 1
		for ; i >= 0; i-- {
			if digits[i] == '9' {
				digits[i] = '0'
				continue
			}
			digits[i]++
			break
		}
		if i < 0 {
			digits = append([]byte{'1'}, digits...)
		}
	}
	n := len(digits) - decimals
	return string(digits[:n]), string(digits[n:])
}
