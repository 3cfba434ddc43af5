// The plan file: `;` CSV in UTF-8 (a BOM accepted) with a fixed header,
// as analysts save it from Excel. Parse checks the syntax of each cell;
// Validate (validate.go) checks the rows against the catalogue and COG.

package plan

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Header is the exact header of a plan file.
var Header = []string{"action", "theme", "intitule", "pilote", "indicateur", "territoire", "public",
	"annee_reference", "valeur_reference", "annee_cible", "valeur_cible", "sens", "commentaire"}

// Direction is the direction in which the plan wants an indicator to go.
type Direction string

// Directions of a plan row.
const (
	Up   Direction = "hausse"
	Down Direction = "baisse"
)

// sign is +1 for hausse, −1 for baisse.
func (d Direction) sign() float64 {
	if d == Down {
		return -1
	}
	return 1
}

// Row is one line of the plan: an action followed by one indicator on one
// territory for one public. BaseValue and TargetValue are NaN when empty;
// TargetYear is 0 when empty.
type Row struct {
	Line        int       `json:"ligne"`
	Action      string    `json:"action"`
	Theme       string    `json:"theme"`
	Title       string    `json:"intitule"`
	Pilot       string    `json:"pilote"`
	Indicator   string    `json:"indicateur"`
	Territory   string    `json:"territoire"`
	Public      string    `json:"public"`
	BaseYear    int       `json:"annee_reference"`
	BaseValue   float64   `json:"-"`
	TargetYear  int       `json:"annee_cible,omitempty"`
	TargetValue float64   `json:"-"`
	Direction   Direction `json:"sens"`
	Comment     string    `json:"commentaire,omitempty"`
}

// HasTarget reports whether the row has a target value and year.
func (r Row) HasTarget() bool { return r.TargetYear != 0 && !math.IsNaN(r.TargetValue) }

// Plan is a parsed plan file.
type Plan struct {
	Name string // file name, for messages
	Rows []Row
}

// Parse reads a plan file. Every syntax problem is reported (as Errors),
// and then no plan is returned: a file is never half-loaded.
func Parse(r io.Reader, name string) (*Plan, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	cr := csv.NewReader(bytes.NewReader(b))
	cr.Comma = ';'
	cr.FieldsPerRecord = -1
	var errs Errors
	head, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: %w", name, Errors{{Line: 1, Problem: "fichier vide (en-tête attendu\u00a0: " + strings.Join(Header, ";") + ")"}})
		}
		return nil, fmt.Errorf("%s: %w", name, Errors{{Line: 1, Problem: "en-tête illisible\u00a0: " + err.Error()}})
	}
	if strings.Join(trimAll(head), ";") != strings.Join(Header, ";") {
		return nil, fmt.Errorf("%s: %w", name, Errors{{Line: 1, Problem: fmt.Sprintf("en-tête %q, attendu exactement %q", strings.Join(head, ";"), strings.Join(Header, ";"))}})
	}
	p := &Plan{Name: name}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			errs = append(errs, Error{Line: line, Problem: "ligne CSV illisible\u00a0: " + err.Error()})
			break // the reader cannot resynchronise reliably
		}
		line, _ := cr.FieldPos(0)
		if isBlank(rec) {
			continue
		}
		if len(rec) != len(Header) {
			errs = append(errs, Error{Line: line, Problem: fmt.Sprintf("%d colonnes, %d attendues (séparateur «\u00a0;\u00a0»)", len(rec), len(Header))})
			continue
		}
		row, rerrs := parseRow(trimAll(rec), line)
		errs = append(errs, rerrs...)
		p.Rows = append(p.Rows, row)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s: %w", name, errs)
	}
	return p, nil
}

// parseRow reads the cells of one record.
func parseRow(rec []string, line int) (Row, Errors) {
	var errs Errors
	bad := func(col, problem string) { errs = append(errs, Error{Line: line, Column: col, Problem: problem}) }
	r := Row{Line: line, Action: rec[0], Theme: rec[1], Title: rec[2], Pilot: rec[3], Indicator: rec[4],
		Territory: rec[5], Public: rec[6], Comment: rec[12], BaseValue: math.NaN(), TargetValue: math.NaN()}
	if r.Action == "" {
		bad("action", "identifiant d'action vide")
	}
	if r.Theme == "" {
		bad("theme", "thème vide")
	}
	year := func(col, s string, required bool) int {
		if s == "" {
			if required {
				bad(col, "année vide")
			}
			return 0
		}
		y, err := strconv.Atoi(s)
		if err != nil || y < 1900 || y > 2100 {
			bad(col, fmt.Sprintf("%q n'est pas une année (AAAA)", s))
			return 0
		}
		return y
	}
	number := func(col, s string) float64 {
		if s == "" {
			return math.NaN()
		}
		v, err := ParseNumber(s)
		if err != nil {
			bad(col, err.Error())
		}
		return v
	}
	r.BaseYear = year("annee_reference", rec[7], r.Indicator != "")
	r.BaseValue = number("valeur_reference", rec[8])
	r.TargetYear = year("annee_cible", rec[9], false)
	r.TargetValue = number("valeur_cible", rec[10])
	if r.TargetYear == 0 && rec[9] == "" && !math.IsNaN(r.TargetValue) {
		bad("annee_cible", "valeur cible sans année cible")
	}
	if r.TargetYear != 0 && r.BaseYear != 0 && r.TargetYear <= r.BaseYear {
		bad("annee_cible", fmt.Sprintf("année cible %d antérieure ou égale à l'année de référence %d", r.TargetYear, r.BaseYear))
	}
	switch s := strings.ToLower(rec[11]); Direction(s) {
	case Up, Down:
		r.Direction = Direction(s)
	default:
		if r.Indicator != "" || s != "" {
			bad("sens", fmt.Sprintf("sens %q\u00a0: «\u00a0hausse\u00a0» ou «\u00a0baisse\u00a0» attendu", rec[11]))
		}
	}
	return r, errs
}

// ParseNumber reads a number as Excel writes it in French or English:
// "12,5", "12.5", "1 234,5" (space, no-break or narrow no-break space
// thousands).
func ParseNumber(s string) (float64, error) {
	t := strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "").Replace(s)
	if strings.Count(t, ",") == 1 && !strings.Contains(t, ".") {
		t = strings.Replace(t, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return math.NaN(), fmt.Errorf("%q n'est pas un nombre", s)
	}
	return v, nil
}

func trimAll(rec []string) []string {
	out := make([]string, len(rec))
	for i, s := range rec {
		out[i] = strings.TrimSpace(s)
	}
	return out
}

func isBlank(rec []string) bool {
	for _, s := range rec {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}
