// Validation of a parsed plan against the catalogue and the cube's COG:
// themes, indicators (with suggestions), territories, publics, and the
// level at which each indicator exists.

package plan

import (
	"context"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/value"
)

// Load parses and validates a plan file: either every row is valid and the
// plan is returned, or the errors of every row (Errors) and no plan.
func Load(ctx context.Context, r io.Reader, name string, c *cube.Cube) (*Plan, error) {
	p, err := Parse(r, name)
	if err != nil {
		return nil, err
	}
	if err := Validate(ctx, p, c); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return p, nil
}

// Validate checks every row of p against the catalogue and the COG of c,
// and fills each row's empty public with the indicator's default public.
// It returns Errors, or nil.
func Validate(ctx context.Context, p *Plan, c *cube.Cube) error {
	cat := c.Catalogue()
	var errs Errors
	themeOf := map[string]Row{}
	for i := range p.Rows {
		if err := ctx.Err(); err != nil {
			return err
		}
		r := &p.Rows[i]
		bad := func(col, problem string) { errs = append(errs, Error{Line: r.Line, Column: col, Problem: problem}) }
		if _, ok := cat.Theme(r.Theme); !ok {
			ids := make([]string, len(cat.Themes))
			for j, t := range cat.Themes {
				ids[j] = t.ID
			}
			bad("theme", fmt.Sprintf("thème %q inconnu (thèmes\u00a0: %s)", r.Theme, strings.Join(ids, ", ")))
		}
		if first, ok := themeOf[r.Action]; ok && first.Theme != r.Theme {
			bad("theme", fmt.Sprintf("action %s déjà rattachée au thème %q ligne %d", r.Action, first.Theme, first.Line))
		} else if !ok {
			themeOf[r.Action] = *r
		}
		if r.Indicator == "" {
			if r.Territory != "" || r.Public != "" {
				bad("indicateur", "territoire ou public sans indicateur")
			}
			continue
		}
		ind, ok := cat.Indicator(r.Indicator)
		if !ok {
			msg := fmt.Sprintf("indicateur %q inconnu", r.Indicator)
			if s := suggest(r.Indicator, cat); len(s) > 0 {
				msg += " (voulez-vous dire\u00a0: " + strings.Join(s, ", ") + "\u00a0?)"
			}
			bad("indicateur", msg+" — voir obs indicators")
			continue
		}
		if r.Territory == "" {
			bad("territoire", "territoire vide")
			continue
		}
		t, err := c.Territory(r.Territory)
		if err != nil {
			bad("territoire", fmt.Sprintf("territoire %q absent du COG %d", r.Territory, c.COG()))
			continue
		}
		if r.Public == "" {
			r.Public = ind.DefaultPublic()
		}
		if _, ok := ind.Expr(r.Public); !ok {
			bad("public", fmt.Sprintf("public %q non disponible pour %s (publics\u00a0: %s)", r.Public, ind.ID, strings.Join(ind.PublicIDs(), ", ")))
			continue
		}
		if ind.Status == cube.ToIntegrate {
			continue // no data yet: a gap of the coverage, not an error
		}
		if !availableAt(ctx, c, ind.ID, t, r.Public) {
			bad("indicateur", fmt.Sprintf("%s non disponible au niveau %s (%s %s) pour le public %s", ind.ID, t.Level.Label(), t.Code, t.Name, r.Public))
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// availableAt reports whether an indicator has a figure (or a secret) for
// a territory at some vintage: the source publishes it at that level.
func availableAt(ctx context.Context, c *cube.Cube, indicator string, t cube.Territory, public string) bool {
	series, err := c.Series(ctx, indicator, t.Code, public)
	if err != nil {
		return false
	}
	return slices.ContainsFunc(series, func(f cube.Fact) bool {
		return f.HasValue() || f.Status == value.StatusSecret
	})
}

// suggest returns up to three catalogue ids close to an unknown one: the
// ids that contain it or that it contains, then the closest by edit
// distance.
func suggest(id string, cat *cube.Catalogue) []string {
	type cand struct {
		id string
		d  int
	}
	var cs []cand
	low := strings.ToLower(id)
	for _, ind := range cat.Indicators {
		d := distance(low, ind.ID)
		if strings.Contains(ind.ID, low) || strings.Contains(low, ind.ID) {
			d = 0
		}
		if d <= max(3, len(low)/3) {
			cs = append(cs, cand{ind.ID, d})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].d < cs[j].d })
	var out []string
	for i := 0; i < len(cs) && i < 3; i++ {
		out = append(out, cs[i].id)
	}
	return out
}

// distance is the Levenshtein distance of two strings (in bytes: ids are
// ASCII).
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
