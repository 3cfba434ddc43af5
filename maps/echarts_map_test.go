// Tests for the interactive choropleth: golden pages, script order and
// offline assets, visualMap pieces against Breaks and palette, French
// tooltips, agreement with the static SVG inside the real echarts, errors.

package maps

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/region-bretagne/obs/classify"
	"github.com/region-bretagne/obs/echartspage"
	"github.com/region-bretagne/obs/echartstest"
	"github.com/region-bretagne/obs/lambert93"
	"github.com/region-bretagne/obs/svgdoc"
	"github.com/region-bretagne/obs/svgtest"
	"github.com/region-bretagne/obs/value"
)

func TestEchartsMapGolden(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		assets echartspage.Assets
	}{
		{"echarts/map.html", echartspage.Assets{}},
		{"echarts/map_inline.html", echartspage.Assets{Inline: echartstest.FakeLib}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := EchartsMap(ctx, fixtureSpec(t))
			if err != nil {
				t.Fatal(err)
			}
			got := echartstest.HTML(t, c, tt.assets)
			svgtest.Golden(t, tt.name, []byte(got))
			// Rendering twice gives the same bytes (no random chart id).
			c2, _ := EchartsMap(ctx, fixtureSpec(t))
			if again := echartstest.HTML(t, c2, tt.assets); again != got {
				t.Error("two renderings of the same spec differ")
			}
		})
	}
}

func TestEchartsMapScripts(t *testing.T) {
	c, err := EchartsMap(context.Background(), fixtureSpec(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range []struct {
		name   string
		assets echartspage.Assets
	}{{"served", echartspage.Assets{}}, {"inline", echartspage.Assets{Inline: echartstest.FakeLib}}} {
		t.Run(mode.name, func(t *testing.T) {
			html := echartstest.HTML(t, c, mode.assets)
			scripts := echartstest.Scripts(html)
			lib, register, set := -1, -1, -1
			for i, s := range scripts {
				if regexp.MustCompile(`(?i)^(https?:)?//`).MatchString(s.Src) {
					t.Errorf("script %d loads %q from the network", i, s.Src)
				}
				switch {
				case s.Src == "/assets/echarts.min.js" || strings.Contains(s.Text, "echarts stand-in"):
					lib = i
				case strings.Contains(s.Text, "echarts.registerMap("):
					register = i
				case strings.Contains(s.Text, ".setOption("):
					set = i
				}
			}
			if lib < 0 || register < 0 || set < 0 {
				t.Fatalf("scripts: library at %d, registerMap at %d, setOption at %d; want all present", lib, register, set)
			}
			if !(lib < register && register < set) {
				t.Errorf("script order: library %d, registerMap %d, setOption %d; want library < registerMap < setOption", lib, register, set)
			}
			if mode.name == "served" && scripts[lib].Text != "" {
				t.Error("served library script has inline text")
			}
			if mode.name == "inline" {
				if strings.Contains(html, "src=") {
					t.Error("standalone page refers to an external script")
				}
				if !strings.Contains(scripts[lib].Text, `'<\/script><\!-- x'`) {
					t.Errorf("inlined library not escaped: %q", scripts[lib].Text)
				}
			}
			// The registered name is the one the series uses.
			name := regexp.MustCompile(`echarts\.registerMap\("([^"]+)"`).FindStringSubmatch(scripts[register].Text)
			if name == nil || !strings.Contains(scripts[set].Text, `"map":"`+name[1]+`"`) {
				t.Errorf("series does not use the registered map %v", name)
			}
			for _, want := range []string{`width: 100%`, `height: 100%`, `addEventListener("resize"`, `chart.resize()`} {
				if !strings.Contains(html, want) {
					t.Errorf("page lacks %q (responsive iframe)", want)
				}
			}
		})
	}
}

func TestEchartsMapGeoJSON(t *testing.T) {
	spec := fixtureSpec(t)
	c, err := EchartsMap(context.Background(), spec)
	if err != nil {
		t.Fatal(err)
	}
	js := c.HeadScripts()[0]
	raw := js[strings.Index(js, ", ")+2 : strings.LastIndex(js, ");")]
	var fc struct {
		Features []struct {
			Properties map[string]any `json:"properties"`
			Geometry   struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal([]byte(raw), &fc); err != nil {
		t.Fatalf("registerMap GeoJSON: %v", err)
	}
	var names []string
	for _, f := range fc.Features {
		names = append(names, f.Properties["name"].(string))
	}
	want := "35001 35002 35003 35004 35005 35006 obs-overlay obs-qpv"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("feature names = %s, want %s", got, want)
	}
	// Coordinates are Lambert-93 metres: Rennes area, x ≈ 350 km, y ≈ 6 790 km.
	var ring [][][]float64
	if err := json.Unmarshal(fc.Features[0].Geometry.Coordinates, &ring); err != nil {
		t.Fatal(err)
	}
	want0 := lambert93.Project(orb.Point{-1.9, 48.0})
	if p := ring[0][0]; math.Abs(p[0]-want0[0]) > 0.5 || math.Abs(p[1]-want0[1]) > 0.5 || p[0] != math.Round(p[0]) {
		t.Errorf("first point = %v, want Lambert-93 %v rounded to the metre", p, want0)
	}
}

func TestEchartsMapPieces(t *testing.T) {
	base := fixtureSpec(t)
	right := fixtureSpec(t)
	right.Breaks.Closure = classify.ClosedRight
	centred := fixtureSpec(t)
	centred.Palette = "RdBu_r"
	ten := 10.0
	centred.PaletteCenter = &ten
	constant := fixtureSpec(t)
	for i := range constant.Areas {
		constant.Areas[i].Value = 7
	}
	b, err := classify.Classify([]float64{7, 7, 7, 7}, classify.Quantile, 4, nil)
	if err != nil {
		t.Fatal(err)
	}
	constant.Breaks = b
	noSecret := fixtureSpec(t)
	noSecret.Areas = noSecret.Areas[:4]

	tests := []struct {
		name string
		spec ChoroplethSpec
	}{{"closed left", base}, {"closed right", right}, {"diverging centred", centred}, {"constant series", constant}, {"no secret or missing", noSecret}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := tt.spec
			c, err := EchartsMap(context.Background(), spec)
			if err != nil {
				t.Fatal(err)
			}
			p, err := spec.palette()
			if err != nil {
				t.Fatal(err)
			}
			colors, err := p.ClassColors(spec.Breaks)
			if err != nil {
				t.Fatal(err)
			}
			vm := echartstest.Option(t, c)["visualMap"].(map[string]any)
			pieces := vm["pieces"].([]any)
			n := spec.Breaks.Classes()
			var secret, missing int
			for _, a := range spec.Areas {
				switch a.Status {
				case value.StatusSecret:
					secret++
				case value.StatusMissing:
					missing++
				}
			}
			wantPieces := n
			if secret > 0 {
				wantPieces++
			}
			if missing > 0 {
				wantPieces++
			}
			if len(pieces) != wantPieces {
				t.Fatalf("%d pieces, want %d (%d classes, secret %d, missing %d)", len(pieces), wantPieces, n, secret, missing)
			}
			counts, _ := spec.Breaks.Counts(okValues(spec.Areas))
			for i := 0; i < n; i++ {
				pc := pieces[i].(map[string]any)
				if pc["color"] != colors[i] {
					t.Errorf("piece %d colour %v, palette %s", i, pc["color"], colors[i])
				}
				lo, hi, loC, hiC := spec.Breaks.Interval(i)
				if lo != spec.Breaks.Bounds[i] || hi != spec.Breaks.Bounds[i+1] {
					t.Fatalf("Interval(%d) disagrees with Bounds", i)
				}
				loKey, hiKey := "gt", "lt"
				if loC {
					loKey = "gte"
				}
				if hiC {
					hiKey = "lte"
				}
				if got, ok := pc[loKey].(float64); !ok || got != lo {
					t.Errorf("piece %d: %s = %v, want %v (closure %s)", i, loKey, pc[loKey], lo, spec.Breaks.EffectiveClosure())
				}
				if got, ok := pc[hiKey].(float64); !ok || got != hi {
					t.Errorf("piece %d: %s = %v, want %v (closure %s)", i, hiKey, pc[hiKey], hi, spec.Breaks.EffectiveClosure())
				}
				for _, other := range []string{"gt", "gte", "lt", "lte"} {
					if other != loKey && other != hiKey && pc[other] != nil {
						t.Errorf("piece %d has extra bound %s", i, other)
					}
				}
				if want := "(" + strconv.Itoa(counts[i]) + ")"; !strings.HasSuffix(pc["label"].(string), want) {
					t.Errorf("piece %d label %q does not end with its count %s", i, pc["label"], want)
				}
			}
			for _, pc := range pieces[n:] {
				pc := pc.(map[string]any)
				switch pc["value"] {
				case string(value.StatusSecret):
					if pc["label"] != "Secret statistique ("+strconv.Itoa(secret)+")" || pc["color"] != svgdoc.SecretHatchColor {
						t.Errorf("secret piece %v", pc)
					}
				case string(value.StatusMissing):
					if pc["label"] != "Non disponible ("+strconv.Itoa(missing)+")" || pc["color"] != MissingColor {
						t.Errorf("missing piece %v", pc)
					}
				default:
					t.Errorf("unexpected piece %v", pc)
				}
			}
		})
	}
}

// okValues returns the values of the areas that have one.
func okValues(areas []Area) []float64 {
	var out []float64
	for _, a := range areas {
		if a.Status.HasValue() {
			out = append(out, a.Value)
		}
	}
	return out
}

func TestEchartsMapData(t *testing.T) {
	c, err := EchartsMap(context.Background(), fixtureSpec(t))
	if err != nil {
		t.Fatal(err)
	}
	series := echartstest.Option(t, c)["series"].([]any)[0].(map[string]any)
	items := map[string]map[string]any{}
	for _, it := range series["data"].([]any) {
		it := it.(map[string]any)
		items[it["name"].(string)] = it
	}
	nb := "\u00a0"
	tests := []struct {
		code      string
		value     any
		tip       string
		visualMap any
	}{
		{"35001", 5.0, "Alpha (35001)|≤" + nb + "5,0" + nb + "%", nil},
		{"35002", 8.25, "Bêta & fils (35002)|8,3" + nb + "%", nil}, // frnum rounds half away from zero, as Excel
		{"35003", 12.5, "Gamma <Sud> (35003)|12,5" + nb + "%", nil},
		{"35004", 20.0, "Delta (35004)|20,0" + nb + "% (estimation)", nil},
		{"35005", "-", "Epsilon (35005)|secret statistique", false},
		{"35006", "-", "Zêta (35006)|n.d.", false},
		{"obs-overlay", "-", "", false},
		{"obs-qpv", "-", "", false},
	}
	for _, tt := range tests {
		it, ok := items[tt.code]
		if !ok {
			t.Errorf("no data item %s", tt.code)
			continue
		}
		if it["value"] != tt.value {
			t.Errorf("%s: value %v, want %v (secret and missing are never 0)", tt.code, it["value"], tt.value)
		}
		var tip []string
		if raw, ok := it["tip"].([]any); ok {
			for _, l := range raw {
				tip = append(tip, l.(string))
			}
		}
		if got := strings.Join(tip, "|"); got != tt.tip {
			t.Errorf("%s: tip %q, want %q", tt.code, got, tt.tip)
		}
		if it["visualMap"] != tt.visualMap {
			t.Errorf("%s: visualMap %v, want %v", tt.code, it["visualMap"], tt.visualMap)
		}
	}
	if hl := items["35003"]["itemStyle"].(map[string]any); hl["borderColor"] != "#000000" {
		t.Errorf("highlighted territory style %v", hl)
	}
}

// TestEchartsMapMatchesStaticSVG runs the option in echarts and checks that
// every territory gets the fill of the static SVG map (hatched secret →
// SecretColor background, grey missing), and that the tooltip formatter
// prints the Go-formatted French text and the source.
func TestEchartsMapMatchesStaticSVG(t *testing.T) {
	ctx := context.Background()
	specs := map[string]ChoroplethSpec{"closed left": fixtureSpec(t)}
	right := fixtureSpec(t)
	right.Breaks = classify.Breaks{Method: classify.Manual, Bounds: []float64{5, 8.25, 12.5, 20}, Closure: classify.ClosedRight}
	specs["closed right, values on bounds"] = right
	left := right
	left.Breaks.Closure = classify.ClosedLeft
	specs["closed left, values on bounds"] = left
	for name, spec := range specs {
		t.Run(name, func(t *testing.T) {
			c, err := EchartsMap(ctx, spec)
			if err != nil {
				t.Fatal(err)
			}
			run := echartstest.Run(t, c, `
const f = chart.getOption().tooltip[0].formatter;
const d = option.series[0].data;
out.extra = d.filter(x => x.tip).map(x => f({name: x.name, data: x}));`)
			svg, err := ChoroplethSVG(ctx, spec)
			if err != nil {
				t.Fatal(err)
			}
			var root svgtest.Node
			if err := xml.Unmarshal(svg, &root); err != nil {
				t.Fatal(err)
			}
			static := map[string]string{}
			root.Walk(func(n svgtest.Node) {
				code, ok := n.Attr("data-code")
				fill, hasFill := n.Attr("fill")
				if ok && hasFill && n.XMLName.Local == "path" {
					if strings.HasPrefix(fill, "url(") {
						fill = svgdoc.SecretColor
					}
					static[code] = fill
				}
			})
			if len(static) != len(spec.Areas) {
				t.Fatalf("static SVG has %d areas, want %d", len(static), len(spec.Areas))
			}
			for code, want := range static {
				if got := run.Fills[code]; got != want {
					t.Errorf("%s: echarts fill %s, static SVG fill %s", code, got, want)
				}
			}
			if !strings.Contains(run.SVG, `fill="url(#`) {
				t.Error("echarts SVG has no pattern fill for the hatched secret territory")
			}
			var tips []string
			if err := json.Unmarshal(run.Extra, &tips); err != nil {
				t.Fatal(err)
			}
			src := "<span style=font-size:11px;color:#636363>Source\u00a0: Insee, Filosofi 2021 – données 2021 – géographie COG 2024</span>"
			wantTips := map[int]string{
				1: "<b>Bêta &amp; fils (35002)</b><br/>8,3\u00a0%<br/>" + src,
				2: "<b>Gamma &lt;Sud&gt; (35003)</b><br/>12,5\u00a0%<br/>" + src,
				4: "<b>Epsilon (35005)</b><br/>secret statistique<br/>" + src,
				5: "<b>Zêta (35006)</b><br/>n.d.<br/>" + src,
			}
			for i, want := range wantTips {
				if i >= len(tips) || tips[i] != want {
					t.Errorf("tooltip %d = %q, want %q", i, tips[min(i, len(tips)-1)], want)
				}
			}
		})
	}
}

func TestEchartsMapErrors(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		modify func(*ChoroplethSpec)
		want   string
	}{
		{"no areas", func(s *ChoroplethSpec) { s.Areas = nil }, "has no areas"},
		{"duplicate code", func(s *ChoroplethSpec) { s.Areas[1].Code = s.Areas[0].Code }, "share the code 35001"},
		{"point geometry", func(s *ChoroplethSpec) { s.Areas[2].Geom = orb.Point{-1.7, 48} }, "area 2 (35003): geometry Point"},
		{"no geometry", func(s *ChoroplethSpec) { s.Areas[3].Geom = nil }, "area 3 (35004) has no geometry"},
		{"value outside breaks", func(s *ChoroplethSpec) { s.Areas[1].Value = 99 }, "area 1 (35002): value 99 outside the breaks"},
		{"unknown status", func(s *ChoroplethSpec) { s.Areas[0].Status = "zero" }, `unknown status "zero"`},
		{"highlight absent", func(s *ChoroplethSpec) { s.Highlight = "29019" }, "highlighted territory 29019"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := fixtureSpec(t)
			tt.modify(&spec)
			_, err := EchartsMap(ctx, spec)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("EchartsMap error %v, want it to contain %q", err, tt.want)
			}
		})
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := EchartsMap(cancelled, fixtureSpec(t)); err == nil {
		t.Error("EchartsMap with a cancelled context: no error")
	}
	c, err := EchartsMap(ctx, fixtureSpec(t))
	if err != nil {
		t.Fatal(err)
	}
	c.ID = `x" onload="alert(1)`
	if err := c.WriteFragment(&bytes.Buffer{}); err == nil {
		t.Error("WriteFragment accepted an unsafe id")
	}
}

// BenchmarkEchartsMap renders the interactive map of a 35 × 35 grid of
// communes (1 225 areas, about the number of Breton communes).
func BenchmarkEchartsMap(b *testing.B) {
	ctx := context.Background()
	var areas []Area
	var values []float64
	for i := 0; i < 35; i++ {
		for j := 0; j < 35; j++ {
			v := float64((i*35+j)%97) / 3
			areas = append(areas, Area{Code: strconv.Itoa(22000 + i*35 + j), Name: "Commune " + strconv.Itoa(i*35+j),
				Geom: square(-5+float64(i)*0.1, 47.3+float64(j)*0.05, 0.05), Value: v, Status: value.StatusOK})
			values = append(values, v)
		}
	}
	br, err := classify.Classify(values, classify.Quantile, 5, nil)
	if err != nil {
		b.Fatal(err)
	}
	spec := ChoroplethSpec{Title: "Bench", Unit: value.UnitPercent, Decimals: 1, Areas: areas, Breaks: br, Source: "Insee"}
	b.ReportAllocs()
	for b.Loop() {
		c, err := EchartsMap(ctx, spec)
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := c.WriteHTML(&buf, echartspage.Assets{}); err != nil {
			b.Fatal(err)
		}
	}
}
