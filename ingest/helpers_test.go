// Shared test fixtures: the staged data folder, and stores built from it
// once per test binary.

package ingest

import (
	"context"
	"database/sql"
	"github.com/region-bretagne/obs/opendatatest"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/region-bretagne/obs/store"
)

// stagedData returns the real open-data folder, or skips the test
// (failing it in CI, where the data must be present).
func stagedData(t testing.TB) string {
	t.Helper()
	return opendatatest.Dir(t)
}

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

var (
	builtOnce sync.Once
	builtPath string
	builtErr  error
)

// builtStore returns a store built once from the staged data.
func builtStore(t testing.TB) *sql.DB {
	t.Helper()
	data := stagedData(t)
	builtOnce.Do(func() {
		dir, err := os.MkdirTemp("", "obs-ingest-test-")
		if err != nil {
			builtErr = err
			return
		}
		builtPath = filepath.Join(dir, "obs.duckdb")
		_, builtErr = Build(context.Background(), Options{DataDir: data, DBPath: builtPath, Steps: FrameSteps(), Logger: quiet})
	})
	if builtErr != nil {
		t.Fatalf("build: %v", builtErr)
	}
	db, err := store.Open(context.Background(), builtPath, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// queryInt runs a query returning one integer.
func queryInt(t testing.TB, db *sql.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// linkedData makes a data folder of symlinks to the staged files, in which
// a test can replace one file.
func linkedData(t testing.TB) string {
	t.Helper()
	src := stagedData(t)
	dst := t.TempDir()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		return os.Symlink(p, filepath.Join(dst, rel))
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// replaceFile swaps a linked file for new content.
func replaceFile(t testing.TB, dir, rel string, content []byte) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	os.Remove(p)
	if content == nil {
		return
	}
	if err := os.WriteFile(p, content, 0o644); err != nil {
		t.Fatal(err)
	}
}

func openRO(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := store.Open(context.Background(), path, true)
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func itoa(n int) string { return strconv.Itoa(n) }
