// The secret fixture: an `s` in the numerator of a ratio is stored as a
// secret (never 0), flags the commune's fact, and is excluded from the
// EPCI's sums and coverage.

package cube_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/ingest"
	"github.com/region-bretagne/obs/store"
	"github.com/region-bretagne/obs/value"
)

const secretTable = `{"tables": [{
  "id": "test-rp-secret", "format": "insee-comparateur", "path": "secret/rp_secret.csv",
  "publisher": "fixture", "vintage": "RP 2022", "licence": "test", "required": true,
  "level": "commune", "encoding": "utf-8", "key": "CODGEO",
  "header": ["CODGEO", "P22_CHOM1564", "P22_ACT1564"],
  "groups": [{"cog": 2026, "label": "Insee, RP", "columns": [
    {"column": "P22_CHOM1564", "variable": "chom1564", "vintage": "2022", "additive": true},
    {"column": "P22_ACT1564", "variable": "act1564", "vintage": "2022", "additive": true}]}]}]}`

func TestSecretNeverZero(t *testing.T) {
	real := stagedData(t)
	ctx := context.Background()
	dir := t.TempDir()
	for _, sub := range []string{"cog", "geo", "qpv", "SOURCES.md"} {
		if err := os.Symlink(filepath.Join(real, sub), filepath.Join(dir, sub)); err != nil {
			t.Fatal(err)
		}
	}
	fixture, _ := filepath.Abs(filepath.Join("testdata", "secret"))
	if err := os.Symlink(fixture, filepath.Join(dir, "secret")); err != nil {
		t.Fatal(err)
	}
	tables, err := ingest.ParseTableCatalogue([]byte(secretTable))
	if err != nil {
		t.Fatal(err)
	}
	steps := append(ingest.FrameSteps(),
		ingest.Step{Name: "tables", Run: func(ctx context.Context, b *ingest.Builder) error { return b.LoadTables(ctx, tables) }},
		cube.Step())
	path := filepath.Join(dir, "obs.duckdb")
	if _, err := ingest.Build(ctx, ingest.Options{DataDir: dir, DBPath: path, Steps: steps, Logger: quiet}); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(ctx, path, true)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	// Stored: NULL and secret, not 0.
	var v sql.NullFloat64
	var status value.Status
	if err := db.QueryRow(`SELECT value, status FROM observation WHERE code='35023' AND variable='chom1564'`).Scan(&v, &status); err != nil {
		t.Fatal(err)
	}
	if v.Valid || status != value.StatusSecret {
		t.Fatalf("stored secret: value %+v status %s", v, status)
	}

	c, err := cube.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	communes, err := c.Values(ctx, "taux_chomage_15_64", "commune", "2022", "ensemble")
	if err != nil {
		t.Fatal(err)
	}
	var secret cube.Fact
	for _, f := range communes {
		if f.Code == "35023" {
			secret = f
		}
	}
	if secret.HasValue() || secret.Status != value.StatusSecret || !strings.Contains(secret.Reason, "numérateur") || secret.Coverage != 0 {
		t.Errorf("commune with a secret numerator: %+v", secret)
	}
	js, err := json.Marshal(secret)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(js), `"value":null`) || !strings.Contains(string(js), `"status":"secret"`) {
		t.Errorf("JSON of a secret fact shows a value: %s", js)
	}

	// Independent expectation from the fixture and the COG populations.
	rows := rawCSV(t, filepath.Join(fixture, "rp_secret.csv"))
	pops := communePopulations(t, real)
	var chom, act, popUsed, popAll float64
	for _, r := range rows {
		popAll += pops[r["CODGEO"]]
		if r["P22_CHOM1564"] == "s" {
			continue
		}
		chom += num(t, r["P22_CHOM1564"])
		act += num(t, r["P22_ACT1564"])
		popUsed += pops[r["CODGEO"]]
	}
	epci, err := c.Values(ctx, "taux_chomage_15_64", "epci", "2022", "ensemble")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range epci {
		if f.Code != "243500550" {
			continue
		}
		if want := chom / act * 100; math.Abs(f.Value-want) > 1e-9 {
			t.Errorf("EPCI rate %v, want %v over the communes with both parts", f.Value, want)
		}
		if want := popUsed / popAll; math.Abs(f.Coverage-want) > 1e-12 || f.Coverage >= 1 {
			t.Errorf("EPCI coverage %v, want %v", f.Coverage, want)
		}
		if !strings.Contains(f.Reason, "1 commune(s) exclue(s) (1 secrète(s), 0 manquante(s))") {
			t.Errorf("EPCI reason %q does not flag the excluded secret commune", f.Reason)
		}
		return
	}
	t.Fatal("no fact for EPCI 243500550")
}

// communePopulations reads the COG 2026 legal populations of communes.
func communePopulations(t *testing.T, data string) map[string]float64 {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(data, "cog", "decoupage-administratif-6.0.0", "communes.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cs []struct {
		Code       string  `json:"code"`
		Type       string  `json:"type"`
		Population float64 `json:"population"`
	}
	if err := json.Unmarshal(b, &cs); err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, c := range cs {
		if c.Type == "commune-actuelle" {
			out[c.Code] = c.Population
		}
	}
	return out
}
