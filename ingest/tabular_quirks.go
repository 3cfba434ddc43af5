// Publisher quirks of the QPV and IRIS tables that read_csv does not undo:
// numbers grouped by a thousands separator (U+202F), unnamed trailing
// columns (";;;;"), and the territories of the sub-communal levels (QPV
// codes, IRIS codes) with the publisher's summary row.

package ingest

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
)

// ErrThousands is wrapped when a thousands separator does not sit between
// digit groups of three.
var ErrThousands = fmt.Errorf("misplaced thousands separator")

// stripThousands removes sep from a number written with digit groups of
// three ("1 193 700" → "1193700"). Text without sep is returned unchanged;
// a separator elsewhere than between groups of three integer digits is an
// error, so that "12 34" is never read as 1234.
func stripThousands(s, sep string) (string, error) {
	if sep == "" || !strings.Contains(s, sep) {
		return s, nil
	}
	t := strings.Trim(s, " \t") // not TrimSpace: U+202F is a space to Unicode
	sign := ""
	if t != "" && (t[0] == '-' || t[0] == '+') {
		sign, t = t[:1], t[1:]
	}
	intPart, rest := t, ""
	if i := strings.IndexAny(t, ".,eE"); i >= 0 {
		intPart, rest = t[:i], t[i:]
	}
	if strings.Contains(rest, sep) {
		return "", fmt.Errorf("%q: %w (after the integer part)", s, ErrThousands)
	}
	groups := strings.Split(intPart, sep)
	for i, g := range groups {
		// A leading group starts with a non-zero digit: "000 000" and
		// "012 345" are no grouped numbers (fuzzing found "000 000" read as 0).
		if !allDigits(g) || g == "" || (i > 0 && len(g) != 3) || (i == 0 && (len(g) > 3 || (len(groups) > 1 && g[0] == '0'))) {
			return "", fmt.Errorf("%q: %w", s, ErrThousands)
		}
	}
	return sign + strings.Join(groups, "") + rest, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// headerNames splits the first line of a ';' CSV file as written (BOM and
// CR removed, quotes not interpreted: headers are plain names). It tells
// the named columns from the unnamed trailing ones that read_csv calls
// column1021….
func headerNames(b []byte) []string {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i]
	}
	b = bytes.TrimSuffix(b, []byte("\r"))
	return strings.Split(string(b), ";")
}

// trailingEmpty counts the unnamed columns at the end of a header line.
func trailingEmpty(names []string) int {
	n := 0
	for i := len(names) - 1; i >= 0 && strings.TrimSpace(names[i]) == ""; i-- {
		n++
	}
	return n
}

// qpv2015 matches every QPV code of the 2015 generation (mainland and
// overseas, Corsica 2A/2B); bretonQPV the 32 Breton ones.
var (
	qpv2015   = regexp.MustCompile(`^QP(0[0-9][0-9]|02[AB]|9[0-9][0-9])\d{3}$`)
	bretonQPV = qpvCode[2015]
	irisCode  = regexp.MustCompile(`^[0-9][0-9AB][0-9]{7}$`)
)

// attachSub finds the territory of a QPV or IRIS row: the code itself when
// it is Breton (a QPV code of the 2015 generation; an IRIS whose first five
// characters are a Breton commune of COG c), or the table's summary row.
// foreign is true for a well-formed code outside Bretagne.
func attachSub(c *COG, t Table, code string) (target string, known, foreign bool) {
	if t.Summary != "" && code == t.Summary {
		return code, true, false
	}
	switch t.Level {
	case "qpv":
		if bretonQPV.MatchString(code) {
			return code, true, false
		}
		return "", false, qpv2015.MatchString(code)
	case "iris":
		if !irisCode.MatchString(code) {
			return "", false, false
		}
		if !isBretonCode(code[:2]) {
			return "", false, true
		}
		if _, ok := c.ByCode[code[:5]]; ok {
			return code, true, false
		}
		if _, ok := c.Resolve(code[:5]); ok {
			return code, true, false // IRIS of a commune merged since: its own code
		}
	}
	return "", false, false
}
