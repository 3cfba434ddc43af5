// Page: read back the HTML and the option of an echartspage.Chart.

package echartstest

import (
	"bytes"
	"encoding/json"
	"regexp"
	"testing"

	"github.com/region-bretagne/obs/echartspage"
)

// FakeLib stands for echarts.min.js in golden files; it holds the
// sequences that must be escaped inside a <script> element.
var FakeLib = []byte("/* echarts stand-in */ var echarts = {s: '</script><!-- x'};")

// Script is one <script> element of a page.
type Script struct{ Src, Text string }

var scriptRE = regexp.MustCompile(`(?is)<script([^>]*)>(.*?)</script>`)
var srcRE = regexp.MustCompile(`(?i)\bsrc\s*=\s*"([^"]*)"`)

// Scripts lists the <script> elements of an HTML page in document order.
func Scripts(html string) []Script {
	var out []Script
	for _, m := range scriptRE.FindAllStringSubmatch(html, -1) {
		el := Script{Text: m[2]}
		if s := srcRE.FindStringSubmatch(m[1]); s != nil {
			el.Src = s[1]
		}
		out = append(out, el)
	}
	return out
}

// Option returns the chart's option as generic JSON (functions appear as
// their source strings).
func Option(t testing.TB, c *echartspage.Chart) map[string]any {
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

// HTML renders the chart as a standalone page with the given assets.
func HTML(t testing.TB, c *echartspage.Chart, assets echartspage.Assets) string {
	t.Helper()
	var buf bytes.Buffer
	if err := c.WriteHTML(&buf, assets); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}
