// Evaluation of a validated plan from the cube: for each row, the
// baseline, the current value (latest vintage) and the target, then the
// progress (Assess); and the breakdown of one row over every territory
// of a level.

package plan

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/value"
)

// Result is the progress of one row of the plan.
type Result struct {
	Row
	ThemeLabel     string
	IndicatorLabel string
	Unit           value.Unit
	Decimals       int
	Level          value.Level
	TerritoryName  string
	Base           Point // Value NaN when unknown
	BaseFromFile   bool  // the baseline was given in the plan file
	Current        Point // Year 0 when no vintage
	Target         Point // Year 0 when no target
	Progress
	NoBaseline bool        // the cube has no figure for the baseline year
	Series     []cube.Fact // the territory's series, oldest first
	Sources    []string    // source and vintage of the figures used
	Indicator  cube.Indicator
}

// Bilan is an evaluated plan.
type Bilan struct {
	Name    string
	COG     int
	Year    int // the evaluation year (vintage age of the coverage)
	Results []Result
	Gaps    []Gap
}

// Evaluate measures every row of a validated plan. year is the current
// year, for the age of the latest vintages (Coverage).
func Evaluate(ctx context.Context, c *cube.Cube, p *Plan, year int) (*Bilan, error) {
	b := &Bilan{Name: p.Name, COG: c.COG(), Year: year}
	for _, r := range p.Rows {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		res, err := evaluateRow(ctx, c, r)
		if err != nil {
			return nil, fmt.Errorf("%s ligne %d: %w", p.Name, r.Line, err)
		}
		b.Results = append(b.Results, res)
	}
	b.Gaps = Coverage(b.Results, year)
	return b, nil
}

// evaluateRow measures one row.
func evaluateRow(ctx context.Context, c *cube.Cube, r Row) (Result, error) {
	cat := c.Catalogue()
	res := Result{Row: r, Base: Point{r.BaseYear, r.BaseValue}, BaseFromFile: !math.IsNaN(r.BaseValue)}
	res.Rate, res.ObservedGrowth, res.RequiredGrowth = math.NaN(), math.NaN(), math.NaN()
	res.Current.Value = math.NaN()
	if th, ok := cat.Theme(r.Theme); ok {
		res.ThemeLabel = th.Label
	}
	if r.HasTarget() {
		res.Target = Point{r.TargetYear, r.TargetValue}
	} else {
		res.Target.Value = math.NaN()
	}
	na := func(reason string) (Result, error) { res.Status, res.Reason = NotAssessed, reason; return res, nil }
	if r.Indicator == "" {
		return na("action sans indicateur")
	}
	ind, ok := cat.Indicator(r.Indicator)
	if !ok {
		return res, fmt.Errorf("indicateur %q %w", r.Indicator, cube.ErrUnknown)
	}
	res.Indicator, res.IndicatorLabel, res.Unit, res.Decimals = ind, ind.Label, ind.Unit, ind.Decimals
	t, err := c.Territory(r.Territory)
	if err != nil {
		return res, err
	}
	res.Level, res.TerritoryName = t.Level, t.Name
	if ind.Status == cube.ToIntegrate {
		res.NoBaseline = !res.BaseFromFile
		return na("source à intégrer\u00a0: " + ind.Source)
	}
	series, err := c.Series(ctx, r.Indicator, r.Territory, r.Public)
	if err != nil {
		res.NoBaseline = !res.BaseFromFile
		return na(err.Error())
	}
	for _, f := range series {
		if f.Reason != cube.ReasonNotPublished {
			res.Series = append(res.Series, f)
		}
	}
	if len(res.Series) == 0 {
		res.NoBaseline = !res.BaseFromFile
		return na("aucun millésime publié pour ce territoire")
	}
	cur := res.Series[len(res.Series)-1]
	res.Current = Point{VintageYear(cur.Vintage), cur.Value}
	res.Sources = append(res.Sources, cur.Source)
	var base *cube.Fact
	for i := range res.Series {
		if VintageYear(res.Series[i].Vintage) == r.BaseYear {
			base = &res.Series[i]
		}
	}
	if !res.BaseFromFile {
		if base == nil || !base.HasValue() {
			res.NoBaseline = true
		}
		if base == nil {
			return na(fmt.Sprintf("pas de millésime %d dans le cube (millésimes\u00a0: %s)", r.BaseYear, vintages(res.Series)))
		}
		res.Base.Value = base.Value
		if base.Source != cur.Source {
			res.Sources = append([]string{base.Source}, res.Sources...)
		}
		if !base.HasValue() {
			return na(fmt.Sprintf("valeur de référence %s (%d)", base.Status.Label(), r.BaseYear))
		}
	}
	if !cur.HasValue() {
		return na(fmt.Sprintf("valeur courante %s (%s)", cur.Status.Label(), cur.Vintage))
	}
	if base != nil && (base.Status == value.StatusPartial || cur.Status == value.StatusPartial) && math.Abs(base.Coverage-cur.Coverage) > 1e-6 {
		return na(fmt.Sprintf("périmètre modifié entre %d et %s (couverture %s → %s)", r.BaseYear, cur.Vintage,
			value.UnitPercent.Format(100*base.Coverage, 1), value.UnitPercent.Format(100*cur.Coverage, 1)))
	}
	res.Progress = Assess(Input{Direction: r.Direction, Base: res.Base, Current: res.Current, Target: res.Target})
	return res, nil
}

// Breakdown evaluates one row for every territory of a level where the
// indicator exists. The baseline comes from the cube for each territory,
// and the target is transposed as the same relative change from each
// territory's baseline (the plan's required annual rate, asked of every
// territory): an absolute regional target would be wrongly reached or
// contrary for territories above or below the region. Without a
// positive baseline (the row's or the territory's), the territory is
// assessed without a target.
func Breakdown(ctx context.Context, c *cube.Cube, r Row, level value.Level) ([]Result, error) {
	whole, err := evaluateRow(ctx, c, r)
	if err != nil {
		return nil, err
	}
	var out []Result
	for _, t := range c.Territories(level) {
		tr := r
		tr.Territory, tr.BaseValue, tr.TargetValue = t.Code, math.NaN(), math.NaN()
		res, err := evaluateRow(ctx, c, tr)
		if err != nil {
			return nil, err
		}
		if len(res.Series) == 0 {
			continue
		}
		if r.HasTarget() && whole.Base.Value > 0 && res.Base.Value > 0 && res.Status != NotAssessed {
			res.Target = Point{r.TargetYear, res.Base.Value * r.TargetValue / whole.Base.Value}
			res.Progress = Assess(Input{Direction: r.Direction, Base: res.Base, Current: res.Current, Target: res.Target})
		}
		out = append(out, res)
	}
	return out, nil
}

var yearRe = regexp.MustCompile(`(19|20)\d\d`)

// VintageYear is the last year named in a vintage ("2021", "2016-2021",
// "décembre 2024"), 0 when none.
func VintageYear(v string) int {
	all := yearRe.FindAllString(v, -1)
	if len(all) == 0 {
		return 0
	}
	y, _ := strconv.Atoi(all[len(all)-1])
	return y
}

func vintages(series []cube.Fact) string {
	vs := make([]string, len(series))
	for i, f := range series {
		vs[i] = f.Vintage
	}
	return strings.Join(vs, ", ")
}
