// Hostile SQL against the running server: eight expensive queries at once
// are all stopped within their timeout plus one second, each logged with
// its request ID, while cheap requests keep answering.

package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a log sink safe for concurrent handlers.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// selfRSS is this process's resident memory in bytes.
func selfRSS() int64 {
	b, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}

func TestSQLHostileParallel(t *testing.T) {
	path := sharedStore(t)
	saved, savedLimits := SandboxLimits, Limits
	SandboxLimits.Timeout = 2 * time.Second
	Limits.PerClient = 8 // all eight from one client reach the sandbox
	t.Cleanup(func() { SandboxLimits, Limits = saved, savedLimits })
	logs := &lockedBuffer{}
	s, err := New(t.Context(), Options{DBPath: path, Logger: slog.New(slog.NewJSONHandler(logs, nil)), Poll: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(func() { ts.Close(); s.cur.Load().retire() })
	hostile := []string{
		`SELECT list(x) FROM (SELECT unnest(range(100000000)) x)`,
		`SELECT repeat('x', 2000000000)`,
		`SELECT count(*) FROM range(100000) a, range(100000) b, range(100000) c`,
		`WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM r) SELECT max(i) FROM r`,
		`SELECT count(*) FROM range(1000000) t WHERE regexp_matches(repeat('a', 10000 + (t.range % 7)::INT) || 'b', '(a+)+$')`,
		`SELECT x FROM (SELECT random() x FROM range(300000000)) ORDER BY x LIMIT 1`,
		`SELECT list_transform(range(100000), i -> range(10000)) FROM range(100)`,
		`SELECT string_agg(repeat('x', 1000), ',') FROM range(10000000)`,
	}
	idle := selfRSS()
	var peak int64
	done := make(chan struct{})
	var cheap []time.Duration
	var cheapFailed []string
	var wg sync.WaitGroup
	wg.Go(func() {
		urls := []string{ts.URL + "/healthz", ts.URL + "/api/values?indicator=taux_chomage_15_64&level=epci"}
		for i := 0; ; i++ {
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
			}
			peak = max(peak, selfRSS())
			start := time.Now()
			resp, err := http.Get(urls[i%2])
			if err != nil {
				cheapFailed = append(cheapFailed, err.Error())
				continue
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			cheap = append(cheap, time.Since(start))
			if resp.StatusCode != 200 {
				cheapFailed = append(cheapFailed, fmt.Sprintf("%s: %d", urls[i%2], resp.StatusCode))
			}
		}
	})
	var qg sync.WaitGroup
	for i, q := range hostile {
		qg.Go(func() {
			req, _ := http.NewRequest("POST", ts.URL+"/api/sql", strings.NewReader(q))
			req.Header.Set("X-Request-ID", fmt.Sprintf("hostile-%d", i))
			start := time.Now()
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Errorf("%s: %v", q, err)
				return
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			took := time.Since(start)
			t.Logf("hostile-%d: %d in %s: %.120s", i, resp.StatusCode, took.Round(time.Millisecond), body)
			if resp.StatusCode != http.StatusForbidden || !bytes.Contains(body, []byte("query stopped")) {
				t.Errorf("%s: %d %s, want a 403 saying the query was stopped", q, resp.StatusCode, body)
			}
			if took > SandboxLimits.Timeout+time.Second {
				t.Errorf("%s answered after %s, more than the timeout %s + 1 s", q, took, SandboxLimits.Timeout)
			}
		})
	}
	qg.Wait()
	close(done)
	wg.Wait()
	if len(cheapFailed) > 0 || len(cheap) == 0 {
		t.Errorf("cheap requests failed during the hostile queries (%d answered): %v", len(cheap), cheapFailed)
	} else {
		slices.Sort(cheap)
		t.Logf("cheap requests during the attack: %d, p50 %s, p99 %s (bench/hostile.sh checks p99 < 100 ms)",
			len(cheap), cheap[len(cheap)/2], cheap[len(cheap)*99/100])
	}
	t.Logf("server RSS: idle %d MiB, peak %d MiB", idle>>20, peak>>20)
	if peak-idle > 256<<20 {
		t.Errorf("server grew by %d MiB during the attack, above the 256 MiB budget", (peak-idle)>>20)
	}
	// Every stopped query is logged with its request ID.
	stopped := map[string]bool{}
	for _, line := range strings.Split(logs.String(), "\n") {
		var rec struct {
			Msg       string `json:"msg"`
			RequestID string `json:"request_id"`
		}
		if json.Unmarshal([]byte(line), &rec) == nil && rec.Msg == "sql query stopped" {
			stopped[rec.RequestID] = true
		}
	}
	for i := range hostile {
		if id := fmt.Sprintf("hostile-%d", i); !stopped[id] {
			t.Errorf("no 'sql query stopped' log for %s", id)
		}
	}
}
