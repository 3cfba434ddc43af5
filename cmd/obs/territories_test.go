package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestTerritoriesGolden(t *testing.T) {
	db := testStore(t)
	tests := []struct {
		golden string
		args   []string
	}{
		{"territories/departements.csv", []string{"--level", "departement", "--format", "csv"}},
		{"territories/region-2024.table", []string{"--level", "region", "--cog", "2024"}},
		{"territories/qpv.table", []string{"--level", "qpv"}},
		{"territories/epci.csv", []string{"--level", "epci", "--format", "csv"}},
	}
	for _, tc := range tests {
		t.Run(tc.golden, func(t *testing.T) {
			out, err := runCLI(t, append([]string{"territories", "--db", db}, tc.args...)...)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, tc.golden, out)
		})
	}
}

func TestTerritoriesCSVIsExcelReady(t *testing.T) {
	out, err := runCLI(t, "territories", "--db", testStore(t), "--level", "commune", "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "\ufeffcode;nom;") {
		t.Errorf("CSV does not start with a UTF-8 BOM and a ;-separated header: %q", out[:20])
	}
	if n := strings.Count(out, "\n"); n != 1203 {
		t.Errorf("%d lines, want header + 1202 communes", n)
	}
}

func TestTerritoriesJSON(t *testing.T) {
	out, err := runCLI(t, "territories", "--db", testStore(t), "--level", "epci", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	cross := 0
	for _, r := range rows {
		if r["transfrontalier"] == true {
			cross++
		}
	}
	if len(rows) != 61 || cross != 2 {
		t.Errorf("%d EPCI with %d cross-border, want 61 and 2", len(rows), cross)
	}
}

func TestCLIErrors(t *testing.T) {
	db := testStore(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"territories", "--db", db, "--level", "canton"}, `unknown level "canton"`},
		{[]string{"territories", "--db", db, "--cog", "2019"}, "COG 2019 is not in the store (available: 2024, 2026)"},
		{[]string{"territories", "--db", db, "--format", "xlsx"}, `unknown format "xlsx"`},
		{[]string{"territories", "--db", "/nonexistent/obs.duckdb"}, "store not found: /nonexistent/obs.duckdb (run `obs ingest"},
		{[]string{"ingest", "--data", "/nonexistent", "--db", t.TempDir() + "/x.duckdb"}, "data folder /nonexistent"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
	}
	for _, tc := range tests {
		_, err := runCLI(t, tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("obs %v: error %v, want %q", tc.args, err, tc.want)
		}
	}
}

func TestDataDirDefault(t *testing.T) {
	t.Setenv("OBS_DATA", "")
	t.Chdir(t.TempDir()) // no ../shared/opendata here
	_, err := runCLI(t, "ingest", "--db", "x.duckdb")
	if err == nil || !strings.Contains(err.Error(), "pass --data DIR") {
		t.Errorf("error %v, want advice to pass --data", err)
	}
}

func TestProgressOnlyOnTerminal(t *testing.T) {
	if progress(nil, false) != nil {
		t.Error("progress shown on a pipe")
	}
	var b strings.Builder
	p := progress(&b, true)
	p(1, 2, "cog")
	p(2, 2, "checks")
	if !strings.Contains(b.String(), "[1/2] cog") || !strings.HasSuffix(b.String(), "\n") {
		t.Errorf("progress %q", b.String())
	}
}
