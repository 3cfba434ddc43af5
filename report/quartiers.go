// The quartiers in a sheet: the sheet of a QPV (its figures beside its
// commune, its EPCI and the ensemble des QPV, each at its own vintage, a
// map of its commune's QPV when it has a perimeter, its rank among the
// Breton QPV), and the "Quartiers (IRIS)" section of a commune or EPCI
// sheet: a small IRIS map and the lowest and highest IRIS of each IRIS
// indicator. IRIS values are shown as published, never summed.

package report

import (
	"errors"
	"fmt"
	"html/template"
	"math"
	"strings"

	"github.com/region-bretagne/obs/atlas"
	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/maps"
)

// Quartiers is the "Quartiers (IRIS)" section of a sheet.
type Quartiers struct {
	Title   string
	MapSVG  template.HTML
	Caption string
	Rows    []QuartierRow
	Note    string
}

// QuartierRow is one IRIS indicator: its range over the IRIS of the
// territory that have a value.
type QuartierRow struct {
	Label, Vintage string
	Min, MinName   string
	Max, MaxName   string
	Count          string // "81 IRIS sur 172 avec une valeur"
	Ref            int
}

// quartierIndicators are the IRIS indicators of the section.
var quartierIndicators = []string{"taux_pauvrete", "niveau_vie_median", "foyers_allocataires_caf", "foyers_rsa", "allocataires_aah", "foyers_prime_activite"}

// qpvContext places a QPV: its commune(s) and EPCI.
func (b *builder) qpvContext() string {
	var parts []string
	for _, p := range b.chain[1:] {
		if p.Level == "commune" || p.Level == "epci" {
			parts = append(parts, p.Name)
		}
	}
	parts = append(parts, "quartier prioritaire de la génération 2015")
	return strings.Join(parts, " · ")
}

// qpvMaps draws the QPV of the QPV's commune, the QPV outlined, when it
// has a perimeter; else the caption says it has none here. The locator
// shows its commune.
func (b *builder) qpvMaps(s *Sheet) error {
	commune := ""
	if len(b.t.Communes) > 0 {
		commune = b.t.Communes[0]
	}
	drawn := false
	if commune != "" {
		m, err := b.a.Choropleth(b.ctx, atlas.Request{Indicator: "taux_pauvrete", Level: "qpv", Territory: commune, Highlight: b.t.Code, Width: 680, Height: 470})
		var bad *atlas.Error
		switch {
		case errors.As(err, &bad) || errors.Is(err, cube.ErrNoData):
		case err != nil:
			return err
		default:
			for _, ar := range m.Spec.Areas {
				drawn = drawn || ar.Code == b.t.Code
			}
			if drawn {
				m.Spec.Title, m.Spec.Subtitle, m.Spec.Source = fr(m.Spec.Title), fr(m.Spec.Subtitle), fr(m.Spec.Source)
				svg, err := maps.ChoroplethSVG(b.ctx, m.Spec)
				if err != nil {
					return err
				}
				s.MapSVG = inlineSVG(svg, "carte")
				s.MapCaption = fr("Quartiers prioritaires de la commune ayant un périmètre dans les données, " + b.t.Name + " entouré.")
			}
		}
	}
	if !drawn {
		s.MapCaption = fr(fmt.Sprintf("%s n'a pas de périmètre dans les données chargées (6 des 32 QPV bretons en ont un) : pas de carte du quartier.", b.t.Name))
	}
	if commune == "" {
		return nil
	}
	loc, err := b.c.locatorOf(b.ctx, b.a)
	if err != nil {
		return err
	}
	lsvg, err := loc.SVG(b.ctx, commune)
	if err != nil {
		return err
	}
	s.LocatorSVG = inlineSVG(lsvg, "situation")
	return nil
}

// qpvCharts ranks the Breton QPV on the poverty rate, the QPV highlighted.
func (b *builder) qpvCharts() ([]Chart, error) {
	var out []Chart
	for _, id := range []string{"taux_pauvrete", "part_moins_25_ans"} {
		ch, err := b.a.RankingChart(b.ctx, id, "qpv", "", "", b.t.Code)
		var bad *atlas.Error
		if errors.Is(err, cube.ErrNoData) || errors.As(err, &bad) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("classement des QPV, %s : %w", id, err)
		}
		ch.Title, ch.Subtitle, ch.Source = fr(ch.Title), fr(ch.Subtitle), fr(ch.Source)
		svg, err := ch.SVG()
		if err != nil {
			return nil, err
		}
		out = append(out, Chart{Title: ch.Title, SVG: inlineSVG(svg, "graphique-ranking-"+id)})
	}
	return out, nil
}

// quartiers builds the IRIS section of a commune or EPCI sheet; nil when
// the territory has no IRIS with data (every sheet outside Rennes
// Métropole).
func (b *builder) quartiers() (*Quartiers, error) {
	if b.t.Level != "commune" && b.t.Level != "epci" {
		return nil, nil
	}
	var irises []cube.Territory
	for _, t := range b.a.Cube.Territories("iris") {
		for _, m := range t.Communes {
			if m == b.t.Code || (b.t.Level == "epci" && t.EPCI == b.t.Code) {
				irises = append(irises, t)
				break
			}
		}
	}
	if len(irises) == 0 {
		return nil, nil
	}
	in := map[string]bool{}
	for _, t := range irises {
		in[t.Code] = true
	}
	q := &Quartiers{Title: "Quartiers (IRIS)"}
	for _, id := range quartierIndicators {
		ind, ok := b.a.Cube.Catalogue().Indicator(id)
		if !ok {
			continue
		}
		facts, err := b.a.Cube.Values(b.ctx, id, "iris", "", "")
		if errors.Is(err, cube.ErrNoData) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("IRIS, %s : %w", id, err)
		}
		var lo, hi cube.Fact
		lo.Value, hi.Value = math.Inf(1), math.Inf(-1)
		n := 0
		for _, f := range facts {
			if !in[f.Code] || !f.HasValue() {
				continue
			}
			n++
			if f.Value < lo.Value {
				lo = f
			}
			if f.Value > hi.Value {
				hi = f
			}
		}
		if n == 0 {
			continue
		}
		label := ind.Label
		if u := unitLabel(ind); u != "" {
			label += " (" + u + ")"
		}
		q.Rows = append(q.Rows, QuartierRow{Label: fr(label), Vintage: lo.Vintage,
			Min: fr(valueText(lo, ind.Unit, ind.Decimals)), MinName: lo.Name,
			Max: fr(valueText(hi, ind.Unit, ind.Decimals)), MaxName: hi.Name,
			Count: fr(fmt.Sprintf("%d IRIS sur %d", n, len(irises))), Ref: b.notes.source(lo)})
	}
	if len(q.Rows) == 0 {
		return nil, nil
	}
	m, err := b.a.Choropleth(b.ctx, atlas.Request{Indicator: "taux_pauvrete", Level: "iris", Territory: b.t.Code, Width: 680, Height: 470})
	if err != nil {
		return nil, fmt.Errorf("carte des IRIS : %w", err)
	}
	m.Spec.Title, m.Spec.Subtitle, m.Spec.Source = fr(m.Spec.Title), fr(m.Spec.Subtitle), fr(m.Spec.Source)
	svg, err := maps.ChoroplethSVG(b.ctx, m.Spec)
	if err != nil {
		return nil, err
	}
	q.MapSVG = inlineSVG(svg, "carte-iris")
	q.Caption = fr("Taux de pauvreté par IRIS (Filosofi 2019) ; en gris, les IRIS que le fichier ne publie pas (secret ou absents).")
	q.Note = fr("Valeurs publiées par IRIS, jamais additionnées pour faire une commune : les allocataires CAF par IRIS sont un autre comptage que le fichier communal de la CAF (Rennes, décembre 2020 : 7\u202f188 foyers RSA par IRIS, 8\u202f820 dans le fichier communal).")
	return q, nil
}
