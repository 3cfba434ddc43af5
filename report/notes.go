// Footnotes of a sheet: one number per (source, vintage, COG) used and one
// per reason a value is absent, partial or approximate, numbered in the
// order the reader meets them.

package report

import (
	"fmt"
	"strings"

	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/value"
)

// notes numbers footnotes by their text.
type notes struct {
	list   []Footnote
	byText map[string]int
}

func newNotes() *notes { return &notes{byText: map[string]int{}} }

// add returns the number of a footnote, creating it on first use; the
// text gets French typography.
func (n *notes) add(text string) int {
	text = fr(text)
	if i, ok := n.byText[text]; ok {
		return i
	}
	i := len(n.list) + 1
	n.list = append(n.list, Footnote{N: i, Text: text})
	n.byText[text] = i
	return i
}

// source numbers the source of a fact: its source and vintage, on its COG.
func (n *notes) source(f cube.Fact) int {
	if f.Source == "" {
		return 0
	}
	return n.add(fmt.Sprintf("%s ; géographie au 1er janvier %d (COG %d).", f.Source, f.COG, f.COG))
}

// reason numbers the note explaining a fact's status, or returns 0 when the
// fact is plainly ok.
func (n *notes) reason(f cube.Fact) int {
	if f.Reason == "" && (f.Status == value.StatusOK || f.Status == "") {
		return 0
	}
	return n.add(reasonText(f))
}

// reasonText is the footnote of a fact's status: what the sheet prints and
// why, in French.
func reasonText(f cube.Fact) string {
	r := strings.TrimSpace(f.Reason)
	switch f.Status {
	case value.StatusSecret:
		if r == "" || strings.HasPrefix(r, "secret statistique") {
			return "« secret statistique » : non diffusé par l'Insee (secret statistique). Le secret de Filosofi n'est pas un seuil unique : dans la base communale 2021, les taux de pauvreté sont diffusés à partir de 778 ménages fiscaux et retenus jusqu'à 2 358, selon des conditions de secret fiscal. La valeur n'est ni remplacée par zéro ni recalculée par différence."
		}
		return "« secret statistique » : " + r + "."
	case value.StatusMissing:
		switch {
		case r == cube.ReasonNotPublished:
			return "« n.d. » : non publié à ce niveau. Indicateur non additif (taux de pauvreté, niveau de vie médian, salaire moyen…) : il ne se recalcule pas à partir des communes ; seule la valeur publiée par la source pour ce niveau géographique peut figurer ici, et aucune n'est chargée."
		case r == "":
			return "« n.d. » : non disponible."
		}
		return "« n.d. » : " + r + "."
	case value.StatusFloored:
		return "Valeur plancher : " + strings.TrimLeft(strings.TrimPrefix(r, "valeur plancher"), " \u00a0:") + " (« ≤ » devant la valeur)."
	case value.StatusEstimated:
		return "Valeur estimée : " + r + "."
	case value.StatusPartial:
		return "Couverture partielle, " + f.Name + " : " + r + "."
	}
	// A value shown with a caveat (coverage, Breton part only): say whose.
	return f.Name + " : " + r + "."
}

func capitalizeFirst(s string) string {
	for i, r := range s {
		if i == 0 {
			return strings.ToUpper(string(r)) + s[len(string(r)):]
		}
	}
	return s
}
