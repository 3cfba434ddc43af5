// The numbers of a sheet against an independent computation from the raw
// INSEE rows: the CSV files read with encoding/csv, the EPCI's member
// communes read from the COG's epci.json with encoding/json, and French
// formatting done here with fmt, not with frnum.

package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// rawTable is a CSV file of INSEE rows by CODGEO.
type rawTable struct {
	cols map[string]int
	rows map[string][]string
}

func readRaw(t *testing.T, name string) rawTable {
	t.Helper()
	f, err := os.Open(filepath.Join(stagedData(t), "insee", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	tb := rawTable{cols: map[string]int{}, rows: map[string][]string{}}
	for i, c := range recs[0] {
		tb.cols[c] = i
	}
	for _, rec := range recs[1:] {
		tb.rows[rec[0]] = rec
	}
	return tb
}

// sum adds a column over the given communes; empty fields (communes merged
// into another one, counted there) add nothing. It fails on a marker.
func (tb rawTable) sum(t *testing.T, col string, codes []string) float64 {
	t.Helper()
	i, ok := tb.cols[col]
	if !ok {
		t.Fatalf("no column %s", col)
	}
	total := 0.0
	for _, c := range codes {
		rec, ok := tb.rows[c]
		if !ok || rec[i] == "" {
			continue
		}
		v, err := strconv.ParseFloat(strings.Replace(rec[i], ",", ".", 1), 64)
		if err != nil {
			t.Fatalf("%s of %s: %v", col, c, err)
		}
		total += v
	}
	return total
}

// epciMembers reads the member communes of an EPCI from the COG 2026 list.
func epciMembers(t *testing.T, siren string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(stagedData(t), "cog", "decoupage-administratif-6.0.0", "epci.json"))
	if err != nil {
		t.Fatal(err)
	}
	var list []struct {
		Code    string `json:"code"`
		Membres []struct {
			Code string `json:"code"`
		} `json:"membres"`
	}
	if err := json.Unmarshal(b, &list); err != nil {
		t.Fatal(err)
	}
	for _, e := range list {
		if e.Code == siren {
			var out []string
			for _, m := range e.Membres {
				out = append(out, m.Code)
			}
			return out
		}
	}
	t.Fatalf("EPCI %s not in epci.json", siren)
	return nil
}

// depCommunes lists the CODGEO of a département's rows.
func depCommunes(tb rawTable, dep string) []string {
	var out []string
	for c := range tb.rows {
		if strings.HasPrefix(c, dep) {
			out = append(out, c)
		}
	}
	return out
}

// frPercent formats a percentage independently of frnum: "11,0 %".
func frPercent(v float64) string {
	return strings.Replace(fmt.Sprintf("%.1f", v), ".", ",", 1) + "\u00a0%"
}

// frInt formats a whole number with U+202F between groups of three digits.
func frInt(v float64) string {
	s := strconv.FormatInt(int64(math.Round(v)), 10)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteRune('\u202f')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// frSigned formats a signed one-decimal figure: "+1,1".
func frSigned(v float64) string {
	s := strings.Replace(fmt.Sprintf("%+.1f", v), ".", ",", 1)
	return strings.Replace(s, "-", "\u2212", 1)
}

func TestSheetRatesMatchRawRows(t *testing.T) {
	cmp := readRaw(t, "base_cc_comparateur_bretagne.csv")
	dos := readRaw(t, "dossier_complet_light_bretagne.csv")
	for _, tc := range []struct {
		code    string
		members func() []string
	}{
		{"243500139", func() []string { return epciMembers(t, "243500139") }}, // Rennes Métropole
		{"22", func() []string { return depCommunes(cmp, "22") }},             // Côtes-d'Armor, with the four communes merged in 2025
		{"29", func() []string { return depCommunes(cmp, "29") }},
	} {
		t.Run(tc.code, func(t *testing.T) {
			members := tc.members()
			_, page := sheetHTML(t, tc.code)
			pop := cmp.sum(t, "P22_POP", members)
			for _, want := range []struct{ label, text string }{
				{"Population", frInt(pop)},
				{"Taux de chômage des 15-64 ans (recensement)", frPercent(100 * cmp.sum(t, "P22_CHOM1564", members) / cmp.sum(t, "P22_ACT1564", members))},
				{"Taux d'activité des 15-64 ans", frPercent(100 * cmp.sum(t, "P22_ACT1564", members) / cmp.sum(t, "P22_POP1564", members))},
				{"Taux de logements vacants", frPercent(100 * cmp.sum(t, "P22_LOGVAC", members) / cmp.sum(t, "P22_LOG", members))},
				{"Part des familles monoparentales", frPercent(100 * dos.sum(t, "C22_FAMMONO", members) / dos.sum(t, "C22_MENFAM", members))},
				{"Part des 75 ans ou plus", frPercent(100 * (dos.sum(t, "P22_POP7589", members) + dos.sum(t, "P22_POP90P", members)) / pop)},
				{"Taux de chômage des 15-24 ans (recensement)", frPercent(100 * dos.sum(t, "P22_CHOM1524", members) / dos.sum(t, "P22_ACT1524", members))},
			} {
				cells := rowCells(t, page, want.label)
				if cells[0].Text != want.text || cells[0].Status != "ok" {
					t.Errorf("%s: sheet prints %q (%s), raw rows give %q", want.label, cells[0].Text, cells[0].Status, want.text)
				}
			}
			// Evolution of the population 2016 → 2022: mean annual rate.
			rate := (math.Pow(pop/cmp.sum(t, "P16_POP", members), 1.0/6) - 1) * 100
			wantEvol := frSigned(rate) + "\u00a0% par an"
			if !strings.Contains(html.UnescapeString(page), wantEvol) {
				t.Errorf("population evolution %q not on the sheet", wantEvol)
			}
		})
	}
}

func TestSheetNonAdditiveOnlyWherePublished(t *testing.T) {
	cmp := readRaw(t, "base_cc_comparateur_bretagne.csv")
	raw := func(code, col string) string { return cmp.rows[code][cmp.cols[col]] }

	// EPCI and département: INSEE's commune values cannot be aggregated.
	// Filosofi 2021 has no EPCI or département file here, so their row
	// moves to the latest year published for their level (2019 for the
	// EPCI, 2020 for the département), with the published value; an
	// indicator published for no year of the level stays "n.d." with the
	// reason.
	epci19 := readRaw(t, "../filosofi/series/FILO2019_DISP_EPCI.csv")
	dep20 := readRaw(t, "../filosofi/FILO2020_DISP_DEP.csv")
	pauv20 := readRaw(t, "../filosofi/FILO2020_DISP_PAUVRES_DEP.csv")
	frNumber := func(tb rawTable, code, col string) float64 {
		v, err := strconv.ParseFloat(strings.Replace(tb.rows[code][tb.cols[col]], ",", ".", 1), 64)
		if err != nil {
			t.Fatalf("raw %s of %s: %v", col, code, err)
		}
		return v
	}
	for _, tc := range []struct {
		code, label, vintage, want string
	}{
		{"243500139", "Niveau de vie médian (€ par an)", "2019", frInt(frNumber(epci19, "243500139", "Q219")) + "\u00a0€"},
		{"35", "Niveau de vie médian (€ par an)", "2020", frInt(frNumber(dep20, "35", "Q220")) + "\u00a0€"},
		{"35", "Taux de pauvreté à 60\u00a0%", "2020", frPercent(frNumber(pauv20, "35", "TP6020"))},
	} {
		_, page := sheetHTML(t, tc.code)
		if c := rowCells(t, page, tc.label)[0]; c.Text != tc.want || c.Status != "ok" {
			t.Errorf("%s, %s: got %+v, want the published %q", tc.code, tc.label, c, tc.want)
		}
		if !strings.Contains(page, "<tr><td>"+html.EscapeString(tc.label)+` <span class="vintage">`+tc.vintage+"</span>") {
			t.Errorf("%s, %s: the row is not labelled %s", tc.code, tc.label, tc.vintage)
		}
	}
	// Its evolution: the Filosofi series of the same EPCI, 2014 → 2019,
	// mean annual rate, from the two raw files.
	epci14 := readRaw(t, "../filosofi/series/FILO2014_DISP_EPCI.csv")
	rate := (math.Pow(frNumber(epci19, "243500139", "Q219")/frNumber(epci14, "243500139", "Q214"), 1.0/5) - 1) * 100
	if _, page := sheetHTML(t, "243500139"); !strings.Contains(html.UnescapeString(page), frSigned(rate)+"\u00a0% par an") || !strings.Contains(page, "2014-2019") {
		t.Errorf("Rennes Métropole median: evolution %s %% par an 2014-2019 not on the sheet", frSigned(rate))
	}
	for _, code := range []string{"243500139", "35"} {
		_, page := sheetHTML(t, code)
		for _, label := range []string{"Part des ménages fiscaux imposés"} {
			c := rowCells(t, page, label)[0]
			if c.Text != "n.d." || c.Status != "missing" || c.Ref == "" {
				t.Errorf("%s, %s: got %+v, want n.d. with a footnote", code, label, c)
				continue
			}
			if note := footnote(t, page, c.Ref); !strings.Contains(note, "non publié à ce niveau") || !strings.Contains(note, "non additif") {
				t.Errorf("%s, %s: footnote %s = %q does not explain why", code, label, c.Ref, note)
			}
		}
	}

	// A commune where Filosofi publishes the rate shows it as published.
	_, page := sheetHTML(t, "35238")
	if want := raw("35238", "TP6021") + "\u00a0%"; rowCells(t, page, "Taux de pauvreté à 60\u00a0%")[0].Text != want {
		t.Errorf("Rennes poverty rate: got %q, want the published %q", rowCells(t, page, "Taux de pauvreté à 60\u00a0%")[0].Text, want)
	}
	if want := frInt(mustFloat(t, raw("35238", "MED21"))) + "\u00a0€"; rowCells(t, page, "Niveau de vie médian (€ par an)")[0].Text != want {
		t.Errorf("Rennes median: got %q, want %q", rowCells(t, page, "Niveau de vie médian (€ par an)")[0].Text, want)
	}

	// A rate INSEE floors at 5 % prints as a floor, with its note.
	_, page = sheetHTML(t, "29061")
	if raw("29061", "TP6021") != "5,0" {
		t.Fatalf("29061 TP6021 = %q: the fixture changed", raw("29061", "TP6021"))
	}
	if c := rowCells(t, page, "Taux de pauvreté à 60\u00a0%")[0]; c.Text != "≤\u00a05,0\u00a0%" || c.Status != "floored" || c.Ref == "" {
		t.Errorf("29061 floored poverty rate: got %+v", c)
	} else if note := footnote(t, page, c.Ref); !strings.HasPrefix(note, "Valeur plancher\u00a0: valeur réelle inférieure ou égale à 5,0") {
		t.Errorf("29061: footnote %q", note)
	}

	// A commune under statistical secrecy prints it, never 0.
	secret := ""
	for code, rec := range cmp.rows {
		if strings.HasPrefix(code, "35") && rec[cmp.cols["TP6021"]] == "s" && rec[cmp.cols["P22_POP"]] != "" {
			if secret == "" || code < secret {
				secret = code
			}
		}
	}
	_, page = sheetHTML(t, secret)
	c := rowCells(t, page, "Taux de pauvreté à 60\u00a0%")[0]
	if c.Text != "secret statistique" || c.Status != "secret" || c.Ref == "" {
		t.Errorf("commune %s (TP6021 = s): got %+v, want secret statistique with a footnote", secret, c)
	} else if note := footnote(t, page, c.Ref); !strings.Contains(note, "secret statistique") {
		t.Errorf("commune %s: footnote %q", secret, note)
	}
}

func mustFloat(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
