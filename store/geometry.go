// Reading geometries back from the store, as orb values.

package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkb"

	"github.com/region-bretagne/obs/value"
)

// Shape is one territory's geometry (WGS84 lon/lat).
type Shape struct {
	Code, Name string
	Geom       orb.Geometry
	GeoVintage string
}

// Shapes returns the geometries of a level and COG vintage, by code. full
// selects the full-precision geometry, else the simplified web one.
func Shapes(ctx context.Context, db *sql.DB, level value.Level, cog int, full bool) ([]Shape, error) {
	col := "web_wkb"
	if full {
		col = "full_wkb"
	}
	rows, err := db.QueryContext(ctx, `SELECT g.code, t.name, g.`+col+`, g.geo_vintage FROM geometry g
		JOIN territory t ON t.cog = g.cog AND t.level = g.level AND t.code = g.code
		WHERE g.level = ? AND g.cog = ? ORDER BY g.code`, string(level), cog)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Shape
	for rows.Next() {
		var s Shape
		var b []byte
		if err := rows.Scan(&s.Code, &s.Name, &b, &s.GeoVintage); err != nil {
			return nil, err
		}
		g, err := wkb.Unmarshal(b)
		if err != nil {
			return nil, fmt.Errorf("geometry %s %s (COG %d): %w", level, s.Code, cog, err)
		}
		s.Geom = g
		out = append(out, s)
	}
	return out, rows.Err()
}
