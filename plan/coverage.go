// Coverage of the plan: the gaps an analyst must fill before the bilan
// means anything.

package plan

import (
	"fmt"
	"github.com/region-bretagne/obs/cube"
)

// Kinds of gap.
const (
	GapNoIndicator = "action sans indicateur"
	GapNoBaseline  = "indicateur sans valeur de référence"
	GapToIntegrate = "source à intégrer"
	GapOldVintage  = "dernier millésime ancien"
)

// Gap is one hole in the plan's coverage.
type Gap struct {
	Kind      string `json:"type"`
	Action    string `json:"action"`
	Line      int    `json:"ligne"`
	Indicator string `json:"indicateur,omitempty"`
	Detail    string `json:"detail"`
}

// Coverage lists the gaps of evaluated rows: actions with no indicator on
// any row, indicators without a baseline (neither in the file nor in the
// cube), indicators whose source is still to integrate, and indicators
// whose latest vintage is more than MaxVintageAgeYear years older than
// year.
func Coverage(results []Result, year int) []Gap {
	var gaps []Gap
	withIndicator := map[string]bool{}
	for _, r := range results {
		if r.Indicator.ID != "" {
			withIndicator[r.Action] = true
		}
	}
	seen := map[string]bool{}
	for _, r := range results {
		if r.Row.Indicator == "" {
			if !withIndicator[r.Action] && !seen[r.Action] {
				seen[r.Action] = true
				gaps = append(gaps, Gap{GapNoIndicator, r.Action, r.Line, "", r.Title})
			}
			continue
		}
		if r.Indicator.Status == cube.ToIntegrate {
			gaps = append(gaps, Gap{GapToIntegrate, r.Action, r.Line, r.Row.Indicator, r.Indicator.Source})
			continue
		}
		if r.NoBaseline {
			gaps = append(gaps, Gap{GapNoBaseline, r.Action, r.Line, r.Row.Indicator, fmt.Sprintf("aucune valeur %d pour %s\u00a0: %s", r.BaseYear, r.Territory, r.Reason)})
		}
		if r.Current.Year != 0 && year-r.Current.Year > MaxVintageAgeYear {
			gaps = append(gaps, Gap{GapOldVintage, r.Action, r.Line, r.Row.Indicator,
				fmt.Sprintf("dernier millésime %d, plus de %d ans avant %d", r.Current.Year, MaxVintageAgeYear, year)})
		}
	}
	return gaps
}
