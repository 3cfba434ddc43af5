// This file tests the static choropleth: golden SVG files, the agreement
// of fill and legend (parsed back from the SVG), the companion tables,
// PNG rendering and the error cases.

package maps

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"image/png"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/region-bretagne/obs/classify"
	"github.com/region-bretagne/obs/svgdoc"
	"github.com/region-bretagne/obs/svgtest"
	"github.com/region-bretagne/obs/tooltest"
	"github.com/region-bretagne/obs/value"
)

// square is a lon/lat square of side d degrees with its south-west corner
// at (lon, lat).
func square(lon, lat, d float64) orb.Polygon {
	return orb.Polygon{{{lon, lat}, {lon + d, lat}, {lon + d, lat + d}, {lon, lat + d}, {lon, lat}}}
}

// fixtureSpec is a synthetic map of six squares around Rennes: four ok
// values (one floored, one estimated), one secret, one missing; a border
// overlay, a QPV outline and a highlighted square.
func fixtureSpec(t testing.TB) ChoroplethSpec {
	t.Helper()
	areas := []Area{
		{Code: "35001", Name: "Alpha", Geom: square(-1.9, 48.0, 0.1), Value: 5, Status: value.StatusFloored},
		{Code: "35002", Name: "Bêta & fils", Geom: square(-1.8, 48.0, 0.1), Value: 8.25, Status: value.StatusOK},
		{Code: "35003", Name: "Gamma <Sud>", Geom: square(-1.7, 48.0, 0.1), Value: 12.5, Status: value.StatusOK},
		{Code: "35004", Name: "Delta", Geom: orb.MultiPolygon{square(-1.9, 48.1, 0.1), square(-1.95, 48.12, 0.03)}, Value: 20, Status: value.StatusEstimated},
		{Code: "35005", Name: "Epsilon", Geom: square(-1.8, 48.1, 0.1), Status: value.StatusSecret},
		{Code: "35006", Name: "Zêta", Geom: square(-1.7, 48.1, 0.1), Status: value.StatusMissing},
	}
	var values []float64
	for _, a := range areas {
		if a.Status != value.StatusSecret && a.Status != value.StatusMissing {
			values = append(values, a.Value)
		}
	}
	b, err := classify.Classify(values, classify.Equal, 3, nil)
	if err != nil {
		t.Fatal(err)
	}
	return ChoroplethSpec{
		Title: "Taux de pauvreté", Subtitle: "Communes fictives autour de Rennes, 2021",
		Unit: value.UnitPercent, Decimals: 1, Areas: areas, Breaks: b, Palette: "YlOrRd",
		Overlay:   []orb.Geometry{orb.LineString{{-1.9, 48.1}, {-1.6, 48.1}}},
		QPV:       []orb.Geometry{square(-1.77, 48.03, 0.02)},
		Highlight: "35003",
		Source:    "Insee, Filosofi 2021", Vintage: "2021", GeoVintage: "COG 2024",
		Width: 800, Height: 500,
	}
}

func TestChoroplethGolden(t *testing.T) {
	ctx := context.Background()
	base := fixtureSpec(t)
	allSecret := fixtureSpec(t)
	for i := range allSecret.Areas {
		allSecret.Areas[i].Status = value.StatusSecret
	}
	allSecret.Breaks, _ = classify.Classify(nil, classify.Quantile, 4, nil)
	allSecret.Highlight, allSecret.Overlay, allSecret.QPV = "", nil, nil
	allSecret.Title = "Tout en secret"
	centred := fixtureSpec(t)
	centred.Palette = "RdBu_r"
	ten := 10.0
	centred.PaletteCenter = &ten
	centred.Breaks = classify.Breaks{Method: classify.Manual, Bounds: []float64{0, 5, 10, 15, 20}}
	tests := []struct {
		name string
		spec ChoroplethSpec
	}{
		{"fixture", base},
		{"all_secret", allSecret},
		{"centred", centred},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svg, err := ChoroplethSVG(ctx, tt.spec)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := ChoroplethSVG(ctx, tt.spec)
			if !bytes.Equal(svg, again) {
				t.Error("two renderings of the same spec differ")
			}
			if err := xml.Unmarshal(svg, new(struct{})); err != nil {
				t.Fatalf("SVG is not well-formed XML: %v", err)
			}
			svgtest.Golden(t, "choropleth/"+tt.name+".svg", svg)
		})
	}
}

func TestChoroplethContent(t *testing.T) {
	svg, err := ChoroplethSVG(context.Background(), fixtureSpec(t))
	if err != nil {
		t.Fatal(err)
	}
	s := string(svg)
	for _, want := range []string{
		`<title id="map-title">Taux de pauvreté – Communes fictives autour de Rennes, 2021</title>`,
		"<desc id=\"map-desc\">Carte choroplèthe de 6 territoires, classes par intervalles égaux (intervalles fermés à gauche). Légende\u00a0: de 5,0\u00a0% à moins de 10,0\u00a0%\u00a0: 2 territoires\u00a0;",
		"Bêta &amp; fils (35002)\u00a0: 8,3\u00a0%</title>", // 8.25 rounds half up, as in Excel
		"Gamma &lt;Sud&gt; (35003)",
		"Alpha (35001)\u00a0: ≤\u00a05,0\u00a0%",
		"Delta (35004)\u00a0: 20,0\u00a0% (estimation)",
		"Epsilon (35005)\u00a0: secret statistique",
		"Zêta (35006)\u00a0: n.d.",
		`pattern id="obs-secret-hatch"`,
		`class="overlay"`, `class="qpv"`, `class="highlight"`, `class="scale-bar"`,
		"Source\u00a0: Insee, Filosofi 2021 – données 2021 – géographie COG 2024 – projection Lambert-93",
		"Intervalles fermés à gauche",
		"Dont 1 valeur(s) plancher", "Dont 1 valeur(s) estimée(s)",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	if strings.Contains(s, `data-status="secret" data-value`) || strings.Contains(s, `data-status="missing" data-value`) {
		t.Error("secret or missing area carries a value")
	}
}

// checkFillMatchesLegend parses an SVG map and checks, from the SVG alone,
// that each territory's fill is the colour of the legend entry whose
// interval holds its value (hatched for secret, grey for missing), and
// that each legend count is the number of territories drawn with it.
func checkFillMatchesLegend(t *testing.T, svg []byte) (areas int) {
	t.Helper()
	var root svgtest.Node
	if err := xml.Unmarshal(svg, &root); err != nil {
		t.Fatalf("parse SVG: %v", err)
	}
	type entry struct {
		kind, color            string
		lo, hi                 float64
		loClosed, hiClosed     bool
		count, drawn, classIdx int
	}
	var entries []*entry
	var paths []svgtest.Node
	root.Walk(func(n svgtest.Node) {
		if cls, _ := n.Attr("class"); cls == "legend-entry" {
			e := &entry{}
			e.kind, _ = n.Attr("data-kind")
			e.color, _ = n.Attr("data-color")
			c, _ := n.Attr("data-count")
			e.count, _ = strconv.Atoi(c)
			if e.kind == "class" {
				lo, _ := n.Attr("data-lo")
				hi, _ := n.Attr("data-hi")
				closed, _ := n.Attr("data-closed")
				e.lo, _ = strconv.ParseFloat(lo, 64)
				e.hi, _ = strconv.ParseFloat(hi, 64)
				e.loClosed = closed == "both" || closed == "left"
				e.hiClosed = closed == "both" || closed == "right"
			}
			entries = append(entries, e)
		}
		if _, ok := n.Attr("data-status"); ok && n.XMLName.Local == "path" {
			paths = append(paths, n)
		}
	})
	if len(paths) == 0 {
		t.Fatal("no territory path in the SVG")
	}
	for _, p := range paths {
		code, _ := p.Attr("data-code")
		status, _ := p.Attr("data-status")
		fill, _ := p.Attr("fill")
		var match []*entry
		switch value.Status(status) {
		case value.StatusSecret:
			if fill != "url(#"+svgdoc.HatchID+")" {
				t.Errorf("secret %s filled %s, want the hatching", code, fill)
			}
			for _, e := range entries {
				if e.kind == "secret" && e.color == "hatch" {
					match = append(match, e)
				}
			}
		case value.StatusMissing:
			if fill != MissingColor {
				t.Errorf("missing %s filled %s, want grey %s", code, fill, MissingColor)
			}
			for _, e := range entries {
				if e.kind == "missing" && e.color == fill {
					match = append(match, e)
				}
			}
		default:
			vs, ok := p.Attr("data-value")
			v, err := strconv.ParseFloat(vs, 64)
			if !ok || err != nil {
				t.Errorf("%s (%s) has no readable data-value %q", code, status, vs)
				continue
			}
			for _, e := range entries {
				if e.kind != "class" {
					continue
				}
				inLo := v > e.lo || (e.loClosed && v == e.lo)
				inHi := v < e.hi || (e.hiClosed && v == e.hi)
				if inLo && inHi {
					match = append(match, e)
				}
			}
			if len(match) == 1 && match[0].color != fill {
				t.Errorf("%s value %v filled %s, its legend interval is coloured %s", code, v, fill, match[0].color)
			}
		}
		if len(match) != 1 {
			t.Errorf("%s (%s) matches %d legend entries, want exactly 1", code, status, len(match))
			continue
		}
		match[0].drawn++
	}
	colours := map[string]bool{}
	for _, e := range entries {
		if e.count != e.drawn {
			t.Errorf("legend entry %s %s [%v, %v] says %d, the map draws %d", e.kind, e.color, e.lo, e.hi, e.count, e.drawn)
		}
		if colours[e.color] {
			t.Errorf("two legend entries share colour %s", e.color)
		}
		colours[e.color] = true
	}
	return len(paths)
}

func TestFillMatchesLegend(t *testing.T) {
	svg, err := ChoroplethSVG(context.Background(), fixtureSpec(t))
	if err != nil {
		t.Fatal(err)
	}
	if n := checkFillMatchesLegend(t, svg); n != 6 {
		t.Errorf("checked %d areas, want 6", n)
	}
}

// TestFillMatchesLegendRealCommunes maps the real Filosofi 2021 median
// standard of living of Breton communes (with its secret and unavailable
// values) on the real commune shapes, for every method.
func TestFillMatchesLegendRealCommunes(t *testing.T) {
	areas := realCommuneAreas(t)
	var values []float64
	counts := map[value.Status]int{}
	for _, a := range areas {
		counts[a.Status]++
		if a.Status == value.StatusOK {
			values = append(values, a.Value)
		}
	}
	if counts[value.StatusSecret] == 0 || counts[value.StatusMissing] == 0 || counts[value.StatusOK] < 1000 {
		t.Fatalf("fixture should mix statuses, got %v", counts)
	}
	for _, m := range classify.Methods() {
		t.Run(string(m), func(t *testing.T) {
			b, err := classify.Classify(values, m, 5, []float64{18000, 21000, 23000, 25000, 28000})
			if err != nil {
				t.Fatal(err)
			}
			spec := ChoroplethSpec{Title: "Niveau de vie médian", Unit: value.UnitEuro, Areas: areas, Breaks: b,
				Palette: "Blues", Source: "Insee, Filosofi 2021", Vintage: "2021", GeoVintage: "COG 2018"}
			svg, err := ChoroplethSVG(context.Background(), spec)
			if err != nil {
				t.Fatal(err)
			}
			if n := checkFillMatchesLegend(t, svg); n != len(areas) {
				t.Errorf("checked %d areas, want %d", n, len(areas))
			}
		})
	}
}

func TestTables(t *testing.T) {
	spec := fixtureSpec(t)
	var csvBuf, htmlBuf bytes.Buffer
	if err := WriteTableCSV(&csvBuf, spec); err != nil {
		t.Fatal(err)
	}
	if err := WriteTableHTML(&htmlBuf, spec); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(csvBuf.Bytes(), []byte("\ufeffcode;libelle;valeur;statut;classe\r\n")) {
		t.Errorf("CSV header: %q", csvBuf.String()[:60])
	}
	for _, want := range []string{"35002;Bêta & fils;8,25;valeur;", "35005;Epsilon;;secret statistique;\r\n", "35006;Zêta;;non disponible;\r\n"} {
		if !strings.Contains(csvBuf.String(), want) {
			t.Errorf("CSV lacks %q:\n%s", want, csvBuf.String())
		}
	}
	for _, want := range []string{"<td>Bêta &amp; fils</td>", "<td>Gamma &lt;Sud&gt;</td>", "<td>secret statistique</td>", "<td style=\"text-align:right\">n.d.</td>", "<caption>Taux de pauvreté"} {
		if !strings.Contains(htmlBuf.String(), want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	svgtest.Golden(t, "choropleth/fixture_table.csv", csvBuf.Bytes())
	svgtest.Golden(t, "choropleth/fixture_table.html", htmlBuf.Bytes())
}

func TestChoroplethErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(*ChoroplethSpec)
		want   string
	}{
		{"no areas", func(s *ChoroplethSpec) { s.Areas = nil }, "no areas"},
		{"unknown status", func(s *ChoroplethSpec) { s.Areas[1].Status = "" }, "area 1 (35002): unknown status"},
		{"value outside breaks", func(s *ChoroplethSpec) { s.Areas[2].Value = 99 }, "area 2 (35003): value 99 outside the breaks"},
		{"NaN value", func(s *ChoroplethSpec) { s.Areas[2].Value = math.NaN() }, "area 2 (35003): status ok with value NaN"},
		{"no geometry", func(s *ChoroplethSpec) { s.Areas[0].Geom = nil }, "area 0 (35001) has no geometry"},
		{"unknown highlight", func(s *ChoroplethSpec) { s.Highlight = "29019" }, "highlighted territory 29019"},
		{"unknown palette", func(s *ChoroplethSpec) { s.Palette = "Jet" }, "unknown palette"},
		{"bad breaks", func(s *ChoroplethSpec) { s.Breaks = classify.Breaks{Bounds: []float64{30, 0}} }, "below break"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := fixtureSpec(t)
			tt.change(&spec)
			_, err := ChoroplethSVG(context.Background(), spec)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ChoroplethSVG(ctx, fixtureSpec(t)); err == nil {
		t.Error("a cancelled context must stop the rendering")
	}
}

func TestRenderPNG(t *testing.T) {
	tooltest.Need(t, "rsvg-convert", "librsvg2-bin")
	svg, err := ChoroplethSVG(context.Background(), fixtureSpec(t))
	if err != nil {
		t.Fatal(err)
	}
	out, err := RenderPNG(context.Background(), svg, 1200)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("PNG does not decode: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 750 {
		t.Errorf("PNG is %dx%d, want 1200x750 (800x500 scaled)", b.Dx(), b.Dy())
	}
	// The highlighted square is drawn: some pixel must be dark red-orange
	// or at least not all white.
	white := 0
	for y := 0; y < img.Bounds().Dy(); y += 10 {
		for x := 0; x < img.Bounds().Dx(); x += 10 {
			r, g, b, _ := img.At(x, y).RGBA()
			if r == 0xffff && g == 0xffff && b == 0xffff {
				white++
			}
		}
	}
	if total := (1200 / 10) * (750 / 10); white == total {
		t.Error("PNG is blank")
	}
	if _, err := RenderPNG(context.Background(), svg, 0); err == nil {
		t.Error("width 0 must be refused")
	}
	if _, err := RenderPNG(context.Background(), []byte("<svg"), 100); err == nil {
		t.Error("broken SVG must fail")
	}
	saved := RsvgConvert
	RsvgConvert = "rsvg-convert-that-does-not-exist"
	defer func() { RsvgConvert = saved }()
	if _, err := RenderPNG(context.Background(), svg, 100); err == nil || !strings.Contains(err.Error(), "librsvg2-bin") {
		t.Errorf("missing rsvg-convert: error %v should name the Debian package", err)
	}
}

func BenchmarkChoroplethSVG(b *testing.B) {
	// 1,200 polygons of 64 vertices on a 40 × 30 grid over Bretagne.
	var areas []Area
	var values []float64
	for i := 0; i < 1200; i++ {
		lon := -5.0 + float64(i%40)*0.1
		lat := 47.3 + float64(i/40)*0.05
		ring := make(orb.Ring, 0, 65)
		for k := 0; k < 64; k++ {
			a := 2 * math.Pi * float64(k) / 64
			ring = append(ring, orb.Point{lon + 0.05 + 0.045*math.Cos(a), lat + 0.025 + 0.022*math.Sin(a)})
		}
		ring = append(ring, ring[0])
		v := float64(i%97) / 3
		status := value.StatusOK
		if i%13 == 0 {
			status = value.StatusSecret
		} else {
			values = append(values, v)
		}
		areas = append(areas, Area{Code: fmt.Sprintf("%05d", 22000+i), Name: "Commune", Geom: orb.Polygon{ring}, Value: v, Status: status})
	}
	br, err := classify.Classify(values, classify.Jenks, 6, nil)
	if err != nil {
		b.Fatal(err)
	}
	spec := ChoroplethSpec{Title: "Banc d'essai", Unit: value.UnitPercent, Decimals: 1, Areas: areas, Breaks: br}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := RenderSVG(context.Background(), io.Discard, spec); err != nil {
			b.Fatal(err)
		}
	}
}
