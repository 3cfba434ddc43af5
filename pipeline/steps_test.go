// The recipe's order: the frame first, then the source tables, then the
// cube materialised from them.

package pipeline

import (
	"slices"
	"testing"

	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/ingest"
)

func TestStepsOrder(t *testing.T) {
	var want []string
	for _, s := range slices.Concat(ingest.FrameSteps(), []ingest.Step{ingest.TabularStep(), cube.Step()}) {
		want = append(want, s.Name)
	}
	var got []string
	for _, s := range Steps() {
		if s.Run == nil {
			t.Errorf("step %s has no Run", s.Name)
		}
		got = append(got, s.Name)
	}
	if !slices.Equal(got, want) {
		t.Errorf("steps %v, want %v", got, want)
	}
}
