// The cube's API: the catalogue, an indicator's values at a level (JSON,
// CSV, Parquet, Arrow IPC), and a territory compared with its references.

package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/region-bretagne/obs/atlas"
	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/value"
)

func num(v float64) *float64 {
	if v != v {
		return nil
	}
	return &v
}

func (s *Server) indicators(w http.ResponseWriter, r *http.Request, snap *Snapshot) error {
	a := snap.Atlas
	cat := a.Cube.Catalogue()
	type public struct {
		ID      string `json:"id"`
		Libelle string `json:"libelle"`
	}
	type item struct {
		ID           string   `json:"id"`
		Libelle      string   `json:"libelle"`
		Definition   string   `json:"definition"`
		Theme        string   `json:"theme"`
		ThemeLibelle string   `json:"theme_libelle"`
		Unite        string   `json:"unite"`
		Type         string   `json:"type"`
		Source       string   `json:"source"`
		Millesime    string   `json:"millesime"`
		Statut       string   `json:"statut"`
		Publics      []public `json:"publics"`
		Millesimes   []string `json:"millesimes"`
	}
	var out []item
	for _, group := range cat.ByTheme() {
		for _, ind := range group {
			it := item{ID: ind.ID, Libelle: ind.Label, Definition: ind.Definition, Theme: ind.Theme, Unite: string(ind.Unit),
				Type: ind.Kind, Source: ind.Source, Millesime: ind.Vintage, Statut: ind.Status, Millesimes: []string{}}
			if th, ok := cat.Theme(ind.Theme); ok {
				it.ThemeLibelle = th.Label
			}
			for _, p := range ind.PublicIDs() {
				label := p
				if pp, ok := cat.Public(p); ok {
					label = pp.Label
				}
				it.Publics = append(it.Publics, public{p, label})
			}
			if series, err := a.Cube.Series(r.Context(), ind.ID, "53", ""); err == nil {
				for _, f := range series {
					it.Millesimes = append(it.Millesimes, f.Vintage)
				}
			}
			out = append(out, it)
		}
	}
	return writeJSON(w, out)
}

func (s *Server) values(w http.ResponseWriter, r *http.Request, snap *Snapshot) error {
	a := snap.Atlas
	v, err := parseValues(a.Cube, r.URL.Query())
	if err != nil {
		return err
	}
	types := map[string]string{"json": "application/json; charset=utf-8", "csv": "text/csv; charset=utf-8",
		"parquet": "application/vnd.apache.parquet", "arrow": "application/vnd.apache.arrow.stream"}
	ctype := types[v.format]
	key := v.key()
	_, body, err := snap.Cached(key, func() (string, []byte, error) {
		body, err := s.renderValues(r, a, v)
		return ctype, body, err
	})
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", ctype)
	base := fmt.Sprintf("%s-%s", v.ind.ID, v.level)
	switch v.format {
	case "csv":
		w.Header().Set("Content-Disposition", `attachment; filename="`+base+`.csv"`)
	case "parquet":
		w.Header().Set("Content-Disposition", `attachment; filename="`+base+`.parquet"`)
	case "arrow":
		w.Header().Set("Content-Disposition", `attachment; filename="`+base+`.arrows"`)
	}
	return writeCached(w, r, snap, key, body)
}

// renderValues answers /api/values in one format.
func (s *Server) renderValues(r *http.Request, a *atlas.Atlas, v valuesRequest) ([]byte, error) {
	ind, level, code := v.ind, v.level, v.territory
	ranked, err := a.Cube.Rank(r.Context(), ind.ID, level, v.vintage, v.public)
	if err != nil {
		return nil, cubeError(err)
	}
	if code != "" {
		var keep []cube.Ranked
		for _, f := range ranked {
			if f.Code == code {
				keep = append(keep, f)
			}
		}
		if len(keep) == 0 {
			return nil, NotFound(fmt.Sprintf("territoire %s absent du niveau %s", code, level), fmt.Sprintf("territory %s not found at level %s", code, level))
		}
		ranked = keep
	}
	facts := make([]cube.Fact, len(ranked))
	for i, f := range ranked {
		facts[i] = f.Fact
	}
	var b bytes.Buffer
	switch v.format {
	case "csv":
		err = cube.WriteCSV(&b, facts, v.decimalComma)
		return b.Bytes(), err
	case "parquet":
		err = cube.WriteParquet(r.Context(), &b, facts)
		return b.Bytes(), err
	case "arrow":
		err = cube.WriteArrow(&b, facts)
		return b.Bytes(), err
	}
	type entry struct {
		Code          string       `json:"code"`
		Libelle       string       `json:"libelle"`
		Valeur        *float64     `json:"valeur"`
		Numerateur    *float64     `json:"numerateur"`
		Denominateur  *float64     `json:"denominateur"`
		Statut        value.Status `json:"statut"`
		StatutLibelle string       `json:"statut_libelle"`
		Raison        string       `json:"raison,omitempty"`
		Couverture    float64      `json:"couverture"`
		Millesime     string       `json:"millesime"`
		Source        string       `json:"source"`
		COG           int          `json:"cog"`
		Texte         string       `json:"texte"`
		Rang          int          `json:"rang,omitempty"`
		Transfront    bool         `json:"transfrontalier,omitempty"`
	}
	out := struct {
		Indicateur struct {
			ID, Libelle, Unite, Source string
		} `json:"indicateur"`
		Niveau    value.Level `json:"niveau"`
		Public    string      `json:"public"`
		Millesime string      `json:"millesime"`
		COG       int         `json:"cog"`
		Valeurs   []entry     `json:"valeurs"`
	}{Niveau: level, COG: a.Cube.COG(), Valeurs: []entry{}}
	out.Indicateur.ID, out.Indicateur.Libelle, out.Indicateur.Unite, out.Indicateur.Source = ind.ID, ind.Label, string(ind.Unit), ind.Source
	for _, f := range ranked {
		out.Public, out.Millesime = f.Public, f.Vintage
		out.Valeurs = append(out.Valeurs, entry{Code: f.Code, Libelle: f.Name, Valeur: num(f.Value), Numerateur: num(f.Numerator),
			Denominateur: num(f.Denominator), Statut: f.Status, StatutLibelle: f.Status.Label(), Raison: f.Reason,
			Couverture: f.Coverage, Millesime: f.Vintage, Source: f.Source, COG: f.COG, Texte: f.Text(value.FormTable, ind.Decimals),
			Rang: f.Rank, Transfront: f.CrossBorder})
	}
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	err = enc.Encode(out)
	return b.Bytes(), err
}

func (s *Server) compare(w http.ResponseWriter, r *http.Request, snap *Snapshot) error {
	a := snap.Atlas
	code := r.PathValue("code")
	if err := checkCode(code); err != nil {
		return err
	}
	if _, err := a.Cube.Territory(code); err != nil {
		return NotFound(fmt.Sprintf("territoire inconnu « %s » au COG %d", code, a.Cube.COG()), fmt.Sprintf("unknown territory %q on COG %d", code, a.Cube.COG()))
	}
	cmps, err := a.Cube.Compare(r.Context(), code)
	if err != nil {
		return cubeError(err)
	}
	type cell struct {
		Niveau     value.Level  `json:"niveau"`
		Code       string       `json:"code"`
		Libelle    string       `json:"libelle"`
		Valeur     *float64     `json:"valeur"`
		Statut     value.Status `json:"statut"`
		Texte      string       `json:"texte"`
		Raison     string       `json:"raison,omitempty"`
		Couverture float64      `json:"couverture"`
		Source     string       `json:"source"`
	}
	type row struct {
		Indicateur string `json:"indicateur"`
		Libelle    string `json:"libelle"`
		Theme      string `json:"theme"`
		Public     string `json:"public"`
		Millesime  string `json:"millesime"`
		Valeurs    []cell `json:"valeurs"`
	}
	var out []row
	for _, c := range cmps {
		rw := row{Indicateur: c.Indicator.ID, Libelle: c.Indicator.Label, Theme: c.Indicator.Theme, Public: c.Public, Millesime: c.Vintage}
		for _, f := range c.Facts {
			rw.Valeurs = append(rw.Valeurs, cell{Niveau: f.Level, Code: f.Code, Libelle: f.Name, Valeur: num(f.Value), Statut: f.Status,
				Texte: f.Text(value.FormTable, c.Indicator.Decimals), Raison: f.Reason, Couverture: f.Coverage, Source: f.Source})
		}
		out = append(out, rw)
	}
	return writeJSON(w, out)
}
