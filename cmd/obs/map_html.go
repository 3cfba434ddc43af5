// Interactive HTML output of obs map: go-echarts, with echarts inlined so
// that the file opens offline, in a report or a browser, with no server.
package main

import (
	"bytes"
	"context"

	"github.com/region-bretagne/obs/atlas"
	"github.com/region-bretagne/obs/maps"
	"github.com/region-bretagne/obs/web"
)

func mapHTML(ctx context.Context, m *atlas.Map) ([]byte, error) {
	js, err := web.EchartsJS(ctx)
	if err != nil {
		return nil, err
	}
	chart, err := m.Echarts(ctx)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := chart.WriteHTML(&b, maps.EchartsAssets{Inline: js}); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
