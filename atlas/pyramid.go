// The age chart: an indicator by age band for one territory (population
// by census age band, poverty rate by age of the fiscal reference person).

package atlas

import (
	"context"
	"slices"

	"github.com/region-bretagne/obs/charts"
	"github.com/region-bretagne/obs/value"
)

// ageBandSets are the disjoint age bands of the sources, youngest first.
// No staged source splits ages by sex, so the chart draws bars by band.
var ageBandSets = [][]string{
	{"age_0_14", "age_15_29", "age_30_44", "age_45_59", "age_60_74", "age_75_89", "age_90_plus"},
	{"age_moins_30", "age_30_39", "age_40_49", "age_50_59", "age_60_74_ref", "age_75_plus_ref"},
	{"age_15_24", "age_25_54", "age_55_64"},
}

// AgeChart draws an indicator by age band for a territory.
func (a *Atlas) AgeChart(ctx context.Context, indicator, code string) (charts.PyramidChart, error) {
	ind, err := a.indicator(indicator)
	if err != nil {
		return charts.PyramidChart{}, err
	}
	t, err := a.territory(code)
	if err != nil {
		return charts.PyramidChart{}, err
	}
	publics := ind.PublicIDs()
	var bands []string
	for _, set := range ageBandSets {
		if len(bands) == 0 && !slices.ContainsFunc(set, func(p string) bool { return !slices.Contains(publics, p) }) {
			bands = set
		}
	}
	if bands == nil {
		return charts.PyramidChart{}, badf("« %s » n'est pas ventilé par tranche d'âge", "%q has no age bands", ind.ID)
	}
	ch := charts.PyramidChart{}
	for _, p := range bands {
		label := p
		if pp, ok := a.Cube.Catalogue().Public(p); ok {
			label = pp.Label
		}
		band := charts.AgeBand{Label: label, Total: charts.ChartValue{Status: value.StatusMissing}}
		facts, err := a.Cube.Values(ctx, indicator, t.Level, "", p)
		if err != nil {
			return charts.PyramidChart{}, err
		}
		for _, f := range facts {
			if f.Code == code {
				band.Total = chartValue(f)
				if ch.Title == "" {
					ch.ChartText = a.chartText(ind, "ages-"+ind.ID, t.Name+" · par tranche d'âge", f)
				}
			}
		}
		ch.Bands = append(ch.Bands, band)
	}
	if ch.Title == "" {
		return ch, badf("pas de valeur par âge pour %s à %s", "no values by age for %s in %s", indicator, code)
	}
	return ch, nil
}
