// Interactive HTML output of obs map and obs chart: go-echarts, with
// echarts inlined so that the file opens offline, in a report or a
// browser, with no server.

package main

import (
	"bytes"
	"context"

	"github.com/region-bretagne/obs/atlas"
	"github.com/region-bretagne/obs/echartspage"
	"github.com/region-bretagne/obs/web"
)

func mapHTML(ctx context.Context, m *atlas.Map) ([]byte, error) {
	chart, err := m.Echarts(ctx)
	if err != nil {
		return nil, err
	}
	return offlinePage(ctx, chart)
}

// offlinePage writes a chart as a standalone page with echarts inlined.
func offlinePage(ctx context.Context, chart *echartspage.Chart) ([]byte, error) {
	js, err := web.EchartsJS(ctx)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := chart.WriteHTML(&b, echartspage.Assets{Inline: js}); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
