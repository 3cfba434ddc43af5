// Table options for the real quirks of national and historical files:
// every French territory kept (scope france), the France row of a file,
// trailing columns with an empty name, thousands separators, and the
// column-subset header of CAF generation 2 exports.

package ingest

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// TableOptions are the optional settings of a Table.
type TableOptions struct {
	// Scope is "bretagne" (default: rows outside Bretagne are counted and
	// dropped), "france": every row is kept, territories outside Bretagne
	// under their own code, so that comparisons with other départements
	// and régions rest on published rows, or "bretagne-epci" for commune
	// files: the Breton communes and the communes outside Bretagne of the
	// EPCI that cross the border (the perimeter check of those EPCI needs
	// them; the cube has no frame for the other 33 000 communes).
	Scope string `json:"scope,omitempty"`
	// FranceCode is the code of France in a level-france file (Filosofi
	// METROPOLE: "1"); its row is filed under the cube's France code.
	FranceCode string `json:"france_code,omitempty"`
	// ValueNote is added to the reason of every published value of the
	// table (METROPOLE: "France métropolitaine, hors DOM").
	ValueNote string `json:"value_note,omitempty"`
	// TrailingEmpty accepts columns with an empty name after the declared
	// header (";;;;" at the end of every line); their cells must be empty.
	TrailingEmpty bool `json:"trailing_empty_columns,omitempty"`
	// Thousands is a thousands separator removed from numbers before they
	// are parsed (U+202F in some INSEE exports: "1 193 700").
	Thousands string `json:"thousands,omitempty"`
	// HeaderMode "known" reads a column subset (CAF generation 2 exports
	// choose their columns): Header lists the known columns, any of which
	// may be absent, and RequiredColumns those that must be present.
	// Unknown columns are noted. The default "" wants the exact header.
	HeaderMode      string   `json:"header_mode,omitempty"`
	RequiredColumns []string `json:"required_columns,omitempty"`
	// Perimeter, on an EPCI table, checks each EPCI's perimeter of the
	// file year against the EPCI of the same code on the group's COG
	// (perimeter.go).
	Perimeter *PerimeterCheck `json:"perimeter_check,omitempty"`
}

// FranceCode is the territory code of France in the store.
const FranceCode = "FR"

func (t *Table) validateOptions() error {
	switch {
	case t.Scope != "" && t.Scope != "bretagne" && t.Scope != "france" && t.Scope != "bretagne-epci":
		return fmt.Errorf("scope %q: want bretagne, bretagne-epci or france", t.Scope)
	case t.Scope == "bretagne-epci" && t.Level != "commune":
		return fmt.Errorf("scope bretagne-epci is for commune tables")
	case t.Level == "france" && t.FranceCode == "":
		return fmt.Errorf("a level-france table needs france_code")
	case t.HeaderMode != "" && t.HeaderMode != "known":
		return fmt.Errorf("header_mode %q: want known or nothing", t.HeaderMode)
	case t.HeaderMode == "" && len(t.RequiredColumns) > 0:
		return fmt.Errorf("required_columns needs header_mode known")
	case t.Perimeter != nil && t.Level != "epci":
		return fmt.Errorf("perimeter_check is for EPCI tables")
	}
	for _, c := range t.RequiredColumns {
		if !slices.Contains(t.Header, c) {
			return fmt.Errorf("required column %q is not in the header", c)
		}
	}
	if t.HeaderMode == "known" && !slices.Contains(t.RequiredColumns, t.Key) {
		return fmt.Errorf("the key column %q must be a required column", t.Key)
	}
	return nil
}

// rawHeader returns the names of the first line of a file, BOM and line
// end removed.
func rawHeader(b []byte) []string {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i]
	}
	b = bytes.TrimSuffix(b, []byte("\r"))
	return strings.Split(string(b), ";")
}

// fileColumns checks the columns read_csv found in f against the table
// and returns the number of trailing empty-named columns to ignore and the
// notes on unknown columns (header_mode known).
func (t Table) fileColumns(f *File, cols []string) (trailing int, notes []string, err error) {
	if t.TrailingEmpty {
		raw := rawHeader(f.Bytes)
		for i := len(raw) - 1; i >= 0 && strings.TrimSpace(raw[i]) == ""; i-- {
			trailing++
		}
		if trailing > len(cols) {
			trailing = len(cols)
		}
		cols = cols[:len(cols)-trailing]
	}
	if t.HeaderMode != "known" {
		return trailing, nil, checkHeader(f.Path, cols, t.Header)
	}
	e := &HeaderError{File: f.Path}
	for _, r := range t.RequiredColumns {
		if !slices.Contains(cols, r) {
			e.Missing = append(e.Missing, r)
		}
	}
	if len(e.Missing) > 0 {
		return 0, nil, e
	}
	for _, c := range cols {
		if !slices.Contains(t.Header, c) {
			notes = append(notes, fmt.Sprintf("%s\u00a0: colonne %s inconnue de data/tables.json, non chargée", f.Path, c))
		}
	}
	for _, h := range t.Header {
		if !slices.Contains(cols, h) {
			notes = append(notes, fmt.Sprintf("%s\u00a0: colonne %s absente de ce fichier (sélection de colonnes de l'export)", f.Path, h))
		}
	}
	return 0, notes, nil
}

// attachNational files a row that attach did not place on COG c: with
// scope france (or bretagne-epci, for the member communes of an EPCI
// touching Bretagne), a territory outside Bretagne keeps its own code;
// France takes FranceCode.
func (t Table) attachNational(c *COG, code string) (target string, ok bool) {
	if t.Level == "france" {
		if code == t.FranceCode {
			return FranceCode, true
		}
		return "", false
	}
	if code == "" || (t.Level == "commune" && isBretonCode(code)) {
		return "", false // a Breton code unknown to the COG stays an error note
	}
	switch t.Scope {
	case "france":
		return code, true
	case "bretagne-epci":
		if _, member := c.borderMembers()[code]; member {
			return code, true
		}
	}
	return "", false
}

// borderMembers lists the communes outside Bretagne of the EPCI of c that
// touch Bretagne.
func (c *COG) borderMembers() map[string]bool {
	if c.border != nil {
		return c.border
	}
	c.border = map[string]bool{}
	for _, e := range c.EPCI {
		for _, m := range e.Membres {
			if _, breton := c.ByCode[m.Code]; !breton {
				c.border[m.Code] = true
			}
		}
	}
	return c.border
}
