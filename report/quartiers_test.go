// The sheets of a QPV and the "Quartiers (IRIS)" section, checked against
// the raw QPV and Filosofi IRIS files read here with encoding/csv.

package report

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// rawRows reads a ';' CSV of the staged data into maps keyed by the
// value of its key column, header names to cells.
func rawRows(t *testing.T, rel, key string) map[string]map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(stagedData(t), rel))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.FieldsPerRecord = ';', -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	head := recs[0]
	head[0] = strings.TrimPrefix(head[0], "\ufeff")
	out := map[string]map[string]string{}
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, h := range head {
			if h != "" && i < len(rec) {
				row[h] = rec[i]
			}
		}
		out[row[key]] = row
	}
	return out
}

// frFigure formats a raw French figure as the sheet prints it: thousands
// separated by U+202F, decimal comma kept.
func frFigure(raw string) string {
	raw = strings.ReplaceAll(raw, "\u202f", "")
	intPart, dec, _ := strings.Cut(raw, ",")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteRune('\u202f')
		}
		b.WriteRune(r)
	}
	if dec != "" {
		b.WriteString("," + dec)
	}
	return b.String()
}

func TestQPVSheet(t *testing.T) {
	revn := rawRows(t, "qpv/stats/REVN_2022.csv", "CODGEO")
	for _, tc := range []struct {
		code    string
		columns []string
		drawn   bool
	}{
		{"QP035004", []string{"Maurepas", "Rennes", "Rennes Métropole", "Ensemble des QPV"}, true},
		{"QP029007", []string{"Pontanezen", "Brest", "Brest Métropole", "Ensemble des QPV"}, false},
	} {
		t.Run(tc.code, func(t *testing.T) {
			s, page := sheetHTML(t, tc.code)
			if s.Level != "qpv" || !slices.Equal(s.Columns, tc.columns) {
				t.Errorf("level %s, columns %q; want qpv, %q", s.Level, s.Columns, tc.columns)
			}
			raw := revn[tc.code]
			for _, c := range []struct{ label, column, unit string }{
				{"Taux de pauvreté à 60\u00a0%", "TP60", "\u00a0%"},
				{"Foyers allocataires du RSA", "ARSAS", ""},
			} {
				got := rowCells(t, page, c.label)[0].Text
				if want := frFigure(raw[c.column]) + c.unit; got != want {
					t.Errorf("%s: %q, REVN_2022 %s says %q", c.label, got, c.column, want)
				}
			}
			if drawn := s.MapSVG != ""; drawn != tc.drawn {
				t.Errorf("map drawn %v, want %v (caption %q)", drawn, tc.drawn, s.MapCaption)
			}
			if !tc.drawn && !strings.Contains(s.MapCaption, "pas de périmètre") {
				t.Errorf("caption %q does not say the QPV has no perimeter", s.MapCaption)
			}
			if !strings.Contains(page, "données publiées en 2022") {
				t.Error("the QPV vintage is not labelled « données publiées en 2022 »")
			}
			if len(s.Charts) == 0 || !strings.Contains(string(s.Charts[0].SVG), tc.columns[0]) {
				t.Error("no ranking of the QPV naming this one")
			}
			if s.Quartiers != nil {
				t.Error("a QPV sheet has an IRIS section")
			}
		})
	}
}

func TestQuartiersSection(t *testing.T) {
	filo := rawRows(t, "insee/iris/BASE_TD_FILO_DISP_IRIS_2019.csv", "IRIS")
	// The published range of the poverty rate over the IRIS of a commune
	// (Rennes: 7,3 % Les Mottais to 58,1 % Brno).
	rangeOf := func(commune string) (lo, hi string, loName, hiName string) {
		lv, hv := 1e9, -1e9
		for _, r := range filo {
			if r["COM"] != commune || r["DISP_TP6019"] == "" {
				continue
			}
			v, err := strconv.ParseFloat(strings.Replace(r["DISP_TP6019"], ",", ".", 1), 64)
			if err != nil {
				t.Fatal(err)
			}
			if v < lv {
				lv, lo, loName = v, r["DISP_TP6019"], r["LIBIRIS"]
			}
			if v > hv {
				hv, hi, hiName = v, r["DISP_TP6019"], r["LIBIRIS"]
			}
		}
		return
	}
	lo, hi, loName, hiName := rangeOf("35238")
	if lo != "7,3" || hi != "58,1" || loName != "Les Mottais" || hiName != "Brno" {
		t.Fatalf("raw Rennes range %s (%s) to %s (%s), SOURCES says 7,3 Les Mottais to 58,1 Brno", lo, loName, hi, hiName)
	}
	for _, tc := range []struct {
		code    string
		section bool
		count   string
	}{
		{"35238", true, "IRIS sur"},
		{"243500139", true, "sur 172"},
		{"22241", false, ""},
	} {
		t.Run(tc.code, func(t *testing.T) {
			s, page := sheetHTML(t, tc.code)
			if (s.Quartiers != nil) != tc.section {
				t.Fatalf("IRIS section %v, want %v", s.Quartiers != nil, tc.section)
			}
			if !tc.section {
				if strings.Contains(page, "Quartiers (IRIS)") {
					t.Error("page has an IRIS heading")
				}
				return
			}
			if s.Quartiers.MapSVG == "" || !strings.Contains(page, "<h2>Quartiers (IRIS)</h2>") {
				t.Error("no IRIS map or heading")
			}
			r := s.Quartiers.Rows[0]
			if !strings.HasPrefix(r.Label, "Taux de pauvreté") || !strings.Contains(r.Count, tc.count) {
				t.Errorf("first row %+v", r)
			}
			if tc.code == "35238" && (r.Min != lo+"\u00a0%" || r.MinName != loName || r.Max != hi+"\u00a0%" || r.MaxName != hiName) {
				t.Errorf("Rennes IRIS range %s (%s) to %s (%s), want %s %% (%s) to %s %% (%s)", r.Min, r.MinName, r.Max, r.MaxName, lo, loName, hi, hiName)
			}
		})
	}
}
