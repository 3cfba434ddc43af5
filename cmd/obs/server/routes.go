// The route table: every URL the service answers.

package server

import "net/http"

func (s *Server) routes() {
	s.handle("GET /healthz", s.healthz)
	s.handle("GET /api/territories", s.territories)
	s.handle("POST /api/sql", s.sql)
	s.handle("GET /api/indicators", s.indicators)
	s.handle("GET /api/values", s.values)
	s.handle("GET /api/compare/{code}", s.compare)
	s.handle("GET /maps/{file}", s.mapFile)
	s.handle("GET /embed/map/{indicator}", s.embedMap)
	s.handle("GET /charts/{kind}/{file}", s.chart)
	s.handle("GET /sheets/{file}", s.sheet)
	s.handle("GET /api/plan", s.plan)
	s.handle("POST /api/plan", s.plan)
	s.mux.Handle("GET /ui/", uiHandler())
	s.mux.HandleFunc("GET /", s.index)
	s.mux.HandleFunc("GET /api/openapi.json", s.openapi)
	if s.opts.Assets != nil {
		s.mux.Handle("GET /assets/", s.opts.Assets)
	}
}

// healthz tells whether the service has a store, and which.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request, snap *Snapshot) error {
	var sources int
	if err := snap.DB.QueryRowContext(r.Context(), `SELECT count(*) FROM source`).Scan(&sources); err != nil {
		return err
	}
	return writeJSON(w, map[string]any{"status": "ok", "sources": sources, "loaded_at": snap.LoadedAt.UTC()})
}
