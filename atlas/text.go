// The French text of a fact, shared by the fact sheets, the API and the
// CLI tables, so that a value reads the same everywhere.

package atlas

import (
	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/frnum"
	"github.com/region-bretagne/obs/maps"
)

// Texts of values that are not shown.
const (
	TextSecret  = "secret statistique"
	TextMissing = frnum.NotAvailable // "n.d."
)

// ValueText formats a fact's value in French with unit (a maps unit: see
// MapUnit), or says why it has none: "12,3 %", "472 168",
// "secret statistique", "n.d.". A floored value (Filosofi's 5 % floor)
// reads "≤ 5,0 %": the true value may be lower.
func ValueText(f cube.Fact, unit string, decimals int) string {
	switch {
	case f.Status == cube.StatusSecret:
		return TextSecret
	case f.Status == cube.StatusMissing, !f.HasValue():
		return TextMissing
	}
	s := maps.FormatValue(f.Value, unit, decimals)
	if f.Status == cube.StatusFloored {
		s = "≤\u00a0" + s
	}
	return s
}
