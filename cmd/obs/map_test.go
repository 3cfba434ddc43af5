package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestMapCommand(t *testing.T) {
	db := testStore(t)
	dir := t.TempDir()
	tests := []struct {
		name  string
		args  []string
		check func(t *testing.T, body []byte)
	}{
		{"communes svg", []string{"--indicator", "taux_chomage_15_64", "--level", "commune", "--out", "c.svg"}, func(t *testing.T, b []byte) {
			if n := len(regexp.MustCompile(`<path[^>]*data-code="\d{5}"`).FindAll(b, -1)); n != 1202 {
				t.Errorf("%d commune paths, want 1202", n)
			}
			for _, frag := range []string{"<title id=", "<desc id=", "Insee, RP 2022", "COG 2026", "Lambert-93"} {
				if !strings.Contains(string(b), frag) {
					t.Errorf("SVG lacks %q", frag)
				}
			}
		}},
		{"poverty has a secret class", []string{"--indicator", "taux_pauvrete", "--level", "commune", "--out", "p.svg"}, func(t *testing.T, b []byte) {
			if !strings.Contains(string(b), "Secret statistique") || !strings.Contains(string(b), `data-status="secret"`) {
				t.Error("no secret class on the poverty map")
			}
		}},
		{"epci geojson", []string{"--indicator", "part_familles_monoparentales", "--level", "epci", "--out", "e.geojson"}, func(t *testing.T, b []byte) {
			var fc struct {
				Features []struct{ Properties map[string]any } `json:"features"`
			}
			if err := json.Unmarshal(b, &fc); err != nil {
				t.Fatal(err)
			}
			if len(fc.Features) != 61 {
				t.Errorf("%d features, want 61", len(fc.Features))
			}
			for _, f := range fc.Features {
				if f.Properties["statut"] == "ok" && f.Properties["valeur"] == nil {
					t.Errorf("%v: ok without value", f.Properties["code"])
				}
			}
		}},
		{"interactive html works offline", []string{"--indicator", "taux_chomage_15_64", "--level", "epci", "--out", "e.html"}, func(t *testing.T, b []byte) {
			s := string(b)
			// The inlined library itself mentions setOption: the chart's own call is the last one.
			reg, set := strings.LastIndex(s, "echarts.registerMap("), strings.LastIndex(s, ".setOption(")
			if reg < 0 || set < 0 || reg > set {
				t.Errorf("registerMap at %d, setOption at %d", reg, set)
			}
			if strings.Contains(s, "<script src=") || len(b) < 500_000 {
				t.Errorf("echarts is not inlined (%d bytes)", len(b))
			}
		}},
		{"manual breaks csv", []string{"--indicator", "taux_chomage_15_64", "--level", "departement", "--method", "manual", "--breaks", "5,8,10,12", "--out", "d.csv"}, func(t *testing.T, b []byte) {
			if !strings.HasPrefix(string(b), "\ufeff") || strings.Count(string(b), "\n") != 5 {
				t.Errorf("CSV of 4 départements: %q", b)
			}
		}},
		{"qpv: 6 drawn, 26 said", []string{"--indicator", "taux_pauvrete", "--level", "qpv", "--out", "q.svg"}, func(t *testing.T, b []byte) {
			if n := len(regexp.MustCompile(`<path[^>]*data-code="QP\d{6}"`).FindAll(b, -1)); n != 6 {
				t.Errorf("%d QPV paths, want the 6 with a perimeter", n)
			}
			if !strings.Contains(string(b), "26 sans périmètre ici") {
				t.Error("the map does not say that 26 QPV have no perimeter")
			}
		}},
		{"qpv table lists all 32", []string{"--indicator", "taux_pauvrete", "--level", "qpv", "--out", "q.csv"}, func(t *testing.T, b []byte) {
			if n, u := strings.Count(string(b), "\r\n")-1, strings.Count(string(b), "hors carte (sans périmètre)"); n != 32 || u != 26 {
				t.Errorf("%d rows, %d unmapped: want 32 and 26", n, u)
			}
		}},
		{"iris of Rennes Métropole", []string{"--indicator", "taux_pauvrete", "--level", "iris", "--territory", "243500139", "--out", "i.svg"}, func(t *testing.T, b []byte) {
			codes := regexp.MustCompile(`<path[^>]*data-code="(\d{9})"`).FindAllSubmatch(b, -1)
			if len(codes) != 172 {
				t.Errorf("%d IRIS paths, want the 172 of Rennes Métropole", len(codes))
			}
			if !strings.Contains(string(b), "Filosofi") || !strings.Contains(string(b), "Rennes Métropole") {
				t.Error("IRIS map lacks its source or territory")
			}
		}},
		{"french breaks csv", []string{"--indicator", "taux_chomage_15_64", "--level", "departement", "--method", "manual", "--breaks", "5;8;10,5;12", "--out", "f.csv"}, func(t *testing.T, b []byte) {
			if !strings.HasPrefix(string(b), "\ufeff") || strings.Count(string(b), "\n") != 5 {
				t.Errorf("CSV of 4 départements: %q", b)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, tc.args[len(tc.args)-1])
			args := append([]string{"map", "--db", db}, tc.args[:len(tc.args)-1]...)
			if _, err := runCLI(t, append(args, out)...); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, b)
		})
	}
}

func TestMapErrors(t *testing.T) {
	db := testStore(t)
	out := filepath.Join(t.TempDir(), "x.svg")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--indicator", "nope", "--out", out}, "indicateur inconnu « nope »"},
		{[]string{"--indicator", "population", "--level", "canton", "--out", out}, "niveau de carte inconnu"},
		{[]string{"--indicator", "population", "--method", "magic", "--out", out}, "méthode de classification inconnue"},
		{[]string{"--indicator", "population", "--method", "manual", "--out", out}, "au moins deux bornes"},
		{[]string{"--indicator", "taux_chomage_15_64", "--out", filepath.Join(t.TempDir(), "x.bmp")}, "unknown output format"},
		{[]string{"--indicator", "population"}, "--indicator and --out are required"},
		{[]string{"--indicator", "population", "--width", "100", "--out", out}, "width invalide « 100 » (200 à 4000 pixels)"},
		{[]string{"--indicator", "population", "--classes", "12", "--out", out}, "hors de 2 à 9"},
		{[]string{"--indicator", "population", "--method", "manual", "--breaks", "5,x", "--out", out}, "borne invalide « x »"},
		{[]string{"--indicator", "population", "--method", "manual", "--breaks", "12,5", "--out", out}, "croître strictement"},
		{[]string{"--indicator", "population", "--highlight", "abc", "--out", out}, "code de territoire malformé"},
		{[]string{"--indicator", "taux_pauvrete", "--level", "iris", "--territory", "35", "--out", out}, "une commune ou un EPCI"},
		{[]string{"--indicator", "taux_pauvrete", "--level", "iris", "--territory", "29019", "--out", out}, "aucun territoire de ce niveau"},
	}
	for _, tc := range tests {
		_, err := runCLI(t, append([]string{"map", "--db", db}, tc.args...)...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: %v, want %q", tc.args, err, tc.want)
		}
	}
}

func TestMapTable(t *testing.T) {
	dir := t.TempDir()
	svg, table := filepath.Join(dir, "m.svg"), filepath.Join(dir, "m.html")
	if _, err := runCLI(t, "map", "--db", testStore(t), "--indicator", "taux_pauvrete", "--level", "commune", "--out", svg, "--table", table); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(table)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "<table") || !strings.Contains(string(b), "secret") || strings.Count(string(b), "<tr") < 1202 {
		t.Errorf("HTML table of the map: %d rows", strings.Count(string(b), "<tr"))
	}
}
