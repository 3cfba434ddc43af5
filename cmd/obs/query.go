// obs query: the values of one indicator at one level, for spreadsheets
// (CSV ; with a BOM), the terminal, JSON or Parquet.

package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/store"
	"github.com/region-bretagne/obs/value"
)

func init() {
	register("query", "valeurs d'un indicateur par territoire (table, CSV, JSON, Parquet)", runQuery)
}

var queryFormats = []string{"table", "csv", "json", "parquet"}

type queryOptions struct {
	indicator, level, territory, public, vintage, format, out, decimal string
	cog                                                                int
}

func runQuery(ctx context.Context, args []string, stdout io.Writer) error {
	fs, dbFlag := newFlags("query")
	var o queryOptions
	fs.StringVar(&o.indicator, "indicator", "", "indicator id (see obs indicators)")
	fs.StringVar(&o.level, "level", string(value.LevelCommune), "level: "+value.JoinLevels(cube.Levels, "|"))
	fs.StringVar(&o.territory, "territory", "", "territory code: that territory, or the territories of --level inside it (e.g. the communes of an EPCI)")
	fs.StringVar(&o.public, "public", "", "public (default: the indicator's first, usually ensemble)")
	fs.StringVar(&o.vintage, "vintage", "", "data vintage (default: the latest)")
	fs.IntVar(&o.cog, "cog", 0, "COG vintage, 2024|2026 (default: the latest in the store)")
	fs.StringVar(&o.format, "format", "table", "output: "+strings.Join(queryFormats, "|"))
	fs.StringVar(&o.out, "out", "", "write to this file instead of the standard output")
	fs.StringVar(&o.decimal, "decimal", ".", `decimal mark of csv output: "." or "," (French Excel)`)
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch {
	case o.indicator == "":
		return errors.New("--indicator is required (see obs indicators)")
	case !slices.Contains(queryFormats, o.format):
		return fmt.Errorf("unknown format %q (want one of %v)", o.format, queryFormats)
	case o.decimal != "." && o.decimal != ",":
		return fmt.Errorf(`--decimal %q: want "." or ","`, o.decimal)
	}
	w := stdout
	if o.out != "" {
		f, err := os.Create(o.out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	} else if f, ok := stdout.(*os.File); ok && o.format == "parquet" && isTerminal(f) {
		return errors.New("Parquet is binary: write it to a file with --out FILE, or redirect the output")
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
	facts, err := queryFacts(ctx, c, o)
	if err != nil {
		return err
	}
	if err := writeFacts(ctx, w, c, facts, o); err != nil {
		return err
	}
	if f, ok := w.(*os.File); ok && o.out != "" {
		return f.Close()
	}
	return nil
}

// queryFacts selects the facts of a query.
func queryFacts(ctx context.Context, c *cube.Cube, o queryOptions) ([]cube.Fact, error) {
	if o.cog != 0 {
		var err error
		if c, err = c.WithCOG(o.cog); err != nil {
			return nil, err
		}
	}
	facts, err := c.Values(ctx, o.indicator, value.Level(o.level), o.vintage, o.public)
	if err != nil || o.territory == "" {
		return facts, err
	}
	t, err := c.Territory(o.territory)
	if err != nil {
		return nil, err
	}
	// A finer territory selects its parent at --level.
	for _, p := range c.Chain(t) {
		if p.Level == value.Level(o.level) {
			t = p
		}
	}
	kept := facts[:0]
	for _, f := range facts {
		ft, err := c.Territory(f.Code)
		if err == nil && ft.Level != f.Level {
			ft = cube.Territory{Level: f.Level, Code: f.Code}
		}
		if ft.Within(t) {
			kept = append(kept, f)
		}
	}
	if len(kept) == 0 {
		return nil, fmt.Errorf("no %s in territory %s (%s)", o.level, t.Code, t.Level)
	}
	return kept, nil
}

func writeFacts(ctx context.Context, w io.Writer, c *cube.Cube, facts []cube.Fact, o queryOptions) error {
	switch o.format {
	case "csv":
		return cube.WriteCSV(w, facts, o.decimal == ",")
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(facts)
	case "parquet":
		return cube.WriteParquet(ctx, w, facts)
	}
	return writeFactsTable(w, c, facts)
}

// formatValue prints a value with French typography for its unit, or
// the status of a value that is not shown.
func formatValue(f cube.Fact, decimals int) string {
	return f.Text(value.FormTable, decimals)
}

func writeFactsTable(w io.Writer, c *cube.Cube, facts []cube.Fact) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "code\tlibellé\tvaleur\tstatut\tcouverture\tmillésime\tsource\tremarque")
	for _, f := range facts {
		cov := ""
		if f.HasValue() && f.Coverage < 1 {
			cov = cube.CoverageText(f.Coverage)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", f.Code, f.Name, formatValue(f, c.Decimals(f.Indicator)), f.Status, cov, f.Vintage, f.Source, f.Reason)
	}
	return tw.Flush()
}
