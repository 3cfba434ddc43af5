// This file checks the Lambert-93 projection against PROJ's cs2cs.

package lambert93

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/project"
	"github.com/region-bretagne/obs/tooltest"
)

// bretonPoints are WGS84 lon/lat points across Bretagne and its corners.
var bretonPoints = []struct {
	name     string
	lon, lat float64
}{
	{"Rennes", -1.6800, 48.1113},
	{"Brest", -4.4861, 48.3904},
	{"Quimper", -4.1024, 47.9960},
	{"Vannes", -2.7603, 47.6582},
	{"Saint-Brieuc", -2.7603, 48.5141},
	{"Lorient", -3.3702, 47.7483},
	{"Saint-Malo", -2.0253, 48.6493},
	{"Lannion", -3.4597, 48.7326},
	{"Fougères", -1.2019, 48.3524},
	{"Vitré", -1.2150, 48.1238},
	{"Redon", -2.0847, 47.6519},
	{"Pontivy", -2.9629, 48.0685},
	{"Morlaix", -3.8278, 48.5776},
	{"Ouessant (Lampaul)", -5.1000, 48.4560},
	{"Île de Sein", -4.8500, 48.0380},
	{"Pointe du Raz", -4.7300, 48.0390},
	{"Belle-Île (Le Palais)", -3.1530, 47.3470},
	{"Bréhat", -3.0000, 48.8460},
	{"corner SW", -5.15, 47.25},
	{"corner NW", -5.15, 48.90},
	{"corner NE", -1.00, 48.90},
	{"corner SE", -1.00, 47.25},
	{"Sept-Îles", -3.4900, 48.8800},
	{"Groix", -3.4600, 47.6380},
}

func TestLambert93MatchesPROJ(t *testing.T) {
	cs2cs := tooltest.Need(t, "cs2cs", "proj-bin")
	var in bytes.Buffer
	for _, p := range bretonPoints {
		// EPSG:4326 has latitude first in PROJ's authority axis order.
		fmt.Fprintf(&in, "%.10f %.10f\n", p.lat, p.lon)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, cs2cs, "-f", "%.6f", "EPSG:4326", "EPSG:2154")
	cmd.Stdin = &in
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("cs2cs: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != len(bretonPoints) {
		t.Fatalf("cs2cs gave %d lines for %d points:\n%s", len(lines), len(bretonPoints), out)
	}
	for i, p := range bretonPoints {
		f := strings.Fields(lines[i])
		if len(f) < 2 {
			t.Fatalf("cs2cs line %d: %q", i+1, lines[i])
		}
		wx, err1 := strconv.ParseFloat(f[0], 64)
		wy, err2 := strconv.ParseFloat(f[1], 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("cs2cs line %d: %q", i+1, lines[i])
		}
		got := Project(orb.Point{p.lon, p.lat})
		if dx, dy := got[0]-wx, got[1]-wy; math.Hypot(dx, dy) > 0.001 {
			t.Errorf("%s (%v, %v): got (%.6f, %.6f), PROJ (%.6f, %.6f), off by %.4f m",
				p.name, p.lon, p.lat, got[0], got[1], wx, wy, math.Hypot(dx, dy))
		}
	}
}

func TestLambert93KnownValues(t *testing.T) {
	// Reference values from cs2cs 9.1.1 (EPSG:4326 → EPSG:2154), kept here
	// so that the projection is checked even where PROJ is not installed.
	tests := []struct {
		name     string
		in, want orb.Point
	}{
		{"origin", orb.Point{3, 46.5}, orb.Point{700000, 6600000}},
		{"first standard parallel", orb.Point{3, 49}, orb.Point{700000, 6877786.7007}},
		{"second standard parallel", orb.Point{3, 44}, orb.Point{700000, 6322333.1395}},
		{"Rennes", orb.Point{-1.68, 48.1113}, orb.Point{351904.459074, 6789310.625506}},
	}
	for _, tt := range tests {
		got := Project(tt.in)
		if d := math.Hypot(got[0]-tt.want[0], got[1]-tt.want[1]); d > 0.001 {
			t.Errorf("%s: Project(%v) = %.4f, want %.4f (off by %.4f m)", tt.name, tt.in, got, tt.want, d)
		}
	}
	// Works through orb/project on whole geometries.
	ring := orb.Polygon{{{-1.7, 48.1}, {-1.6, 48.1}, {-1.6, 48.2}, {-1.7, 48.1}}}
	proj := project.Polygon(ring.Clone(), Project)
	if proj[0][0] != Project(ring[0][0]) {
		t.Errorf("project.Polygon disagrees with Lambert93: %v", proj[0][0])
	}
}
