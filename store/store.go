// Package store opens the observatory's DuckDB file and holds its schema.
//
// The store is written once by ingest (into a temporary file that is swapped
// in atomically) and read by everything above it.
package store

import (
	"context"
	"database/sql"
	_ "embed"
	"errors"
	"fmt"
	"os"

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

// Open opens an existing store. readOnly opens it with access_mode=read_only,
// which lets several readers share the file.
func Open(ctx context.Context, path string, readOnly bool) (*sql.DB, error) {
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%w: %s (run `obs ingest --db %s` first)", ErrNoStore, path, path)
		}
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	dsn := path
	if readOnly {
		dsn += "?access_mode=read_only"
	}
	return openDSN(ctx, dsn)
}

// Create opens (creating) a read-write store and applies the schema.
func Create(ctx context.Context, path string) (*sql.DB, error) {
	db, err := openDSN(ctx, path)
	if err != nil {
		return nil, err
	}
	if _, err := db.ExecContext(ctx, Schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: apply schema: %w", path, err)
	}
	return db, nil
}

func openDSN(ctx context.Context, dsn string) (*sql.DB, error) {
	c, err := duckdb.NewConnector(dsn, nil)
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
