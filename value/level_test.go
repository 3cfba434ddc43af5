// Tests of the levels: their ids and French names.

package value

import "testing"

func TestLevelNames(t *testing.T) {
	tests := []struct {
		l                    Level
		label, plural, short string
	}{
		{LevelIRIS, "Quartier IRIS", "quartiers IRIS", "IRIS"},
		{LevelQPV, "Quartier prioritaire (QPV)", "quartiers prioritaires", "QPV"},
		{LevelCommune, "Commune", "communes", "Commune"},
		{LevelEPCI, "Intercommunalité (EPCI)", "intercommunalités (EPCI)", "EPCI"},
		{LevelDepartement, "Département", "départements", "Département"},
		{LevelRegion, "Région", "région", "Région"},
		{LevelFrance, "France métropolitaine", "France métropolitaine", "France"},
	}
	if len(tests) != len(Levels) {
		t.Fatalf("%d levels tested, %d defined", len(tests), len(Levels))
	}
	for _, tc := range tests {
		if got := tc.l.Label(); got != tc.label {
			t.Errorf("%s.Label() = %q, want %q", tc.l, got, tc.label)
		}
		if got := tc.l.Plural(); got != tc.plural {
			t.Errorf("%s.Plural() = %q, want %q", tc.l, got, tc.plural)
		}
		if got := tc.l.Short(); got != tc.short {
			t.Errorf("%s.Short() = %q, want %q", tc.l, got, tc.short)
		}
		if got, err := ParseLevel(string(tc.l)); err != nil || got != tc.l {
			t.Errorf("ParseLevel(%q) = %q, %v", tc.l, got, err)
		}
	}
	if _, err := ParseLevel("canton"); err == nil {
		t.Error("ParseLevel(canton): no error")
	}
	if got := JoinLevels(AdminLevels, "|"); got != "commune|epci|departement|region|france" {
		t.Errorf("JoinLevels(AdminLevels) = %q", got)
	}
}
