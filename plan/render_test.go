// Tests of the bilan in HTML: one section per theme of the plan, badges
// with symbol and text, sparklines, counts per pilot, footnotes with
// sources and vintages, French typography, no raw NaN.

package plan_test

import (
	"context"
	"strings"
	"testing"

	"github.com/region-bretagne/obs/plan"
)

func TestBilanHTML(t *testing.T) {
	c := realCube(t)
	b, err := plan.Evaluate(context.Background(), c, loadExample(t, c), 2026)
	if err != nil {
		t.Fatal(err)
	}
	body, err := b.HTML(c.Catalogue())
	if err != nil {
		t.Fatal(err)
	}
	page := string(body)
	for _, th := range c.Catalogue().Themes {
		if !strings.Contains(page, "<h2>"+strings.ReplaceAll(th.Label, "'", "&#39;")+"</h2>") {
			t.Errorf("no section for theme %q", th.Label)
		}
	}
	for _, r := range b.Results {
		sym, class := r.Status.Badge()
		badge := `<span class="badge ` + class + `">` + sym + " " + strings.ReplaceAll(string(r.Status), "'", "&#39;") + "</span>"
		if !strings.Contains(page, badge) {
			t.Errorf("line %d: no badge %q", r.Line, badge)
		}
	}
	for _, want := range []string{"@page { size: A4", `class="spark"`, "Statuts par pilote", "Direction des solidarités", "Lacunes du plan",
		"Sources et millésimes", "<sup>1</sup>", "COG 2026", "\u00a0%"} {
		if !strings.Contains(page, want) {
			t.Errorf("bilan lacks %q", want)
		}
	}
	if strings.Contains(page, "NaN") {
		t.Error("bilan shows NaN")
	}
}
