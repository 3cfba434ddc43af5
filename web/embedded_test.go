// Tests for the echarts embedded in the binary.

package web

import (
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

func TestEmbeddedFrom(t *testing.T) {
	tests := []struct {
		name        string
		fsys        fstest.MapFS
		wantVersion string
		wantErr     string
	}{
		{"built with echarts", fstest.MapFS{
			"dist/echarts.min.js":       {Data: []byte("var echarts={};")},
			"dist/echarts.package.json": {Data: []byte(`{"name":"echarts","version":"6.1.0"}`)},
		}, "6.1.0", ""},
		{"built without the npm step", fstest.MapFS{"dist/README.md": {Data: []byte("x")}}, "", "run `make build`"},
		{"empty file", fstest.MapFS{"dist/echarts.min.js": {Data: nil}}, "", "run `make build`"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, err := embeddedFrom(tc.fsys)
			if tc.wantErr != "" {
				if !errors.Is(err, ErrNotInstalled) || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want ErrNotInstalled saying %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || e.Version != tc.wantVersion || string(e.JS) != "var echarts={};" || e.etag == "" {
				t.Errorf("got %+v, %v", e, err)
			}
		})
	}
}

// TestRealEmbedded checks the library embedded in this build (see
// TestRealAssetInstalled for when it is skipped).
func TestRealEmbedded(t *testing.T) {
	e, err := Embedded()
	if errors.Is(err, ErrNotInstalled) && os.Getenv("CI") == "" {
		t.Skipf("echarts not embedded: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if e.Version != PinnedVersion || len(e.JS) < 100_000 {
		t.Errorf("embedded echarts %q (%d bytes), want %s", e.Version, len(e.JS), PinnedVersion)
	}
}
