// A map as a file: the static formats that the CLI writes and the service
// serves the same way.

package atlas

import (
	"bytes"
	"context"
	"fmt"

	"github.com/region-bretagne/obs/maps"
)

// File renders the map in the format of a file extension: SVG, PNG (at
// the spec's width, 1000 px by default), the CSV table of the mapped
// values, or GeoJSON.
func (m *Map) File(ctx context.Context, ext string) ([]byte, error) {
	switch ext {
	case ".svg":
		return m.SVG(ctx)
	case ".png":
		svg, err := m.SVG(ctx)
		if err != nil {
			return nil, err
		}
		width := m.Spec.Width
		if width == 0 {
			width = 1000
		}
		return maps.RenderPNG(ctx, svg, width)
	case ".csv":
		var b bytes.Buffer
		err := maps.WriteTableCSV(&b, m.Spec)
		return b.Bytes(), err
	case ".geojson", ".json":
		return GeoJSON(m)
	}
	return nil, fmt.Errorf("unknown map format %q", ext)
}
