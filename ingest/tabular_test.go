// Tests of the tabular loaders: cell conversion, header check, and the
// fixtures of every format not staged, overlaid on the real data folder.

package ingest

import (
	"context"
	"database/sql"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/region-bretagne/obs/store"
	"github.com/region-bretagne/obs/value"
)

func TestParseCell(t *testing.T) {
	blank := Blank{Status: value.StatusSecret, Reason: "blanc"}
	tests := []struct {
		raw     string
		dec     byte
		want    Cell
		wantErr bool
	}{
		{"7107.01247632609", '.', Cell{Value: 7107.01247632609, HasValue: true, Status: value.StatusOK}, false},
		{"50,0", ',', Cell{Value: 50, HasValue: true, Status: value.StatusOK}, false},
		{"162.0", '.', Cell{Value: 162, HasValue: true, Status: value.StatusOK}, false},
		{"0", '.', Cell{Value: 0, HasValue: true, Status: value.StatusOK}, false},
		{"-3,5", ',', Cell{Value: -3.5, HasValue: true, Status: value.StatusOK}, false},
		{"1e-05", '.', Cell{Value: 1e-05, HasValue: true, Status: value.StatusOK}, false},
		{" 12 ", '.', Cell{Value: 12, HasValue: true, Status: value.StatusOK}, false},
		{"s", ',', Cell{Status: value.StatusSecret, Reason: "secret statistique (s)"}, false},
		{"nd", '.', Cell{Status: value.StatusMissing, Reason: "non disponible (nd)"}, false},
		{"ns", '.', Cell{Status: value.StatusMissing, Reason: "non significatif (ns)"}, false},
		{"", '.', Cell{Status: value.StatusSecret, Reason: "blanc"}, false},
		{" ", '.', Cell{Status: value.StatusSecret, Reason: "blanc"}, false},
		{"50.0", ',', Cell{}, true},  // dot in a decimal-comma column
		{"50,0", '.', Cell{}, true},  // comma in a decimal-dot column
		{"1 964", '.', Cell{}, true}, // thousands separator
		{"NaN", '.', Cell{}, true},
		{"Inf", '.', Cell{}, true},
		{"0x1p3", '.', Cell{}, true},
		{"S", '.', Cell{}, true}, // markers are lower case
		{"1,2,3", ',', Cell{}, true},
		{".", '.', Cell{}, true},
		{"1e", '.', Cell{}, true},
	}
	for _, tt := range tests {
		got, err := ParseCell(tt.raw, tt.dec, blank)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseCell(%q, %q) error = %v, want error %v", tt.raw, tt.dec, err, tt.wantErr)
			continue
		}
		if err == nil && got != tt.want {
			t.Errorf("ParseCell(%q, %q) = %+v, want %+v", tt.raw, tt.dec, got, tt.want)
		}
		if err != nil && !errors.Is(err, ErrBadNumber) {
			t.Errorf("ParseCell(%q) error %v does not wrap ErrBadNumber", tt.raw, err)
		}
	}
}

// FuzzParseCell checks the invariants of the conversion: a value is never
// made up for a marker or a blank, and a value is always finite.
func FuzzParseCell(f *testing.F) {
	for _, s := range []string{"7107.01", "50,0", "s", "nd", "ns", "", " ", "1e5", "-0", "1,2,3", "0x10", "NaN", "+.5"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, raw string, comma bool) {
		dec := byte('.')
		if comma {
			dec = ','
		}
		c, err := ParseCell(raw, dec, DefaultBlank)
		if err != nil {
			return
		}
		switch {
		case c.HasValue && c.Status != value.StatusOK:
			t.Fatalf("%q: value with status %s", raw, c.Status)
		case !c.HasValue && (c.Status == value.StatusOK || c.Value != 0 || c.Reason == ""):
			t.Fatalf("%q: absent value badly marked: %+v", raw, c)
		case c.HasValue && (math.IsNaN(c.Value) || math.IsInf(c.Value, 0)):
			t.Fatalf("%q: non-finite value %v", raw, c.Value)
		case strings.TrimSpace(raw) == "" && c.HasValue:
			t.Fatalf("blank %q read as a value", raw)
		}
	})
}

func TestMonthVintage(t *testing.T) {
	tests := []struct {
		in      string
		vintage string
		ok      bool
		wantErr bool
	}{
		{"2024-12", "2024", true, false},
		{"2020-12", "2020", true, false},
		{"2024-06", "2024", false, false},
		{"2024-13", "", false, true},
		{"2024/12", "", false, true},
		{"24-12", "", false, true},
		{"", "", false, true},
		{"2024-+1", "", false, true},
	}
	for _, tt := range tests {
		v, ok, err := monthVintage(tt.in)
		if (err != nil) != tt.wantErr || v != tt.vintage || ok != tt.ok {
			t.Errorf("monthVintage(%q) = %q, %v, %v; want %q, %v, error %v", tt.in, v, ok, err, tt.vintage, tt.ok, tt.wantErr)
		}
	}
}

func FuzzMonthVintage(f *testing.F) {
	for _, s := range []string{"2024-12", "2024-01", "abcd-ef", "2024-1", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok, err := monthVintage(s)
		if err != nil {
			return
		}
		if len(v) != 4 || !strings.HasPrefix(s, v) || ok != strings.HasSuffix(s, "-12") {
			t.Fatalf("monthVintage(%q) = %q, %v", s, v, ok)
		}
	})
}

func TestSumCells(t *testing.T) {
	ok := func(v float64) Cell { return Cell{Value: v, HasValue: true, Status: value.StatusOK} }
	secret := Cell{Status: value.StatusSecret, Reason: "s"}
	missing := Cell{Status: value.StatusMissing, Reason: "nd"}
	est := Cell{Value: 5, HasValue: true, Status: value.StatusEstimated, Reason: "arrondi"}
	tests := []struct {
		name  string
		parts []Cell
		want  Cell
	}{
		{"values", []Cell{ok(1), ok(2.5)}, ok(3.5)},
		{"secret part", []Cell{ok(1), secret}, secret},
		{"secret beats missing", []Cell{missing, ok(3), secret}, secret},
		{"missing part", []Cell{ok(1), missing}, missing},
		{"estimated part", []Cell{ok(1), est}, Cell{Value: 6, HasValue: true, Status: value.StatusEstimated, Reason: "arrondi"}},
	}
	for _, tt := range tests {
		if got := SumCells(tt.parts); got != tt.want {
			t.Errorf("%s: SumCells = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestCheckHeader(t *testing.T) {
	err := checkHeader("f.csv", []string{"CODGEO", "P22_POP", "P22_XXX"}, []string{"CODGEO", "P22_POP", "P22_MEN"})
	var he *HeaderError
	if !errors.As(err, &he) {
		t.Fatalf("want a HeaderError, got %v", err)
	}
	for _, want := range []string{"f.csv", "missing columns: P22_MEN", "unexpected columns: P22_XXX"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if err := checkHeader("f.csv", []string{"B", "A"}, []string{"A", "B"}); err == nil || !strings.Contains(err.Error(), "order") {
		t.Errorf("reordered header: got %v", err)
	}
	if err := checkHeader("f.csv", []string{"A", "B"}, []string{"A", "B"}); err != nil {
		t.Errorf("same header: %v", err)
	}
}

// TestRealHeaderMismatch loads the real comparateur with a catalogue entry
// whose header is wrong: the ingest fails and names the columns.
func TestRealHeaderMismatch(t *testing.T) {
	data := stagedData(t)
	tables, err := TableCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	bad := tables[0]
	if bad.ID != "insee-comparateur" {
		t.Fatalf("first table is %s", bad.ID)
	}
	bad.Header = append([]string{}, bad.Header...)
	for i, h := range bad.Header {
		if h == "ETTOT24" {
			bad.Header[i] = "ETTOT23" // the 2023 vintage's name
		}
	}
	bad.Groups = bad.Groups[2:] // keep the Filosofi group only, which does not use ETTOT
	step := Step{"tables", func(ctx context.Context, b *Builder) error { return b.LoadTables(ctx, []Table{bad}) }}
	_, err = Build(context.Background(), Options{DataDir: data, DBPath: filepath.Join(t.TempDir(), "x.duckdb"), Steps: append(FrameSteps(), step), Logger: quiet})
	var he *HeaderError
	if !errors.As(err, &he) {
		t.Fatalf("want a HeaderError, got %v", err)
	}
	for _, want := range []string{"insee/base_cc_comparateur_bretagne.csv", "missing columns: ETTOT23", "unexpected columns: ETTOT24"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
}

// FixtureData returns a data folder made of the real staged folders plus
// the fixtures of testdata/tabular (symbolic links, nothing copied).
func fixtureData(t testing.TB) string {
	t.Helper()
	real := stagedData(t)
	dir := t.TempDir()
	for _, sub := range []string{"cog", "geo", "qpv", "insee", "SOURCES.md"} {
		if err := os.Symlink(filepath.Join(real, sub), filepath.Join(dir, sub)); err != nil {
			t.Fatal(err)
		}
	}
	fixtures, err := filepath.Abs(filepath.Join("testdata", "tabular"))
	if err != nil {
		t.Fatal(err)
	}
	for _, sub := range []string{"filosofi", "caf"} {
		if err := os.Symlink(filepath.Join(fixtures, sub), filepath.Join(dir, sub)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

type obsRow struct {
	value  sql.NullFloat64
	status string
	reason string
}

func observation(t *testing.T, db *sql.DB, cog int, level, code, variable, vintage string) (obsRow, bool) {
	t.Helper()
	var r obsRow
	err := db.QueryRow(`SELECT value, status, reason FROM observation WHERE cog=? AND level=? AND code=? AND variable=? AND vintage=?`,
		cog, level, code, variable, vintage).Scan(&r.value, &r.status, &r.reason)
	if errors.Is(err, sql.ErrNoRows) {
		return r, false
	}
	if err != nil {
		t.Fatal(err)
	}
	return r, true
}

func TestLoadFixtures(t *testing.T) {
	data := fixtureData(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "obs.duckdb")
	if _, err := Build(ctx, Options{DataDir: data, DBPath: path, Steps: append(FrameSteps(), TabularStep()), Logger: quiet}); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(ctx, path, true)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	var zeros int
	if err := db.QueryRow(`SELECT count(*) FROM observation WHERE (status IN ('secret','missing')) <> (value IS NULL)`).Scan(&zeros); err != nil {
		t.Fatal(err)
	}
	if zeros != 0 {
		t.Errorf("%d observations whose value presence disagrees with their status", zeros)
	}

	tests := []struct {
		name                           string
		cog                            int
		level, code, variable, vintage string
		want                           *float64 // nil: no value
		status                         value.Status
		absent                         bool
	}{
		{"comparateur census", 2026, "commune", "35238", "pop", "2022", ptr(227830), value.StatusOK, false},
		{"comparateur Filosofi on COG 2024", 2024, "commune", "22027", "menages_fiscaux", "2021", ptr(207), value.StatusOK, false},
		{"merged commune has no census row of its own", 2026, "commune", "22027", "pop", "2022", nil, "", true},
		{"Filosofi s stays secret", 2024, "commune", "22001", "taux_pauvrete_age1", "2021", nil, value.StatusSecret, false},
		{"Filosofi nd is missing", 2024, "commune", "29083", "taux_pauvrete_locataires", "2021", nil, value.StatusMissing, false},
		{"Filosofi decimal comma", 2024, "commune", "35238", "taux_pauvrete_locataires", "2021", ptr(32.6), value.StatusOK, false},
		{"non-Breton commune ignored", 2024, "commune", "75056", "taux_pauvrete", "2021", nil, "", true},
		{"Filosofi EPCI", 2024, "epci", "243500139", "taux_pauvrete", "2021", ptr(13.2), value.StatusOK, false},
		{"Filosofi cross-border EPCI", 2024, "epci", "243500741", "niveau_vie_median", "2021", ptr(22010), value.StatusOK, false},
		{"non-Breton EPCI ignored", 2024, "epci", "200054781", "taux_pauvrete", "2021", nil, "", true},
		{"Filosofi département", 2024, "departement", "35", "taux_pauvrete", "2021", ptr(10.2), value.StatusOK, false},
		{"Filosofi région", 2024, "region", "53", "taux_pauvrete", "2021", ptr(10.7), value.StatusOK, false},
		{"CAF gen 1 Latin-1 read", 2024, "commune", "35001", "foyers_rsa", "2021", ptr(47), value.StatusOK, false},
		{"CAF gen 1 blank is secret, not 0", 2024, "commune", "22001", "foyers_rsa", "2021", nil, value.StatusSecret, false},
		{"CAF gen 1 old code summed", 2024, "commune", "22030", "allocataires_caf", "2021", ptr(160 + 45), value.StatusOK, false},
		{"CAF gen 1 old code with a secret part", 2024, "commune", "22030", "foyers_rsa", "2021", nil, value.StatusSecret, false},
		{"CAF gen 1 UTF-8 read", 2024, "commune", "35238", "allocataires_aah", "2021", ptr(5120), value.StatusOK, false},
		{"CAF special row kept out", 2024, "commune", "99999", "foyers_rsa", "2021", nil, "", true},
		{"CAF gen 2 rounded counts are estimated", 2026, "commune", "35238", "foyers_rsa", "2024", ptr(6040), value.StatusEstimated, false},
		{"CAF gen 2 earlier December", 2026, "commune", "29019", "foyers_rsa", "2023", ptr(3975), value.StatusEstimated, false},
		{"CAF gen 2 empty code kept out", 2026, "commune", "", "foyers_rsa", "2024", nil, "", true},
	}
	for _, tt := range tests {
		got, found := observation(t, db, tt.cog, tt.level, tt.code, tt.variable, tt.vintage)
		if tt.absent {
			if found {
				t.Errorf("%s: found %+v, want no observation", tt.name, got)
			}
			continue
		}
		if !found {
			t.Errorf("%s: no observation", tt.name)
			continue
		}
		if value.Status(got.status) != tt.status {
			t.Errorf("%s: status %s (%s), want %s", tt.name, got.status, got.reason, tt.status)
		}
		switch {
		case tt.want == nil && got.value.Valid:
			t.Errorf("%s: value %v, want none", tt.name, got.value.Float64)
		case tt.want != nil && (!got.value.Valid || math.Abs(got.value.Float64-*tt.want) > 1e-9):
			t.Errorf("%s: value %+v, want %v", tt.name, got.value, *tt.want)
		}
	}

	var notes string
	if err := db.QueryRow(`SELECT string_agg(note, ' | ') FROM ingest_note WHERE step='tables'`).Scan(&notes); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`ligne spéciale "99999"`, `ligne spéciale "XXXXX"`, `ligne spéciale ""`, "22027, absorbée par 22241"} {
		if !strings.Contains(notes, want) {
			t.Errorf("ingest notes do not mention %s", want)
		}
	}
}

func ptr(v float64) *float64 { return &v }
