// Opening and creating the store file.

package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

//go:embed schema.sql
var Schema string

// DefaultPath is the store used when neither --db nor $OBS_DB is given.
const DefaultPath = "obs.duckdb"

// Path resolves the store path: the flag value, else $OBS_DB, else DefaultPath.
func Path(flag string) string {
	if flag != "" {
		return flag
	}
	if env := os.Getenv("OBS_DB"); env != "" {
		return env
	}
	return DefaultPath
}

// ErrNoStore is returned by Open when the file does not exist.
var ErrNoStore = errors.New("store not found")

// Open opens an existing store. readOnly attaches the file read-only to a
// fresh in-memory DuckDB instance: several readers can share the file, and
// a store swapped in by a later ingest is really read anew (DuckDB caches
// instances by path, so opening the path itself would return the old one).
func Open(ctx context.Context, path string, readOnly bool) (*sql.DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	if _, err := os.Stat(abs); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%w: %s (run `obs ingest --db %s` first)", ErrNoStore, path, path)
		}
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	if !readOnly {
		return openDSN(ctx, abs, nil)
	}
	attach := fmt.Sprintf("ATTACH IF NOT EXISTS '%s' AS obs (READ_ONLY)", strings.ReplaceAll(abs, "'", "''"))
	return openDSN(ctx, ":memory:", func(execer driver.ExecerContext) error {
		for _, stmt := range []string{attach, "USE obs"} {
			if _, err := execer.ExecContext(ctx, stmt, nil); err != nil {
				return fmt.Errorf("store %s: %s: %w", path, stmt, err)
			}
		}
		return nil
	})
}

// Create opens (creating) a read-write store and applies the schema.
func Create(ctx context.Context, path string) (*sql.DB, error) {
	db, err := openDSN(ctx, path, nil)
	if err != nil {
		return nil, err
	}
	if _, err := db.ExecContext(ctx, Schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: apply schema: %w", path, err)
	}
	return db, nil
}

// openDSN opens a DuckDB database; init, when set, runs on every new connection.
func openDSN(ctx context.Context, dsn string, init func(driver.ExecerContext) error) (*sql.DB, error) {
	c, err := duckdb.NewConnector(dsn, init)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", dsn, err)
	}
	db := sql.OpenDB(c)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: %w", dsn, err)
	}
	return db, nil
}
