// The QPV and IRIS facts of the real data: published values as loaded,
// missing where a file lacks a quartier, and never mixed with the communes.

package cube_test

import (
	"database/sql"
	"testing"
)

func TestSubLevelFacts(t *testing.T) {
	db, _ := realCube(t)
	fact := func(ind, level, code, public, vintage string) (sql.NullFloat64, string, string) {
		t.Helper()
		var v sql.NullFloat64
		var status, source string
		if err := db.QueryRow(`SELECT value, status, source FROM fact WHERE cog=2026 AND indicator=? AND level=? AND code=? AND public=? AND vintage=?`,
			ind, level, code, public, vintage).Scan(&v, &status, &source); err != nil {
			t.Fatalf("%s %s %s %s %s: %v", ind, level, code, public, vintage, err)
		}
		return v, status, source
	}
	obs := func(level, code, variable, vintage string) sql.NullFloat64 {
		t.Helper()
		var v sql.NullFloat64
		if err := db.QueryRow(`SELECT value FROM observation WHERE cog=2026 AND level=? AND code=? AND variable=? AND vintage=?`, level, code, variable, vintage).Scan(&v); err != nil {
			t.Fatalf("observation %s %s %s %s: %v", level, code, variable, vintage, err)
		}
		return v
	}
	for _, c := range []struct{ ind, level, code, public, vintage, variable string }{
		{"taux_pauvrete", "qpv", "QP035004", "ensemble", "2022", "taux_pauvrete"},
		{"foyers_rsa", "qpv", "QP035004", "ensemble", "2022", "foyers_rsa"},
		{"demandeurs_emploi_abc", "qpv", "QP035004", "femmes", "2022", "demandeurs_abc_femmes"},
		{"part_60_ans_et_plus", "qpv", "QP035004", "age_60_plus", "2022", "part_60_ans_et_plus_publiee"},
		{"population", "qpv", "Ensemble", "ensemble", "2017", "pop"},
		{"taux_pauvrete", "iris", "352380502", "ensemble", "2019", "taux_pauvrete"},
		{"foyers_rsa", "iris", "352380101", "ensemble", "2020", "foyers_rsa"},
	} {
		v, status, source := fact(c.ind, c.level, c.code, c.public, c.vintage)
		if want := obs(c.level, c.code, c.variable, c.vintage); v != want {
			t.Errorf("%s %s %s: fact %v, observation %v", c.ind, c.code, c.vintage, v, want)
		}
		t.Logf("%s %s %s %s = %v (%s, %s)", c.ind, c.code, c.public, c.vintage, v.Float64, status, source)
	}
	if _, _, source := fact("taux_pauvrete", "qpv", "QP035004", "ensemble", "2022"); source != "ANCT/Insee/CNAF, quartiers prioritaires (REVN), données publiées en 2022" {
		t.Errorf("QPV source %q does not say « données publiées en 2022 »", source)
	}
	// Every one of the 32 QPV has a fact for each file year, missing when absent.
	var n, missing int
	if err := db.QueryRow(`SELECT count(*), count(*) FILTER (WHERE value IS NULL) FROM fact WHERE cog=2026 AND level='qpv' AND code<>'Ensemble' AND indicator='taux_pauvrete' AND public='ensemble' AND vintage='2022'`).Scan(&n, &missing); err != nil {
		t.Fatal(err)
	}
	if n != 32 {
		t.Errorf("%d QPV facts of the poverty rate 2022, want 32", n)
	}
	// An IRIS of the contours absent from the Filosofi file is missing, not 0.
	var absent int
	if err := db.QueryRow(`SELECT count(*) FROM fact WHERE cog=2026 AND level='iris' AND indicator='taux_pauvrete' AND vintage='2019' AND reason LIKE '%absent du fichier%' AND value IS NULL AND status='missing'`).Scan(&absent); err != nil {
		t.Fatal(err)
	}
	if absent != 172-108 {
		t.Errorf("%d IRIS absent from Filosofi 2019, SOURCES.md says 108 of 172 are in it", absent)
	}
	// The communes never see a QPV or IRIS vintage: Rennes has no poverty
	// rate fact for the QPV file years, nor a commune RSA from the IRIS files.
	var communeRows int
	if err := db.QueryRow(`SELECT count(*) FROM fact WHERE level='commune' AND ((indicator='taux_pauvrete' AND vintage IN ('2017','2018','2022')) OR (indicator='foyers_rsa' AND vintage IN ('2016','2017','2018','2019')))`).Scan(&communeRows); err != nil {
		t.Fatal(err)
	}
	if communeRows != 0 {
		t.Errorf("%d commune facts carry QPV or IRIS vintages", communeRows)
	}
}
