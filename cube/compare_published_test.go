// A commune's comparison shows its broader references' latest published
// value of a non-additive indicator, with that value's own vintage, when
// the commune's vintage is not published for them (Filosofi 2021 is
// communal only): never recomputed from the communes.

package cube_test

import (
	"context"
	"testing"

	"github.com/region-bretagne/obs/value"
)

func TestCompareShowsReferencesLatestPublished(t *testing.T) {
	_, c := realCube(t)
	cmps, err := c.Compare(context.Background(), "35238")
	if err != nil {
		t.Fatal(err)
	}
	raw := rawRow(t, rawTable(t, "filosofi/series/FILO2019_DISP_EPCI.csv"), "CODGEO", "243500139")
	cases := []struct {
		level       value.Level
		code        string
		vintage     string
		wantValue   float64
		wantPublish bool
	}{
		{value.LevelCommune, "35238", "2021", 0, true},
		{value.LevelEPCI, "243500139", "2019", frNum(t, raw["Q219"]), true},
	}
	for _, cmp := range cmps {
		if cmp.Indicator.ID != "niveau_vie_median" {
			continue
		}
		if cmp.Vintage != "2021" {
			t.Fatalf("Rennes median vintage %q, want 2021 (the communal file)", cmp.Vintage)
		}
		for _, tc := range cases {
			var got *struct{}
			for _, f := range cmp.Facts {
				if f.Level != tc.level || f.Code != tc.code {
					continue
				}
				got = &struct{}{}
				if f.Vintage != tc.vintage || f.Status != value.StatusOK {
					t.Errorf("%s %s: vintage %s status %s (%s), want %s published", tc.level, tc.code, f.Vintage, f.Status, f.Reason, tc.vintage)
				}
				if tc.wantValue != 0 && f.Value != tc.wantValue {
					t.Errorf("%s %s: %v, want the published %v", tc.level, tc.code, f.Value, tc.wantValue)
				}
			}
			if got == nil {
				t.Errorf("no %s %s in Rennes's comparison", tc.level, tc.code)
			}
		}
		return
	}
	t.Fatal("no niveau_vie_median in Rennes's comparison")
}
