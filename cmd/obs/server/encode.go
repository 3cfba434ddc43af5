// Response encoders shared by the handlers: JSON, and `;` CSV with a
// UTF-8 BOM that French Excel opens as is.

package server

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"strings"
)

func writeJSON(w http.ResponseWriter, v any) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func writeCSV(w http.ResponseWriter, filename string, header []string, rows [][]string) error {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	return writeCSVBody(w, header, rows)
}

// writeCSVBody writes the BOM, the header and the rows.
func writeCSVBody(w io.Writer, header []string, rows [][]string) error {
	if _, err := w.Write([]byte("\ufeff")); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.Write(header)
	cw.WriteAll(rows)
	return cw.Error()
}

func joinComma(s []string) string { return strings.Join(s, ",") }
