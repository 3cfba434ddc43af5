// The recipe of the full store: the ordered ingest steps.

package pipeline

import (
	"slices"

	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/ingest"
)

// Steps are the steps of the full store, in order: the territorial frame,
// then the indicator stages (IndicatorSteps). ingest.Build runs them and
// then its store checks.
func Steps() []ingest.Step {
	return slices.Concat(ingest.FrameSteps(), IndicatorSteps())
}

// IndicatorSteps are the stages above the frame: the source tables, then
// the cube materialised from them.
func IndicatorSteps() []ingest.Step {
	return []ingest.Step{ingest.TabularStep(), cube.Step()}
}
