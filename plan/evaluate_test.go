// Tests of validation, evaluation, coverage and breakdown on the cube of
// the real store (pipelinetest), with the example plan of data/.

package plan_test

import (
	"context"
	"errors"
	"math"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/pipeline/pipelinetest"
	"github.com/region-bretagne/obs/plan"
	"github.com/region-bretagne/obs/store"
	"github.com/region-bretagne/obs/value"
)

const example = "../data/plan-exemple.csv"

var (
	once    sync.Once
	theCube *cube.Cube
	openErr error
)

// realCube is the cube of the full store, opened once.
func realCube(t testing.TB) *cube.Cube {
	t.Helper()
	path := pipelinetest.Store(t)
	once.Do(func() {
		ctx := context.Background()
		db, err := store.Open(ctx, path, true)
		if err != nil {
			openErr = err
			return
		}
		theCube, openErr = cube.Open(ctx, db)
	})
	if openErr != nil {
		t.Fatal(openErr)
	}
	return theCube
}

func loadExample(t testing.TB, c *cube.Cube) *plan.Plan {
	t.Helper()
	f, err := os.Open(example)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := plan.Load(context.Background(), f, "plan-exemple.csv", c)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

const head = "action;theme;intitule;pilote;indicateur;territoire;public;annee_reference;valeur_reference;annee_cible;valeur_cible;sens;commentaire\n"

func TestValidate(t *testing.T) {
	c := realCube(t)
	tests := []struct {
		name, row, column, want string
	}{
		{"indicateur inconnu", "A1;travailler;E;P;taux_chomage;53;;2016;;;;baisse;", "indicateur", "taux_chomage_15_64"},
		{"thème inconnu", "A1;emploi;E;P;emplois;53;;2016;;;;hausse;", "theme", "travailler"},
		{"territoire hors COG", "A1;travailler;E;P;emplois;99999;;2016;;;;hausse;", "territoire", "COG"},
		{"public indisponible", "A1;travailler;E;P;emplois;53;femmes;2016;;;;hausse;", "public", "ensemble"},
		{"niveau indisponible", "A1;pauvrete_revenus;E;P;taux_pauvrete_50;35238;;2020;;;;baisse;", "indicateur", "Commune"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body := head + "A0;se_loger;L;P;foyers_aide_logement;53;;2020;;;;baisse;\n" + tc.row + "\n"
			p, err := plan.Load(context.Background(), strings.NewReader(body), "p.csv", c)
			if p != nil {
				t.Fatal("a plan with an error was loaded")
			}
			var es plan.Errors
			if !errors.As(err, &es) || len(es) != 1 {
				t.Fatalf("want one plan.Error, got %v", err)
			}
			if es[0].Line != 3 || es[0].Column != tc.column || !strings.Contains(es[0].Problem, tc.want) {
				t.Errorf("error %+v, want line 3, column %s, mentioning %q", es[0], tc.column, tc.want)
			}
		})
	}
}

func TestEvaluateExample(t *testing.T) {
	c := realCube(t)
	ctx := context.Background()
	p := loadExample(t, c)
	themes := map[string]bool{}
	for _, r := range p.Rows {
		themes[r.Theme] = true
	}
	if len(themes) != len(c.Catalogue().Themes) {
		t.Errorf("example plan covers %d themes of %d", len(themes), len(c.Catalogue().Themes))
	}
	b, err := plan.Evaluate(ctx, c, p, 2026)
	if err != nil {
		t.Fatal(err)
	}
	assessed := 0
	for _, r := range b.Results {
		if r.Status != plan.NotAssessed {
			assessed++
			if r.Current.Year <= r.Base.Year || math.IsNaN(r.Current.Value) || math.IsNaN(r.Base.Value) {
				t.Errorf("line %d: status %s from baseline %+v and current %+v", r.Line, r.Status, r.Base, r.Current)
			}
			series, err := c.Series(ctx, r.Row.Indicator, r.Territory, r.Public)
			if err != nil {
				t.Fatal(err)
			}
			last := series[len(series)-1]
			if last.Reason != cube.ReasonNotPublished && (plan.VintageYear(last.Vintage) != r.Current.Year || last.Value != r.Current.Value) {
				t.Errorf("line %d: current %+v is not the latest vintage %s = %g", r.Line, r.Current, last.Vintage, last.Value)
			}
			if !r.BaseFromFile {
				for _, f := range series {
					if plan.VintageYear(f.Vintage) == r.BaseYear && f.Value != r.Base.Value {
						t.Errorf("line %d: baseline %g, cube %g", r.Line, r.Base.Value, f.Value)
					}
				}
			}
			want := plan.Assess(plan.Input{Direction: r.Direction, Base: r.Base, Current: r.Current, Target: r.Target})
			if want.Status != r.Status {
				t.Errorf("line %d: status %s, engine gives %s", r.Line, r.Status, want.Status)
			}
		} else if r.Reason == "" {
			t.Errorf("line %d: non évaluable without a reason", r.Line)
		}
		if r.Row.Indicator == "supermarches_pour_10000_hab" && r.Status != plan.NotAssessed {
			t.Errorf("line %d: a status from a single vintage: %s", r.Line, r.Status)
		}
	}
	if assessed < 6 {
		t.Errorf("only %d rows assessed", assessed)
	}
	kinds := map[string]int{}
	for _, g := range b.Gaps {
		kinds[g.Kind]++
	}
	for _, k := range []string{plan.GapNoIndicator, plan.GapToIntegrate, plan.GapNoBaseline} {
		if kinds[k] == 0 {
			t.Errorf("no gap %q in %+v", k, b.Gaps)
		}
	}
	if kinds[plan.GapNoIndicator] != 1 {
		t.Errorf("%d actions without indicator, want 1 (A09)", kinds[plan.GapNoIndicator])
	}
}

func TestBreakdown(t *testing.T) {
	c := realCube(t)
	ctx := context.Background()
	p := loadExample(t, c)
	var row plan.Row
	for _, r := range p.Rows {
		if r.Indicator == "taux_couverture_rsa" {
			row = r
		}
	}
	for _, level := range []value.Level{value.LevelEPCI, value.LevelDepartement} {
		res, err := plan.Breakdown(ctx, c, row, level)
		if err != nil {
			t.Fatal(err)
		}
		if len(res) != len(c.Territories(level)) {
			t.Errorf("%s: %d results for %d territories", level, len(res), len(c.Territories(level)))
		}
		n := 0
		for _, r := range res {
			if r.Level != level {
				t.Errorf("%s: result at level %s", r.Territory, r.Level)
			}
			if r.Status != plan.NotAssessed {
				n++
			}
		}
		if n == 0 {
			t.Errorf("%s: no territory assessed", level)
		}
	}
}

func BenchmarkEvaluateExample(b *testing.B) {
	c := realCube(b)
	p := loadExample(b, c)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := plan.Evaluate(ctx, c, p, 2026); err != nil {
			b.Fatal(err)
		}
	}
}
