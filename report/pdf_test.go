// PDF sheets through the printer: a batch survives its browser being
// killed mid-way, and every file it writes is a valid, non-blank A4 PDF.

package report

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/region-bretagne/obs/printer"
)

// testPrinter returns a printer closed at the end of the test, or skips
// the test when chromium is missing.
func testPrinter(t *testing.T) *printer.Printer {
	t.Helper()
	needTool(t, "chromium", "chromium")
	p := printer.New(printer.Options{})
	t.Cleanup(func() { p.Close() })
	return p
}

func TestWriteBatchPDFBrowserKilled(t *testing.T) {
	a := testAtlas(t)
	p := testPrinter(t)
	dir := t.TempDir()
	var once sync.Once
	killed := 0
	kill := func(done, total int) {
		once.Do(func() {
			// The first sheet is out: kill the browser while the others print.
			killed = p.PID()
			if killed == 0 {
				t.Error("no browser pid during the batch")
				return
			}
			if err := syscall.Kill(killed, syscall.SIGKILL); err != nil {
				t.Error(err)
			}
		})
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	written, err := WriteBatchWith(ctx, a, "departement", dir, BatchOptions{Format: "pdf", Printer: p, Progress: kill, Generated: fixedDate})
	if err != nil {
		t.Fatal(err)
	}
	if len(written) != 4+1+1 {
		t.Fatalf("%d files, want 4 départements + 1 région + index.html", len(written))
	}
	for _, f := range written[:len(written)-1] {
		if filepath.Ext(f) != ".pdf" {
			t.Errorf("%s is not a PDF file", f)
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if pages := checkPDF(t, b); pages < 2 {
			t.Errorf("%s: %d pages, want a full sheet", filepath.Base(f), pages)
		}
	}
	if pid := p.PID(); killed != 0 && pid == killed {
		t.Errorf("browser pid %d is still the killed one", pid)
	}
}

// BenchmarkSheetPDF prints Rennes Métropole's sheet (5 A4 pages) in a warm
// printer: the cost of one document once the browser runs.
func BenchmarkSheetPDF(b *testing.B) {
	if _, err := printer.Chromium(); err != nil {
		b.Skip(err)
	}
	a := testAtlas(b)
	ctx := context.Background()
	s, err := Build(ctx, a, "243500139")
	if err != nil {
		b.Fatal(err)
	}
	html, err := s.HTML()
	if err != nil {
		b.Fatal(err)
	}
	p := printer.New(printer.Options{})
	defer p.Close()
	if _, err := p.Print(ctx, html); err != nil { // start the browser
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := p.Print(ctx, html); err != nil {
			b.Fatal(err)
		}
	}
}
