// Hostile queries against the sandbox: each must be stopped within its
// timeout plus one second, and no worker may outgrow its memory budget.

package store

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// hostileQueries are shapes an analyst (or an attacker) can send to blow
// up time or memory.
var hostileQueries = []struct{ name, sql string }{
	{"huge list", `SELECT list(x) FROM (SELECT unnest(range(100000000)) x)`},
	{"huge string", `SELECT repeat('x', 2000000000)`},
	{"string aggregate", `SELECT string_agg(repeat('x', 1000), ',') FROM range(10000000)`},
	{"cross join", `SELECT count(*) FROM range(100000) a, range(100000) b, range(100000) c`},
	{"cross join materialised", `SELECT a.range, b.range FROM range(1000000) a, range(1000000) b ORDER BY random()`},
	{"recursive CTE", `WITH RECURSIVE r(i, s) AS (SELECT 1, 'x' UNION ALL SELECT i+1, s || s FROM r WHERE i < 64) SELECT max(length(s)) FROM r`},
	{"regex blow-up", `SELECT count(*) FROM range(1000000) t WHERE regexp_matches(repeat('a', 10000 + (t.range % 7)::INT) || 'b', '(a+)+$')`},
	{"huge sort", `SELECT x FROM (SELECT random() x FROM range(300000000)) ORDER BY x LIMIT 1`},
	{"list of lists", `SELECT list_transform(range(100000), i -> range(10000)) FROM range(100)`},
	{"wide result", `SELECT repeat('y', 100000) FROM range(10000)`},
}

// workerRSS sums the resident memory of the sandbox's live workers, in bytes.
func workerRSS(s *Sandbox) (total int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for w := range s.live {
		total += procStatus(w.cmd.Process.Pid, "VmRSS:")
	}
	return total
}

func TestSandboxHostile(t *testing.T) {
	l := Limits{Timeout: 2 * time.Second, MaxRows: 1000, MemoryLimit: "128MB", AddressSpace: 1 << 30, MaxRSS: 384 << 20, MaxResultBytes: 4 << 20, Workers: 1}
	sb, err := OpenSandbox(context.Background(), sandboxStore(t), l)
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close()
	for _, tc := range hostileQueries {
		t.Run(tc.name, func(t *testing.T) {
			var peak int64
			stop := make(chan struct{})
			var wg sync.WaitGroup
			wg.Go(func() {
				for {
					peak = max(peak, workerRSS(sb))
					select {
					case <-stop:
						return
					case <-time.After(10 * time.Millisecond):
					}
				}
			})
			start := time.Now()
			res, err := sb.Query(context.Background(), tc.sql)
			took := time.Since(start)
			close(stop)
			wg.Wait()
			t.Logf("%s: %v in %s, worker peak RSS %d MiB", tc.name, err, took.Round(time.Millisecond), peak>>20)
			if err == nil {
				t.Fatalf("ran to the end: %d rows", len(res.Rows))
			}
			if !errors.Is(err, ErrStopped) {
				t.Errorf("error %v, want a stop by a limit", err)
			}
			if took > l.Timeout+time.Second {
				t.Errorf("stopped after %s, more than the timeout %s + 1 s", took, l.Timeout)
			}
			if peak > l.MaxRSS+l.MaxRSS/2 {
				t.Errorf("worker peak RSS %d MiB far above its %d MiB budget", peak>>20, l.MaxRSS>>20)
			}
		})
	}
	// The sandbox still answers after every kill.
	res, err := sb.Query(context.Background(), `SELECT name FROM territory`)
	if err != nil || len(res.Rows) != 1 || res.Rows[0][0] != "Bretagne" {
		t.Errorf("after the hostile queries: %+v, %v", res, err)
	}
}
