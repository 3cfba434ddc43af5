// /sheets/{code}.html|pdf: territory fact sheets, cached per store version
// (PDF through the process's one printer: when its tabs and queue are
// full, 429 with Retry-After).

package server

import (
	"errors"
	"fmt"
	"net/http"
	"path"
	"strings"

	"github.com/region-bretagne/obs/atlas"
	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/printer"
	"github.com/region-bretagne/obs/report"
)

func (s *Server) sheet(w http.ResponseWriter, r *http.Request, snap *Snapshot) error {
	a := snap.Atlas
	file := r.PathValue("file")
	ext := path.Ext(file)
	ctype := map[string]string{".html": "text/html; charset=utf-8", ".pdf": "application/pdf"}[ext]
	if ctype == "" {
		return BadRequest("format de portrait inconnu « "+ext+" » (.html, .pdf)", "unknown sheet format "+ext+" (.html, .pdf)")
	}
	code := strings.TrimSuffix(file, ext)
	if err := checkCode(code); err != nil {
		return err
	}
	key := "sheet|" + file
	_, body, err := snap.Cached(key, func() (string, []byte, error) {
		sh, err := report.Build(r.Context(), a, code)
		if err != nil {
			if errors.Is(err, cube.ErrUnknown) {
				return "", nil, NotFound(fmt.Sprintf("territoire inconnu « %s » au COG %d", code, a.Cube.COG()), fmt.Sprintf("unknown territory %q on COG %d", code, a.Cube.COG()))
			}
			return "", nil, cubeError(err)
		}
		html, err := sh.HTML()
		if err != nil || ext == ".html" {
			return ctype, html, err
		}
		if s.opts.Printer == nil {
			return "", nil, unavailable("PDF indisponible sur ce serveur", "PDF printing is not configured on this server")
		}
		pdf, err := s.opts.Printer.Print(r.Context(), html)
		switch {
		case errors.Is(err, printer.ErrNoChromium):
			return "", nil, unavailable("PDF indisponible : Chromium n'est pas installé sur le serveur (paquet Debian chromium)", err.Error())
		case errors.Is(err, printer.ErrBusy):
			w.Header().Set("Retry-After", "1")
			return "", nil, &atlas.Error{Kind: atlas.TooMany, FR: "trop de PDF en cours d'impression : réessayez dans un instant", EN: err.Error()}
		}
		return ctype, pdf, err
	})
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", ctype)
	if ext == ".pdf" {
		w.Header().Set("Content-Disposition", `inline; filename="portrait-`+code+`.pdf"`)
	}
	return writeCached(w, r, snap, key, body)
}
