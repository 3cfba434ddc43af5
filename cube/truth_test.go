// Truth tests on the real Breton rows: every expected figure is computed
// here independently from the raw CSV (encoding/csv) and the raw COG JSON,
// never through the cube.

package cube_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/value"
)

// rawCSV reads a staged INSEE file into rows keyed by column name.
func rawCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = rec[i]
		}
		out = append(out, m)
	}
	return out
}

// rawEPCI reads the COG 2026 EPCI list: EPCI code -> member commune codes.
func rawEPCI(t *testing.T, data string) map[string][]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(data, "cog", "decoupage-administratif-6.0.0", "epci.json"))
	if err != nil {
		t.Fatal(err)
	}
	var es []struct {
		Code    string `json:"code"`
		Membres []struct {
			Code string `json:"code"`
		} `json:"membres"`
	}
	if err := json.Unmarshal(b, &es); err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, e := range es {
		for _, m := range e.Membres {
			out[e.Code] = append(out[e.Code], m.Code)
		}
	}
	return out
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("raw value %q: %v", s, err)
	}
	return v
}

func TestRegionPopulationIsSumOfCommunes(t *testing.T) {
	_, c := realCube(t)
	ctx := context.Background()
	communes, err := c.Values(ctx, "population", "commune", "2022", "ensemble")
	if err != nil {
		t.Fatal(err)
	}
	regions, err := c.Values(ctx, "population", "region", "2022", "ensemble")
	if err != nil {
		t.Fatal(err)
	}
	var sum float64
	for _, f := range communes {
		if f.Status != value.StatusOK {
			t.Errorf("commune %s population status %s (%s)", f.Code, f.Status, f.Reason)
		}
		sum += f.Value
	}
	// Independent: the raw comparateur's P22_POP over Breton rows.
	var raw float64
	for _, r := range rawCSV(t, filepath.Join(stagedData(t), "insee", "base_cc_comparateur_bretagne.csv")) {
		if r["P22_POP"] != "" {
			raw += num(t, r["P22_POP"])
		}
	}
	if len(regions) != 1 || regions[0].Code != "53" {
		t.Fatalf("regions = %+v", regions)
	}
	if got := regions[0].Value; got != sum || got != raw || got != 3422845 {
		t.Errorf("region population %v, sum of communes %v, raw CSV %v, want all 3 422 845", got, sum, raw)
	}
	if regions[0].Coverage != 1 || regions[0].Status != value.StatusOK {
		t.Errorf("region population coverage %v status %s", regions[0].Coverage, regions[0].Status)
	}
}

func TestEPCIUnemploymentIsRatioOfSums(t *testing.T) {
	_, c := realCube(t)
	data := stagedData(t)
	raw := map[string]map[string]string{}
	for _, r := range rawCSV(t, filepath.Join(data, "insee", "base_cc_comparateur_bretagne.csv")) {
		raw[r["CODGEO"]] = r
	}
	members := rawEPCI(t, data)
	facts, err := c.Values(context.Background(), "taux_chomage_15_64", "epci", "2022", "ensemble")
	if err != nil {
		t.Fatal(err)
	}
	if len(facts) != 61 {
		t.Errorf("%d EPCI facts, want 61", len(facts))
	}
	for _, f := range facts {
		var chom, act, sumRates float64
		n := 0
		for _, code := range members[f.Code] {
			r, breton := raw[code]
			if !breton {
				continue // outside Bretagne: the cross-border EPCI count their Breton part only
			}
			ch, ac := num(t, r["P22_CHOM1564"]), num(t, r["P22_ACT1564"])
			chom += ch
			act += ac
			sumRates += ch / ac * 100
			n++
		}
		want := chom / act * 100
		if math.Abs(f.Value-want) > 1e-9*want {
			t.Errorf("EPCI %s %s: %v, want sum(P22_CHOM1564)/sum(P22_ACT1564) = %v", f.Code, f.Name, f.Value, want)
		}
		if math.Abs(f.Numerator-chom) > 1e-6 || math.Abs(f.Denominator-act) > 1e-6 {
			t.Errorf("EPCI %s: parts %v/%v, want %v/%v", f.Code, f.Numerator, f.Denominator, chom, act)
		}
		if mean := sumRates / float64(n); n > 1 && math.Abs(f.Value-mean) < 1e-6 {
			t.Errorf("EPCI %s: rate %v equals the mean of commune rates %v", f.Code, f.Value, mean)
		}
		if f.Coverage != 1 || f.Status != value.StatusOK {
			t.Errorf("EPCI %s: coverage %v status %s", f.Code, f.Coverage, f.Status)
		}
		if f.CrossBorder != (f.Code == "243500741" || f.Code == "244400610") {
			t.Errorf("EPCI %s: cross-border flag %v", f.Code, f.CrossBorder)
		}
	}
}

func TestPovertyRateNotComputedFromCommunes(t *testing.T) {
	ctx := context.Background()
	_, c := realCube(t)
	for _, level := range []value.Level{value.LevelEPCI, value.LevelDepartement, value.LevelRegion, value.LevelFrance} {
		facts, err := c.Values(ctx, "taux_pauvrete", level, "2021", "ensemble")
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range facts {
			if f.HasValue() || f.Status != value.StatusMissing || f.Reason != cube.ReasonNotPublished {
				t.Errorf("real data, %s %s: %v %s %q, want missing %q", level, f.Code, f.Value, f.Status, f.Reason, cube.ReasonNotPublished)
			}
		}
	}
	// With the Filosofi EPCI fixture loaded, the published value is taken.
	_, o := overlayCube(t)
	facts, err := o.Values(ctx, "taux_pauvrete", "epci", "2021", "ensemble")
	if err != nil {
		t.Fatal(err)
	}
	published := map[string]float64{"243500139": 13.2, "242900314": 12.4, "243500741": 11.1}
	for _, f := range facts {
		want, ok := published[f.Code]
		switch {
		case ok && (f.Value != want || f.Status != value.StatusOK):
			t.Errorf("fixture EPCI %s: %v %s, want published %v", f.Code, f.Value, f.Status, want)
		case !ok && (f.HasValue() || f.Reason != cube.ReasonNotPublished):
			t.Errorf("EPCI %s absent from the file: %v %q, want missing %q", f.Code, f.Value, f.Reason, cube.ReasonNotPublished)
		}
	}
	region, err := o.Values(ctx, "taux_pauvrete", "region", "2021", "locataires")
	if err != nil {
		t.Fatal(err)
	}
	if region[0].Value != 23.6 {
		t.Errorf("région, locataires: %v, want the published 23,6", region[0].Value)
	}
}

func TestNonAdditiveNotConvertedAcrossMerges(t *testing.T) {
	_, c := realCube(t)
	ctx := context.Background()
	raw := map[string]map[string]string{}
	for _, r := range rawCSV(t, filepath.Join(stagedData(t), "insee", "base_cc_comparateur_bretagne.csv")) {
		raw[r["CODGEO"]] = r
	}
	med, err := c.Values(ctx, "niveau_vie_median", "commune", "2021", "ensemble")
	if err != nil {
		t.Fatal(err)
	}
	hh, err := c.Values(ctx, "menages_fiscaux", "commune", "2021", "ensemble")
	if err != nil {
		t.Fatal(err)
	}
	find := func(fs []cube.Fact, code string) cube.Fact {
		for _, f := range fs {
			if f.Code == code {
				return f
			}
		}
		t.Fatalf("no fact for %s", code)
		return cube.Fact{}
	}
	// 22241 absorbed 22027 and 22043 on 1 January 2025.
	if f := find(med, "22241"); f.HasValue() || f.Status != value.StatusMissing {
		t.Errorf("merged commune median on COG 2026: %v %s, want missing", f.Value, f.Status)
	}
	want := num(t, raw["22241"]["NBMENFISC21"]) + num(t, raw["22027"]["NBMENFISC21"]) + num(t, raw["22043"]["NBMENFISC21"])
	if f := find(hh, "22241"); f.Value != want {
		t.Errorf("merged commune fiscal households on COG 2026: %v, want the sum %v", f.Value, want)
	}
	if f := find(med, "35238"); f.Value != num(t, raw["35238"]["MED21"]) {
		t.Errorf("Rennes median %v, want %s", f.Value, raw["35238"]["MED21"])
	}
}
