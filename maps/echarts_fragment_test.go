// This file tests the HTML fragment of the interactive map: its
// registerMap runs before the chart's option is set.

package maps

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestMapFragment(t *testing.T) {
	var buf bytes.Buffer
	// The map's fragment carries its registerMap before the chart's script.
	m, err := EchartsMap(context.Background(), fixtureSpec(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := m.WriteFragment(&buf); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	if r, o := strings.Index(s, "echarts.registerMap("), strings.Index(s, ".setOption("); r < 0 || o < 0 || r > o {
		t.Errorf("registerMap at %d, setOption at %d", r, o)
	}
}
