// obs export: the whole cube as Hive-partitioned Parquet, for DuckDB,
// Spark or Trino beyond one machine.

package main

import (
	"context"
	"fmt"
	"io"

	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/store"
)

func init() {
	register("export", "exporte tout le cube en Parquet partitionné (indicator=…/level=…) pour DuckDB, Spark, Trino", runExport)
}

func runExport(ctx context.Context, args []string, stdout io.Writer) error {
	fs, dbFlag := newFlags("export")
	format := fs.String("format", "parquet", "output format: parquet")
	out := fs.String("out", "", "output folder (empty or absent)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *format != "parquet" {
		return fmt.Errorf("format d'export inconnu %q (parquet)", *format)
	}
	if *out == "" {
		return fmt.Errorf("dossier de sortie manquant : obs export --out DOSSIER")
	}
	cat, err := cube.LoadCatalogue()
	if err != nil {
		return err
	}
	db := store.Path(*dbFlag)
	if err := cube.ExportParquet(ctx, db, *out, cat); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Cube de %s exporté en Parquet dans %s (facts/indicator=…/level=…, territories, geometries, catalogue, sources)\n", db, *out)
	return nil
}
