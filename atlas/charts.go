// Chart requests: from the cube's answers to the maps package's charts (a
// territory against its references, a ranking, a time series), so that
// the CLI, the service and the fact sheets draw the same charts.

package atlas

import (
	"context"
	"fmt"
	"strconv"

	"github.com/region-bretagne/obs/charts"
	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/value"
)

// ChartKinds are the charts obs draws from one indicator.
var ChartKinds = []string{"reference", "ranking", "series", "ages"}

func chartValue(f cube.Fact) charts.ChartValue {
	v := charts.ChartValue{Status: f.Status}
	if f.HasValue() {
		v.Value = f.Value
	}
	return v
}

func (a *Atlas) chartText(ind cube.Indicator, id, subtitle string, f cube.Fact) charts.ChartText {
	return charts.ChartText{ID: id, Title: ind.Label, Subtitle: subtitle, Unit: ind.Unit, Decimals: ind.Decimals,
		Source: f.Source, Vintage: f.Vintage}
}

func (a *Atlas) indicator(id string) (cube.Indicator, error) {
	ind, ok := a.Cube.Catalogue().Indicator(id)
	if !ok {
		return ind, badf("indicateur inconnu « %s » (voir /api/indicators)", "unknown indicator %q (see /api/indicators)", id)
	}
	return ind, nil
}

func (a *Atlas) territory(code string) (cube.Territory, error) {
	t, err := a.Cube.Territory(code)
	if err != nil {
		return t, badf("territoire inconnu « %s » au COG %d", "unknown territory %q on COG %d", code, a.Cube.COG())
	}
	return t, nil
}

// ReferenceChart compares a territory with its EPCI, département, région
// (and France where published) on one indicator.
func (a *Atlas) ReferenceChart(ctx context.Context, indicator, code string) (charts.ReferenceChart, error) {
	ind, err := a.indicator(indicator)
	if err != nil {
		return charts.ReferenceChart{}, err
	}
	if _, err := a.territory(code); err != nil {
		return charts.ReferenceChart{}, err
	}
	cmps, err := a.Cube.Compare(ctx, code)
	if err != nil {
		return charts.ReferenceChart{}, err
	}
	for _, c := range cmps {
		if c.Indicator.ID != ind.ID {
			continue
		}
		ch := charts.ReferenceChart{ChartText: a.chartText(ind, "reference-"+ind.ID, c.Facts[0].Name+" et ses territoires de référence", c.Facts[0])}
		for _, f := range c.Facts {
			ch.Bars = append(ch.Bars, charts.ReferenceBar{Label: f.Name, Level: f.Level.Short(), ChartValue: chartValue(f)})
		}
		return ch, nil
	}
	return charts.ReferenceChart{}, fmt.Errorf("indicator %s missing from the comparison of %s", ind.ID, code)
}

// RankingChart ranks every territory of a level, with the region's value
// as the reference line when it has one.
func (a *Atlas) RankingChart(ctx context.Context, indicator string, level value.Level, vintage, public, highlight string) (charts.RankingChart, error) {
	ind, err := a.indicator(indicator)
	if err != nil {
		return charts.RankingChart{}, err
	}
	facts, err := a.Cube.Values(ctx, indicator, level, vintage, public)
	if err != nil {
		return charts.RankingChart{}, err
	}
	if len(facts) == 0 {
		return charts.RankingChart{}, badf("aucune valeur", "no values")
	}
	ch := charts.RankingChart{ChartText: a.chartText(ind, "ranking-"+ind.ID, "Classement des "+level.Plural(), facts[0]), Highlight: highlight}
	for _, f := range facts {
		ch.Items = append(ch.Items, charts.RankedItem{Code: f.Code, Name: f.Name, ChartValue: chartValue(f)})
	}
	if reg, err := a.Cube.Values(ctx, indicator, value.LevelRegion, facts[0].Vintage, facts[0].Public); err == nil && len(reg) == 1 && reg[0].HasValue() {
		ch.Reference = &charts.ReferenceLine{Label: reg[0].Name, Value: reg[0].Value}
	}
	if s, ok := a.Cube.Summary(indicator, facts[0].Public, facts[0].Vintage); ok && level == value.LevelQPV && s.HasValue() {
		ch.Reference = &charts.ReferenceLine{Label: s.Name, Value: s.Value}
	}
	return ch, nil
}

// SeriesChart draws a territory and its references across every vintage
// of an indicator; unpublished vintages stay gaps.
func (a *Atlas) SeriesChart(ctx context.Context, indicator, code, public string) (charts.TimeSeriesChart, error) {
	ind, err := a.indicator(indicator)
	if err != nil {
		return charts.TimeSeriesChart{}, err
	}
	t, err := a.territory(code)
	if err != nil {
		return charts.TimeSeriesChart{}, err
	}
	var ch charts.TimeSeriesChart
	for i, p := range a.Cube.Chain(t) {
		series, err := a.Cube.Series(ctx, indicator, p.Code, public)
		if err != nil {
			return charts.TimeSeriesChart{}, err
		}
		ts := charts.TimeSeries{Name: p.Name}
		for _, f := range series {
			year, err := strconv.Atoi(f.Vintage)
			if err != nil {
				continue // multi-year vintages ("2016-2021") are not points of a series
			}
			ts.Points = append(ts.Points, charts.TimePoint{Year: year, ChartValue: chartValue(f)})
			if i == 0 {
				ch.ChartText = a.chartText(ind, "series-"+ind.ID, t.Name+" et ses territoires de référence", f)
			}
		}
		if len(ts.Points) > 0 {
			ch.Series = append(ch.Series, ts)
		}
	}
	if len(ch.Series) == 0 {
		return ch, badf("pas de série pour %s à %s", "no series for %s in %s", indicator, code)
	}
	ch.Vintage = ""
	return ch, nil
}
