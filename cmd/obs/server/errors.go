// API errors in French and English: a bad parameter is the caller's
// mistake (400), never a server error.

package server

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
)

// Error is an error the API explains to its caller.
type Error struct {
	Status int
	FR, EN string
}

func (e *Error) Error() string { return e.EN }

// BadRequest builds a 400 error with its French and English messages.
func BadRequest(fr, en string) *Error {
	return &Error{http.StatusBadRequest, fr, en}
}

// NotFound builds a 404 error.
func NotFound(fr, en string) *Error {
	return &Error{http.StatusNotFound, fr, en}
}

// writeError answers with err as JSON; unknown errors are logged and
// answered as a 500 without details.
func writeError(w http.ResponseWriter, r *http.Request, err error) {
	var e *Error
	if !errors.As(err, &e) {
		slog.ErrorContext(r.Context(), "request failed", "err", err, "path", r.URL.Path, "request_id", requestID(r.Context()))
		e = &Error{http.StatusInternalServerError, "erreur interne du serveur", "internal server error"}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(e.Status)
	json.NewEncoder(w).Encode(map[string]string{"erreur": e.FR, "error": e.EN, "request_id": requestID(r.Context())})
}
