// Shared test fixtures: an atlas on a store built once from the staged
// open data, the sheets of a few territories, and helpers that read values
// back from a sheet's HTML.

package report

import (
	"context"
	"html"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/region-bretagne/obs/atlas"
	"github.com/region-bretagne/obs/opendatatest"
	"github.com/region-bretagne/obs/pipeline/pipelinetest"
	"github.com/region-bretagne/obs/store"
)

// stagedData returns the real open-data folder, or skips the test
// (failing it in CI).
func stagedData(t testing.TB) string {
	t.Helper()
	return opendatatest.Dir(t)
}

// opened is an atlas opened once on a shared store.
type opened struct {
	once  sync.Once
	atlas *atlas.Atlas
	err   error
}

var stagedAtlas, overlayAtlas opened

func (o *opened) get(t testing.TB, path string) *atlas.Atlas {
	t.Helper()
	o.once.Do(func() {
		ctx := context.Background()
		db, err := store.Open(ctx, path, true)
		if err != nil {
			o.err = err
			return
		}
		o.atlas, o.err = atlas.New(ctx, db)
	})
	if o.err != nil {
		t.Fatal(o.err)
	}
	return o.atlas
}

// testAtlas returns an atlas on the full store of the staged data.
func testAtlas(t testing.TB) *atlas.Atlas {
	t.Helper()
	return stagedAtlas.get(t, pipelinetest.Store(t))
}

// testOverlayAtlas returns an atlas on the full store of the staged data
// overlaid with the ingest fixtures of the sources not staged.
func testOverlayAtlas(t testing.TB) *atlas.Atlas {
	t.Helper()
	return overlayAtlas.get(t, pipelinetest.OverlayStore(t))
}

// fixedDate is the date printed on test sheets.
var fixedDate = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// sheetHTML builds the sheet of a territory and renders it.
func sheetHTML(t testing.TB, code string) (*Sheet, string) {
	t.Helper()
	a := testAtlas(t)
	s, err := Build(context.Background(), a, code)
	if err != nil {
		t.Fatalf("Build(%s): %v", code, err)
	}
	s.Generated = fixedDate
	b, err := s.HTML()
	if err != nil {
		t.Fatalf("HTML(%s): %v", code, err)
	}
	return s, string(b)
}

var (
	cellRe = regexp.MustCompile(`<td class="v ([a-z]+)[^"]*">([^<]*)(?:<sup>(\d+)</sup>)?</td>`)
	tagRe  = regexp.MustCompile(`<[^>]+>`)
)

// rowCell is one value cell read back from the HTML.
type rowCell struct {
	Text, Status string
	Ref          string // footnote number, "" for none
}

// rowCells returns the value cells of the table row whose label is label.
func rowCells(t testing.TB, page, label string) []rowCell {
	t.Helper()
	start := strings.Index(page, "<tr><td>"+html.EscapeString(label)+" <span")
	if start < 0 {
		start = strings.Index(page, "<tr><td>"+html.EscapeString(label)+"<sup>")
	}
	if start < 0 {
		t.Fatalf("no row %q in the sheet", label)
	}
	end := strings.Index(page[start:], "</tr>")
	var out []rowCell
	for _, m := range cellRe.FindAllStringSubmatch(page[start:start+end], -1) {
		out = append(out, rowCell{Text: html.UnescapeString(m[2]), Status: m[1], Ref: m[3]})
	}
	if len(out) == 0 {
		t.Fatalf("row %q has no value cells", label)
	}
	return out
}

// footnote returns the text of footnote n.
func footnote(t testing.TB, page, n string) string {
	t.Helper()
	i := strings.Index(page, `<li value="`+n+`">`)
	if i < 0 {
		t.Fatalf("no footnote %s", n)
	}
	j := strings.Index(page[i:], "</li>")
	return html.UnescapeString(tagRe.ReplaceAllString(page[i+len(`<li value="`+n+`">`):i+j], ""))
}
