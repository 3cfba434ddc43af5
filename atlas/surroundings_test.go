package atlas

import (
	"context"
	"slices"
	"testing"
)

func TestSurroundings(t *testing.T) {
	a := testAtlas(t)
	ctx := context.Background()
	communes, err := a.Choropleth(ctx, Request{Indicator: "taux_chomage_15_64", Level: "commune"})
	if err != nil {
		t.Fatal(err)
	}
	epcis, err := a.Choropleth(ctx, Request{Indicator: "taux_chomage_15_64", Level: "epci"})
	if err != nil {
		t.Fatal(err)
	}
	members := func(pred func(code string) bool) []string {
		var out []string
		for _, c := range a.Cube.Territories("commune") {
			if pred(c.Code) {
				out = append(out, c.Code)
			}
		}
		return out
	}
	byCode := map[string]string{}
	for _, c := range a.Cube.Territories("commune") {
		byCode[c.Code] = c.EPCI
	}
	for _, tc := range []struct {
		code      string
		full      *Map
		mustHave  []string
		min, max  int
		highlight string
		overlays  int
	}{
		// Rennes Métropole: its 43 communes, some neighbours, its border.
		{"243500139", communes, members(func(c string) bool { return byCode[c] == "243500139" }), 44, 400, "", 1},
		// Rennes: outlined, within its EPCI's border.
		{"35238", communes, []string{"35238", "35051"}, minNeighbours, 200, "35238", 1},
		// Île-de-Sein: an island with no commune within kilometres, and no
		// EPCI; the box widens until it holds a dozen communes.
		{"29083", communes, []string{"29083"}, minNeighbours, 200, "29083", 0},
		// Ille-et-Vilaine: exactly its 332 communes, with the EPCI borders.
		{"35", communes, members(func(c string) bool { return c[:2] == "35" }), 332, 332, "", 0},
		// The region: every EPCI, with the département borders.
		{"53", epcis, []string{"243500139", "244400610"}, 61, 61, "", 4},
	} {
		t.Run(tc.code, func(t *testing.T) {
			m, err := a.Surroundings(ctx, tc.full, tc.code)
			if err != nil {
				t.Fatal(err)
			}
			var codes []string
			for _, ar := range m.Spec.Areas {
				codes = append(codes, ar.Code)
			}
			for _, c := range tc.mustHave {
				if !slices.Contains(codes, c) {
					t.Errorf("%s missing from the surroundings", c)
				}
			}
			if n := len(codes); n < tc.min || n > tc.max {
				t.Errorf("%d areas, want %d to %d", n, tc.min, tc.max)
			}
			if m.Spec.Highlight != tc.highlight {
				t.Errorf("highlight %q, want %q", m.Spec.Highlight, tc.highlight)
			}
			if tc.overlays > 0 && len(m.Spec.Overlay) != tc.overlays && tc.code != "35" {
				t.Errorf("%d overlays, want %d", len(m.Spec.Overlay), tc.overlays)
			}
			if tc.code == "35" && len(m.Spec.Overlay) < 15 {
				t.Errorf("%d EPCI borders over Ille-et-Vilaine, want its EPCI", len(m.Spec.Overlay))
			}
			// Regional classes: the same breaks as the whole map.
			if !slices.Equal(m.Spec.Breaks.Bounds, tc.full.Spec.Breaks.Bounds) {
				t.Errorf("breaks %v, want the regional %v", m.Spec.Breaks.Bounds, tc.full.Spec.Breaks.Bounds)
			}
			if len(m.Facts) != len(m.Spec.Areas) {
				t.Errorf("%d facts for %d areas", len(m.Facts), len(m.Spec.Areas))
			}
		})
	}
	if len(communes.Spec.Areas) != 1202 || len(communes.Spec.Overlay) != 4 {
		t.Errorf("the regional map was modified: %d areas, %d overlays", len(communes.Spec.Areas), len(communes.Spec.Overlay))
	}
	if _, err := a.Surroundings(ctx, communes, "99999"); err == nil {
		t.Error("unknown territory: no error")
	}
}
