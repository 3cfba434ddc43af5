// This file builds the interactive proportional-symbol map: the
// registered territories as a grey geo base (hatched secret, grey
// missing), a map series hosted by that geo for the French tooltips of
// every territory, and a scatter series of circles sized exactly as in the
// static SVG.

package maps

import (
	"context"
	"encoding/json"
	"math"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/region-bretagne/obs/echartspage"
	"github.com/region-bretagne/obs/frnum"
	"github.com/region-bretagne/obs/svgdoc"
	"github.com/region-bretagne/obs/value"
)

// echartsSymbolItem is one circle of the scatter series.
type echartsSymbolItem struct {
	Name string `json:"name"`
	// Value is [x, y, value]: the anchor in Lambert-93 metres (the
	// registered map's coordinates) and the count.
	Value [3]float64 `json:"value"`
	// SymbolSize is the circle's diameter in pixels, 2·radius.
	SymbolSize float64      `json:"symbolSize"`
	Status     value.Status `json:"status"`
	Tip        []string     `json:"tip"`
}

// echartsGeoRegion styles one territory (or outline layer) of the geo
// component.
type echartsGeoRegion struct {
	Name      string         `json:"name"`
	ItemStyle map[string]any `json:"itemStyle,omitempty"`
	Emphasis  map[string]any `json:"emphasis,omitempty"`
	Tooltip   map[string]any `json:"tooltip,omitempty"`
	Silent    bool           `json:"silent,omitempty"`
}

// EchartsSymbols builds the interactive version of spec from the layout
// of the static map (SymbolSpec.layout), so statuses, anchors, radii,
// order and counts are those of the SVG:
//   - a geo component draws the registered territories (echartsGeoJSON,
//     Lambert-93 metres, named by code) in light grey, secret ones hatched
//     in SecretColor (white: the echarts geo cannot hatch a region hosted
//     by a map series) and missing ones in MissingColor, department
//     borders and QPV as lines, the highlighted territory outlined;
//   - a map series hosted by the geo (geoIndex 0) carries one item per
//     territory with its French tooltip, so secret and missing territories
//     say so on hover;
//   - a scatter series on the geo draws one circle per value above 0, at
//     the SVG's anchor, with symbolSize = 2·MaxRadius·√(v/max) pixels (the
//     SVG's diameter), largest first so small circles stay on top;
//   - the legend is the nested reference circles (a graphic component,
//     same radii as the SVG legend) then swatches for secret and missing
//     territories with their counts.
func EchartsSymbols(ctx context.Context, spec SymbolSpec) (*echartspage.Chart, error) {
	l, err := spec.layout(ctx)
	if err != nil {
		return nil, err
	}
	frame := spec.frame()
	geo, mapName, err := echartsGeoJSON(frame)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	items := make([]echartsMapItem, 0, len(l.areas))
	var regions []echartsGeoRegion
	for _, a := range l.areas {
		name := a.Name
		if name == "" {
			name = a.Code
		} else {
			name += " (" + a.Code + ")"
		}
		// Items carry no count (the circles do), only the tooltip; the
		// geo regions give the fills (a visualMap on the hosted series
		// would override them with the palette).
		it := echartsMapItem{Name: a.Code, Value: "-", Status: a.Status,
			Tip: []string{name, value.Text(value.FormTooltip, a.Value, a.Status, spec.Unit, spec.Decimals)}}
		style := map[string]any{}
		switch a.Status {
		case value.StatusSecret:
			style["areaColor"] = svgdoc.SecretColor
		case value.StatusMissing:
			style["areaColor"] = MissingColor
		}
		if a.Code == spec.Highlight {
			style["borderColor"] = "#000000"
			style["borderWidth"] = 2.5
		}
		if len(style) > 0 {
			regions = append(regions, echartsGeoRegion{Name: a.Code, ItemStyle: style})
		}
		items = append(items, it)
	}
	for _, layer := range []struct {
		name  string
		n     int
		style map[string]any
	}{
		{overlayFeature, len(spec.Overlay), map[string]any{"areaColor": "none", "borderColor": overlayStroke, "borderWidth": 1.2}},
		{qpvFeature, len(spec.QPV), map[string]any{"areaColor": "none", "borderColor": qpvStroke, "borderWidth": 1, "borderType": []int{3, 2}}},
	} {
		if layer.n > 0 {
			regions = append(regions, echartsGeoRegion{Name: layer.name, ItemStyle: layer.style, Silent: true,
				Emphasis: map[string]any{"disabled": true}, Tooltip: map[string]any{"show": false}})
		}
	}

	circles := make([]echartsSymbolItem, 0, len(l.order))
	for _, i := range l.order {
		a := l.areas[i]
		name := a.Name
		if name == "" {
			name = a.Code
		} else {
			name += " (" + a.Code + ")"
		}
		circles = append(circles, echartsSymbolItem{Name: a.Code,
			Value:      [3]float64{math.Round(a.anchor[0]), math.Round(a.anchor[1]), a.Value},
			SymbolSize: 2 * a.radius, Status: a.Status,
			Tip: []string{name, value.Text(value.FormTooltip, a.Value, a.Status, spec.Unit, spec.Decimals)}})
	}

	description := symbolDescription(spec, l)
	notes := symbolNotes(l)
	footer := sourceLine(frame)
	if len(notes) > 0 {
		footer = strings.Join(notes, " ") + "\n" + footer
	}
	position := map[string]any{"top": "80", "bottom": "48", "left": "230", "right": "20"}
	geoOption := map[string]any{
		"map": mapName, "aspectScale": 1, "roam": true, "selectedMode": false,
		"itemStyle": map[string]any{"areaColor": symbolBaseFill, "borderColor": symbolBaseStroke, "borderWidth": 0.4},
		"emphasis": map[string]any{"label": map[string]any{"show": false},
			"itemStyle": map[string]any{"areaColor": nil, "borderColor": "#000000", "borderWidth": 1.5}},
		"regions": regions,
	}
	for k, v := range position {
		geoOption[k] = v
	}
	option := map[string]any{
		"title": echartspage.Titles(spec.Title, spec.Subtitle, footer),
		"geo":   geoOption,
		"series": []map[string]any{
			{"type": "map", "name": spec.Title, "geoIndex": 0, "data": items,
				"itemStyle": map[string]any{"color": symbolBaseFill}},
			{"type": "scatter", "name": spec.Title, "coordinateSystem": "geo", "geoIndex": 0, "z": 3,
				"itemStyle": map[string]any{"color": symbolFill, "opacity": symbolOpacity, "borderColor": symbolStroke, "borderWidth": 0.8},
				"emphasis":  map[string]any{"scale": false, "itemStyle": map[string]any{"opacity": 0.9, "borderColor": "#000000", "borderWidth": 1.5}},
				"data":      circles},
		},
		"graphic": symbolLegendGraphic(l, spec),
	}

	m := charts.NewMap()
	m.RegisterMapType(mapName)
	m.SetGlobalOptions(echartspage.BaseOptions(EchartsMapID, spec.Title, description)...)
	m.SetGlobalOptions(charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", Formatter: echartspage.TooltipFormatter(frame.sourceTip())}))
	m.Accept(echartspage.OptionPatch{Set: option})

	chart := &echartspage.Chart{ID: EchartsMapID, Title: docTitle(frame), Description: description, Chart: m}
	quotedName, err := json.Marshal(mapName)
	if err != nil {
		return nil, err
	}
	chart.AddHeadScript(&m.BaseConfiguration, "echarts.registerMap("+string(quotedName)+", "+string(geo)+");")
	return chart, nil
}

// symbolLegendGraphic is the legend of the circles as an echarts graphic
// group in the left column: heading, then the nested reference circles of
// the SVG legend (same values and radii) with leader lines and French
// labels, or a line saying there is nothing to draw.
func symbolLegendGraphic(l symbolLayout, spec SymbolSpec) []map[string]any {
	text := func(x, y float64, s string, size int, bold bool) map[string]any {
		style := map[string]any{"text": s, "x": x, "y": y, "fill": echartspage.TextColor, "fontSize": size, "fontFamily": echartspage.Font}
		if bold {
			style["fontWeight"] = "bold"
		}
		return map[string]any{"type": "text", "silent": true, "style": style}
	}
	children := []map[string]any{
		text(0, 0, "Cercles proportionnels", 12, true),
		text(0, 17, "Surface proportionnelle à la valeur", 10, false),
	}
	if len(l.refs) == 0 {
		children = append(children, text(0, 36, "Aucune valeur à représenter", 11, false))
	} else {
		r := spec.maxRadius()
		r0 := l.radius(l.refs[0], r)
		cx, bottom := r0+1, 34+2*r0+1
		labelX := 2*r0 + 14
		for _, ref := range l.refs {
			rr := l.radius(ref, r)
			top := bottom - 2*rr
			children = append(children,
				map[string]any{"type": "circle", "silent": true, "shape": map[string]any{"cx": cx, "cy": bottom - rr, "r": rr},
					"style": map[string]any{"fill": "none", "stroke": symbolStroke, "lineWidth": 0.8}, "info": ref},
				map[string]any{"type": "line", "silent": true, "shape": map[string]any{"x1": cx, "y1": top, "x2": labelX - 4, "y2": top},
					"style": map[string]any{"stroke": "#737373", "lineWidth": 0.6}},
				text(labelX, top-6, spec.Unit.Format(ref, -1), 12, false))
		}
	}
	y := 34 + 2*spec.maxRadius() + 16
	for _, e := range l.legend.Entries {
		fill := e.Color
		if e.Kind == EntrySecret {
			fill = svgdoc.SecretColor
		}
		children = append(children,
			map[string]any{"type": "rect", "silent": true, "shape": map[string]any{"x": 0, "y": y, "width": 22, "height": 14},
				"style": map[string]any{"fill": fill, "stroke": "#969696", "lineWidth": 0.5}, "info": string(e.Kind)},
			text(30, y+1, e.Label+" ("+frnum.Number(float64(e.Count), 0)+")", 12, false))
		y += 20
	}
	return []map[string]any{{"type": "group", "left": "10", "top": "90", "children": children}}
}
