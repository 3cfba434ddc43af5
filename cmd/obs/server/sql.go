// POST /api/sql: analysts' read-only SQL on the store, in the sandbox.

package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/region-bretagne/obs/atlas"
	"github.com/region-bretagne/obs/store"
)

// maxSQLBytes bounds the size of a submitted query.
const maxSQLBytes = 64 << 10

// SandboxLimits are the limits of the SQL sandbox of every snapshot.
var SandboxLimits = store.DefaultLimits

// abbreviate cuts s to n bytes at most, for logs.
func abbreviate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

func (s *Server) sql(w http.ResponseWriter, r *http.Request, snap *Snapshot) error {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxSQLBytes+1))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return tooLarge()
	}
	if err != nil {
		return BadRequest("requête illisible", "unreadable request body")
	}
	if len(body) > maxSQLBytes {
		return &atlas.Error{Kind: atlas.TooLarge, FR: "requête trop longue (64 Kio au plus)", EN: "query too long (64 KiB at most)"}
	}
	query := string(body)
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		var in struct {
			SQL string `json:"sql"`
		}
		if err := json.Unmarshal(body, &in); err != nil {
			return BadRequest("JSON invalide : "+err.Error(), "invalid JSON: "+err.Error())
		}
		query = in.SQL
	}
	if strings.TrimSpace(query) == "" {
		return BadRequest("requête SQL vide", "empty SQL query")
	}
	res, err := snap.Sandbox.Query(r.Context(), query)
	if err != nil {
		if errors.Is(err, store.ErrStopped) {
			s.log.Warn("sql query stopped", "request_id", requestID(r.Context()), "err", err, "query", abbreviate(query, 200))
		}
		if errors.Is(err, store.ErrRefused) {
			return forbidden("requête refusée : "+err.Error(), err.Error())
		}
		// Errors of the analyst's SQL (syntax, unknown column, denied file
		// access) are the caller's to fix.
		return BadRequest("erreur SQL : "+err.Error(), "SQL error: "+err.Error())
	}
	if r.URL.Query().Get("format") == "csv" {
		rows := make([][]string, len(res.Rows))
		for i, row := range res.Rows {
			rows[i] = make([]string, len(row))
			for j, v := range row {
				if v != nil {
					rows[i][j] = fmt.Sprint(v)
				}
			}
		}
		if res.Truncated {
			w.Header().Set("X-Obs-Truncated", "true")
		}
		return writeCSV(w, "requete.csv", res.Columns, rows)
	}
	return writeJSON(w, res)
}
