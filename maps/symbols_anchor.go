// This file finds the point of a territory where its proportional symbol
// is centred: inside the territory, even when it is concave or made of
// several parts (islands).

package maps

import (
	"math"
	"sort"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// interiorPoint returns the anchor of a projected Polygon or MultiPolygon:
// the centroid of its largest polygon (by area, holes removed) when that
// centroid lies inside the polygon, else the middle of the widest inside
// span of a horizontal line through the centroid (the scan-line method of
// JTS' InteriorPointArea), which is inside by construction. It is false
// for an empty geometry.
func interiorPoint(g orb.Geometry) (orb.Point, bool) {
	var poly orb.Polygon
	switch g := g.(type) {
	case orb.Polygon:
		poly = g
	case orb.MultiPolygon:
		best := -1.0
		for _, p := range g {
			if a := planar.Area(p); a > best {
				poly, best = p, a
			}
		}
	}
	if len(poly) == 0 || len(poly[0]) == 0 {
		return orb.Point{}, false
	}
	c, area := planar.CentroidArea(poly)
	if area > 0 && planar.PolygonContains(poly, c) {
		return c, true
	}
	for _, y := range []float64{c[1], poly.Bound().Center()[1]} {
		if p, ok := scanLinePoint(poly, y); ok {
			return p, true
		}
	}
	return poly[0][0], true
}

// scanLinePoint returns the middle of the widest span of the horizontal
// line at y that lies inside poly (even-odd rule over all its rings). An
// edge counts when one end is at or below y and the other above, so a line
// through a vertex crosses each ring consistently.
func scanLinePoint(poly orb.Polygon, y float64) (orb.Point, bool) {
	if math.IsNaN(y) {
		return orb.Point{}, false
	}
	var xs []float64
	for _, r := range poly {
		for i := 0; i+1 < len(r); i++ {
			a, b := r[i], r[i+1]
			if (a[1] <= y) == (b[1] <= y) {
				continue
			}
			xs = append(xs, a[0]+(y-a[1])*(b[0]-a[0])/(b[1]-a[1]))
		}
	}
	sort.Float64s(xs)
	best, found := 0.0, false
	var p orb.Point
	for i := 0; i+1 < len(xs); i += 2 {
		if w := xs[i+1] - xs[i]; w > 0 && (!found || w > best) {
			best, found = w, true
			p = orb.Point{(xs[i] + xs[i+1]) / 2, y}
		}
	}
	return p, found
}
