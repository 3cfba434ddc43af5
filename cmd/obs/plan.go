// obs plan: the follow-up of the Région's action plan (a `;` CSV edited in
// Excel): progress of each action from the cube, as a table, CSV, JSON,
// or the bilan in HTML or PDF.

package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/plan"
	"github.com/region-bretagne/obs/printer"
	"github.com/region-bretagne/obs/store"
)

func init() {
	register("plan", "suivi du plan d'actions : avancement et statut de chaque action (table, CSV, JSON, HTML, PDF)", runPlan)
}

func runPlan(ctx context.Context, args []string, stdout io.Writer) error {
	fs, dbFlag := newFlags("plan")
	file := fs.String("file", "", "plan file (; CSV, UTF-8), e.g. data/plan-exemple.csv")
	territory := fs.String("territory", "", "keep the rows of one territory code")
	format := fs.String("format", "table", "table|csv|json|html|pdf")
	out := fs.String("out", "", "output file (default: standard output; required for pdf)")
	year := fs.Int("year", time.Now().Year(), "evaluation year, for the age of the latest vintages")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *file == "" {
		return fmt.Errorf("--file is required (e.g. obs plan --file data/plan-exemple.csv --format html --out bilan.html)")
	}
	if *format == "pdf" && *out == "" {
		return fmt.Errorf("--format pdf needs --out")
	}
	db, err := store.Open(ctx, store.Path(*dbFlag), true)
	if err != nil {
		return err
	}
	defer db.Close()
	c, err := cube.Open(ctx, db)
	if err != nil {
		return err
	}
	f, err := os.Open(*file)
	if err != nil {
		return err
	}
	defer f.Close()
	p, err := plan.Load(ctx, f, filepath.Base(*file), c)
	if err != nil {
		return err
	}
	b, err := plan.Evaluate(ctx, c, p, *year)
	if err != nil {
		return err
	}
	if *territory != "" {
		if _, err := c.Territory(*territory); err != nil {
			return fmt.Errorf("--territory: %w", err)
		}
		b = b.Filter(*territory)
	}
	var buf bytes.Buffer
	switch *format {
	case "table":
		err = b.WriteTable(&buf)
	case "csv":
		err = b.WriteCSV(&buf)
	case "json":
		err = b.WriteJSON(&buf)
	case "html", "pdf":
		var body []byte
		if body, err = b.HTML(c.Catalogue()); err == nil && *format == "pdf" {
			pr := printer.New(printer.Options{Tabs: 1})
			defer pr.Close()
			body, err = pr.Print(ctx, body)
		}
		buf.Write(body)
	default:
		return fmt.Errorf("--format %q: want table, csv, json, html or pdf", *format)
	}
	if err != nil {
		return fmt.Errorf("plan %s: %w", *file, err)
	}
	if *out == "" {
		_, err = stdout.Write(buf.Bytes())
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s\u00a0: suivi du plan, %d ligne(s), %d lacune(s)\n", *out, len(b.Results), len(b.Gaps))
	return nil
}
