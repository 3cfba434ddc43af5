// PDF sheets through the server's one printer: concurrent requests beyond
// its tabs wait or get 429, and a server without a printer says so.

package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/region-bretagne/obs/printer"
)

// testPrinter returns a printer closed at the end of the test. Its browser
// starts only if a test asks for a PDF.
func testPrinter(t testing.TB) *printer.Printer {
	p := printer.New(printer.Options{Tabs: 2, Queue: 2, Logger: quiet})
	t.Cleanup(func() { p.Close() })
	return p
}

func TestSheetPDFConcurrent(t *testing.T) {
	if _, err := printer.Chromium(); err != nil {
		t.Skip(err)
	}
	_, ts := newServer(t, sharedStore(t))
	// Eight uncached sheets at once on 2 tabs and a queue of 2: each
	// answer is a PDF or a 429 with Retry-After, never an error, and at
	// least the tabs' worth are printed.
	codes := []string{"22", "29", "35", "56", "53", "243500139", "200039022", "200042174"}
	var wg sync.WaitGroup
	var mu sync.Mutex
	status := map[int]int{}
	for _, code := range codes {
		wg.Go(func() {
			res, err := http.Get(ts.URL + "/sheets/" + code + ".pdf")
			if err != nil {
				t.Error(err)
				return
			}
			defer res.Body.Close()
			var head [5]byte
			n, _ := res.Body.Read(head[:])
			switch res.StatusCode {
			case http.StatusOK:
				if string(head[:n]) != "%PDF-" || res.Header.Get("Content-Type") != "application/pdf" {
					t.Errorf("%s: 200 but %q, %s", code, head[:n], res.Header.Get("Content-Type"))
				}
			case http.StatusTooManyRequests:
				if res.Header.Get("Retry-After") == "" {
					t.Errorf("%s: 429 without Retry-After", code)
				}
			default:
				t.Errorf("%s: status %d", code, res.StatusCode)
			}
			mu.Lock()
			status[res.StatusCode]++
			mu.Unlock()
		})
	}
	wg.Wait()
	if status[http.StatusOK] < 2 {
		t.Errorf("statuses %v: want at least 2 PDFs", status)
	}
	t.Logf("statuses: %v", status)
}

func TestSheetPDFWithoutPrinter(t *testing.T) {
	s, err := New(t.Context(), Options{DBPath: sharedStore(t), Logger: quiet, Poll: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	defer s.cur.Load().retire()
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	res, body := get(t, ts.URL+"/sheets/35.pdf")
	if res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "PDF indisponible") {
		t.Errorf("no printer: %d %s, want 503 PDF indisponible", res.StatusCode, body)
	}
}
