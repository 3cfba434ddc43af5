// Parser unit tests, fuzz targets and the ingest benchmark.

package ingest

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

func TestPositionAt(t *testing.T) {
	b := []byte("ab\ncde\n\nf")
	tests := []struct {
		off  int64
		want Position
	}{{0, Position{1, 1}}, {1, Position{1, 2}}, {3, Position{2, 1}}, {5, Position{2, 3}}, {7, Position{3, 1}}, {8, Position{4, 1}}, {99, Position{4, 2}}}
	for _, tc := range tests {
		if got := positionAt(b, tc.off); got != tc.want {
			t.Errorf("positionAt(%d) = %v, want %v", tc.off, got, tc.want)
		}
	}
}

func TestParseCommunes(t *testing.T) {
	tests := []struct {
		name, json string
		wantErr    string // empty: must parse
		resolve    map[string]string
	}{
		{"merge", `[
{"code":"35001","nom":"A","type":"commune-actuelle","departement":"35","region":"53","population":10,"anciensCodes":["35002"]},
{"code":"35002","nom":"B","type":"commune-deleguee","chefLieu":"35001","departement":"35","region":"53"},
{"code":"75056","nom":"Paris","type":"commune-actuelle","departement":"75","region":"11","population":5}]`, "",
			map[string]string{"35001": "35001", "35002": "35001", "75056": ""}},
		{"truncated", `[{"code":"35001","nom":"A","type":"commune-act`, "1:47: element 0: file is truncated", nil},
		{"missing name", "[\n{\"code\":\"35001\",\"type\":\"commune-actuelle\",\"departement\":\"35\",\"region\":\"53\"}]", `2:1: element 0 (code 35001): missing field "nom"`, nil},
		{"duplicate", `[{"code":"35001","nom":"A","type":"commune-actuelle","departement":"35","region":"53"},
{"code":"35001","nom":"A","type":"commune-actuelle","departement":"35","region":"53"}]`, "2:1: element 1 (code 35001): duplicate commune-actuelle code 35001 (first at element 0)", nil},
		{"no Breton commune", `[]`, "no current commune of region 53", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := parseCommunes(&File{Source: Source{Path: "communes.json"}, Bytes: []byte(tc.json)}, 2026)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want %q", err, tc.wantErr)
				}
				var pe *ParseError
				if !errors.As(err, &pe) || pe.File != "communes.json" {
					t.Errorf("error %v is not a ParseError naming the file", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for code, want := range tc.resolve {
				if got, _ := c.Resolve(code); got != want {
					t.Errorf("Resolve(%s) = %q, want %q", code, got, want)
				}
			}
		})
	}
}

func FuzzParseCommunes(f *testing.F) {
	f.Add([]byte(`[{"code":"35001","nom":"A","type":"commune-actuelle","departement":"35","region":"53","anciensCodes":["35002"]}]`))
	f.Add([]byte(`[{"code":"35002","nom":"B","type":"commune-deleguee","chefLieu":"35002","region":"53"}]`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := parseCommunes(&File{Source: Source{Path: "f.json"}, Bytes: b}, 2026)
		if err == nil {
			for code := range c.ByCode {
				if got, ok := c.Resolve(code); !ok || got != code {
					t.Fatalf("current commune %s resolves to %q", code, got)
				}
			}
		}
	})
}

func FuzzReadFeatures(f *testing.F) {
	f.Add([]byte(`{"type":"Feature","properties":{"code":"53"},"geometry":{"type":"Polygon","coordinates":[[[-3,48],[-2,48],[-2,47.5],[-3,48]]]}}`))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"22"},"geometry":{"type":"MultiPolygon","coordinates":[[[[-3,48],[-2,48],[-2,47.5],[-3,48]]]]}}]}`))
	f.Add([]byte(`{"type":"FeatureCollection","features":[`))
	f.Fuzz(func(t *testing.T, b []byte) {
		feats, err := readFeatures(&File{Source: Source{Path: "f.geojson"}, Bytes: b})
		if err != nil {
			return
		}
		for _, ft := range feats {
			if validatePolygonal(ft.Geom) != nil {
				t.Fatalf("feature %d accepted but invalid", ft.Index)
			}
		}
	})
}

// BenchmarkIngestGeography times the whole territorial frame: both COG
// vintages, geometries (dissolves, simplification), QPV, checks and swap.
func BenchmarkIngestGeography(b *testing.B) {
	data := stagedData(b)
	path := filepath.Join(b.TempDir(), "obs.duckdb")
	for b.Loop() {
		if _, err := Build(context.Background(), Options{DataDir: data, DBPath: path, Steps: FrameSteps(), Logger: quiet}); err != nil {
			b.Fatal(err)
		}
	}
}
