// Build runs the steps it is given, and refuses to build a store from
// none (the recipe of the full store is pipeline.Steps).

package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBuildNeedsSteps(t *testing.T) {
	path := filepath.Join(t.TempDir(), "obs.duckdb")
	_, err := Build(context.Background(), Options{DataDir: t.TempDir(), DBPath: path, Logger: quiet})
	if err == nil || !strings.Contains(err.Error(), "pipeline.Steps()") {
		t.Fatalf("build without steps: %v, want an error naming the recipe", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a store was created: %v", err)
	}
}
