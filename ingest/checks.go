// Checks run on the finished temporary store before it replaces the
// previous one: a store that fails them is never swapped in.

package ingest

import (
	"context"
	"fmt"
)

// storeCheck is a query returning the number of offending rows, and what
// those rows mean.
type storeCheck struct {
	query, problem string
}

var storeChecks = []storeCheck{
	{`SELECT count(*) FROM (SELECT cog FROM territory WHERE level='commune' GROUP BY cog HAVING count(*) = 0)`,
		"a COG vintage has no commune"},
	{`SELECT count(*) FROM territory t WHERE level='commune'
	  AND (SELECT count(*) FROM geometry g WHERE g.cog=t.cog AND g.level='commune' AND g.code=t.code) <> 1`,
		"communes without exactly one geometry"},
	{`SELECT count(*) FROM territory t WHERE level='commune'
	  AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.cog=t.cog AND m.commune=t.code)`,
		"communes without membership"},
	{`SELECT count(*) FROM membership m WHERE epci IS NOT NULL
	  AND NOT EXISTS (SELECT 1 FROM territory t WHERE t.cog=m.cog AND t.level='epci' AND t.code=m.epci)`,
		"memberships pointing to an unknown EPCI"},
	{`SELECT count(*) FROM membership m
	  WHERE NOT EXISTS (SELECT 1 FROM territory t WHERE t.cog=m.cog AND t.level='departement' AND t.code=m.departement)`,
		"memberships pointing to an unknown département"},
	{`SELECT count(*) FROM territory WHERE name = '' OR code = ''`,
		"territories with an empty code or name"},
	{`SELECT count(*) FROM geometry WHERE xmin < -180 OR xmax > 180 OR ymin < -90 OR ymax > 90 OR xmin > xmax OR ymin > ymax`,
		"geometries with a bounding box outside longitude/latitude"},
	{`SELECT count(*) FROM territory t WHERE level='region'
	  AND NOT EXISTS (SELECT 1 FROM geometry g WHERE g.cog=t.cog AND g.level='region' AND g.code=t.code)`,
		"regions without geometry"},
}

func checkStore(ctx context.Context, b *Builder) error {
	for _, c := range storeChecks {
		var n int
		if err := b.DB.QueryRowContext(ctx, c.query).Scan(&n); err != nil {
			return fmt.Errorf("check %q: %w", c.problem, err)
		}
		if n > 0 {
			return fmt.Errorf("store check failed: %d %s", n, c.problem)
		}
	}
	return nil
}
