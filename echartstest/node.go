// Run: the generated echarts option in the real echarts library under
// Node.js (server-side rendering), so tests check what echarts does with
// it, not only what the JSON says.

package echartstest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/region-bretagne/obs/echartspage"
	"github.com/region-bretagne/obs/tooltest"
	"github.com/region-bretagne/obs/web"
)

// Result is what Run returns from Node.
type Result struct {
	// Fills maps each data item name of series 0 to the fill echarts gives
	// it (after the visualMap).
	Fills map[string]string `json:"fills"`
	// SVG is the chart rendered by echarts' SSR SVG renderer.
	SVG string `json:"svg"`
	// Extra is whatever the extra script put in `out.extra`.
	Extra json.RawMessage `json:"extra"`
}

// Run loads echarts.min.js (web/node_modules) in Node, runs the
// chart's head scripts (registerMap), sets its option on an SSR chart and
// returns the item fills and the SVG. extra is JavaScript run afterwards
// with `chart`, `option` and `out` in scope. Node or the npm assets
// missing skip the test locally and fail it in CI.
func Run(t testing.TB, c *echartspage.Chart, extra string) Result {
	t.Helper()
	node := tooltest.Need(t, "node", "nodejs")
	lib, err := web.Locator{WorkDir: "."}.Locate(context.Background())
	if err != nil {
		if errors.Is(err, web.ErrNotInstalled) && os.Getenv("CI") == "" {
			t.Skip(err)
		}
		t.Fatal(err)
	}
	libJSON, _ := json.Marshal(lib)
	var js strings.Builder
	js.WriteString("globalThis.echarts = require(" + string(libJSON) + ");\n")
	for _, s := range c.HeadScripts() {
		js.WriteString(s + "\n")
	}
	js.WriteString("const option = " + c.Option() + ";\n")
	js.WriteString(`const chart = echarts.init(null, null, {renderer: "svg", ssr: true, width: 900, height: ` + strconv.Itoa(max(640, c.MinHeight)) + `});
chart.setOption(option);
const out = {fills: {}, svg: "", extra: null};
const data = chart.getModel().getSeriesByIndex(0).getData();
for (let i = 0; i < data.count(); i++) {
  const st = data.getItemVisual(i, "style");
  out.fills[data.getName(i)] = st && st.fill;
}
out.svg = chart.renderToSVGString();
` + extra + `
// A file, not stdout: process.exit may cut a large piped write short.
require("fs").writeFileSync(process.argv[2], JSON.stringify(out));
chart.dispose();
process.exit(0);
`)
	dir := t.TempDir()
	script, result := filepath.Join(dir, "run.js"), filepath.Join(dir, "out.json")
	if err := os.WriteFile(script, []byte(js.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, node, script, result)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("node %s: %v\n%s", script, err, stderr.String())
	}
	raw, err := os.ReadFile(result)
	if err != nil {
		t.Fatalf("node wrote no result: %v\n%s", err, stdout.String())
	}
	var run Result
	if err := json.Unmarshal(raw, &run); err != nil {
		t.Fatalf("reading node output: %v\n%.500s", err, raw)
	}
	return run
}
