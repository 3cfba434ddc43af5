// obs indicators: the indicator catalogue, by theme of the regional plan.

package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/region-bretagne/obs/cube"
)

func init() {
	register("indicators", "catalogue des indicateurs par thème", runIndicators)
}

// kindLabel is the French name of a kind of indicator.
var kindLabel = map[string]string{
	cube.KindCount: "effectif", cube.KindRatio: "ratio", cube.KindPublished: "publié (non additif)",
}

func runIndicators(ctx context.Context, args []string, stdout io.Writer) error {
	fs, _ := newFlags("indicators")
	format := fs.String("format", "table", "output: table|csv|json")
	theme := fs.String("theme", "", "only this theme (id)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if !slices.Contains(formats, *format) {
		return fmt.Errorf("unknown format %q (want one of %v)", *format, formats)
	}
	cat, err := cube.LoadCatalogue()
	if err != nil {
		return err
	}
	if *theme != "" {
		if _, ok := cat.Theme(*theme); !ok {
			ids := make([]string, len(cat.Themes))
			for i, t := range cat.Themes {
				ids[i] = t.ID
			}
			return fmt.Errorf("unknown theme %q (themes: %s)", *theme, strings.Join(ids, ", "))
		}
	}
	groups := cat.ByTheme()
	if *format == "table" {
		return writeCatalogueTable(stdout, cat, groups, *theme)
	}
	t := table{Columns: []string{"theme", "id", "libelle", "definition", "unite", "type", "publics", "source", "millesime", "statut"}}
	for i, th := range cat.Themes {
		if *theme != "" && th.ID != *theme {
			continue
		}
		for _, ind := range groups[i] {
			t.Rows = append(t.Rows, []any{th.Label, ind.ID, ind.Label, ind.Definition, ind.Unit.Label(), kindLabel[ind.Kind],
				strings.Join(ind.PublicIDs(), ", "), ind.Source, ind.Vintage, ind.Status})
		}
	}
	return t.write(stdout, *format)
}

// writeCatalogueTable prints one block per theme.
func writeCatalogueTable(w io.Writer, cat *cube.Catalogue, groups [][]cube.Indicator, only string) error {
	for i, th := range cat.Themes {
		if only != "" && th.ID != only {
			continue
		}
		fmt.Fprintf(w, "%s (%s) — %d indicateurs\n", th.Label, th.ID, len(groups[i]))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, ind := range groups[i] {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", ind.ID, ind.Label, ind.Unit.Label(), ind.Status, ind.Source)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	return nil
}
