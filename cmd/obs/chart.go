// obs chart: draw a chart of an indicator — a territory against its
// references, a ranking of territories, a time series — as static SVG for
// reports or interactive HTML (echarts inlined, works offline).

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/region-bretagne/obs/atlas"
	"github.com/region-bretagne/obs/echartspage"
	"github.com/region-bretagne/obs/store"
)

func init() {
	register("chart", "dessine un graphique d'indicateur (références, classement, série) en SVG ou HTML", runChart)
}

func runChart(ctx context.Context, args []string, stdout io.Writer) error {
	fs, dbFlag := newFlags("chart")
	var r atlas.ChartRequest
	var out string
	fs.StringVar(&r.Kind, "kind", "ranking", "chart: "+strings.Join(atlas.ChartKinds, "|"))
	fs.StringVar(&r.Indicator, "indicator", "", "indicator id (see obs indicators)")
	fs.StringVar(&r.Level, "level", "epci", "level of a ranking: commune|epci|departement|qpv|iris")
	fs.StringVar(&r.Territory, "territory", "", "territory code (reference and series charts; highlighted in a ranking)")
	fs.StringVar(&r.Public, "public", "", "public (default: the indicator's)")
	fs.StringVar(&r.Vintage, "vintage", "", "data vintage (default: the latest)")
	fs.StringVar(&out, "out", "", "output file: .svg or .html")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if r.Indicator == "" || out == "" {
		return fmt.Errorf("--indicator and --out are required (e.g. obs chart --kind ranking --indicator taux_chomage_15_64 --out classement.svg)")
	}
	ext := strings.ToLower(filepath.Ext(out))
	if ext != ".svg" && ext != ".html" {
		return fmt.Errorf("unknown output format %q (want .svg or .html)", ext)
	}
	db, err := store.Open(ctx, store.Path(*dbFlag), true)
	if err != nil {
		return err
	}
	defer db.Close()
	a, err := atlas.NewFor(ctx, db, r.Indicator)
	if err != nil {
		return err
	}
	ch, err := a.Chart(ctx, r)
	if err != nil {
		return err
	}
	var body []byte
	if ext == ".svg" {
		body, err = ch.SVG()
	} else {
		var ec *echartspage.Chart
		if ec, err = ch.Echarts(); err == nil {
			body, err = offlinePage(ctx, ec)
		}
	}
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, body, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s : graphique %s de %s\n", out, r.Kind, r.Indicator)
	return nil
}
