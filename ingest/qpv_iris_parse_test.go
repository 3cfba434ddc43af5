// Table tests and fuzz targets of the QPV and IRIS parsers: thousands
// separators, trailing unnamed columns, QPV codes and commune names, and
// the OpenDataSoft IRIS records reader.

package ingest

import (
	"errors"
	"strings"
	"testing"
)

func TestStripThousands(t *testing.T) {
	const nnbsp = "\u202f"
	for _, c := range []struct {
		in, want string
		err      bool
	}{
		{"1" + nnbsp + "193" + nnbsp + "700", "1193700", false},
		{"13" + nnbsp + "060", "13060", false},
		{"-8" + nnbsp + "540,5", "-8540,5", false},
		{"632", "632", false},
		{"49,8", "49,8", false},
		{"", "", false},
		{"s", "s", false},
		{"12" + nnbsp + "34", "", true},
		{"1234" + nnbsp + "567", "", true},
		{nnbsp + "123", "", true},
		{"1,2" + nnbsp + "345", "", true},
		{"1" + nnbsp + nnbsp + "234", "", true},
	} {
		got, err := stripThousands(c.in, nnbsp)
		if (err != nil) != c.err || (!c.err && got != c.want) {
			t.Errorf("stripThousands(%q) = %q, %v; want %q (error %v)", c.in, got, err, c.want, c.err)
		}
		if err != nil && !errors.Is(err, ErrThousands) {
			t.Errorf("stripThousands(%q): error %v does not wrap ErrThousands", c.in, err)
		}
	}
}

func FuzzStripThousands(f *testing.F) {
	for _, s := range []string{"1\u202f193\u202f700", "13\u202f060", "49,8", "", "12\u202f34", "-1\u202f000,5e3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, err := stripThousands(s, "\u202f")
		if err != nil {
			return
		}
		if strings.Contains(out, "\u202f") {
			t.Fatalf("stripThousands(%q) = %q still holds a separator", s, out)
		}
		if !strings.Contains(s, "\u202f") && out != s {
			t.Fatalf("stripThousands(%q) changed text without separator to %q", s, out)
		}
		// A stripped number then parses as ParseCell would without separators.
		if c, err := ParseCell(out, ',', DefaultBlank); err == nil && c.HasValue && strings.Contains(s, "\u202f") && c.Value > -1000 && c.Value < 1000 && !strings.ContainsAny(out, "eE") {
			t.Fatalf("%q: a grouped number below 1000 (%v)", s, c.Value)
		}
	})
}

func TestTrailingEmpty(t *testing.T) {
	for _, c := range []struct {
		in    string
		names int
		empty int
	}{
		{"\xef\xbb\xbfCODGEO;LIBGEO;TP60;;;;\r\nQP1;x;1;;;;\r\n", 7, 4},
		{"CODGEO;POP_MUN\nQP1;2\n", 2, 0},
		{"A;;B;\r\n", 4, 1},
		{"", 1, 1},
	} {
		names := headerNames([]byte(c.in))
		if len(names) != c.names || trailingEmpty(names) != c.empty {
			t.Errorf("%q: %d names %d trailing empty, want %d and %d", c.in, len(names), trailingEmpty(names), c.names, c.empty)
		}
	}
}

func FuzzHeaderNames(f *testing.F) {
	f.Add([]byte("\xef\xbb\xbfCODGEO;LIBGEO;;;\r\n1;2;;;\r\n"))
	f.Add([]byte("CODGEO;NOTE;A\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		names := headerNames(b)
		if n := trailingEmpty(names); n > len(names) || n < 0 {
			t.Fatalf("%d trailing empty of %d names", n, len(names))
		}
		for _, n := range names {
			if strings.ContainsAny(n, "\n;") {
				t.Fatalf("name %q holds a separator", n)
			}
		}
	})
}

func TestQPVCodes(t *testing.T) {
	for _, c := range []struct{ code, dep string }{{"QP035004", "35"}, {"QP02A001", "2A"}, {"QP971001", "971"}, {"QP013032", "13"}, {"QP0", ""}} {
		if got := qpvDepartement(c.code); got != c.dep {
			t.Errorf("qpvDepartement(%s) = %q, want %q", c.code, got, c.dep)
		}
	}
	names := CommuneNames{
		"03": {foldName("Cusset"): "03095", foldName("Vichy"): "03310"},
		"13": {foldName("Marseille 1er Arrondissement"): "13201", foldName("Marseille 2e Arrondissement"): "13202"},
		"35": {foldName("Rennes"): "35238", foldName("Saint-Malo"): "35288"},
	}
	for _, c := range []struct {
		code, libcom string
		want         []string
		bad          []string
	}{
		{"QP035004", "Rennes", []string{"35238"}, nil},
		{"QP035001", "saint malo", []string{"35288"}, nil},
		{"QP003001", "Cusset, Vichy", []string{"03095", "03310"}, nil},
		{"QP013032", "Marseille 1er Arrondissement, Marseille 2e Arrondissement", []string{"13201", "13202"}, nil},
		{"QP035009", "Rennes, Nantes", []string{"35238"}, []string{"Nantes"}},
		{"QP056001", "Rennes", nil, []string{"Rennes"}}, // another département
		{"QP035010", "", nil, []string{""}},
	} {
		r := QPVRow{Code: c.code, CommuneNames: c.libcom}
		names.Resolve(&r)
		if strings.Join(r.Communes, ",") != strings.Join(c.want, ",") || strings.Join(r.UnmatchedName, ",") != strings.Join(c.bad, ",") {
			t.Errorf("%s %q: communes %v unmatched %q, want %v and %q", c.code, c.libcom, r.Communes, r.UnmatchedName, c.want, c.bad)
		}
	}
}

// TestQPVListNational resolves every QPV of the national DEMO_2022 file
// against the national COG 2026 and reports what does not resolve (merged
// communes since 2015); the Breton ones must all resolve.
func TestQPVListNational(t *testing.T) {
	idx, rows := rawRows(t, "qpv/stats/DEMO_2022.csv")
	var list []QPVRow
	for _, r := range rows {
		if r[idx["CODGEO"]] != "Ensemble" {
			list = append(list, QPVRow{Code: r[idx["CODGEO"]], Name: r[idx["LIBGEO"]], CommuneNames: r[idx["LIB_COM"]]})
		}
	}
	f, err := ReadFile(t.Context(), stagedData(t), Source{ID: "cog", Path: "cog/decoupage-administratif-6.0.0/communes.json"})
	if err != nil {
		t.Fatal(err)
	}
	names, err := ParseCommuneNames(f.Path, f.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	multi, unresolved := 0, 0
	for i := range list {
		names.Resolve(&list[i])
		if strings.Contains(list[i].CommuneNames, ", ") {
			multi++
		}
		if len(list[i].UnmatchedName) > 0 {
			unresolved++
			if bretonQPV.MatchString(list[i].Code) {
				t.Errorf("Breton QPV %s: %q unresolved", list[i].Code, list[i].UnmatchedName)
			}
		}
		if list[i].Code == "QP003001" && strings.Join(list[i].Communes, ",") != "03095,03310" {
			t.Errorf("QP003001 Cusset, Vichy: %v", list[i].Communes)
		}
	}
	t.Logf("%d QPV nationally, %d over several communes, %d with a name the COG 2026 does not know (merged since)", len(list), multi, unresolved)
	if multi != 156 {
		t.Errorf("%d multi-commune QPV, SOURCES.md says 156", multi)
	}
}

func FuzzParseODSIRIS(f *testing.F) {
	f.Add([]byte(`[{"code_iris":"352380101","nom_iris":"Cathédrale","code_insee":"35238","type_iris":"H","geo_shape":{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[-1.68,48.11],[-1.67,48.11],[-1.67,48.12],[-1.68,48.11]]]}}}]`))
	f.Add([]byte(`[{"code_iris":"35238","geo_shape":null}]`))
	f.Add([]byte(`{"type":"FeatureCollection"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		recs, err := ParseODSIRIS("fuzz.json", b)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a ParseError", err)
			}
			return
		}
		for _, r := range recs {
			if len(r.Code) != 9 || r.Commune != r.Code[:5] || r.Geom == nil || r.Name == "" {
				t.Fatalf("accepted a bad record %+v", r)
			}
		}
	})
}

func TestParseODSIRISErrors(t *testing.T) {
	poly := `{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[-1.68,48.11],[-1.67,48.11],[-1.67,48.12],[-1.68,48.11]]]}}`
	for _, c := range []struct{ in, want string }{
		{`[{"code_iris":"352380101","nom_iris":"A","code_insee":"35238","geo_shape":` + poly + `}]`, ""},
		{`[{"code_iris":"35238010","nom_iris":"A","code_insee":"35238","geo_shape":` + poly + `}]`, "code_iris"},
		{`[{"code_iris":"352380101","nom_iris":"A","code_insee":"35047","geo_shape":` + poly + `}]`, "code_insee"},
		{`[{"code_iris":"352380101","nom_iris":"A","code_insee":"35238"}]`, "geo_shape"},
		{`[{"code_iris":"352380101","nom_iris":"A","code_insee":"35238","geo_shape":` + poly + `},{"code_iris":"352380101","nom_iris":"B","code_insee":"35238","geo_shape":` + poly + `}]`, "duplicate"},
		{`{"type":"FeatureCollection","features":[]}`, "JSON array"},
	} {
		_, err := ParseODSIRIS("x.json", []byte(c.in))
		if c.want == "" {
			if err != nil {
				t.Errorf("%s: %v", c.in, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("error %v does not say %q", err, c.want)
		} else {
			t.Logf("%v", err)
		}
	}
}
