// This file tests the HTML fragments of the charts, written for a page
// that already holds the echarts library.

package charts

import (
	"bytes"
	"strings"
	"testing"
)

func TestWriteFragment(t *testing.T) {
	c, err := referenceFixture().Echarts()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := c.WriteFragment(&buf); err != nil {
		t.Fatal(err)
	}
	frag := buf.String()
	for _, bad := range []string{"<html", "<head", "echarts.min.js"} {
		if strings.Contains(frag, bad) {
			t.Errorf("fragment holds %q: it must rely on the page's library", bad)
		}
	}
	if !strings.Contains(frag, `<div id="obs-reference" class="obs-chart" role="img" aria-label="Diagramme en barres comparant Rennes`) {
		t.Errorf("fragment lacks the accessible chart div:\n%.400s", frag)
	}
	// A tall chart keeps its minimum height.
	rk, err := rankingFixture().Echarts()
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if err := rk.WriteFragment(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `style="min-height: 1075px"`) {
		t.Errorf("ranking fragment lacks its min-height (61 rows)")
	}
}
