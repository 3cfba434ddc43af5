package atlas

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/region-bretagne/obs/pipeline/pipelinetest"
	"github.com/region-bretagne/obs/store"
	"github.com/region-bretagne/obs/value"
)

// testAtlas opens an atlas on the full store of the staged data
// (pipelinetest), closed at the end of the test.
func testAtlas(t testing.TB) *Atlas {
	t.Helper()
	db, err := store.Open(context.Background(), pipelinetest.Store(t), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	a, err := New(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestChoroplethKeepsStatuses(t *testing.T) {
	a := testAtlas(t)
	m, err := a.Choropleth(context.Background(), Request{Indicator: "taux_pauvrete", Level: "commune", QPV: true})
	if err != nil {
		t.Fatal(err)
	}
	counts := map[value.Status]int{}
	for _, ar := range m.Spec.Areas {
		counts[ar.Status]++
		if (ar.Status == value.StatusSecret || ar.Status == value.StatusMissing) && ar.Value != 0 {
			t.Errorf("%s %s carries value %v", ar.Code, ar.Status, ar.Value)
		}
	}
	if len(m.Spec.Areas) != 1202 || counts[value.StatusSecret] == 0 || counts[value.StatusMissing] == 0 {
		t.Errorf("%d areas, statuses %v: want 1202 with secret and missing ones", len(m.Spec.Areas), counts)
	}
	if m.Spec.Source == "" || m.Spec.Vintage != "2021" || m.Spec.GeoVintage != "COG 2026" {
		t.Errorf("source %q vintage %q geography %q", m.Spec.Source, m.Spec.Vintage, m.Spec.GeoVintage)
	}
	if len(m.Spec.QPV) != 6 || len(m.Spec.Overlay) != 4 {
		t.Errorf("%d QPV outlines and %d département borders, want 6 and 4", len(m.Spec.QPV), len(m.Spec.Overlay))
	}
	if got := m.Spec.Breaks.Classes(); got != 5 {
		t.Errorf("%d classes, want 5", got)
	}
}

func TestChoroplethRefuses(t *testing.T) {
	a := testAtlas(t)
	tests := []struct {
		req  Request
		want string
	}{
		{Request{Indicator: "nope"}, "indicateur inconnu"},
		{Request{Indicator: "taux_chomage_15_64", Level: "canton"}, "niveau de carte inconnu"},
		{Request{Indicator: "taux_pauvrete", Level: "iris", Territory: "35"}, "une commune ou un EPCI"},
		{Request{Indicator: "taux_pauvrete", Level: "iris", Territory: "29019"}, "aucun territoire de ce niveau"},
		{Request{Indicator: "taux_chomage_15_64", Method: "manual"}, "au moins deux bornes"},
		{Request{Indicator: "taux_chomage_15_64", Classes: 12}, "hors de 2 à 9"},
		{Request{Indicator: "taux_chomage_15_64", Public: "martiens"}, "public"},
	}
	for _, tc := range tests {
		_, err := a.Choropleth(context.Background(), tc.req)
		var ae *Error
		if err == nil || !errors.As(err, &ae) || !strings.Contains(ae.FR, tc.want) || ae.EN == "" {
			t.Errorf("%+v: error %v, want a bilingual error saying %q", tc.req, err, tc.want)
		}
	}
}

func TestCountsDrawnAsSymbols(t *testing.T) {
	a := testAtlas(t)
	ctx := context.Background()
	m, err := a.Choropleth(ctx, Request{Indicator: "population", Level: "epci"})
	if err != nil {
		t.Fatal(err)
	}
	if !m.Symbols {
		t.Fatal("a count is drawn as a choropleth")
	}
	svg, err := m.SVG(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(svg), "<circle"); n < 61 {
		t.Errorf("%d circles for 61 EPCI", n)
	}
	m, err = a.Choropleth(ctx, Request{Indicator: "taux_chomage_15_64", Level: "epci"})
	if err != nil || m.Symbols {
		t.Errorf("a rate is not a choropleth (%v)", err)
	}
}
