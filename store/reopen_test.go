package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestReopenSeesSwappedStore: a reader opened after an ingest swapped a new
// file in must read the new store, while an older reader keeps the old one.
func TestReopenSeesSwappedStore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	make := func(path, note string) {
		db, err := Create(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`INSERT INTO ingest_note VALUES ('s', 'x', ?)`, note); err != nil {
			t.Fatal(err)
		}
		db.Exec("CHECKPOINT")
		db.Close()
	}
	path := filepath.Join(dir, "obs.duckdb")
	make(path, "old")
	make(path+".new", "new")
	note := func(p string) (string, func()) {
		db, err := Open(ctx, p, true)
		if err != nil {
			t.Fatal(err)
		}
		var s string
		if err := db.QueryRow(`SELECT note FROM ingest_note`).Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s, func() { db.Close() }
	}
	old, closeOld := note(path)
	defer closeOld()
	if err := os.Rename(path+".new", path); err != nil {
		t.Fatal(err)
	}
	now, closeNew := note(path)
	defer closeNew()
	if old != "old" || now != "new" {
		t.Errorf("before the swap %q, after %q; want old and new", old, now)
	}
}
