// Shared CLI test helpers: a store built once from the staged data with
// every registered ingest step, and golden files refreshed with -update.

package main

import (
	"bytes"
	"context"
	"flag"
	"github.com/region-bretagne/obs/opendatatest"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

func stagedData(t testing.TB) string {
	t.Helper()
	return opendatatest.Dir(t)
}

var (
	storeOnce sync.Once
	storePath string
	storeErr  error
)

// testStore returns the path of a store built once by `obs ingest`.
func testStore(t testing.TB) string {
	t.Helper()
	data := stagedData(t)
	storeOnce.Do(func() {
		dir, err := os.MkdirTemp("", "obs-cmd-test-")
		if err != nil {
			storeErr = err
			return
		}
		storePath = filepath.Join(dir, "obs.duckdb")
		var out bytes.Buffer
		storeErr = run(context.Background(), []string{"ingest", "--data", data, "--db", storePath}, &out)
	})
	if storeErr != nil {
		t.Fatalf("ingest: %v", storeErr)
	}
	return storePath
}

// runCLI runs obs with args and returns its standard output.
func runCLI(t testing.TB, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := run(context.Background(), args, &out)
	return out.String(), err
}

// golden compares got with testdata/<name>, or rewrites it with -update.
func golden(t testing.TB, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", filepath.FromSlash(name))
	if *update {
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test -update rewrites it)\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}
