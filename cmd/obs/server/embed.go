// /embed/map/{indicator}: the interactive map as a page made to sit in an
// iframe (responsive, echarts served by obs, never a CDN), with a
// configurable frame-ancestors policy.

package server

import (
	"bytes"
	"net/http"

	"github.com/region-bretagne/obs/echartspage"
)

func (s *Server) embedMap(w http.ResponseWriter, r *http.Request, snap *Snapshot) error {
	a := snap.Atlas
	ind := r.PathValue("indicator")
	if _, err := indicatorParam(a.Cube, ind); err != nil {
		return err
	}
	req, err := mapRequest(ind, r.URL.RawQuery)
	if err != nil {
		return err
	}
	if err := checkHighlight(a.Cube, req); err != nil {
		return err
	}
	key := "embed|" + req.Key()
	_, body, err := snap.Cached(key, expensive(r, func() (string, []byte, error) {
		m, err := a.Choropleth(r.Context(), req)
		if err != nil {
			return "", nil, cubeError(err)
		}
		chart, err := m.Echarts(r.Context())
		if err != nil {
			return "", nil, err
		}
		var b bytes.Buffer
		err = chart.WriteHTML(&b, echartspage.Assets{})
		return "text/html; charset=utf-8", b.Bytes(), err
	}))
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "frame-ancestors "+s.opts.FrameAncestors)
	return writeCached(w, r, snap, key, body)
}
