// obs ingest: build the store from the data folder, atomically.

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/region-bretagne/obs/ingest"
	"github.com/region-bretagne/obs/pipeline"
	"github.com/region-bretagne/obs/store"
)

func init() {
	register("ingest", "charge les données officielles dans le magasin DuckDB", runIngest)
}

func runIngest(ctx context.Context, args []string, stdout io.Writer) error {
	fs, dbFlag := newFlags("ingest")
	dataFlag := fs.String("data", "", "data folder (default $OBS_DATA, else ../shared/opendata)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	rep, err := doIngest(ctx, *dataFlag, store.Path(*dbFlag))
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Magasin %s prêt : %d fichiers sources, %d remarques, en %s.\n", rep.DBPath, rep.Sources, rep.Notes, rep.Duration.Round(1e6))
	if rep.Notes > 0 {
		fmt.Fprintf(stdout, "Remarques : obs sql --db %s \"SELECT * FROM ingest_note\"\n", rep.DBPath)
	}
	return nil
}

// doIngest builds the full store (pipeline.Steps) with progress on a
// terminal.
func doIngest(ctx context.Context, dataFlag, dbPath string) (*ingest.Report, error) {
	dataDir, err := ingest.DataDir(dataFlag)
	if err != nil {
		return nil, err
	}
	opts := ingest.Options{DataDir: dataDir, DBPath: dbPath, Steps: pipeline.Steps(), OnStep: progress(os.Stderr, isTerminal(os.Stderr))}
	return ingest.Build(ctx, opts)
}

// progress returns a progress line for a terminal, or nil (quiet) when the
// output is a pipe or a file.
func progress(w io.Writer, tty bool) func(i, n int, name string) {
	if !tty {
		return nil
	}
	return func(i, n int, name string) {
		fmt.Fprintf(w, "\r\033[K[%d/%d] %s %s", i, n, name, strings.Repeat("▪", i))
		if i == n {
			fmt.Fprintln(w)
		}
	}
}
