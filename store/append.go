// Bulk loading through DuckDB's appender, much faster than INSERT statements.

package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"reflect"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// Append writes rows into table with DuckDB's appender. Each row must list
// every column of the table in order.
func Append(ctx context.Context, db *sql.DB, table string, rows [][]any) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("append %s: %w", table, err)
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		a, err := duckdb.NewAppenderFromConn(dc.(driver.Conn), "", table)
		if err != nil {
			return fmt.Errorf("append %s: %w", table, err)
		}
		for i, r := range rows {
			if err := a.AppendRow(toValues(r)...); err != nil {
				a.Close()
				return fmt.Errorf("append %s: row %d: %w", table, i, err)
			}
		}
		if err := a.Close(); err != nil {
			return fmt.Errorf("append %s: flush: %w", table, err)
		}
		return nil
	})
}

// toValues passes a row to the appender. A value of a named string type
// (value.Status, value.Level…) is stored as its plain string, which the
// appender requires.
func toValues(r []any) []driver.Value {
	out := make([]driver.Value, len(r))
	for i, v := range r {
		if rv := reflect.ValueOf(v); rv.Kind() == reflect.String {
			v = rv.String()
		}
		out[i] = v
	}
	return out
}
