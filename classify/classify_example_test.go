// This file shows, as runnable documentation, how a caller classifies
// values and finds the class of each one.

package classify_test

import (
	"fmt"

	"github.com/region-bretagne/obs/classify"
)

func ExampleClassify() {
	// Poverty rates of the communes whose status is ok, floored or
	// estimated; secret and missing ones are left out.
	rates := []float64{9.5, 11.2, 12.8, 13.1, 14.0, 15.5, 18.9, 21.3, 24.0, 25.2}
	b, err := classify.Classify(rates, classify.Quantile, 4, nil)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%.4g %s\n", b.Bounds, b.Closure)
	fmt.Println("class of 13.1:", b.Class(13.1), "class of 25.2:", b.Class(25.2))
	// Output:
	// [9.5 12.88 14.75 20.7 25.2] left
	// class of 13.1: 1 class of 25.2: 3
}
