// Fuzz targets of the ingest parsers not covered elsewhere: the COG EPCI
// and area files, the national commune names, the table catalogue and
// the QPV list CSV read by DuckDB's read_csv.

package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/region-bretagne/obs/store"
)

// fuzzCOG is a COG of three Breton communes (one with an old code) in
// one EPCI, read by the real parsers.
func fuzzCOG(t testing.TB, vintage int) *COG {
	t.Helper()
	c, err := parseCommunes(&File{Source: Source{Path: "communes.json"}, Bytes: []byte(`[
{"code":"35238","nom":"Rennes","type":"commune-actuelle","departement":"35","region":"53","population":220000},
{"code":"35047","nom":"Bruz","type":"commune-actuelle","departement":"35","region":"53","population":18000,"anciensCodes":["35002"]},
{"code":"22278","nom":"Saint-Brieuc","type":"commune-actuelle","departement":"22","region":"53","population":44000}]`)}, vintage)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.parseEPCI(&File{Source: Source{Path: "epci.json"}, Bytes: []byte(`[{"code":"243500139","nom":"Rennes Métropole","membres":[{"code":"35238"},{"code":"35047"}]}]`)}); err != nil {
		t.Fatal(err)
	}
	return c
}

func FuzzParseEPCI(f *testing.F) {
	f.Add([]byte(`[{"code":"243500139","nom":"Rennes Métropole","membres":[{"code":"35238"},{"code":"35047"}]}]`))
	f.Add([]byte(`[{"code":"1","nom":"A","membres":[{"code":"35238"}]},{"code":"2","nom":"B","membres":[{"code":"35238"}]}]`))
	f.Add([]byte(`[{"code":"1","nom":"A"}]`))
	f.Add([]byte(`{`))
	f.Fuzz(func(t *testing.T, b []byte) {
		c := fuzzCOG(t, 2026)
		err := c.parseEPCI(&File{Source: Source{Path: "epci.json"}, Bytes: b})
		if err != nil {
			return
		}
		for commune, epci := range c.CommuneEPCI {
			if _, ok := c.ByCode[commune]; !ok || epci == "" {
				t.Fatalf("commune %s (not in the COG or without EPCI %q) kept", commune, epci)
			}
		}
	})
}

func FuzzParseAreas(f *testing.F) {
	f.Add([]byte(`[{"code":"35","nom":"Ille-et-Vilaine","region":"53"},{"code":"22","nom":"Côtes-d'Armor","region":"53"}]`))
	f.Add([]byte(`[{"code":"35","nom":"A"},{"code":"35","nom":"B"}]`))
	f.Add([]byte(`[{"nom":"A"}]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		areas, err := parseAreas(&File{Source: Source{Path: "departements.json"}, Bytes: b})
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a ParseError", err)
			}
			return
		}
		seen := map[string]bool{}
		for _, a := range areas {
			if a.Code == "" || a.Nom == "" || seen[a.Code] {
				t.Fatalf("accepted a bad or duplicate area %+v", a)
			}
			seen[a.Code] = true
		}
	})
}

func FuzzParseCommuneNames(f *testing.F) {
	f.Add([]byte(`[{"code":"03095","nom":"Cusset","type":"commune-actuelle","departement":"03"},{"code":"75101","nom":"Paris 1er Arrondissement","type":"arrondissement-municipal","departement":"75"}]`))
	f.Add([]byte(`[{"code":"35002","nom":"B","type":"commune-deleguee"}]`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, b []byte) {
		names, err := ParseCommuneNames("communes.json", b)
		if err != nil {
			return
		}
		for dep, m := range names {
			if m == nil {
				t.Fatalf("département %q without names", dep)
			}
		}
	})
}

func FuzzParseTableCatalogue(f *testing.F) {
	// Seeds: each table of data/tables.json alone (the whole 200 kB file
	// stalls the fuzzer: it mutates large inputs very slowly).
	if b, err := os.ReadFile(filepath.Join("..", "data", "tables.json")); err == nil {
		var c struct {
			Tables []json.RawMessage `json:"tables"`
		}
		if err := json.Unmarshal(b, &c); err != nil {
			f.Fatal(err)
		}
		for _, t := range c.Tables {
			f.Add([]byte(`{"tables":[` + string(t) + `]}`))
		}
	}
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"tables":[]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		tables, err := ParseTableCatalogue(b)
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, tb := range tables {
			if tb.ID == "" || tb.Path == "" || seen[tb.ID] {
				t.Fatalf("accepted a table without id or path, or twice: %q %q", tb.ID, tb.Path)
			}
			seen[tb.ID] = true
		}
	})
}

// FuzzReadQPVList feeds any bytes, as a file, to read_csv: a QPV list is
// read or refused with an error, never a crash or a row without code.
func FuzzReadQPVList(f *testing.F) {
	f.Add([]byte("CODGEO;LIBGEO;LIB_COM;P_NP\nQP035001;Maurepas;Rennes;10\nEnsemble;Ensemble;;20\n"))
	f.Add([]byte("CODGEO;LIBGEO;LIB_COM\n\"QP022001\";\"Ville \"\"A\"\"\";\"Saint-Brieuc, Plérin\"\n"))
	f.Add([]byte("CODGEO;LIBGEO\nQP1;A\n"))
	f.Add([]byte("\xef\xbb\xbfCODGEO;LIBGEO;LIB_COM\nQP1;\xe9;x;y\n"))
	db, err := store.Create(context.Background(), filepath.Join(f.TempDir(), "fuzz.duckdb"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	b := &Builder{DB: db}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, in []byte) {
		path := filepath.Join(dir, "qpv.csv")
		if err := os.WriteFile(path, in, 0o600); err != nil {
			t.Fatal(err)
		}
		rows, err := b.readQPVList(t.Context(), &File{Source: Source{Path: "qpv.csv"}, Abs: path, Bytes: in})
		if err != nil {
			return
		}
		for _, r := range rows {
			if r.Code == "Ensemble" || r.Line < 2 {
				t.Fatalf("bad row %+v", r)
			}
		}
	})
}

// FuzzReadTable feeds any bytes, as the file of one table of the
// catalogue (tableIndex picks it), to the tabular read path (read_csv,
// header check, cells, attachment to the COG): a table is read or
// refused with an error, never a crash.
func FuzzReadTable(f *testing.F) {
	tables, err := TableCatalogue()
	if err != nil {
		f.Fatal(err)
	}
	for i, tb := range tables {
		head := strings.Join(tb.Header, ";")
		row := make([]string, len(tb.Header))
		for j, h := range tb.Header {
			row[j] = "12"
			if h == tb.Key {
				row[j] = "35238"
			}
			if h == tb.VintageColumn {
				row[j] = "2024-12"
			}
		}
		f.Add(uint8(i), []byte(head+"\n"+strings.Join(row, ";")+"\n"))
		if i == 0 {
			f.Add(uint8(i), []byte(head+"\n35002;s;nd;;1 234,5\n35238;\"1\";2\n"))
		}
	}
	db, err := store.Create(context.Background(), filepath.Join(f.TempDir(), "fuzz.duckdb"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	cogs := map[int]*COG{}
	for _, tb := range tables {
		for _, g := range tb.Groups {
			if cogs[g.COG] == nil {
				cogs[g.COG] = fuzzCOG(f, g.COG)
			}
		}
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, i uint8, in []byte) {
		tb := tables[int(i)%len(tables)]
		path := filepath.Join(dir, "table.csv")
		if err := os.WriteFile(path, in, 0o600); err != nil {
			t.Fatal(err)
		}
		r, err := readTable(t.Context(), db, cogs, tb, &File{Source: Source{Path: tb.Path}, Abs: path, Bytes: in})
		if err != nil {
			return
		}
		for _, o := range r.obs {
			if o.Code == "" || o.Source != tb.ID {
				t.Fatalf("observation without code or of another table: %+v", o)
			}
		}
	})
}
