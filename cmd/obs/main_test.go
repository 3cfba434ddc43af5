// Shared CLI test helpers: the full store built once from the staged data
// (pipelinetest), and golden files refreshed with -update.

package main

import (
	"bytes"
	"context"
	"flag"
	"github.com/region-bretagne/obs/opendatatest"
	"github.com/region-bretagne/obs/pipeline/pipelinetest"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

func stagedData(t testing.TB) string {
	t.Helper()
	return opendatatest.Dir(t)
}

// testStore returns the path of the full store (pipelinetest), shared
// read-only by the tests.
func testStore(t testing.TB) string {
	t.Helper()
	return pipelinetest.Store(t)
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
