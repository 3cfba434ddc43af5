// Truth tests of the QPV and IRIS loaders on the real files: every expected
// figure is read in the test from the raw file with encoding/csv, not from
// the loader (which goes through DuckDB's read_csv).

package ingest

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/region-bretagne/obs/store"
)

// rawRows reads a real ';' file with encoding/csv: header -> column index,
// and the rows.
func rawRows(t *testing.T, rel string) (map[string]int, [][]string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(stagedData(t), rel))
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))))
	r.Comma, r.FieldsPerRecord = ';', -1
	all, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	idx := map[string]int{}
	for i, h := range all[0] {
		idx[h] = i
	}
	return idx, all[1:]
}

// rawNumber reads a French number as published ("1 193,5"); ok is false
// for an empty cell.
func rawNumber(t *testing.T, s string) (float64, bool) {
	t.Helper()
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\u202f", ""), ",", ".")
	if s == "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("raw %q: %v", s, err)
	}
	return v, true
}

var (
	subOnce sync.Once
	subPath string
	subErr  error
)

// subStore builds, once, a store with the frame and the QPV and IRIS tables
// of data/tables.json on the real staged data.
func subStore(t *testing.T) *sql.DB {
	t.Helper()
	data := stagedData(t)
	subOnce.Do(func() {
		all, err := TableCatalogue()
		if err != nil {
			subErr = err
			return
		}
		var mine []Table
		for _, tb := range all {
			if tb.Level == "qpv" || tb.Level == "iris" {
				mine = append(mine, tb)
			}
		}
		dir, err := os.MkdirTemp("", "obs-sub-test-")
		if err != nil {
			subErr = err
			return
		}
		subPath = filepath.Join(dir, "obs.duckdb")
		step := Step{"tables", func(ctx context.Context, b *Builder) error { return b.LoadTables(ctx, mine) }}
		_, subErr = Build(context.Background(), Options{DataDir: data, DBPath: subPath, Steps: append(FrameSteps(), step), Logger: quiet})
	})
	if subErr != nil {
		t.Fatalf("build: %v", subErr)
	}
	db, err := store.Open(context.Background(), subPath, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestQPVTruth(t *testing.T) {
	db := subStore(t)
	idx, rows := rawRows(t, "qpv/stats/REVN_2022.csv")
	var raw []string
	for _, r := range rows {
		if r[idx["CODGEO"]] == "QP035004" {
			raw = r
		}
	}
	if raw == nil || raw[idx["LIBGEO"]] != "Maurepas" {
		t.Fatalf("QP035004 Maurepas not in the raw file")
	}
	for _, c := range []struct{ column, variable string }{{"TP60", "taux_pauvrete"}, {"ARSAS", "foyers_rsa"}, {"DISP_Q2", "niveau_vie_median"}, {"AAAH", "allocataires_aah"}, {"APPA", "foyers_prime_activite"}} {
		want, ok := rawNumber(t, raw[idx[c.column]])
		got, found := observation(t, db, 2026, "qpv", "QP035004", c.variable, "2022")
		switch {
		case !found:
			t.Errorf("%s (%s): no observation", c.variable, c.column)
		case !ok && got.value.Valid:
			t.Errorf("%s: empty raw cell loaded as %v", c.variable, got.value.Float64)
		case ok && (!got.value.Valid || got.value.Float64 != want):
			t.Errorf("%s: loaded %v, raw file says %v", c.variable, got.value, want)
		}
		t.Logf("QP035004 %s = %v (raw %q)", c.variable, got.value.Float64, raw[idx[c.column]])
	}
	// The 32 Breton QPV are territories, each linked to one commune by name.
	if n := queryInt(t, db, `SELECT count(*) FROM territory WHERE cog=2026 AND level='qpv' AND code LIKE 'QP0%'`); n != 32 {
		t.Errorf("%d QPV 2015 territories, want 32", n)
	}
	if n := queryInt(t, db, `SELECT count(DISTINCT qpv) FROM qpv_commune_list WHERE cog=2026`); n != 32 {
		t.Errorf("%d QPV linked by name, want 32", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM qpv_commune_list WHERE cog=2026 AND qpv='QP035004' AND commune='35238'`); n != 1 {
		t.Errorf("QP035004 not linked to Rennes")
	}
	// A QPV figure never lands on its commune.
	if n := queryInt(t, db, `SELECT count(*) FROM observation WHERE level='commune' AND source_id LIKE 'qpv-%'`); n != 0 {
		t.Errorf("%d commune observations from QPV files", n)
	}
	// The Ensemble row is kept under its own code where published.
	if _, ok := observation(t, db, 2026, "qpv", "Ensemble", "pop", "2017"); !ok {
		t.Errorf("no Ensemble (ensemble des QPV) population in DEMO_2017")
	}
}

func TestIRISTruth(t *testing.T) {
	db := subStore(t)
	// RSA by IRIS, Rennes, December 2020: the sum over Rennes's IRIS rows.
	idx, rows := rawRows(t, "caf/iris/data_CAF_2020_IRIS.csv")
	want, secret := 0.0, 0
	for _, r := range rows {
		if strings.HasPrefix(r[idx["CODGEO"]], "35238") {
			v, ok := rawNumber(t, r[idx["ARSAS"]])
			if !ok {
				secret++
			}
			want += v
		}
	}
	var got float64
	var n int
	if err := db.QueryRow(`SELECT coalesce(sum(value),0), count(*) FROM observation WHERE level='iris' AND variable='foyers_rsa' AND vintage='2020' AND code LIKE '35238%'`).Scan(&got, &n); err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("RSA by IRIS, Rennes 2020: loaded %v, raw file %v", got, want)
	}
	t.Logf("RSA by IRIS, Rennes 2020: %v over %d IRIS (%d secret in the raw file); SOURCES.md says 7 188", got, n, secret)
	// Kept apart from the commune: no commune observation comes from the IRIS files.
	if n := queryInt(t, db, `SELECT count(*) FROM observation WHERE level<>'iris' AND source_id LIKE 'caf-iris-%'`); n != 0 {
		t.Errorf("%d non-IRIS observations from the CAF IRIS files", n)
	}
	// Filosofi 2019 poverty rate by IRIS, Rennes: min and max with their IRIS.
	idx, rows = rawRows(t, "insee/iris/BASE_TD_FILO_DISP_IRIS_2019.csv")
	minV, maxV, minN, maxN := math.Inf(1), math.Inf(-1), "", ""
	for _, r := range rows {
		if r[idx["COM"]] != "35238" {
			continue
		}
		if v, ok := rawNumber(t, r[idx["DISP_TP6019"]]); ok {
			if v < minV {
				minV, minN = v, r[idx["IRIS"]]
			}
			if v > maxV {
				maxV, maxN = v, r[idx["IRIS"]]
			}
		}
	}
	var gMin, gMax float64
	var cMin, cMax string
	if err := db.QueryRow(`SELECT min(value), max(value), arg_min(code, value), arg_max(code, value) FROM observation WHERE level='iris' AND variable='taux_pauvrete' AND vintage='2019' AND code LIKE '35238%' AND value IS NOT NULL`).Scan(&gMin, &gMax, &cMin, &cMax); err != nil {
		t.Fatal(err)
	}
	if gMin != minV || gMax != maxV || cMin != minN || cMax != maxN {
		t.Errorf("Rennes IRIS poverty rate: loaded %v (%s) – %v (%s), raw %v (%s) – %v (%s)", gMin, cMin, gMax, cMax, minV, minN, maxV, maxN)
	}
	var nMin, nMax string
	if err := db.QueryRow(`SELECT (SELECT name FROM territory WHERE cog=2026 AND level='iris' AND code=?), (SELECT name FROM territory WHERE cog=2026 AND level='iris' AND code=?)`, cMin, cMax).Scan(&nMin, &nMax); err != nil {
		t.Fatal(err)
	}
	t.Logf("Rennes IRIS poverty 2019: %v %% (%s %s) to %v %% (%s %s)", gMin, cMin, nMin, gMax, cMax, nMax)
	// A blank poverty rate in a published row (its median is there) is a
	// value the publisher withheld: secret, never 0 nor "missing".
	blank := 0
	for _, r := range rows {
		if _, ok := rawNumber(t, r[idx["DISP_TP6019"]]); !ok && strings.HasPrefix(r[idx["COM"]], "35") {
			if _, med := rawNumber(t, r[idx["DISP_MED19"]]); med {
				blank++
				var status string
				if err := db.QueryRow(`SELECT status FROM observation WHERE level='iris' AND variable='taux_pauvrete' AND vintage='2019' AND code=?`, r[idx["IRIS"]]).Scan(&status); err != nil {
					t.Fatalf("IRIS %s: %v", r[idx["IRIS"]], err)
				}
				if status != "secret" {
					t.Errorf("IRIS %s: blank poverty rate loaded as %s, want secret", r[idx["IRIS"]], status)
				}
			}
		}
	}
	if blank == 0 {
		t.Fatal("raw file: no blank poverty rate in Ille-et-Vilaine; pick another département")
	}
	if n := queryInt(t, db, `SELECT count(*) FROM territory WHERE cog=2026 AND level='iris'`); n != 172 {
		t.Errorf("%d IRIS territories, want the 172 records of the contour file", n)
	}
}
