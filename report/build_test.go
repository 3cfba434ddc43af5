package report

import (
	"bytes"
	"context"
	"errors"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/value"
)

func TestBuildUnknownTerritory(t *testing.T) {
	a := testAtlas(t)
	for _, code := range []string{"99999", "", "FR", "243500139x"} {
		if _, err := Build(context.Background(), a, code); !errors.Is(err, cube.ErrUnknown) {
			t.Errorf("Build(%q) = %v, want an error wrapping cube.ErrUnknown", code, err)
		}
	}
}

func TestSheetColumnsFollowTheLevel(t *testing.T) {
	for _, tc := range []struct {
		code    string
		level   value.Level
		columns []string
	}{
		{"35238", "commune", []string{"Rennes", "Rennes Métropole", "Ille-et-Vilaine", "Bretagne", "France"}},
		{"29083", "commune", []string{"Île-de-Sein", "Finistère", "Bretagne", "France"}}, // an island outside any EPCI
		{"243500139", "epci", []string{"Rennes Métropole", "Ille-et-Vilaine", "Bretagne", "France"}},
		{"35", "departement", []string{"Ille-et-Vilaine", "Bretagne", "France"}},
		{"53", "region", []string{"Bretagne", "France"}},
	} {
		t.Run(tc.code, func(t *testing.T) {
			s, page := sheetHTML(t, tc.code)
			if s.Level != tc.level || !slices.Equal(s.Columns, tc.columns) {
				t.Errorf("level %s, columns %q; want %s, %q", s.Level, s.Columns, tc.level, tc.columns)
			}
			// France métropolitaine has the values Filosofi publishes for
			// it (the series' METROPOLE files), so its column is kept.
			if s.ColumnNote != "" {
				t.Errorf("column note %q, want none: every column has a value", s.ColumnNote)
			}
			for _, th := range s.Themes {
				for _, r := range th.Rows {
					if len(r.Cells) != len(s.Columns) {
						t.Errorf("%s: %d cells for %d columns", r.Label, len(r.Cells), len(s.Columns))
					}
				}
			}
			if tc.level != "region" && s.LocatorSVG == "" || s.MapSVG == "" {
				t.Errorf("locator %d bytes, map %d bytes", len(s.LocatorSVG), len(s.MapSVG))
			}
			if !strings.Contains(page, "<h2>Par public</h2>") {
				t.Error("no charts by public")
			}
		})
	}
}

func TestSheetThemesInPlanOrder(t *testing.T) {
	a := testAtlas(t)
	s, _ := sheetHTML(t, "243500139")
	var want []string
	for _, th := range a.Cube.Catalogue().Themes {
		want = append(want, th.Label)
	}
	var got []string
	pending := 0
	for _, th := range s.Themes {
		got = append(got, th.Name)
		pending += len(th.Pending)
		for _, r := range th.Rows {
			if r.Ref == 0 {
				t.Errorf("%s / %s has no source footnote", th.Name, r.Label)
			}
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("themes %q, want the catalogue's %q", got, want)
	}
	// Sources still to integrate are listed, not shown as rows of n.d.
	if pending == 0 {
		t.Error("no indicator listed as « À intégrer »")
	}
	toIntegrate := map[string]bool{}
	for _, ind := range a.Cube.Catalogue().Indicators {
		if ind.Status == cube.ToIntegrate {
			toIntegrate[ind.Label] = true
		}
	}
	for _, th := range s.Themes {
		for _, r := range th.Rows {
			if toIntegrate[r.Label] {
				t.Errorf("%s: source à intégrer, it should be pending, not a row", r.Label)
			}
		}
		for _, p := range th.Pending {
			if !toIntegrate[p.Label] {
				t.Errorf("%s: listed « À intégrer » but its source is integrated", p.Label)
			}
		}
	}
}

func TestSheetFootnotesNumberEverySource(t *testing.T) {
	s, page := sheetHTML(t, "243500139")
	for i, f := range s.Footnotes {
		if f.N != i+1 {
			t.Errorf("footnote %d numbered %d", i+1, f.N)
		}
	}
	// Every footnote number used in the page exists, and every footnote is
	// used.
	used := map[string]bool{}
	for _, m := range regexp.MustCompile(`<sup>(\d+)</sup>`).FindAllStringSubmatch(page, -1) {
		used[m[1]] = true
	}
	for _, f := range s.Footnotes {
		if !used[strconv.Itoa(f.N)] {
			t.Errorf("footnote %d (%q) is never referenced", f.N, f.Text)
		}
		delete(used, strconv.Itoa(f.N))
	}
	if len(used) > 0 {
		t.Errorf("references to missing footnotes: %v", used)
	}
	for _, want := range []string{"Insee, RP 2022", "Insee, Filosofi 2021", "COG 2026", "Évolution 2016-2022"} {
		if !strings.Contains(page, want) {
			t.Errorf("footnotes lack %q", want)
		}
	}
}

func TestSheetTypography(t *testing.T) {
	text := regexp.MustCompile(`(?s)<style>.*?</style>|<[^>]+>`)
	for _, code := range []string{"243500139", "35238", "53"} {
		_, page := sheetHTML(t, code)
		body := html.UnescapeString(text.ReplaceAllString(page, "\n"))
		for _, bad := range []struct{ re, why string }{
			{`\d [%€]`, "a plain space before % or €"},
			{`\S [:;!?](\s|$)`, "a plain space before high punctuation"},
			{`[^\s\x{00a0}\x{202f}][:;!?](\s|$)`, "no space before high punctuation"},
			{`\d[ \x{00a0}]\d{3}\b`, "thousands not separated by U+202F"},
			{`\d\.\d`, "a decimal point"},
			{`« | »`, "plain spaces inside guillemets"},
		} {
			if m := regexp.MustCompile(bad.re).FindString(body); m != "" {
				i := strings.Index(body, m)
				t.Errorf("%s: %s: %q in …%s…", code, bad.why, m, body[max(0, i-40):min(len(body), i+40)])
			}
		}
		for _, want := range []string{"\u202f", "\u00a0%", "1er\u00a0décembre\u00a02026"} {
			if !strings.Contains(body, want) {
				t.Errorf("%s: no %q on the sheet", code, want)
			}
		}
	}
}

func TestSheetIDsAreUnique(t *testing.T) {
	_, page := sheetHTML(t, "35238")
	seen := map[string]bool{}
	for _, m := range regexp.MustCompile(`\sid="([^"]+)"`).FindAllStringSubmatch(page, -1) {
		if seen[m[1]] {
			t.Errorf("id %q appears twice", m[1])
		}
		seen[m[1]] = true
	}
	for _, m := range regexp.MustCompile(`url\(#([^)]+)\)|aria-labelledby="([^"]+)"`).FindAllStringSubmatch(page, -1) {
		for _, id := range strings.Fields(m[1] + " " + m[2]) {
			if !seen[id] {
				t.Errorf("reference to unknown id %q", id)
			}
		}
	}
	if len(seen) < 6 {
		t.Errorf("only %d ids: the maps and charts should each have their title", len(seen))
	}
}

// TestSheetCommuneGolden pins the whole HTML of a small commune's sheet
// (Plumieux, which absorbed two communes in 2025: its Filosofi values are
// not convertible to the new geography). go test -update rewrites it.
func TestSheetCommuneGolden(t *testing.T) {
	_, page := sheetHTML(t, "22241")
	path := filepath.Join("testdata", "sheet-22241.html")
	if *update {
		if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if !bytes.Equal([]byte(page), want) {
		t.Errorf("sheet of 22241 differs from %s (go test -update rewrites it)", path)
	}
	c := rowCells(t, page, "Taux de pauvreté à 60\u00a0%")[0]
	if c.Text != "n.d." || !strings.Contains(footnote(t, page, c.Ref), "fusion") {
		t.Errorf("Plumieux poverty rate %+v: want n.d. explained by the merger", c)
	}
}

func TestRennesMetropolePDF(t *testing.T) {
	needTool(t, "chromium", "chromium")
	_, page := sheetHTML(t, "243500139")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	pdf, err := testPrinter(t).Print(ctx, []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if pages := checkPDF(t, pdf); pages < 3 || pages > 8 {
		t.Errorf("%d pages, want 3 to 8 for a full EPCI sheet", pages)
	}
}

func TestWriteBatchEPCI(t *testing.T) {
	a := testAtlas(t)
	dir := t.TempDir()
	written, err := WriteBatchWith(context.Background(), a, "epci", dir, BatchOptions{Generated: fixedDate})
	if err != nil {
		t.Fatal(err)
	}
	if len(written) != 61+4+1+1 {
		t.Fatalf("%d files, want 61 EPCI + 4 départements + 1 région + index.html", len(written))
	}
	if filepath.Base(written[len(written)-1]) != "index.html" {
		t.Errorf("last file %s, want index.html", written[len(written)-1])
	}
	index, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range written[:len(written)-1] {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("<!DOCTYPE html>")) || !bytes.Contains(b, []byte("1er\u00a0décembre\u00a02026")) {
			t.Errorf("%s is not a dated sheet", p)
		}
		if !bytes.Contains(index, []byte(`href="`+filepath.Base(p)+`"`)) {
			t.Errorf("index.html does not link %s", filepath.Base(p))
		}
	}
	for _, want := range []string{`lang="fr"`, "Portraits de territoire", "Intercommunalités (EPCI)", "Rennes Métropole", "243500139-rennes-metropole.html", "3\u202f422\u202f845"} {
		if !bytes.Contains(index, []byte(want)) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	if _, err := WriteBatch(context.Background(), a, "qpv", t.TempDir()); !errors.Is(err, cube.ErrUnknown) {
		t.Errorf("level qpv: %v, want cube.ErrUnknown", err)
	}
}
