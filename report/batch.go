// Batches of sheets: every territory of a level and of the broader levels
// (for EPCI: the EPCI, the départements and the region), one file each,
// with a French index page linking them.

package report

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/region-bretagne/obs/atlas"
	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/printer"
	"github.com/region-bretagne/obs/value"
)

// BatchLevels are the levels WriteBatch takes, finest first. A batch runs
// from the broadest level down; within a level, sheets are in name order.
var BatchLevels = []value.Level{value.LevelCommune, value.LevelEPCI, value.LevelDepartement, value.LevelRegion}

// BatchOptions tune WriteBatchWith.
type BatchOptions struct {
	// Format is "html" (default) or "pdf".
	Format string
	// Workers is the number of sheets built at once (default GOMAXPROCS,
	// and for PDF one more than the printer's tabs, so that building a
	// sheet overlaps printing the others).
	Workers int
	// Printer prints the PDF sheets. If nil, a PDF batch starts its own
	// (one browser for the whole batch) and closes it at the end.
	Printer *printer.Printer
	// Progress, if set, is called after each sheet written, with the
	// number of sheets done and the total (calls are serialised).
	Progress func(done, total int)
	// Generated is the date printed on the sheets (default now).
	Generated time.Time
}

// WriteBatch writes, as HTML, the sheets of every territory of level and of
// the broader levels into dir (created if needed), and index.html linking
// them. It returns the files written, index.html last.
func WriteBatch(ctx context.Context, a *atlas.Atlas, level value.Level, dir string) (written []string, err error) {
	return WriteBatchWith(ctx, a, level, dir, BatchOptions{})
}

// batchItem is one sheet of a batch.
type batchItem struct {
	t    cube.Territory
	file string
	s    *Sheet
}

// WriteBatchWith is WriteBatch with options: PDF output, workers, date.
func WriteBatchWith(ctx context.Context, a *atlas.Atlas, level value.Level, dir string, o BatchOptions) ([]string, error) {
	i := slices.Index(BatchLevels, level)
	if i < 0 {
		return nil, fmt.Errorf("niveau %q %w pour les fiches (niveaux : %s)", level, cube.ErrUnknown, value.JoinLevels(BatchLevels, ", "))
	}
	if o.Format == "" {
		o.Format = "html"
	}
	if o.Format != "html" && o.Format != "pdf" {
		return nil, fmt.Errorf("format %q inconnu pour les fiches (html ou pdf)", o.Format)
	}
	if o.Format == "pdf" && o.Printer == nil {
		o.Printer = printer.New(printer.Options{})
		defer o.Printer.Close()
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
		if o.Format == "pdf" {
			o.Workers = o.Printer.Tabs() + 1
		}
	}
	if o.Generated.IsZero() {
		o.Generated = time.Now()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var items []*batchItem
	for _, l := range slices.Backward(BatchLevels[i:]) {
		ts := a.Cube.Territories(l)
		slices.SortStableFunc(ts, func(x, y cube.Territory) int {
			return strings.Compare(unaccent.Replace(strings.ToLower(x.Name)), unaccent.Replace(strings.ToLower(y.Name)))
		})
		for _, t := range ts {
			items = append(items, &batchItem{t: t, file: t.Code + "-" + slug(t.Name) + "." + o.Format})
		}
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("aucun territoire de niveau %s au COG %d", level, a.Cube.COG())
	}

	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	work := make(chan *batchItem)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for range min(o.Workers, len(items)) {
		wg.Go(func() {
			for it := range work {
				if err := writeSheet(ctx, a, it, dir, o); err != nil {
					cancel(err)
					continue
				}
				if o.Progress != nil {
					mu.Lock()
					done++
					o.Progress(done, len(items))
					mu.Unlock()
				}
			}
		})
	}
	for _, it := range items {
		if ctx.Err() != nil {
			break
		}
		work <- it
	}
	close(work)
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	written := make([]string, 0, len(items)+1)
	for _, it := range items {
		written = append(written, filepath.Join(dir, it.file))
	}
	index, err := indexHTML(items, level, a.Cube.COG(), o)
	if err != nil {
		return nil, err
	}
	p := filepath.Join(dir, "index.html")
	if err := os.WriteFile(p, index, 0o644); err != nil {
		return nil, err
	}
	return append(written, p), nil
}

// writeSheet builds and writes one sheet of a batch.
func writeSheet(ctx context.Context, a *atlas.Atlas, it *batchItem, dir string, o BatchOptions) error {
	s, err := Build(ctx, a, it.t.Code)
	if err != nil {
		return err
	}
	s.Generated = o.Generated
	body, err := s.HTML()
	if err != nil {
		return fmt.Errorf("fiche %s : %w", it.t.Code, err)
	}
	if o.Format == "pdf" {
		if body, err = o.Printer.Print(ctx, body); err != nil {
			return fmt.Errorf("fiche %s : %w", it.t.Code, err)
		}
	}
	it.s = s
	if err := os.WriteFile(filepath.Join(dir, it.file), body, 0o644); err != nil {
		return fmt.Errorf("fiche %s : %w", it.t.Code, err)
	}
	return nil
}

// unaccent folds the accented letters of French (and Breton) names.
var unaccent = strings.NewReplacer(
	"à", "a", "â", "a", "ä", "a", "á", "a", "ç", "c", "é", "e", "è", "e", "ê", "e", "ë", "e",
	"î", "i", "ï", "i", "í", "i", "ñ", "n", "ô", "o", "ö", "o", "ó", "o", "ù", "u", "û", "u", "ü", "u", "ú", "u",
	"ÿ", "y", "œ", "oe", "æ", "ae",
)

// slug is a file-name form of a territory's name: "CA Redon Agglomération"
// gives "ca-redon-agglomeration"; letters outside ASCII that unaccent does
// not know become dashes.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range unaccent.Replace(strings.ToLower(name)) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

//go:embed index.html.tmpl
var indexTemplate string

var indexTmpl = template.Must(template.New("index").Funcs(template.FuncMap{"date": frenchDate}).Parse(indexTemplate))

// indexEntry is one line of the index.
type indexEntry struct {
	Code, Name, File string
	Figures          []string // headline values, in indexColumns order
}

// indexGroup is the sheets of one level.
type indexGroup struct {
	Title   string
	Entries []indexEntry
}

// indexColumns are the headline figures the index repeats.
var indexColumns = []struct{ id, label string }{
	{"population", "Habitants"},
	{"taux_chomage_15_64", "Taux de chômage 15-64 ans"},
	{"part_familles_monoparentales", "Familles monoparentales"},
	{"taux_pauvrete", "Taux de pauvreté"},
}

// indexHTML renders the index page of a batch.
func indexHTML(items []*batchItem, level value.Level, cog int, o BatchOptions) ([]byte, error) {
	var groups []indexGroup
	for _, it := range items {
		if len(groups) == 0 || groups[len(groups)-1].Title != capitalizeFirst(it.t.Level.Plural()) {
			groups = append(groups, indexGroup{Title: capitalizeFirst(it.t.Level.Plural())})
		}
		e := indexEntry{Code: it.t.Code, Name: it.t.Name, File: it.file}
		for _, c := range indexColumns {
			e.Figures = append(e.Figures, it.s.headline(c.id))
		}
		g := &groups[len(groups)-1]
		g.Entries = append(g.Entries, e)
	}
	var labels []string
	for _, c := range indexColumns {
		labels = append(labels, c.label)
	}
	var b bytes.Buffer
	err := indexTmpl.Execute(&b, map[string]any{
		"Groups": groups, "Columns": labels, "COG": cog, "Generated": o.Generated,
		"Format": strings.ToUpper(o.Format), "Count": len(items),
	})
	return b.Bytes(), err
}
