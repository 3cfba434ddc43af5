package atlas

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

func TestLocator(t *testing.T) {
	a := testAtlas(t)
	ctx := context.Background()
	l, err := a.NewLocator(ctx, 320)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		code, name string
		marker     bool
	}{
		{"35238", "Rennes", true}, // a commune: filled and ringed
		{"243500139", "Rennes Métropole", false},
		{"29", "Finistère", false},
		{"53", "Bretagne", false},
		{"29083", "Île-de-Sein", true}, // smaller than a pixel once simplified
	} {
		t.Run(tc.code, func(t *testing.T) {
			svg, err := l.SVG(ctx, tc.code)
			if err != nil {
				t.Fatal(err)
			}
			// Well-formed XML.
			d := xml.NewDecoder(bytes.NewReader(svg))
			for {
				if _, err := d.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("not well-formed: %v", err)
				}
			}
			s := string(svg)
			for _, want := range []string{`width="320"`, "Situation de " + tc.name + " en Bretagne", `data-code="` + tc.code + `"`, `class="base"`, `class="departements"`} {
				if !strings.Contains(s, want) {
					t.Errorf("locator lacks %q", want)
				}
			}
			if got := strings.Contains(s, `class="marker"`); got != tc.marker {
				t.Errorf("marker %v, want %v", got, tc.marker)
			}
			i := strings.Index(s, `data-code="`+tc.code+`" d="`)
			if tc.code != "29083" && (i < 0 || !strings.Contains(s[i:], "Z")) {
				t.Error("the territory has no outline")
			}
		})
	}
	if _, err := l.SVG(ctx, "99999"); err == nil {
		t.Error("unknown territory: no error")
	}
}
