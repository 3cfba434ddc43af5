// obs sql: analysts' read-only SQL on the store, in the same sandbox as
// POST /api/sql.

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/region-bretagne/obs/store"
)

func init() {
	register("sql", "exécute une requête SELECT en lecture seule sur le magasin", runSQL)
}

func runSQL(ctx context.Context, args []string, stdout io.Writer) error {
	fs, dbFlag := newFlags("sql")
	format := fs.String("format", "table", "output: table|csv|json")
	if err := fs.Parse(args); err != nil {
		return err
	}
	query := strings.Join(fs.Args(), " ")
	if query == "" || query == "-" {
		b, err := io.ReadAll(os.Stdin)
		if err != nil {
			return err
		}
		query = string(b)
	}
	if strings.TrimSpace(query) == "" {
		return fmt.Errorf("no query: obs sql \"SELECT …\" (or the query on standard input)")
	}
	sb, err := store.OpenSandbox(ctx, store.Path(*dbFlag), store.DefaultLimits)
	if err != nil {
		return err
	}
	defer sb.Close()
	res, err := sb.Query(ctx, query)
	if err != nil {
		return err
	}
	t := table{Columns: res.Columns, Rows: res.Rows}
	if err := t.write(stdout, *format); err != nil {
		return err
	}
	if res.Truncated {
		fmt.Fprintf(os.Stderr, "obs sql: résultat tronqué à %d lignes\n", store.DefaultLimits.MaxRows)
	}
	return nil
}
