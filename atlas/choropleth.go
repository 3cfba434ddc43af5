// Choropleth requests: from an indicator × level question to a
// maps.ChoroplethSpec whose legend and fill share one Breaks object.

package atlas

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/region-bretagne/obs/classify"
	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/echartspage"
	"github.com/region-bretagne/obs/maps"
	"github.com/region-bretagne/obs/value"
)

// MapLevels are the levels a choropleth can be drawn at.
var MapLevels = []value.Level{value.LevelCommune, value.LevelEPCI, value.LevelDepartement, value.LevelQPV, value.LevelIRIS}

// checkMapLevel refuses a level that is not in MapLevels, listing them.
func checkMapLevel(l string) error {
	if slices.Contains(MapLevels, value.Level(l)) {
		return nil
	}
	list := value.JoinLevels(MapLevels, ", ")
	return badf("niveau de carte inconnu « %s » ("+list+")", "unknown map level %q ("+list+")", l)
}

// Request is a choropleth question, as `obs map` and /maps take it.
type Request struct {
	Indicator, Level, Public, Vintage string
	Territory                         string    // commune or EPCI whose territories alone are drawn ("" = all)
	Method                            string    // jenks (default), quantile, equal, q6, sd, geom, headtail, manual
	Classes                           int       // default 5
	Breaks                            []float64 // manual breaks
	Palette                           string
	Highlight                         string // code to outline
	QPV                               bool   // draw QPV outlines
	Width, Height                     int
}

// Map is a drawable map with the facts it shows. A count (population,
// households, recipients) is drawn with proportional symbols, never as
// filled areas; rates and shares as a choropleth.
type Map struct {
	Spec    maps.ChoroplethSpec
	Facts   []cube.Fact
	Ind     cube.Indicator
	Symbols bool // proportional symbols (counts) rather than a choropleth
}

// SymbolSpec is the proportional-symbol form of the map.
func (m *Map) SymbolSpec() maps.SymbolSpec {
	s := m.Spec
	return maps.SymbolSpec{Title: s.Title, Subtitle: s.Subtitle, Unit: s.Unit, Decimals: s.Decimals, Areas: s.Areas,
		Overlay: s.Overlay, QPV: s.QPV, Highlight: s.Highlight, Source: s.Source, Vintage: s.Vintage,
		GeoVintage: s.GeoVintage, Width: s.Width, Height: s.Height}
}

// SVG draws the static map (Lambert-93).
func (m *Map) SVG(ctx context.Context) ([]byte, error) {
	if m.Symbols {
		return maps.SymbolSVG(ctx, m.SymbolSpec())
	}
	return maps.ChoroplethSVG(ctx, m.Spec)
}

// Echarts builds the interactive map.
func (m *Map) Echarts(ctx context.Context) (*echartspage.Chart, error) {
	if m.Symbols {
		return maps.EchartsSymbols(ctx, m.SymbolSpec())
	}
	return maps.EchartsMap(ctx, m.Spec)
}

// Choropleth answers a request.
func (a *Atlas) Choropleth(ctx context.Context, r Request) (*Map, error) {
	ind, ok := a.Cube.Catalogue().Indicator(r.Indicator)
	if !ok {
		return nil, badf("indicateur inconnu « %s » (voir /api/indicators)", "unknown indicator %q (see /api/indicators)", r.Indicator)
	}
	if r.Level == "" {
		r.Level = string(value.LevelCommune)
	}
	level := value.Level(r.Level)
	if err := checkMapLevel(r.Level); err != nil {
		return nil, err
	}
	if r.Method == "" {
		r.Method = string(classify.Jenks)
	}
	method, err := classify.ParseMethod(r.Method)
	if err != nil {
		return nil, badf("méthode de classification inconnue « %s »", "unknown classification method %q", r.Method)
	}
	if r.Classes == 0 {
		r.Classes = 5
	}
	if r.Classes < 2 || r.Classes > 9 {
		return nil, badf("nombre de classes %d hors de 2 à 9", "number of classes %d is outside 2…9", r.Classes)
	}
	if method == classify.Manual && len(r.Breaks) < 2 {
		return nil, badf("la méthode manuelle demande au moins deux bornes (--breaks a,b,c)", "manual classification needs at least two breaks (--breaks a,b,c)")
	}
	facts, err := a.Cube.Values(ctx, r.Indicator, level, r.Vintage, r.Public)
	if err != nil {
		if errors.Is(err, cube.ErrUnknown) {
			return nil, &Error{FR: err.Error(), EN: "bad request: " + err.Error()}
		}
		if errors.Is(err, cube.ErrNoData) {
			return nil, &Error{FR: err.Error(), EN: "no data: " + err.Error()}
		}
		return nil, err
	}
	if facts, err = a.clip(facts, r.Territory); err != nil {
		return nil, err
	}
	shapes, err := a.Shapes(ctx, level, false)
	if err != nil {
		return nil, err
	}
	byCode := make(map[string]cube.Fact, len(facts))
	for _, f := range facts {
		byCode[f.Code] = f
	}
	spec := maps.ChoroplethSpec{
		Title:      ind.Label,
		Unit:       ind.Unit,
		Decimals:   ind.Decimals,
		Palette:    r.Palette,
		Highlight:  r.Highlight,
		GeoVintage: fmt.Sprintf("COG %d", a.Cube.COG()),
		Width:      r.Width,
		Height:     r.Height,
	}
	var values []float64
	drawn := map[string]bool{}
	for _, s := range shapes {
		f, ok := byCode[s.Code]
		if r.Territory != "" && !ok {
			continue // outside the clip
		}
		drawn[s.Code] = true
		area := maps.Area{Code: s.Code, Name: s.Name, Geom: s.Geom, Status: value.StatusMissing}
		if ok {
			area.Status = f.Status
			if f.HasValue() {
				area.Value = f.Value
				values = append(values, f.Value)
			}
			spec.Source, spec.Vintage = f.Source, f.Vintage
		}
		spec.Areas = append(spec.Areas, area)
	}
	if len(facts) > 0 {
		pub := facts[0].Public
		label := pub
		if p, ok := a.Cube.Catalogue().Public(pub); ok {
			label = p.Label
		}
		spec.Subtitle = fmt.Sprintf("%s · %s · %s", capitalize(level.Plural()), label, facts[0].Vintage)
		if r.Territory != "" {
			if t, err := a.Cube.Territory(r.Territory); err == nil {
				spec.Subtitle += " · " + t.Name
			}
		}
	}
	spec.Unmapped = unmapped(facts, drawn)
	if n := len(spec.Unmapped); n > 0 {
		spec.Subtitle += fmt.Sprintf(" · %d dessinés\u00a0; %d sans périmètre ici, listés dans le tableau", len(drawn), n)
		if spec.Source == "" {
			spec.Source, spec.Vintage = facts[0].Source, facts[0].Vintage
		}
	}
	if spec.Breaks, err = classify.Classify(values, method, r.Classes, r.Breaks); err != nil {
		return nil, badf("classification impossible : %v", "cannot classify: %v", err)
	}
	if level == value.LevelCommune || level == value.LevelEPCI {
		deps, err := a.Shapes(ctx, value.LevelDepartement, false)
		if err != nil {
			return nil, err
		}
		for _, d := range deps {
			spec.Overlay = append(spec.Overlay, d.Geom)
		}
	}
	if level == value.LevelQPV || level == value.LevelIRIS {
		if spec.Overlay, err = a.communeOutlines(ctx, spec.Areas); err != nil {
			return nil, err
		}
	}
	if r.QPV {
		q, err := a.Shapes(ctx, value.LevelQPV, false)
		if err != nil {
			return nil, err
		}
		for _, s := range q {
			spec.QPV = append(spec.QPV, s.Geom)
		}
	}
	return &Map{Spec: spec, Facts: facts, Ind: ind, Symbols: ind.Kind == "count"}, nil
}

func capitalize(s string) string {
	for i, r := range s {
		if i == 0 && r >= 'a' && r <= 'z' {
			return string(r-'a'+'A') + s[1:]
		}
		break
	}
	return s
}
