// Facts of the sub-communal levels, QPV and IRIS: the value the publisher
// gives for each quartier, as is. They are never computed from communes,
// never summed into them, and a commune series never reads them (CAF by
// IRIS counts other households than the CAF commune file).

package cube

import (
	"context"
	"database/sql"
	"fmt"
	"sort"

	"github.com/region-bretagne/obs/ingest"
	"github.com/region-bretagne/obs/value"
)

// SummaryQPV is the code of the publisher's "Ensemble" row of the QPV
// files: all QPV of France taken together (ensemble des QPV).
const SummaryQPV = "Ensemble"

// SummaryQPVName names the summary row in tables and sheets.
const SummaryQPVName = "Ensemble des QPV"

// isSubLevel reports whether a level is below the commune tree.
func isSubLevel(level value.Level) bool {
	return level == value.LevelQPV || level == value.LevelIRIS
}

// splitSubLevels separates the QPV and IRIS observations from the others,
// so that the commune aggregation never sees them.
func splitSubLevels(obs []ingest.Observation) (admin, sub []ingest.Observation) {
	for _, o := range obs {
		if isSubLevel(value.Level(o.Level)) {
			sub = append(sub, o)
		} else {
			admin = append(admin, o)
		}
	}
	return admin, sub
}

type subKey struct {
	cog                            int
	level, variable, vintage, code string
}

// subVariable is the variable an indicator reads at a sub-communal level:
// the value of a count or published indicator, the published rate of a
// ratio (empty when the ratio has none).
func subVariable(ind Indicator, pe PublicExpr) []string {
	if ind.Kind == KindRatio {
		if pe.Rate == "" {
			return nil
		}
		return []string{pe.Rate}
	}
	vs, _ := ParseExpr(pe.Value)
	return vs
}

// subLevelFacts builds the fact rows of every QPV and IRIS territory (and
// of the QPV summary row) for each indicator, public and vintage its files
// publish. A territory absent from a file of that vintage is missing.
func subLevelFacts(ctx context.Context, db *sql.DB, cat *Catalogue, sub []ingest.Observation) ([][]any, error) {
	if len(sub) == 0 {
		return nil, nil
	}
	terr := map[[2]any][]string{} // (cog, level) -> codes
	rows, err := db.QueryContext(ctx, `SELECT cog, level, code FROM territory WHERE level IN ('qpv','iris') ORDER BY cog, level, code`)
	if err != nil {
		return nil, fmt.Errorf("cube: QPV and IRIS territories: %w", err)
	}
	for rows.Next() {
		var cog int
		var level, code string
		if err := rows.Scan(&cog, &level, &code); err != nil {
			rows.Close()
			return nil, err
		}
		k := [2]any{cog, level}
		terr[k] = append(terr[k], code)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	cells := map[subKey]ingest.Observation{}
	type seriesKey struct {
		cog                      int
		level, variable, vintage string
	}
	series := map[seriesKey]string{} // -> label
	summary := map[seriesKey]bool{}
	for _, o := range sub {
		cells[subKey{o.COG, o.Level, o.Variable, o.Vintage, o.Code}] = o
		sk := seriesKey{o.COG, o.Level, o.Variable, o.Vintage}
		series[sk] = o.Label
		if o.Code == SummaryQPV {
			summary[sk] = true
		}
	}
	keys := make([]seriesKey, 0, len(series))
	for k := range series {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.cog != b.cog {
			return a.cog < b.cog
		}
		if a.level != b.level {
			return a.level < b.level
		}
		if a.variable != b.variable {
			return a.variable < b.variable
		}
		return a.vintage < b.vintage
	})
	var out [][]any
	for _, ind := range cat.Indicators {
		for _, pe := range ind.Publics {
			vs := subVariable(ind, pe)
			if len(vs) == 0 {
				continue
			}
			for _, sk := range keys {
				if sk.variable != vs[0] {
					continue
				}
				source := series[sk] + " " + sk.vintage
				if sk.level == string(value.LevelQPV) {
					source = series[sk] + ", données publiées en " + sk.vintage
				}
				codes := terr[[2]any{sk.cog, sk.level}]
				if summary[sk] {
					codes = append(append([]string{}, codes...), SummaryQPV)
				}
				for _, code := range codes {
					parts := make([]Cell, 0, len(vs))
					for _, v := range vs {
						o, ok := cells[subKey{sk.cog, sk.level, v, sk.vintage, code}]
						if !ok {
							parts = append(parts, Cell{Status: value.StatusMissing, Reason: fmt.Sprintf("%s absent du fichier de %s", value.Level(sk.level).Label(), sk.vintage)})
							continue
						}
						parts = append(parts, o.Cell)
					}
					c := parts[0]
					if len(parts) > 1 {
						c = ingest.SumCells(parts)
					}
					r := communeResult(KindPublished, 1, member{num: c})
					out = append(out, []any{ind.ID, sk.cog, sk.level, code, pe.Public, sk.vintage, null(r.value), nil, nil,
						r.status, r.reason, r.coverage, source, false})
				}
			}
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Summary returns the ensemble des QPV fact of an indicator (the
// publisher's summary row) for a public and vintage, if published.
func (c *Cube) Summary(indicator, public, vintage string) (Fact, bool) {
	j, ok := c.one[factKey{sliceKey{indicator, c.cog, value.LevelQPV, public, vintage}, SummaryQPV}]
	if !ok {
		return Fact{}, false
	}
	return c.facts[j], true
}

// HasFacts reports whether an indicator has facts at a level on the
// cube's COG, for any public and vintage (the QPV-only indicators have
// none at the commune level).
func (c *Cube) HasFacts(indicator string, level value.Level) bool {
	for k := range c.vintages {
		if k.indicator == indicator && k.cog == c.cog && k.level == level {
			return true
		}
	}
	return false
}
