// obs ingest end to end: the command builds the full store, with its
// facts, and says where it is.

package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/region-bretagne/obs/store"
)

func TestIngestCommand(t *testing.T) {
	data := stagedData(t)
	path := filepath.Join(t.TempDir(), "obs.duckdb")
	out, err := runCLI(t, "ingest", "--data", data, "--db", path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Magasin "+path+" prêt") {
		t.Errorf("output %q", out)
	}
	db, err := store.Open(context.Background(), path, true)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var communes, facts int
	if err := db.QueryRow(`SELECT (SELECT count(*) FROM territory WHERE level='commune' AND cog=2026), (SELECT count(*) FROM fact)`).Scan(&communes, &facts); err != nil {
		t.Fatal(err)
	}
	if communes != 1202 || facts == 0 {
		t.Errorf("%d communes, %d facts: want the frame (1 202 communes) and the cube", communes, facts)
	}
}
