package report

import (
	"bytes"
	"context"
	"flag"

	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files")

// sampleSheet is a small hand-made sheet (values invented) for rendering tests.
func sampleSheet(themes int) *Sheet {
	s := &Sheet{
		Code: "243500139", Name: "Rennes Métropole", Level: "epci", LevelLabel: "Intercommunalité (EPCI)",
		Context: "Ille-et-Vilaine", COG: 2026, Generated: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC),
		Columns:   []string{"Rennes Métropole", "Ille-et-Vilaine", "Bretagne", "France"},
		Headlines: []Headline{{Label: "habitants", Value: "472\u202f168", Ref: 1}, {Label: "taux de pauvreté", Value: "n.d.", Note: "non publié à ce niveau", Ref: 2}},
		Footnotes: []Footnote{{1, "Insee, recensement 2022, COG 2026."}, {2, "Filosofi 2021 : taux non publié à ce niveau ici."}},
	}
	for i := range themes {
		th := Theme{Name: "Thème " + strconv.Itoa(i+1)}
		for j := range 6 {
			th.Rows = append(th.Rows, Row{Label: "Indicateur " + strconv.Itoa(j+1) + " <&>", Ref: 1, Cells: []Cell{
				{Text: "12,3\u00a0%", Status: "ok"}, {Text: "secret statistique", Status: "secret"}, {Text: "n.d.", Status: "missing", Ref: 2}, {Text: "9,8\u00a0%", Status: "ok"},
			}})
		}
		s.Themes = append(s.Themes, th)
	}
	return s
}

func TestSheetHTMLGolden(t *testing.T) {
	got, err := sampleSheet(2).HTML()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "sample-sheet.html")
	if *update {
		os.MkdirAll("testdata", 0o755)
		os.WriteFile(path, got, 0o644)
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("HTML differs from %s (go test -update rewrites it)", path)
	}
	for _, frag := range []string{`lang="fr"`, "Indicateur 1 &lt;&amp;&gt;", "secret statistique", "28\u00a0novembre\u00a02026", "@page { size: A4"} {
		if !bytes.Contains(got, []byte(frag)) {
			t.Errorf("HTML lacks %q", frag)
		}
	}
}

// needTool fails in CI, and skips elsewhere, when a Debian tool is missing.
func needTool(t *testing.T, name, pkg string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s not found: .ci/run must install the Debian package %s", name, pkg)
		}
		t.Skipf("%s not found (Debian package %s)", name, pkg)
	}
}

// checkPDF counts a PDF's pages with pdfinfo and checks with pdftoppm that
// none is blank. It returns the page count.
func checkPDF(t *testing.T, pdf []byte) int {
	t.Helper()
	needTool(t, "pdftoppm", "poppler-utils")
	dir := t.TempDir()
	in := filepath.Join(dir, "s.pdf")
	os.WriteFile(in, pdf, 0o644)
	info, err := exec.Command("pdfinfo", in).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo gave no page count: %s", info)
	}
	pages, _ := strconv.Atoi(string(m[1]))
	if !strings.Contains(string(info), "(A4)") {
		t.Errorf("not A4: %s", info)
	}
	if out, err := exec.Command("pdftoppm", "-r", "30", "-png", in, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	if len(pngs) != pages {
		t.Errorf("pdftoppm made %d pages, pdfinfo says %d", len(pngs), pages)
	}
	for _, p := range pngs {
		if ink := inkShare(t, p); ink < 0.005 {
			t.Errorf("%s looks blank (%.4f of pixels inked)", filepath.Base(p), ink)
		}
	}
	return pages
}

// inkShare is the share of pixels that are not near-white.
func inkShare(t *testing.T, path string) float64 {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	ink := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r < 0xe000 || g < 0xe000 || bl < 0xe000 {
				ink++
			}
		}
	}
	return float64(ink) / float64(b.Dx()*b.Dy())
}

func TestSheetPDF(t *testing.T) {
	needTool(t, "chromium", "chromium")
	html, err := sampleSheet(8).HTML()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	pdf, err := testPrinter(t).Print(ctx, html)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	if pages := checkPDF(t, pdf); pages < 2 {
		t.Errorf("%d pages for 8 themes of 6 rows, want at least 2 (A4 page breaks)", pages)
	}
}
