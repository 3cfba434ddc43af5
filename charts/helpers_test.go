// This file holds the test helpers of the charts: golden files, and the
// scripts and option of an interactive chart, read back or run in echarts.

package charts

import (
	"flag"
	"github.com/region-bretagne/obs/echartspage"
	"regexp"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -tags duckdb_arrow ./maps -run %s -update)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (%d vs %d bytes); rerun with -update if the change is intended", path, len(got), len(want))
	}
}

// scriptEl is one <script> element of a page.
type scriptEl struct{ src, text string }

var scriptRE = regexp.MustCompile(`(?is)<script([^>]*)>(.*?)</script>`)
var srcRE = regexp.MustCompile(`(?i)\bsrc\s*=\s*"([^"]*)"`)

// scriptsOf lists the <script> elements of an HTML page in document order.
func scriptsOf(html string) []scriptEl {
	var out []scriptEl
	for _, m := range scriptRE.FindAllStringSubmatch(html, -1) {
		el := scriptEl{text: m[2]}
		if s := srcRE.FindStringSubmatch(m[1]); s != nil {
			el.src = s[1]
		}
		out = append(out, el)
	}
	return out
}

// optionOf returns the chart's option as generic JSON (functions appear
// as their source strings).
func optionOf(t *testing.T, c *echartspage.Chart) map[string]any {
	t.Helper()
	c.Option() // runs go-echarts' validation, as rendering does
	j, ok := c.Chart.(interface{ JSON() map[string]any })
	if !ok {
		t.Fatalf("%T has no JSON()", c.Chart)
	}
	raw, err := json.Marshal(j.JSON())
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	return out
}
