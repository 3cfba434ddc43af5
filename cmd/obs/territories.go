// obs territories: list the territories of one level and COG vintage.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/region-bretagne/obs/frnum"
	"github.com/region-bretagne/obs/store"
)

func init() {
	register("territories", "liste les territoires d'un niveau (communes, EPCI…)", runTerritories)
}

var levels = []string{"commune", "epci", "departement", "region", "qpv"}

func runTerritories(ctx context.Context, args []string, stdout io.Writer) error {
	fs, dbFlag := newFlags("territories")
	level := fs.String("level", "commune", "level: commune|epci|departement|region|qpv")
	cog := fs.Int("cog", 0, "COG vintage, 2024|2026 (default: the latest in the store)")
	format := fs.String("format", "table", "output: table|csv|json")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if !slices.Contains(levels, *level) {
		return fmt.Errorf("unknown level %q (want one of %v)", *level, levels)
	}
	if !slices.Contains(formats, *format) {
		return fmt.Errorf("unknown format %q (want one of %v)", *format, formats)
	}
	db, err := store.Open(ctx, store.Path(*dbFlag), true)
	if err != nil {
		return err
	}
	defer db.Close()
	v, err := resolveCOG(ctx, db, *cog)
	if err != nil {
		return err
	}
	t, err := listTerritories(ctx, db, *level, v)
	if err != nil {
		return err
	}
	return t.write(stdout, *format)
}

// resolveCOG checks a requested COG vintage, or returns the latest.
func resolveCOG(ctx context.Context, db *sql.DB, want int) (int, error) {
	var latest sql.NullInt64
	var all string
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
		return 0, fmt.Errorf("COG %d is not in the store (available: %s)", want, all)
	}
	return want, nil
}

const territoriesSQL = `
SELECT t.code, t.name, t.type, t.population,
       CASE t.level
         WHEN 'commune' THEN (SELECT m.epci FROM membership m WHERE m.cog=t.cog AND m.commune=t.code)
         WHEN 'qpv' THEN (SELECT string_agg(q.commune, ',' ORDER BY q.commune) FROM qpv_commune q WHERE q.cog=t.cog AND q.qpv=t.code)
       END AS parent_local,
       CASE t.level
         WHEN 'commune' THEN (SELECT m.departement FROM membership m WHERE m.cog=t.cog AND m.commune=t.code)
         WHEN 'epci' THEN (SELECT string_agg(DISTINCT m.departement, ',' ORDER BY m.departement) FROM membership m WHERE m.cog=t.cog AND m.epci=t.code)
         WHEN 'qpv' THEN (SELECT string_agg(DISTINCT m.departement, ',') FROM qpv_commune q JOIN membership m ON m.cog=q.cog AND m.commune=q.commune WHERE q.cog=t.cog AND q.qpv=t.code)
       END AS departement,
       CASE WHEN t.level IN ('commune','epci','departement','qpv') THEN '53' END AS region,
       t.n_communes, t.cross_border
FROM territory t
WHERE t.cog = ? AND t.level = ?
ORDER BY t.code`

func listTerritories(ctx context.Context, db *sql.DB, level string, cog int) (table, error) {
	rows, err := db.QueryContext(ctx, territoriesSQL, cog, level)
	if err != nil {
		return table{}, err
	}
	defer rows.Close()
	var t table
	// The local parent: a commune's EPCI, the communes a QPV lies in.
	parentCol := map[string]string{"commune": "epci", "qpv": "communes"}[level]
	cols := []string{"code", "nom", "type", "population", parentCol, "departement", "region", "nb_communes", "transfrontalier", "cog"}
	for rows.Next() {
		var code, name, typ string
		var pop sql.NullFloat64
		var local, dep, reg sql.NullString
		var n sql.NullInt64
		var cross bool
		if err := rows.Scan(&code, &name, &typ, &pop, &local, &dep, &reg, &n, &cross); err != nil {
			return table{}, err
		}
		t.Rows = append(t.Rows, []any{code, name, typ, nullable(pop), nullable(local), nullable(dep), nullable(reg), nullable(n), cross, cog})
	}
	if parentCol == "" { // no local parent at this level: drop the column
		for i, r := range t.Rows {
			t.Rows[i] = append(r[:4:4], r[5:]...)
		}
		cols = append(cols[:4:4], cols[5:]...)
	}
	t.Columns = cols
	t.Text = func(col int, v any) string {
		switch x := v.(type) {
		case float64:
			return strconv.FormatFloat(x, 'f', -1, 64)
		case bool:
			return map[bool]string{true: "oui", false: "non"}[x]
		}
		return fmt.Sprint(v)
	}
	t.Pretty = func(col int, v any) string {
		if x, ok := v.(float64); ok {
			return frnum.Number(x, 0)
		}
		return t.Text(col, v)
	}
	return t, rows.Err()
}

// nullable turns a sql.Null* into its value or nil.
func nullable(v any) any {
	switch x := v.(type) {
	case sql.NullFloat64:
		if x.Valid {
			return x.Float64
		}
	case sql.NullString:
		if x.Valid {
			return x.String
		}
	case sql.NullInt64:
		if x.Valid {
			return x.Int64
		}
	default:
		return v
	}
	return nil
}
