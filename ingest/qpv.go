// Quartiers prioritaires de la politique de la ville (QPV), 2015 and 2024
// generations kept apart, linked to communes by geometry.

package ingest

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"

	"github.com/paulmach/orb"
	sf "github.com/peterstace/simplefeatures/geom"

	"github.com/region-bretagne/obs/store"
)

// minQPVShare is the smallest share of a QPV's area that links it to a
// commune; below it, the overlap is an artefact of simplified borders.
const minQPVShare = 0.01

var qpvCode = map[int]*regexp.Regexp{
	2015: regexp.MustCompile(`^QP0(22|29|35|56)\d{3}$`),
	2024: regexp.MustCompile(`^QN0(22|29|35|56)[0-9A-Z]{2,4}$`),
}

func loadQPV(ctx context.Context, b *Builder) error {
	for _, s := range b.source("geo-qpv", 0) {
		if s.Generation != 2015 && s.Generation != 2024 {
			return fmt.Errorf("data/sources.json: source %s: generation must be 2015 or 2024", s.ID)
		}
		f, err := b.Read(ctx, s)
		if errors.Is(err, ErrMissingFile) && !s.Required {
			b.Log.Info("optional source not in the data folder, skipped", "source", s.ID, "path", s.Path)
			continue
		}
		if err != nil {
			return err
		}
		if err := b.loadQPVFile(ctx, f); err != nil {
			return err
		}
	}
	return nil
}

func (b *Builder) loadQPVFile(ctx context.Context, f *File) error {
	feats, err := readFeatures(f)
	if err != nil {
		return err
	}
	gen := f.Generation
	var terr, geoms, links [][]any
	seen := map[string]int{}
	for _, ft := range feats {
		code := ft.prop("code_qp", "code_quartier")
		where := func(err error) error {
			el := fmt.Sprintf("feature %d", ft.Index)
			if code != "" {
				el += fmt.Sprintf(" (code %s)", code)
			}
			return &ParseError{File: f.Path, Pos: ft.Pos, Element: el, Err: err}
		}
		if code == "" {
			return where(fmt.Errorf("missing property %q", "code_qp"))
		}
		if com := ft.prop("insee_com", "code_insee"); com != "" && !isBretonCode(com) {
			continue // national file: keep Bretagne
		}
		if !qpvCode[gen].MatchString(code) {
			if gen == 2024 && len(code) > 5 && code[:2] == "QN" && !isBretonCode(code[3:5]) {
				continue
			}
			return where(fmt.Errorf("code %q is not a Breton QPV %d code (%s)", code, gen, qpvCode[gen]))
		}
		if j, dup := seen[code]; dup {
			return where(fmt.Errorf("duplicate code (first at feature %d)", j))
		}
		seen[code] = ft.Index
		name := ft.prop("lib_qp", "nom_qp", "quartier_prioritaire")
		if name == "" {
			return where(fmt.Errorf("missing property %q", "lib_qp"))
		}
		q, err := toSF(ft.Geom)
		if err != nil {
			return where(err)
		}
		area := q.Area()
		for _, v := range b.Vintages() {
			terr = append(terr, []any{v, "qpv", code, name, fmt.Sprintf("QPV %d", gen), nil, nil, nil, true, false, f.ID})
			row, err := geometryRow(v, "qpv", code, f.Publisher, ft.Geom, f.ID)
			if err != nil {
				return where(err)
			}
			geoms = append(geoms, row)
			n := 0
			for _, com := range b.communesNear(v, ft.Geom.Bound()) {
				c, err := toSF(b.shapes[v][com])
				if err != nil {
					return where(err)
				}
				inter, err := sf.Intersection(q, c)
				if err != nil {
					return where(fmt.Errorf("intersect with commune %s: %w", com, err))
				}
				if share := inter.Area() / area; share >= minQPVShare {
					links = append(links, []any{gen, code, v, com, share})
					n++
				}
			}
			if n == 0 {
				return where(fmt.Errorf("lies in no Breton commune of COG %d", v))
			}
		}
	}
	for _, t := range []struct {
		name string
		rows [][]any
	}{{"territory", terr}, {"geometry", geoms}, {"qpv_commune", links}} {
		if err := store.Append(ctx, b.DB, t.name, t.rows); err != nil {
			return fmt.Errorf("%s: %w", f.Path, err)
		}
	}
	return nil
}

// communesNear lists, in code order, the communes whose bounding box meets bound.
func (b *Builder) communesNear(cog int, bound orb.Bound) []string {
	var out []string
	for code, g := range b.shapes[cog] {
		if bound.Intersects(g.Bound()) {
			out = append(out, code)
		}
	}
	slices.Sort(out)
	return out
}
