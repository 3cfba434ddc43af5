// obs map: draw a choropleth of an indicator at a level, as SVG or PNG for
// reports, interactive HTML for web pages, GeoJSON for QGIS, or the CSV
// table of the mapped values.

package main

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/region-bretagne/obs/atlas"
	"github.com/region-bretagne/obs/maps"
	"github.com/region-bretagne/obs/store"
	"github.com/region-bretagne/obs/value"
)

func init() {
	register("map", "dessine la carte d'un indicateur (SVG, PNG, HTML, GeoJSON, CSV)", runMap)
}

// mapFlags are the flags of obs map (and, in part, obs chart).
type mapFlags struct {
	indicator, level, territory, public, vintage, method, breaks, palette, highlight, out string
	classes, width                                                                        int
	qpv                                                                                   bool
}

func runMap(ctx context.Context, args []string, stdout io.Writer) error {
	fs, dbFlag := newFlags("map")
	var f mapFlags
	fs.StringVar(&f.indicator, "indicator", "", "indicator id (see obs indicators)")
	fs.StringVar(&f.level, "level", string(value.LevelCommune), "level: "+value.JoinLevels(atlas.MapLevels, "|"))
	fs.StringVar(&f.territory, "territory", "", "commune or EPCI code: draw only its territories (e.g. --level iris --territory 243500139)")
	fs.StringVar(&f.public, "public", "", "public (default: the indicator's, ensemble)")
	fs.StringVar(&f.vintage, "vintage", "", "data vintage (default: the latest)")
	fs.StringVar(&f.method, "method", "jenks", "classification: jenks|quantile|equal|q6|sd|geom|headtail|manual")
	fs.IntVar(&f.classes, "classes", 5, "number of classes")
	fs.StringVar(&f.breaks, "breaks", "", "manual breaks (with --method manual): 5;10;12,5 or 5,10,12.5")
	fs.StringVar(&f.palette, "palette", "", "ColorBrewer palette (default YlOrRd-like sequential, colour-blind safe)")
	fs.StringVar(&f.highlight, "highlight", "", "code of a territory to outline")
	fs.BoolVar(&f.qpv, "qpv", false, "draw the QPV outlines")
	fs.IntVar(&f.width, "width", 1000, "width in pixels (200 to 4000; the height is 7/10 of it)")
	fs.StringVar(&f.out, "out", "", "output file: .svg, .png, .html, .geojson or .csv")
	table := fs.String("table", "", "also write the map's table (its text alternative): .csv or .html")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if f.indicator == "" || f.out == "" {
		return fmt.Errorf("--indicator and --out are required (e.g. obs map --indicator taux_chomage_15_64 --level epci --out carte.svg)")
	}
	req, err := f.request()
	if err != nil {
		return err
	}
	db, err := store.Open(ctx, store.Path(*dbFlag), true)
	if err != nil {
		return err
	}
	defer db.Close()
	a, err := atlas.NewFor(ctx, db, f.indicator)
	if err != nil {
		return err
	}
	m, err := a.Choropleth(ctx, req)
	if err != nil {
		return err
	}
	body, err := renderMap(ctx, m, strings.ToLower(filepath.Ext(f.out)))
	if err != nil {
		return err
	}
	if err := os.WriteFile(f.out, body, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s : %s, %d territoires\n", f.out, m.Spec.Title, len(m.Spec.Areas))
	if *table != "" {
		var b strings.Builder
		switch strings.ToLower(filepath.Ext(*table)) {
		case ".csv":
			err = maps.WriteTableCSV(&b, m.Spec)
		case ".html":
			err = maps.WriteTableHTML(&b, m.Spec)
		default:
			return fmt.Errorf("--table %s: want a .csv or .html file", *table)
		}
		if err != nil {
			return err
		}
		if err := os.WriteFile(*table, []byte(b.String()), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s : tableau de la carte\n", *table)
	}
	return nil
}

// request reads the flags with the parser of /maps, so that obs map and
// the service take the same syntax within the same bounds.
func (f mapFlags) request() (atlas.Request, error) {
	q := url.Values{}
	for k, v := range map[string]string{"level": f.level, "territory": f.territory, "public": f.public, "vintage": f.vintage, "method": f.method,
		"breaks": f.breaks, "palette": f.palette, "highlight": f.highlight} {
		if v != "" {
			q.Set(k, v)
		}
	}
	q.Set("classes", strconv.Itoa(f.classes))
	q.Set("width", strconv.Itoa(f.width))
	q.Set("qpv", strconv.FormatBool(f.qpv))
	return atlas.ParseMapRequest(f.indicator, q)
}

// renderMap draws a map in the format of a file extension.
func renderMap(ctx context.Context, m *atlas.Map, ext string) ([]byte, error) {
	switch ext {
	case ".html":
		return mapHTML(ctx, m)
	case ".svg", ".png", ".geojson", ".json", ".csv":
		return m.File(ctx, ext)
	}
	return nil, fmt.Errorf("unknown output format %q (want .svg, .png, .html, .geojson or .csv)", ext)
}
