// The ingest step that loads every tabular source of data/tables.json into
// the `observation` table.

package ingest

import (
	"context"
	_ "embed"
	"errors"
	"fmt"

	"github.com/region-bretagne/obs/store"
)

//go:embed tabular_schema.sql
var tabularSchema string

// TabularStep is the ingest step loading data/tables.json.
func TabularStep() Step {
	return Step{Name: "tables", Run: func(ctx context.Context, b *Builder) error {
		tables, err := TableCatalogue()
		if err != nil {
			return err
		}
		return b.LoadTables(ctx, tables)
	}}
}

// LoadTables creates the observation table and loads tables into it. An
// absent optional file is noted and skipped; an absent required file, a
// header that differs from the declared one or an unreadable cell fails.
// When two tables give the same (COG, territory, variable, vintage), the
// first in catalogue order wins and a differing second value is noted.
func (b *Builder) LoadTables(ctx context.Context, tables []Table) error {
	if _, err := b.DB.ExecContext(ctx, tabularSchema); err != nil {
		return fmt.Errorf("observation schema: %w", err)
	}
	type key struct {
		cog                            int
		level, code, variable, vintage string
	}
	seen := map[key]Observation{}
	var rows [][]any
	per := newPerimeters()
	for _, t := range tables {
		f, err := b.Read(ctx, t.source())
		if err != nil {
			if errors.Is(err, ErrMissingFile) && !t.Required {
				b.Log.Info("optional table not in the data folder", "table", t.ID, "path", t.Path)
				// Recorded without a warning: an absent optional source is the normal case.
				if _, err := b.DB.ExecContext(ctx, `INSERT INTO ingest_note VALUES (?,?,?)`, "tables", t.ID,
					fmt.Sprintf("source à intégrer\u00a0: %s absent du dossier de données (%s)", t.Path, t.Publisher)); err != nil {
					return err
				}
				continue
			}
			return fmt.Errorf("table %s: %w", t.ID, err)
		}
		r, err := readTable(ctx, b.DB, b.COG, t, f)
		if err != nil {
			return fmt.Errorf("table %s: %w", t.ID, err)
		}
		per.keep(tables, t, r.obs)
		pnotes, err := per.check(b.COG, t, r.obs)
		if err != nil {
			return fmt.Errorf("table %s: %w", t.ID, err)
		}
		for _, n := range append(r.notes, pnotes...) {
			if err := b.Note(ctx, "tables", n.subject, n.note); err != nil {
				return err
			}
		}
		for _, o := range r.obs {
			k := key{o.COG, o.Level, o.Code, o.Variable, o.Vintage}
			if prev, dup := seen[k]; dup {
				if prev.Value != o.Value || prev.Status != o.Status {
					if err := b.Note(ctx, "tables", o.Code, fmt.Sprintf("%s %s %s\u00a0: valeur de %s ignorée, %s chargé en premier fait foi", o.Variable, o.Vintage, o.Code, o.Source, prev.Source)); err != nil {
						return err
					}
				}
				continue
			}
			seen[k] = o
			var v any
			if o.HasValue {
				v = o.Value
			}
			rows = append(rows, []any{o.Source, o.COG, o.Level, o.Code, o.Variable, o.Vintage, v, string(o.Status), o.Reason, o.Additive, o.Label})
		}
		b.Log.Info("table loaded", "table", t.ID, "observations", len(r.obs))
	}
	return store.Append(ctx, b.DB, "observation", rows)
}
