// Drawing a chart request as static SVG or as a go-echarts chart.

package atlas

import (
	"context"
	"slices"
	"strings"

	"github.com/region-bretagne/obs/echartspage"
	"github.com/region-bretagne/obs/value"
)

// ChartRequest is a chart question, as `obs chart` and /charts take it.
type ChartRequest struct {
	Kind, Indicator, Level, Territory, Public, Vintage string
}

// drawable is what every maps chart offers.
type drawable interface {
	SVG() ([]byte, error)
	Echarts() (*echartspage.Chart, error)
}

// Chart answers a chart request.
func (a *Atlas) Chart(ctx context.Context, r ChartRequest) (drawable, error) {
	if !slices.Contains(ChartKinds, r.Kind) {
		return nil, badf("type de graphique inconnu « %s » (%s)", "unknown chart kind %q (%s)", r.Kind, strings.Join(ChartKinds, ", "))
	}
	if r.Kind != "ranking" && r.Territory == "" {
		return nil, badf("ce graphique demande un territoire (territory)", "this chart needs a territory")
	}
	switch r.Kind {
	case "reference":
		return a.ReferenceChart(ctx, r.Indicator, r.Territory)
	case "series":
		return a.SeriesChart(ctx, r.Indicator, r.Territory, r.Public)
	case "ages":
		return a.AgeChart(ctx, r.Indicator, r.Territory)
	}
	if r.Level == "" {
		r.Level = string(value.LevelEPCI)
	}
	return a.RankingChart(ctx, r.Indicator, value.Level(r.Level), r.Vintage, r.Public, r.Territory)
}
