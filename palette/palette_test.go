// This file tests the palettes, including a check of every colour against
// RColorBrewer when R is installed.

package palette

import (
	"github.com/region-bretagne/obs/tooltest"
	"os"
	"os/exec"
	"strings"
	"testing"
)

func TestPaletteByName(t *testing.T) {
	tests := []struct {
		name      string
		n         int
		wantName  string
		first     string
		last      string
		kind      Kind
		cbSafe    bool
		wantError bool
	}{
		{"", 5, "YlOrRd", "#ffffb2", "#bd0026", Sequential, true, false},
		{"blues", 3, "Blues", "#deebf7", "#3182bd", Sequential, true, false},
		{"Blues_r", 3, "Blues_r", "#3182bd", "#deebf7", Sequential, true, false},
		{"RdBu", 11, "RdBu", "#67001f", "#053061", Diverging, true, false},
		{"Spectral", 5, "Spectral", "#d7191c", "#2b83ba", Diverging, false, false},
		{"Blues", 1, "Blues", "#9ecae1", "#9ecae1", Sequential, true, false},
		{"Blues", 2, "Blues", "#deebf7", "#3182bd", Sequential, true, false},
		{"Blues", 10, "", "", "", "", false, true},
		{"Blues", 0, "", "", "", "", false, true},
		{"Jet", 5, "", "", "", "", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ByName(tt.name)
			var cols []string
			if err == nil {
				cols, err = p.Colors(tt.n)
			}
			if tt.wantError {
				if err == nil {
					t.Fatalf("want an error, got %v", cols)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if p.Name != tt.wantName || p.Kind != tt.kind || p.ColorBlindSafe != tt.cbSafe {
				t.Errorf("palette = %+v", p)
			}
			if len(cols) != tt.n || cols[0] != tt.first || cols[len(cols)-1] != tt.last {
				t.Errorf("Colors(%d) = %v, want %d colours from %s to %s", tt.n, cols, tt.n, tt.first, tt.last)
			}
		})
	}
	def, _ := ByName(Default)
	if !def.ColorBlindSafe {
		t.Errorf("default palette %s is not colour-blind safe", Default)
	}
	if got := len(All()); got != 27 {
		t.Errorf("All() has %d schemes, want 27 (18 sequential + 9 diverging)", got)
	}
}

// TestPalettesMatchRColorBrewer checks every generated colour against
// RColorBrewer::brewer.pal (the table is generated from it, so this guards
// hand edits). Missing R or RColorBrewer fails in CI and skips locally.
func TestPalettesMatchRColorBrewer(t *testing.T) {
	rscript := tooltest.Need(t, "Rscript", "r-base-core")
	script := `if (!requireNamespace("RColorBrewer", quietly = TRUE)) quit(status = 3)
library(RColorBrewer)
info <- brewer.pal.info[brewer.pal.info$category %in% c("seq", "div"), ]
for (nm in rownames(info)) for (n in 3:info[nm, "maxcolors"])
  cat(nm, info[nm, "colorblind"], n, tolower(brewer.pal(n, nm)), "\n")`
	cmd := exec.Command(rscript, "-e", script)
	out, err := cmd.Output()
	if cmd.ProcessState != nil && cmd.ProcessState.ExitCode() == 3 {
		if os.Getenv("CI") != "" {
			t.Fatal("R package RColorBrewer missing: run scripts/deps-maps.sh")
		}
		t.Skip("RColorBrewer not installed")
	}
	if err != nil {
		t.Fatalf("Rscript: %v", err)
	}
	lines := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		p, err := ByName(f[0])
		if err != nil {
			t.Errorf("R scheme %s: %v", f[0], err)
			continue
		}
		if cb := f[1] == "TRUE"; p.ColorBlindSafe != cb {
			t.Errorf("%s colour-blind flag %v, R says %v", f[0], p.ColorBlindSafe, cb)
		}
		cols, err := p.Colors(len(f) - 3)
		if err != nil {
			t.Errorf("%s: %v", line, err)
			continue
		}
		if got, want := strings.Join(cols, " "), strings.Join(f[3:], " "); got != want {
			t.Errorf("%s %s: got %s, R gives %s", f[0], f[2], got, want)
		}
		lines++
	}
	if lines != 18*7+9*9 {
		t.Errorf("compared %d schemes×sizes, want %d", lines, 18*7+9*9)
	}
}
