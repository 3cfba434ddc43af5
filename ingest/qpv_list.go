// The full list of QPV of the 2015 generation, from the QPV statistics
// files (CODGEO, LIBGEO, LIB_COM), with each QPV linked to its commune(s)
// by name within its département, checked against the national COG. QPV
// without a perimeter become territories too: they have figures, not shapes.

package ingest

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/region-bretagne/obs/store"
)

//go:embed qpv_list_schema.sql
var qpvListSchema string

// QPVRow is one QPV of a statistics file: its code, name and LIB_COM.
type QPVRow struct {
	Line          int
	Code, Name    string
	CommuneNames  string // LIB_COM: "Rennes", "Cusset, Vichy"
	Communes      []string
	UnmatchedName []string
}

// qpvDepartement is the département of a 2015 QPV code: QP035004 → 35,
// QP02A001 → 2A, QP971001 → 971.
func qpvDepartement(code string) string {
	if len(code) < 5 {
		return ""
	}
	if code[2] == '0' {
		return code[3:5]
	}
	return code[2:5]
}

// CommuneNames indexes the communes and municipal arrondissements of a
// national communes.json by département and name.
type CommuneNames map[string]map[string]string // dep -> folded name -> code

// foldName compares names the way publishers vary them: case, hyphens,
// apostrophes and "Saint"/"St" left alone (the COG spelling is the
// reference), only case and separators folded.
func foldName(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	r := strings.NewReplacer("-", " ", "’", "'", "\u00a0", " ")
	return strings.Join(strings.Fields(r.Replace(s)), " ")
}

// ParseCommuneNames reads a national communes.json (@etalab/decoupage-administratif).
func ParseCommuneNames(path string, b []byte) (CommuneNames, error) {
	var all []cogCommune
	if err := json.Unmarshal(b, &all); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	idx := CommuneNames{}
	for _, c := range all {
		if c.Type != communeActuelle && c.Type != "arrondissement-municipal" {
			continue
		}
		if idx[c.Departement] == nil {
			idx[c.Departement] = map[string]string{}
		}
		idx[c.Departement][foldName(c.Nom)] = c.Code
	}
	return idx, nil
}

// Resolve links a QPV to the communes named in its LIB_COM (", "-separated)
// within its département; names not found are returned in UnmatchedName.
func (n CommuneNames) Resolve(r *QPVRow) {
	dep := qpvDepartement(r.Code)
	r.Communes, r.UnmatchedName = nil, nil
	for _, name := range strings.Split(r.CommuneNames, ", ") {
		if code, ok := n[dep][foldName(name)]; ok && strings.TrimSpace(name) != "" {
			r.Communes = append(r.Communes, code)
			continue
		}
		r.UnmatchedName = append(r.UnmatchedName, name)
	}
}

// readQPVList reads CODGEO, LIBGEO and LIB_COM of a QPV statistics file
// with read_csv; the summary row "Ensemble" is no QPV.
func (b *Builder) readQPVList(ctx context.Context, f *File) ([]QPVRow, error) {
	rows, err := b.DB.QueryContext(ctx, `SELECT CODGEO, LIBGEO, LIB_COM FROM read_csv(?, delim=';', quote='"', header=true, all_varchar=true, encoding='utf-8', strict_mode=true)`, f.Abs)
	if err != nil {
		return nil, fmt.Errorf("%s: read_csv (columns CODGEO, LIBGEO, LIB_COM expected): %w", f.Path, err)
	}
	defer rows.Close()
	var out []QPVRow
	line := 1
	for rows.Next() {
		line++
		var code, name, com *string
		if err := rows.Scan(&code, &name, &com); err != nil {
			return nil, &ParseError{File: f.Path, Pos: Position{Line: line}, Err: err}
		}
		if code == nil || *code == "Ensemble" {
			continue
		}
		r := QPVRow{Line: line, Code: strings.TrimSpace(*code)}
		if name != nil {
			r.Name = strings.TrimSpace(*name)
		}
		if com != nil {
			r.CommuneNames = strings.TrimSpace(*com)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// loadQPVList adds every Breton QPV of the 2015 generation as a territory
// (those drawn by the geometry step keep their row) and links it to its
// commune by LIB_COM. A name that the COG does not know fails the ingest,
// naming the QPV.
func loadQPVList(ctx context.Context, b *Builder) error {
	if _, err := b.DB.ExecContext(ctx, qpvListSchema); err != nil {
		return fmt.Errorf("qpv_commune_list schema: %w", err)
	}
	for _, s := range b.source("qpv-list", 0) {
		f, err := b.Read(ctx, s)
		if errors.Is(err, ErrMissingFile) && !s.Required {
			b.Log.Info("optional source not in the data folder, skipped", "source", s.ID, "path", s.Path)
			continue
		}
		if err != nil {
			return err
		}
		list, err := b.readQPVList(ctx, f)
		if err != nil {
			return err
		}
		drawn, err := b.territoryCodes(ctx, "qpv")
		if err != nil {
			return err
		}
		var terr, links [][]any
		n := 0
		for _, v := range b.Vintages() {
			cs := b.source("cog-communes", v)
			if len(cs) == 0 {
				return fmt.Errorf("qpv list: no cog-communes source for COG %d", v)
			}
			cf, err := ReadFile(ctx, b.DataDir, cs[0])
			if err != nil {
				return err
			}
			names, err := ParseCommuneNames(cf.Path, cf.Bytes)
			if err != nil {
				return err
			}
			for i := range list {
				r := &list[i]
				if !bretonQPV.MatchString(r.Code) {
					continue
				}
				names.Resolve(r)
				if len(r.UnmatchedName) > 0 || len(r.Communes) == 0 {
					return &ParseError{File: f.Path, Pos: Position{Line: r.Line}, Element: fmt.Sprintf("QPV %s (%s)", r.Code, r.Name),
						Err: fmt.Errorf("LIB_COM %q: commune(s) %q unknown in département %s of COG %d", r.CommuneNames, r.UnmatchedName, qpvDepartement(r.Code), v)}
				}
				if r.Name == "" {
					return &ParseError{File: f.Path, Pos: Position{Line: r.Line}, Element: "QPV " + r.Code, Err: fmt.Errorf("empty LIBGEO")}
				}
				if !drawn[v][r.Code] {
					terr = append(terr, []any{v, "qpv", r.Code, r.Name, "QPV 2015", nil, len(r.Communes), nil, true, false, f.ID})
				}
				for j, c := range r.Communes {
					links = append(links, []any{2015, r.Code, v, c, strings.Split(r.CommuneNames, ", ")[j], f.ID})
				}
				n++
			}
		}
		for _, t := range []struct {
			name string
			rows [][]any
		}{{"territory", terr}, {"qpv_commune_list", links}} {
			if err := store.Append(ctx, b.DB, t.name, t.rows); err != nil {
				return fmt.Errorf("%s: %w", f.Path, err)
			}
		}
		b.Log.Info("QPV list loaded", "source", s.ID, "qpv×cog", n)
	}
	return nil
}
