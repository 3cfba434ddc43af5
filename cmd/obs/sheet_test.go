package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/region-bretagne/obs/cube"
)

func TestSheetCommand(t *testing.T) {
	db := testStore(t)
	dir := t.TempDir()
	for _, tc := range []struct {
		name, code, out string
		want            []string
	}{
		{"epci", "243500139", "rennes-metropole.html", []string{"<h1>Rennes Métropole</h1>", "Intercommunalité (EPCI)", "Population et ménages", "Par public"}},
		{"commune", "35238", "rennes.htm", []string{"<h1>Rennes</h1>", "<th>Rennes Métropole</th>", "<h2>Quartiers (IRIS)</h2>", "Les Mottais", "Brno"}},
		{"qpv", "QP035004", "maurepas.html", []string{"<h1>Maurepas</h1>", "Quartier prioritaire (QPV)", "<th>Rennes</th>", "<th>Rennes Métropole</th>", "<th>Ensemble des QPV</th>", "données publiées en 2022"}},
		{"region", "53", "bretagne.html", []string{"<h1>Bretagne</h1>", "Région"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, tc.out)
			stdout, err := runCLI(t, "sheet", "--db", db, "--territory", tc.code, "--out", out)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, "sheet/"+tc.name+".stdout", strings.ReplaceAll(stdout, dir, "DIR"))
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(string(b), w) {
					t.Errorf("%s lacks %q", tc.out, w)
				}
			}
		})
	}
	for _, bad := range []struct {
		args []string
		want string
	}{
		{[]string{"--territory", "243500139"}, "--territory and --out are required"},
		{[]string{"--territory", "243500139", "--out", filepath.Join(dir, "x.html"), "--format", "docx"}, `--format "docx"`},
		{[]string{"--territory", "243500139", "--out", filepath.Join(dir, "x.html"), "--format", "pdf"}, "does not match the extension"},
	} {
		if _, err := runCLI(t, append([]string{"sheet", "--db", db}, bad.args...)...); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%v: %v, want %q", bad.args, err, bad.want)
		}
	}
	if _, err := runCLI(t, "sheet", "--db", db, "--territory", "99999", "--out", filepath.Join(dir, "x.html")); !errors.Is(err, cube.ErrUnknown) {
		t.Errorf("unknown territory: %v, want cube.ErrUnknown", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.html")); err == nil {
		t.Error("a failed sheet left x.html behind")
	}
}

func TestSheetCommandPDF(t *testing.T) {
	if _, err := exec.LookPath("chromium"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium not found: .ci/run must install the Debian package chromium")
		}
		t.Skip("chromium not found")
	}
	db := testStore(t)
	for _, code := range []string{"35", "QP035004"} {
		out := filepath.Join(t.TempDir(), code+".pdf")
		if _, err := runCLI(t, "sheet", "--db", db, "--territory", code, "--out", out); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(b), "%PDF-") || len(b) < 50_000 {
			t.Errorf("%s.pdf: %d bytes, not a full PDF sheet", code, len(b))
		}
	}
}

func TestSheetsCommand(t *testing.T) {
	db := testStore(t)
	dir := filepath.Join(t.TempDir(), "fiches")
	stdout, err := runCLI(t, "sheets", "--db", db, "--level", "epci", "--out", dir)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^DIR\x{00a0}: 66 fiches HTML et index\.html, en [0-9.]+m?s\n$`).MatchString(strings.ReplaceAll(stdout, dir, "DIR")) {
		t.Errorf("stdout %q", stdout)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	golden(t, "sheets/epci.files", strings.Join(names, "\n")+"\n")
	if _, err := runCLI(t, "sheets", "--db", db, "--level", "quartier", "--out", filepath.Join(dir, "x")); !errors.Is(err, cube.ErrUnknown) {
		t.Errorf("unknown level: %v, want cube.ErrUnknown", err)
	}
}
