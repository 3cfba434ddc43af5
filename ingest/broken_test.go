// Broken inputs: each must fail with a message naming the file and the
// place, and leave the previous store untouched.

package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBrokenInputs(t *testing.T) {
	real := stagedData(t)
	read := func(rel string) []byte {
		b, err := os.ReadFile(filepath.Join(real, rel))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	const (
		regions = "cog/decoupage-administratif-6.0.0/regions.json"
		deps    = "cog/decoupage-administratif-6.0.0/departements.json"
		epci    = "cog/decoupage-administratif-6.0.0/epci.json"
		commGeo = "geo/communes-bretagne.geojson"
		regGeo  = "geo/region-bretagne.geojson"
		depGeo  = "geo/departements-bretagne.geojson"
	)
	tests := []struct {
		name    string
		file    string
		content func() []byte // nil content: the file is removed
		want    []string      // every fragment must appear in the error
	}{
		{"truncated JSON", epci, func() []byte { b := read(epci); return b[:len(b)/2] },
			[]string{epci, "truncated"}},
		{"missing field", regions, func() []byte {
			return bytes.Replace(read(regions), []byte(`"nom":"Bretagne"`), []byte(`"name":"Bretagne"`), 1)
		}, []string{regions, "missing field \"nom\"", "element "}},
		{"duplicate code", deps, func() []byte {
			b := read(deps)
			return bytes.Replace(b, []byte(`"code":"29"`), []byte(`"code":"22"`), 1)
		}, []string{deps, "duplicate code 22", "element "}},
		{"unclosed ring", regGeo, func() []byte {
			b := read(regGeo)
			// Drop the closing point of the first ring.
			i := bytes.Index(b, []byte("]]]")) // end of the first polygon's outer ring
			j := bytes.LastIndex(b[:i], []byte(",["))
			return append(append([]byte{}, b[:j]...), b[i+1:]...)
		}, []string{regGeo, "feature 0", "is not closed"}},
		{"coordinates in metres", depGeo, func() []byte {
			b := read(depGeo)
			return bytes.Replace(b, []byte("[-3.4"), []byte("[251234.5"), 1)
		}, []string{depGeo, "feature ", "not longitude/latitude in degrees"}},
		{"file not there", commGeo, nil, []string{commGeo, "source file not found"}},
	}
	// The previous store, which every failed build must leave as it was.
	prev := filepath.Join(t.TempDir(), "obs.duckdb")
	if _, err := Build(context.Background(), Options{DataDir: real, DBPath: prev, Steps: FrameSteps(), Logger: quiet}); err != nil {
		t.Fatal(err)
	}
	sum := func() [32]byte {
		b, err := os.ReadFile(prev)
		if err != nil {
			t.Fatal(err)
		}
		return sha256.Sum256(b)
	}
	before := sum()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := linkedData(t)
			var content []byte
			if tc.content != nil {
				content = tc.content()
			}
			replaceFile(t, dir, tc.file, content)
			_, err := Build(context.Background(), Options{DataDir: dir, DBPath: prev, Steps: FrameSteps(), Logger: quiet})
			if err == nil {
				t.Fatal("build succeeded on a broken input")
			}
			t.Logf("error: %v", err)
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
			if after := sum(); after != before {
				t.Error("the previous store was modified")
			}
			if left, _ := filepath.Glob(prev + ".building-*"); len(left) > 0 {
				t.Errorf("temporary files left behind: %v", left)
			}
		})
	}
}

func TestIdempotent(t *testing.T) {
	data := stagedData(t)
	dir := t.TempDir()
	type snapshot struct{ counts, sums string }
	take := func(path string) snapshot {
		if _, err := Build(context.Background(), Options{DataDir: data, DBPath: path, Steps: FrameSteps(), Logger: quiet}); err != nil {
			t.Fatal(err)
		}
		db := openRO(t, path)
		var s snapshot
		for _, tbl := range []string{"source", "territory", "membership", "commune_map", "qpv_commune", "geometry", "ingest_note"} {
			s.counts += tbl + "=" + itoa(queryInt(t, db, "SELECT count(*) FROM "+tbl)) + " "
		}
		if err := db.QueryRow(`SELECT string_agg(id || ':' || sha256, ' ' ORDER BY id) FROM source`).Scan(&s.sums); err != nil {
			t.Fatal(err)
		}
		var geo string
		if err := db.QueryRow(`SELECT md5(string_agg(code || full_geojson || web_geojson, '' ORDER BY cog, level, code)) FROM geometry`).Scan(&geo); err != nil {
			t.Fatal(err)
		}
		s.sums += " geometry:" + geo
		db.Close()
		return s
	}
	path := filepath.Join(dir, "obs.duckdb")
	first := take(path)
	second := take(path) // the same path again: replaced in place
	if first != second {
		t.Errorf("two ingests differ:\n%v\n%v", first, second)
	}
}

// TestUnmappedPolygonReported: a 2018 polygon whose code belongs to no
// current commune is reported by code, not silently dropped.
func TestUnmappedPolygonReported(t *testing.T) {
	dir := linkedData(t)
	const commGeo = "geo/communes-bretagne.geojson"
	b, err := os.ReadFile(filepath.Join(stagedData(t), commGeo))
	if err != nil {
		t.Fatal(err)
	}
	extra := []byte(`{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[-2.0,48.0],[-1.99,48.0],[-1.99,48.01],[-2.0,48.0]]]},"properties":{"code":"35999","nom":"Commune fantôme"}},`)
	i := bytes.Index(b, []byte(`"features":[`)) + len(`"features":[`)
	replaceFile(t, dir, commGeo, append(append(append([]byte{}, b[:i]...), extra...), b[i:]...))
	path := filepath.Join(t.TempDir(), "obs.duckdb")
	if _, err := Build(context.Background(), Options{DataDir: dir, DBPath: path, Steps: FrameSteps(), Logger: quiet}); err != nil {
		t.Fatal(err)
	}
	db := openRO(t, path)
	defer db.Close()
	if n := queryInt(t, db, `SELECT count(*) FROM ingest_note WHERE step='communes-geometry' AND subject='35999' AND note LIKE '%aucune commune%'`); n != 2 {
		t.Errorf("%d notes for the phantom polygon, want one per COG vintage", n)
	}
}
