// End-to-end tests of the analyst UI in headless Chromium (Debian
// package chromium), driven with chromedp. Screenshots go to
// testdata/screenshots/ (and, with -update, to docs/).

package server

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browser starts a headless Chromium, or fails in CI / skips elsewhere
// when the Debian package is missing.
func browser(t *testing.T) context.Context {
	t.Helper()
	bin := os.Getenv("OBS_CHROMIUM")
	if bin == "" {
		for _, name := range []string{"chromium", "chromium-browser"} {
			if p, err := exec.LookPath(name); err == nil {
				bin = p
				break
			}
		}
	}
	if bin == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium not found: .ci/run must install the Debian package chromium")
		}
		t.Skip("chromium not found")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 1100))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	return ctx
}

func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	dir := filepath.Join("testdata", "screenshots")
	os.MkdirAll(dir, 0o755)
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestAnalystUI(t *testing.T) {
	_, ts := newServer(t, sharedStore(t))
	ctx := browser(t)

	// The page loads, with its French title and the first map.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready="1"]`)),
	); err != nil {
		t.Fatalf("page load: %v", err)
	}
	title, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil {
		t.Fatal(err)
	}
	if title != "Observatoire de la précarité en Bretagne" {
		t.Errorf("title %q", title)
	}

	// The map draws one path per territory (EPCI by default), and the
	// ranked table lists them all: the map's text alternative.
	paths := eval[int](t, ctx, `document.querySelectorAll("#map g.areas path[data-code]").length`)
	rows := eval[int](t, ctx, `document.querySelectorAll("#ranking tbody tr").length`)
	if paths != 61 || rows != 61 {
		t.Errorf("EPCI map: %d paths and %d table rows, want 61 and 61", paths, rows)
	}
	screenshot(t, ctx, "ui-epci.png")

	// Communes: 1,202 paths.
	choose(t, ctx, "level", "commune")
	poll(t, ctx, `document.querySelectorAll("#map g.areas path[data-code]").length === 1202`, "1,202 commune paths")

	// Changing the indicator changes the legend.
	legend := func() string { return eval[string](t, ctx, `document.querySelector("#map g.legend").textContent`) }
	before := legend()
	choose(t, ctx, "indicator", "part_familles_monoparentales")
	poll(t, ctx, `document.querySelector("#map svg title").textContent.startsWith("Part des familles monoparentales")`, "the new map")
	after := legend()
	if after == before || after == "" {
		t.Errorf("legend did not change: %q", after)
	}

	// A click on a territory opens its fact sheet.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#map g.areas path[data-code="35238"]`))); err != nil {
		t.Fatalf("click on Rennes: %v", err)
	}
	poll(t, ctx, `document.getElementById("sheet").getAttribute("src") === "/sheets/35238.html"`, "the sheet's address")
	poll(t, ctx, `(() => { const d = document.getElementById("sheet").contentDocument; return !!d && d.readyState === "complete" && d.title.includes("Rennes"); })()`, "the sheet of Rennes")
	sheetTitle := eval[string](t, ctx, `document.getElementById("sheet").contentDocument.title`)
	if !strings.Contains(sheetTitle, "Rennes") {
		t.Errorf("sheet title %q", sheetTitle)
	}
	eval[bool](t, ctx, `(() => { document.getElementById("sheet").scrollIntoView(); return true; })()`)
	screenshot(t, ctx, "ui-sheet.png")

	// Every table can be downloaded as CSV.
	csvHref := eval[string](t, ctx, `document.getElementById("csv").getAttribute("href")`)
	resp, body := get(t, ts.URL+csvHref)
	if resp.StatusCode != 200 || !strings.HasPrefix(body, "\ufeffcode;libelle;valeur") {
		t.Errorf("CSV download %s: %d %.80q", csvHref, resp.StatusCode, body)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// poll waits until a JavaScript expression is true.
func poll(t *testing.T, ctx context.Context, expr, what string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.Fatalf("waiting for %s: %v", what, err)
	}
}

// choose selects a value in a <select> and fires its change event.
func choose(t *testing.T, ctx context.Context, id, value string) {
	t.Helper()
	eval[bool](t, ctx, `(() => { const s = document.getElementById("`+id+`"); s.value = "`+value+`"; s.dispatchEvent(new Event("change")); return s.value === "`+value+`"; })()`)
}
