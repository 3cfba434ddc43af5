// Tabular outputs of a bilan: `;` CSV with a BOM for French Excel (the
// fixed columns of the plan's results), JSON, and a terminal table.

package plan

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/region-bretagne/obs/frnum"
	"github.com/region-bretagne/obs/value"
)

// Columns of the CSV output.
var Columns = []string{"action", "indicateur", "territoire", "public", "annee_reference", "valeur_reference",
	"annee_courante", "valeur_courante", "annee_cible", "valeur_cible", "taux_avancement", "statut", "motif"}

// cells are the columns of a result; plain numbers (decimal comma) when
// plain, French display texts otherwise.
func (r Result) cells(plain bool) []string {
	year := func(y int) string {
		if y == 0 {
			return ""
		}
		return strconv.Itoa(y)
	}
	num := func(v float64) string {
		if plain {
			return frnum.Plain(v, r.Decimals+1)
		}
		if math.IsNaN(v) {
			return frnum.NotAvailable
		}
		return r.Unit.Format(v, r.Decimals)
	}
	rate := ""
	if !math.IsNaN(r.Rate) {
		if plain {
			rate = frnum.Plain(100*r.Rate, 1)
		} else {
			rate = value.UnitPercent.Format(100*r.Rate, 0)
		}
	}
	cur := r.Current.Value
	if r.Current.Year == 0 {
		cur = math.NaN()
	}
	tv := r.Target.Value
	if r.Target.Year == 0 {
		tv = math.NaN()
	}
	at := func(y int, v float64) string {
		if y == 0 {
			return ""
		}
		return num(v)
	}
	return []string{r.Action, r.Row.Indicator, r.Territory, r.Public, year(r.Base.Year), at(r.Base.Year, r.Base.Value),
		year(r.Current.Year), at(r.Current.Year, cur), year(r.Target.Year), at(r.Target.Year, tv), rate, string(r.Status), r.Reason}
}

// WriteCSV writes the results as `;` CSV with a UTF-8 BOM.
func (b *Bilan) WriteCSV(w io.Writer) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	if err := cw.Write(Columns); err != nil {
		return err
	}
	for _, r := range b.Results {
		if err := cw.Write(r.cells(true)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteTable writes the results as an aligned table for the terminal,
// then the gaps of the coverage.
func (b *Bilan) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(Columns, "\t"))
	for _, r := range b.Results {
		fmt.Fprintln(tw, strings.Join(r.cells(false), "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(b.Gaps) > 0 {
		fmt.Fprintf(w, "\nLacunes du plan (%d)\u00a0:\n", len(b.Gaps))
		for _, g := range b.Gaps {
			fmt.Fprintf(w, "  ligne %d, action %s\u00a0: %s %s — %s\n", g.Line, g.Action, g.Kind, g.Indicator, g.Detail)
		}
	}
	return nil
}

// resultJSON is the JSON form of a result: absent numbers are null.
type resultJSON struct {
	Action         string       `json:"action"`
	Theme          string       `json:"theme"`
	ThemeLabel     string       `json:"theme_libelle"`
	Title          string       `json:"intitule"`
	Pilot          string       `json:"pilote"`
	Indicator      string       `json:"indicateur"`
	IndicatorLabel string       `json:"indicateur_libelle,omitempty"`
	Unit           value.Unit   `json:"unite,omitempty"`
	Territory      string       `json:"territoire"`
	TerritoryName  string       `json:"territoire_nom,omitempty"`
	Level          value.Level  `json:"niveau,omitempty"`
	Public         string       `json:"public"`
	Direction      Direction    `json:"sens"`
	BaseYear       int          `json:"annee_reference,omitempty"`
	BaseValue      *float64     `json:"valeur_reference"`
	BaseFromFile   bool         `json:"reference_du_fichier"`
	CurrentYear    int          `json:"annee_courante,omitempty"`
	CurrentValue   *float64     `json:"valeur_courante"`
	TargetYear     int          `json:"annee_cible,omitempty"`
	TargetValue    *float64     `json:"valeur_cible"`
	Rate           *float64     `json:"taux_avancement"`
	Status         Status       `json:"statut"`
	Reason         string       `json:"motif,omitempty"`
	Sources        []string     `json:"sources,omitempty"`
	Series         []seriesJSON `json:"serie,omitempty"`
	Line           int          `json:"ligne"`
}

type seriesJSON struct {
	Vintage string       `json:"millesime"`
	Value   *float64     `json:"valeur"`
	Status  value.Status `json:"statut"`
}

func ptr(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

// MarshalJSON writes a result with French field names and null for
// absent numbers.
func (r Result) MarshalJSON() ([]byte, error) {
	j := resultJSON{Action: r.Action, Theme: r.Theme, ThemeLabel: r.ThemeLabel, Title: r.Title, Pilot: r.Pilot,
		Indicator: r.Row.Indicator, IndicatorLabel: r.IndicatorLabel, Unit: r.Unit, Territory: r.Territory, TerritoryName: r.TerritoryName,
		Level: r.Level, Public: r.Public, Direction: r.Direction, BaseYear: r.Base.Year, BaseValue: ptr(r.Base.Value), BaseFromFile: r.BaseFromFile,
		CurrentYear: r.Current.Year, TargetYear: r.Target.Year, TargetValue: ptr(r.Target.Value),
		Rate: ptr(r.Rate), Status: r.Status, Reason: r.Reason, Sources: r.Sources, Line: r.Line}
	if r.Current.Year != 0 {
		j.CurrentValue = ptr(r.Current.Value)
	}
	for _, f := range r.Series {
		j.Series = append(j.Series, seriesJSON{f.Vintage, ptr(f.Value), f.Status})
	}
	return json.Marshal(j)
}

// WriteJSON writes the bilan: results, gaps and counts.
func (b *Bilan) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(struct {
		Plan    string                    `json:"plan"`
		COG     int                       `json:"cog"`
		Year    int                       `json:"annee_evaluation"`
		Results []Result                  `json:"resultats"`
		Gaps    []Gap                     `json:"lacunes"`
		ByTheme map[string]map[Status]int `json:"statuts_par_theme"`
		ByPilot map[string]map[Status]int `json:"statuts_par_pilote"`
	}{b.Name, b.COG, b.Year, b.Results, b.Gaps, b.Count(func(r Result) string { return r.Theme }), b.Count(func(r Result) string { return r.Pilot })})
}

// Count counts the statuses of the results by a key (theme, pilot).
func (b *Bilan) Count(key func(Result) string) map[string]map[Status]int {
	out := map[string]map[Status]int{}
	for _, r := range b.Results {
		k := key(r)
		if out[k] == nil {
			out[k] = map[Status]int{}
		}
		out[k][r.Status]++
	}
	return out
}

// Filter keeps the results of one territory (and the gaps of their
// lines).
func (b *Bilan) Filter(territory string) *Bilan {
	out := *b
	out.Results, out.Gaps = nil, nil
	lines := map[int]bool{}
	for _, r := range b.Results {
		if r.Territory == territory {
			out.Results = append(out.Results, r)
			lines[r.Line] = true
		}
	}
	for _, g := range b.Gaps {
		if lines[g.Line] {
			out.Gaps = append(out.Gaps, g)
		}
	}
	return &out
}
