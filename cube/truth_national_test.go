// Truth tests on the national Filosofi files (series 2014–2019, 2020 by
// département, base communale 2021) and the CAF file by commune: every
// expected figure is read here from the raw file with encoding/csv, never
// through the loader, and compared with the cube.

package cube_test

import (
	"context"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/value"
)

// rawTable reads a staged ';' file of any of the real layouts (BOM, CRLF,
// quoted fields, trailing empty columns, no final newline) into rows keyed
// by column name.
func rawTable(t *testing.T, rel string) []map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(stagedData(t), rel))
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\ufeff")))
	r.Comma = ';'
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	var out []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			if h != "" && i < len(rec) {
				m[h] = rec[i]
			}
		}
		out = append(out, m)
	}
	return out
}

// rawRow finds the row of a code.
func rawRow(t *testing.T, rows []map[string]string, key, code string) map[string]string {
	t.Helper()
	for _, r := range rows {
		if r[key] == code {
			return r
		}
	}
	t.Fatalf("code %s not in the raw file", code)
	return nil
}

// frNum parses a French decimal ("21908,0").
func frNum(t *testing.T, s string) float64 {
	t.Helper()
	return num(t, strings.Replace(s, ",", ".", 1))
}

// fact returns the cube's fact of one territory.
func fact(t *testing.T, c *cube.Cube, indicator, level, vintage, public, code string) cube.Fact {
	t.Helper()
	fs, err := c.Values(context.Background(), indicator, value.Level(level), vintage, public)
	if err != nil {
		t.Fatalf("%s %s %s: %v", indicator, level, vintage, err)
	}
	for _, f := range fs {
		if f.Code == code {
			return f
		}
	}
	t.Fatalf("%s %s %s: no fact for %s", indicator, level, vintage, code)
	return cube.Fact{}
}

func TestPublishedFilosofiSeries(t *testing.T) {
	_, c := realCube(t)
	cases := []struct {
		name, file, column, level, code, vintage, indicator string
		documented                                          float64 // SOURCES.md known value, a check on the raw reading
	}{
		{"Rennes Métropole 2014", "filosofi/series/FILO2014_DISP_EPCI.csv", "Q214", "epci", "243500139", "2014", "niveau_vie_median", 21908},
		{"Rennes Métropole 2019", "filosofi/series/FILO2019_DISP_EPCI.csv", "Q219", "epci", "243500139", "2019", "niveau_vie_median", 23400},
		{"Bretagne 2019", "filosofi/series/FILO2019_DISP_REG.csv", "Q219", "region", "53", "2019", "niveau_vie_median", 21990},
		{"France métropolitaine 2019", "filosofi/series/FILO2019_DISP_METROPOLE.csv", "Q219", "france", "1", "2019", "niveau_vie_median", 21930},
		{"Finistère 2017 Gini (trailing empty columns)", "filosofi/series/FILO2017_DISP_DEP.csv", "GI17", "departement", "29", "2017", "indice_gini", math.NaN()},
		{"Rennes 2016 D9", "filosofi/series/FILO2016_DISP_COM.csv", "D916", "commune", "35238", "2016", "niveau_vie_d9", math.NaN()},
		{"Côtes-d'Armor 2020 median", "filosofi/FILO2020_DISP_DEP.csv", "Q220", "departement", "22", "2020", "niveau_vie_median", math.NaN()},
		{"Ille-et-Vilaine 2020 poverty", "filosofi/FILO2020_DISP_PAUVRES_DEP.csv", "TP6020", "departement", "35", "2020", "taux_pauvrete", 10.7},
		{"Morbihan 2020 intensity", "filosofi/FILO2020_DISP_PAUVRES_DEP.csv", "TP60IP20", "departement", "56", "2020", "intensite_pauvrete", math.NaN()},
		{"Rennes 2021 PPMINI", "filosofi/cc_filosofi_2021_COM.csv", "PPMINI21", "commune", "35238", "2021", "part_minima_sociaux", math.NaN()},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			row := rawRow(t, rawTable(t, tc.file), "CODGEO", tc.code)
			want := frNum(t, row[tc.column])
			if !math.IsNaN(tc.documented) && want != tc.documented {
				t.Fatalf("raw %s = %v, SOURCES.md says %v", tc.column, want, tc.documented)
			}
			code := tc.code
			if tc.level == "france" {
				code = "FR"
			}
			f := fact(t, c, tc.indicator, tc.level, tc.vintage, "", code)
			if f.Status != value.StatusOK || f.Value != want {
				t.Errorf("%s %s %s: got %v (%s, %s), want %v published", tc.indicator, code, tc.vintage, f.Value, f.Status, f.Reason, want)
			}
		})
	}
}

func TestPovertyByPublicCommune2021(t *testing.T) {
	_, c := realCube(t)
	row := rawRow(t, rawTable(t, "filosofi/cc_filosofi_2021_COM.csv"), "CODGEO", "35238")
	for public, column := range map[string]string{"age_moins_30": "TP60AGE121", "age_75_plus_ref": "TP60AGE621", "proprietaires": "TP60TOL121", "locataires": "TP60TOL221"} {
		f := fact(t, c, "taux_pauvrete", "commune", "2021", public, "35238")
		raw := row[column]
		if raw == "s" {
			if f.Status != value.StatusSecret {
				t.Errorf("%s: raw s, got %s", public, f.Status)
			}
			continue
		}
		want := frNum(t, raw)
		wantStatus := value.StatusOK
		if want <= 5 {
			wantStatus = value.StatusFloored
		}
		if f.Value != want || f.Status != wantStatus {
			t.Errorf("Rennes taux_pauvrete %s 2021: got %v (%s), want %v (%s) from %s", public, f.Value, f.Status, want, wantStatus, column)
		}
	}
}

// TestPovertyByHouseholdTypeDepartement2020 reads the TYM breakdown of
// DISP_PAUVRES 2020. The file carries no dictionary; TYM is the household
// type (1 men alone, 2 women alone, 3 couples without children, 4 couples
// with children, 5 single-parent families, 6 complex households), as the
// raw rows confirm: the one-person households' rate (TME1) lies between
// the rates of men alone and women alone.
func TestPovertyByHouseholdTypeDepartement2020(t *testing.T) {
	_, c := realCube(t)
	rows := rawTable(t, "filosofi/FILO2020_DISP_PAUVRES_DEP.csv")
	publics := []struct{ public, column string }{
		{"hommes_seuls", "TYM1TP6020"}, {"femmes_seules", "TYM2TP6020"}, {"couples_sans_enfant", "TYM3TP6020"},
		{"couples_avec_enfants", "TYM4TP6020"}, {"familles_monoparentales", "TYM5TP6020"}, {"menages_complexes", "TYM6TP6020"},
	}
	for _, code := range []string{"22", "29", "35", "56"} {
		row := rawRow(t, rows, "CODGEO", code)
		if one, men, women := frNum(t, row["TME1TP6020"]), frNum(t, row["TYM1TP6020"]), frNum(t, row["TYM2TP6020"]); one < math.Min(men, women) || one > math.Max(men, women) {
			t.Fatalf("%s: TME1 %v is not between TYM1 %v and TYM2 %v: the TYM reading is wrong", code, one, men, women)
		}
		for _, p := range publics {
			want := frNum(t, row[p.column])
			f := fact(t, c, "taux_pauvrete", "departement", "2020", p.public, code)
			if f.Status != value.StatusOK || f.Value != want {
				t.Errorf("%s taux_pauvrete %s 2020: got %v (%s), want %v from %s", code, p.public, f.Value, f.Status, want, p.column)
			}
		}
	}
}

// rawEPCIHouseholds sums a year's commune households over the COG 2026
// members of an EPCI and reads the EPCI's own count, both from the raw
// files.
func rawEPCIHouseholds(t *testing.T, year, epci string) (communes, published float64) {
	t.Helper()
	members := map[string]bool{}
	for _, m := range rawEPCI(t, stagedData(t))[epci] {
		members[m] = true
	}
	col := "NBMEN" + year[2:]
	for _, r := range rawTable(t, "filosofi/series/FILO"+year+"_DISP_COM.csv") {
		if members[r["CODGEO"]] {
			communes += frNum(t, r[col])
		}
	}
	published = frNum(t, rawRow(t, rawTable(t, "filosofi/series/FILO"+year+"_DISP_EPCI.csv"), "CODGEO", epci)[col])
	return communes, published
}

func TestEPCIPerimeterOfTheYear(t *testing.T) {
	_, c := realCube(t)
	// Vitré Communauté kept its SIREN when it grew in 2017: its 2014 row
	// describes a smaller EPCI.
	sum, pub := rawEPCIHouseholds(t, "2014", "243500667")
	if math.Abs(sum-pub) < 1 {
		t.Fatalf("raw files: Vitré Communauté 2014 has its 2026 perimeter (%v = %v); pick another EPCI", sum, pub)
	}
	f := fact(t, c, "niveau_vie_median", "epci", "2014", "", "243500667")
	if f.Status != value.StatusMissing || !strings.HasPrefix(f.Reason, "n.d. — périmètre modifié") {
		t.Errorf("Vitré Communauté 2014: got %v (%s, %q), want n.d. — périmètre modifié", f.Value, f.Status, f.Reason)
	}
	// Rennes Métropole had its 2026 perimeter in 2014.
	sum, pub = rawEPCIHouseholds(t, "2014", "243500139")
	if math.Abs(sum-pub) >= 1 {
		t.Fatalf("raw files: Rennes Métropole 2014 perimeter differs (%v ≠ %v)", sum, pub)
	}
	if f := fact(t, c, "niveau_vie_median", "epci", "2014", "", "243500139"); f.Status != value.StatusOK {
		t.Errorf("Rennes Métropole 2014: got %s %q", f.Status, f.Reason)
	}
}

// rawCAF reads one commune and month of the CAF file.
func rawCAF(t *testing.T, code, month, column string) float64 {
	t.Helper()
	for _, r := range rawTable(t, "caf/s_ben_com_f_bretagne_2020_2024.csv") {
		if r["numcomdo"] == code && r["dtreffre"] == month {
			v, err := strconv.ParseFloat(r[column], 64)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
	}
	t.Fatalf("CAF %s %s not found", code, month)
	return 0
}

func TestCAFByCommune(t *testing.T) {
	_, c := realCube(t)
	for _, tc := range []struct {
		month, vintage string
		documented     float64
	}{{"2024-12", "2024", 9565}, {"2020-12", "2020", 8820}} {
		want := rawCAF(t, "35238", tc.month, "indfoy_rsa")
		if want != tc.documented {
			t.Fatalf("raw Rennes RSA %s = %v, SOURCES.md says %v", tc.month, want, tc.documented)
		}
		f := fact(t, c, "foyers_rsa", "commune", tc.vintage, "ensemble", "35238")
		if f.Value != want || f.Status != value.StatusEstimated {
			t.Errorf("Rennes foyers_rsa %s: got %v (%s), want %v estimated", tc.vintage, f.Value, f.Status, want)
		}
	}
	// A small commune: its count is rounded to 5, an estimate.
	var small string
	for _, r := range rawTable(t, "caf/s_ben_com_f_bretagne_2020_2024.csv") {
		if r["dtreffre"] == "2024-12" && r["indfoy_rsa"] == "5" {
			small = r["numcomdo"]
			break
		}
	}
	if small == "" {
		t.Fatal("no commune with 5 RSA households in December 2024")
	}
	f := fact(t, c, "foyers_rsa", "commune", "2024", "ensemble", small)
	if f.Value != 5 || f.Status != value.StatusEstimated || !strings.Contains(f.Reason, "arrondis à 5") {
		t.Errorf("commune %s foyers_rsa 2024: got %v (%s, %q), want 5 estimated", small, f.Value, f.Status, f.Reason)
	}
	// The département is a sum of rounded communes: an estimate too.
	var want float64
	for _, r := range rawTable(t, "caf/s_ben_com_f_bretagne_2020_2024.csv") {
		if r["dtreffre"] == "2024-12" && strings.HasPrefix(r["numcomdo"], "35") {
			v, _ := strconv.ParseFloat(r["indfoy_rsa"], 64)
			want += v
		}
	}
	if f := fact(t, c, "foyers_rsa", "departement", "2024", "ensemble", "35"); f.Value != want || f.Status != value.StatusEstimated {
		t.Errorf("Ille-et-Vilaine foyers_rsa 2024: got %v (%s), want the sum of communes %v, estimated", f.Value, f.Status, want)
	}
}

func TestPartialCoverageIsNeverComplete(t *testing.T) {
	_, c := realCube(t)
	n := 0
	for _, v := range []string{"2014", "2015", "2016", "2018", "2019", "2021"} {
		fs, err := c.Values(context.Background(), "menages_fiscaux", "departement", v, "ensemble")
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			if f.Coverage >= 1 || !f.HasValue() {
				continue
			}
			n++
			if f.Status != value.StatusPartial {
				t.Errorf("%s %s: coverage %v with status %s, want partial", f.Code, v, f.Coverage, f.Status)
			}
			if strings.Contains(f.Reason, "100,0") || !strings.Contains(f.Reason, cube.CoverageText(f.Coverage)) {
				t.Errorf("%s %s: coverage %v reads %q, want %s", f.Code, v, f.Coverage, f.Reason, cube.CoverageText(f.Coverage))
			}
		}
	}
	if n == 0 {
		t.Error("no département sum of fiscal households leaves a commune out: the partial case is not exercised")
	}
}

func TestCoverageTextRoundsDown(t *testing.T) {
	for _, tc := range []struct {
		c    float64
		want string
	}{{0.9996, "99,9\u00a0%"}, {1, "100,0\u00a0%"}, {0.5, "50,0\u00a0%"}, {0.12349, "12,3\u00a0%"}} {
		if got := cube.CoverageText(tc.c); got != tc.want {
			t.Errorf("cube.CoverageText(%v) = %q, want %q", tc.c, got, tc.want)
		}
	}
}
