// Maps of the sub-communal levels: the IRIS or QPV of one commune or EPCI
// (--territory), and the territories of a level that have a value but no
// perimeter here (26 of the 32 Breton QPV), listed rather than dropped.

package atlas

import (
	"context"
	"slices"

	"github.com/paulmach/orb"

	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/maps"
)

// clip keeps the facts of the territories lying in the commune or EPCI
// code (all facts when code is empty). A QPV or IRIS lies in a commune
// it touches (Territory.Communes) and in that commune's EPCI; a commune
// lies in its EPCI.
func (a *Atlas) clip(facts []cube.Fact, code string) ([]cube.Fact, error) {
	if code == "" {
		return facts, nil
	}
	parent, err := a.Cube.Territory(code)
	if err != nil {
		return nil, badf("territoire inconnu « %s »", "unknown territory %q", code)
	}
	if parent.Level != "commune" && parent.Level != "epci" {
		return nil, badf("--territory %s : une commune ou un EPCI", "territory %s: want a commune or an EPCI", code)
	}
	var out []cube.Fact
	for _, f := range facts {
		t, err := a.Cube.Territory(f.Code)
		if err != nil {
			continue // the QPV summary row (ensemble des QPV)
		}
		if inside(a.Cube, t, parent) {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return nil, badf("aucun territoire de ce niveau dans %s (%s)", "no territory of this level in %s (%s)", parent.Name, code)
	}
	return out, nil
}

// inside reports whether t lies in the commune or EPCI parent.
func inside(c *cube.Cube, t, parent cube.Territory) bool {
	if t.Within(parent) {
		return true
	}
	for _, code := range t.Communes {
		if code == parent.Code {
			return true
		}
		if m, err := c.Territory(code); err == nil && parent.Level == "epci" && m.EPCI == parent.Code {
			return true
		}
	}
	return false
}

// unmapped returns, as map areas without geometry, the facts of
// territories that are not drawn (no perimeter), in code order; the
// publisher's summary row (ensemble des QPV) is no territory and is left
// out.
func unmapped(facts []cube.Fact, drawn map[string]bool) []maps.Area {
	var out []maps.Area
	for _, f := range facts {
		if drawn[f.Code] || f.Code == cube.SummaryQPV {
			continue
		}
		out = append(out, maps.Area{Code: f.Code, Name: f.Name, Value: f.Value, Status: f.Status})
	}
	slices.SortFunc(out, func(x, y maps.Area) int {
		if x.Code < y.Code {
			return -1
		}
		if x.Code > y.Code {
			return 1
		}
		return 0
	})
	return out
}

// communeOutlines are the outlines of the communes the drawn quartiers
// lie in, so that a map of QPV or IRIS shows whose quartiers they are.
func (a *Atlas) communeOutlines(ctx context.Context, areas []maps.Area) ([]orb.Geometry, error) {
	want := map[string]bool{}
	for _, ar := range areas {
		if t, err := a.Cube.Territory(ar.Code); err == nil {
			for _, m := range t.Communes {
				want[m] = true
			}
		}
	}
	shapes, err := a.Shapes(ctx, "commune", false)
	if err != nil {
		return nil, err
	}
	var out []orb.Geometry
	for _, s := range shapes {
		if want[s.Code] {
			out = append(out, s.Geom)
		}
	}
	return out, nil
}
