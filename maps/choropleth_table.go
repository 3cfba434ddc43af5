// This file writes the companion table of a map (the mapped values with
// their status) as CSV for spreadsheets and as an HTML table for reports.

package maps

import (
	"encoding/csv"
	"fmt"
	"html/template"
	"io"

	"github.com/region-bretagne/obs/frnum"
	"github.com/region-bretagne/obs/value"
)

// WriteTableCSV writes the areas of spec as a CSV file for French
// spreadsheets: UTF-8 with a byte-order mark, ';' separator, decimal comma,
// no thousands separator, values at full precision (not rounded to the
// map's decimals, so analysts can recompute). Columns: code, libelle,
// valeur, statut, classe (the legend label).
// Secret and missing values leave the value and class cells empty, never 0.
func WriteTableCSV(w io.Writer, spec ChoroplethSpec) error {
	areas, lg, err := spec.style()
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return fmt.Errorf("maps: table CSV: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	if err := cw.Write([]string{"code", "libelle", "valeur", "statut", "classe"}); err != nil {
		return fmt.Errorf("maps: table CSV: %w", err)
	}
	for _, a := range areas {
		value, class := "", ""
		if a.class >= 0 {
			value = frnum.Plain(a.Value, -1)
			class = lg.Entries[a.class].Label
		}
		if err := cw.Write([]string{a.Code, a.Name, value, a.Status.Label(), class}); err != nil {
			return fmt.Errorf("maps: table CSV, area %d (%s): %w", a.index, a.Code, err)
		}
	}
	for _, a := range spec.Unmapped {
		v := ""
		if a.Status.HasValue() {
			v = frnum.Plain(a.Value, -1)
		}
		if err := cw.Write([]string{a.Code, a.Name, v, a.Status.Label(), UnmappedClass}); err != nil {
			return fmt.Errorf("maps: table CSV, unmapped %s: %w", a.Code, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("maps: table CSV: %w", err)
	}
	return nil
}

// tableHTML is the companion HTML table; html/template escapes every cell.
var tableHTML = template.Must(template.New("table").Parse(`<table class="obs-map-table">
<caption>{{.Caption}}</caption>
<thead><tr><th scope="col">Code</th><th scope="col">Territoire</th><th scope="col">Valeur</th><th scope="col">Statut</th><th scope="col">Classe</th></tr></thead>
<tbody>
{{range .Rows}}<tr data-code="{{.Code}}" data-status="{{.Status}}"><td>{{.Code}}</td><td>{{.Name}}</td><td style="text-align:right">{{.Value}}</td><td>{{.StatusLabel}}</td><td>{{.Class}}</td></tr>
{{end}}</tbody>
<tfoot><tr><td colspan="5">{{.Source}}</td></tr></tfoot>
</table>
`))

// UnmappedClass is the class cell of a territory listed without being
// drawn (ChoroplethSpec.Unmapped).
const UnmappedClass = "hors carte (sans périmètre)"

// tableRow is one row of the HTML table.
type tableRow struct {
	Code, Name, Status, StatusLabel, Value, Class string
}

// WriteTableHTML writes the areas of spec as an accessible HTML table
// (caption, header cells with scope, source in the footer), values in
// French format with their status; secret and missing values print as
// "secret statistique" and "n.d.".
func WriteTableHTML(w io.Writer, spec ChoroplethSpec) error {
	areas, lg, err := spec.style()
	if err != nil {
		return err
	}
	data := struct {
		Caption, Source string
		Rows            []tableRow
	}{Caption: docTitle(spec), Source: sourceLine(spec)}
	for _, a := range areas {
		r := tableRow{Code: a.Code, Name: a.Name, Status: string(a.Status), StatusLabel: a.Status.Label(),
			Value: value.Text(value.FormTable, a.Value, a.Status, spec.Unit, spec.Decimals)}
		if a.class >= 0 {
			r.Class = lg.Entries[a.class].Label
		}
		data.Rows = append(data.Rows, r)
	}
	for _, a := range spec.Unmapped {
		data.Rows = append(data.Rows, tableRow{Code: a.Code, Name: a.Name, Status: string(a.Status), StatusLabel: a.Status.Label(),
			Value: value.Text(value.FormTable, a.Value, a.Status, spec.Unit, spec.Decimals), Class: UnmappedClass})
	}
	if err := tableHTML.Execute(w, data); err != nil {
		return fmt.Errorf("maps: table HTML: %w", err)
	}
	return nil
}
