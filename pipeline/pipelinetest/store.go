// Stores for tests: built once per test binary into a temporary folder,
// then shared read-only by every test of the binary.

package pipelinetest

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/region-bretagne/obs/ingest"
	"github.com/region-bretagne/obs/opendatatest"
	"github.com/region-bretagne/obs/pipeline"
)

// built is a store built at most once.
type built struct {
	once sync.Once
	path string
	err  error
}

var staged, overlay built

// Store returns the path of the full store built from the staged open
// data. The store is shared: open it read-only. Without staged data the
// test is skipped (failed in CI).
func Store(t testing.TB) string {
	t.Helper()
	data := opendatatest.Dir(t)
	return staged.get(t, "obs-staged-", func(string) (string, error) { return data, nil })
}

// OverlayStore returns the path of the full store built from the staged
// data plus the ingest fixtures of the sources that are not staged
// (Filosofi supra-communal files, CAF). Open it read-only.
func OverlayStore(t testing.TB) string {
	t.Helper()
	data := opendatatest.Dir(t)
	return overlay.get(t, "obs-overlay-", func(dir string) (string, error) { return overlayData(dir, data) })
}

// Copy returns the path of a private copy of the full store (Store), in
// the test's temporary folder, for tests that replace or write a store.
func Copy(t testing.TB) string {
	t.Helper()
	src, err := os.ReadFile(Store(t))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "obs.duckdb")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Build runs the full ingest of the staged data into path, replacing
// the store there as obs ingest does.
func Build(t testing.TB, path string) error {
	t.Helper()
	return build(opendatatest.Dir(t), path)
}

func (b *built) get(t testing.TB, prefix string, data func(dir string) (string, error)) string {
	t.Helper()
	b.once.Do(func() {
		dir, err := os.MkdirTemp("", prefix)
		if err != nil {
			b.err = err
			return
		}
		src, err := data(dir)
		if err != nil {
			b.err = err
			return
		}
		b.path = filepath.Join(dir, "obs.duckdb")
		b.err = build(src, b.path)
	})
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.path
}

func build(dataDir, path string) error {
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	_, err := ingest.Build(context.Background(), ingest.Options{DataDir: dataDir, DBPath: path, Steps: pipeline.Steps(), Logger: quiet})
	return err
}

// overlayData links the staged folders and the ingest fixtures of the
// sources that are not staged into dir/data.
func overlayData(dir, real string) (string, error) {
	data := filepath.Join(dir, "data")
	if err := os.Mkdir(data, 0o755); err != nil {
		return "", err
	}
	fixtures := filepath.Join(opendatatest.RepoRoot(), "ingest", "testdata", "tabular")
	links := map[string]string{}
	for _, sub := range []string{"cog", "geo", "qpv", "insee", "SOURCES.md"} {
		links[sub] = filepath.Join(real, sub)
	}
	for _, sub := range []string{"filosofi", "caf"} {
		links[sub] = filepath.Join(fixtures, sub)
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(data, name)); err != nil {
			return "", err
		}
	}
	return data, nil
}
