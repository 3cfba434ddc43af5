package store

import (
	"context"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// sandboxStore makes a small store file to attack.
func sandboxStore(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "s.duckdb")
	db, err := Create(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO territory VALUES (2026,'region','53','Bretagne','region',3422845,1202,1202,true,false,'x')`); err != nil {
		t.Fatal(err)
	}
	db.Exec("CHECKPOINT")
	db.Close()
	return path
}

func TestSandboxRefuses(t *testing.T) {
	path := sandboxStore(t)
	sum := func() [32]byte { b, _ := os.ReadFile(path); return sha256.Sum256(b) }
	before := sum()
	sb, err := OpenSandbox(context.Background(), path, Limits{Timeout: 2 * time.Second, MaxRows: 5, MemoryLimit: "128MB"})
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close()
	const onlySelect, timeout = "only SELECT queries are allowed", "statement timeout"
	tests := []struct{ name, sql, want string }{
		{"read a file", `SELECT * FROM read_csv('/etc/passwd')`, "file system operations are disabled"},
		{"read a file by name", `SELECT * FROM '/etc/passwd'`, "does not exist"},
		{"copy to", `COPY territory TO '/tmp/obs-sandbox-leak.csv'`, onlySelect},
		{"copy in select", `COPY (SELECT 1) TO '/tmp/obs-sandbox-leak.csv'`, onlySelect},
		{"attach", `ATTACH '/tmp/obs-sandbox-other.duckdb' AS o`, onlySelect},
		{"install", `INSTALL spatial`, onlySelect},
		{"load", `LOAD spatial`, onlySelect},
		{"set", `SET memory_limit='10GB'`, onlySelect},
		{"reset", `RESET enable_external_access`, onlySelect},
		{"pragma", `PRAGMA enable_profiling`, onlySelect},
		{"create", `CREATE TABLE x AS SELECT 1`, onlySelect},
		{"create temp", `CREATE TEMP TABLE x AS SELECT 1`, onlySelect},
		{"delete", `DELETE FROM territory`, onlySelect},
		{"update", `UPDATE territory SET name='x'`, onlySelect},
		{"drop", `DROP TABLE territory`, onlySelect},
		{"two statements", `SELECT 1; DELETE FROM territory`, onlySelect},
		{"runs for ever", `SELECT count(*) FROM range(1000000000000) a`, timeout},
		{"recursion for ever", `WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM r) SELECT max(i) FROM r`, timeout},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			res, err := sb.Query(context.Background(), tc.sql)
			if err == nil {
				t.Fatalf("%s ran: %+v", tc.sql, res)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s: error %q, want it to say %q", tc.sql, err, tc.want)
			}
			if time.Since(start) > 30*time.Second {
				t.Errorf("refusal took %s", time.Since(start))
			}
			t.Logf("%s → %v", tc.sql, err)
		})
	}
	if _, err := os.Stat("/tmp/obs-sandbox-leak.csv"); err == nil {
		t.Error("COPY wrote a file")
	}
	if sum() != before {
		t.Error("the store changed")
	}
}

func TestSandboxSelects(t *testing.T) {
	sb, err := OpenSandbox(context.Background(), sandboxStore(t), Limits{Timeout: 5 * time.Second, MaxRows: 3, MemoryLimit: "128MB"})
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close()
	res, err := sb.Query(context.Background(), `SELECT code, name, population FROM territory`)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 1 || res.Rows[0][1] != "Bretagne" || res.Truncated {
		t.Errorf("got %+v", res)
	}
	res, err = sb.Query(context.Background(), `SELECT * FROM range(10)`)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 3 || !res.Truncated {
		t.Errorf("row cap: %d rows, truncated=%v; want 3 and true", len(res.Rows), res.Truncated)
	}
	_, err = sb.Query(context.Background(), `SELECT count(*) FROM range(1000000000000)`)
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "timeout") {
		t.Errorf("timeout error %v", err)
	}
}

// TestSandboxLockedBelowTheGuard bypasses the SELECT-only guard, in a
// worker's session, to show that DuckDB itself refuses: external access is off and configuration locked.
func TestSandboxLockedBelowTheGuard(t *testing.T) {
	sb, err := openSession(context.Background(), sandboxStore(t), DefaultLimits.MemoryLimit)
	if err != nil {
		t.Fatal(err)
	}
	defer sb.close()
	tests := []struct{ sql, want string }{
		{`SET enable_external_access = true`, "configuration has been locked"},
		{`SET memory_limit = '10GB'`, "configuration has been locked"},
		{`COPY (SELECT 1) TO '/tmp/obs-sandbox-leak2.csv'`, "disabled"},
		{`ATTACH '/tmp/obs-sandbox-other.duckdb' AS o`, "disabled"},
		{`INSTALL spatial`, ""},
		{`DELETE FROM territory`, "read-only"},
		{`CREATE TABLE obs.main.x AS SELECT 1`, "read-only"},
	}
	for _, tc := range tests {
		_, err := sb.conn.ExecContext(context.Background(), tc.sql)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one saying %q", tc.sql, err, tc.want)
		}
	}
}
