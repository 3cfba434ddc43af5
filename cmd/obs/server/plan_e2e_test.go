// End-to-end test of the "Suivi du plan" page in headless Chromium:
// statuses by theme, and the drill-down of an action (series chart, map of
// its indicator, map of its statuses by EPCI).

package server

import (
	"testing"

	"github.com/chromedp/chromedp"
)

func TestPlanUI(t *testing.T) {
	_, ts := newServer(t, sharedStore(t))
	ctx := browser(t)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/ui/plan.html"),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready="1"]`)),
	); err != nil {
		t.Fatalf("page load: %v", err)
	}
	themes := eval[int](t, ctx, `document.querySelectorAll("#themes section[data-theme]").length`)
	if themes != 11 {
		t.Errorf("%d theme sections, want the 11 themes of the example plan", themes)
	}
	// Every badge shows its text, never the colour alone.
	empty := eval[int](t, ctx, `[...document.querySelectorAll("#themes .badge")].filter(b => b.textContent.trim().length < 3).length`)
	if empty != 0 {
		t.Errorf("%d badges without text", empty)
	}
	screenshot(t, ctx, "ui-plan.png")

	// Drill into line 19 (taux de couverture du RSA, Morbihan).
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#themes tr[data-line="19"]`))); err != nil {
		t.Fatalf("click: %v", err)
	}
	poll(t, ctx, `document.body.dataset.detail === "19"`, "the detail of line 19")
	poll(t, ctx, `!!document.querySelector("#serie svg") && !!document.querySelector("#carte svg")`, "the series chart and the map")
	poll(t, ctx, `document.querySelectorAll("#carte-statuts path[data-statut]").length === 61`, "61 EPCI on the status map")
	screenshot(t, ctx, "ui-plan-detail.png")
	choose(t, ctx, "niveau", "departement")
	poll(t, ctx, `document.querySelectorAll("#carte-statuts path[data-statut]").length === 4`, "4 départements on the status map")
}
