// /charts/{kind}/{indicator}.svg|html: the charts of obs chart over HTTP.

package server

import (
	"bytes"
	"net/http"
	"path"
	"strings"

	"github.com/region-bretagne/obs/atlas"
	"github.com/region-bretagne/obs/echartspage"
)

func (s *Server) chart(w http.ResponseWriter, r *http.Request, snap *Snapshot) error {
	a := snap.Atlas
	file := r.PathValue("file")
	ext := path.Ext(file)
	if ext != ".svg" && ext != ".html" {
		return BadRequest("format de graphique inconnu « "+ext+" » (.svg, .html)", "unknown chart format "+ext+" (.svg, .html)")
	}
	q := r.URL.Query()
	req := atlas.ChartRequest{Kind: r.PathValue("kind"), Indicator: strings.TrimSuffix(file, ext), Level: q.Get("level"),
		Territory: q.Get("territory"), Public: q.Get("public"), Vintage: q.Get("vintage")}
	if _, err := indicatorParam(a.Cube, req.Indicator); err != nil {
		return err
	}
	if req.Level != "" {
		if _, err := levelParam(req.Level, atlas.MapLevels); err != nil {
			return err
		}
	}
	if req.Territory != "" {
		if err := checkCode(req.Territory); err != nil {
			return err
		}
	}
	ctype := map[string]string{".svg": "image/svg+xml", ".html": "text/html; charset=utf-8"}[ext]
	_, body, err := snap.Cached("chart|"+r.URL.Path+"?"+canonicalQuery(r), func() (string, []byte, error) {
		ch, err := a.Chart(r.Context(), req)
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
	return writeCached(w, r, snap, "chart|"+r.URL.Path+"?"+canonicalQuery(r), body)
}
