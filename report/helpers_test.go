// Shared test fixtures: an atlas on a store built once from the staged
// open data, the sheets of a few territories, and helpers that read values
// back from a sheet's HTML.

package report

import (
	"context"
	"html"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/region-bretagne/obs/atlas"
	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/ingest"
	"github.com/region-bretagne/obs/store"
)

// stagedData returns the real open-data folder ($OBS_DATA or
// ../../shared/opendata), or skips the test (failing it in CI).
func stagedData(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("OBS_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "opendata")
	}
	if _, err := os.Stat(filepath.Join(dir, "SOURCES.md")); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("staged data not found at %s (set OBS_DATA): %v", dir, err)
		}
		t.Skipf("staged data not found at %s", dir)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

var (
	atlasOnce sync.Once
	testA     *atlas.Atlas
	atlasErr  error
)

// testAtlas returns an atlas on a store built once from the staged data.
func testAtlas(t testing.TB) *atlas.Atlas {
	t.Helper()
	data := stagedData(t)
	atlasOnce.Do(func() {
		ctx := context.Background()
		dir, err := os.MkdirTemp("", "obs-report-test-")
		if err != nil {
			atlasErr = err
			return
		}
		path := filepath.Join(dir, "obs.duckdb")
		if _, atlasErr = ingest.Build(ctx, ingest.Options{DataDir: data, DBPath: path,
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Steps: []ingest.Step{ingest.TabularStep(), cube.Step()}}); atlasErr != nil {
			return
		}
		db, err := store.Open(ctx, path, true)
		if err != nil {
			atlasErr = err
			return
		}
		testA, atlasErr = atlas.New(ctx, db)
	})
	if atlasErr != nil {
		t.Fatal(atlasErr)
	}
	return testA
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
