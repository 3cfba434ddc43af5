// obs sheet: the fact sheet ("portrait de territoire") of one commune,
// EPCI, département or the region, as HTML or PDF (through headless
// Chromium).

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/region-bretagne/obs/atlas"
	"github.com/region-bretagne/obs/printer"
	"github.com/region-bretagne/obs/report"
	"github.com/region-bretagne/obs/store"
)

func init() {
	register("sheet", "écrit le portrait d'un territoire (HTML ou PDF)", runSheet)
}

func runSheet(ctx context.Context, args []string, stdout io.Writer) error {
	fs, dbFlag := newFlags("sheet")
	code := fs.String("territory", "", "territory code: commune (35238), EPCI (243500139), département (35) or region (53)")
	format := fs.String("format", "", "html|pdf (default: from the extension of --out, else html)")
	out := fs.String("out", "", "output file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *code == "" || *out == "" {
		return fmt.Errorf("--territory and --out are required (e.g. obs sheet --territory 243500139 --format pdf --out rennes-metropole.pdf)")
	}
	f, err := sheetFormat(*format, *out)
	if err != nil {
		return err
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
	s, err := report.Build(ctx, a, *code)
	if err != nil {
		return err
	}
	body, err := s.HTML()
	if err != nil {
		return fmt.Errorf("fiche %s : %w", *code, err)
	}
	if f == "pdf" {
		p := printer.New(printer.Options{Tabs: 1})
		defer p.Close()
		if body, err = p.Print(ctx, body); err != nil {
			return fmt.Errorf("fiche %s : %w", *code, err)
		}
	}
	if err := os.WriteFile(*out, body, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s\u00a0: portrait de %s (%s, %s)\n", *out, s.Name, s.LevelLabel, s.Code)
	return nil
}

// sheetFormat resolves --format against the extension of --out.
func sheetFormat(format, out string) (string, error) {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(out)), ".")
	if ext == "htm" {
		ext = "html"
	}
	if format == "" {
		format = "html"
		if ext == "pdf" {
			format = "pdf"
		}
	}
	format = strings.ToLower(format)
	if format != "html" && format != "pdf" {
		return "", fmt.Errorf("--format %q: want html or pdf", format)
	}
	if (ext == "html" || ext == "pdf") && ext != format {
		return "", fmt.Errorf("--format %s does not match the extension of %s", format, out)
	}
	return format, nil
}
