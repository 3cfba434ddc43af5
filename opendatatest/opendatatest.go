// Dir: where the staged open data lives for a test.

package opendatatest

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the absolute path of the staged open-data folder.
func Dir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("OBS_DATA")
	if dir == "" {
		dir = filepath.Join(RepoRoot(), "..", "shared", "opendata")
	}
	if _, err := os.Stat(filepath.Join(dir, "SOURCES.md")); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("staged data not found at %s (set OBS_DATA): %v", dir, err)
		}
		t.Skipf("staged data not found at %s", dir)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// RepoRoot walks up from the working directory to the folder with go.mod.
func RepoRoot() string {
	wd, _ := os.Getwd()
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return wd
		}
	}
}
