package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/region-bretagne/obs/cube"
)

func TestQueryGolden(t *testing.T) {
	db := testStore(t)
	tests := []struct {
		golden string
		args   []string
	}{
		{"query/chomage-epci-35.csv", []string{"--indicator", "taux_chomage_15_64", "--level", "epci", "--territory", "35", "--format", "csv", "--decimal", ","}},
		{"query/pauvrete-communes-montfort.table", []string{"--indicator", "taux_pauvrete", "--level", "commune", "--territory", "243500550"}},
		{"query/population-region.json", []string{"--indicator", "population", "--level", "region", "--format", "json"}},
		{"query/population-75-plus-departements.table", []string{"--indicator", "population", "--public", "age_75_plus", "--level", "departement"}},
		{"query/pauvrete-epci-of-rennes.csv", []string{"--indicator", "taux_pauvrete", "--level", "epci", "--territory", "35238", "--format", "csv"}},
		{"query/pauvrete-qpv.csv", []string{"--indicator", "taux_pauvrete", "--level", "qpv", "--format", "csv"}},
		{"query/menages-fiscaux-cog2024-dep.csv", []string{"--indicator", "menages_fiscaux", "--level", "departement", "--cog", "2024", "--format", "csv"}},
	}
	for _, tc := range tests {
		t.Run(tc.golden, func(t *testing.T) {
			out, err := runCLI(t, append([]string{"query", "--db", db}, tc.args...)...)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, tc.golden, out)
		})
	}
}

func TestQueryCSVColumns(t *testing.T) {
	out, err := runCLI(t, "query", "--db", testStore(t), "--indicator", "taux_pauvrete", "--level", "commune", "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if lines[0] != "\ufeffcode;libelle;valeur;numerateur;denominateur;statut;millesime;source" {
		t.Errorf("header %q", lines[0])
	}
	if len(lines) != 1203 {
		t.Errorf("%d lines, want header + 1202 communes", len(lines))
	}
	secrets := 0
	for _, l := range lines[1:] {
		f := strings.Split(l, ";")
		if f[5] == "secret" || f[5] == "missing" {
			secrets++
			if f[2] != "" {
				t.Errorf("absent value printed: %q", l)
			}
		}
		if f[2] == "0" {
			t.Errorf("a zero poverty rate is printed: %q", l)
		}
	}
	if secrets < 800 {
		t.Errorf("only %d secret or missing communes", secrets)
	}
}

func TestQueryErrors(t *testing.T) {
	db := testStore(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--level", "commune"}, "--indicator is required"},
		{[]string{"--indicator", "nope"}, "nope"},
		{[]string{"--indicator", "taux_pauvrete", "--public", "femmes"}, "publics"},
		{[]string{"--indicator", "taux_pauvrete", "--vintage", "2022"}, "millésimes"},
		{[]string{"--indicator", "allocataires_aah"}, "source à intégrer"},
		{[]string{"--indicator", "population", "--level", "canton"}, "niveau"},
		{[]string{"--indicator", "population", "--format", "xls"}, "unknown format"},
		{[]string{"--indicator", "population", "--decimal", ";"}, "--decimal"},
		{[]string{"--indicator", "population", "--territory", "99999"}, "99999"},
	}
	for _, tc := range tests {
		_, err := runCLI(t, append([]string{"query", "--db", db}, tc.args...)...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("query %v: error %v, want one mentioning %q", tc.args, err, tc.want)
		}
	}
}

func TestQueryParquet(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pauvrete.parquet")
	if _, err := runCLI(t, "query", "--db", testStore(t), "--indicator", "taux_pauvrete", "--level", "commune", "--format", "parquet", "--out", out); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n, values, secretValues int
	if err := db.QueryRow(`SELECT count(*), count(valeur), count(valeur) FILTER (WHERE statut IN ('secret','missing')) FROM read_parquet(?)`, out).Scan(&n, &values, &secretValues); err != nil {
		t.Fatal(err)
	}
	if n != 1202 || values == 0 || values == n || secretValues != 0 {
		t.Errorf("parquet: %d rows, %d values, %d values on secret rows", n, values, secretValues)
	}
}

var (
	overlayOnce sync.Once
	overlayPath string
	overlayErr  error
)

// overlayStore is a store built by `obs ingest` from the staged data plus
// the fixtures of the sources that are not staged (Filosofi supra files,
// CAF), linked into one data folder.
func overlayStore(t testing.TB) string {
	t.Helper()
	data := stagedData(t)
	overlayOnce.Do(func() {
		dir, err := os.MkdirTemp("", "obs-cmd-overlay-")
		if err != nil {
			overlayErr = err
			return
		}
		dataDir := filepath.Join(dir, "data")
		os.Mkdir(dataDir, 0o755)
		for _, sub := range []string{"cog", "geo", "qpv", "insee", "SOURCES.md"} {
			if overlayErr = os.Symlink(filepath.Join(data, sub), filepath.Join(dataDir, sub)); overlayErr != nil {
				return
			}
		}
		fixtures, _ := filepath.Abs(filepath.Join("..", "..", "ingest", "testdata", "tabular"))
		for _, sub := range []string{"filosofi", "caf"} {
			if overlayErr = os.Symlink(filepath.Join(fixtures, sub), filepath.Join(dataDir, sub)); overlayErr != nil {
				return
			}
		}
		overlayPath = filepath.Join(dir, "obs.duckdb")
		var out bytes.Buffer
		overlayErr = run(context.Background(), []string{"ingest", "--data", dataDir, "--db", overlayPath}, &out)
	})
	if overlayErr != nil {
		t.Fatalf("ingest with fixtures: %v", overlayErr)
	}
	return overlayPath
}

// TestQueryCAFSecret: a CAF blank (secret or missing) prints an empty
// valeur and its statut, never 0, in CSV, table and JSON.
func TestQueryCAFSecret(t *testing.T) {
	db := overlayStore(t)
	golden(t, "query/rsa-cog2024-fixture.csv", mustRun(t, "query", "--db", db, "--indicator", "foyers_rsa", "--level", "departement", "--cog", "2024", "--vintage", "2021", "--format", "csv"))
	golden(t, "query/couverture-rsa-fixture.table", mustRun(t, "query", "--db", db, "--indicator", "taux_couverture_rsa", "--level", "departement", "--vintage", "2024"))
	out := mustRun(t, "query", "--db", db, "--indicator", "foyers_rsa", "--level", "commune", "--territory", "22001", "--cog", "2024", "--vintage", "2021", "--format", "json")
	var facts []cube.Fact
	if err := json.Unmarshal([]byte(out), &facts); err != nil {
		t.Fatal(err)
	}
	if len(facts) != 1 || facts[0].Status != "secret" || !math.IsNaN(facts[0].Value) {
		t.Errorf("Allineuc RSA 2021: %+v, want a secret without value", facts)
	}
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, err := runCLI(t, args...)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
