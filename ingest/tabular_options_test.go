// Tests of the table options for the real quirks of national files: BOM,
// CRLF, quoted names, U+202F thousands, trailing empty columns, summary
// rows, no final newline, rows outside Bretagne, column subsets, and the
// header check that still names the columns.

package ingest

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/region-bretagne/obs/store"
	"github.com/region-bretagne/obs/value"
)

// quirkData is a data folder with the real COG and one written file.
func quirkData(t *testing.T, rel, content string) string {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range []string{"cog", "geo", "qpv", "SOURCES.md"} {
		if err := os.Symlink(filepath.Join(stagedData(t), sub), filepath.Join(dir, sub)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(rel)), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, rel), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// loadQuirk builds a store with one table and returns it open, or the
// build error.
func loadQuirk(t *testing.T, data string, tb Table) (*sql.DB, error) {
	t.Helper()
	if err := tb.validate(); err != nil {
		t.Fatalf("table: %v", err)
	}
	path := filepath.Join(t.TempDir(), "x.duckdb")
	// The territorial frame (the table attaches its codes to the COG, and
	// the store checks want the geometries), then the table.
	steps := append(FrameSteps(), Step{"tables", func(ctx context.Context, b *Builder) error { return b.LoadTables(ctx, []Table{tb}) }})
	if _, err := Build(context.Background(), Options{DataDir: data, DBPath: path, Steps: steps, Logger: quiet}); err != nil {
		return nil, err
	}
	db, err := store.Open(context.Background(), path, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, nil
}

func quirkTable(header []string) Table {
	return Table{ID: "quirk", Format: "filosofi", Path: "filosofi/quirk.csv", Publisher: "test", Vintage: "test", Licence: "test",
		Required: true, Level: "departement", Encoding: "utf-8", Key: "CODGEO", Header: header,
		Blank:        &Blank{Status: value.StatusSecret, Reason: "case vide : non diffusé par l'Insee (secret statistique)"},
		SkipCodes:    []string{"Ensemble"},
		TableOptions: TableOptions{Scope: "france", TrailingEmpty: true, Thousands: "\u202f"},
		Groups: []Group{{COG: 2026, Label: "Insee, test", Decimal: ",", Columns: []Column{
			{Column: "NBMEN19", Variable: "menages_fiscaux", Vintage: "2019", Additive: true},
			{Column: "Q219", Variable: "niveau_vie_median", Vintage: "2019"},
		}}}}
}

func TestQuirkyNationalFile(t *testing.T) {
	// BOM, CRLF, a quoted name with doubled quotes, U+202F thousands,
	// trailing empty columns, an Ensemble row, an empty (secret) cell and
	// no newline after the last row.
	content := "\ufeffCODGEO;LIBGEO;NBMEN19;Q219;;;\r\n" +
		"35;\"Ille-et-Vilaine \"\"test\"\"\";1\u202f193\u202f700;22\u202f140,5;;;\r\n" +
		"75;Paris;1\u202f000\u202f000;;;;\r\n" +
		"Ensemble;Ensemble;9;9;;;"
	data := quirkData(t, "filosofi/quirk.csv", content)
	db, err := loadQuirk(t, data, quirkTable([]string{"CODGEO", "LIBGEO", "NBMEN19", "Q219"}))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		code, variable string
		value          float64
		status         value.Status
	}{
		{"35", "menages_fiscaux", 1193700, value.StatusOK},
		{"35", "niveau_vie_median", 22140.5, value.StatusOK},
		{"75", "menages_fiscaux", 1000000, value.StatusOK}, // outside Bretagne, kept whole
		{"75", "niveau_vie_median", 0, value.StatusSecret},
	} {
		r, ok := observation(t, db, 2026, "departement", tc.code, tc.variable, "2019")
		switch {
		case !ok:
			t.Errorf("%s %s: no observation", tc.code, tc.variable)
		case value.Status(r.status) != tc.status:
			t.Errorf("%s %s: status %s, want %s", tc.code, tc.variable, r.status, tc.status)
		case tc.status == value.StatusOK && r.value.Float64 != tc.value:
			t.Errorf("%s %s: %v, want %v", tc.code, tc.variable, r.value.Float64, tc.value)
		case tc.status != value.StatusOK && r.value.Valid:
			t.Errorf("%s %s: secret cell read as %v", tc.code, tc.variable, r.value.Float64)
		}
	}
	if _, ok := observation(t, db, 2026, "departement", "Ensemble", "menages_fiscaux", "2019"); ok {
		t.Error("the Ensemble summary row was loaded as a territory")
	}
}

func TestQuirkyFileErrors(t *testing.T) {
	cases := []struct {
		name, content string
		header        []string
		want          []string
	}{
		{"renamed column (yy suffix of another year)", "\ufeffCODGEO;LIBGEO;NBMEN18;Q219;;\r\n35;x;1;2;;", []string{"CODGEO", "LIBGEO", "NBMEN19", "Q219"},
			[]string{"missing columns: NBMEN19", "unexpected columns: NBMEN18"}},
		{"value in a trailing empty column", "CODGEO;LIBGEO;NBMEN19;Q219;;\n35;x;1;2;;7\n", []string{"CODGEO", "LIBGEO", "NBMEN19", "Q219"},
			[]string{"quirk.csv:2:6", "trailing column"}},
		{"thousands separator not declared", "CODGEO;LIBGEO;NBMEN19;Q219\n35;x;1 193;2\n", []string{"CODGEO", "LIBGEO", "NBMEN19", "Q219"},
			[]string{"quirk.csv:2:3", "NBMEN19"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tb := quirkTable(tc.header)
			if tc.name == "thousands separator not declared" {
				tb.Thousands = "\u202f" // a plain space is not U+202F
			}
			_, err := loadQuirk(t, quirkData(t, "filosofi/quirk.csv", tc.content), tb)
			if err == nil {
				t.Fatal("loaded a file that differs from its declaration")
			}
			t.Log(err)
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

func TestKnownColumnsHeader(t *testing.T) {
	tb := Table{ID: "caf", Format: "caf2", Path: "caf/x.csv", Required: true, Level: "commune", Encoding: "utf-8", Key: "numcomdo",
		VintageColumn: "dtreffre", Header: []string{"dtreffre", "numcomdo", "nomcom", "indfoy_rsa", "indmtt_rsa"},
		Numbers:      &Blank{Status: value.StatusEstimated, Reason: "arrondi à 5"},
		TableOptions: TableOptions{HeaderMode: "known", RequiredColumns: []string{"dtreffre", "numcomdo"}},
		Groups: []Group{{COG: 2026, Label: "CNAF", Columns: []Column{
			{Column: "indfoy_rsa", Variable: "foyers_rsa", Additive: true},
			{Column: "indmtt_rsa", Variable: "montant_rsa", Additive: true},
		}}}}
	db, err := loadQuirk(t, quirkData(t, "caf/x.csv", "\ufeffdtreffre;numcomdo;nomcom;indfoy_rsa;indfoy_autre\n2024-12;35238;Rennes;9565;1\n"), tb)
	if err != nil {
		t.Fatal(err)
	}
	if r, ok := observation(t, db, 2026, "commune", "35238", "foyers_rsa", "2024"); !ok || r.value.Float64 != 9565 || value.Status(r.status) != value.StatusEstimated {
		t.Errorf("foyers_rsa: %+v %v", r, ok)
	}
	if _, ok := observation(t, db, 2026, "commune", "35238", "montant_rsa", "2024"); ok {
		t.Error("a column absent from the export produced an observation")
	}
	var notes int
	if err := db.QueryRow(`SELECT count(*) FROM ingest_note WHERE note LIKE '%indfoy_autre%' OR note LIKE '%indmtt_rsa absente%'`).Scan(&notes); err != nil || notes != 2 {
		t.Errorf("notes on the unknown and absent columns: %d (%v)", notes, err)
	}
	_, err = loadQuirk(t, quirkData(t, "caf/x.csv", "dtreffre;nomcom;indfoy_rsa\n2024-12;Rennes;9565\n"), tb)
	var he *HeaderError
	if !errors.As(err, &he) || !strings.Contains(err.Error(), "missing columns: numcomdo") {
		t.Errorf("missing key column: got %v", err)
	}
}
