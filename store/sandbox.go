// The analysts' SQL sandbox: a separate, locked-down DuckDB instance on the
// store file, that can read the store and nothing else.

package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Limits bound what one sandbox query may cost.
type Limits struct {
	Timeout     time.Duration // statement timeout
	MaxRows     int           // rows returned at most (more are cut, and said)
	MemoryLimit string        // DuckDB memory_limit, e.g. "256MB"
}

// DefaultLimits are the limits of `obs sql` and POST /api/sql.
var DefaultLimits = Limits{Timeout: 10 * time.Second, MaxRows: 10000, MemoryLimit: "256MB"}

// Sandbox runs analysts' read-only queries, one at a time.
type Sandbox struct {
	mu     sync.Mutex
	db     *sql.DB
	conn   *sql.Conn // the one pinned connection, whose catalogue is the store
	limits Limits
}

// ErrRefused marks a statement the sandbox will not run.
var ErrRefused = errors.New("statement refused")

// OpenSandbox opens the store in its own in-memory DuckDB instance:
// the store is attached read-only, then external access is disabled (no
// files, no network, no extensions) and the configuration locked, so that
// no SET or PRAGMA can lift a limit. A separate instance is needed because
// DuckDB refuses two configurations of one file in a process.
func OpenSandbox(ctx context.Context, path string, l Limits) (*Sandbox, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(abs); err != nil {
		return nil, fmt.Errorf("%w: %s (run `obs ingest --db %s` first)", ErrNoStore, path, path)
	}
	q := url.Values{}
	q.Set("memory_limit", l.MemoryLimit)
	q.Set("threads", "1")
	q.Set("autoload_known_extensions", "false")
	q.Set("autoinstall_known_extensions", "false")
	db, err := openDSN(ctx, ":memory:?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, err
	}
	setup := []string{
		fmt.Sprintf("ATTACH '%s' AS obs (READ_ONLY)", strings.ReplaceAll(abs, "'", "''")),
		"USE obs",
		"SET enable_external_access = false",
		"SET lock_configuration = true",
	}
	for _, stmt := range setup {
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			conn.Close()
			db.Close()
			return nil, fmt.Errorf("sandbox %s: %s: %w", path, stmt, err)
		}
	}
	return &Sandbox{db: db, conn: conn, limits: l}, nil
}

// Close releases the sandbox.
func (s *Sandbox) Close() error {
	s.conn.Close()
	return s.db.Close()
}

// Result is the answer to a sandbox query.
type Result struct {
	Columns   []string `json:"columns"`
	Rows      [][]any  `json:"rows"`
	Truncated bool     `json:"truncated"` // more rows than Limits.MaxRows
}

// Query runs one SELECT statement under the sandbox's limits. Anything
// else (DDL, DML, COPY, ATTACH, INSTALL, LOAD, SET, PRAGMA, several
// statements) is refused before it runs.
func (s *Sandbox) Query(ctx context.Context, query string) (*Result, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ctx, cancel := context.WithTimeout(ctx, s.limits.Timeout)
	defer cancel()
	if err := s.onlySelect(ctx, query); err != nil {
		return nil, err
	}
	rows, err := s.conn.QueryContext(ctx, query)
	if err != nil {
		return nil, s.explain(ctx, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	res := &Result{Columns: cols, Rows: [][]any{}}
	for rows.Next() {
		if len(res.Rows) == s.limits.MaxRows {
			res.Truncated = true
			break
		}
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		res.Rows = append(res.Rows, vals)
	}
	if err := rows.Err(); err != nil {
		return nil, s.explain(ctx, err)
	}
	return res, nil
}

// onlySelect asks DuckDB's own parser whether query is exactly one SELECT:
// json_serialize_sql serialises SELECT statements only.
func (s *Sandbox) onlySelect(ctx context.Context, query string) error {
	var js string
	if err := s.conn.QueryRowContext(ctx, `SELECT json_serialize_sql(?::VARCHAR)::VARCHAR`, query).Scan(&js); err != nil {
		return s.explain(ctx, err)
	}
	var parsed struct {
		Error        bool              `json:"error"`
		ErrorMessage string            `json:"error_message"`
		Statements   []json.RawMessage `json:"statements"`
	}
	if err := json.Unmarshal([]byte(js), &parsed); err != nil {
		return fmt.Errorf("sandbox: %w", err)
	}
	switch {
	case parsed.Error && strings.Contains(parsed.ErrorMessage, "Only SELECT"):
		return fmt.Errorf("%w: only SELECT queries are allowed", ErrRefused)
	case parsed.Error:
		return fmt.Errorf("%w: %s", ErrRefused, parsed.ErrorMessage)
	case len(parsed.Statements) != 1:
		return fmt.Errorf("%w: one statement at a time (got %d)", ErrRefused, len(parsed.Statements))
	}
	return nil
}

// explain turns a timeout into a clear error.
func (s *Sandbox) explain(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("%w: query stopped after the %s statement timeout", ErrRefused, s.limits.Timeout)
	}
	return err
}
