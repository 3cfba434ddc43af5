// Reading the territorial frame: territories of a level with their parents.

package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/region-bretagne/obs/value"
)

// Levels are the territorial levels of the store, smallest first.
var Levels = []value.Level{value.LevelCommune, value.LevelEPCI, value.LevelDepartement, value.LevelRegion, value.LevelFrance, value.LevelQPV}

// Territory is one territory of a COG vintage with its parents.
type Territory struct {
	Code, Name, Type string
	Level            value.Level
	COG              int
	Population       sql.NullFloat64
	EPCI             string   // communes: their EPCI ("" for the islands)
	Communes         []string // QPV: the communes they lie in
	Departements     []string // communes: one; EPCI and QPV: those of their members
	Region           string
	NCommunes        sql.NullInt64
	CrossBorder      bool
}

// LatestCOG checks a requested COG vintage, or returns the latest when
// want is 0.
func LatestCOG(ctx context.Context, db *sql.DB, want int) (int, error) {
	var latest sql.NullInt64
	var all sql.NullString
	if err := db.QueryRowContext(ctx, `SELECT max(cog), string_agg(DISTINCT cog::VARCHAR, ', ' ORDER BY cog::VARCHAR) FROM territory`).Scan(&latest, &all); err != nil {
		return 0, err
	}
	if !latest.Valid {
		return 0, fmt.Errorf("the store holds no territory: run obs ingest")
	}
	if want == 0 {
		return int(latest.Int64), nil
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM territory WHERE cog = ?`, want).Scan(&n); err != nil {
		return 0, err
	}
	if n == 0 {
		return 0, fmt.Errorf("COG %d is not in the store (available: %s)", want, all.String)
	}
	return want, nil
}

const territoriesSQL = `
SELECT t.code, t.name, t.type, t.population,
       CASE WHEN t.level = 'commune' THEN (SELECT m.epci FROM membership m WHERE m.cog=t.cog AND m.commune=t.code) END,
       CASE WHEN t.level = 'qpv' THEN (SELECT string_agg(q.commune, ',' ORDER BY q.commune) FROM qpv_commune q WHERE q.cog=t.cog AND q.qpv=t.code) END,
       CASE t.level
         WHEN 'commune' THEN (SELECT m.departement FROM membership m WHERE m.cog=t.cog AND m.commune=t.code)
         WHEN 'epci' THEN (SELECT string_agg(DISTINCT m.departement, ',' ORDER BY m.departement) FROM membership m WHERE m.cog=t.cog AND m.epci=t.code)
         WHEN 'qpv' THEN (SELECT string_agg(DISTINCT m.departement, ',' ORDER BY m.departement) FROM qpv_commune q JOIN membership m ON m.cog=q.cog AND m.commune=q.commune WHERE q.cog=t.cog AND q.qpv=t.code)
       END,
       CASE WHEN t.level IN ('commune','epci','departement','qpv') THEN '53' END,
       t.n_communes, t.cross_border
FROM territory t
WHERE t.cog = ? AND t.level = ?
ORDER BY t.code`

// Territories lists the territories of a level and COG vintage, by code.
func Territories(ctx context.Context, db *sql.DB, level value.Level, cog int) ([]Territory, error) {
	if !slices.Contains(Levels, level) {
		return nil, fmt.Errorf("unknown level %q (want one of %v)", level, Levels)
	}
	rows, err := db.QueryContext(ctx, territoriesSQL, cog, string(level))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Territory
	for rows.Next() {
		t := Territory{Level: level, COG: cog}
		var epci, communes, deps, reg sql.NullString
		if err := rows.Scan(&t.Code, &t.Name, &t.Type, &t.Population, &epci, &communes, &deps, &reg, &t.NCommunes, &t.CrossBorder); err != nil {
			return nil, err
		}
		t.EPCI, t.Region = epci.String, reg.String
		t.Communes = split(communes.String)
		t.Departements = split(deps.String)
		out = append(out, t)
	}
	return out, rows.Err()
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ',' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return out
}
