// Fixtures of the chart tests: one chart of each kind with ok, floored,
// estimated, secret and missing values.

package charts

import (
	"fmt"

	"github.com/region-bretagne/obs/echartspage"
	"github.com/region-bretagne/obs/value"
)

func okv(v float64) ChartValue { return ChartValue{Value: v, Status: value.StatusOK} }

func referenceFixture() ReferenceChart {
	return ReferenceChart{
		ChartText: ChartText{Title: "Taux de pauvreté", Subtitle: "Rennes et ses territoires de référence",
			Unit: value.UnitPercent, Decimals: 1, Source: "Insee, Filosofi", Vintage: "2021"},
		Bars: []ReferenceBar{
			{Label: "Rennes", Level: "Commune", ChartValue: okv(20.3)},
			{Label: "Rennes Métropole", Level: "EPCI", ChartValue: ChartValue{14.1, value.StatusEstimated}},
			{Label: "Ille-et-Vilaine", Level: "Département", ChartValue: ChartValue{Status: value.StatusMissing}},
			{Label: "Bretagne", Level: "Région", ChartValue: okv(10.9)},
			{Label: "France métropolitaine", Level: "France", ChartValue: ChartValue{Status: value.StatusSecret}},
		},
	}
}

// rankingFixture has 61 EPCI with a tie, one secret and one missing value.
func rankingFixture() RankingChart {
	var items []RankedItem
	for i := 0; i < 61; i++ {
		v := okv(float64((i*37)%61)/4 + 6)
		switch i {
		case 7:
			v = ChartValue{Status: value.StatusSecret}
		case 30:
			v = ChartValue{Status: value.StatusMissing}
		case 44:
			v.Status = value.StatusFloored
		}
		name := fmt.Sprintf("CC fictive n°%02d", i+1)
		if i%5 == 0 {
			name = fmt.Sprintf("Communauté d’agglomération fictive & associés n°%02d", i+1)
		}
		items = append(items, RankedItem{Code: fmt.Sprintf("2%08d", i), Name: name, ChartValue: v})
	}
	items[12].Value = items[13].Value // a tie: 19,5 %
	return RankingChart{
		ChartText: ChartText{Title: "Taux de pauvreté des EPCI", Subtitle: "EPCI touchant la Bretagne",
			Unit: value.UnitPercent, Decimals: 1, Source: "Insee, Filosofi", Vintage: "2021"},
		Items: items, Highlight: "200000012", Reference: &ReferenceLine{Label: "Bretagne", Value: 10.9},
	}
}

// timeSeriesFixture spans 2017–2023 with Filosofi 2022 missing for all,
// a secret EPCI value in 2019 and an estimated value in 2020.
func timeSeriesFixture() TimeSeriesChart {
	pts := func(vals map[int]ChartValue) []TimePoint {
		var out []TimePoint
		for y := 2017; y <= 2023; y++ {
			if v, ok := vals[y]; ok {
				out = append(out, TimePoint{Year: y, ChartValue: v})
			}
		}
		return out
	}
	return TimeSeriesChart{
		ChartText: ChartText{Title: "Taux de pauvreté", Subtitle: "Rennes, 2017–2023", Unit: value.UnitPercent, Decimals: 1,
			Source: "Insee, Filosofi", Vintage: "2017 à 2023"},
		Series: []TimeSeries{
			{Name: "Rennes", Points: pts(map[int]ChartValue{2017: okv(20.1), 2018: okv(20.5), 2019: okv(20.3),
				2020: {20.9, value.StatusEstimated}, 2021: okv(21.2), 2023: okv(21.0)})},
			{Name: "Rennes Métropole", Points: pts(map[int]ChartValue{2017: okv(13.9), 2018: okv(14.0), 2019: {Status: value.StatusSecret},
				2020: okv(14.3), 2021: okv(14.6), 2023: okv(14.4)})},
			{Name: "Bretagne", Points: pts(map[int]ChartValue{2017: okv(10.8), 2018: okv(10.9), 2019: okv(10.8), 2020: okv(10.7),
				2021: okv(10.9), 2022: {Status: value.StatusMissing}, 2023: okv(11.0)})},
		},
	}
}

// pyramidFixture has seven census age bands; men 90+ are secret and the
// total 90+ is missing.
func pyramidFixture(bySex bool) PyramidChart {
	labels := []string{"0 à 14 ans", "15 à 29 ans", "30 à 44 ans", "45 à 59 ans", "60 à 74 ans", "75 à 89 ans", "90 ans ou plus"}
	men := []float64{19876.4, 34210.2, 22001, 18900.7, 15020, 7010, 601}
	women := []float64{18950.1, 35871.9, 22870.3, 20111, 17892, 10870, 1820.5}
	var bands []AgeBand
	for i, l := range labels {
		bands = append(bands, AgeBand{Label: l, Men: okv(men[i]), Women: okv(women[i]), Total: okv(men[i] + women[i])})
	}
	bands[6].Men = ChartValue{Status: value.StatusSecret}
	bands[6].Total = ChartValue{Status: value.StatusMissing}
	return PyramidChart{
		ChartText: ChartText{Title: "Population par âge", Subtitle: "Rennes", Unit: value.UnitCount, Source: "Insee, RP", Vintage: "2022"},
		Bands:     bands, BySex: bySex,
	}
}

// staticChart is what the table-driven tests need from each chart.
type staticChart interface {
	SVG() ([]byte, error)
	Echarts() (*echartspage.Chart, error)
}

// chartFixtures lists every fixture by golden-file name.
func chartFixtures() []struct {
	name  string
	chart staticChart
} {
	return []struct {
		name  string
		chart staticChart
	}{
		{"reference", referenceFixture()},
		{"ranking", rankingFixture()},
		{"timeseries", timeSeriesFixture()},
		{"pyramid", pyramidFixture(true)},
		{"ages", pyramidFixture(false)},
	}
}
