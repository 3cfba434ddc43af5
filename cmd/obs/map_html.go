// Interactive HTML output of obs map (go-echarts, echarts inlined so the
// file works offline).
package main

import (
	"context"
	"fmt"

	"github.com/region-bretagne/obs/atlas"
)

func mapHTML(ctx context.Context, m *atlas.Map) ([]byte, error) {
	return nil, fmt.Errorf("interactive HTML maps are not wired yet")
}
