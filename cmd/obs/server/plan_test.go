// Tests of /api/plan: the example plan in JSON and CSV, a POSTed plan
// with an error refused with its line and column, and the breakdown of a
// row as JSON and as a map of statuses.

package server

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/region-bretagne/obs/plan"
)

func TestPlanAPI(t *testing.T) {
	_, ts := newServer(t, sharedStore(t))
	resp, body := get(t, ts.URL+"/api/plan")
	if resp.StatusCode != 200 {
		t.Fatalf("GET /api/plan: %d %s", resp.StatusCode, body)
	}
	var b struct {
		Resultats []struct {
			Ligne  int    `json:"ligne"`
			Statut string `json:"statut"`
		} `json:"resultats"`
		Lacunes []plan.Gap `json:"lacunes"`
	}
	if err := json.Unmarshal([]byte(body), &b); err != nil {
		t.Fatal(err)
	}
	if len(b.Resultats) == 0 || len(b.Lacunes) == 0 {
		t.Errorf("%d results and %d gaps", len(b.Resultats), len(b.Lacunes))
	}
	resp, body = get(t, ts.URL+"/api/plan?format=csv&territory=56")
	lines := strings.Split(strings.TrimSpace(body), "\n")
	if resp.StatusCode != 200 || lines[0] != "\ufeff"+strings.Join(plan.Columns, ";") || len(lines) < 2 {
		t.Errorf("CSV: %d %.200q", resp.StatusCode, body)
	}

	bad := strings.Join(plan.Header, ";") + "\nA1;travailler;E;P;emplois;53;;2016;;2010;5;hausse;\n"
	resp, err := http.Post(ts.URL+"/api/plan", "text/csv", strings.NewReader(bad))
	if err != nil {
		t.Fatal(err)
	}
	var e struct {
		Erreur string `json:"erreur"`
	}
	json.NewDecoder(resp.Body).Decode(&e)
	resp.Body.Close()
	if resp.StatusCode != 400 || !strings.Contains(e.Erreur, "ligne 2, colonne annee_cible") {
		t.Errorf("POST bad plan: %d %q", resp.StatusCode, e.Erreur)
	}

	// Line 19 of the example: taux_couverture_rsa, by EPCI.
	resp, body = get(t, ts.URL+"/api/plan?line=19&level=epci")
	var bd struct {
		Resultats []json.RawMessage `json:"resultats"`
		Comptes   map[string]int    `json:"comptes"`
	}
	if err := json.Unmarshal([]byte(body), &bd); err != nil || resp.StatusCode != 200 {
		t.Fatalf("breakdown: %d %v %.200s", resp.StatusCode, err, body)
	}
	n := 0
	for _, c := range bd.Comptes {
		n += c
	}
	if n != len(bd.Resultats) || n == 0 {
		t.Errorf("counts %v for %d results", bd.Comptes, len(bd.Resultats))
	}
	resp, svg := get(t, ts.URL+"/api/plan?line=19&level=epci&format=svg")
	if resp.StatusCode != 200 || strings.Count(svg, "<path ") != len(bd.Resultats) {
		t.Errorf("status map: %d, %d paths for %d EPCI", resp.StatusCode, strings.Count(svg, "<path "), len(bd.Resultats))
	}
	for _, s := range plan.Statuses {
		if !strings.Contains(svg, string(s)) && !strings.Contains(svg, strings.ReplaceAll(string(s), "'", "&#39;")) {
			t.Errorf("legend lacks %q", s)
		}
	}
}
