package cube_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/ingest"
	"github.com/region-bretagne/obs/value"
)

func TestCompareChain(t *testing.T) {
	_, c := realCube(t)
	cmp, err := c.Compare(context.Background(), "35238")
	if err != nil {
		t.Fatal(err)
	}
	if len(cmp) != len(c.Catalogue().Indicators) {
		t.Fatalf("%d comparisons, want one per indicator", len(cmp))
	}
	for _, k := range cmp {
		var codes []string
		for _, f := range k.Facts {
			codes = append(codes, f.Code)
		}
		if got := strings.Join(codes, ","); got != "35238,243500139,35,53,FR" {
			t.Fatalf("%s: chain %s", k.Indicator.ID, got)
		}
		if k.Indicator.ID == "population" && (k.Facts[0].Value < 200000 || k.Facts[3].Value != 3422845) {
			t.Errorf("population chain %+v", k.Facts)
		}
		if k.Indicator.ID == "allocataires_aah" && (k.Facts[0].Status != value.StatusMissing || !strings.Contains(k.Facts[0].Reason, "source à intégrer")) {
			t.Errorf("AAH without its source: %+v", k.Facts[0])
		}
	}
}

func TestRankAndSeries(t *testing.T) {
	_, c := realCube(t)
	ctx := context.Background()
	r, err := c.Rank(ctx, "taux_pauvrete", "commune", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if r[0].Rank != 1 || r[0].Of == 0 || r[0].Of >= len(r) {
		t.Errorf("first ranked %+v", r[0])
	}
	for i := 1; i < len(r); i++ {
		a, b := r[i-1], r[i]
		switch {
		case !b.HasValue() && b.Rank != 0:
			t.Errorf("%s without value ranked %d", b.Code, b.Rank)
		case b.HasValue() && (!a.HasValue() || a.Value < b.Value):
			t.Errorf("order broken at %s", b.Code)
		case b.HasValue() && a.Value == b.Value && a.Rank != b.Rank:
			t.Errorf("tie %s/%s ranked %d and %d", a.Code, b.Code, a.Rank, b.Rank)
		}
	}
	s, err := c.Series(ctx, "population", "53", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(s) != 3 || s[0].Vintage != "2011" || s[2].Vintage != "2022" || s[0].Value != 3217767 {
		t.Errorf("series %+v", s)
	}
	if _, err := c.WithCOG(2024); err != nil {
		t.Error(err)
	}
	if _, err := c.WithCOG(2019); err == nil {
		t.Error("COG 2019 accepted")
	}
}

// TestCatalogueVariables: every indicator said available reads variables
// that a required table of data/tables.json produces, or an optional one
// whose file is in the staged data (the QPV and IRIS files); the required
// ids and themes exist.
func TestCatalogueVariables(t *testing.T) {
	cat, err := cube.LoadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	tables, err := ingest.TableCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	produced := map[string]bool{}
	staged := map[string]bool{}
	for _, tb := range tables {
		for _, g := range tb.Groups {
			for _, col := range g.Columns {
				produced[col.Variable] = true
				if tb.Required || isStaged(t, tb.Path) {
					staged[col.Variable] = true
				}
			}
		}
	}
	for _, ind := range cat.Indicators {
		pe, _ := ind.Expr(ind.DefaultPublic())
		for _, e := range []string{pe.Value, pe.Numerator, pe.Denominator, pe.Rate} {
			if e == "" {
				continue
			}
			vars, _ := cube.ParseExpr(e)
			for _, v := range vars {
				if ind.Status == cube.Available && !staged[v] {
					t.Errorf("%s is %q but %s comes from no staged table", ind.ID, cube.Available, v)
				}
			}
		}
	}
	if len(cat.Indicators) < 40 {
		t.Errorf("%d indicators", len(cat.Indicators))
	}
	for i, g := range cat.ByTheme() {
		if len(g) == 0 {
			t.Errorf("theme %s is empty", cat.Themes[i].ID)
		}
	}
}

func FuzzParseExpr(f *testing.F) {
	for _, s := range []string{"pop", "pop7589 + pop90p", "a+b", " + ", "", "A", "a + + b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		vars, err := cube.ParseExpr(s)
		if err != nil {
			return
		}
		if len(vars) == 0 || len(vars) != strings.Count(s, "+")+1 {
			t.Fatalf("%q -> %v", s, vars)
		}
		for _, v := range vars {
			if v == "" || strings.ContainsAny(v, " +") {
				t.Fatalf("%q -> bad variable %q", s, v)
			}
		}
	})
}

// isStaged reports whether an optional table's file is in the staged data.
func isStaged(t *testing.T, path string) bool {
	_, err := os.Stat(filepath.Join(stagedData(t), path))
	return err == nil
}
