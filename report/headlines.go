// Headline figures at the top of a sheet: population, unemployment,
// poverty, single-parent families… each with its reference value (the
// region's, or France's on the region sheet) or the reason it is absent.

package report

import (
	"fmt"

	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/value"
)

// headlineSpecs are the key figures, in reading order, with the words
// printed under the value.
var headlineSpecs = []struct{ id, label string }{
	{"population", "habitants"},
	{"densite_population", "habitants par km²"},
	{"taux_chomage_15_64", "taux de chômage des 15-64 ans"},
	{"taux_pauvrete", "taux de pauvreté (seuil à 60 % du niveau de vie médian)"},
	{"niveau_vie_median", "niveau de vie médian annuel"},
	{"part_familles_monoparentales", "des familles sont monoparentales"},
	{"part_75_ans_et_plus", "des habitants ont 75 ans ou plus"},
	{"part_personnes_seules", "des ménages sont une personne seule"},
}

// headlines builds the key figures.
func (b *builder) headlines() ([]Headline, error) {
	var out []Headline
	for _, h := range headlineSpecs {
		c, ok := b.cmp[h.id]
		if !ok || c.Vintage == "" {
			continue // not in this catalogue or no data at all: the tables say why
		}
		ind := c.Indicator
		f := c.Facts[0]
		hl := Headline{ID: h.id, Label: fr(h.label + ", " + c.Vintage), Value: fr(valueText(f, ind.Unit, ind.Decimals))}
		if f.HasValue() {
			hl.Ref = b.notes.source(f)
			if ref, ok := b.reference(c); ok {
				hl.Note = fr(ref)
			}
			if h.id == "population" {
				if evol, period, _, err := b.evolution(c); err != nil {
					return nil, err
				} else if evol != "" {
					hl.Note = fr(evol + " (" + period + ")")
				}
			}
		} else {
			hl.Ref = b.notes.reason(f)
			hl.Note = fr(f.Reason)
		}
		out = append(out, hl)
	}
	return out, nil
}

// reference is the value of the broadest reference shown (the region, or
// France on the region sheet): "Bretagne : 9,7 %".
func (b *builder) reference(c cube.Comparison) (string, bool) {
	for i := len(b.cols) - 1; i >= 1; i-- {
		j := b.cols[i]
		f := c.Facts[j]
		if f.Level != value.LevelRegion && f.Level != value.LevelFrance {
			continue
		}
		if !f.HasValue() {
			continue
		}
		return fmt.Sprintf("%s : %s", b.chain[j].Name, cellUnit(c.Indicator.Unit).Format(f.Value, c.Indicator.Decimals)), true
	}
	return "", false
}
