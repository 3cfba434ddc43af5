// Geometry helpers for tests.

package ingest

import (
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

func parseGeometry(t testing.TB, js string) orb.Geometry {
	t.Helper()
	g, err := geojson.UnmarshalGeometry([]byte(js))
	if err != nil {
		t.Fatalf("geometry: %v", err)
	}
	return g.Geometry()
}

func polygonsOf(g orb.Geometry) orb.MultiPolygon {
	switch t := g.(type) {
	case orb.Polygon:
		return orb.MultiPolygon{t}
	case orb.MultiPolygon:
		return t
	}
	return nil
}
