// Tests for the four charts: golden SVG and HTML files, SVG validity
// (XML, accessibility, rsvg-convert), French formatting, secret and
// missing values never drawn as 0, and the interactive charts run in the
// real echarts with the same colours and tick labels as the SVG.

package charts

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/region-bretagne/obs/echartspage"
	"github.com/region-bretagne/obs/echartstest"
	"github.com/region-bretagne/obs/svgtest"
	"github.com/region-bretagne/obs/tooltest"
	"github.com/region-bretagne/obs/value"
)

func TestChartSVGGolden(t *testing.T) {
	for _, f := range chartFixtures() {
		t.Run(f.name, func(t *testing.T) {
			svg, err := f.chart.SVG()
			if err != nil {
				t.Fatal(err)
			}
			svgtest.Golden(t, f.name+".svg", svg)
			again, _ := f.chart.SVG()
			if !bytes.Equal(svg, again) {
				t.Error("two renderings differ")
			}
			var root svgtest.Node
			if err := xml.Unmarshal(svg, &root); err != nil {
				t.Fatalf("SVG is not well-formed XML: %v", err)
			}
			if v, _ := root.Attr("aria-labelledby"); v != "chart-title chart-desc" {
				t.Errorf("aria-labelledby = %q", v)
			}
			var title, desc bool
			root.Walk(func(n svgtest.Node) {
				id, _ := n.Attr("id")
				title = title || n.XMLName.Local == "title" && id == "chart-title"
				desc = desc || n.XMLName.Local == "desc" && id == "chart-desc"
			})
			if !title || !desc {
				t.Errorf("accessible title %v, description %v", title, desc)
			}
		})
	}
}

// TestChartSVGRasterises checks each static chart with librsvg, the
// renderer the PDF path uses. rsvg-convert missing fails in CI.
func TestChartSVGRasterises(t *testing.T) {
	rsvg := tooltest.Need(t, "rsvg-convert", "librsvg2-bin")
	for _, f := range chartFixtures() {
		t.Run(f.name, func(t *testing.T) {
			svg, err := f.chart.SVG()
			if err != nil {
				t.Fatal(err)
			}
			in := filepath.Join(t.TempDir(), f.name+".svg")
			if err := os.WriteFile(in, svg, 0o644); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			out, err := exec.CommandContext(ctx, rsvg, "--format=png", in).Output()
			if err != nil {
				t.Fatalf("rsvg-convert: %v", err)
			}
			if !bytes.HasPrefix(out, []byte("\x89PNG")) {
				t.Errorf("rsvg-convert output is not a PNG (%d bytes)", len(out))
			}
		})
	}
}

func TestChartEchartsGolden(t *testing.T) {
	for _, f := range chartFixtures() {
		t.Run(f.name, func(t *testing.T) {
			c, err := f.chart.Echarts()
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := c.WriteHTML(&buf, echartspage.Assets{}); err != nil {
				t.Fatal(err)
			}
			svgtest.Golden(t, f.name+".html", buf.Bytes())
			for _, s := range echartstest.Scripts(buf.String()) {
				if s.Src != "" && s.Src != "/assets/echarts.min.js" {
					t.Errorf("script src %q is not the local asset", s.Src)
				}
			}
		})
	}
}

// TestChartFrenchText checks labels written by Go: decimal comma, U+00A0
// before %, U+202F between thousands, French status words.
func TestChartFrenchText(t *testing.T) {
	nb, nn := "\u00a0", "\u202f"
	tests := []struct {
		name  string
		chart staticChart
		want  []string
		never []string
	}{
		{"reference", referenceFixture(),
			[]string{">20,3" + nb + "%<", ">14,1" + nb + "% (estimation)<", ">n.d.<", ">secret<", ">25" + nb + "%<", "Source" + nb + ": Insee, Filosofi – données 2021"},
			[]string{">20.3", ">0,0" + nb + "%<"}},
		{"ranking", rankingFixture(),
			[]string{"Bretagne" + nb + ": 10,9" + nb + "%", "Communauté d’agglomération fictive &amp; associés", "(plancher)", "7e sur 59"},
			[]string{">19.5"}},
		{"timeseries", timeSeriesFixture(),
			[]string{"Pas de donnée en 2022" + nb + ": la série est interrompue, sans interpolation.", "Rennes Métropole" + nb + ": pas de valeur en 2019.", ">2022<"},
			[]string{"2" + nn + "022"}},
		{"pyramid", pyramidFixture(true),
			[]string{">34" + nn + "210<", ">40" + nn + "000<", ">Hommes<", ">secret<"},
			[]string{"−40", ">34210"}},
		{"ages", pyramidFixture(false),
			[]string{">70" + nn + "082<", ">n.d.<", "non disponibles par sexe"},
			[]string{"Hommes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svg, err := tt.chart.SVG()
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !bytes.Contains(svg, []byte(w)) {
					t.Errorf("SVG lacks %q", w)
				}
			}
			for _, n := range tt.never {
				if bytes.Contains(svg, []byte(n)) {
					t.Errorf("SVG contains %q", n)
				}
			}
		})
	}
}

// TestChartNoZeroBars checks, in every SVG, that secret and missing values
// have no bar or point, and in every interactive chart that their data
// value is "-" (empty), never 0, with a status mark instead.
func TestChartNoZeroBars(t *testing.T) {
	for _, f := range chartFixtures() {
		t.Run(f.name, func(t *testing.T) {
			svg, err := f.chart.SVG()
			if err != nil {
				t.Fatal(err)
			}
			var root svgtest.Node
			if err := xml.Unmarshal(svg, &root); err != nil {
				t.Fatal(err)
			}
			marks := 0
			root.Walk(func(n svgtest.Node) {
				if v, ok := n.Attr("data-value"); ok && (v == "0" || v == "-0") {
					t.Errorf("%s drawn with value 0", n.XMLName.Local)
				}
				if cls, _ := n.Attr("class"); cls == "status-secret" || cls == "status-missing" {
					marks++
				}
			})
			c, err := f.chart.Echarts()
			if err != nil {
				t.Fatal(err)
			}
			opt := echartstest.Option(t, c)
			empty, markPoints := 0, 0
			for _, s := range opt["series"].([]any) {
				s := s.(map[string]any)
				for _, it := range s["data"].([]any) {
					it := it.(map[string]any)
					st := it["status"]
					v := it["value"]
					if arr, ok := v.([]any); ok { // [year, value]
						v = arr[1]
					}
					if st == string(value.StatusSecret) || st == string(value.StatusMissing) {
						if v != "-" {
							t.Errorf("%s item has value %v, want \"-\"", st, v)
						}
						empty++
					} else if v == "-" {
						t.Errorf("%s item has no value", st)
					}
				}
				if mp, ok := s["markPoint"].(map[string]any); ok && mp["data"] != nil {
					markPoints += len(mp["data"].([]any))
				}
			}
			if empty == 0 {
				t.Fatal("fixture has no secret or missing value")
			}
			if f.name != "timeseries" { // lines show gaps, not marks
				if marks != empty || markPoints != empty {
					t.Errorf("%d empty values, %d SVG marks, %d echarts marks: want equal", empty, marks, markPoints)
				}
			}
		})
	}
}

func TestReferenceBarsProportional(t *testing.T) {
	svg, err := referenceFixture().SVG()
	if err != nil {
		t.Fatal(err)
	}
	var root svgtest.Node
	if err := xml.Unmarshal(svg, &root); err != nil {
		t.Fatal(err)
	}
	heights := map[string]float64{}
	fills := map[string]string{}
	root.Walk(func(n svgtest.Node) {
		if v, ok := n.Attr("data-value"); ok && n.XMLName.Local == "rect" {
			h, _ := n.Attr("height")
			f, err := strconv.ParseFloat(h, 64)
			if err != nil {
				t.Fatal(err)
			}
			heights[v] = f
			fills[v], _ = n.Attr("fill")
		}
	})
	if len(heights) != 3 {
		t.Fatalf("%d bars, want 3 (secret and missing have none): %v", len(heights), heights)
	}
	// Bars start at 0: heights are proportional to values (to the 0.1 px rounding).
	if r := heights["20.3"] / heights["10.9"]; r < 20.3/10.9-0.01 || r > 20.3/10.9+0.01 {
		t.Errorf("height ratio %v, want %v", r, 20.3/10.9)
	}
	if fills["20.3"] != chartHighlight || fills["10.9"] != chartReference {
		t.Errorf("fills %v: territory %s, references %s", fills, chartHighlight, chartReference)
	}
}

func TestRankingRows(t *testing.T) {
	c := rankingFixture()
	rows := c.rows()
	if len(rows) != 61 {
		t.Fatalf("%d rows", len(rows))
	}
	for i := 1; i < 59; i++ {
		a, b := rows[i-1], rows[i]
		if a.Value < b.Value || a.Value == b.Value && a.Name > b.Name {
			t.Errorf("rows %d-%d out of order: %s %v, %s %v", i-1, i, a.Name, a.Value, b.Name, b.Value)
		}
		if a.Value == b.Value && a.rank != b.rank {
			t.Errorf("tied rows %d-%d have ranks %d and %d", i-1, i, a.rank, b.rank)
		}
		if a.Value > b.Value && b.rank != i+1 {
			t.Errorf("row %d rank %d, want %d", i, b.rank, i+1)
		}
	}
	if rows[59].Status != value.StatusSecret || rows[60].Status != value.StatusMissing || rows[59].rank != 0 {
		t.Errorf("last rows %+v %+v: want secret then missing, unranked", rows[59], rows[60])
	}
	c.Ascending = true
	asc := c.rows()
	if asc[0].Value > asc[1].Value || asc[59].Status != value.StatusSecret {
		t.Errorf("ascending order: %v, %v; last ranked %+v", asc[0].Value, asc[1].Value, asc[58])
	}
	if got, want := rankText(1, 59), "1er sur 59"; got != want {
		t.Errorf("rankText(1) = %q, want %q", got, want)
	}
}

func TestTimeSeriesGaps(t *testing.T) {
	c := timeSeriesFixture()
	svg, err := c.SVG()
	if err != nil {
		t.Fatal(err)
	}
	var root svgtest.Node
	if err := xml.Unmarshal(svg, &root); err != nil {
		t.Fatal(err)
	}
	subpaths := map[string]int{}
	points := map[string][]string{}
	var gapYears []string
	root.Walk(func(n svgtest.Node) {
		if cls, _ := n.Attr("class"); cls == "gap" {
			y, _ := n.Attr("data-year")
			gapYears = append(gapYears, y)
		}
		if cls, _ := n.Attr("class"); cls != "series" {
			return
		}
		name, _ := n.Attr("data-name")
		for _, ch := range n.Nodes {
			switch ch.XMLName.Local {
			case "path":
				d, _ := ch.Attr("d")
				subpaths[name] = strings.Count(d, "M")
			case "circle":
				y, _ := ch.Attr("data-year")
				points[name] = append(points[name], y)
			}
		}
	})
	// Rennes: 2017–2021, gap 2022, 2023 alone: two runs (the last a single point, drawn as a circle).
	want := map[string]int{"Rennes": 2, "Rennes Métropole": 3, "Bretagne": 2}
	for name, n := range want {
		if subpaths[name] != n {
			t.Errorf("%s: %d line runs, want %d (a gap breaks the line)", name, subpaths[name], n)
		}
	}
	if got := strings.Join(points["Rennes Métropole"], ","); got != "2017,2018,2020,2021,2023" {
		t.Errorf("Rennes Métropole points %s: no point for the secret 2019 nor the absent 2022", got)
	}
	if strings.Join(gapYears, ",") != "2022" {
		t.Errorf("shaded years %v, want 2022", gapYears)
	}

	e, err := c.Echarts()
	if err != nil {
		t.Fatal(err)
	}
	opt := echartstest.Option(t, e)
	s0 := opt["series"].([]any)[0].(map[string]any)
	if s0["connectNulls"] != false {
		t.Error("connectNulls is not false: echarts would bridge the gap")
	}
	d := s0["data"].([]any)
	if got := d[5].(map[string]any)["value"].([]any); got[0] != 2022.0 || got[1] != "-" {
		t.Errorf("2022 item %v, want [2022, \"-\"]", got)
	}
	area := s0["markArea"].(map[string]any)["data"].([]any)[0].([]any)
	if area[0].(map[string]any)["xAxis"] != 2021.5 || area[1].(map[string]any)["xAxis"] != 2022.5 {
		t.Errorf("gap band %v, want 2021.5 to 2022.5", area)
	}
}

// TestChartsInEcharts runs every interactive chart in echarts and checks
// the bar colours and that the value axis labels are the Go-formatted
// tick labels of the static SVG.
func TestChartsInEcharts(t *testing.T) {
	tests := []struct {
		name  string
		chart staticChart
		sc    valueScale
		unit  value.Unit
		abs   bool
		axis  string
		fills map[string]string
	}{
		{"reference", referenceFixture(), referenceFixture().scale(), value.UnitPercent, false, "yAxis",
			map[string]string{"Rennes\nCommune": chartHighlight, "Bretagne\nRégion": chartReference}},
		{"ranking", rankingFixture(), rankingFixture().scale(), value.UnitPercent, false, "xAxis",
			map[string]string{"200000012": chartHighlight, "200000013": chartReference}},
		{"pyramid", pyramidFixture(true), pyramidFixture(true).scale(), value.UnitCount, true, "xAxis",
			map[string]string{"0 à 14 ans": chartMen}},
		{"ages", pyramidFixture(false), pyramidFixture(false).scale(), value.UnitCount, false, "xAxis",
			map[string]string{"0 à 14 ans": chartMen}},
	}
	ts := timeSeriesFixture()
	years := ts.years()
	tests = append(tests, struct {
		name  string
		chart staticChart
		sc    valueScale
		unit  value.Unit
		abs   bool
		axis  string
		fills map[string]string
	}{"timeseries", ts, ts.scale(ts.grid(years)), value.UnitPercent, false, "yAxis", nil})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := tt.chart.Echarts()
			if err != nil {
				t.Fatal(err)
			}
			ticks, _ := json.Marshal(tt.sc.ticks())
			run := echartstest.Run(t, c, `
const f = chart.getOption().`+tt.axis+`[0].axisLabel.formatter;
out.extra = `+string(ticks)+`.map(v => f(v));`)
			var labels []string
			if err := json.Unmarshal(run.Extra, &labels); err != nil {
				t.Fatal(err)
			}
			for i, v := range tt.sc.ticks() {
				want := v
				if tt.abs && want < 0 {
					want = -want
				}
				if i >= len(labels) || labels[i] != tt.sc.tickLabel(want, tt.unit) {
					t.Errorf("tick %v labelled %q by echarts, %q by Go", v, labels[min(i, len(labels)-1)], tt.sc.tickLabel(want, tt.unit))
				}
			}
			for name, want := range tt.fills {
				if got := run.Fills[name]; got != want {
					t.Errorf("%q filled %q, want %q", name, got, want)
				}
			}
			if !strings.Contains(run.SVG, "<svg") {
				t.Error("echarts rendered no SVG")
			}
		})
	}
}

func TestChartErrors(t *testing.T) {
	nan := func() float64 { var z float64; return z / z }()
	tests := []struct {
		name  string
		chart staticChart
		want  string
	}{
		{"reference without bars", ReferenceChart{ChartText: ChartText{Title: "T"}}, `reference chart "T" has no bars`},
		{"reference unknown status", ReferenceChart{ChartText: ChartText{Title: "T"}, Bars: []ReferenceBar{{Label: "Rennes", ChartValue: ChartValue{1, "zero"}}}},
			`bar 0 (Rennes): unknown status "zero"`},
		{"reference NaN", ReferenceChart{ChartText: ChartText{Title: "T"}, Bars: []ReferenceBar{{Label: "Rennes", ChartValue: okv(nan)}}},
			"bar 0 (Rennes): status ok with value NaN"},
		{"reference bad id", ReferenceChart{ChartText: ChartText{Title: "T", ID: "a b"}, Bars: []ReferenceBar{{Label: "R", ChartValue: okv(1)}}}, `chart id "a b"`},
		{"ranking duplicate code", RankingChart{ChartText: ChartText{Title: "T"}, Items: []RankedItem{{Code: "1", ChartValue: okv(1)}, {Code: "1", ChartValue: okv(2)}}},
			"territories 0 and 1 share the code 1"},
		{"ranking highlight absent", RankingChart{ChartText: ChartText{Title: "T"}, Items: []RankedItem{{Code: "1", ChartValue: okv(1)}}, Highlight: "2"},
			"highlighted territory 2"},
		{"ranking empty code", RankingChart{ChartText: ChartText{Title: "T"}, Items: []RankedItem{{Name: "X", ChartValue: okv(1)}}}, "territory 0 (X) has no code"},
		{"time series duplicate year", TimeSeriesChart{ChartText: ChartText{Title: "T"}, Series: []TimeSeries{{Name: "R", Points: []TimePoint{{2020, okv(1)}, {2020, okv(2)}}}}},
			"series 0 (R), point 1 (2020): year given twice"},
		{"time series no points", TimeSeriesChart{ChartText: ChartText{Title: "T"}, Series: []TimeSeries{{Name: "R"}}}, "has no points"},
		{"time series too many", TimeSeriesChart{ChartText: ChartText{Title: "T"}, Series: make([]TimeSeries, 7)}, "7 series"},
		{"pyramid band without label", PyramidChart{ChartText: ChartText{Title: "T"}, Bands: []AgeBand{{Total: okv(1)}}}, "band 0 has no label"},
		{"pyramid bad women", PyramidChart{ChartText: ChartText{Title: "T"}, BySex: true, Bands: []AgeBand{{Label: "0-14", Men: okv(1)}}},
			`band 0 (0-14), women: unknown status ""`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errSVG := tt.chart.SVG()
			_, errE := tt.chart.Echarts()
			for _, err := range []error{errSVG, errE} {
				if tt.name == "reference bad id" && err == errSVG {
					if err != nil {
						t.Errorf("SVG does not use the id, got %v", err)
					}
					continue
				}
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("error %v, want it to contain %q", err, tt.want)
				}
			}
		})
	}
}

func TestNiceScale(t *testing.T) {
	tests := []struct {
		min, max float64
		n        int
		zero     bool
		lo, hi   float64
		step     float64
		decimals int
	}{
		{10.9, 20.3, 5, true, 0, 25, 5, 0},
		{10.7, 21.2, 5, false, 10, 22.5, 2.5, 1},
		{601, 35871.9, 4, true, 0, 40000, 10000, 0},
		{-3.2, 4.1, 5, true, -4, 6, 2, 0},
		{7, 7, 5, true, 0, 8, 2, 0},
		{7, 7, 5, false, 6, 8, 0.5, 1},
		{0, 0, 5, true, 0, 1, 0.2, 1},
		{0.012, 0.047, 5, false, 0.01, 0.05, 0.01, 2},
	}
	for _, tt := range tests {
		got := niceScale(tt.min, tt.max, tt.n, tt.zero)
		if got.lo != tt.lo || got.hi != tt.hi || got.step != tt.step || got.decimals != tt.decimals {
			t.Errorf("niceScale(%v, %v, %d, %v) = %+v, want lo %v hi %v step %v decimals %d",
				tt.min, tt.max, tt.n, tt.zero, got, tt.lo, tt.hi, tt.step, tt.decimals)
		}
		if got.lo > min(tt.min, tt.max) || got.hi < tt.max {
			t.Errorf("niceScale(%v, %v) = [%v, %v] does not cover the data", tt.min, tt.max, got.lo, got.hi)
		}
	}
}

// BenchmarkRankingChart renders the 61-EPCI ranking as SVG and as an
// interactive page.
func BenchmarkRankingChart(b *testing.B) {
	c := rankingFixture()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.SVG(); err != nil {
			b.Fatal(err)
		}
		e, err := c.Echarts()
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := e.WriteHTML(&buf, echartspage.Assets{}); err != nil {
			b.Fatal(err)
		}
	}
}
