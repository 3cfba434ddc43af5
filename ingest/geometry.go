// Geometry preparation: dissolving merged communes into one shape (with
// simplefeatures, pure Go), simplifying for the web, and serialising.

package ingest

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/simplify"
	sf "github.com/peterstace/simplefeatures/geom"
)

// WebTolerance is the Douglas–Peucker tolerance, in degrees, of the web
// geometries: about 100 m, a third of a pixel on an 800-pixel map of the
// region, which keeps the 1,202 communes under 1 MB of GeoJSON. Analysis
// and close-up maps use the full-precision geometry.
const WebTolerance = 0.0012

// webDecimals is the number of decimals kept in web geometries (about 10 m).
const webDecimals = 4

// dissolve unions polygons into one geometry with no internal borders.
func dissolve(parts []orb.Geometry) (orb.Geometry, error) {
	if len(parts) == 1 {
		return parts[0], nil
	}
	gs := make([]sf.Geometry, len(parts))
	for i, p := range parts {
		var err error
		if gs[i], err = toSF(p); err != nil {
			return nil, fmt.Errorf("dissolve: part %d: %w", i, err)
		}
	}
	u, err := sf.UnionMany(gs)
	if err != nil {
		return nil, fmt.Errorf("dissolve: %w", err)
	}
	g, err := wkb.Unmarshal(u.AsBinary())
	if err != nil {
		return nil, fmt.Errorf("dissolve: %w", err)
	}
	return g, nil
}

// toSF converts an orb geometry to a simplefeatures one.
func toSF(g orb.Geometry) (sf.Geometry, error) {
	b, err := wkb.Marshal(g)
	if err != nil {
		return sf.Geometry{}, err
	}
	return sf.UnmarshalWKB(b)
}

// web returns the simplified, rounded version of g for web maps.
func web(g orb.Geometry) orb.Geometry {
	s := simplify.DouglasPeucker(WebTolerance).Simplify(orb.Clone(g))
	return roundGeom(dropDegenerate(s), webDecimals)
}

// dropDegenerate removes rings that simplification collapsed below 4 points
// (keeping each polygon's outer ring, which DP never collapses below 4).
func dropDegenerate(g orb.Geometry) orb.Geometry {
	clean := func(p orb.Polygon) orb.Polygon {
		out := orb.Polygon{p[0]}
		for _, r := range p[1:] {
			if len(r) >= 4 {
				out = append(out, r)
			}
		}
		return out
	}
	switch t := g.(type) {
	case orb.Polygon:
		return clean(t)
	case orb.MultiPolygon:
		var out orb.MultiPolygon
		for _, p := range t {
			if len(p) > 0 && len(p[0]) >= 4 {
				out = append(out, clean(p))
			}
		}
		return out
	}
	return g
}

func roundGeom(g orb.Geometry, decimals int) orb.Geometry {
	f := math.Pow10(decimals)
	rp := func(r orb.Ring) orb.Ring {
		out := make(orb.Ring, 0, len(r))
		for _, p := range r {
			q := orb.Point{math.Round(p[0]*f) / f, math.Round(p[1]*f) / f}
			if len(out) > 0 && out[len(out)-1] == q {
				continue
			}
			out = append(out, q)
		}
		if len(out) > 0 && out[0] != out[len(out)-1] {
			out = append(out, out[0])
		}
		return out
	}
	switch t := g.(type) {
	case orb.Polygon:
		out := make(orb.Polygon, len(t))
		for i, r := range t {
			out[i] = rp(r)
		}
		return out
	case orb.MultiPolygon:
		out := make(orb.MultiPolygon, len(t))
		for i, p := range t {
			out[i] = roundGeom(p, decimals).(orb.Polygon)
		}
		return out
	}
	return g
}

// geometryJSON serialises a geometry object as GeoJSON.
func geometryJSON(g orb.Geometry) (string, error) {
	b, err := json.Marshal(geojson.NewGeometry(g))
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// geometryRow builds a `geometry` table row: GeoJSON for people and
// tools, WKB for fast reading, full precision and simplified.
func geometryRow(cog int, level, code, geoVintage string, g orb.Geometry, sourceID string) ([]any, error) {
	w := web(g)
	full, err := geometryJSON(g)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", level, code, err)
	}
	webJSON, err := geometryJSON(w)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", level, code, err)
	}
	fullWKB, err := wkb.Marshal(g)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", level, code, err)
	}
	webWKB, err := wkb.Marshal(w)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", level, code, err)
	}
	b := g.Bound()
	return []any{cog, level, code, geoVintage, full, webJSON, b.Min[0], b.Min[1], b.Max[0], b.Max[1], sourceID, fullWKB, webWKB}, nil
}
