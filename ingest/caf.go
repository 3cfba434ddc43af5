// Rules specific to CAF open data: the special rows of generation 1 files
// and the reference month of generation 2 exports.

package ingest

import (
	"fmt"
	"strconv"
)

// specialMeaning explains a CAF special row code (readme of the commune
// files, and the generation 2 export).
func specialMeaning(code string) string {
	switch code {
	case "99999":
		return "allocataires résidant à l'étranger"
	case "XXXXX":
		return "commune inconnue"
	case "":
		return "allocataires non localisés (code vide)"
	}
	return "ligne hors territoire"
}

// monthVintage reads a CAF generation 2 reference month YYYY-MM. ok is
// false for a month other than December: the commune file publishes the
// "droit versable" of December, and only that month is a yearly vintage.
func monthVintage(s string) (vintage string, ok bool, err error) {
	if len(s) != 7 || s[4] != '-' {
		return "", false, fmt.Errorf("reference month %q: want YYYY-MM", s)
	}
	y, err1 := strconv.Atoi(s[:4])
	m, err2 := strconv.Atoi(s[5:])
	if err1 != nil || err2 != nil || y < 1900 || m < 1 || m > 12 || s[0] == '+' || s[5] == '+' || s[5] == '-' {
		return "", false, fmt.Errorf("reference month %q: want YYYY-MM", s)
	}
	return s[:4], m == 12, nil
}
