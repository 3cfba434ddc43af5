// Maps over HTTP: /maps/{indicator}.svg|png|csv|geojson with the
// parameters of obs map (atlas.ParseMapRequest), cached for the life of
// the store under the parsed request's key.

package server

import (
	"net/http"
	"path"
	"strings"
)

var mapTypes = map[string]string{
	".svg":     "image/svg+xml",
	".png":     "image/png",
	".csv":     "text/csv; charset=utf-8",
	".geojson": "application/geo+json",
}

func (s *Server) mapFile(w http.ResponseWriter, r *http.Request, snap *Snapshot) error {
	file := r.PathValue("file")
	ext := path.Ext(file)
	ctype, ok := mapTypes[ext]
	if !ok {
		return BadRequest("format de carte inconnu « "+ext+" » (.svg, .png, .csv, .geojson ; /embed/map/… pour la carte interactive)",
			"unknown map format "+ext+" (.svg, .png, .csv, .geojson; /embed/map/… for the interactive map)")
	}
	a := snap.Atlas
	ind := strings.TrimSuffix(file, ext)
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
	key := "map|" + ext + "|" + req.Key()
	_, body, err := snap.Cached(key, expensive(r, func() (string, []byte, error) {
		m, err := a.Choropleth(r.Context(), req)
		if err != nil {
			return "", nil, cubeError(err)
		}
		b, err := m.File(r.Context(), ext)
		return ctype, b, err
	}))
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-cache")
	if ext == ".csv" {
		w.Header().Set("Content-Disposition", `attachment; filename="`+ind+`.csv"`)
	}
	return writeCached(w, r, snap, key, body)
}
