// This file builds the GeoJSON that an interactive map registers with
// echarts.registerMap: territories in Lambert-93 metres, named by code.

package maps

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/project"
	"github.com/region-bretagne/obs/lambert93"
)

// Feature names of the lines drawn over the territories.
const (
	overlayFeature = "obs-overlay"
	qpvFeature     = "obs-qpv"
)

// echartsGeoJSON returns the FeatureCollection registered for spec: one
// feature per area whose property "name" is the territory code (the key
// echarts joins data items on, stable across renames), then the overlay
// and QPV outlines as line features. Coordinates are Lambert-93 metres
// rounded to the metre: echarts draws them linearly (aspectScale 1), so the
// interactive map has the same shape as the static one, not the
// plate carrée distortion of raw lon/lat. It also returns the map name,
// derived from a hash of the GeoJSON, so two different maps in one page
// never overwrite each other's registration.
func echartsGeoJSON(spec ChoroplethSpec) (raw []byte, name string, err error) {
	fc := geojson.NewFeatureCollection()
	seen := make(map[string]int, len(spec.Areas))
	for i, a := range spec.Areas {
		if a.Geom == nil {
			return nil, "", fmt.Errorf("maps: area %d (%s) has no geometry", i, a.Code)
		}
		switch a.Geom.(type) {
		case orb.Polygon, orb.MultiPolygon:
		default:
			return nil, "", fmt.Errorf("maps: area %d (%s): geometry %s, want Polygon or MultiPolygon", i, a.Code, a.Geom.GeoJSONType())
		}
		if a.Code == "" {
			return nil, "", fmt.Errorf("maps: area %d has no code", i)
		}
		if j, dup := seen[a.Code]; dup {
			return nil, "", fmt.Errorf("maps: areas %d and %d share the code %s", j, i, a.Code)
		}
		seen[a.Code] = i
		f := geojson.NewFeature(metreGrid(a.Geom))
		f.Properties["name"] = a.Code
		fc.Append(f)
	}
	for _, layer := range []struct {
		name  string
		geoms []orb.Geometry
	}{{overlayFeature, spec.Overlay}, {qpvFeature, spec.QPV}} {
		if lines := outlines(layer.geoms); len(lines) > 0 {
			f := geojson.NewFeature(metreGrid(lines))
			f.Properties["name"] = layer.name
			fc.Append(f)
		}
	}
	raw, err = fc.MarshalJSON()
	if err != nil {
		return nil, "", fmt.Errorf("maps: encoding the map's GeoJSON: %w", err)
	}
	sum := sha256.Sum256(raw)
	return raw, "obs-" + hex.EncodeToString(sum[:6]), nil
}

// metreGrid projects a WGS84 geometry to Lambert-93, rounded to the metre.
func metreGrid(g orb.Geometry) orb.Geometry {
	return project.Geometry(orb.Clone(g), func(p orb.Point) orb.Point {
		q := lambert93.Project(p)
		return orb.Point{math.Round(q[0]), math.Round(q[1])}
	})
}

// outlines turns polygons and lines into one MultiLineString (polygon rings
// become closed lines), so echarts strokes them without filling.
func outlines(gs []orb.Geometry) orb.MultiLineString {
	var out orb.MultiLineString
	var add func(g orb.Geometry)
	add = func(g orb.Geometry) {
		switch g := g.(type) {
		case orb.Polygon:
			for _, r := range g {
				out = append(out, orb.LineString(r))
			}
		case orb.MultiPolygon:
			for _, p := range g {
				add(p)
			}
		case orb.LineString:
			out = append(out, g)
		case orb.MultiLineString:
			out = append(out, g...)
		case orb.Ring:
			out = append(out, orb.LineString(g))
		case orb.Collection:
			for _, c := range g {
				add(c)
			}
		}
	}
	for _, g := range gs {
		add(g)
	}
	return out
}
