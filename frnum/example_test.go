// This file shows the formatters as runnable documentation.

package frnum_test

import (
	"fmt"

	"github.com/region-bretagne/obs/frnum"
)

func Example() {
	fmt.Println(frnum.Number(3422845, 0)) // U+202F between groups
	fmt.Println(frnum.Percent(12.345, 1)) // U+00A0 before %
	fmt.Println(frnum.Euro(21490, 0))
	fmt.Println(frnum.Number(-4.25, 1)) // U+2212, half away from zero
	fmt.Println(frnum.Plain(-1234.5, 2))
	// Output:
	// 3 422 845
	// 12,3 %
	// 21 490 €
	// −4,3
	// -1234,50
}
