// Beyond one machine: several `obs serve` processes on one immutable store
// file answer identically, also across an ingest that swaps the file.

package main

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestTwoServersOneStore(t *testing.T) {
	bin := buildObs(t)
	data := stagedData(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "obs.duckdb")
	ingest := func() {
		cmd := exec.Command(bin, "ingest", "--data", data, "--db", db)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("obs ingest: %v\n%s", err, out)
		}
	}
	ingest()
	a := startServe(t, bin, dir, os.Environ(), "--db", db)
	b := startServe(t, bin, dir, os.Environ(), "--db", db)

	fetch := func(base, path string) (int, string) {
		var resp *http.Response
		var err error
		if sql, ok := strings.CutPrefix(path, "SQL "); ok {
			resp, err = http.Post(base+"/api/sql", "text/plain", strings.NewReader(sql))
		} else {
			resp, err = http.Get(base + path)
		}
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	paths := []string{
		"/api/values?indicator=taux_chomage_15_64&level=epci",
		"/api/values?indicator=population&level=departement&format=csv",
		"/maps/taux_chomage_15_64.svg?level=epci&classes=5",
		"/api/compare/243500139",
		"SQL SELECT level, count(*) n FROM fact GROUP BY level ORDER BY level",
	}
	same := func(when string) {
		for _, p := range paths {
			ca, ba := fetch(a, p)
			cb, bb := fetch(b, p)
			if ca != 200 || cb != 200 || ba != bb {
				t.Errorf("%s, %s: %d (%d bytes) and %d (%d bytes), want the same 200", when, p, ca, len(ba), cb, len(bb))
			}
		}
	}
	loadedAt := func(base string) string {
		_, body := fetch(base, "/healthz")
		var h struct {
			LoadedAt string `json:"loaded_at"`
		}
		json.Unmarshal([]byte(body), &h)
		return h.LoadedAt
	}
	same("before the ingest")
	beforeA, beforeB := loadedAt(a), loadedAt(b)

	// An ingest builds a new file beside the store and renames it over
	// the path: both servers switch to it (they poll every 2 s).
	ingest()
	deadline := time.Now().Add(30 * time.Second)
	for loadedAt(a) == beforeA || loadedAt(b) == beforeB {
		if time.Now().After(deadline) {
			t.Fatal("the servers did not switch to the new store")
		}
		time.Sleep(200 * time.Millisecond)
	}
	same("after the ingest swap")
}
