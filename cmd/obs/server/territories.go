// GET /api/territories: the territories of a level and COG vintage.

package server

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/region-bretagne/obs/store"
	"github.com/region-bretagne/obs/value"
)

func (s *Server) territories(w http.ResponseWriter, r *http.Request, snap *Snapshot) error {
	q := r.URL.Query()
	level, err := levelParam(q.Get("level"), store.Levels)
	if err != nil {
		return err
	}
	want := 0
	if c := q.Get("cog"); c != "" {
		v, err := strconv.Atoi(c)
		if err != nil {
			return BadRequest(fmt.Sprintf("millésime du COG invalide « %s »", c), fmt.Sprintf("invalid COG vintage %q", c))
		}
		want = v
	}
	cog, err := store.LatestCOG(r.Context(), snap.DB, want)
	if err != nil {
		return BadRequest(fmt.Sprintf("millésime du COG %d absent du magasin", want), err.Error())
	}
	ts, err := store.Territories(r.Context(), snap.DB, level, cog)
	if err != nil {
		return err
	}
	type row struct {
		Code         string      `json:"code"`
		Nom          string      `json:"nom"`
		Type         string      `json:"type"`
		Niveau       value.Level `json:"niveau"`
		COG          int         `json:"cog"`
		Population   *float64    `json:"population"`
		EPCI         string      `json:"epci,omitempty"`
		Communes     []string    `json:"communes,omitempty"`
		Departements []string    `json:"departements,omitempty"`
		Region       string      `json:"region,omitempty"`
		NbCommunes   *int64      `json:"nb_communes,omitempty"`
		Transfront   bool        `json:"transfrontalier"`
	}
	rows := make([]row, len(ts))
	for i, t := range ts {
		rows[i] = row{Code: t.Code, Nom: t.Name, Type: t.Type, Niveau: t.Level, COG: t.COG, EPCI: t.EPCI,
			Communes: t.Communes, Departements: t.Departements, Region: t.Region, Transfront: t.CrossBorder}
		if t.Population.Valid {
			rows[i].Population = &t.Population.Float64
		}
		if t.NCommunes.Valid {
			rows[i].NbCommunes = &t.NCommunes.Int64
		}
	}
	switch f := q.Get("format"); f {
	case "", "json":
		return writeJSON(w, rows)
	case "csv":
		header := []string{"code", "nom", "type", "population", "epci", "departements", "region", "nb_communes", "transfrontalier", "cog"}
		var recs [][]string
		for _, t := range rows {
			pop, n := "", ""
			if t.Population != nil {
				pop = strconv.FormatFloat(*t.Population, 'f', -1, 64)
			}
			if t.NbCommunes != nil {
				n = strconv.FormatInt(*t.NbCommunes, 10)
			}
			recs = append(recs, []string{t.Code, t.Nom, t.Type, pop, t.EPCI, joinComma(t.Departements), t.Region, n,
				map[bool]string{true: "oui", false: "non"}[t.Transfront], strconv.Itoa(t.COG)})
		}
		return writeCSV(w, "territoires-"+string(level)+".csv", header, recs)
	default:
		return BadRequest(fmt.Sprintf("format inconnu « %s » (json ou csv)", f), fmt.Sprintf("unknown format %q (json or csv)", f))
	}
}
