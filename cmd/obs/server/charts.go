// /charts/{kind}/{indicator}.svg|html: the charts of obs chart over HTTP.

package server

import (
	"bytes"
	"net/http"

	"github.com/region-bretagne/obs/echartspage"
)

func (s *Server) chart(w http.ResponseWriter, r *http.Request, snap *Snapshot) error {
	a := snap.Atlas
	req, err := parseChart(a.Cube, r.PathValue("kind"), r.PathValue("file"), r.URL.Query())
	if err != nil {
		return err
	}
	ext := req.ext
	ctype := map[string]string{".svg": "image/svg+xml", ".html": "text/html; charset=utf-8"}[ext]
	key := req.key()
	_, body, err := snap.Cached(key, func() (string, []byte, error) {
		ch, err := a.Chart(r.Context(), req.ChartRequest)
		if err != nil {
			return "", nil, cubeError(err)
		}
		if ext == ".svg" {
			b, err := ch.SVG()
			return ctype, b, err
		}
		ec, err := ch.Echarts()
		if err != nil {
			return "", nil, err
		}
		var b bytes.Buffer
		err = ec.WriteHTML(&b, echartspage.Assets{})
		return ctype, b.Bytes(), err
	})
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", ctype)
	if ext == ".html" {
		w.Header().Set("Content-Security-Policy", "frame-ancestors "+s.opts.FrameAncestors)
	}
	return writeCached(w, r, snap, key, body)
}
