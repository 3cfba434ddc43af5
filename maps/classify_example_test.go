// This file shows, as runnable documentation, how a caller classifies
// values and builds the legend that goes with the fill.

package maps_test

import (
	"fmt"

	"github.com/region-bretagne/obs/maps"
	"github.com/region-bretagne/obs/value"
)

func ExampleClassify() {
	// Poverty rates of the communes whose status is ok, floored or
	// estimated; secret and missing ones are left out.
	rates := []float64{9.5, 11.2, 12.8, 13.1, 14.0, 15.5, 18.9, 21.3, 24.0, 25.2}
	b, err := maps.Classify(rates, maps.Quantile, 4, nil)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%.4g %s\n", b.Bounds, b.Closure)
	fmt.Println("class of 13.1:", b.Class(13.1), "class of 25.2:", b.Class(25.2))

	p, _ := maps.PaletteByName("YlOrRd")
	counts, _ := b.Counts(rates)
	lg, err := maps.NewLegend(b, p, maps.LegendCounts{Classes: counts, Secret: 3}, value.UnitPercent, 1)
	if err != nil {
		panic(err)
	}
	for _, e := range lg.Entries {
		fmt.Printf("%s %s %d\n", e.Color, e.Label, e.Count)
	}
	// Output:
	// [9.5 12.88 14.75 20.7 25.2] left
	// class of 13.1: 1 class of 25.2: 3
	// #ffffb2 [9,5 % ; 12,9 %[ 3
	// #fecc5c [12,9 % ; 14,8 %[ 2
	// #fd8d3c [14,8 % ; 20,7 %[ 2
	// #e31a1c [20,7 % ; 25,2 %] 3
	// #ffffff Secret statistique 3
}
