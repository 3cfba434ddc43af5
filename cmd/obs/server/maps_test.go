// Map parameters over HTTP: the syntax of obs map, refusals with both
// languages, and one cache entry per map whatever the query's spelling.

package server

import (
	"net/http"
	"strings"
	"testing"
)

func TestMapParams(t *testing.T) {
	_, ts := newServer(t, sharedStore(t))
	tests := []struct {
		query  string
		status int
		want   string
	}{
		{"level=departement&method=manual&breaks=5%3B8%3B10%2C5%3B12", 200, "\ufeff"},
		{"level=departement&method=manual&breaks=5,8,10.5,12", 200, "\ufeff"},
		{"level=departement&method=manual&breaks=5;8;10,5;12", 400, `%3B`},
		{"level=departement&lvl=epci", 400, `"erreur":"paramètre inconnu « lvl »`},
		{"level=departement&level=epci", 400, `paramètre level donné 2 fois`},
		{"level=departement&width=100", 400, `width invalide « 100 » (200 à 4000 pixels)`},
		{"level=departement&method=manual&breaks=12,5", 400, `croître strictement`},
		{"level=departement&palette=rainbow", 400, `"error":"unknown palette`},
		{"level=departement&highlight=35", 200, "\ufeff"},
		{"level=departement&highlight=35238", 400, `"erreur":"territoire à mettre en évidence « 35238 » absent de la carte (niveau departement)"`},
		{"level=epci&highlight=35", 400, `"error":"highlighted territory \"35\" is not on the map (level epci)"`},
	}
	for _, tc := range tests {
		resp, body := get(t, ts.URL+"/maps/taux_chomage_15_64.csv?"+tc.query)
		if resp.StatusCode != tc.status || !strings.Contains(body, tc.want) {
			t.Errorf("%s: %d %.200s, want %d with %q", tc.query, resp.StatusCode, body, tc.status, tc.want)
		}
	}
}

// TestMapCacheKey: equivalent queries share one cache entry, and an
// unknown parameter creates none.
func TestMapCacheKey(t *testing.T) {
	s, ts := newServer(t, sharedStore(t))
	entries := func() int { return cacheKeys(s.cur.Load(), "map|") }
	for _, q := range []string{"level=epci", "level=epci&method=jenks&classes=5", "classes=5&level=epci&qpv=false", "level=epci&width=1000&height=700"} {
		if resp, body := get(t, ts.URL+"/maps/taux_chomage_15_64.svg?"+q); resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %.200s", q, resp.StatusCode, body)
		}
	}
	if n := entries(); n != 1 {
		t.Errorf("%d cache entries for four spellings of one map, want 1", n)
	}
	for _, q := range []string{"level=epci&nocache=1", "level=epci&nocache=2", "level=epci&_=123"} {
		if resp, _ := get(t, ts.URL+"/maps/taux_chomage_15_64.svg?"+q); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", q, resp.StatusCode)
		}
	}
	if n := entries(); n != 1 {
		t.Errorf("%d cache entries after unknown parameters, want still 1", n)
	}
}

// TestValuesChartCacheKey: /api/values and /charts key on their parsed
// parameters too: spellings of one request share an entry, and an
// unknown parameter is a 400 that creates none.
func TestValuesChartCacheKey(t *testing.T) {
	s, ts := newServer(t, sharedStore(t))
	tests := []struct {
		prefix string
		same   []string // spellings of one request
		bad    []string // unknown parameters
	}{
		{"values|", []string{"/api/values?indicator=population&level=epci", "/api/values?level=epci&indicator=population&format=json",
			"/api/values?indicator=population&level=epci&decimal=,"},
			[]string{"/api/values?indicator=population&level=epci&nocache=1", "/api/values?indicator=population&level=epci&classes=5"}},
		{"chart|", []string{"/charts/ranking/population.svg?level=epci&territory=243500139", "/charts/ranking/population.svg?territory=243500139&level=epci"},
			[]string{"/charts/ranking/population.svg?level=epci&territory=243500139&nocache=2", "/charts/ranking/population.svg?level=epci&method=q6"}},
	}
	for _, tc := range tests {
		for _, u := range tc.same {
			if resp, body := get(t, ts.URL+u); resp.StatusCode != http.StatusOK {
				t.Fatalf("%s: %d %.200s", u, resp.StatusCode, body)
			}
		}
		for _, u := range tc.bad {
			if resp, _ := get(t, ts.URL+u); resp.StatusCode != http.StatusBadRequest {
				t.Errorf("%s: %d, want 400", u, resp.StatusCode)
			}
		}
		if n := cacheKeys(s.cur.Load(), tc.prefix); n != 1 {
			t.Errorf("%s: %d cache entries for %d spellings of one request and %d unknown parameters, want 1", tc.prefix, n, len(tc.same), len(tc.bad))
		}
	}
}
