// The one bilingual error: its kind gives the status, both languages
// reach the caller, and anything else is a 500 without details.

package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http/httptest"
	"testing"

	"github.com/region-bretagne/obs/atlas"
)

func TestWriteError(t *testing.T) {
	tests := []struct {
		err    error
		status int
		fr, en string
	}{
		{BadRequest("paramètre inconnu", "unknown parameter"), 400, "paramètre inconnu", "unknown parameter"},
		{fmt.Errorf("map: %w", NotFound("territoire inconnu", "unknown territory")), 404, "territoire inconnu", "unknown territory"},
		{forbidden("requête refusée", "refused"), 403, "requête refusée", "refused"},
		{unavailable("magasin indisponible", "store unavailable"), 503, "magasin indisponible", "store unavailable"},
		{cubeError(&atlas.Error{FR: "nombre de classes 12 hors de 2 à 9", EN: "number of classes 12 is outside 2…9"}), 400, "nombre de classes 12 hors de 2 à 9", "number of classes 12 is outside 2…9"},
		{errors.New("disk on fire"), 500, "erreur interne du serveur", "internal server error"},
	}
	for _, tc := range tests {
		w := httptest.NewRecorder()
		writeError(w, httptest.NewRequest("GET", "/maps/x.svg", nil), tc.err)
		var body map[string]string
		if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
			t.Fatal(err)
		}
		if w.Code != tc.status || body["erreur"] != tc.fr || body["error"] != tc.en {
			t.Errorf("%v: %d %v, want %d %q / %q", tc.err, w.Code, body, tc.status, tc.fr, tc.en)
		}
		var ae *atlas.Error
		if errors.As(tc.err, &ae) && ae.Error() != tc.fr {
			t.Errorf("%v: Error() is %q, want the French text", tc.err, ae.Error())
		}
	}
}
