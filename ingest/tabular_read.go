// Reading one tabular source through DuckDB's read_csv: header check, then
// every mapped cell converted with ParseCell and attached to a territory of
// the COG vintage its column group is published on.

package ingest

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/region-bretagne/obs/value"
)

// Observation is one raw value of a tabular source, long form.
type Observation struct {
	Source   string // table id
	COG      int
	Level    string
	Code     string
	Variable string
	Vintage  string
	Cell
	Additive bool
	Label    string // source label: "Insee, RP 2022"
}

// HeaderError reports a file whose header is not the declared one.
type HeaderError struct {
	File       string
	Missing    []string // declared, absent from the file
	Unexpected []string // in the file, not declared
	Order      bool     // same columns, different order
}

func (e *HeaderError) Error() string {
	var parts []string
	if len(e.Missing) > 0 {
		parts = append(parts, "missing columns: "+strings.Join(e.Missing, ", "))
	}
	if len(e.Unexpected) > 0 {
		parts = append(parts, "unexpected columns: "+strings.Join(e.Unexpected, ", "))
	}
	if len(parts) == 0 && e.Order {
		parts = append(parts, "columns in another order than declared")
	}
	return fmt.Sprintf("%s: header differs from data/tables.json: %s (update the table's header and mapping for this vintage)", e.File, strings.Join(parts, "; "))
}

// checkHeader compares the file's columns with the declared header.
func checkHeader(file string, got, want []string) error {
	e := &HeaderError{File: file}
	for _, w := range want {
		if !slices.Contains(got, w) {
			e.Missing = append(e.Missing, w)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			e.Unexpected = append(e.Unexpected, g)
		}
	}
	if len(e.Missing) == 0 && len(e.Unexpected) == 0 {
		if slices.Equal(got, want) {
			return nil
		}
		e.Order = true
	}
	return e
}

// tableRead is what a file yields: observations, and findings to note.
type tableRead struct {
	obs   []Observation
	notes []tableNote
}

type tableNote struct{ subject, note string }

// csvEncoding picks the read_csv encoding of a file.
func csvEncoding(t Table, b []byte) string {
	switch t.Encoding {
	case "auto":
		if utf8.Valid(b) {
			return "utf-8"
		}
		return "latin-1"
	default:
		return t.Encoding
	}
}

// obsKey identifies an observation of one table.
type obsKey struct {
	cog            int
	code, variable string
	vintage        string
}

// part is one contribution to an observation: a row's own cell, or the
// cell of an older commune code merged into it.
type part struct {
	cell     Cell
	from     string // code of the row
	additive bool
	line     int
}

// readTable reads f, declared by t, with db's read_csv and attaches rows to
// the territories of cogs.
func readTable(ctx context.Context, db *sql.DB, cogs map[int]*COG, t Table, f *File) (*tableRead, error) {
	for _, g := range t.Groups {
		if cogs[g.COG] == nil {
			return nil, fmt.Errorf("%s: column group %q is on COG %d, which is not loaded", f.Path, g.Label, g.COG)
		}
	}
	q := fmt.Sprintf(`SELECT * FROM read_csv(?, delim=';', quote='"', header=true, all_varchar=true, encoding='%s', strict_mode=true, null_padding=false)`, csvEncoding(t, f.Bytes))
	rows, err := db.QueryContext(ctx, q, f.Abs)
	if err != nil {
		return nil, fmt.Errorf("%s: read_csv: %w", f.Path, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Path, err)
	}
	trailing, colNotes, err := t.fileColumns(f, cols)
	if err != nil {
		return nil, err
	}
	idx := map[string]int{}
	for i, c := range cols[:len(cols)-trailing] {
		idx[c] = i
	}
	r := &tableRead{}
	for _, n := range colNotes {
		r.notes = append(r.notes, tableNote{t.ID, n})
	}
	parts := map[obsKey][]part{}
	meta := map[obsKey]Observation{}
	firstLine := map[[2]any]int{} // (group, code) -> line of its own row
	special := map[string][]int{}
	foreign := 0
	vals := make([]sql.NullString, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	line := 1
	for rows.Next() {
		line++
		if err := rows.Scan(ptrs...); err != nil {
			return nil, &ParseError{File: f.Path, Pos: Position{Line: line}, Err: err}
		}
		for i := len(cols) - trailing; i < len(cols); i++ {
			if strings.TrimSpace(vals[i].String) != "" {
				return nil, &ParseError{File: f.Path, Pos: Position{Line: line, Col: i + 1}, Element: "unnamed trailing column", Err: fmt.Errorf("value %q in a trailing column with an empty name", vals[i].String)}
			}
		}
		code := strings.TrimSpace(vals[idx[t.Key]].String)
		if slices.Contains(t.SkipCodes, code) {
			special[code] = append(special[code], line)
			continue
		}
		vintage := ""
		if t.VintageColumn != "" {
			v, ok, err := monthVintage(vals[idx[t.VintageColumn]].String)
			if err != nil {
				return nil, &ParseError{File: f.Path, Pos: Position{Line: line}, Element: fmt.Sprintf("column %s (code %s)", t.VintageColumn, code), Err: err}
			}
			if !ok {
				r.notes = append(r.notes, tableNote{code, fmt.Sprintf("%s ligne %d\u00a0: mois %s ignoré (seul décembre est retenu)", f.Path, line, vals[idx[t.VintageColumn]].String)})
				continue
			}
			vintage = v
		}
		for gi, g := range t.Groups {
			target, own, known := attach(cogs[g.COG], t.Level, code)
			if t.Level == "qpv" || t.Level == "iris" {
				var outside bool
				target, known, outside = attachSub(cogs[g.COG], t, code)
				own = known
				if outside {
					foreign++
					continue
				}
			}
			if !known {
				target, known = t.attachNational(cogs[g.COG], code)
				own = known
			}
			if !known {
				if isBretonCode(code) && t.Level == "commune" {
					r.notes = append(r.notes, tableNote{code, fmt.Sprintf("%s ligne %d\u00a0: code commune %s inconnu du COG %d, ligne ignorée", f.Path, line, code, g.COG)})
				} else {
					foreign++
				}
				continue
			}
			if own {
				k := [2]any{gi, code}
				if prev, dup := firstLine[k]; dup && vintage == "" {
					return nil, &ParseError{File: f.Path, Pos: Position{Line: line}, Element: "code " + code, Err: fmt.Errorf("duplicate code (first at line %d)", prev)}
				}
				firstLine[k] = line
			}
			var cells []Cell
			blankRow := true
			for _, col := range g.Columns {
				ci, present := idx[col.Column]
				if !present {
					cells = append(cells, Cell{Status: value.StatusMissing, Reason: "colonne " + col.Column + " absente du fichier"})
					continue
				}
				raw := vals[ci]
				dec, _ := col.decimal(g)
				blank := DefaultBlank
				if t.Blank != nil {
					blank = *t.Blank
				}
				if col.Blank != nil {
					blank = *col.Blank
				}
				text, err := stripThousands(raw.String, t.Thousands)
				if err != nil {
					return nil, &ParseError{File: f.Path, Pos: Position{Line: line, Col: idx[col.Column] + 1}, Element: fmt.Sprintf("column %s (code %s)", col.Column, code), Err: err}
				}
				c, err := ParseCell(text, dec, blank)
				if err != nil {
					return nil, &ParseError{File: f.Path, Pos: Position{Line: line, Col: ci + 1}, Element: fmt.Sprintf("column %s (code %s)", col.Column, code), Err: err}
				}
				if c.HasValue && t.ValueNote != "" {
					c.Reason = joinReason(c.Reason, t.ValueNote)
				}
				if c.HasValue && t.Numbers != nil {
					c.Status, c.Reason = t.Numbers.Status, t.Numbers.Reason
				}
				if c.HasValue && col.Floor != nil && c.Value <= *col.Floor {
					c.Status, c.Reason = value.StatusFloored, "valeur plancher\u00a0: valeur réelle inférieure ou égale à "+strings.TrimSpace(raw.String)
				}
				if strings.TrimSpace(raw.String) != "" {
					blankRow = false
				}
				cells = append(cells, c)
			}
			if !own && blankRow {
				r.notes = append(r.notes, tableNote{code, fmt.Sprintf("%s ligne %d\u00a0: %s (%s) vide pour la commune %s, absorbée par %s au COG %d — ses chiffres sont comptés dans %s", f.Path, line, g.Label, t.ID, code, target, g.COG, target)})
				continue
			}
			for i, col := range g.Columns {
				if _, present := idx[col.Column]; !present {
					continue
				}
				v := vintage
				if col.Vintage != "" {
					v = col.Vintage
				}
				k := obsKey{g.COG, target, col.Variable, v}
				parts[k] = append(parts[k], part{cell: cells[i], from: code, additive: col.Additive, line: line})
				meta[k] = Observation{Source: t.ID, COG: g.COG, Level: t.Level, Code: target, Variable: col.Variable, Vintage: v, Additive: col.Additive, Label: g.Label}
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: read_csv: %w", f.Path, err)
	}
	for _, code := range sortedKeys(special) {
		r.notes = append(r.notes, tableNote{code, fmt.Sprintf("%s\u00a0: ligne spéciale %q (lignes %v) tenue hors des communes\u00a0: %s", f.Path, code, special[code], specialMeaning(code))})
	}
	if foreign > 0 {
		r.notes = append(r.notes, tableNote{f.Path, fmt.Sprintf("%s\u00a0: %d ligne(s)×groupe hors de Bretagne ignorée(s)", f.Path, foreign)})
	}
	keys := make([]obsKey, 0, len(parts))
	for k := range parts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.code != b.code {
			return a.code < b.code
		}
		if a.variable != b.variable {
			return a.variable < b.variable
		}
		if a.vintage != b.vintage {
			return a.vintage < b.vintage
		}
		return a.cog < b.cog
	})
	for _, k := range keys {
		o := meta[k]
		o.Cell = mergeParts(parts[k])
		r.obs = append(r.obs, o)
	}
	return r, nil
}

// attach finds the territory of a row code at level and COG c: target is
// the code to file it under, own is false when the code is an older commune
// code merged into target.
func attach(c *COG, level, code string) (target string, own, known bool) {
	switch level {
	case "commune":
		if _, ok := c.ByCode[code]; ok {
			return code, true, true
		}
		if cur, ok := c.Resolve(code); ok {
			return cur, false, true
		}
	case "epci":
		for _, e := range c.EPCI {
			if e.Code == code {
				return code, true, true
			}
		}
	case "departement":
		if slices.Contains(c.departements(), code) {
			return code, true, true
		}
	case "region":
		if code == Region {
			return code, true, true
		}
	}
	return "", false, false
}

// mergeParts combines the rows filed under one territory: its own row, and
// older commune codes merged into it. Additive values are summed; a
// non-additive value cannot be converted, so a merge makes it missing.
func mergeParts(ps []part) Cell {
	if len(ps) == 1 {
		return ps[0].cell
	}
	if !ps[0].additive {
		var from []string
		for _, p := range ps {
			from = append(from, p.from)
		}
		return Cell{Status: value.StatusMissing, Reason: "commune fusionnée (" + strings.Join(from, ", ") + ")\u00a0: valeur non additive, non convertible"}
	}
	cells := make([]Cell, len(ps))
	for i, p := range ps {
		cells[i] = p.cell
	}
	return SumCells(cells)
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
