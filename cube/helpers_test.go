// Shared test fixtures: the cube of the full store (pipelinetest), from
// the staged data with or without the fixtures of the sources not staged.

package cube_test

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"sync"
	"testing"

	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/opendatatest"
	"github.com/region-bretagne/obs/pipeline/pipelinetest"
	"github.com/region-bretagne/obs/store"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// stagedData returns the real open-data folder, or skips the test
// (failing it in CI, where the data must be present).
func stagedData(t testing.TB) string {
	t.Helper()
	return opendatatest.Dir(t)
}

// opened is a store opened once, with its cube.
type opened struct {
	once sync.Once
	db   *sql.DB
	cube *cube.Cube
	err  error
}

var realStore, overlayStore opened

func (o *opened) get(t testing.TB, path string) (*sql.DB, *cube.Cube) {
	t.Helper()
	o.once.Do(func() {
		ctx := context.Background()
		if o.db, o.err = store.Open(ctx, path, true); o.err != nil {
			return
		}
		o.cube, o.err = cube.Open(ctx, o.db)
	})
	if o.err != nil {
		t.Fatal(o.err)
	}
	return o.db, o.cube
}

// realCube is the cube of the staged data alone.
func realCube(t testing.TB) (*sql.DB, *cube.Cube) {
	return realStore.get(t, pipelinetest.Store(t))
}

// overlayCube is the cube of the staged data plus the fixtures.
func overlayCube(t testing.TB) (*sql.DB, *cube.Cube) {
	return overlayStore.get(t, pipelinetest.OverlayStore(t))
}
