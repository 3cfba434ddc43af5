// obs sheets: the fact sheets of every territory of a level and of the
// broader levels (for EPCI: the 61 EPCI, the 4 départements and the
// region), with an index page, as HTML or PDF (all PDFs from one browser),
// with a progress bar on a terminal.

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/region-bretagne/obs/atlas"
	"github.com/region-bretagne/obs/printer"
	"github.com/region-bretagne/obs/report"
	"github.com/region-bretagne/obs/store"
	"github.com/region-bretagne/obs/value"
)

func init() {
	register("sheets", "écrit les portraits de tous les territoires d'un niveau, avec un index", runSheets)
}

func runSheets(ctx context.Context, args []string, stdout io.Writer) error {
	fs, dbFlag := newFlags("sheets")
	level := fs.String("level", "epci", "level: "+value.JoinLevels(report.BatchLevels, "|")+" (the broader levels are written too)")
	format := fs.String("format", "html", "html|pdf")
	out := fs.String("out", "", "output directory (created if needed)")
	workers := fs.Int("workers", 0, "sheets built at once (default: the number of CPUs)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("--out is required (e.g. obs sheets --level epci --out fiches/)")
	}
	db, err := store.Open(ctx, store.Path(*dbFlag), true)
	if err != nil {
		return err
	}
	defer db.Close()
	a, err := atlas.New(ctx, db)
	if err != nil {
		return err
	}
	o := report.BatchOptions{Format: strings.ToLower(*format), Workers: *workers}
	if o.Format == "pdf" {
		// One browser for the whole batch.
		o.Printer = printer.New(printer.Options{})
		defer o.Printer.Close()
	}
	var bar *progressbar.ProgressBar
	if isTerminal(os.Stderr) {
		o.Progress = func(done, total int) {
			if bar == nil {
				bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(os.Stderr),
					progressbar.OptionSetDescription("fiches"), progressbar.OptionShowCount(),
					progressbar.OptionSetPredictTime(true), progressbar.OptionClearOnFinish())
			}
			bar.Set(done)
		}
	}
	start := time.Now()
	written, err := report.WriteBatchWith(ctx, a, value.Level(*level), *out, o)
	if bar != nil {
		bar.Exit()
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s\u00a0: %d fiches %s et index.html, en %s\n", *out, len(written)-1, strings.ToUpper(*format), time.Since(start).Round(time.Millisecond))
	return nil
}
