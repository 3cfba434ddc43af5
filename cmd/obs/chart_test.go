package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestChartCommand(t *testing.T) {
	db := testStore(t)
	dir := t.TempDir()
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"--kind", "ranking", "--indicator", "taux_chomage_15_64", "--territory", "243500139", "--out", "r.svg"}, []string{"<svg", "Rennes Métropole", "Bretagne\u00a0:"}},
		{[]string{"--kind", "reference", "--indicator", "taux_pauvrete", "--territory", "243500139", "--out", "p.svg"}, []string{"<svg", "n.d."}},
		{[]string{"--kind", "series", "--indicator", "population", "--territory", "35238", "--out", "s.svg"}, []string{"<svg", "2011", "2022"}},
		{[]string{"--kind", "ranking", "--indicator", "taux_chomage_15_64", "--out", "r.html"}, []string{"setOption", "echarts"}},
		{[]string{"--kind", "ranking", "--indicator", "taux_pauvrete", "--level", "qpv", "--territory", "QP035004", "--out", "q.svg"}, []string{"<svg", "Maurepas", "49,8", "Bois Du Château", "La Découverte"}},
		{[]string{"--kind", "ages", "--indicator", "population", "--territory", "243500139", "--out", "a.svg"}, []string{"<svg", "0 à 14 ans", "90 ans ou plus"}},
	}
	for _, tc := range tests {
		out := filepath.Join(dir, tc.args[len(tc.args)-1])
		args := append(append([]string{"chart", "--db", db}, tc.args[:len(tc.args)-1]...), out)
		if _, err := runCLI(t, args...); err != nil {
			t.Errorf("%v: %v", tc.args, err)
			continue
		}
		b, _ := os.ReadFile(out)
		for _, w := range tc.want {
			if !strings.Contains(string(b), w) {
				t.Errorf("%v: output lacks %q", tc.args, w)
			}
		}
	}
	for _, bad := range []struct {
		args []string
		want string
	}{
		{[]string{"--kind", "camembert", "--indicator", "population", "--out", filepath.Join(dir, "x.svg")}, "type de graphique inconnu"},
		{[]string{"--kind", "reference", "--indicator", "population", "--out", filepath.Join(dir, "x.svg")}, "demande un territoire"},
		{[]string{"--kind", "reference", "--indicator", "population", "--territory", "99999", "--out", filepath.Join(dir, "x.svg")}, "territoire inconnu"},
	} {
		if _, err := runCLI(t, append([]string{"chart", "--db", db}, bad.args...)...); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%v: %v, want %q", bad.args, err, bad.want)
		}
	}
}
