// Registers the indicator ingest steps: the tabular sources of
// data/tables.json, then the materialised cube of facts.

package main

import (
	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/ingest"
)

func init() {
	extraSteps = append(extraSteps, ingest.TabularStep(), cube.Step())
}
