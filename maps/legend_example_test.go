// This file shows, as runnable documentation, how a caller builds the
// legend that goes with the fill, from the breaks of the classification.

package maps_test

import (
	"fmt"

	"github.com/region-bretagne/obs/classify"
	"github.com/region-bretagne/obs/maps"
	"github.com/region-bretagne/obs/palette"
	"github.com/region-bretagne/obs/value"
)

func ExampleNewLegend() {
	// Poverty rates of the communes whose status is ok, floored or
	// estimated; secret and missing ones are left out.
	rates := []float64{9.5, 11.2, 12.8, 13.1, 14.0, 15.5, 18.9, 21.3, 24.0, 25.2}
	b, err := classify.Classify(rates, classify.Quantile, 4, nil)
	if err != nil {
		panic(err)
	}
	p, _ := palette.ByName("YlOrRd")
	counts, _ := b.Counts(rates)
	lg, err := maps.NewLegend(b, p, maps.LegendCounts{Classes: counts, Secret: 3}, value.UnitPercent, 1)
	if err != nil {
		panic(err)
	}
	for _, e := range lg.Entries {
		fmt.Printf("%s %s %d\n", e.Color, e.Label, e.Count)
	}
	// Output:
	// #ffffb2 [9,5 % ; 12,9 %[ 3
	// #fecc5c [12,9 % ; 14,8 %[ 2
	// #fd8d3c [14,8 % ; 20,7 %[ 2
	// #e31a1c [20,7 % ; 25,2 %] 3
	// #ffffff Secret statistique 3
}
