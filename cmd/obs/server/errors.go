// API errors in French and English (atlas.Error, the one bilingual error
// of obs): a bad parameter is the caller's mistake (400), never a server
// error.

package server

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/region-bretagne/obs/atlas"
)

// BadRequest builds a 400 error with its French and English messages.
func BadRequest(fr, en string) *atlas.Error {
	return &atlas.Error{Kind: atlas.Invalid, FR: fr, EN: en}
}

// NotFound builds a 404 error.
func NotFound(fr, en string) *atlas.Error {
	return &atlas.Error{Kind: atlas.NotFound, FR: fr, EN: en}
}

// forbidden builds a 403 error.
func forbidden(fr, en string) *atlas.Error {
	return &atlas.Error{Kind: atlas.Forbidden, FR: fr, EN: en}
}

// unavailable builds a 503 error.
func unavailable(fr, en string) *atlas.Error {
	return &atlas.Error{Kind: atlas.Unavailable, FR: fr, EN: en}
}

// httpStatus is the answer's status for an error kind.
func httpStatus(k atlas.ErrorKind) int {
	switch k {
	case atlas.Forbidden:
		return http.StatusForbidden
	case atlas.NotFound:
		return http.StatusNotFound
	case atlas.Unavailable:
		return http.StatusServiceUnavailable
	case atlas.TooMany:
		return http.StatusTooManyRequests
	case atlas.TooLarge:
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusBadRequest
}

// writeError answers with err as JSON; unknown errors are logged and
// answered as a 500 without details.
func writeError(w http.ResponseWriter, r *http.Request, err error) {
	status := http.StatusInternalServerError
	e := &atlas.Error{FR: "erreur interne du serveur", EN: "internal server error"}
	if ae := (*atlas.Error)(nil); errors.As(err, &ae) {
		e, status = ae, httpStatus(ae.Kind)
	} else {
		slog.ErrorContext(r.Context(), "request failed", "err", err, "path", r.URL.Path, "request_id", requestID(r.Context()))
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"erreur": e.FR, "error": e.EN, "request_id": requestID(r.Context())})
}
