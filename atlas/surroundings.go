// Surroundings maps: a regional choropleth cut down to the neighbourhood of
// one territory (a bounding box around a commune or an EPCI, the communes
// of a département), keeping the regional classes so that colours mean the
// same on every fact sheet.

package atlas

import (
	"context"
	"fmt"
	"math"

	"github.com/paulmach/orb"
	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/value"
)

// minNeighbours is the fewest areas a commune's or an EPCI's surroundings
// map shows.
const minNeighbours = 12

// SurroundingsLevel is the level of the areas drawn around a territory:
// communes for a commune, an EPCI or a département; EPCI for the region.
func SurroundingsLevel(level value.Level) value.Level {
	if level == value.LevelRegion {
		return value.LevelEPCI
	}
	return value.LevelCommune
}

// Surroundings restricts m, a choropleth of the whole region at
// SurroundingsLevel(level of code), to the territory's surroundings:
//   - a commune: the communes meeting a box three times its size (at least
//     about 12 km across, widened until it holds a dozen communes), the
//     commune outlined, its EPCI's border drawn;
//   - an EPCI: its communes and those meeting a box 25 % larger than it,
//     its border drawn;
//   - a département: its communes, with the EPCI borders;
//   - the region: every EPCI, with the département borders.
//
// The classes (m.Spec.Breaks) are the regional ones; the legend counts only
// the areas drawn. m is not modified.
func (a *Atlas) Surroundings(ctx context.Context, m *Map, code string) (*Map, error) {
	t, err := a.Cube.Territory(code)
	if err != nil {
		return nil, err
	}
	spec := m.Spec
	spec.Areas, spec.Overlay, spec.QPV, spec.Highlight = nil, nil, nil, ""
	keep := map[string]bool{}
	switch t.Level {
	case value.LevelRegion:
		spec.Areas = m.Spec.Areas
		if spec.Overlay, err = a.outlines(ctx, value.LevelDepartement, func(string) bool { return true }); err != nil {
			return nil, err
		}
		spec.Subtitle = "Intercommunalités de Bretagne"
	case value.LevelDepartement:
		for _, c := range a.Cube.Territories(value.LevelCommune) {
			keep[c.Code] = c.Departement == t.Code
		}
		for _, ar := range m.Spec.Areas {
			if keep[ar.Code] {
				spec.Areas = append(spec.Areas, ar)
			}
		}
		inDep := map[string]bool{}
		for _, e := range a.Cube.Territories(value.LevelEPCI) {
			inDep[e.Code] = e.Departement == t.Code
		}
		if spec.Overlay, err = a.outlines(ctx, value.LevelEPCI, func(c string) bool { return inDep[c] }); err != nil {
			return nil, err
		}
		spec.Subtitle = "Communes du département " + t.Name
	case value.LevelEPCI, value.LevelCommune:
		g, err := a.geometry(ctx, t)
		if err != nil {
			return nil, err
		}
		// Widen the box until it holds a few neighbours: an island such as
		// Sein has none within a few kilometres.
		box := around(g.Bound(), t.Level)
		for range 8 {
			spec.Areas = spec.Areas[:0]
			for _, ar := range m.Spec.Areas {
				if ar.Geom != nil && ar.Geom.Bound().Intersects(box) {
					spec.Areas = append(spec.Areas, ar)
				}
			}
			if len(spec.Areas) >= minNeighbours {
				break
			}
			box = box.Pad(math.Max(box.Max[0]-box.Min[0], box.Max[1]-box.Min[1]) / 4)
		}
		if t.Level == value.LevelCommune {
			spec.Highlight = t.Code
			spec.Subtitle = "Communes autour de " + t.Name
			if t.EPCI != "" {
				if spec.Overlay, err = a.outlines(ctx, value.LevelEPCI, func(c string) bool { return c == t.EPCI }); err != nil {
					return nil, err
				}
				spec.Subtitle += " (trait noir : limite de l'EPCI)"
			}
		} else {
			spec.Overlay = []orb.Geometry{g}
			spec.Subtitle = "Communes de " + t.Name + " (trait noir) et alentour"
		}
	default:
		return nil, fmt.Errorf("surroundings of %s (%s): level %s has no map", t.Code, t.Name, t.Level)
	}
	if len(spec.Areas) == 0 {
		return nil, fmt.Errorf("surroundings of %s (%s): no %s of the map lies around it", t.Code, t.Name, SurroundingsLevel(t.Level))
	}
	facts := make([]cube.Fact, 0, len(spec.Areas))
	byCode := make(map[string]int, len(m.Facts))
	for i, f := range m.Facts {
		byCode[f.Code] = i
	}
	for _, ar := range spec.Areas {
		if i, ok := byCode[ar.Code]; ok {
			facts = append(facts, m.Facts[i])
		}
	}
	return &Map{Spec: spec, Facts: facts, Ind: m.Ind}, nil
}

// geometry returns the web geometry of a territory.
func (a *Atlas) geometry(ctx context.Context, t cube.Territory) (orb.Geometry, error) {
	shapes, err := a.Shapes(ctx, t.Level, false)
	if err != nil {
		return nil, err
	}
	for _, s := range shapes {
		if s.Code == t.Code {
			return s.Geom, nil
		}
	}
	return nil, fmt.Errorf("no %s geometry for %s (%s) on COG %d", t.Level, t.Code, t.Name, a.Cube.COG())
}

// outlines returns the geometries of the territories of a level that pass
// keep.
func (a *Atlas) outlines(ctx context.Context, level value.Level, keep func(code string) bool) ([]orb.Geometry, error) {
	shapes, err := a.Shapes(ctx, level, false)
	if err != nil {
		return nil, err
	}
	var out []orb.Geometry
	for _, s := range shapes {
		if keep(s.Code) {
			out = append(out, s.Geom)
		}
	}
	return out, nil
}

// around widens a territory's lon/lat bound into the box of its
// surroundings, with a ground aspect near the map frame's (4:3).
func around(b orb.Bound, level value.Level) orb.Bound {
	const kmPerDegLat = 111.2
	kmPerDegLon := kmPerDegLat * math.Cos((b.Min[1]+b.Max[1])/2*math.Pi/180)
	c := b.Center()
	w := (b.Max[0] - b.Min[0]) * kmPerDegLon
	h := (b.Max[1] - b.Min[1]) * kmPerDegLat
	factor, minKm := 1.25, 0.0
	if level == value.LevelCommune {
		factor, minKm = 3, 12
	}
	w, h = math.Max(w*factor, minKm), math.Max(h*factor, minKm)
	if w < h*4/3 {
		w = h * 4 / 3
	} else if h < w*3/4 {
		h = w * 3 / 4
	}
	dx, dy := w/2/kmPerDegLon, h/2/kmPerDegLat
	return orb.Bound{Min: orb.Point{c[0] - dx, c[1] - dy}, Max: orb.Point{c[0] + dx, c[1] + dy}}
}
