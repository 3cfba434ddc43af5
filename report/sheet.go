// The Sheet model: headline figures, themes, rows, cells, charts and footnotes, and its HTML writer.

package report

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"time"

	"github.com/region-bretagne/obs/value"
)

// Sheet is everything a fact sheet shows, already formatted in French.
type Sheet struct {
	Code, Name  string
	Level       value.Level // commune | epci | departement | region | qpv
	LevelLabel  string      // "Commune", "Intercommunalité (EPCI)"…
	Context     string      // "Ille-et-Vilaine, Rennes Métropole" …
	COG         int
	CrossBorder bool
	Generated   time.Time
	Headlines   []Headline
	Columns     []string // comparison columns: the territory, its EPCI, département, région, France
	ColumnNote  string   // why a comparison column is left out ("France : non calculé…"), "" for none
	Themes      []Theme
	LocatorSVG  template.HTML
	MapSVG      template.HTML // choropleth of the surroundings
	MapCaption  string
	Charts      []Chart
	Quartiers   *Quartiers // the IRIS of a commune or EPCI, nil when it has none
	Footnotes   []Footnote
}

// Headline is one key figure at the top of the sheet.
type Headline struct {
	ID                 string // indicator id
	Label, Value, Note string
	Ref                int // footnote number, 0 for none
}

// Theme is one theme of the plan with its indicator rows.
type Theme struct {
	Name string
	Rows []Row
	// Pending lists the theme's indicators whose source is still to be
	// integrated, printed on one line rather than as rows of "n.d.".
	Pending []Pending
}

// Pending is an indicator whose source is not integrated yet.
type Pending struct {
	Label, Source string
}

// Row is one indicator compared across levels.
type Row struct {
	Label      string
	Vintage    string // data vintage of the values ("2022")
	Unit       value.Unit
	Cells      []Cell // one per Sheet.Columns
	Evolution  string // "+0,9 % par an", "+1,2 pt"; "" when a single census vintage exists
	EvolPeriod string // "2016-2022"
	EvolRef    int    // footnote number explaining the evolution
	Ref        int    // footnote number of the source
}

// Cell is one formatted value.
type Cell struct {
	Text   string       // "12,3 %", "secret statistique", "n.d."
	Status value.Status // ok | secret | missing | floored | estimated
	Ref    int          // footnote explaining a missing value, 0 for none
	// Vintage is set when the value is of another vintage than its row's
	// (the commune, EPCI and ensemble des QPV columns of a QPV sheet).
	Vintage string
}

// Chart is one chart by public, as inline SVG.
type Chart struct {
	Title string
	SVG   template.HTML
}

// Footnote is a numbered note: a source and vintage, or why a value is
// not available.
type Footnote struct {
	N    int
	Text string
}

//go:embed sheet.html.tmpl
var sheetTemplate string

var sheetTmpl = template.Must(template.New("sheet").Funcs(template.FuncMap{"date": frenchDate}).Parse(sheetTemplate))

// frenchDate writes a date in French: "1er décembre 2026", "28 novembre
// 2026", with no-break spaces.
func frenchDate(t time.Time) string {
	months := []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	day := fmt.Sprint(t.Day())
	if t.Day() == 1 {
		day = "1er"
	}
	return fmt.Sprintf("%s\u00a0%s\u00a0%d", day, months[t.Month()-1], t.Year())
}

// headline returns the value of a headline figure by indicator id, or "".
func (s *Sheet) headline(id string) string {
	for _, h := range s.Headlines {
		if h.ID == id {
			return h.Value
		}
	}
	return ""
}

// WriteHTML renders the sheet as a self-contained HTML page.
func (s *Sheet) WriteHTML(w io.Writer) error {
	return sheetTmpl.Execute(w, s)
}

// HTML renders the sheet to bytes.
func (s *Sheet) HTML() ([]byte, error) {
	var b bytes.Buffer
	err := s.WriteHTML(&b)
	return b.Bytes(), err
}
