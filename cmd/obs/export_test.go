// Tests of obs export: the Parquet export reads back, unchanged, as the
// store's facts, territories and geometries.

package main

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/region-bretagne/obs/cube"
)

func TestExportParquet(t *testing.T) {
	db := testStore(t)
	out := filepath.Join(t.TempDir(), "cube")
	msg, err := runCLI(t, "export", "--db", db, "--format", "parquet", "--out", out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(msg, "exporté") {
		t.Errorf("output %q", msg)
	}
	for _, dir := range []string{"facts/indicator=taux_chomage_15_64/level=epci", "territories/level=commune", "geometries/level=epci"} {
		if files, _ := filepath.Glob(filepath.Join(out, dir, "*.parquet")); len(files) == 0 {
			t.Errorf("no Parquet file in %s", dir)
		}
	}
	conn, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetMaxOpenConns(1)
	if _, err := conn.Exec(fmt.Sprintf("ATTACH '%s' AS s (READ_ONLY)", db)); err != nil {
		t.Fatal(err)
	}
	read := func(dir string) string {
		return fmt.Sprintf("read_parquet('%s/%s/**/*.parquet', hive_partitioning = true)", out, dir)
	}
	// Each pair must hold the same rows, both ways round (EXCEPT ALL).
	tests := []struct{ name, store, export string }{
		{"facts", `SELECT * FROM s.fact`,
			`SELECT indicator, cog, level, code, public, vintage, value, numerator, denominator, status, reason, coverage, source, cross_border FROM ` + read("facts")},
		{"territories", `SELECT * FROM s.territory`,
			`SELECT cog, level, code, name, type, population, n_communes, n_communes_all, in_region, cross_border, source_id FROM ` + read("territories")},
		{"geometries as WKB", `SELECT cog, level, code, full_wkb, web_wkb FROM s.geometry`,
			`SELECT cog, level, code, geometry, geometry_web FROM ` + read("geometries")},
		{"sources", `SELECT * FROM s.source`, fmt.Sprintf(`SELECT * FROM '%s/sources/sources.parquet'`, out)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var n, missing, extra int
			q := func(sql string, v *int) {
				if err := conn.QueryRow(sql).Scan(v); err != nil {
					t.Fatalf("%s: %v", sql, err)
				}
			}
			q("SELECT count(*) FROM ("+tc.store+")", &n)
			q("SELECT count(*) FROM ("+tc.store+" EXCEPT ALL "+tc.export+")", &missing)
			q("SELECT count(*) FROM ("+tc.export+" EXCEPT ALL "+tc.store+")", &extra)
			if n == 0 || missing != 0 || extra != 0 {
				t.Errorf("%d rows in the store, %d missing from the export, %d extra", n, missing, extra)
			}
		})
	}
	cat, err := cube.LoadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	var n int
	var label string
	path := filepath.Join(out, "catalogue", "indicators.parquet")
	if err := conn.QueryRow(fmt.Sprintf(`SELECT count(*), max(label) FILTER (WHERE id = 'taux_chomage_15_64') FROM '%s'`, path)).Scan(&n, &label); err != nil {
		t.Fatal(err)
	}
	want, _ := cat.Indicator("taux_chomage_15_64")
	if n != len(cat.Indicators) || label != want.Label {
		t.Errorf("catalogue: %d indicators (want %d), label %q (want %q)", n, len(cat.Indicators), label, want.Label)
	}
	// A second export into the same folder is refused rather than mixed.
	if _, err := runCLI(t, "export", "--db", db, "--out", out); err == nil {
		t.Error("export into a non-empty folder succeeded")
	}
	if _, err := os.Stat(filepath.Join(out, "facts")); err != nil {
		t.Error(err)
	}
}
