// Tabular output of every listing command: an aligned table for the
// terminal, `;` CSV with a UTF-8 BOM for French Excel, or JSON.

package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// table is a result to print: typed cells, and how to show each as text.
type table struct {
	Columns []string
	Rows    [][]any
	// Text formats a cell for the table and CSV outputs; nil cells print as
	// the empty string in CSV and "n.d." in the terminal table.
	Text func(col int, v any) string
	// Pretty, when set, formats a cell for the terminal table only (French
	// thousands separators, decimal comma); CSV keeps Text for Excel.
	Pretty func(col int, v any) string
}

var formats = []string{"table", "csv", "json"}

func (t table) write(w io.Writer, format string) error {
	switch format {
	case "table":
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, strings.Join(t.Columns, "\t"))
		for _, r := range t.Rows {
			cells := make([]string, len(r))
			for i, v := range r {
				if v == nil {
					cells[i] = "n.d."
				} else if t.Pretty != nil {
					cells[i] = t.Pretty(i, v)
				} else {
					cells[i] = t.text(i, v)
				}
			}
			fmt.Fprintln(tw, strings.Join(cells, "\t"))
		}
		return tw.Flush()
	case "csv":
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
		cw := csv.NewWriter(w)
		cw.Comma = ';'
		if err := cw.Write(t.Columns); err != nil {
			return err
		}
		for _, r := range t.Rows {
			cells := make([]string, len(r))
			for i, v := range r {
				if v != nil {
					cells[i] = t.text(i, v)
				}
			}
			if err := cw.Write(cells); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	case "json":
		out := make([]map[string]any, len(t.Rows))
		for i, r := range t.Rows {
			m := make(map[string]any, len(r))
			for j, v := range r {
				m[t.Columns[j]] = v
			}
			out[i] = m
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(formats, ", "))
}

func (t table) text(col int, v any) string {
	if t.Text != nil {
		return t.Text(col, v)
	}
	return fmt.Sprint(v)
}
