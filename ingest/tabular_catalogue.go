// The tabular source catalogue (data/tables.json): for every INSEE, Filosofi
// or CAF table, where the file lives, its exact header, and which column
// feeds which variable on which COG vintage. Adding a vintage of a source
// means adding an entry there, not Go code.

package ingest

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/region-bretagne/obs/data"
)

// Table is one tabular source file.
type Table struct {
	ID        string `json:"id"`
	Format    string `json:"format"` // insee-comparateur, insee-dossier, filosofi, caf1, caf2: documentation only
	Path      string `json:"path"`   // relative to the data dir
	Publisher string `json:"publisher"`
	Vintage   string `json:"vintage"`
	Licence   string `json:"licence"`
	Required  bool   `json:"required"`
	Level     string `json:"level"` // commune | epci | departement | region | qpv | iris
	// Encoding is utf-8 (a BOM is accepted), latin-1, or auto: UTF-8 when
	// the bytes are valid UTF-8, else Latin-1 (CAF generation 1, whose
	// encoding is not documented).
	Encoding string `json:"encoding"`
	Key      string `json:"key"` // column holding the territory code
	// VintageColumn, when set, gives each row's data vintage (CAF
	// generation 2: dtreffre = YYYY-MM, December rows only).
	VintageColumn string   `json:"vintage_column,omitempty"`
	Header        []string `json:"header"` // the exact expected header, in order
	Blank         *Blank   `json:"blank,omitempty"`
	// Numbers, when set, is the status given to every published number
	// (CAF generation 2: counts rounded to 5 are "estimated").
	Numbers *Blank `json:"numbers,omitempty"`
	// SkipCodes are special rows that are no territory (CAF: 99999 abroad,
	// XXXXX unknown commune, empty code = not located): noted, not loaded.
	SkipCodes []string `json:"skip_codes,omitempty"`
	// Summary names a key value that is no territory but the publisher's
	// summary row ("Ensemble" = ensemble des QPV): loaded under that code.
	Summary string  `json:"summary,omitempty"`
	Groups  []Group `json:"groups"`
	Note    string  `json:"note,omitempty"`
	// Options for national files, trailing empty columns, thousands
	// separators and column subsets (tabular_options.go).
	TableOptions
}

// Group is a set of columns published on one COG vintage.
type Group struct {
	COG     int      `json:"cog"`
	Label   string   `json:"label"`             // source label shown with values: "Insee, RP 2022"
	Decimal string   `json:"decimal,omitempty"` // "." (default) or ","
	Columns []Column `json:"columns"`
}

// Column maps one column of the file onto a variable.
type Column struct {
	Column   string `json:"column"`
	Variable string `json:"variable"`
	Vintage  string `json:"vintage,omitempty"` // empty with a table VintageColumn
	Additive bool   `json:"additive"`          // counts: may be summed and converted between COG vintages
	Decimal  string `json:"decimal,omitempty"` // overrides the group's
	Blank    *Blank `json:"blank,omitempty"`   // overrides the table's
	// Floor, when set, is a publication floor: a value at or below it is
	// status floored (Filosofi commune poverty rates are shown at 5 %
	// when lower).
	Floor *float64 `json:"floor,omitempty"`
}

// Levels a tabular source may publish.
var tableLevels = []string{"commune", "epci", "departement", "region", "france", "qpv", "iris"}

// TableCatalogue reads and checks the embedded data/tables.json.
func TableCatalogue() ([]Table, error) {
	b, err := data.Files.ReadFile("tables.json")
	if err != nil {
		return nil, fmt.Errorf("data/tables.json: %w", err)
	}
	return ParseTableCatalogue(b)
}

// ParseTableCatalogue decodes and validates a table catalogue.
func ParseTableCatalogue(b []byte) ([]Table, error) {
	var c struct {
		Tables []Table `json:"tables"`
	}
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("data/tables.json: %w", err)
	}
	seen := map[string]bool{}
	for i := range c.Tables {
		t := &c.Tables[i]
		if err := t.validate(); err != nil {
			return nil, fmt.Errorf("data/tables.json: table %d (%s): %w", i, t.ID, err)
		}
		if seen[t.ID] {
			return nil, fmt.Errorf("data/tables.json: table %d: duplicate id %q", i, t.ID)
		}
		seen[t.ID] = true
	}
	return c.Tables, nil
}

func (t *Table) validate() error {
	switch {
	case t.ID == "" || t.Path == "":
		return fmt.Errorf("id and path are required")
	case !slices.Contains(tableLevels, t.Level):
		return fmt.Errorf("level %q: want one of %v", t.Level, tableLevels)
	case t.Encoding != "utf-8" && t.Encoding != "latin-1" && t.Encoding != "auto":
		return fmt.Errorf("encoding %q: want utf-8, latin-1 or auto", t.Encoding)
	case t.validateOptions() != nil:
		return t.validateOptions()
	case !slices.Contains(t.Header, t.Key):
		return fmt.Errorf("key column %q is not in the header", t.Key)
	case t.VintageColumn != "" && !slices.Contains(t.Header, t.VintageColumn):
		return fmt.Errorf("vintage column %q is not in the header", t.VintageColumn)
	case len(t.Groups) == 0:
		return fmt.Errorf("no column group")
	case t.Thousands != "" && (t.Thousands == "," || t.Thousands == "." || strings.ContainsAny(t.Thousands, "0123456789")):
		return fmt.Errorf("thousands separator %q: must not be a digit or a decimal mark", t.Thousands)
	}
	if t.Blank == nil {
		t.Blank = &DefaultBlank
	}
	mapped := map[string]bool{}
	for gi, g := range t.Groups {
		if g.COG == 0 || g.Label == "" {
			return fmt.Errorf("group %d: cog and label are required", gi)
		}
		for _, col := range g.Columns {
			switch {
			case !slices.Contains(t.Header, col.Column):
				return fmt.Errorf("group %d: column %q is not in the header", gi, col.Column)
			case mapped[col.Column]:
				return fmt.Errorf("group %d: column %q is mapped twice", gi, col.Column)
			case col.Variable == "":
				return fmt.Errorf("column %q: variable is required", col.Column)
			case col.Vintage == "" && t.VintageColumn == "":
				return fmt.Errorf("column %q: vintage is required (no vintage_column)", col.Column)
			}
			if _, err := col.decimal(g); err != nil {
				return fmt.Errorf("column %q: %w", col.Column, err)
			}
			mapped[col.Column] = true
		}
	}
	return nil
}

// decimal returns the decimal mark of a column of group g.
func (c Column) decimal(g Group) (byte, error) {
	d := c.Decimal
	if d == "" {
		d = g.Decimal
	}
	switch d {
	case "", ".":
		return '.', nil
	case ",":
		return ',', nil
	}
	return 0, fmt.Errorf("decimal %q: want \".\" or \",\"", d)
}

// source is the `source` table entry of a tabular file.
func (t Table) source() Source {
	return Source{ID: t.ID, Loader: "tabular-" + t.Format, Path: t.Path, Publisher: t.Publisher,
		Vintage: t.Vintage, Licence: t.Licence, Required: t.Required}
}
