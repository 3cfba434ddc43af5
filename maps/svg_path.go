// This file projects geometries to Lambert-93, fits them to the drawing
// area and writes them as compact SVG path data.

package maps

import (
	"math"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
)

// viewport maps Lambert-93 metres to SVG pixels: x grows east, y grows
// down, one scale for both axes so that shapes keep their proportions.
type viewport struct {
	minX, maxY float64 // Lambert-93 corner drawn at (offX, offY)
	scale      float64 // pixels per metre
	offX, offY float64
}

// fitViewport centres bound (Lambert-93) in the box (x, y, w, h), pixels.
func fitViewport(bound orb.Bound, x, y, w, h float64) viewport {
	bw, bh := bound.Max[0]-bound.Min[0], bound.Max[1]-bound.Min[1]
	scale := 1.0
	switch {
	case bw > 0 && bh > 0:
		scale = math.Min(w/bw, h/bh)
	case bw > 0:
		scale = w / bw
	case bh > 0:
		scale = h / bh
	}
	return viewport{
		minX:  bound.Min[0],
		maxY:  bound.Max[1],
		scale: scale,
		offX:  x + (w-bw*scale)/2,
		offY:  y + (h-bh*scale)/2,
	}
}

// tenths returns the pixel position of a Lambert-93 point in tenths of a
// pixel: the precision kept in the SVG.
func (v viewport) tenths(p orb.Point) (int64, int64) {
	x := v.offX + (p[0]-v.minX)*v.scale
	y := v.offY + (v.maxY-p[1])*v.scale
	return int64(math.Round(x * 10)), int64(math.Round(y * 10))
}

// pathData writes the SVG path data of a projected geometry: an absolute
// move to each ring's first point, then relative lines between points
// rounded to 0.1 px, dropping points that round onto the previous one.
// Polygon rings are closed with Z; lines are left open. Points are
// ignored.
func pathData(b *strings.Builder, g orb.Geometry, v viewport) {
	switch g := g.(type) {
	case orb.Polygon:
		for _, r := range g {
			writeRun(b, orb.LineString(r), v, true)
		}
	case orb.MultiPolygon:
		for _, p := range g {
			pathData(b, p, v)
		}
	case orb.Ring:
		writeRun(b, orb.LineString(g), v, true)
	case orb.LineString:
		writeRun(b, g, v, false)
	case orb.MultiLineString:
		for _, l := range g {
			writeRun(b, l, v, false)
		}
	case orb.Collection:
		for _, c := range g {
			pathData(b, c, v)
		}
	case orb.Bound:
		pathData(b, g.ToPolygon(), v)
	}
}

// writeRun writes one ring or line.
func writeRun(b *strings.Builder, pts orb.LineString, v viewport, closed bool) {
	if len(pts) < 2 {
		return
	}
	x0, y0 := v.tenths(pts[0])
	b.WriteByte('M')
	writeTenths(b, x0)
	b.WriteByte(' ')
	writeTenths(b, y0)
	px, py := x0, y0
	wrote := false
	for _, p := range pts[1:] {
		x, y := v.tenths(p)
		if x == px && y == py {
			continue
		}
		if !wrote {
			b.WriteByte('l')
			wrote = true
		} else if x-px >= 0 {
			b.WriteByte(' ')
		}
		writeTenths(b, x-px)
		if y-py >= 0 {
			b.WriteByte(' ')
		}
		writeTenths(b, y-py)
		px, py = x, y
	}
	if closed {
		b.WriteByte('Z')
	}
}

// writeTenths writes n/10 with at most one decimal: 123 → "12.3",
// -5 → "-0.5", 40 → "4".
func writeTenths(b *strings.Builder, n int64) {
	if n < 0 {
		b.WriteByte('-')
		n = -n
	}
	b.WriteString(strconv.FormatInt(n/10, 10))
	if d := n % 10; d != 0 {
		b.WriteByte('.')
		b.WriteByte(byte('0' + d))
	}
}

// projectedBound is the Lambert-93 bound of geometries (already projected).
func projectedBound(gs []orb.Geometry) (orb.Bound, bool) {
	var bound orb.Bound
	found := false
	for _, g := range gs {
		if g == nil {
			continue
		}
		gb := g.Bound()
		if !found {
			bound, found = gb, true
		} else {
			bound = bound.Union(gb)
		}
	}
	return bound, found
}
