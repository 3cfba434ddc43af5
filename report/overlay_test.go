// Sheets on the staged data overlaid with the ingest fixtures of the
// sources not staged (Filosofi files by level, CAF): where a non-additive
// figure is published for a level, the sheet shows it. The fixtures'
// values are invented; what is checked is that the sheet prints what the
// source publishes for the level, and nothing computed from communes.

package report

import (
	"context"
	"strings"
	"testing"
)

func TestSheetShowsPublishedLevels(t *testing.T) {
	a := testOverlayAtlas(t)
	s, err := Build(context.Background(), a, "243500139")
	if err != nil {
		t.Fatal(err)
	}
	s.Generated = fixedDate
	b, err := s.HTML()
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	// FILO2021_DISP_PAUVRES_EPCI/DEP/REG publish 13,2 / 10,2 / 10,7 for
	// Rennes Métropole, Ille-et-Vilaine and Bretagne.
	cells := rowCells(t, page, "Taux de pauvreté à 60\u00a0%")
	want := []string{"13,2\u00a0%", "10,2\u00a0%", "10,7\u00a0%"}
	for i, w := range want {
		if i >= len(cells) || cells[i].Text != w || cells[i].Status != "ok" {
			t.Errorf("poverty rate, column %d: got %+v, want the published %q", i, cells, w)
			break
		}
	}
	if ref := rowRef(t, page, "Taux de pauvreté à 60\u00a0%"); !strings.Contains(footnote(t, page, ref), "Filosofi") {
		t.Errorf("poverty rate source note %q", footnote(t, page, ref))
	}
	if hl := s.headline("taux_pauvrete"); hl != "13,2\u00a0%" {
		t.Errorf("headline poverty rate %q, want 13,2 %%", hl)
	}
	// Published by age of the reference person for the EPCI: the chart
	// appears.
	if !strings.Contains(page, `id="graphique-age-taux_pauvrete-chart-title"`) {
		t.Error("no poverty-by-age chart although the EPCI file publishes it")
	}
	// The staged sheet has neither.
	_, staged := sheetHTML(t, "243500139")
	if strings.Contains(staged, `graphique-age-taux_pauvrete`) {
		t.Error("poverty-by-age chart drawn without published values")
	}
}

// rowRef returns the source footnote number of a row.
func rowRef(t *testing.T, page, label string) string {
	t.Helper()
	i := strings.Index(page, "<tr><td>"+label+" <span")
	if i < 0 {
		t.Fatalf("no row %q", label)
	}
	row := page[i:]
	j := strings.Index(row, "<sup>")
	k := strings.Index(row, "</sup>")
	return row[j+len("<sup>") : k]
}
