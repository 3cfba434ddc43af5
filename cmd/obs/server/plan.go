// /api/plan: the follow-up of the action plan (the example plan of data/,
// or a plan file POSTed as `;` CSV) in JSON or CSV; with line and level,
// the breakdown of one row over every EPCI or département, in JSON or as
// an SVG map of statuses.

package server

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/data"
	"github.com/region-bretagne/obs/plan"
	"github.com/region-bretagne/obs/value"
)

// maxPlanBytes bounds a POSTed plan file.
const maxPlanBytes = 1 << 20

func (s *Server) plan(w http.ResponseWriter, r *http.Request, snap *Snapshot) error {
	c := snap.Atlas.Cube
	p, err := planOf(r, w, c)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	format := q.Get("format")
	if q.Has("line") || q.Has("level") {
		return s.planBreakdown(w, r, snap, p, format)
	}
	b, err := plan.Evaluate(r.Context(), c, p, time.Now().Year())
	if err != nil {
		return err
	}
	if code := q.Get("territory"); code != "" {
		if _, err := c.Territory(code); err != nil {
			return NotFound(err.Error(), "unknown territory "+code)
		}
		b = b.Filter(code)
	}
	var buf bytes.Buffer
	switch format {
	case "", "json":
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		err = b.WriteJSON(&buf)
	case "csv":
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="suivi-plan.csv"`)
		err = b.WriteCSV(&buf)
	default:
		return BadRequest(fmt.Sprintf("format inconnu « %s » (json, csv)", format), fmt.Sprintf("unknown format %q (json, csv)", format))
	}
	if err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// planOf reads the POSTed plan, or the example plan for GET.
func planOf(r *http.Request, w http.ResponseWriter, c *cube.Cube) (*plan.Plan, error) {
	var body io.Reader
	name := "plan-exemple.csv"
	if r.Method == http.MethodPost {
		body, name = http.MaxBytesReader(w, r.Body, maxPlanBytes), "plan.csv"
	} else {
		b, err := data.Files.ReadFile(name)
		if err != nil {
			return nil, err
		}
		body = bytes.NewReader(b)
	}
	p, err := plan.Load(r.Context(), body, name, c)
	var es plan.Errors
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return nil, BadRequest(fmt.Sprintf("plan trop volumineux (plus de %d octets)", maxPlanBytes), "plan file too large")
	case errors.As(err, &es):
		return nil, BadRequest(err.Error(), "invalid plan file: "+err.Error())
	}
	return p, err
}

// planBreakdown evaluates the row of a line for every territory of a
// level: JSON (results and status counts) or an SVG map (format=svg).
func (s *Server) planBreakdown(w http.ResponseWriter, r *http.Request, snap *Snapshot, p *plan.Plan, format string) error {
	q := r.URL.Query()
	line, err := strconv.Atoi(q.Get("line"))
	if err != nil {
		return BadRequest("paramètre line : numéro de ligne du plan attendu", "line: a line number of the plan is required")
	}
	level := value.Level(q.Get("level"))
	if level != value.LevelEPCI && level != value.LevelDepartement {
		return BadRequest("paramètre level : epci ou departement", "level: epci or departement")
	}
	var row *plan.Row
	for i := range p.Rows {
		if p.Rows[i].Line == line {
			row = &p.Rows[i]
		}
	}
	if row == nil || row.Indicator == "" {
		return NotFound(fmt.Sprintf("pas de ligne %d avec un indicateur dans le plan", line), fmt.Sprintf("no line %d with an indicator", line))
	}
	res, err := plan.Breakdown(r.Context(), snap.Atlas.Cube, *row, level)
	if err != nil {
		return err
	}
	counts := map[plan.Status]int{}
	for _, x := range res {
		counts[x.Status]++
	}
	switch format {
	case "", "json":
		return writeJSON(w, map[string]any{"ligne": line, "action": row.Action, "indicateur": row.Indicator, "niveau": level,
			"resultats": res, "comptes": counts})
	case "svg":
		svg, err := statusMap(r.Context(), snap, res, level, counts, row)
		if err != nil {
			return err
		}
		w.Header().Set("Content-Type", "image/svg+xml")
		_, err = w.Write(svg)
		return err
	}
	return BadRequest(fmt.Sprintf("format inconnu « %s » (json, svg)", format), fmt.Sprintf("unknown format %q (json, svg)", format))
}
