// obs territories: list the territories of one level and COG vintage.

package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/region-bretagne/obs/frnum"
	"github.com/region-bretagne/obs/store"
	"github.com/region-bretagne/obs/value"
)

func init() {
	register("territories", "liste les territoires d'un niveau (communes, EPCI…)", runTerritories)
}

var levels = []value.Level{value.LevelCommune, value.LevelEPCI, value.LevelDepartement, value.LevelRegion, value.LevelQPV}

func runTerritories(ctx context.Context, args []string, stdout io.Writer) error {
	fs, dbFlag := newFlags("territories")
	level := fs.String("level", string(value.LevelCommune), "level: "+value.JoinLevels(levels, "|"))
	cog := fs.Int("cog", 0, "COG vintage, 2024|2026 (default: the latest in the store)")
	format := fs.String("format", "table", "output: table|csv|json")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if !slices.Contains(levels, value.Level(*level)) {
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
	v, err := store.LatestCOG(ctx, db, *cog)
	if err != nil {
		return err
	}
	t, err := listTerritories(ctx, db, value.Level(*level), v)
	if err != nil {
		return err
	}
	return t.write(stdout, *format)
}

func listTerritories(ctx context.Context, db *sql.DB, level value.Level, cog int) (table, error) {
	ts, err := store.Territories(ctx, db, level, cog)
	if err != nil {
		return table{}, err
	}
	// The local parent: a commune's EPCI, the communes a QPV lies in.
	cols := []string{"code", "nom", "type", "population"}
	switch level {
	case value.LevelCommune:
		cols = append(cols, "epci")
	case value.LevelQPV:
		cols = append(cols, "communes")
	}
	cols = append(cols, "departement", "region", "nb_communes", "transfrontalier", "cog")
	t := table{Columns: cols}
	for _, x := range ts {
		r := []any{x.Code, x.Name, x.Type, nullable(x.Population)}
		switch level {
		case value.LevelCommune:
			r = append(r, orNil(x.EPCI))
		case value.LevelQPV:
			r = append(r, orNil(strings.Join(x.Communes, ",")))
		}
		r = append(r, orNil(strings.Join(x.Departements, ",")), orNil(x.Region), nullable(x.NCommunes), x.CrossBorder, cog)
		t.Rows = append(t.Rows, r)
	}
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
	return t, nil
}

// orNil returns nil for the empty string, so that it prints as missing.
func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
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

// resolveCOG checks a requested COG vintage, or returns the latest.
func resolveCOG(ctx context.Context, db *sql.DB, want int) (int, error) {
	return store.LatestCOG(ctx, db, want)
}
