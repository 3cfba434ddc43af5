// The agreement test: one fact reads the same in every output that shows
// it, the SVG and echarts tooltips of `obs map`, the fact sheet, the API's
// texte field and the `obs query` table, since all of them take their
// words from the value package.

package main

import (
	"context"
	"encoding/json"
	"html"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/region-bretagne/obs/atlas"
	"github.com/region-bretagne/obs/cmd/obs/server"
	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/report"
	"github.com/region-bretagne/obs/store"
	"github.com/region-bretagne/obs/value"
)

// TestValueTextAgrees picks, among the communes' poverty rates (Filosofi
// floors them at 5 %), an ordinary, a floored and a secret one, and reads
// each in every output.
func TestValueTextAgrees(t *testing.T) {
	const indicator = "taux_pauvrete"
	db := testStore(t)
	ctx := context.Background()
	var facts []cube.Fact
	if err := json.Unmarshal([]byte(mustRun(t, "query", "--db", db, "--indicator", indicator, "--level", string(value.LevelCommune), "--format", "json")), &facts); err != nil {
		t.Fatal(err)
	}
	picked := map[value.Status]cube.Fact{}
	for _, f := range facts {
		if _, ok := picked[f.Status]; !ok {
			picked[f.Status] = f
		}
	}
	for _, s := range []value.Status{value.StatusOK, value.StatusFloored, value.StatusSecret} {
		if _, ok := picked[s]; !ok {
			t.Fatalf("no %s commune poverty rate in the staged data", s)
		}
	}

	sqlDB, err := store.Open(ctx, db, true)
	if err != nil {
		t.Fatal(err)
	}
	defer sqlDB.Close()
	a, err := atlas.New(ctx, sqlDB)
	if err != nil {
		t.Fatal(err)
	}
	ind, ok := a.Cube.Catalogue().Indicator(indicator)
	if !ok {
		t.Fatalf("no indicator %s", indicator)
	}

	dir := t.TempDir()
	mustRun(t, "map", "--db", db, "--indicator", indicator, "--level", string(value.LevelCommune), "--out", filepath.Join(dir, "m.svg"))
	mustRun(t, "map", "--db", db, "--indicator", indicator, "--level", string(value.LevelCommune), "--out", filepath.Join(dir, "m.html"))
	svg, err := os.ReadFile(filepath.Join(dir, "m.svg"))
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dir, "m.html"))
	if err != nil {
		t.Fatal(err)
	}
	api := apiServer(t, db)

	for status, f := range picked {
		want := f.Text(value.FormTable, ind.Decimals)
		if tip := f.Text(value.FormTooltip, ind.Decimals); tip != want {
			t.Fatalf("%s: tooltip form %q and table form %q differ", status, tip, want)
		}
		switch status {
		case value.StatusFloored:
			if !strings.HasPrefix(want, "≤\u00a0") {
				t.Errorf("floored %s reads %q, want a ≤ sign", f.Code, want)
			}
		case value.StatusSecret:
			if want != value.TextSecret {
				t.Errorf("secret %s reads %q", f.Code, want)
			}
		case value.StatusMissing:
			if want != value.TextMissing {
				t.Errorf("missing %s reads %q", f.Code, want)
			}
		}
		got := map[string]string{
			"SVG tooltip":     svgTip(t, svg, f.Code),
			"echarts tooltip": echartsTip(t, page, f.Code),
			"sheet":           sheetCell(t, a, f.Code, ind.Label),
			"API texte":       apiText(t, api, indicator, f.Code),
			"obs query table": queryCell(t, db, indicator, f.Code),
		}
		t.Logf("%s %s (%s) reads %q", indicator, f.Code, status, want)
		for output, text := range got {
			if text != want {
				t.Errorf("%s %s (%s): %s reads %q, want %q", indicator, f.Code, status, output, text, want)
			}
		}
	}
}

// svgTip is the value in the <title> of a territory's path.
func svgTip(t *testing.T, svg []byte, code string) string {
	t.Helper()
	m := regexp.MustCompile(`<path data-code="` + code + `"[^>]*><title>([^<]*)</title>`).FindSubmatch(svg)
	if m == nil {
		t.Errorf("SVG: no path for %s", code)
		return ""
	}
	_, text, _ := strings.Cut(html.UnescapeString(string(m[1])), "("+code+")\u00a0: ")
	return text
}

// echartsTip is the value line of a territory's echarts tooltip.
func echartsTip(t *testing.T, page []byte, code string) string {
	t.Helper()
	for _, m := range regexp.MustCompile(`"tip":\[("(?:[^"\\]|\\.)*"),("(?:[^"\\]|\\.)*")\]`).FindAllSubmatch(page, -1) {
		var name, text string
		if json.Unmarshal(m[1], &name) != nil || json.Unmarshal(m[2], &text) != nil {
			continue
		}
		if strings.HasSuffix(name, "("+code+")") {
			return text
		}
	}
	t.Errorf("echarts: no tooltip for %s", code)
	return ""
}

// sheetCell is the territory's own cell in the sheet row of an indicator.
func sheetCell(t *testing.T, a *atlas.Atlas, code, label string) string {
	t.Helper()
	s, err := report.Build(context.Background(), a, code)
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range s.Themes {
		for _, r := range th.Rows {
			if r.Label == label && len(r.Cells) > 0 {
				return r.Cells[0].Text
			}
		}
	}
	t.Errorf("sheet of %s: no row %q", code, label)
	return ""
}

// apiServer serves the store on a local port until the test ends.
func apiServer(t *testing.T, db string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := server.New(ctx, server.Options{DBPath: db, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	return "http://" + ln.Addr().String()
}

// apiText is the texte field of /api/values for one territory.
func apiText(t *testing.T, base, indicator, code string) string {
	t.Helper()
	q := url.Values{"indicator": {indicator}, "level": {string(value.LevelCommune)}, "territory": {code}}
	resp, err := http.Get(base + "/api/values?" + q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		Valeurs []struct {
			Code  string `json:"code"`
			Texte string `json:"texte"`
		} `json:"valeurs"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatalf("API %s: %v", code, err)
	}
	if len(body.Valeurs) != 1 || body.Valeurs[0].Code != code {
		t.Errorf("API %s: %+v", code, body.Valeurs)
		return ""
	}
	return body.Valeurs[0].Texte
}

// queryCell is the valeur column of the `obs query` table for one
// territory.
func queryCell(t *testing.T, db, indicator, code string) string {
	t.Helper()
	out := mustRun(t, "query", "--db", db, "--indicator", indicator, "--level", string(value.LevelCommune), "--territory", code)
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) < 2 {
		t.Errorf("query %s: %q", code, out)
		return ""
	}
	header, row := columns(lines[0]), columns(lines[1])
	for i, h := range header {
		if h == "valeur" && i < len(row) {
			return row[i]
		}
	}
	t.Errorf("query %s: no valeur column in %q", code, out)
	return ""
}

// columns splits a line of a tabwriter table (cells padded with at least
// two spaces).
func columns(line string) []string {
	var out []string
	for _, c := range regexp.MustCompile(`  +`).Split(strings.TrimSpace(line), -1) {
		out = append(out, strings.TrimSpace(c))
	}
	return out
}
