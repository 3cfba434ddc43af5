// Commune, EPCI, département and région shapes: the 2018 commune polygons
// mapped onto the current communes (merged communes dissolved), and the
// supra-communal layers attached to every COG vintage.

package ingest

import (
	"context"
	"fmt"
	"slices"

	"github.com/paulmach/orb"

	"github.com/region-bretagne/obs/store"
)

func loadCommuneGeometry(ctx context.Context, b *Builder) error {
	ss := b.source("geo-communes", 0)
	if len(ss) != 1 {
		return fmt.Errorf("data/sources.json: want one geo-communes source, found %d", len(ss))
	}
	f, err := b.Read(ctx, ss[0])
	if err != nil {
		return err
	}
	feats, err := readFeatures(f)
	if err != nil {
		return err
	}
	byCode := map[string]feature{}
	for _, ft := range feats {
		code := ft.prop("code")
		if code == "" {
			return &ParseError{File: f.Path, Pos: ft.Pos, Element: fmt.Sprintf("feature %d", ft.Index), Err: fmt.Errorf("missing property %q", "code")}
		}
		if prev, dup := byCode[code]; dup {
			return &ParseError{File: f.Path, Pos: ft.Pos, Element: fmt.Sprintf("feature %d (code %s)", ft.Index, code), Err: fmt.Errorf("duplicate code (first at feature %d)", prev.Index)}
		}
		byCode[code] = ft
	}
	codes := make([]string, 0, len(byCode))
	for c := range byCode {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	geoVintage := "IGN Admin Express COG " + ss[0].Vintage
	b.shapes = map[int]map[string]orb.Geometry{}
	for _, v := range b.Vintages() {
		c := b.COG[v]
		parts := map[string][]orb.Geometry{}
		var mapRows [][]any
		for _, code := range codes {
			cur, ok := c.Resolve(code)
			if !ok {
				if err := b.Note(ctx, "communes-geometry", code, fmt.Sprintf("polygone %s de %s (%s) : aucune commune du COG %d ne lui correspond", ss[0].Vintage, code, byCode[code].prop("nom"), v)); err != nil {
					return err
				}
				continue
			}
			parts[cur] = append(parts[cur], byCode[code].Geom)
			mapRows = append(mapRows, []any{2018, v, code, cur})
		}
		shapes := map[string]orb.Geometry{}
		var rows [][]any
		for _, o := range c.Communes {
			ps := parts[o.Code]
			if len(ps) == 0 {
				return fmt.Errorf("%s: COG %d commune %s (%s) has no polygon", f.Path, v, o.Code, o.Nom)
			}
			g, err := dissolve(ps)
			if err != nil {
				return fmt.Errorf("%s: COG %d commune %s: %w", f.Path, v, o.Code, err)
			}
			shapes[o.Code] = g
			row, err := geometryRow(v, "commune", o.Code, geoVintage, g, ss[0].ID)
			if err != nil {
				return err
			}
			rows = append(rows, row)
		}
		b.shapes[v] = shapes
		if err := store.Append(ctx, b.DB, "geometry", rows); err != nil {
			return err
		}
		if err := store.Append(ctx, b.DB, "commune_map", mapRows); err != nil {
			return err
		}
	}
	return nil
}

// areaLayer describes a supra-communal geometry source.
type areaLayer struct {
	loader, level string
	codeProps     []string
}

func loadAreaGeometry(ctx context.Context, b *Builder) error {
	layers := []areaLayer{
		{"geo-epci", "epci", []string{"code_geo", "code", "siren"}},
		{"geo-departements", "departement", []string{"code"}},
		{"geo-region", "region", []string{"code"}},
	}
	for _, l := range layers {
		for _, s := range b.source(l.loader, 0) {
			if err := b.loadAreaLayer(ctx, s, l); err != nil {
				return err
			}
		}
	}
	return nil
}

func (b *Builder) loadAreaLayer(ctx context.Context, s Source, l areaLayer) error {
	f, err := b.Read(ctx, s)
	if err != nil {
		return err
	}
	feats, err := readFeatures(f)
	if err != nil {
		return err
	}
	known, err := b.territoryCodes(ctx, l.level)
	if err != nil {
		return err
	}
	seen := map[string]int{}
	var rows [][]any
	for _, ft := range feats {
		code := ft.prop(l.codeProps...)
		if code == "" {
			return &ParseError{File: f.Path, Pos: ft.Pos, Element: fmt.Sprintf("feature %d", ft.Index), Err: fmt.Errorf("missing property %q", l.codeProps[0])}
		}
		if j, dup := seen[code]; dup {
			return &ParseError{File: f.Path, Pos: ft.Pos, Element: fmt.Sprintf("feature %d (code %s)", ft.Index, code), Err: fmt.Errorf("duplicate code (first at feature %d)", j)}
		}
		seen[code] = ft.Index
		for _, v := range b.Vintages() {
			if !known[v][code] {
				if err := b.Note(ctx, "areas-geometry", code, fmt.Sprintf("%s : %s %s absent du COG %d, géométrie ignorée", f.Path, l.level, code, v)); err != nil {
					return err
				}
				continue
			}
			row, err := geometryRow(v, l.level, code, s.Publisher+" "+s.Vintage, ft.Geom, s.ID)
			if err != nil {
				return err
			}
			rows = append(rows, row)
		}
	}
	return store.Append(ctx, b.DB, "geometry", rows)
}

// territoryCodes lists the codes of a level, by COG vintage.
func (b *Builder) territoryCodes(ctx context.Context, level string) (map[int]map[string]bool, error) {
	rows, err := b.DB.QueryContext(ctx, `SELECT cog, code FROM territory WHERE level = ?`, level)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int]map[string]bool{}
	for rows.Next() {
		var v int
		var code string
		if err := rows.Scan(&v, &code); err != nil {
			return nil, err
		}
		if out[v] == nil {
			out[v] = map[string]bool{}
		}
		out[v][code] = true
	}
	return out, rows.Err()
}
