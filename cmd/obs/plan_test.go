// Tests of obs plan: the CSV columns of the issue, one result per row of
// the example plan, the territory filter, and a file with errors refused.

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/region-bretagne/obs/plan"
)

func TestPlanCSV(t *testing.T) {
	db := testStore(t)
	out, err := runCLI(t, "plan", "--db", db, "--file", "../../data/plan-exemple.csv", "--format", "csv", "--year", "2026")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(strings.TrimPrefix(out, "\ufeff")), "\n")
	if lines[0] != strings.Join(plan.Columns, ";") {
		t.Errorf("header %q", lines[0])
	}
	src, err := os.ReadFile("../../data/plan-exemple.csv")
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Count(strings.TrimSpace(string(src)), "\n"); len(lines)-1 != want {
		t.Errorf("%d result rows, %d plan rows", len(lines)-1, want)
	}
	out, err = runCLI(t, "plan", "--db", db, "--file", "../../data/plan-exemple.csv", "--format", "csv", "--territory", "56")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
		if strings.Split(l, ";")[2] != "56" {
			t.Errorf("--territory 56 kept %q", l)
		}
	}
}

func TestPlanRefused(t *testing.T) {
	db := testStore(t)
	bad := filepath.Join(t.TempDir(), "plan.csv")
	body := strings.Join(plan.Header, ";") + "\nA1;travailler;E;P;emplois;53;;2016;;;;hausse;\nA2;travailler;E;P;emploi;53;;2016;;;;hausse;\n"
	if err := os.WriteFile(bad, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := runCLI(t, "plan", "--db", db, "--file", bad, "--format", "csv")
	if err == nil {
		t.Fatalf("a plan with an unknown indicator was accepted: %s", out)
	}
	if !strings.Contains(err.Error(), "ligne 3, colonne indicateur") || !strings.Contains(err.Error(), "emplois") {
		t.Errorf("error %q: want the line, the column and a suggestion", err)
	}
}
