// Building a sheet from the cube: the territory and its references, the
// comparison columns that apply, headline figures, one table per theme of
// the plan, the maps, the charts by public and the numbered footnotes.

package report

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/region-bretagne/obs/atlas"
	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/maps"
	"github.com/region-bretagne/obs/value"
)

// Build makes the fact sheet of a commune, an EPCI, a département or the
// region ("53"). An unknown code returns an error wrapping cube.ErrUnknown.
// Generated is the current time; set it before rendering for reproducible
// output.
func Build(ctx context.Context, a *atlas.Atlas, code string) (*Sheet, error) {
	t, err := a.Cube.Territory(code)
	if err != nil {
		return nil, fmt.Errorf("fiche %s : %w", code, err)
	}
	if t.Level == value.LevelFrance || t.Level == value.LevelIRIS {
		return nil, fmt.Errorf("fiche %s : niveau %s %w (commune, EPCI, département, région ou QPV)", code, t.Level, cube.ErrUnknown)
	}
	cmps, err := a.Cube.Compare(ctx, code)
	if err != nil {
		return nil, fmt.Errorf("fiche %s : %w", code, err)
	}
	b := &builder{ctx: ctx, a: a, c: cacheOf(a), t: t, chain: a.Cube.Chain(t), notes: newNotes(), cmp: map[string]cube.Comparison{}}
	for _, c := range cmps {
		b.cmp[c.Indicator.ID] = c
	}
	s := &Sheet{Code: t.Code, Name: t.Name, Level: t.Level, LevelLabel: value.Level(t.Level).Label(), COG: a.Cube.COG(),
		CrossBorder: t.CrossBorder, Generated: time.Now()}
	s.Context = b.contextText()
	if t.Level == "qpv" {
		s.Context = b.qpvContext()
	}
	b.columns(cmps, s)
	s.Headlines, err = b.headlines()
	if err != nil {
		return nil, err
	}
	if s.Themes, err = b.themes(); err != nil {
		return nil, err
	}
	if t.Level == "qpv" {
		if err := b.qpvMaps(s); err != nil {
			return nil, fmt.Errorf("fiche %s (%s), cartes : %w", t.Code, t.Name, err)
		}
		if s.Charts, err = b.qpvCharts(); err != nil {
			return nil, fmt.Errorf("fiche %s (%s), graphiques : %w", t.Code, t.Name, err)
		}
		s.Footnotes = b.notes.list
		return s, nil
	}
	if err := b.maps(s); err != nil {
		return nil, fmt.Errorf("fiche %s (%s), cartes : %w", t.Code, t.Name, err)
	}
	if s.Quartiers, err = b.quartiers(); err != nil {
		return nil, fmt.Errorf("fiche %s (%s), quartiers : %w", t.Code, t.Name, err)
	}
	if s.Charts, err = b.charts(); err != nil {
		return nil, fmt.Errorf("fiche %s (%s), graphiques : %w", t.Code, t.Name, err)
	}
	s.Footnotes = b.notes.list
	return s, nil
}

// builder carries the state of one sheet being built.
type builder struct {
	ctx   context.Context
	a     *atlas.Atlas
	c     *cache
	t     cube.Territory
	chain []cube.Territory // the territory, then its references (Compare's order)
	cols  []int            // indices in chain of the columns shown
	cmp   map[string]cube.Comparison
	notes *notes
}

// contextText places the territory: its EPCI and département, or its
// number of communes.
func (b *builder) contextText() string {
	var parts []string
	for _, p := range b.chain[1:] {
		if p.Level == value.LevelEPCI || p.Level == value.LevelDepartement {
			parts = append(parts, p.Name)
		}
	}
	switch b.t.Level {
	case value.LevelCommune:
		if b.t.EPCI == "" {
			parts = append(parts, "commune hors EPCI")
		}
	case value.LevelEPCI, value.LevelDepartement, value.LevelRegion:
		n := 0
		for _, c := range b.a.Cube.Territories(value.LevelCommune) {
			if c.Within(b.t) {
				n++
			}
		}
		parts = append(parts, strconv.Itoa(n)+" communes bretonnes")
	}
	return strings.Join(parts, " · ")
}

// columns keeps the territory and each reference that has at least one
// value; a reference with none (France, when only the Breton communes are
// loaded) is left out and the reason said once under the tables.
func (b *builder) columns(cmps []cube.Comparison, s *Sheet) {
	var dropped []string
	for j, p := range b.chain {
		keep := j == 0
		reason := ""
		for _, c := range cmps {
			if j >= len(c.Facts) {
				continue
			}
			if c.Facts[j].HasValue() {
				keep = true
				break
			}
			if reason == "" && c.Vintage != "" && c.Facts[j].Reason != cube.ReasonNotPublished {
				reason = c.Facts[j].Reason
			}
		}
		if keep {
			b.cols = append(b.cols, j)
			s.Columns = append(s.Columns, p.Name)
			continue
		}
		if reason == "" {
			reason = "aucune valeur chargée"
		}
		dropped = append(dropped, fmt.Sprintf("colonne « %s » absente (%s)", p.Name, reason))
	}
	if len(dropped) > 0 {
		s.ColumnNote = fr(capitalizeFirst(strings.Join(dropped, " ; ")) + ".")
	}
}

// themes builds one table per theme of the plan, in the catalogue's order.
// An indicator with no data whose source is still to be integrated goes to
// the theme's "À intégrer" line instead of a row of "n.d.".
func (b *builder) themes() ([]Theme, error) {
	cat := b.a.Cube.Catalogue()
	var out []Theme
	for i, inds := range cat.ByTheme() {
		th := Theme{Name: cat.Themes[i].Label}
		for _, ind := range inds {
			c, ok := b.cmp[ind.ID]
			if !ok {
				return nil, fmt.Errorf("fiche %s : indicateur %s absent de la comparaison", b.t.Code, ind.ID)
			}
			if c.Vintage == "" && b.t.Level == "qpv" {
				continue // not published for the QPV: the QPV files are the only source
			}
			if c.Vintage == "" && ind.Status == cube.Available && b.a.Cube.HasFacts(ind.ID, "qpv") {
				continue // published for the QPV only: in the QPV sheets
			}
			if c.Vintage == "" && ind.Status == cube.ToIntegrate {
				th.Pending = append(th.Pending, Pending{Label: fr(ind.Label), Source: fr(ind.Source)})
				continue
			}
			row, err := b.row(c)
			if err != nil {
				return nil, err
			}
			th.Rows = append(th.Rows, row)
		}
		if len(th.Rows) > 0 || len(th.Pending) > 0 {
			out = append(out, th)
		}
	}
	return out, nil
}

// row is one indicator across the columns, with its source note, the notes
// of absent values and the evolution since the previous census.
func (b *builder) row(c cube.Comparison) (Row, error) {
	ind := c.Indicator
	r := Row{Label: ind.Label, Vintage: c.Vintage, Unit: ind.Unit}
	if u := unitLabel(ind); u != "" {
		r.Label += " (" + u + ")"
	}
	r.Label = fr(r.Label)
	first := c.Facts[0]
	r.Ref = b.notes.source(first)
	for _, j := range b.cols {
		f := c.Facts[j]
		cell := Cell{Text: fr(valueText(f, ind.Unit, ind.Decimals)), Status: f.Status, Ref: b.notes.reason(f)}
		if f.HasValue() && f.Vintage != c.Vintage {
			cell.Vintage = f.Vintage // a QPV's commune, EPCI and ensemble des QPV, at their own vintage
		}
		r.Cells = append(r.Cells, cell)
	}
	var err error
	r.Evolution, r.EvolPeriod, r.EvolRef, err = b.evolution(c)
	return r, err
}

// evolution compares the territory's latest census value with the one six
// years before (2016 → 2022), on the same geography. Other sources, and
// vintages that are not single years, get none: nothing is interpolated,
// least of all across the missing Filosofi 2022.
func (b *builder) evolution(c cube.Comparison) (text, period string, ref int, err error) {
	ind := c.Indicator
	if c.Vintage != "" && !isCensus(c.Facts[0]) {
		return b.seriesEvolution(c)
	}
	if ind.Kind == cube.KindPublished || c.Vintage == "" {
		return "", "", 0, nil
	}
	to, perr := strconv.Atoi(c.Vintage)
	if perr != nil {
		return "", "", 0, nil
	}
	series, err := b.a.Cube.Series(b.ctx, ind.ID, b.t.Code, c.Public)
	if err != nil {
		return "", "", 0, fmt.Errorf("fiche %s, évolution de %s : %w", b.t.Code, ind.ID, err)
	}
	var last cube.Fact
	from, found := 0, false
	for _, f := range series {
		y, err := strconv.Atoi(f.Vintage)
		if err != nil || !isCensus(f) {
			continue
		}
		if y == to {
			last = f
		}
		// The earliest census at most six years back: 2016 for 2022.
		if y < to && to-y <= 6 && (!found || y < from) {
			from, found = y, true
		}
	}
	if !found || last.Vintage == "" {
		return "", "", 0, nil
	}
	var first cube.Fact
	for _, f := range series {
		if f.Vintage == strconv.Itoa(from) {
			first = f
		}
	}
	return b.evolutionCell(first, last, from, to, ind.Unit, func(kind string) string {
		return fmt.Sprintf("Évolution %d-%d (%s) : recensements de %d et de %d, sur la même géographie (COG %d) aux deux dates. Insee déconseille de comparer deux recensements distants de moins de cinq ans.",
			from, to, kind, from, to, b.a.Cube.COG())
	})
}

// evolutionCell is the Évolution cell of two facts: its text, its period
// and the reference of its note, which note writes from the kind of change
// (a mean annual rate, or a gap in points for a percentage).
func (b *builder) evolutionCell(first, last cube.Fact, from, to int, unit value.Unit, note func(kind string) string) (text, period string, ref int, err error) {
	text = evolution(first, last, from, to, unit)
	if text == "" {
		return "", "", 0, nil
	}
	kind := "taux de variation annuel moyen"
	if unit == value.UnitPercent {
		kind = "écart en points de pourcentage"
	}
	return text, fmt.Sprintf("%d-%d", from, to), b.notes.add(fr(note(kind))), nil
}

// seriesEvolution compares the territory's value with the earliest year of
// the same source published for it (Filosofi 2014–2021, CNAF 2020–2024,
// the QPV files 2017–2022): single-year vintages only, both published for
// this territory on this geography (an EPCI year whose perimeter differs
// has no value, so it is never the start), nothing interpolated.
func (b *builder) seriesEvolution(c cube.Comparison) (text, period string, ref int, err error) {
	ind, last := c.Indicator, c.Facts[0]
	to, perr := strconv.Atoi(c.Vintage)
	if perr != nil || !last.HasValue() {
		return "", "", 0, nil
	}
	series, err := b.a.Cube.Series(b.ctx, ind.ID, b.t.Code, c.Public)
	if err != nil {
		return "", "", 0, fmt.Errorf("fiche %s, évolution de %s : %w", b.t.Code, ind.ID, err)
	}
	var first cube.Fact
	from := to
	for _, f := range series {
		y, err := strconv.Atoi(f.Vintage)
		if err != nil || y >= from || !f.HasValue() || sourceFamily(f.Source) != sourceFamily(last.Source) {
			continue
		}
		first, from = f, y
	}
	if from == to {
		return "", "", 0, nil
	}
	return b.evolutionCell(first, last, from, to, ind.Unit, func(kind string) string {
		return fmt.Sprintf("Évolution %d-%d (%s) : %s et %s, valeurs publiées pour ce territoire, sur la même géographie (COG %d) ; aucune année n'est interpolée.",
			from, to, kind, first.Source, last.Source, b.a.Cube.COG())
	})
}

// sourceFamily is a source without its years ("Insee, Filosofi 2019" and
// "Insee, Filosofi 2021" are one series; "CNAF, allocataires par IRIS" is
// not "CNAF").
func sourceFamily(source string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return -1
		}
		return r
	}, source))
}

// isCensus reports whether a fact comes from the census (RP), the only
// source whose vintages the sheet compares.
func isCensus(f cube.Fact) bool {
	return strings.Contains(f.Source, "RP ") || strings.Contains(strings.ToLower(f.Source), "recensement")
}

// maps draws the locator and the surroundings map.
func (b *builder) maps(s *Sheet) error {
	level := atlas.SurroundingsLevel(b.t.Level)
	m, err := b.c.regionalMap(b.ctx, b.a, level)
	if err != nil {
		return err
	}
	sm, err := b.a.Surroundings(b.ctx, m, b.t.Code)
	if err != nil {
		return err
	}
	sm.Spec.Width, sm.Spec.Height = 680, 470
	sm.Spec.Title, sm.Spec.Subtitle, sm.Spec.Source = fr(sm.Spec.Title), fr(sm.Spec.Subtitle), fr(sm.Spec.Source)
	svg, err := maps.ChoroplethSVG(b.ctx, sm.Spec)
	if err != nil {
		return err
	}
	s.MapSVG = inlineSVG(svg, "carte")
	s.MapCaption = fr(fmt.Sprintf("Classes calculées sur toutes les %s de Bretagne : les couleurs se lisent de la même façon sur chaque fiche.",
		value.Level(level).Plural()))
	if b.t.Level == value.LevelRegion {
		return nil
	}
	loc, err := b.c.locatorOf(b.ctx, b.a)
	if err != nil {
		return err
	}
	lsvg, err := loc.SVG(b.ctx, b.t.Code)
	if err != nil {
		return err
	}
	s.LocatorSVG = inlineSVG(lsvg, "situation")
	return nil
}
