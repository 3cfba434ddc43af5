// The analyst UI: a French page served by obs, built on the same API.

package server

import (
	"embed"
	"io/fs"
	"net/http"
)

//go:embed ui
var uiFiles embed.FS

func uiHandler() http.Handler {
	sub, _ := fs.Sub(uiFiles, "ui")
	return http.StripPrefix("/ui/", http.FileServer(http.FS(sub)))
}

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/" {
		writeError(w, r, NotFound("page introuvable : "+r.URL.Path, "page not found: "+r.URL.Path))
		return
	}
	b, _ := uiFiles.ReadFile("ui/index.html")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b)
}
