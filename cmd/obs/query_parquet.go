// Parquet output of obs query, written by DuckDB's COPY … (FORMAT parquet)
// from an in-memory table: typed columns, a null (never 0) for a secret or
// missing value.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	_ "github.com/duckdb/duckdb-go/v2" // the in-memory DuckDB that writes the file

	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/store"
)

const parquetTable = `CREATE TABLE q (
	code VARCHAR, libelle VARCHAR, valeur DOUBLE, numerateur DOUBLE, denominateur DOUBLE,
	statut VARCHAR, millesime VARCHAR, source VARCHAR, indicateur VARCHAR, niveau VARCHAR,
	public VARCHAR, cog INTEGER, couverture DOUBLE, remarque VARCHAR)`

func writeFactsParquet(ctx context.Context, w io.Writer, facts []cube.Fact) error {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, parquetTable); err != nil {
		return err
	}
	null := func(v float64) any {
		if v != v {
			return nil
		}
		return v
	}
	rows := make([][]any, len(facts))
	for i, f := range facts {
		rows[i] = []any{f.Code, f.Name, null(f.Value), null(f.Numerator), null(f.Denominator), f.Status, f.Vintage, f.Source,
			f.Indicator, f.Level, f.Public, int32(f.COG), f.Coverage, f.Reason}
	}
	if err := store.Append(ctx, db, "q", rows); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "obs-query-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	tmp := filepath.Join(dir, "q.parquet")
	if _, err := db.ExecContext(ctx, fmt.Sprintf(`COPY q TO '%s' (FORMAT parquet, COMPRESSION zstd)`, strings.ReplaceAll(tmp, "'", "''"))); err != nil {
		return fmt.Errorf("parquet: %w", err)
	}
	f, err := os.Open(tmp)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}
