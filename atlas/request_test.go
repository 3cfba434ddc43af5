// The map request parser: accepted syntax, bounds, canonical keys, and a
// fuzz target.

package atlas

import (
	"errors"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/region-bretagne/obs/value"
)

func TestParseMapRequest(t *testing.T) {
	def := Request{Indicator: "taux_pauvrete", Level: "commune", Method: "jenks", Classes: 5, Width: 1000, Height: 700}
	with := func(f func(r *Request)) Request { r := def; f(&r); return r }
	tests := []struct {
		query string
		want  Request
	}{
		{"", def},
		{"level=epci&public=ensemble&vintage=2021", with(func(r *Request) { r.Level, r.Public, r.Vintage = "epci", "ensemble", "2021" })},
		{"level=departement", with(func(r *Request) { r.Level = "departement" })},
		{"method=quantile&classes=2", with(func(r *Request) { r.Method, r.Classes = "quantile", 2 })},
		{"method=fisher&classes=9", with(func(r *Request) { r.Method, r.Classes = "jenks", 9 })},
		{"method=manual&breaks=5;10;12,5", with(func(r *Request) { r.Method, r.Breaks = "manual", []float64{5, 10, 12.5} })},
		{"method=manual&breaks=5,10,12.5", with(func(r *Request) { r.Method, r.Breaks = "manual", []float64{5, 10, 12.5} })},
		{"method=manual&breaks=-2,5+;+0;+0,75", with(func(r *Request) { r.Method, r.Breaks = "manual", []float64{-2.5, 0, 0.75} })},
		{"method=manual&breaks=5;10;12.5", with(func(r *Request) { r.Method, r.Breaks = "manual", []float64{5, 10, 12.5} })},
		{"method=fixed&breaks=0;1;2;3;4;5;6;7;8;9", with(func(r *Request) { r.Method, r.Breaks = "manual", []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9} })},
		{"breaks=5,10", def}, // ignored by jenks
		{"highlight=243500139&qpv=true&palette=blues_r", with(func(r *Request) { r.Highlight, r.QPV, r.Palette = "243500139", true, "Blues_r" })},
		{"qpv=1", with(func(r *Request) { r.QPV = true })},
		{"qpv=false", def},
		{"width=200", with(func(r *Request) { r.Width, r.Height = 200, 140 })},
		{"width=4000&height=4000", with(func(r *Request) { r.Width, r.Height = 4000, 4000 })},
		{"height=300", with(func(r *Request) { r.Height = 300 })},
	}
	for _, tc := range tests {
		q, err := parseQuery(tc.query)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ParseMapRequest("taux_pauvrete", q)
		if err != nil {
			t.Errorf("%q: %v", tc.query, err)
			continue
		}
		if !equalRequest(got, tc.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", tc.query, got, tc.want)
		}
	}
}

// parseQuery reads a test's query, where ';' stands for its encoded form
// %3B (a raw ';' is not a query separator any more: url.ParseQuery
// refuses it).
func parseQuery(s string) (url.Values, error) {
	return url.ParseQuery(strings.ReplaceAll(s, ";", "%3B"))
}

func equalRequest(a, b Request) bool {
	return slices.Equal(a.Breaks, b.Breaks) && a.Key() == b.Key() && a.Palette == b.Palette
}

func TestParseMapRequestRefuses(t *testing.T) {
	tests := []struct {
		indicator, query, want string
	}{
		{"", "", "paramètre indicator manquant"},
		{"population", "lvl=epci", "paramètre inconnu « lvl »"},
		{"population", "indicator=population", "paramètre inconnu « indicator »"},
		{"population", "level=epci&level=commune", "paramètre level donné 2 fois"},
		{"population", "level=region", "niveau de carte inconnu « region »"},
		{"population", "level=canton", "niveau de carte inconnu"},
		{"population", "level=iris&territory=abc", "code de territoire malformé"},
		{"population", "method=magic", "méthode de classification inconnue"},
		{"population", "classes=x", "nombre de classes invalide « x »"},
		{"population", "classes=1", "hors de 2 à 9"},
		{"population", "classes=10", "hors de 2 à 9"},
		{"population", "breaks=5;x", "borne invalide « x »"},
		{"population", "breaks=5,10,12,5", "croître strictement"},
		{"population", "breaks=1,2,3,4,5,6,7,8,9,10,11", "11 bornes"},
		{"population", "breaks=1,5e3", "borne invalide « 5e3 »"},
		{"population", "breaks=NaN,1", "borne invalide « NaN »"},
		{"population", "breaks=5;;10", "borne invalide «  »"},
		{"population", "palette=rainbow", "palette inconnue « rainbow »"},
		{"population", "highlight=abc", "code de territoire malformé « abc »"},
		{"population", "qpv=peut-être", "qpv invalide"},
		{"population", "width=199", "width invalide « 199 » (200 à 4000 pixels)"},
		{"population", "width=4001", "width invalide"},
		{"population", "height=big", "height invalide"},
		{"population", "public=" + strings.Repeat("x", 65), "public trop long"},
	}
	for _, tc := range tests {
		q, err := parseQuery(tc.query)
		if err != nil {
			t.Fatal(err)
		}
		_, err = ParseMapRequest(tc.indicator, q)
		var ae *Error
		if !errors.As(err, &ae) || !strings.Contains(ae.FR, tc.want) || ae.EN == "" {
			t.Errorf("%q: %v, want a bilingual error saying %q", tc.query, err, tc.want)
		}
	}
}

// TestParseBreaksForms: the two forms, with spaces, and the number of
// bounds at the limits.
func TestParseBreaksForms(t *testing.T) {
	tests := []struct {
		in   string
		want []float64
	}{
		{"5", []float64{5}},
		{"5,10,12.5", []float64{5, 10, 12.5}},
		{" 5 , 10 ,12.5 ", []float64{5, 10, 12.5}},
		{"5;10;12,5", []float64{5, 10, 12.5}},
		{"-2,5;0;0,75", []float64{-2.5, 0, 0.75}},
		{"0;1;2;3;4;5;6;7;8;9", []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
	}
	for _, tc := range tests {
		got, err := ParseBreaks(tc.in)
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("ParseBreaks(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "5,,10", "12,5", "5;10,5,1", "1e2", "0x10", "Inf", "10;5", "5;5", "1;2;3;4;5;6;7;8;9;10;11", "1.2.3", "١٢"} {
		if b, err := ParseBreaks(bad); err == nil {
			t.Errorf("ParseBreaks(%q) = %v, want an error", bad, b)
		}
	}
}

// TestRequestKey: the same map has one key whatever the spelling of its
// query; different maps have different keys.
func TestRequestKey(t *testing.T) {
	key := func(query string) string {
		t.Helper()
		q, err := parseQuery(query)
		if err != nil {
			t.Fatal(err)
		}
		r, err := ParseMapRequest("taux_chomage_15_64", q)
		if err != nil {
			t.Fatalf("%q: %v", query, err)
		}
		return r.Key()
	}
	same := [][]string{
		{"", "level=commune", "method=jenks&classes=5", "method=fisher", "width=1000", "height=700&width=1000", "qpv=false", "breaks=1,2"},
		{"level=epci&method=manual&breaks=5;10;12,5", "method=manual&breaks=5,10,12.5&level=epci", "breaks=5;10;12.50&method=fixed&level=epci"},
		{"palette=blues", "palette=Blues", "palette=BLUES"},
		{"qpv=1", "qpv=true", "qpv=TRUE"},
	}
	seen := map[string]int{}
	for i, group := range same {
		want := key(group[0])
		for _, q := range group[1:] {
			if got := key(q); got != want {
				t.Errorf("%q: key %s, want that of %q: %s", q, got, group[0], want)
			}
		}
		if j, ok := seen[want]; ok {
			t.Errorf("groups %d and %d share the key %s", j, i, want)
		}
		seen[want] = i
	}
	for _, q := range []string{"level=epci", "classes=4", "public=femmes", "vintage=2021", "highlight=35238", "width=1200", "method=quantile", "level=qpv", "level=iris&territory=243500139"} {
		if k := key(q); k == key("") {
			t.Errorf("%q has the default map's key", q)
		}
	}
}

// FuzzParseMapRequest: any query string either parses into a request
// within bounds, whose key is stable, or is refused with a bilingual
// error; it never panics.
func FuzzParseMapRequest(f *testing.F) {
	for _, s := range []string{"", "level=epci&method=manual&breaks=5;10;12,5", "breaks=5,10,12.5", "classes=9&width=4000",
		"highlight=2A004&qpv=1&palette=RdBu_r", "width=-1", "breaks=;;", "level=epci&level=epci", "x=1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := url.ParseQuery(s)
		if err != nil {
			return
		}
		r, err := ParseMapRequest("population", q)
		if err != nil {
			var ae *Error
			if !errors.As(err, &ae) || ae.FR == "" || ae.EN == "" {
				t.Fatalf("%q: %v is not a bilingual error", s, err)
			}
			return
		}
		if !slices.Contains(MapLevels, value.Level(r.Level)) || r.Classes < MinClasses || r.Classes > MaxClasses ||
			r.Width < MinSize || r.Width > MaxSize || r.Height < MinSize*7/10 || r.Height > MaxSize || len(r.Breaks) > MaxBreaks {
			t.Fatalf("%q: out of bounds: %+v", s, r)
		}
		for i := 1; i < len(r.Breaks); i++ {
			if r.Breaks[i] <= r.Breaks[i-1] {
				t.Fatalf("%q: breaks not increasing: %v", s, r.Breaks)
			}
		}
		// The key round-trips: re-parsing the same values gives the same key.
		r2, err := ParseMapRequest("population", q)
		if err != nil || r2.Key() != r.Key() {
			t.Fatalf("%q: key unstable: %v", s, err)
		}
	})
}

// FuzzParseBreaks: no panic; what parses is finite and increasing.
func FuzzParseBreaks(f *testing.F) {
	for _, s := range []string{"5,10,12.5", "5;10;12,5", "-1;0,5", " 1 , 2 ", "1e9", ";", ","} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := ParseBreaks(s)
		if err != nil {
			return
		}
		if len(b) == 0 || len(b) > MaxBreaks {
			t.Fatalf("%q: %d breaks", s, len(b))
		}
		for i := 1; i < len(b); i++ {
			if !(b[i] > b[i-1]) {
				t.Fatalf("%q: %v not increasing", s, b)
			}
		}
	})
}
