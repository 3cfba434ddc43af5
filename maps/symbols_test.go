// Tests for the proportional-symbol map: golden SVG, circle areas against
// values (parsed back from the SVG), secret and missing areas without
// circles but counted, drawing order, anchors inside concave and
// multipart territories, legend values, rasterisation and errors.

package maps

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/region-bretagne/obs/lambert93"
	"github.com/region-bretagne/obs/svgdoc"
	"github.com/region-bretagne/obs/svgtest"
	"github.com/region-bretagne/obs/tooltest"
	"github.com/region-bretagne/obs/value"
)

// uShape is a concave lon/lat "U" whose centroid lies in its notch.
func uShape(lon, lat, d float64) orb.Polygon {
	return orb.Polygon{{{lon, lat}, {lon + d, lat}, {lon + d, lat + d}, {lon + 0.8*d, lat + d}, {lon + 0.8*d, lat + 0.2*d},
		{lon + 0.2*d, lat + 0.2*d}, {lon + 0.2*d, lat + d}, {lon, lat + d}, {lon, lat}}}
}

// symbolFixture is a synthetic count map: six squares, a concave U and a
// commune with an island; values of every status, a zero, a department
// border, a QPV and a highlighted square.
func symbolFixture() SymbolSpec {
	return SymbolSpec{
		Title: "Population municipale", Subtitle: "Communes fictives autour de Rennes, 2022",
		Unit: "hab.", Areas: []Area{
			{Code: "35001", Name: "Alpha", Geom: square(-1.9, 48.0, 0.1), Value: 120000, Status: value.StatusOK},
			{Code: "35002", Name: "Bêta & fils", Geom: square(-1.8, 48.0, 0.1), Value: 30000, Status: value.StatusOK},
			{Code: "35003", Name: "Gamma <Sud>", Geom: square(-1.7, 48.0, 0.1), Value: 7500, Status: value.StatusEstimated},
			{Code: "35004", Name: "Delta", Geom: orb.MultiPolygon{square(-1.95, 48.12, 0.03), square(-1.9, 48.1, 0.1)}, Value: 480, Status: value.StatusOK},
			{Code: "35005", Name: "Epsilon", Geom: square(-1.8, 48.1, 0.1), Status: value.StatusSecret},
			{Code: "35006", Name: "Zêta", Geom: square(-1.7, 48.1, 0.1), Status: value.StatusMissing},
			{Code: "35007", Name: "Êta", Geom: uShape(-1.6, 48.0, 0.2), Value: 60000, Status: value.StatusOK},
			{Code: "35008", Name: "Thêta", Geom: square(-1.6, 48.2, 0.05), Value: 0, Status: value.StatusOK},
		},
		Overlay:   []orb.Geometry{orb.LineString{{-1.9, 48.1}, {-1.6, 48.1}}},
		QPV:       []orb.Geometry{square(-1.87, 48.03, 0.02)},
		Highlight: "35002",
		Source:    "Insee, RP 2022", Vintage: "2022", GeoVintage: "COG 2024",
		Width: 800, Height: 500,
	}
}

// svgCircle is a parsed <circle> of the symbols group.
type svgCircle struct {
	Code, Status string
	Value, R     float64
	Cx, Cy       float64
}

// parsedSymbols is what the tests read back from a symbol SVG.
type parsedSymbols struct {
	circles []svgCircle
	// areas maps each territory code to its status and fill.
	areas map[string][2]string
	// refs are the legend's reference circles: value and radius.
	refs [][2]float64
	// entries maps legend entry kinds to their counts.
	entries map[string]int
	desc    string
}

// parseSymbols reads a symbol SVG with encoding/xml.
func parseSymbols(t *testing.T, svg []byte) parsedSymbols {
	t.Helper()
	p := parsedSymbols{areas: map[string][2]string{}, entries: map[string]int{}}
	dec := xml.NewDecoder(strings.NewReader(string(svg)))
	var stack []string
	attr := func(se xml.StartElement, name string) string {
		for _, a := range se.Attr {
			if a.Name.Local == name {
				return a.Value
			}
		}
		return ""
	}
	f := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("number %q: %v", s, err)
		}
		return v
	}
	inDesc := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch se := tok.(type) {
		case xml.StartElement:
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			class := attr(se, "class")
			switch {
			case se.Name.Local == "desc":
				inDesc = true
			case se.Name.Local == "circle" && parent == "symbols":
				p.circles = append(p.circles, svgCircle{Code: attr(se, "data-code"), Status: attr(se, "data-status"),
					Value: f(attr(se, "data-value")), R: f(attr(se, "r")), Cx: f(attr(se, "cx")), Cy: f(attr(se, "cy"))})
			case se.Name.Local == "path" && parent == "areas":
				p.areas[attr(se, "data-code")] = [2]string{attr(se, "data-status"), attr(se, "fill")}
			case class == "legend-symbol":
				p.refs = append(p.refs, [2]float64{f(attr(se, "data-value")), f(attr(se, "data-radius"))})
			case class == "legend-entry":
				n, _ := strconv.Atoi(attr(se, "data-count"))
				p.entries[attr(se, "data-kind")] = n
			}
			if class == "" {
				class = parent
			}
			stack = append(stack, class)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			inDesc = false
		case xml.CharData:
			if inDesc {
				p.desc += string(se)
			}
		}
	}
	return p
}

func TestSymbolSVGGolden(t *testing.T) {
	ctx := context.Background()
	allSecret := symbolFixture()
	for i := range allSecret.Areas {
		allSecret.Areas[i].Status = value.StatusSecret
	}
	allSecret.Title, allSecret.Highlight, allSecret.Overlay, allSecret.QPV = "Tout en secret", "", nil, nil
	big := symbolFixture()
	big.MaxRadius = 40
	big.Unit = value.UnitCount
	tests := []struct {
		name string
		spec SymbolSpec
	}{
		{"fixture", symbolFixture()},
		{"all_secret", allSecret},
		{"radius40", big},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svg, err := SymbolSVG(ctx, tt.spec)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := SymbolSVG(ctx, tt.spec)
			if string(svg) != string(again) {
				t.Error("two renderings of the same spec differ")
			}
			parseSymbols(t, svg)
			svgtest.Golden(t, "symbols/"+tt.name+".svg", svg)
		})
	}
}

// TestSymbolAreasProportional checks, on the SVG, that circle areas (r²)
// are proportional to values and that the largest value gets MaxRadius.
func TestSymbolAreasProportional(t *testing.T) {
	for _, maxR := range []float64{0, 12, 40} {
		t.Run(fmt.Sprint(maxR), func(t *testing.T) {
			spec := symbolFixture()
			spec.MaxRadius = maxR
			svg, err := SymbolSVG(context.Background(), spec)
			if err != nil {
				t.Fatal(err)
			}
			p := parseSymbols(t, svg)
			if len(p.circles) != 5 {
				t.Fatalf("%d circles, want 5 (8 areas minus secret, missing and zero)", len(p.circles))
			}
			want := maxR
			if want == 0 {
				want = DefaultMaxRadius
			}
			top := p.circles[0]
			if math.Abs(top.R-want) > 0.01 {
				t.Errorf("largest circle r = %v, want MaxRadius %v", top.R, want)
			}
			for _, c := range p.circles[1:] {
				got := (c.R * c.R) / (top.R * top.R)
				exp := c.Value / top.Value
				// r is written to 0.01 px: relative error on r² ≤ 2·0.005/r.
				if tol := 2*0.005/c.R + 1e-9; math.Abs(got/exp-1) > tol {
					t.Errorf("%s: r² ratio %.5f, value ratio %.5f (tolerance %.4f)", c.Code, got, exp, tol)
				}
			}
		})
	}
}

func TestSymbolSecretMissingAndOrder(t *testing.T) {
	svg, err := SymbolSVG(context.Background(), symbolFixture())
	if err != nil {
		t.Fatal(err)
	}
	p := parseSymbols(t, svg)
	for _, c := range p.circles {
		switch c.Code {
		case "35005", "35006":
			t.Errorf("%s (%s) has a circle", c.Code, c.Status)
		case "35008":
			t.Error("the zero value has a circle")
		}
		if c.R <= 0 {
			t.Errorf("%s: circle of radius %v", c.Code, c.R)
		}
	}
	for i := 1; i < len(p.circles); i++ {
		if p.circles[i].Value > p.circles[i-1].Value {
			t.Errorf("circle %d (%s, %v) drawn after a smaller one (%v)", i, p.circles[i].Code, p.circles[i].Value, p.circles[i-1].Value)
		}
	}
	if got := p.areas["35005"]; got != [2]string{string(value.StatusSecret), "url(#" + svgdoc.HatchID + ")"} {
		t.Errorf("secret area: %v, want hatched", got)
	}
	if got := p.areas["35006"]; got != [2]string{string(value.StatusMissing), MissingColor} {
		t.Errorf("missing area: %v, want grey", got)
	}
	if p.entries[string(EntrySecret)] != 1 || p.entries[string(EntryMissing)] != 1 {
		t.Errorf("legend entries %v, want secret 1 and missing 1", p.entries)
	}
	for _, want := range []string{
		"Carte en cercles proportionnels de 8 territoires",
		"6 territoires avec une valeur, maximum 120\u202f000\u00a0hab. (Alpha), total des valeurs représentées 217\u202f980\u00a0hab.",
		"Secret statistique\u00a0: 1 territoire.", "Non disponible\u00a0: 1 territoire.",
		"1 territoire de valeur nulle, sans cercle.", "Dont 1 valeur(s) estimée(s).",
		"Source\u00a0: Insee, RP 2022",
	} {
		if !strings.Contains(p.desc, want) {
			t.Errorf("description lacks %q:\n%s", want, p.desc)
		}
	}
	for _, want := range []string{"<title>Gamma &lt;Sud&gt; (35003)\u00a0: 7\u202f500\u00a0hab. (estimation)</title>",
		"<title>Epsilon (35005)\u00a0: secret statistique</title>", "<title>Zêta (35006)\u00a0: n.d.</title>"} {
		if !strings.Contains(string(svg), want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	if strings.Contains(string(svg), `data-code="35005" data-status="secret" data-value`) {
		t.Error("the secret area carries a value")
	}
}

// TestSymbolLegendValues checks the round values of the nested circles
// and that their radii follow the map's scale.
func TestSymbolLegendValues(t *testing.T) {
	tests := []struct {
		max  float64
		want []float64
	}{
		{120000, []float64{100000, 25000, 5000}},
		{3422845, []float64{2500000, 500000, 100000}},
		{99, []float64{50, 10, 2.5}},
		{1, []float64{1, 0.25, 0.05}},
		{0, nil},
	}
	for _, tt := range tests {
		got := referenceValues(tt.max)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("referenceValues(%v) = %v, want %v", tt.max, got, tt.want)
		}
	}
	svg, err := SymbolSVG(context.Background(), symbolFixture())
	if err != nil {
		t.Fatal(err)
	}
	p := parseSymbols(t, svg)
	if len(p.refs) != 3 {
		t.Fatalf("legend has %d reference circles, want 3", len(p.refs))
	}
	for _, r := range p.refs {
		want := DefaultMaxRadius * math.Sqrt(r[0]/120000)
		if math.Abs(r[1]-want) > 0.01 {
			t.Errorf("reference %v: radius %v, want %v", r[0], r[1], want)
		}
	}
	for _, label := range []string{">100\u202f000\u00a0hab.</text>", ">25\u202f000\u00a0hab.</text>", ">5\u202f000\u00a0hab.</text>"} {
		if !strings.Contains(string(svg), label) {
			t.Errorf("legend lacks %q", label)
		}
	}
}

// TestInteriorPoint checks anchors: inside a concave U whose centroid is
// in the notch, on the largest part of a multipolygon, and at the
// centroid of a convex shape.
func TestInteriorPoint(t *testing.T) {
	u := lambert93.Geometry(uShape(-1.6, 48.0, 0.2)).(orb.Polygon)
	withHole := orb.Polygon{square(-2, 48, 0.2)[0], square(-1.95, 48.05, 0.1)[0]}
	tests := []struct {
		name string
		g    orb.Geometry
		in   orb.Polygon
		at   *orb.Point
	}{
		{"concave", u, u, nil},
		{"island", lambert93.Geometry(orb.MultiPolygon{square(-1.95, 48.12, 0.03), square(-1.9, 48.1, 0.1)}),
			lambert93.Geometry(square(-1.9, 48.1, 0.1)).(orb.Polygon), nil},
		{"hole", lambert93.Geometry(withHole), lambert93.Geometry(withHole).(orb.Polygon), nil},
		{"convex", lambert93.Geometry(square(-1.9, 48.0, 0.1)), lambert93.Geometry(square(-1.9, 48.0, 0.1)).(orb.Polygon), ptr(centroid(lambert93.Geometry(square(-1.9, 48.0, 0.1))))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := interiorPoint(tt.g)
			if !ok {
				t.Fatal("no point")
			}
			if !planar.PolygonContains(tt.in, p) {
				t.Errorf("anchor %v outside the expected polygon", p)
			}
			if tt.at != nil && planar.Distance(p, *tt.at) > 1e-6 {
				t.Errorf("anchor %v, want the centroid %v", p, *tt.at)
			}
		})
	}
	if c := centroid(u); planar.PolygonContains(u, c) {
		t.Error("fixture: the U's centroid should fall outside it")
	}
	if _, ok := interiorPoint(orb.MultiPolygon{}); ok {
		t.Error("empty geometry gave a point")
	}
}

func centroid(g orb.Geometry) orb.Point { c, _ := planar.CentroidArea(g); return c }
func ptr(p orb.Point) *orb.Point        { return &p }

func TestSymbolErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(*SymbolSpec)
		want string
	}{
		{"negative", func(s *SymbolSpec) { s.Areas[1].Value = -3 }, "area 1 (35002): negative value -3"},
		{"NaN", func(s *SymbolSpec) { s.Areas[0].Value = math.NaN() }, "area 0 (35001): status ok with value NaN"},
		{"status", func(s *SymbolSpec) { s.Areas[2].Status = "zero" }, `area 2 (35003): unknown status "zero"`},
		{"no geometry", func(s *SymbolSpec) { s.Areas[3].Geom = nil }, "area 3 (35004) has no geometry"},
		{"line", func(s *SymbolSpec) { s.Areas[3].Geom = orb.LineString{{0, 0}, {1, 1}} }, "area 3 (35004): geometry LineString"},
		{"duplicate", func(s *SymbolSpec) { s.Areas[4].Code = "35001" }, "areas 0 and 4 share the code 35001"},
		{"highlight", func(s *SymbolSpec) { s.Highlight = "99999" }, "highlighted territory 99999"},
		{"empty", func(s *SymbolSpec) { s.Areas = nil }, "has no areas"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := symbolFixture()
			tt.edit(&spec)
			_, err := SymbolSVG(context.Background(), spec)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to contain %q", err, tt.want)
			}
			if _, err := EchartsSymbols(context.Background(), spec); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("EchartsSymbols: error %v, want it to contain %q", err, tt.want)
			}
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := SymbolSVG(ctx, symbolFixture()); err == nil {
		t.Error("cancelled context: no error")
	}
}

func TestSymbolPNG(t *testing.T) {
	tooltest.Need(t, "rsvg-convert", "librsvg2-bin")
	svg, err := SymbolSVG(context.Background(), symbolFixture())
	if err != nil {
		t.Fatal(err)
	}
	out, err := RenderPNG(context.Background(), svg, 1200)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 1000 || string(out[1:4]) != "PNG" {
		t.Errorf("not a PNG (%d bytes)", len(out))
	}
}

// BenchmarkSymbolSVG maps 1,200 synthetic 64-vertex communes, then the
// real Breton communes (geo/communes-bretagne.geojson, skipped when the
// open data is absent).
func BenchmarkSymbolSVG(b *testing.B) {
	for _, bc := range []struct {
		name string
		spec func(*testing.B) SymbolSpec
	}{{"synthetic", benchSymbolSpec}, {"communes", realSymbolSpec}} {
		b.Run(bc.name, func(b *testing.B) {
			spec := bc.spec(b)
			b.ReportAllocs()
			for b.Loop() {
				if err := RenderSymbols(context.Background(), io.Discard, spec); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// realSymbolSpec maps the real communes with their median standard of
// living read as a count-like positive quantity (secret and missing kept).
func realSymbolSpec(b *testing.B) SymbolSpec {
	return SymbolSpec{Title: "Communes", Unit: value.UnitCount, Areas: realCommuneAreas(b), Source: "Insee"}
}

// benchSymbolSpec is 1,200 synthetic communes with counts, some secret.
func benchSymbolSpec(b *testing.B) SymbolSpec {
	var areas []Area
	for i := 0; i < 1200; i++ {
		lon := -5.0 + float64(i%40)*0.1
		lat := 47.3 + float64(i/40)*0.05
		ring := make(orb.Ring, 0, 65)
		for k := 0; k < 64; k++ {
			a := 2 * math.Pi * float64(k) / 64
			ring = append(ring, orb.Point{lon + 0.05 + 0.045*math.Cos(a), lat + 0.025 + 0.022*math.Sin(a)})
		}
		ring = append(ring, ring[0])
		status := value.StatusOK
		if i%13 == 0 {
			status = value.StatusSecret
		}
		areas = append(areas, Area{Code: fmt.Sprintf("%05d", 22000+i), Name: "Commune", Geom: orb.Polygon{ring},
			Value: float64((i*7919)%20000 + 50), Status: status})
	}
	return SymbolSpec{Title: "Banc d'essai", Unit: "hab.", Areas: areas, Source: "Insee"}
}
