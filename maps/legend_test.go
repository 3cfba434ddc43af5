// This file tests legend labels, counts and special entries.

package maps

import (
	"strings"
	"testing"

	"github.com/region-bretagne/obs/classify"
	"github.com/region-bretagne/obs/palette"
	"github.com/region-bretagne/obs/svgdoc"
	"github.com/region-bretagne/obs/value"
)

const nb = "\u00a0" // NO-BREAK SPACE

func TestNewLegend(t *testing.T) {
	ylorrd, _ := palette.ByName("YlOrRd")
	b := classify.Breaks{Method: classify.Quantile, Bounds: []float64{2.17, 8.5, 10.2, 26.08}, Closure: classify.ClosedLeft, Note: "note de test"}
	lg, err := NewLegend(b, ylorrd, LegendCounts{Classes: []int{3, 4, 5}, Secret: 2, Floored: 1}, value.UnitPercent, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		kind  EntryKind
		label string
		words string
		color string
		count int
	}{
		{EntryClass, "[2,2" + nb + "%" + nb + "; 8,5" + nb + "%[", "de 2,2" + nb + "% à moins de 8,5" + nb + "%", "#ffeda0", 3},
		{EntryClass, "[8,5" + nb + "%" + nb + "; 10,2" + nb + "%[", "de 8,5" + nb + "% à moins de 10,2" + nb + "%", "#feb24c", 4},
		{EntryClass, "[10,2" + nb + "%" + nb + "; 26,1" + nb + "%]", "de 10,2" + nb + "% à 26,1" + nb + "%", "#f03b20", 5},
		{EntrySecret, LabelSecret, LabelSecret, svgdoc.SecretColor, 2},
	}
	if len(lg.Entries) != len(want) {
		t.Fatalf("%d entries, want %d: %+v", len(lg.Entries), len(want), lg.Entries)
	}
	for i, w := range want {
		e := lg.Entries[i]
		if e.Kind != w.kind || e.Label != w.label || e.Words != w.words || e.Color != w.color || e.Count != w.count {
			t.Errorf("entry %d = %+v\nwant %+v", i, e, w)
		}
	}
	if !lg.Entries[3].Hatched {
		t.Error("secret entry is not hatched")
	}
	if len(lg.Notes) != 2 || lg.Notes[0] != "note de test" || !strings.Contains(lg.Notes[1], "1 valeur(s) plancher") {
		t.Errorf("notes = %q", lg.Notes)
	}
}

func TestNewLegendEdgeCases(t *testing.T) {
	blues, _ := palette.ByName("Blues")
	tests := []struct {
		name      string
		b         classify.Breaks
		counts    LegendCounts
		unit      value.Unit
		decimals  int
		labels    []string
		wantError bool
	}{
		{"right closure", classify.Breaks{Bounds: []float64{0, 10, 20}, Closure: classify.ClosedRight}, LegendCounts{Classes: []int{1, 1}}, value.UnitEuro, 0,
			[]string{"[0" + nb + "€" + nb + "; 10" + nb + "€]", "]10" + nb + "€" + nb + "; 20" + nb + "€]"}, false},
		{"decimals raised so bounds differ", classify.Breaks{Bounds: []float64{1, 1.04, 2}}, LegendCounts{Classes: []int{1, 1}}, value.UnitRatio, 1,
			[]string{"[1,00" + nb + "; 1,04[", "[1,04" + nb + "; 2,00]"}, false},
		{"constant series", classify.Breaks{Bounds: []float64{7, 7}}, LegendCounts{Classes: []int{3}}, value.UnitCount, 0, []string{"7"}, false},
		{"all secret: no classes", classify.Breaks{}, LegendCounts{Secret: 4, Missing: 1}, value.UnitPercent, 1, []string{LabelSecret, LabelMissing}, false},
		{"thousands", classify.Breaks{Bounds: []float64{16680, 22711.4, 31110}}, LegendCounts{Classes: []int{1, 1}}, value.UnitEuro, 0,
			[]string{"[16\u202f680" + nb + "€" + nb + "; 22\u202f711" + nb + "€[", "[22\u202f711" + nb + "€" + nb + "; 31\u202f110" + nb + "€]"}, false},
		{"other unit", classify.Breaks{Bounds: []float64{0, 5}}, LegendCounts{Classes: []int{1}}, "hab./km²", 0, []string{"[0" + nb + "hab./km²" + nb + "; 5" + nb + "hab./km²]"}, false},
		{"wrong count length", classify.Breaks{Bounds: []float64{0, 1, 2}}, LegendCounts{Classes: []int{1}}, value.UnitCount, 0, nil, true},
		{"invalid breaks", classify.Breaks{Bounds: []float64{0, 2, 1}}, LegendCounts{Classes: []int{1, 1}}, value.UnitCount, 0, nil, true},
		{"too many classes for palette", classify.Breaks{Bounds: []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}}, LegendCounts{Classes: make([]int, 10)}, value.UnitCount, 0, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lg, err := NewLegend(tt.b, blues, tt.counts, tt.unit, tt.decimals)
			if tt.wantError {
				if err == nil {
					t.Fatalf("want an error, got %+v", lg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range lg.Entries {
				got = append(got, e.Label)
			}
			if strings.Join(got, "|") != strings.Join(tt.labels, "|") {
				t.Errorf("labels %q\nwant   %q", got, tt.labels)
			}
		})
	}
}

func TestClassColorsCentred(t *testing.T) {
	rdbu, _ := palette.ByName("RdBu_r") // blue below, red above
	all5, _ := rdbu.Colors(5)
	all6, _ := rdbu.Colors(6)
	tests := []struct {
		name   string
		bounds []float64
		center float64
		want   []string
	}{
		{"centre inside a class", []float64{0, 5, 8, 12, 15, 20}, 10, all5},
		{"centre on a break, 2 below 4 above", []float64{0, 5, 10, 12, 14, 16, 20}, 10, nil}, // set below
		{"centre on a break, symmetric", []float64{0, 3, 6, 10, 12, 14, 20}, 10, all6},
		{"all above", []float64{11, 12, 13}, 10, nil}, // set below
	}
	// The second case: 2 classes below, 4 above: 8 colours, the below side
	// takes colours 2..3 and the above side 4..7.
	all8, _ := rdbu.Colors(8)
	tests[1].want = []string{all8[2], all8[3], all8[4], all8[5], all8[6], all8[7]}
	all4, _ := rdbu.Colors(4)
	tests[3].want = []string{all4[2], all4[3]}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := rdbu.WithCenter(tt.center).ClassColors(classify.Breaks{Bounds: tt.bounds})
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("got  %v\nwant %v", got, tt.want)
			}
		})
	}
	seq, _ := palette.ByName("Blues")
	got, _ := seq.WithCenter(10).ClassColors(classify.Breaks{Bounds: []float64{0, 5, 20}})
	if want, _ := seq.Colors(2); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("sequential palette must ignore the centre: %v", got)
	}
	if _, err := rdbu.WithCenter(0).ClassColors(classify.Breaks{Bounds: []float64{0, 1, 2, 3, 4, 5, 6, 7}}); err == nil {
		t.Error("7 classes above the centre need 14 colours: want an error")
	}
}
