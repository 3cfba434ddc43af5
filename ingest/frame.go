// The territorial frame: territories, memberships and code changes of
// every COG vintage in the catalogue.

package ingest

import (
	"context"
	"fmt"
	"slices"

	"github.com/region-bretagne/obs/store"
)

// FrameSteps are the steps that load the territorial frame (COG,
// geometries, QPV): the first stage of every store build.
func FrameSteps() []Step {
	return []Step{
		{"cog", loadCOG},
		{"communes-geometry", loadCommuneGeometry},
		{"areas-geometry", loadAreaGeometry},
		{"qpv", loadQPV},
		{"qpv-list", loadQPVList},
		{"iris", loadIRIS},
	}
}

// Vintages returns the loaded COG vintages, latest first.
func (b *Builder) Vintages() []int {
	var vs []int
	for v := range b.COG {
		vs = append(vs, v)
	}
	slices.Sort(vs)
	slices.Reverse(vs)
	return vs
}

func loadCOG(ctx context.Context, b *Builder) error {
	communeSources := b.source("cog-communes", 0)
	if len(communeSources) == 0 {
		return fmt.Errorf("data/sources.json lists no cog-communes source")
	}
	for _, cs := range communeSources {
		f, err := b.Read(ctx, cs)
		if err != nil {
			return err
		}
		c, err := parseCommunes(f, cs.COG)
		if err != nil {
			return err
		}
		es := b.source("cog-epci", cs.COG)
		if len(es) != 1 {
			return fmt.Errorf("data/sources.json: want one cog-epci source for COG %d, found %d", cs.COG, len(es))
		}
		ef, err := b.Read(ctx, es[0])
		if err != nil {
			return err
		}
		if err := c.parseEPCI(ef); err != nil {
			return err
		}
		b.COG[cs.COG] = c
	}
	// Départements and régions are published with the latest COG only;
	// older vintages reuse them (Breton départements have not changed).
	latest := b.Vintages()[0]
	areas := map[string][]cogArea{}
	areaSource := map[string]string{}
	for _, loader := range []string{"cog-departements", "cog-regions"} {
		ss := b.source(loader, latest)
		if len(ss) != 1 {
			return fmt.Errorf("data/sources.json: want one %s source for COG %d, found %d", loader, latest, len(ss))
		}
		f, err := b.Read(ctx, ss[0])
		if err != nil {
			return err
		}
		if areas[loader], err = parseAreas(f); err != nil {
			return err
		}
		areaSource[loader] = ss[0].ID
	}
	for _, v := range b.Vintages() {
		if err := b.writeCOG(ctx, b.COG[v], areas, areaSource); err != nil {
			return err
		}
	}
	return b.writeCommuneMap(ctx)
}

// writeCOG writes the territory and membership rows of one vintage.
func (b *Builder) writeCOG(ctx context.Context, c *COG, areas map[string][]cogArea, areaSource map[string]string) error {
	communeSrc := b.source("cog-communes", c.Vintage)[0].ID
	epciSrc := b.source("cog-epci", c.Vintage)[0].ID
	var terr, memb [][]any
	depPop := map[string]float64{}
	depN := map[string]int{}
	var regPop float64
	for _, o := range c.Communes {
		var pop any
		if o.Population != nil {
			pop = *o.Population
			depPop[o.Departement] += *o.Population
			regPop += *o.Population
		}
		depN[o.Departement]++
		terr = append(terr, []any{c.Vintage, "commune", o.Code, o.Nom, "commune", pop, nil, nil, true, false, communeSrc})
		var epci any
		if e, ok := c.CommuneEPCI[o.Code]; ok {
			epci = e
		}
		memb = append(memb, []any{c.Vintage, o.Code, epci, o.Departement, o.Region})
	}
	for _, e := range c.EPCI {
		n := 0
		for _, m := range e.Membres {
			if _, ok := c.ByCode[m.Code]; ok {
				n++
			}
		}
		var pop any
		if e.PopulationMunicipale != nil {
			pop = *e.PopulationMunicipale
		}
		inside := n == len(e.Membres)
		terr = append(terr, []any{c.Vintage, "epci", e.Code, e.Nom, e.Type, pop, n, len(e.Membres), inside, !inside, epciSrc})
	}
	deps := c.departements()
	for _, a := range areas["cog-departements"] {
		if slices.Contains(deps, a.Code) {
			terr = append(terr, []any{c.Vintage, "departement", a.Code, a.Nom, "departement", depPop[a.Code], depN[a.Code], depN[a.Code], true, false, areaSource["cog-departements"]})
		}
	}
	foundRegion := false
	for _, a := range areas["cog-regions"] {
		if a.Code == Region {
			foundRegion = true
			terr = append(terr, []any{c.Vintage, "region", a.Code, a.Nom, "region", regPop, len(c.Communes), len(c.Communes), true, false, areaSource["cog-regions"]})
		}
	}
	if !foundRegion {
		return fmt.Errorf("regions.json: region %s not found", Region)
	}
	terr = append(terr, []any{c.Vintage, "france", "FR", "France", "france", c.FrancePop, nil, nil, false, false, communeSrc})
	if err := store.Append(ctx, b.DB, "territory", terr); err != nil {
		return fmt.Errorf("COG %d: %w", c.Vintage, err)
	}
	if err := store.Append(ctx, b.DB, "membership", memb); err != nil {
		return fmt.Errorf("COG %d: %w", c.Vintage, err)
	}
	return nil
}

// writeCommuneMap records how each commune of an older vintage maps onto
// every newer vintage.
func (b *Builder) writeCommuneMap(ctx context.Context) error {
	var rows [][]any
	vs := b.Vintages()
	for i, to := range vs {
		for _, from := range vs[i+1:] {
			for _, o := range b.COG[from].Communes {
				cur, ok := b.COG[to].Resolve(o.Code)
				if !ok {
					return fmt.Errorf("COG %d commune %s (%s) maps to no commune of COG %d", from, o.Code, o.Nom, to)
				}
				rows = append(rows, []any{from, to, o.Code, cur})
			}
		}
	}
	return store.Append(ctx, b.DB, "commune_map", rows)
}
