// This file projects WGS84 longitude/latitude to Lambert-93 (EPSG:2154),
// the legal projection of mainland France.

package lambert93

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/project"
)

// Lambert-93 parameters (IGN, EPSG:2154): Lambert Conformal Conic with two
// standard parallels on the GRS80 ellipsoid.
const (
	grs80A        = 6378137.0            // semi-major axis, metres
	grs80InvF     = 298.257222101        // inverse flattening
	lambert93Lat0 = 46.5 * math.Pi / 180 // latitude of origin
	lambert93Lon0 = 3.0 * math.Pi / 180  // central meridian
	lambert93Lat1 = 49.0 * math.Pi / 180 // first standard parallel
	lambert93Lat2 = 44.0 * math.Pi / 180 // second standard parallel
	lambert93X0   = 700000.0             // false easting, metres
	lambert93Y0   = 6600000.0            // false northing, metres
)

// lcc holds the constants of the cone, computed once.
var lcc = func() (c struct{ e, n, aF, rho0 float64 }) {
	f := 1 / grs80InvF
	c.e = math.Sqrt(2*f - f*f)
	m1, m2 := lccM(lambert93Lat1, c.e), lccM(lambert93Lat2, c.e)
	t1, t2 := lccT(lambert93Lat1, c.e), lccT(lambert93Lat2, c.e)
	c.n = (math.Log(m1) - math.Log(m2)) / (math.Log(t1) - math.Log(t2))
	c.aF = grs80A * m1 / (c.n * math.Pow(t1, c.n))
	c.rho0 = c.aF * math.Pow(lccT(lambert93Lat0, c.e), c.n)
	return c
}()

// lccM is m(φ) = cos φ / √(1 − e² sin² φ).
func lccM(phi, e float64) float64 {
	s := math.Sin(phi)
	return math.Cos(phi) / math.Sqrt(1-e*e*s*s)
}

// lccT is t(φ) = tan(π/4 − φ/2) / ((1 − e sin φ)/(1 + e sin φ))^(e/2).
func lccT(phi, e float64) float64 {
	s := math.Sin(phi)
	return math.Tan(math.Pi/4-phi/2) / math.Pow((1-e*s)/(1+e*s), e/2)
}

// Project projects a WGS84 point (X = longitude, Y = latitude, in
// degrees) to Lambert-93 metres (X = easting, Y = northing). WGS84 and
// RGF93 are taken as identical, as PROJ does (the null transformation), so
// there is no datum shift. It has the orb.Projection signature:
//
//	project.Geometry(g, lambert93.Project)
//
// Note that project.Geometry projects in place: clone g first if the caller
// still needs the lon/lat version.
func Project(p orb.Point) orb.Point {
	phi := p[1] * math.Pi / 180
	lambda := p[0] * math.Pi / 180
	rho := lcc.aF * math.Pow(lccT(phi, lcc.e), lcc.n)
	theta := lcc.n * (lambda - lambert93Lon0)
	return orb.Point{
		lambert93X0 + rho*math.Sin(theta),
		lambert93Y0 + lcc.rho0 - rho*math.Cos(theta),
	}
}

// Geometry returns a projected copy of a WGS84 geometry (nil stays nil).
func Geometry(g orb.Geometry) orb.Geometry {
	if g == nil {
		return nil
	}
	return project.Geometry(orb.Clone(g), Project)
}
