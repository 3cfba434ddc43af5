// This file builds the interactive choropleth: a go-echarts map chart fed
// with the same ChoroplethSpec, Breaks, palette and legend as the static
// SVG, and our own GeoJSON registered before setOption.

package maps

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/region-bretagne/obs/classify"
	"github.com/region-bretagne/obs/echartspage"
	"github.com/region-bretagne/obs/frnum"
	"github.com/region-bretagne/obs/svgdoc"
	"github.com/region-bretagne/obs/value"
)

// EchartsMapID is the default id of an interactive map's <div>.
const EchartsMapID = "obs-map"

// secretSymbol is the legend swatch of secret values: diagonal stripes
// (echarts pieces cannot carry a decal pattern, but they take a symbol
// path, drawn in SecretHatchColor), echoing the hatching of the territories.
const secretSymbol = "path://M0,8 L8,0 L10,0 L10,2 L2,10 L0,10 Z M0,2 L2,0 L4,0 L0,4 Z M6,10 L10,6 L10,8 L8,10 Z"

// echartsMapItem is one territory (or outline layer) of the map series.
type echartsMapItem struct {
	Name string `json:"name"`
	// Value is the number classified by the visualMap, or "-" (echarts'
	// empty value) for secret, missing and outline items.
	Value  any          `json:"value"`
	Status value.Status `json:"status,omitempty"`
	// Tip holds the tooltip lines, formatted in French by Go.
	Tip []string `json:"tip,omitempty"`
	// VisualMap false keeps the item out of the visualMap: its itemStyle
	// colour stays (secret, missing, outlines).
	VisualMap *bool          `json:"visualMap,omitempty"`
	ItemStyle map[string]any `json:"itemStyle,omitempty"`
	Emphasis  map[string]any `json:"emphasis,omitempty"`
	Tooltip   map[string]any `json:"tooltip,omitempty"`
}

// echartsPiece is a visualMap piece. Bounds are pointers so that 0 is
// written; they are float64, exactly the Breaks bounds.
type echartsPiece struct {
	Gt     *float64 `json:"gt,omitempty"`
	Gte    *float64 `json:"gte,omitempty"`
	Lt     *float64 `json:"lt,omitempty"`
	Lte    *float64 `json:"lte,omitempty"`
	Value  string   `json:"value,omitempty"`
	Label  string   `json:"label"`
	Color  string   `json:"color"`
	Symbol string   `json:"symbol,omitempty"`
}

// echartsVisualMap is the piecewise visualMap of the map.
type echartsVisualMap struct {
	Type        string         `json:"type"`
	SeriesIndex int            `json:"seriesIndex"`
	Pieces      []echartsPiece `json:"pieces"`
	Left        string         `json:"left"`
	Bottom      string         `json:"bottom"`
	ItemWidth   int            `json:"itemWidth"`
	ItemHeight  int            `json:"itemHeight"`
	TextStyle   map[string]any `json:"textStyle"`
}

// echartsMapSeries is the map series.
type echartsMapSeries struct {
	Type        string  `json:"type"`
	Name        string  `json:"name"`
	Map         string  `json:"map"`
	AspectScale float64 `json:"aspectScale"`
	Roam        bool    `json:"roam"`
	// ShowLegendSymbol false: no dot at each territory's centre.
	ShowLegendSymbol bool             `json:"showLegendSymbol"`
	SelectedMode     bool             `json:"selectedMode"`
	Top              string           `json:"top"`
	Bottom           string           `json:"bottom"`
	Left             string           `json:"left"`
	Right            string           `json:"right"`
	ItemStyle        map[string]any   `json:"itemStyle"`
	Emphasis         map[string]any   `json:"emphasis"`
	Data             []echartsMapItem `json:"data"`
}

// EchartsMap builds the interactive version of spec. It uses spec.style,
// the code path of the static SVG, so fills, class bounds, closure,
// colours and counts are those of the static map and its legend:
//   - territories are joined by code: the registered GeoJSON names each
//     feature by its code (see echartsGeoJSON), drawn in Lambert-93;
//   - the visualMap has one piece per class, with the Breaks bounds and
//     closure ([a, b[ is {gte: a, lt: b}) and the palette colour, then a
//     piece for secret values and one for missing values, with counts;
//   - secret territories are hatched like the static map (echarts decal:
//     SecretHatchColor lines on SecretColor) and missing ones are
//     MissingColor; both stay out of the visualMap (visualMap: false), and
//     their legend pieces never match a value. The secret swatch is a
//     striped symbol since pieces cannot be hatched;
//   - the tooltip shows the territory, its value in French (frnum, through
//     FormatValue) or its status ("secret statistique", "non disponible"),
//     and the source with the data and geography vintages.
//
// Department borders (Overlay) and QPV outlines are drawn as lines; the
// highlighted territory gets a black border. The chart fills its page.
func EchartsMap(ctx context.Context, spec ChoroplethSpec) (*echartspage.Chart, error) {
	if len(spec.Areas) == 0 {
		return nil, fmt.Errorf("maps: interactive map %q has no areas", spec.Title)
	}
	areas, lg, err := spec.style()
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	geo, mapName, err := echartsGeoJSON(spec)
	if err != nil {
		return nil, err
	}
	if spec.Highlight != "" && !hasCode(spec.Areas, spec.Highlight) {
		return nil, fmt.Errorf("maps: highlighted territory %s is not among the %d areas", spec.Highlight, len(spec.Areas))
	}

	noVisualMap := false
	items := make([]echartsMapItem, 0, len(areas)+2)
	for _, a := range areas {
		name := a.Name
		if name == "" {
			name = a.Code
		} else {
			name += " (" + a.Code + ")"
		}
		it := echartsMapItem{Name: a.Code, Value: "-", Status: a.Status,
			Tip: []string{name, value.Text(value.FormTooltip, a.Value, a.Status, spec.Unit, spec.Decimals)}}
		style := map[string]any{}
		switch a.Status {
		case value.StatusSecret:
			it.VisualMap = &noVisualMap
			style["color"] = svgdoc.SecretColor
			style["decal"] = map[string]any{"symbol": "none", "dashArrayX": []int{1, 0}, "dashArrayY": []int{2, 4},
				"rotation": -0.7853981633974483, "color": svgdoc.SecretHatchColor}
		case value.StatusMissing:
			it.VisualMap = &noVisualMap
			style["color"] = MissingColor
		default:
			it.Value = a.Value
		}
		if a.Code == spec.Highlight {
			style["borderColor"] = "#000000"
			style["borderWidth"] = 2.5
		}
		if len(style) > 0 {
			it.ItemStyle = style
		}
		items = append(items, it)
	}
	for _, layer := range []struct {
		name  string
		n     int
		style map[string]any
	}{
		{overlayFeature, len(spec.Overlay), map[string]any{"color": "none", "borderColor": overlayStroke, "borderWidth": 1.2}},
		{qpvFeature, len(spec.QPV), map[string]any{"color": "none", "borderColor": qpvStroke, "borderWidth": 1, "borderType": []int{3, 2}}},
	} {
		if layer.n == 0 {
			continue
		}
		items = append(items, echartsMapItem{Name: layer.name, Value: "-", VisualMap: &noVisualMap, ItemStyle: layer.style,
			Emphasis: map[string]any{"disabled": true}, Tooltip: map[string]any{"show": false}})
	}

	description := description(spec, lg, len(areas))
	source := sourceLine(spec)
	subtitle := spec.Subtitle
	if heading := legendHeading(lg); heading != "" {
		subtitle = strings.TrimSpace(subtitle + "\n" + heading)
	}
	footer := source
	if len(lg.Notes) > 0 {
		footer = strings.Join(lg.Notes, " ") + "\n" + source
	}

	m := charts.NewMap()
	m.RegisterMapType(mapName)
	m.SetGlobalOptions(echartspage.BaseOptions(EchartsMapID, spec.Title, description)...)
	m.SetGlobalOptions(charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", Formatter: echartspage.TooltipFormatter(spec.sourceTip())}))
	m.Accept(echartspage.OptionPatch{Set: map[string]any{
		"title": echartspage.Titles(spec.Title, subtitle, footer),
		"visualMap": echartsVisualMap{Type: "piecewise", SeriesIndex: 0, Pieces: legendPieces(lg), Left: "10", Bottom: "48", ItemWidth: 22, ItemHeight: 14,
			TextStyle: map[string]any{"fontSize": 12, "fontFamily": echartspage.Font, "color": echartspage.TextColor}},
		"series": []echartsMapSeries{{
			Type: "map", Name: spec.Title, Map: mapName, AspectScale: 1, Roam: true, SelectedMode: false,
			Top: "80", Bottom: "48", Left: "230", Right: "20",
			ItemStyle: map[string]any{"borderColor": areaStroke, "borderWidth": 0.4},
			// areaColor and color null keep each territory's fill on hover.
			Emphasis: map[string]any{"label": map[string]any{"show": false},
				"itemStyle": map[string]any{"areaColor": nil, "color": nil, "borderColor": "#000000", "borderWidth": 1.5}},
			Data: items,
		}},
	}})

	chart := &echartspage.Chart{ID: EchartsMapID, Title: docTitle(spec), Description: description, Chart: m}
	quotedName, err := json.Marshal(mapName)
	if err != nil {
		return nil, err
	}
	chart.AddHeadScript(&m.BaseConfiguration, "echarts.registerMap("+string(quotedName)+", "+string(geo)+");")
	return chart, nil
}

// sourceTip is the source line of tooltips: source, data and geography
// vintages.
func (s ChoroplethSpec) sourceTip() string {
	parts := []string{}
	if s.Source != "" {
		parts = append(parts, "Source"+frnum.UnitSep+": "+s.Source)
	}
	if s.Vintage != "" {
		parts = append(parts, "données "+s.Vintage)
	}
	if s.GeoVintage != "" {
		parts = append(parts, "géographie "+s.GeoVintage)
	}
	return strings.Join(parts, " – ")
}

// legendHeading names the classification and the closure of its intervals.
func legendHeading(lg Legend) string {
	if lg.Method == "" {
		return ""
	}
	h := "Classes" + frnum.UnitSep + ": " + lg.Method.Label()
	if n := len(lg.Entries); n > 0 && lg.Entries[0].Kind == EntryClass && lg.Entries[0].Lo != lg.Entries[0].Hi {
		if lg.Closure == classify.ClosedRight {
			h += ", intervalles fermés à droite ]a" + frnum.UnitSep + "; b]"
		} else {
			h += ", intervalles fermés à gauche [a" + frnum.UnitSep + "; b["
		}
	}
	return h
}

// legendPieces turns the legend into visualMap pieces: one per class with
// its bounds and closure, then secret and missing with their counts.
func legendPieces(lg Legend) []echartsPiece {
	var out []echartsPiece
	for _, e := range lg.Entries {
		label := e.Label + " (" + frnum.Number(float64(e.Count), 0) + ")"
		switch e.Kind {
		case EntryClass:
			lo, hi := e.Lo, e.Hi
			p := echartsPiece{Label: label, Color: e.Color, Symbol: "rect"}
			if e.LoClosed {
				p.Gte = &lo
			} else {
				p.Gt = &lo
			}
			if e.HiClosed {
				p.Lte = &hi
			} else {
				p.Lt = &hi
			}
			out = append(out, p)
		case EntrySecret:
			out = append(out, echartsPiece{Value: string(value.StatusSecret), Label: label, Color: svgdoc.SecretHatchColor, Symbol: secretSymbol})
		case EntryMissing:
			out = append(out, echartsPiece{Value: string(value.StatusMissing), Label: label, Color: MissingColor, Symbol: "rect"})
		}
	}
	return out
}

// hasCode tells whether an area has the code.
func hasCode(areas []Area, code string) bool {
	for _, a := range areas {
		if a.Code == code {
			return true
		}
	}
	return false
}
