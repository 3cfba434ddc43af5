package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestIndicatorsGolden(t *testing.T) {
	golden(t, "indicators/catalogue.table", mustRun(t, "indicators"))
	golden(t, "indicators/se_nourrir.csv", mustRun(t, "indicators", "--theme", "se_nourrir", "--format", "csv"))
}

// TestIndicatorsCatalogue checks the catalogue the command prints: at
// least 40 indicators, every theme of the plan and handicap non-empty, and
// the required ids.
func TestIndicatorsCatalogue(t *testing.T) {
	var rows []map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "indicators", "--format", "json")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) < 40 {
		t.Errorf("%d indicators, want at least 40", len(rows))
	}
	themes := map[string]int{}
	ids := map[string]bool{}
	for _, r := range rows {
		themes[r["theme"].(string)]++
		ids[r["id"].(string)] = true
		if r["statut"] == "source à intégrer" && r["source"] == "" {
			t.Errorf("%s: source à intégrer without a named source", r["id"])
		}
	}
	for _, th := range []string{"Se nourrir", "Se soigner", "Se loger", "Se former", "Se déplacer", "Travailler", "Se divertir et se cultiver", "Accéder à ses droits", "Handicap"} {
		if themes[th] == 0 {
			t.Errorf("theme %q has no indicator", th)
		}
	}
	for _, id := range []string{"population", "taux_chomage_15_64", "taux_chomage_15_24", "taux_pauvrete", "niveau_vie_median", "part_menages_imposes",
		"part_familles_monoparentales", "part_personnes_seules", "part_75_ans_et_plus", "taux_logements_vacants", "taux_couverture_rsa", "allocataires_aah"} {
		if !ids[id] {
			t.Errorf("required indicator %s missing", id)
		}
	}
	if _, err := runCLI(t, "indicators", "--theme", "nope"); err == nil || !strings.Contains(err.Error(), "se_nourrir") {
		t.Errorf("unknown theme error: %v", err)
	}
}
