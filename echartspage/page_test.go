// Tests for the HTML writer: script escaping, JavaScript text literals,
// fragments, and fuzz targets for the two escapers.

package echartspage

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func TestEscapeScript(t *testing.T) {
	tests := []struct{ in, want string }{
		{`var a = "</script>";`, `var a = "<\/script>";`},
		{`"</SCRIPT >"`, `"<\/SCRIPT >"`},
		{`"<!-- x -->"`, `"<\!-- x -->"`},
		{`a < b && c </ d`, `a < b && c </ d`}, // only "</script" and "<!--" matter
		{`'</span>'`, `'</span>'`},
	}
	for _, tt := range tests {
		if got := escapeScript(tt.in); got != tt.want {
			t.Errorf("escapeScript(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestJSText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Insee, Filosofi 2021", "'Insee, Filosofi 2021'"},
		{"l'Insee", "decodeURIComponent('l%27Insee')"},
		{"12,3\u00a0%", "decodeURIComponent('12,3%C2%A0%25')"},
		{`a"b\c`, "decodeURIComponent('a%22b%5Cc')"},
		{"", "''"},
	}
	for _, tt := range tests {
		if got := JSText(tt.in); got != tt.want {
			t.Errorf("JSText(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// FuzzJSText checks that JSText never emits a character that would break
// a go-echarts function string ('"' or '\'), nor a quote that ends the
// literal early, and that the encoded text decodes back to the input
// (made valid UTF-8).
func FuzzJSText(f *testing.F) {
	for _, s := range []string{"", "Insee", "l'Insee", "12,3\u00a0%", `"\`, "</script>", "é€\u202f", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := JSText(s)
		s = strings.ToValidUTF8(s, "\uFFFD") // what decodeURIComponent can decode
		if strings.ContainsAny(got, "\"\\\n") {
			t.Fatalf("JSText(%q) = %s holds a forbidden character", s, got)
		}
		inner, enc := strings.CutPrefix(got, "decodeURIComponent(")
		if enc {
			inner = strings.TrimSuffix(inner, ")")
		}
		if len(inner) < 2 || inner[0] != '\'' || inner[len(inner)-1] != '\'' || strings.Contains(inner[1:len(inner)-1], "'") {
			t.Fatalf("JSText(%q) = %s is not one quoted literal", s, got)
		}
		body := inner[1 : len(inner)-1]
		if enc {
			dec, err := url.PathUnescape(body)
			if err != nil || dec != s {
				t.Fatalf("JSText(%q) decodes to %q (%v)", s, dec, err)
			}
		} else if body != s {
			t.Fatalf("JSText(%q) = %s", s, got)
		}
	})
}

var scriptBreak = regexp.MustCompile(`(?i)</script|<!--`)

// FuzzEscapeScript checks that escaped text can never end or confuse a
// <script> element, and that unescaping gives the input back.
func FuzzEscapeScript(f *testing.F) {
	for _, s := range []string{"", "</script>", "</ScRiPt", "<!--", "a</b>", `<\/script`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := escapeScript(s)
		if scriptBreak.MatchString(got) {
			t.Fatalf("escapeScript(%q) = %q still holds </script or <!--", s, got)
		}
		if strings.Contains(s, `<\`) {
			return // the input already holds escapes; the round trip is ambiguous
		}
		back := strings.ReplaceAll(got, `<\!--`, "<!--")
		back = regexp.MustCompile(`(?i)<\\/(script)`).ReplaceAllString(back, "</$1")
		if back != s {
			t.Fatalf("unescape(escapeScript(%q)) = %q", s, back)
		}
	})
}
