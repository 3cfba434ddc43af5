// This file loads real Breton commune shapes and Filosofi values for the
// map tests, straight from the shared open data (no database).

package maps

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/paulmach/orb/geojson"

	"github.com/region-bretagne/obs/opendatatest"
	"github.com/region-bretagne/obs/value"
)

// realCommuneAreas joins geo/communes-bretagne.geojson (COG 2018) with
// MED21 of the comparateur (COG 2024): "s" is secret, "nd", empty or a
// commune absent from the file is missing.
func realCommuneAreas(t testing.TB) []Area {
	t.Helper()
	dir := opendatatest.Dir(t)
	raw, err := os.ReadFile(filepath.Join(dir, "geo", "communes-bretagne.geojson"))
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("open data missing: %v", err)
		}
		t.Skipf("open data missing: %v", err)
	}
	fc, err := geojson.UnmarshalFeatureCollection(raw)
	if err != nil {
		t.Fatalf("communes-bretagne.geojson: %v", err)
	}
	med := map[string]string{}
	path := filepath.Join(dir, "insee", "base_cc_comparateur_bretagne.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = ';'
	header, err := r.Read()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	codeCol, medCol := -1, -1
	for i, h := range header {
		switch h {
		case "CODGEO":
			codeCol = i
		case "MED21":
			medCol = i
		}
	}
	if codeCol < 0 || medCol < 0 {
		t.Fatalf("%s: no CODGEO or MED21 column", path)
	}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		med[rec[codeCol]] = rec[medCol]
	}
	areas := make([]Area, 0, len(fc.Features))
	for i, feat := range fc.Features {
		code, _ := feat.Properties["code"].(string)
		name, _ := feat.Properties["nom"].(string)
		if code == "" {
			t.Fatalf("feature %d has no code", i)
		}
		a := Area{Code: code, Name: name, Geom: feat.Geometry, Status: value.StatusMissing}
		switch s, ok := med[code]; {
		case !ok || s == "" || s == "nd":
		case s == "s":
			a.Status = value.StatusSecret
		default:
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatalf("%s: commune %s: MED21 %q: %v", path, code, s, err)
			}
			a.Value, a.Status = v, value.StatusOK
		}
		areas = append(areas, a)
	}
	return areas
}
