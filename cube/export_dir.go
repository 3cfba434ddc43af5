// The whole cube as Hive-partitioned Parquet, for engines beyond one
// machine (DuckDB, Spark, Trino read it unchanged): facts by indicator and
// level, territories and geometries (WKB) by level, and the catalogue.

package cube

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Export folders under the output directory.
const (
	ExportFacts       = "facts"       // facts/indicator=…/level=…/*.parquet
	ExportTerritories = "territories" // territories/level=…/*.parquet
	ExportGeometries  = "geometries"  // geometries/level=…/*.parquet, geometry as WKB
	ExportCatalogue   = "catalogue"   // catalogue/{indicators,themes,publics}.parquet
	ExportSources     = "sources"     // sources/sources.parquet
)

// ExportParquet writes the cube of the store file into dir, which must be
// empty or absent. The store is attached read-only to a throwaway DuckDB.
func ExportParquet(ctx context.Context, storePath, dir string, cat *Catalogue) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("export: %s is not empty", dir)
	}
	if err := os.MkdirAll(filepath.Join(dir, ExportCatalogue), 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	abs, err := filepath.Abs(storePath)
	if err != nil {
		return err
	}
	if _, err := os.Stat(abs); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // one connection: the attachment is per database, temp files per connection
	q := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	out := func(parts ...string) string { return q(filepath.Join(append([]string{dir}, parts...)...)) }
	const opts = "FORMAT parquet, COMPRESSION zstd"
	stmts := []string{
		"ATTACH " + q(abs) + " AS s (READ_ONLY)",
		fmt.Sprintf(`COPY (SELECT * FROM s.fact ORDER BY indicator, level, cog, code, public, vintage)
			TO %s (%s, PARTITION_BY (indicator, level))`, out(ExportFacts), opts),
		fmt.Sprintf(`COPY (SELECT t.*, m.epci, m.departement, m.region FROM s.territory t
			LEFT JOIN s.membership m ON t.level = 'commune' AND m.cog = t.cog AND m.commune = t.code ORDER BY t.level, t.cog, t.code)
			TO %s (%s, PARTITION_BY (level))`, out(ExportTerritories), opts),
		fmt.Sprintf(`COPY (SELECT cog, level, code, geo_vintage, full_wkb AS geometry, web_wkb AS geometry_web,
			xmin, ymin, xmax, ymax, source_id FROM s.geometry ORDER BY level, cog, code)
			TO %s (%s, PARTITION_BY (level))`, out(ExportGeometries), opts),
		fmt.Sprintf(`COPY (SELECT * FROM s.source ORDER BY id) TO %s (%s)`, out(ExportSources, "sources.parquet"), opts),
	}
	if err := os.MkdirAll(filepath.Join(dir, ExportSources), 0o755); err != nil {
		return err
	}
	for _, st := range stmts {
		if _, err := db.ExecContext(ctx, st); err != nil {
			return fmt.Errorf("export %s: %w", dir, err)
		}
	}
	// The catalogue lives in the binary: through NDJSON into Parquet.
	tables := map[string]any{"indicators": cat.Indicators, "themes": cat.Themes, "publics": cat.Publics}
	for name, rows := range tables {
		if err := jsonToParquet(ctx, db, rows, filepath.Join(dir, ExportCatalogue, name+".parquet")); err != nil {
			return fmt.Errorf("export catalogue %s: %w", name, err)
		}
	}
	return nil
}

// jsonToParquet writes a slice of structs as Parquet, through DuckDB's
// JSON reader (nested fields become lists and structs).
func jsonToParquet(ctx context.Context, db *sql.DB, rows any, path string) error {
	b, err := json.Marshal(rows)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp("", "obs-export-*.json")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	q := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	_, err = db.ExecContext(ctx, fmt.Sprintf(`COPY (SELECT * FROM read_json(%s, format = 'array')) TO %s (FORMAT parquet, COMPRESSION zstd)`, q(tmp.Name()), q(path)))
	return err
}
