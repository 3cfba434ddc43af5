package printer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// needChromium skips the test when no browser is installed (failing it in
// CI), and returns a printer closed at the end of the test.
func needChromium(t *testing.T, o Options) *Printer {
	t.Helper()
	if _, err := Chromium(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo not found: install the Debian package poppler-utils")
	}
	p := New(o)
	t.Cleanup(func() { p.Close() })
	return p
}

// doc is an HTML document of n A4 pages, each with a heading and text.
func doc(title string, n int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>%s</title>
<style>@page { size: A4; margin: 14mm } body { font-family: "DejaVu Sans", sans-serif } section { break-after: page } h1 { background: #00538a; color: white }</style></head><body>`, title)
	for i := range n {
		fmt.Fprintf(&b, "<section><h1>%s, page %d</h1><p>Taux de pauvreté à 60\u00a0%%\u00a0: 12,3\u00a0%%.</p></section>", title, i+1)
	}
	b.WriteString("</body></html>")
	return b.Bytes()
}

// pdfInfo runs pdfinfo on a PDF and returns its fields.
func pdfInfo(t *testing.T, pdf []byte) map[string]string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "d.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", f).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v: %s", err, out)
	}
	info := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^([A-Za-z ]+):\s+(.*)$`).FindAllStringSubmatch(string(out), -1) {
		info[m[1]] = m[2]
	}
	return info
}

func TestPrint(t *testing.T) {
	p := needChromium(t, Options{Tabs: 2})
	ctx := context.Background()
	for _, tc := range []struct {
		title string
		pages int
	}{
		{"Rennes Métropole", 1},
		{"Côtes-d'Armor", 3},
		{"Bretagne", 2},
	} {
		pdf, err := p.Print(ctx, doc(tc.title, tc.pages))
		if err != nil {
			t.Fatalf("%s: %v", tc.title, err)
		}
		info := pdfInfo(t, pdf)
		for k, want := range map[string]string{"Pages": fmt.Sprint(tc.pages), "Tagged": "yes", "Title": tc.title} {
			if info[k] != want {
				t.Errorf("%s: pdfinfo %s = %q, want %q", tc.title, k, info[k], want)
			}
		}
		if !strings.Contains(info["Page size"], "(A4)") {
			t.Errorf("%s: page size %q, want A4", tc.title, info["Page size"])
		}
	}
}

// TestBrowserKilledMidBatch kills the browser while documents print: every
// document still comes out, from a second browser.
func TestBrowserKilledMidBatch(t *testing.T) {
	p := needChromium(t, Options{Tabs: 2})
	ctx := context.Background()
	const n = 24
	pdfs := make([][]byte, n)
	errs := make([]error, n)
	printed := make(chan int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			pdfs[i], errs[i] = p.Print(ctx, doc(fmt.Sprintf("Document %d", i), 1+i%3))
			printed <- i
		})
	}
	<-printed // one document out: the browser runs
	first := p.PID()
	if first == 0 {
		t.Fatal("no browser pid while printing")
	}
	if err := syscall.Kill(first, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Errorf("document %d: %v", i, errs[i])
			continue
		}
		if info := pdfInfo(t, pdfs[i]); info["Pages"] != fmt.Sprint(1+i%3) || info["Title"] != fmt.Sprintf("Document %d", i) {
			t.Errorf("document %d: pdfinfo %v", i, info)
		}
	}
	if p.gen < 2 {
		t.Errorf("%d browser started, want a second one after the kill", p.gen)
	}
	if pid := p.PID(); pid == first {
		t.Errorf("browser pid %d still the killed one", pid)
	}
}

// TestQueue fills the only tab and the queue: the next document is turned
// away with ErrBusy, and a waiting one honours its context.
func TestQueue(t *testing.T) {
	p := New(Options{Tabs: 1, Queue: 1})
	defer p.Close()
	held, err := p.acquire(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	waited := make(chan error)
	go func() {
		_, err := p.acquire(ctx)
		waited <- err
	}()
	for p.waiting.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	if _, err := p.Print(context.Background(), doc("x", 1)); !errors.Is(err, ErrBusy) {
		t.Errorf("Print with the tab held and the queue full: %v, want ErrBusy", err)
	}
	cancel()
	if err := <-waited; !errors.Is(err, context.Canceled) {
		t.Errorf("waiting with a canceled context: %v, want context.Canceled", err)
	}
	p.free <- held
	if t2, err := p.acquire(context.Background()); err != nil || t2 != held {
		t.Errorf("acquire after release: %v, %v", t2, err)
	}
}

func TestNoChromium(t *testing.T) {
	t.Setenv("OBS_CHROMIUM", "")
	t.Setenv("PATH", t.TempDir())
	p := New(Options{})
	defer p.Close()
	if _, err := p.Print(context.Background(), doc("x", 1)); !errors.Is(err, ErrNoChromium) {
		t.Errorf("Print without chromium: %v, want ErrNoChromium", err)
	}
}

func TestClosed(t *testing.T) {
	p := New(Options{})
	p.Close()
	if _, err := p.Print(context.Background(), doc("x", 1)); !errors.Is(err, ErrClosed) {
		t.Errorf("Print after Close: %v, want ErrClosed", err)
	}
}
