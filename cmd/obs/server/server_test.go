package server

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/region-bretagne/obs/pipeline/pipelinetest"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// sharedStore is the full store for the tests that only read it.
func sharedStore(t testing.TB) string {
	t.Helper()
	return pipelinetest.Store(t)
}

// newStore is a private copy of the full store, for the tests that
// replace it or check that it is never written.
func newStore(t testing.TB) string {
	t.Helper()
	return pipelinetest.Copy(t)
}

func newServer(t testing.TB, path string) (*Server, *httptest.Server) {
	t.Helper()
	s, err := New(context.Background(), Options{DBPath: path, Logger: quiet, Poll: time.Hour, Printer: testPrinter(t)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(func() { ts.Close(); s.cur.Load().retire() })
	return s, ts
}

func get(t testing.TB, url string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestAPI(t *testing.T) {
	_, ts := newServer(t, sharedStore(t))
	tests := []struct {
		path   string
		status int
		want   []string // fragments of the body
	}{
		{"/healthz", 200, []string{`"status":"ok"`}},
		{"/api/territories?level=epci", 200, []string{`"code":"243500139"`, `"transfrontalier":true`}},
		{"/api/territories?level=departement&format=csv", 200, []string{"\ufeffcode;nom;", "35;Ille-et-Vilaine;"}},
		{"/api/territories?level=commune&cog=2024", 200, []string{`"cog":2024`}},
		{"/api/territories?level=canton", 400, []string{`"erreur":"niveau inconnu « canton »`, `"error":"unknown level \"canton\"`}},
		{"/api/territories?cog=1999", 400, []string{`"erreur":"millésime du COG 1999 absent du magasin"`}},
		{"/api/territories?cog=abc", 400, []string{`invalid COG vintage`}},
		{"/api/territories?format=xml", 400, []string{`format inconnu`}},
		{"/api/openapi.json", 200, []string{`"openapi": "3.1.0"`, `/api/sql`}},
	}
	for _, tc := range tests {
		resp, body := get(t, ts.URL+tc.path)
		if resp.StatusCode != tc.status {
			t.Errorf("GET %s: %d, want %d: %s", tc.path, resp.StatusCode, tc.status, body)
		}
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s: body lacks %q: %.300s", tc.path, w, body)
			}
		}
		if resp.Header.Get("X-Request-ID") == "" {
			t.Errorf("GET %s: no X-Request-ID", tc.path)
		}
	}
	var epci []map[string]any
	_, body := get(t, ts.URL+"/api/territories?level=epci")
	if err := json.Unmarshal([]byte(body), &epci); err != nil || len(epci) != 61 {
		t.Errorf("%d EPCI (%v), want 61", len(epci), err)
	}
}

func TestRequestIDKept(t *testing.T) {
	_, ts := newServer(t, sharedStore(t))
	req, _ := http.NewRequest("GET", ts.URL+"/healthz", nil)
	req.Header.Set("X-Request-ID", "analyste-42")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Get("X-Request-ID"); got != "analyste-42" {
		t.Errorf("X-Request-ID %q, want the caller's", got)
	}
}

func TestSQLEndpoint(t *testing.T) {
	path := newStore(t)
	_, ts := newServer(t, path)
	sum := func() [32]byte { b, _ := os.ReadFile(path); return sha256.Sum256(b) }
	before := sum()
	post := func(body, ctype string) (int, string) {
		resp, err := http.Post(ts.URL+"/api/sql", ctype, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	code, body := post(`SELECT count(*) AS n FROM territory WHERE level='epci' AND cog=2026`, "text/plain")
	if code != 200 || !strings.Contains(body, `"rows":[[61]]`) {
		t.Errorf("select: %d %s", code, body)
	}
	code, body = post(`{"sql":"SELECT name FROM territory WHERE level='region' AND cog=2026"}`, "application/json")
	if code != 200 || !strings.Contains(body, "Bretagne") {
		t.Errorf("json select: %d %s", code, body)
	}
	refused := []string{
		`SELECT * FROM read_csv('/etc/passwd')`, `COPY territory TO '/tmp/x.csv'`, `ATTACH '/tmp/x.duckdb' AS x`,
		`INSTALL spatial`, `LOAD spatial`, `SET threads=8`, `PRAGMA database_list`, `CREATE TABLE x(i INT)`,
		`DELETE FROM territory`,
	}
	for _, q := range refused {
		code, body := post(q, "text/plain")
		if code != 403 && code != 400 {
			t.Errorf("%s: %d %s, want refused", q, code, body)
		}
		if !strings.Contains(body, `"erreur"`) {
			t.Errorf("%s: no French message: %s", q, body)
		}
	}
	if sum() != before {
		t.Error("the store changed")
	}
}

// TestServesDuringIngestAndSwitches: the server answers while an ingest
// rebuilds the store, then switches to the new one, with fresh caches.
func TestServesDuringIngestAndSwitches(t *testing.T) {
	path := newStore(t)
	s, ts := newServer(t, path)
	old := s.cur.Load()
	if _, _, err := old.Cached("k", func() (string, []byte, error) { return "text/plain", []byte("old"), nil }); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var failures, served int
	var mu sync.Mutex
	go func() {
		defer close(done)
		if err := pipelinetest.Build(t, path); err != nil {
			t.Error(err)
		}
	}()
	for running := true; running; {
		select {
		case <-done:
			running = false
		default:
			resp, _ := get(t, ts.URL+"/api/territories?level=region")
			mu.Lock()
			served++
			if resp.StatusCode != 200 {
				failures++
			}
			mu.Unlock()
		}
	}
	if failures > 0 || served == 0 {
		t.Errorf("%d of %d requests failed during the ingest", failures, served)
	}
	switched, err := s.Reload(context.Background())
	if err != nil || !switched {
		t.Fatalf("reload: switched=%v err=%v", switched, err)
	}
	if s.cur.Load() == old {
		t.Fatal("still the old snapshot")
	}
	_, body, _ := s.cur.Load().Cached("k", func() (string, []byte, error) { return "text/plain", []byte("new"), nil })
	if string(body) != "new" {
		t.Errorf("cache not invalidated by the switch: %q", body)
	}
	if !old.closed {
		t.Error("the old snapshot was not closed")
	}
	if resp, _ := get(t, ts.URL+"/healthz"); resp.StatusCode != 200 {
		t.Errorf("healthz after switch: %d", resp.StatusCode)
	}
}

func TestGracefulShutdown(t *testing.T) {
	s, err := New(context.Background(), Options{DBPath: newStore(t), Logger: quiet, Poll: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	// A slow request (the sandbox sleeps ~1 s on a big range), then stop.
	result := make(chan int, 1)
	go func() {
		resp, err := http.Post("http://"+ln.Addr().String()+"/api/sql", "text/plain",
			strings.NewReader(`SELECT count(*) FROM range(100000000) a WHERE a.range % 7 = 3`))
		if err != nil {
			result <- -1
			return
		}
		resp.Body.Close()
		result <- resp.StatusCode
	}()
	time.Sleep(200 * time.Millisecond)
	cancel()
	if code := <-result; code != 200 {
		t.Errorf("the request under way got %d, want it finished with 200", code)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/healthz"); err == nil {
		t.Error("still accepting connections after shutdown")
	}
}
