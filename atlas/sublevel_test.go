// Maps of the QPV and IRIS levels on the real data: the QPV without
// perimeter are listed, never dropped; the IRIS of one commune or EPCI
// alone; the figures are those of the raw files.

package atlas

import (
	"bytes"
	"context"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/region-bretagne/obs/maps"
	"github.com/region-bretagne/obs/value"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func TestSubLevelMaps(t *testing.T) {
	a := testAtlas(t)
	ctx := context.Background()
	tests := []struct {
		name             string
		req              Request
		drawn, unmapped  int
		min, max         float64 // published values of the drawn areas
		subtitle, golden string
	}{
		// 6 of the 32 Breton QPV 2015 have a perimeter in the data; the 26
		// others are in the companion table. REVN_2022: QP035004 TP60 49,8.
		{"qpv", Request{Indicator: "taux_pauvrete", Level: "qpv"}, 6, 26, 37.0, 49.8,
			"6 dessinés\u00a0; 26 sans périmètre ici", "qpv_taux_pauvrete.svg"},
		// Filosofi 2019 by IRIS, Rennes: 7,3 % (Les Mottais) to 58,1 % (Brno).
		{"iris of Rennes", Request{Indicator: "taux_pauvrete", Level: "iris", Territory: "35238"}, 0, 0, 7.3, 58.1,
			"Rennes", ""},
		{"iris of Rennes Métropole", Request{Indicator: "taux_pauvrete", Level: "iris", Territory: "243500139"}, 172, 0, math.NaN(), math.NaN(),
			"Rennes Métropole", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := a.Choropleth(ctx, tc.req)
			if err != nil {
				t.Fatal(err)
			}
			if tc.drawn > 0 && len(m.Spec.Areas) != tc.drawn {
				t.Errorf("%d areas drawn, want %d", len(m.Spec.Areas), tc.drawn)
			}
			if len(m.Spec.Unmapped) != tc.unmapped {
				t.Errorf("%d unmapped, want %d", len(m.Spec.Unmapped), tc.unmapped)
			}
			if !strings.Contains(m.Spec.Subtitle, tc.subtitle) {
				t.Errorf("subtitle %q does not say %q", m.Spec.Subtitle, tc.subtitle)
			}
			lo, hi := math.Inf(1), math.Inf(-1)
			for _, ar := range m.Spec.Areas {
				if ar.Status == value.StatusOK {
					lo, hi = math.Min(lo, ar.Value), math.Max(hi, ar.Value)
				}
			}
			if !math.IsNaN(tc.min) && (lo != tc.min || hi != tc.max) {
				t.Errorf("values from %v to %v, want %v to %v", lo, hi, tc.min, tc.max)
			}
			var table bytes.Buffer
			if err := maps.WriteTableCSV(&table, m.Spec); err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(table.String(), "\r\n") - 1; n != len(m.Spec.Areas)+tc.unmapped {
				t.Errorf("companion table: %d rows, want every territory (%d)", n, len(m.Spec.Areas)+tc.unmapped)
			}
			if tc.golden == "" {
				return
			}
			svg, err := m.SVG(ctx)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", tc.golden)
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, svg, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if !bytes.Equal(svg, want) {
				t.Errorf("SVG differs from %s (run with -update and review the diff)", path)
			}
		})
	}
}
