// The response cache: LRU order and byte budget, one render for
// concurrent misses, and a server that stays within its budget under
// thousands of distinct map requests.

package server

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// cacheKeys counts the snapshot's cache entries whose key has prefix
// (gzip copies left out).
func cacheKeys(snap *Snapshot, prefix string) int {
	snap.cache.mu.Lock()
	defer snap.cache.mu.Unlock()
	n := 0
	for key := range snap.cache.items {
		if strings.HasPrefix(key, prefix) && !strings.HasSuffix(key, "|gzip") {
			n++
		}
	}
	return n
}

func body(n int) func() (string, []byte, error) {
	return func() (string, []byte, error) { return "text/plain", make([]byte, n), nil }
}

func TestLRU(t *testing.T) {
	const size = 1000 // a body of 1000 - overhead - 1-byte key costs 1000
	b := size - entryOverhead - 1
	tests := []struct {
		name   string
		budget int64
		gets   string // keys asked in order, one letter each
		want   string // keys kept, most recent first
		evict  int64
	}{
		{"within budget", 3 * size, "abc", "cba", 0},
		{"oldest out", 3 * size, "abcd", "dcb", 1},
		{"a hit refreshes", 3 * size, "abcad", "dac", 1},
		{"hits only", 2 * size, "ababab", "ba", 0},
		{"one at a time", size, "abc", "c", 2},
		{"too big for the budget", size - 1, "ab", "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := newLRU(tc.budget)
			for _, k := range tc.gets {
				if _, got, err := c.get(string(k), body(b)); err != nil || len(got) != b {
					t.Fatalf("get %c: %d bytes, %v", k, len(got), err)
				}
			}
			var kept strings.Builder
			for el := c.order.Front(); el != nil; el = el.Next() {
				kept.WriteString(el.Value.(*entry).key)
			}
			st := c.stats()
			if kept.String() != tc.want || st.Evictions != tc.evict || st.Bytes != int64(len(tc.want))*size || st.Bytes > tc.budget {
				t.Errorf("kept %q (%d bytes, %d evictions), want %q (%d evictions) within %d", kept.String(), st.Bytes, st.Evictions, tc.want, tc.evict, tc.budget)
			}
		})
	}
}

// TestLRUSingleFlight: concurrent misses of one key render once; a failed
// render is not shared, each waiter then renders for itself.
func TestLRUSingleFlight(t *testing.T) {
	c := newLRU(1 << 20)
	var renders atomic.Int32
	release := make(chan struct{})
	slow := func() (string, []byte, error) {
		renders.Add(1)
		<-release
		return "text/plain", []byte("map"), nil
	}
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, b, err := c.get("k", slow); err != nil || string(b) != "map" {
				t.Errorf("get: %q, %v", b, err)
			}
		}()
	}
	for { // wait for the first render to start, then let it finish
		c.mu.Lock()
		n := len(c.flight)
		c.mu.Unlock()
		if n == 1 {
			break
		}
		runtime.Gosched()
	}
	close(release)
	wg.Wait()
	if n := renders.Load(); n != 1 {
		t.Errorf("%d renders for 20 concurrent gets of one key, want 1", n)
	}

	var calls, failures atomic.Int32
	flaky := func() (string, []byte, error) {
		if calls.Add(1) == 1 {
			return "", nil, errors.New("client over its limit")
		}
		return "text/plain", []byte("ok"), nil
	}
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, _, err := c.get("f", flaky); err != nil {
				failures.Add(1)
			}
		}()
	}
	wg.Wait()
	if n := failures.Load(); n != 1 {
		t.Errorf("%d requests got the failed render's error, want only the one that rendered it", n)
	}
}

// TestCacheBudgetManyMaps sends 5,000 distinct valid map requests to the
// handler and checks that the cache and the heap stay within the budget
// while the bodies served add up to many times it.
func TestCacheBudgetManyMaps(t *testing.T) {
	if testing.Short() {
		t.Skip("5,000 map renders")
	}
	const budget = 2 << 20
	s, err := New(t.Context(), Options{DBPath: sharedStore(t), Logger: quiet, Poll: 1 << 62, CacheBytes: budget})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.cur.Load().retire() })
	h := s.Handler()
	get := func(url string) *httptest.ResponseRecorder {
		w := httptest.NewRecorder()
		r := httptest.NewRequest(http.MethodGet, url, nil)
		r.Header.Set("Accept-Encoding", "gzip")
		h.ServeHTTP(w, r)
		return w
	}
	if w := get("/maps/taux_chomage_15_64.svg?level=departement"); w.Code != http.StatusOK { // warm the atlas
		t.Fatalf("first map: %d %.200s", w.Code, w.Body)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	highlights := []string{"", "22", "29", "35", "56"}
	var served int64
	const n = 5000
	for i := range n {
		url := fmt.Sprintf("/maps/taux_chomage_15_64.svg?level=departement&classes=%d&width=%d", 2+i%8, 200+(i/8)%3800)
		if hl := highlights[(i/8/3800+i)%len(highlights)]; hl != "" {
			url += "&highlight=" + hl
		}
		w := get(url)
		if w.Code != http.StatusOK {
			t.Fatalf("%s: %d %.200s", url, w.Code, w.Body)
		}
		served += int64(w.Body.Len())
		if st := s.cur.Load().CacheStats(); st.Bytes > budget {
			t.Fatalf("after %d maps the cache holds %d bytes, over its budget of %d", i+1, st.Bytes, budget)
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	st := s.cur.Load().CacheStats()
	growth := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("%d maps, %d MiB served; cache %d entries, %d bytes of %d, %d misses, %d evictions; heap %+d KiB",
		n, served>>20, st.Entries, st.Bytes, st.Budget, st.Misses, st.Evictions, growth>>10)
	if served < 10*budget {
		t.Fatalf("only %d bytes served: the test does not exceed the budget", served)
	}
	if st.Misses < n || st.Evictions == 0 || st.Bytes > budget {
		t.Errorf("cache: %d misses, %d evictions, %d bytes, want ≥ %d distinct misses, evictions, ≤ %d bytes", st.Misses, st.Evictions, st.Bytes, n, budget)
	}
	// The heap may hold the cache and the atlas's own small caches, never
	// what was served: a few budgets at most, far under the served bytes.
	if limit := int64(4 * budget); growth > limit {
		t.Errorf("heap grew by %d bytes after %d distinct maps (%d bytes served), over %d", growth, n, served, limit)
	}
}

// FuzzCheckParams: a query string accepted by checkParams has only known
// parameters, each once; the free-text ones are bounded.
func FuzzCheckParams(f *testing.F) {
	f.Add("indicator=population&level=epci&format=csv&decimal=,")
	f.Add("level=epci&level=commune")
	f.Add("nocache=1&_=2")
	f.Add("public=" + strings.Repeat("x", 100))
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		for _, allowed := range [][]string{valuesParams, chartParams} {
			if checkParams(q, allowed, "fuzz") != nil {
				continue
			}
			for k, v := range q {
				if !slices.Contains(allowed, k) || len(v) != 1 {
					t.Fatalf("accepted %q: %v", k, v)
				}
			}
			if textParams(q.Get("public"), q.Get("vintage")) == nil && (len(q.Get("public")) > 64 || len(q.Get("vintage")) > 64) {
				t.Fatalf("accepted a long public or vintage")
			}
		}
	})
}
