// Tests of the plan file parser: header, BOM, numbers, syntax errors
// with their line and column, and a fuzz target.

package plan

import (
	"errors"
	"math"
	"strings"
	"testing"
)

const head = "action;theme;intitule;pilote;indicateur;territoire;public;annee_reference;valeur_reference;annee_cible;valeur_cible;sens;commentaire\n"

func TestParse(t *testing.T) {
	p, err := Parse(strings.NewReader("\ufeff"+head+
		"A1;se_loger;Loger;DL;taux_couverture_aides_logement;53;;2020;18,1;2028;14;baisse;note\n"+
		"\n"+
		"A2;travailler;Emploi;DE;emplois;35;ensemble;2016;\u202f1 303 606,5;;;Hausse;\n"+
		"A3;se_deplacer;Mobilité;DM;;;;;;;;;à définir\n"), "p.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Rows) != 3 {
		t.Fatalf("%d rows, want 3", len(p.Rows))
	}
	r := p.Rows[0]
	if r.Line != 2 || r.BaseValue != 18.1 || r.TargetYear != 2028 || r.TargetValue != 14 || r.Direction != Down || !r.HasTarget() {
		t.Errorf("row 1 = %+v", r)
	}
	r = p.Rows[1]
	if r.Line != 4 || r.BaseValue != 1303606.5 || r.Direction != Up || r.HasTarget() || !math.IsNaN(r.TargetValue) {
		t.Errorf("row 2 = %+v", r)
	}
	if r := p.Rows[2]; r.Indicator != "" || r.BaseYear != 0 {
		t.Errorf("row 3 = %+v", r)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, body string
		want       []Error
	}{
		{"en-tête", "action,theme\n", []Error{{Line: 1}}},
		{"vide", "", []Error{{Line: 1}}},
		{"colonnes", head + "A1;se_loger\n", []Error{{Line: 2}}},
		{"sens", head + "A1;se_loger;L;P;emplois;53;;2016;;;;monte;\n", []Error{{Line: 2, Column: "sens"}}},
		{"cible avant référence", head + "A1;se_loger;L;P;emplois;53;;2016;;2010;5;hausse;\n", []Error{{Line: 2, Column: "annee_cible"}}},
		{"nombre", head + "A1;se_loger;L;P;emplois;53;;2016;douze;;;hausse;\n", []Error{{Line: 2, Column: "valeur_reference"}}},
		{"plusieurs", head + "A1;se_loger;L;P;emplois;53;;16;;;;hausse;\nA2;x;L;P;emplois;53;;2016;;;4;bas;\n",
			[]Error{{Line: 2, Column: "annee_reference"}, {Line: 3, Column: "annee_cible"}, {Line: 3, Column: "sens"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Parse(strings.NewReader(tc.body), "p.csv")
			if p != nil {
				t.Error("a plan with errors was returned")
			}
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("error %v is not Errors", err)
			}
			if len(es) != len(tc.want) {
				t.Fatalf("%d errors, want %d: %v", len(es), len(tc.want), err)
			}
			for i, w := range tc.want {
				if es[i].Line != w.Line || es[i].Column != w.Column || es[i].Problem == "" {
					t.Errorf("error %d = %+v, want line %d column %q", i, es[i], w.Line, w.Column)
				}
			}
			if !strings.Contains(err.Error(), "p.csv") || !strings.Contains(err.Error(), "ligne") {
				t.Errorf("message %q names neither file nor line", err)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add(head + "A1;se_loger;L;P;emplois;53;;2016;1,5;2020;2;hausse;\n")
	f.Add("\ufeff" + head + "A\"1;x\n")
	f.Add(head + ";;;;;;;;;;;;\n")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := Parse(strings.NewReader(s), "f.csv")
		if (p == nil) == (err == nil) {
			t.Fatalf("plan %v and error %v", p, err)
		}
		if p == nil {
			return
		}
		for _, r := range p.Rows {
			if r.Line < 2 {
				t.Fatalf("row at line %d", r.Line)
			}
			if r.Indicator != "" && r.Direction != Up && r.Direction != Down {
				t.Fatalf("row with indicator and sens %q", r.Direction)
			}
			if r.TargetYear != 0 && r.TargetYear <= r.BaseYear {
				t.Fatalf("target year %d ≤ baseline %d", r.TargetYear, r.BaseYear)
			}
		}
	})
}
