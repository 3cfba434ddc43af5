// The sandbox session: the locked-down, in-process DuckDB instance that a
// sandbox worker process runs analysts' queries in. It can read the store
// and nothing else.

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
	"time"
)

// session is one locked DuckDB instance with the store attached read-only.
type session struct {
	db   *sql.DB
	conn *sql.Conn // the one pinned connection, whose catalogue is the store
}

// openSession opens the store in its own in-memory DuckDB instance: the
// store is attached read-only, then external access is disabled (no files,
// no network, no extensions) and the configuration locked, so that no SET
// or PRAGMA can lift a limit. A separate instance is needed because DuckDB
// refuses two configurations of one file in a process.
func openSession(ctx context.Context, path, memoryLimit string) (*session, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(abs); err != nil {
		return nil, fmt.Errorf("%w: %s (run `obs ingest --db %s` first)", ErrNoStore, path, path)
	}
	q := url.Values{}
	q.Set("memory_limit", memoryLimit)
	q.Set("threads", "1")
	q.Set("autoload_known_extensions", "false")
	q.Set("autoinstall_known_extensions", "false")
	q.Set("temp_directory", "") // nothing spills to disk: the memory limit stops the query
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
	return &session{db: db, conn: conn}, nil
}

func (s *session) close() error {
	s.conn.Close()
	return s.db.Close()
}

// query runs one SELECT statement for at most timeout (limit is the
// nominal timeout, named in errors), with at most maxRows rows and maxBytes
// bytes of JSON-encoded rows. Anything else (DDL, DML, COPY, ATTACH,
// INSTALL, LOAD, SET, PRAGMA, several statements) is refused before it runs.
func (s *session) query(ctx context.Context, query string, timeout, limit time.Duration, maxRows, maxBytes int) (*Result, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	explain := func(err error) error {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return fmt.Errorf("%w after the %s statement timeout", ErrStopped, limit)
		}
		if msg := err.Error(); strings.Contains(msg, "Out of Memory") {
			// DuckDB's first line says what failed; its tuning tips (SET
			// memory_limit…) do not apply to a locked sandbox.
			first, _, _ := strings.Cut(msg, "\n")
			return fmt.Errorf("%w: it needs more than the sandbox memory (%s)", ErrStopped, first)
		}
		return err
	}
	if err := s.onlySelect(ctx, query); err != nil {
		return nil, explain(err)
	}
	rows, err := s.conn.QueryContext(ctx, query)
	if err != nil {
		return nil, explain(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	res := &Result{Columns: cols, Rows: [][]any{}}
	size := 0
	for rows.Next() {
		if len(res.Rows) == maxRows {
			res.Truncated = true
			break
		}
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, explain(err)
		}
		for i, v := range vals {
			vals[i] = jsonable(v)
		}
		b, err := json.Marshal(vals)
		if err != nil {
			return nil, fmt.Errorf("sandbox: row %d: %w", len(res.Rows)+1, err)
		}
		if size += len(b); size > maxBytes {
			return nil, fmt.Errorf("%w: the result exceeds %d MB", ErrStopped, maxBytes>>20)
		}
		res.Rows = append(res.Rows, vals)
	}
	if err := rows.Err(); err != nil {
		return nil, explain(err)
	}
	return res, nil
}

// onlySelect asks DuckDB's own parser whether query is exactly one SELECT:
// json_serialize_sql serialises SELECT statements only.
func (s *session) onlySelect(ctx context.Context, query string) error {
	var js string
	if err := s.conn.QueryRowContext(ctx, `SELECT json_serialize_sql(?::VARCHAR)::VARCHAR`, query).Scan(&js); err != nil {
		return err
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
