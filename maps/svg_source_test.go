// Tests of the source lines under a map: a long source wraps to the map's
// width instead of running off its right edge.

package maps

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/region-bretagne/obs/svgdoc"
)

var sourceText = regexp.MustCompile(`<text class="source" x="[^"]*" y="([^"]*)"[^>]*>([^<]*)</text>`)

func TestSourceLinesWrap(t *testing.T) {
	long := "ANCT/Insee/CNAF, quartiers prioritaires de la politique de la ville (REVN, DEMO, IPRO), données publiées en 2022 ; Insee, Filosofi 2021"
	tests := []struct {
		name          string
		width         int
		source        string
		wantMultiline bool
	}{
		{"short source, one line", 800, "Insee, RP 2022", false},
		{"long source, narrow map", 420, long, true},
		{"long source, wide map", 1600, long, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			spec := fixtureSpec(t)
			spec.Width, spec.Source = tc.width, tc.source
			svg, err := ChoroplethSVG(context.Background(), spec)
			if err != nil {
				t.Fatal(err)
			}
			m := sourceText.FindAllStringSubmatch(string(svg), -1)
			if len(m) == 0 {
				t.Fatal("no source line")
			}
			if got := len(m) > 1; got != tc.wantMultiline {
				t.Errorf("%d source lines, want multiline %v", len(m), tc.wantMultiline)
			}
			var words []string
			last := -1.0
			for _, line := range m {
				y, _ := strconv.ParseFloat(line[1], 64)
				if y <= last {
					t.Errorf("source lines not stacked downwards: y %v after %v", y, last)
				}
				last = y
				if w := float64(len([]rune(line[2]))) * 6.6; w > float64(tc.width) {
					t.Errorf("line %q (~%.0f px) wider than the map (%d px)", line[2], w, tc.width)
				}
				words = append(words, line[2])
			}
			if want := sourceLine(spec); strings.Join(words, " ") != svgdoc.Esc(want) {
				t.Errorf("source lines %q lose words of %q", words, want)
			}
		})
	}
}
