// Questions the cube answers from memory: the values of an indicator at a
// level, a territory compared with the territories that hold it, a ranking,
// and a series across vintages.

package cube

import (
	"context"
	"errors"
	"fmt"

	"slices"
	"sort"
	"strings"

	"github.com/region-bretagne/obs/value"
)

// Levels of the cube, from the finest: the nested administrative ladder.
var Levels = value.AdminLevels

// Errors of the query functions (wrapped with the details).
var (
	ErrUnknown = errors.New("inconnu")
	ErrNoData  = errors.New("aucune donnée chargée")
)

// resolve checks an indicator and fills the default public and the latest
// vintage with facts at that level on the cube's COG (a QPV file year is
// never the default of a commune query).
func (c *Cube) resolve(indicator string, level value.Level, public, vintage string) (Indicator, string, string, error) {
	ind, ok := c.cat.Indicator(indicator)
	if !ok {
		return ind, "", "", fmt.Errorf("indicateur %q %w (voir obs indicators)", indicator, ErrUnknown)
	}
	if c.only != nil && !c.only[ind.ID] {
		return ind, "", "", fmt.Errorf("indicateur %q non chargé dans cette vue du cube (cube.OpenIndicators) : %w", indicator, ErrNoData)
	}
	if public == "" {
		public = ind.DefaultPublic()
	}
	if _, ok := ind.Expr(public); !ok {
		return ind, "", "", fmt.Errorf("public %q %w pour %s (publics\u00a0: %s)", public, ErrUnknown, ind.ID, strings.Join(ind.PublicIDs(), ", "))
	}
	vs := c.vintages[vintageKey{ind.ID, c.cog, level, public}]
	if len(vs) == 0 {
		return ind, public, "", c.noData(ind, level, public)
	}
	if vintage == "" {
		return ind, public, vs[len(vs)-1], nil
	}
	if !slices.Contains(vs, vintage) {
		return ind, public, "", fmt.Errorf("millésime %q %w pour %s, public %s (millésimes\u00a0: %s)", vintage, ErrUnknown, ind.ID, public, strings.Join(vs, ", "))
	}
	return ind, public, vintage, nil
}

// noData explains why an indicator has no fact on the cube's COG.
func (c *Cube) noData(ind Indicator, level value.Level, public string) error {
	for _, other := range c.cogs {
		if other != c.cog && len(c.vintages[vintageKey{ind.ID, other, level, public}]) > 0 {
			return fmt.Errorf("%s (public %s)\u00a0: %w sur le COG %d\u00a0; disponible sur le COG %d (--cog %d)", ind.ID, public, ErrNoData, c.cog, other, other)
		}
	}
	if ind.Status == ToIntegrate {
		return fmt.Errorf("%s (public %s)\u00a0: %w — source à intégrer\u00a0: %s", ind.ID, public, ErrNoData, ind.Source)
	}
	return fmt.Errorf("%s (public %s)\u00a0: %w au niveau %s — source\u00a0: %s", ind.ID, public, ErrNoData, level, ind.Source)
}

// Values returns the facts of an indicator for every territory of a level,
// ordered by code. An empty vintage means the latest, an empty public the
// indicator's default public (ensemble when it has one).
func (c *Cube) Values(ctx context.Context, indicator string, level value.Level, vintage, public string) ([]Fact, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !slices.Contains(value.Levels, level) {
		return nil, fmt.Errorf("niveau %q %w (niveaux\u00a0: %s)", level, ErrUnknown, value.JoinLevels(value.Levels, ", "))
	}
	ind, public, vintage, err := c.resolve(indicator, level, public, vintage)
	if err != nil {
		return nil, err
	}
	r, ok := c.slices[sliceKey{ind.ID, c.cog, level, public, vintage}]
	if !ok {
		return nil, fmt.Errorf("%s au niveau %s\u00a0: %w", ind.ID, level, ErrNoData)
	}
	return slices.Clone(c.facts[r[0]:r[1]]), nil
}

// Territory finds a territory by code on the cube's COG. A code is unique
// across levels in Bretagne; the finest level wins otherwise.
func (c *Cube) Territory(code string) (Territory, error) {
	levels := c.byCode[c.cog][code]
	for _, l := range value.Levels {
		if slices.Contains(levels, l) {
			return c.terr[c.cog][string(l)+"|"+code], nil
		}
	}
	return Territory{}, fmt.Errorf("territoire %q %w au COG %d", code, ErrUnknown, c.cog)
}

// Territories lists the territories of a level, ordered by code.
func (c *Cube) Territories(level value.Level) []Territory {
	var out []Territory
	for _, t := range c.terr[c.cog] {
		if t.Level == level {
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// Within reports whether t lies in parent (or is parent).
func (t Territory) Within(parent Territory) bool {
	switch parent.Level {
	case t.Level:
		return t.Code == parent.Code
	case value.LevelEPCI:
		return t.Level == value.LevelCommune && t.EPCI == parent.Code
	case value.LevelDepartement:
		return (t.Level == value.LevelCommune || t.Level == value.LevelEPCI) && t.Departement == parent.Code
	case value.LevelRegion:
		return t.Level != value.LevelFrance && (t.Region == parent.Code || t.Level == value.LevelDepartement || t.Level == value.LevelEPCI)
	case value.LevelFrance:
		return true
	}
	return false
}

// Chain returns a territory followed by its EPCI, département, région and
// France; a QPV or IRIS by its commune(s) and their EPCI, and a QPV then
// by the ensemble des QPV (the publisher's summary row).
func (c *Cube) Chain(t Territory) []Territory {
	out := []Territory{t}
	add := func(level value.Level, code string) {
		if code != "" {
			if p, ok := c.terr[c.cog][string(level)+"|"+code]; ok {
				out = append(out, p)
			}
		}
	}
	switch t.Level {
	case value.LevelCommune:
		add(value.LevelEPCI, t.EPCI)
		add(value.LevelDepartement, t.Departement)
		add(value.LevelRegion, t.Region)
	case value.LevelEPCI:
		add(value.LevelDepartement, t.Departement)
		add(value.LevelRegion, t.Region)
	case value.LevelDepartement:
		add(value.LevelRegion, t.Region)
	case value.LevelQPV, value.LevelIRIS:
		for _, m := range t.Communes {
			add(value.LevelCommune, m)
		}
		add(value.LevelEPCI, t.EPCI)
		if t.Level == value.LevelQPV {
			out = append(out, Territory{Level: value.LevelQPV, Code: SummaryQPV, Name: SummaryQPVName, COG: c.cog})
		}
		return out
	}
	if t.Level != value.LevelFrance {
		add(value.LevelFrance, "FR")
	}
	return out
}

// Comparison is one indicator for a territory and the territories holding
// it, in the order of Chain.
type Comparison struct {
	Indicator Indicator
	Public    string
	Vintage   string
	Facts     []Fact
}

// Compare returns, for every indicator of the catalogue (default public,
// latest vintage), the facts of the territory, its EPCI, département,
// région and France. An indicator without data gets facts with status
// missing and the reason (source to integrate, other COG…); France is
// missing unless a source publishes it.
func (c *Cube) Compare(ctx context.Context, code string) ([]Comparison, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	t, err := c.Territory(code)
	if err != nil {
		return nil, err
	}
	chain := c.Chain(t)
	out := make([]Comparison, 0, len(c.cat.Indicators))
	for _, ind := range c.cat.Indicators {
		cmp := Comparison{Indicator: ind, Public: ind.DefaultPublic(), Facts: make([]Fact, len(chain))}
		_, _, vintage, rerr := c.resolve(ind.ID, t.Level, cmp.Public, "")
		if rerr == nil && ind.Kind == KindPublished {
			// A published indicator not published for this territory in the
			// level's latest vintage (Filosofi 2021 exists for communes, not
			// for EPCI) is compared in the territory's latest published
			// year: the whole row moves to that year, never mixing years.
			if j, ok := c.one[factKey{sliceKey{ind.ID, c.cog, t.Level, cmp.Public, vintage}, t.Code}]; ok && !c.facts[j].HasValue() && c.facts[j].Reason == ReasonNotPublished {
				if f, ok := c.latestWithValue(ind.ID, t, cmp.Public); ok && f.HasValue() {
					vintage = f.Vintage
				}
			}
		}
		cmp.Vintage = vintage
		for i, p := range chain {
			if rerr == nil {
				if j, ok := c.one[factKey{sliceKey{ind.ID, c.cog, p.Level, cmp.Public, vintage}, p.Code}]; ok {
					cmp.Facts[i] = c.facts[j]
					// A published indicator of a broader reference that is
					// not published for this vintage (Filosofi 2021 for
					// communes only) shows its latest published value, which
					// carries its own vintage: never recomputed, and labelled.
					if f, ok := c.latestWithValue(ind.ID, p, cmp.Public); i > 0 && ind.Kind == KindPublished && !cmp.Facts[i].HasValue() &&
						cmp.Facts[i].Reason == ReasonNotPublished && ok && f.HasValue() {
						cmp.Facts[i] = f
					}
					continue
				}
			}
			if i > 0 && isSubLevel(t.Level) {
				// The commune, the EPCI and the ensemble des QPV of a
				// quartier have vintages of their own: their latest with
				// a value, which the fact carries.
				if f, ok := c.latestWithValue(ind.ID, p, cmp.Public); ok {
					cmp.Facts[i] = f
					continue
				}
			}
			reason := "aucune donnée"
			if rerr != nil {
				reason = rerr.Error()
			} else if i > 0 && isSubLevel(t.Level) && p.Code != SummaryQPV {
				reason = "aucune valeur chargée pour les " + p.Level.Plural()
				if ind.Status == ToIntegrate {
					reason += " — source à intégrer\u00a0: " + ind.Source
				}
			}
			cmp.Facts[i] = Fact{Indicator: ind.ID, Level: p.Level, Code: p.Code, Name: p.Name, Public: cmp.Public, Vintage: vintage, COG: c.cog,
				Value: nan, Numerator: nan, Denominator: nan, Status: value.StatusMissing, Reason: reason, Source: ind.Source, Unit: ind.Unit, CrossBorder: p.CrossBorder}
		}
		out = append(out, cmp)
	}
	return out, nil
}

// Ranked is a fact with its rank among the territories of its level: 1 for
// the highest value, ties sharing a rank; Rank is 0 for a fact without a
// value (secret or missing), which is listed last and never ranked.
type Ranked struct {
	Fact
	Rank int
	Of   int // number of ranked territories
}

// Rank orders the territories of a level by decreasing value.
func (c *Cube) Rank(ctx context.Context, indicator string, level value.Level, vintage, public string) ([]Ranked, error) {
	facts, err := c.Values(ctx, indicator, level, vintage, public)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(facts, func(i, j int) bool {
		a, b := facts[i], facts[j]
		if a.HasValue() != b.HasValue() {
			return a.HasValue()
		}
		if a.HasValue() && a.Value != b.Value {
			return a.Value > b.Value
		}
		return a.Code < b.Code
	})
	n := 0
	for _, f := range facts {
		if f.HasValue() {
			n++
		}
	}
	out := make([]Ranked, len(facts))
	for i, f := range facts {
		out[i] = Ranked{Fact: f, Of: n}
		switch {
		case !f.HasValue():
		case i > 0 && facts[i-1].HasValue() && facts[i-1].Value == f.Value:
			out[i].Rank = out[i-1].Rank
		default:
			out[i].Rank = i + 1
		}
	}
	return out, nil
}

// Series returns the facts of one territory across every vintage of an
// indicator, oldest first. A vintage that is not published (such as
// Filosofi 2022) is absent, never interpolated.
func (c *Cube) Series(ctx context.Context, indicator, code, public string) ([]Fact, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	t, err := c.Territory(code)
	if code == SummaryQPV {
		t, err = Territory{Level: value.LevelQPV, Code: SummaryQPV, Name: SummaryQPVName, COG: c.cog}, nil
	}
	if err != nil {
		return nil, err
	}
	ind, public, _, err := c.resolve(indicator, t.Level, public, "")
	if err != nil {
		return nil, err
	}
	var out []Fact
	for _, v := range c.vintages[vintageKey{ind.ID, c.cog, t.Level, public}] {
		if j, ok := c.one[factKey{sliceKey{ind.ID, c.cog, t.Level, public, v}, t.Code}]; ok {
			out = append(out, c.facts[j])
		}
	}
	return out, nil
}

// Decimals returns the number of decimals to print an indicator's values.
func (c *Cube) Decimals(indicator string) int {
	if ind, ok := c.cat.Indicator(indicator); ok {
		return ind.Decimals
	}
	return 1
}

// latestWithValue is the fact of territory p at the latest vintage where
// it has a value, else at its latest vintage.
func (c *Cube) latestWithValue(indicator string, p Territory, public string) (Fact, bool) {
	vs := c.vintages[vintageKey{indicator, c.cog, p.Level, public}]
	var last Fact
	found := false
	for k := len(vs) - 1; k >= 0; k-- {
		j, ok := c.one[factKey{sliceKey{indicator, c.cog, p.Level, public, vs[k]}, p.Code}]
		if !ok {
			continue
		}
		if c.facts[j].HasValue() {
			return c.facts[j], true
		}
		if !found {
			last, found = c.facts[j], true
		}
	}
	return last, found
}
