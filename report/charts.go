// Charts by public on a sheet: the population by age band, unemployment by
// age, poverty by age of the household's reference person and by tenure
// (where the source publishes them for the territory), and single-parent
// families against the references. Each is a static SVG from the maps
// package, built by the atlas where it has the chart, inlined.

package report

import (
	"errors"
	"fmt"
	"slices"

	"github.com/region-bretagne/obs/atlas"

	"github.com/region-bretagne/obs/charts"
	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/value"
)

// ageCharts are the indicators drawn by age band (atlas.AgeChart); a
// published (non-additive) one is drawn only where the territory has a
// value.
var ageCharts = []struct {
	indicator string
	published bool
}{
	{"population", false},
	{"taux_chomage_15_64", false},
	{"taux_pauvrete", true},
}

// tenurePublics are the publics of the chart by tenure status.
var tenurePublics = []string{"proprietaires", "locataires"}

// charts draws the charts by public of the territory.
func (b *builder) charts() ([]Chart, error) {
	var out []Chart
	add := func(id string, ch interface{ SVG() ([]byte, error) }, title string) error {
		svg, err := ch.SVG()
		if err != nil {
			return err
		}
		out = append(out, Chart{Title: title, SVG: inlineSVG(svg, "graphique-"+id)})
		return nil
	}
	for _, ac := range ageCharts {
		ch, err := b.a.AgeChart(b.ctx, ac.indicator, b.t.Code)
		var bad *atlas.Error
		if errors.Is(err, cube.ErrNoData) || errors.As(err, &bad) {
			continue // no age bands, or no value by age for this territory
		}
		if err != nil {
			return nil, fmt.Errorf("%s par âge : %w", ac.indicator, err)
		}
		if ac.published && !anyDrawn(ch.Bands) {
			continue
		}
		ch.Title, ch.Subtitle, ch.Source = fr(ch.Title), fr(ch.Subtitle), fr(ch.Source)
		if err := add("age-"+ac.indicator, ch, ch.Title); err != nil {
			return nil, err
		}
	}
	if ch, ok, err := b.tenureChart("taux_pauvrete"); err != nil {
		return nil, err
	} else if ok {
		if err := add("statut-taux_pauvrete", ch, ch.Title); err != nil {
			return nil, err
		}
	}
	if ch, ok, err := b.referenceChart("part_familles_monoparentales"); err != nil {
		return nil, err
	} else if ok {
		if err := add("reference-part_familles_monoparentales", ch, ch.Title); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// anyDrawn reports whether a band has a value.
func anyDrawn(bands []charts.AgeBand) bool {
	for _, b := range bands {
		if b.Total.Status != value.StatusSecret && b.Total.Status != value.StatusMissing {
			return true
		}
	}
	return false
}

// tenureChart draws an indicator for owners and tenants, latest vintage,
// when the source publishes it for the territory.
func (b *builder) tenureChart(indicator string) (charts.PyramidChart, bool, error) {
	cat := b.a.Cube.Catalogue()
	ind, ok := cat.Indicator(indicator)
	if !ok {
		return charts.PyramidChart{}, false, nil
	}
	ch := charts.PyramidChart{ChartText: charts.ChartText{ID: "statut-" + ind.ID, Title: fr(ind.Label),
		Subtitle: b.t.Name + " · selon le statut d'occupation du logement", Unit: cellUnit(ind.Unit), Decimals: ind.Decimals}}
	drawn := 0
	for _, pub := range tenurePublics {
		p, ok := cat.Public(pub)
		if _, has := ind.Expr(pub); !ok || !has {
			return charts.PyramidChart{}, false, nil
		}
		f, found, err := b.latest(ind.ID, pub)
		if err != nil {
			return charts.PyramidChart{}, false, err
		}
		v := charts.ChartValue{Status: value.StatusMissing}
		if found {
			v.Status = f.Status
			if f.HasValue() {
				v.Value = f.Value
				drawn++
			}
			ch.Source, ch.Vintage = fr(f.Source), f.Vintage
		}
		ch.Bands = append(ch.Bands, charts.AgeBand{Label: p.Label, Total: v})
	}
	return ch, drawn > 0, nil
}

// latest returns the territory's fact of an indicator for a public at the
// latest vintage that has one.
func (b *builder) latest(indicator, public string) (cube.Fact, bool, error) {
	series, err := b.a.Cube.Series(b.ctx, indicator, b.t.Code, public)
	if errors.Is(err, cube.ErrNoData) {
		return cube.Fact{}, false, nil // no vintage of this public on the cube's COG
	}
	if err != nil {
		return cube.Fact{}, false, fmt.Errorf("%s, public %s : %w", indicator, public, err)
	}
	if len(series) == 0 {
		return cube.Fact{}, false, nil
	}
	return series[len(series)-1], true, nil
}

// referenceChart compares the territory with the references shown in the
// tables (the columns left out are left out here too).
func (b *builder) referenceChart(indicator string) (charts.ReferenceChart, bool, error) {
	c, ok := b.cmp[indicator]
	if !ok || c.Vintage == "" || !c.Facts[0].HasValue() {
		return charts.ReferenceChart{}, false, nil
	}
	ch, err := b.a.ReferenceChart(b.ctx, indicator, b.t.Code)
	if err != nil {
		return ch, false, fmt.Errorf("%s : %w", indicator, err)
	}
	var bars []charts.ReferenceBar
	for i, bar := range ch.Bars {
		if slices.Contains(b.cols, i) {
			bars = append(bars, bar)
		}
	}
	ch.Bars = bars
	ch.Title, ch.Subtitle = fr(ch.Title), fr(b.t.Name+" et ses territoires de référence")
	ch.Source = fr(ch.Source)
	return ch, true, nil
}
