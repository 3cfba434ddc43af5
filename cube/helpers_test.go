// Shared test fixtures: stores built once per test binary from the staged
// data, with or without the fixtures of the sources not staged.

package cube

import (
	"context"
	"database/sql"
	"github.com/region-bretagne/obs/opendatatest"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/region-bretagne/obs/ingest"
	"github.com/region-bretagne/obs/store"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// stagedData returns the real open-data folder ($OBS_DATA or
// ../../shared/opendata from this package), or skips the test (failing it
// in CI, where the data must be present).
func stagedData(t testing.TB) string {
	t.Helper()
	return opendatatest.Dir(t)
}

// overlayData links the real staged folders and the ingest fixtures of the
// sources that are not staged (Filosofi supra files, CAF) into one folder.
func overlayData(t testing.TB, real string) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "obs-cube-data-")
	if err != nil {
		t.Fatal(err)
	}
	for _, sub := range []string{"cog", "geo", "qpv", "insee", "SOURCES.md"} {
		if err := os.Symlink(filepath.Join(real, sub), filepath.Join(dir, sub)); err != nil {
			t.Fatal(err)
		}
	}
	fixtures, err := filepath.Abs(filepath.Join("..", "ingest", "testdata", "tabular"))
	if err != nil {
		t.Fatal(err)
	}
	for _, sub := range []string{"filosofi", "caf"} {
		if err := os.Symlink(filepath.Join(fixtures, sub), filepath.Join(dir, sub)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

type built struct {
	once sync.Once
	db   *sql.DB
	cube *Cube
	err  error
}

var realStore, overlayStore built

// build ingests dataDir with the tabular and cube steps into a temporary
// store, and opens the cube on it.
func (b *built) get(t testing.TB, dataDir func() string) (*sql.DB, *Cube) {
	t.Helper()
	b.once.Do(func() {
		dir, err := os.MkdirTemp("", "obs-cube-test-")
		if err != nil {
			b.err = err
			return
		}
		path := filepath.Join(dir, "obs.duckdb")
		ctx := context.Background()
		if _, b.err = ingest.Build(ctx, ingest.Options{DataDir: dataDir(), DBPath: path, Steps: []ingest.Step{ingest.TabularStep(), Step()}, Logger: quiet}); b.err != nil {
			return
		}
		if b.db, b.err = store.Open(ctx, path, true); b.err != nil {
			return
		}
		b.cube, b.err = Open(ctx, b.db)
	})
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.db, b.cube
}

// realCube is the cube of the staged data alone.
func realCube(t testing.TB) (*sql.DB, *Cube) {
	data := stagedData(t)
	return realStore.get(t, func() string { return data })
}

// overlayCube is the cube of the staged data plus the fixtures.
func overlayCube(t testing.TB) (*sql.DB, *Cube) {
	data := stagedData(t)
	return overlayStore.get(t, func() string { return overlayData(t, data) })
}
