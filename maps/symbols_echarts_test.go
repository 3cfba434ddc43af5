// Tests for the interactive proportional-symbol map: golden pages, script
// order without CDN, circle sizes and anchors against the static SVG,
// secret and missing territories on the base layer with their legend
// pieces, and the option run in the real echarts.

package maps

import (
	"context"
	"encoding/json"
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/region-bretagne/obs/echartspage"
	"github.com/region-bretagne/obs/echartstest"
	"github.com/region-bretagne/obs/svgdoc"
	"github.com/region-bretagne/obs/svgtest"
	"github.com/region-bretagne/obs/value"
)

func TestEchartsSymbolsGolden(t *testing.T) {
	for _, tt := range []struct {
		name   string
		assets echartspage.Assets
	}{
		{"symbols/map.html", echartspage.Assets{}},
		{"symbols/map_inline.html", echartspage.Assets{Inline: echartstest.FakeLib}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := EchartsSymbols(context.Background(), symbolFixture())
			if err != nil {
				t.Fatal(err)
			}
			got := echartstest.HTML(t, c, tt.assets)
			svgtest.Golden(t, tt.name, []byte(got))
			c2, _ := EchartsSymbols(context.Background(), symbolFixture())
			if echartstest.HTML(t, c2, tt.assets) != got {
				t.Error("two renderings of the same spec differ")
			}
		})
	}
}

func TestEchartsSymbolsScripts(t *testing.T) {
	c, err := EchartsSymbols(context.Background(), symbolFixture())
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range []struct {
		name   string
		assets echartspage.Assets
	}{{"served", echartspage.Assets{}}, {"inline", echartspage.Assets{Inline: echartstest.FakeLib}}} {
		t.Run(mode.name, func(t *testing.T) {
			html := echartstest.HTML(t, c, mode.assets)
			lib, register, set := -1, -1, -1
			scripts := echartstest.Scripts(html)
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
			if lib < 0 || register < 0 || set < 0 || !(lib < register && register < set) {
				t.Fatalf("library at %d, registerMap at %d, setOption at %d; want library < registerMap < setOption", lib, register, set)
			}
			if mode.name == "inline" && strings.Contains(html, "src=") {
				t.Error("standalone page refers to an external script")
			}
			name := regexp.MustCompile(`echarts\.registerMap\("([^"]+)"`).FindStringSubmatch(scripts[register].Text)
			if name == nil || !strings.Contains(scripts[set].Text, `"map":"`+name[1]+`"`) {
				t.Errorf("geo does not use the registered map %v", name)
			}
		})
	}
}

// symbolOption is the part of the option the tests read.
type symbolOption struct {
	Geo struct {
		Map     string             `json:"map"`
		Regions []echartsGeoRegion `json:"regions"`
	} `json:"geo"`
	Series []struct {
		Type     string            `json:"type"`
		GeoIndex *int              `json:"geoIndex"`
		Data     []json.RawMessage `json:"data"`
	} `json:"series"`
	Graphic []struct {
		Children []struct {
			Type  string         `json:"type"`
			Shape map[string]any `json:"shape"`
			Info  any            `json:"info"`
		} `json:"children"`
	} `json:"graphic"`
}

func readSymbolOption(t *testing.T, c *echartspage.Chart) symbolOption {
	t.Helper()
	raw, err := json.Marshal(echartstest.Option(t, c))
	if err != nil {
		t.Fatal(err)
	}
	var o symbolOption
	if err := json.Unmarshal(raw, &o); err != nil {
		t.Fatal(err)
	}
	return o
}

// TestEchartsSymbolsMatchSVG checks that every circle of the static map is
// a scatter item of the same diameter (2·r), in the same order, and that
// the legend circles have the SVG legend's values and radii.
func TestEchartsSymbolsMatchSVG(t *testing.T) {
	for _, maxR := range []float64{0, 40} {
		spec := symbolFixture()
		spec.MaxRadius = maxR
		svg, err := SymbolSVG(context.Background(), spec)
		if err != nil {
			t.Fatal(err)
		}
		p := parseSymbols(t, svg)
		c, err := EchartsSymbols(context.Background(), spec)
		if err != nil {
			t.Fatal(err)
		}
		o := readSymbolOption(t, c)
		if len(o.Series) != 2 || o.Series[0].Type != "map" || o.Series[1].Type != "scatter" ||
			o.Series[0].GeoIndex == nil || *o.Series[0].GeoIndex != 0 {
			t.Fatalf("series: want a map series hosted by geo 0 and a scatter series, got %+v", o.Series)
		}
		scatter := o.Series[1].Data
		if len(scatter) != len(p.circles) {
			t.Fatalf("MaxRadius %v: %d scatter items, %d SVG circles", maxR, len(scatter), len(p.circles))
		}
		for i, raw := range scatter {
			var it echartsSymbolItem
			if err := json.Unmarshal(raw, &it); err != nil {
				t.Fatal(err)
			}
			sc := p.circles[i]
			if it.Name != sc.Code || it.Value[2] != sc.Value {
				t.Errorf("item %d: %s = %v, SVG circle %s = %v", i, it.Name, it.Value[2], sc.Code, sc.Value)
			}
			if math.Abs(it.SymbolSize-2*sc.R) > 0.02 {
				t.Errorf("%s: symbolSize %v, SVG diameter %v", it.Name, it.SymbolSize, 2*sc.R)
			}
			if it.Status == value.StatusSecret || it.Status == value.StatusMissing {
				t.Errorf("%s: %s value drawn as a circle", it.Name, it.Status)
			}
		}
		var refs [][2]float64
		for _, ch := range o.Graphic[0].Children {
			if ch.Type == "circle" {
				refs = append(refs, [2]float64{ch.Info.(float64), ch.Shape["r"].(float64)})
			}
		}
		if len(refs) != len(p.refs) {
			t.Fatalf("%d legend circles, SVG has %d", len(refs), len(p.refs))
		}
		for i := range refs {
			if refs[i][0] != p.refs[i][0] || math.Abs(refs[i][1]-p.refs[i][1]) > 0.01 {
				t.Errorf("legend circle %d: %v, SVG %v", i, refs[i], p.refs[i])
			}
		}
	}
}

// TestEchartsSymbolsStatuses checks the base layer: secret hatched and
// missing grey regions, every territory's tooltip in the map series, and
// the visualMap pieces with their counts.
func TestEchartsSymbolsStatuses(t *testing.T) {
	c, err := EchartsSymbols(context.Background(), symbolFixture())
	if err != nil {
		t.Fatal(err)
	}
	o := readSymbolOption(t, c)
	regions := map[string]echartsGeoRegion{}
	for _, r := range o.Geo.Regions {
		regions[r.Name] = r
	}
	if got := regions["35005"].ItemStyle["areaColor"]; got != svgdoc.SecretColor {
		t.Errorf("secret region colour %v", got)
	}
	if got := regions["35006"].ItemStyle["areaColor"]; got != MissingColor {
		t.Errorf("missing region colour %v", got)
	}
	if got := regions["35002"].ItemStyle["borderColor"]; got != "#000000" {
		t.Errorf("highlighted region border %v", got)
	}
	tips := map[string]echartsMapItem{}
	for _, raw := range o.Series[0].Data {
		var it echartsMapItem
		if err := json.Unmarshal(raw, &it); err != nil {
			t.Fatal(err)
		}
		tips[it.Name] = it
	}
	if len(tips) != 8 {
		t.Errorf("map series has %d territories, want 8", len(tips))
	}
	for code, want := range map[string]string{"35005": "secret statistique", "35006": "n.d.",
		"35003": "7\u202f500\u00a0hab. (estimation)", "35008": "0\u00a0hab."} {
		if it := tips[code]; len(it.Tip) != 2 || it.Tip[1] != want {
			t.Errorf("%s tooltip %q, want %q", code, it.Tip, want)
		}
	}
	if it := tips["35005"]; it.Value != "-" {
		t.Errorf("secret item has the value %v", it.Value)
	}
	html := echartstest.HTML(t, c, echartspage.Assets{})
	for _, want := range []string{`"text":"Secret statistique (1)"`, `"text":"Non disponible (1)"`, `"info":"secret"`, `"info":"missing"`} {
		if !strings.Contains(html, want) {
			t.Errorf("legend lacks %s", want)
		}
	}
}

// TestEchartsSymbolsInEcharts runs the option in the real echarts: the
// scatter holds the circles with the SVG's diameters, largest first, and
// the secret territory is drawn with a hatching pattern.
func TestEchartsSymbolsInEcharts(t *testing.T) {
	spec := symbolFixture()
	svg, err := SymbolSVG(context.Background(), spec)
	if err != nil {
		t.Fatal(err)
	}
	p := parseSymbols(t, svg)
	c, err := EchartsSymbols(context.Background(), spec)
	if err != nil {
		t.Fatal(err)
	}
	run := echartstest.Run(t, c, `
const sc = chart.getModel().getSeriesByIndex(1).getData();
out.extra = [];
for (let i = 0; i < sc.count(); i++) {
  const el = sc.getItemGraphicEl(i);
  out.extra.push({name: sc.getName(i), size: sc.getItemVisual(i, "symbolSize"), drawn: !!el});
}`)
	var got []struct {
		Name  string  `json:"name"`
		Size  float64 `json:"size"`
		Drawn bool    `json:"drawn"`
	}
	if err := json.Unmarshal(run.Extra, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(p.circles) {
		t.Fatalf("echarts drew %d circles, the SVG %d", len(got), len(p.circles))
	}
	for i, g := range got {
		if g.Name != p.circles[i].Code || math.Abs(g.Size-2*p.circles[i].R) > 0.02 || !g.Drawn {
			t.Errorf("circle %d in echarts: %+v; SVG %s of diameter %v", i, g, p.circles[i].Code, 2*p.circles[i].R)
		}
	}
	if !strings.Contains(run.SVG, `fill="`+MissingColor+`"`) || !strings.Contains(run.SVG, `fill="`+symbolBaseFill+`"`) {
		t.Error("echarts did not draw the grey base and the missing territory")
	}
	if strings.Contains(run.SVG, `fill="#5470c6"`) {
		t.Error("echarts painted territories with its palette instead of the base colours")
	}
	if n := strings.Count(run.SVG, "<path"); n < 8 {
		t.Errorf("echarts drew %d paths, want at least the 8 territories", n)
	}
}

// BenchmarkEchartsSymbols builds and writes the interactive map of 1,200
// synthetic communes.
func BenchmarkEchartsSymbols(b *testing.B) {
	spec := benchSymbolSpec(b)
	b.ReportAllocs()
	for b.Loop() {
		c, err := EchartsSymbols(context.Background(), spec)
		if err != nil {
			b.Fatal(err)
		}
		var sb strings.Builder
		if err := c.WriteHTML(&sb, echartspage.Assets{}); err != nil {
			b.Fatal(err)
		}
	}
}
