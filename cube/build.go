// The cube ingest step: read the observations and the territorial frame,
// compute every fact with the rules of aggregate.go, and write the fact
// table, so that queries only read.

package cube

import (
	"context"
	"database/sql"
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strconv"

	"github.com/region-bretagne/obs/ingest"
	"github.com/region-bretagne/obs/store"
	"github.com/region-bretagne/obs/value"
)

//go:embed schema.sql
var schema string

// Step is the ingest step materialising the facts; it runs after
// ingest.TabularStep.
func Step() ingest.Step {
	return ingest.Step{Name: "cube", Run: func(ctx context.Context, b *ingest.Builder) error {
		cat, err := LoadCatalogue()
		if err != nil {
			return err
		}
		n, err := Materialise(ctx, b.DB, cat)
		if err != nil {
			return err
		}
		b.Log.Info("cube materialised", "facts", n)
		return nil
	}}
}

// terr is a territory above the commune.
type terr struct {
	level, code   string
	cross         bool
	nBreton, nAll int
	members       []string // Breton member communes
}

// frame is the territorial frame of every COG vintage.
type frame struct {
	cogs     []int
	communes map[int][]string
	pop      map[int]map[string]float64
	supra    map[int][]terr
	// cmap[from][to] maps a commune code of COG from to its code in COG to.
	cmap map[int]map[int]map[string]string
}

type varKey struct{ variable, vintage string }

// series is one variable of one vintage on one COG vintage.
type series struct {
	additive  bool
	label     string
	nativeCOG int
	commune   map[string]Cell
	supra     map[string]Cell // "level|code"
}

// Materialise computes every fact and writes the fact table; it returns
// the number of facts.
func Materialise(ctx context.Context, db *sql.DB, cat *Catalogue) (int, error) {
	fr, err := loadFrame(ctx, db)
	if err != nil {
		return 0, err
	}
	obs, err := loadObservations(ctx, db)
	if err != nil {
		return 0, err
	}
	if _, err := db.ExecContext(ctx, schema); err != nil {
		return 0, fmt.Errorf("fact schema: %w", err)
	}
	obs, sub := splitSubLevels(obs)
	rows, err := subLevelFacts(ctx, db, cat, sub)
	if err != nil {
		return 0, err
	}
	for _, c := range fr.cogs {
		vars := fr.seriesAt(c, obs)
		for _, ind := range cat.Indicators {
			for _, pe := range ind.Publics {
				rows = fr.facts(rows, c, vars, ind, pe)
			}
		}
		if err := ctx.Err(); err != nil {
			return 0, err
		}
	}
	if err := store.Append(ctx, db, "fact", rows); err != nil {
		return 0, err
	}
	return len(rows), nil
}

func loadFrame(ctx context.Context, db *sql.DB) (*frame, error) {
	fr := &frame{communes: map[int][]string{}, pop: map[int]map[string]float64{}, supra: map[int][]terr{}, cmap: map[int]map[int]map[string]string{}}
	rows, err := db.QueryContext(ctx, `SELECT cog, level, code, coalesce(population, 0), cross_border, coalesce(n_communes, 0), coalesce(n_communes_all, 0)
		FROM territory WHERE level IN ('commune','epci','departement','region','france') ORDER BY cog, level, code`)
	if err != nil {
		return nil, fmt.Errorf("cube: territories: %w", err)
	}
	index := map[int]map[string]int{}
	for rows.Next() {
		var cog int
		var t terr
		var pop float64
		if err := rows.Scan(&cog, &t.level, &t.code, &pop, &t.cross, &t.nBreton, &t.nAll); err != nil {
			rows.Close()
			return nil, err
		}
		if !slices.Contains(fr.cogs, cog) {
			fr.cogs = append(fr.cogs, cog)
			fr.pop[cog] = map[string]float64{}
			index[cog] = map[string]int{}
		}
		if t.level == "commune" {
			fr.communes[cog] = append(fr.communes[cog], t.code)
			fr.pop[cog][t.code] = pop
			continue
		}
		index[cog][t.level+"|"+t.code] = len(fr.supra[cog])
		fr.supra[cog] = append(fr.supra[cog], t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(fr.cogs) == 0 {
		return nil, fmt.Errorf("cube: the store holds no territory")
	}
	mrows, err := db.QueryContext(ctx, `SELECT cog, commune, epci, departement, region FROM membership ORDER BY cog, commune`)
	if err != nil {
		return nil, fmt.Errorf("cube: membership: %w", err)
	}
	for mrows.Next() {
		var cog int
		var commune, dep, reg string
		var epci sql.NullString
		if err := mrows.Scan(&cog, &commune, &epci, &dep, &reg); err != nil {
			mrows.Close()
			return nil, err
		}
		keys := []string{"departement|" + dep, "region|" + reg}
		if epci.Valid {
			keys = append(keys, "epci|"+epci.String)
		}
		for _, k := range keys {
			if i, ok := index[cog][k]; ok {
				fr.supra[cog][i].members = append(fr.supra[cog][i].members, commune)
			}
		}
	}
	mrows.Close()
	crows, err := db.QueryContext(ctx, `SELECT from_vintage, to_cog, from_code, to_code FROM commune_map`)
	if err != nil {
		return nil, fmt.Errorf("cube: commune_map: %w", err)
	}
	defer crows.Close()
	for crows.Next() {
		var from, to int
		var a, b string
		if err := crows.Scan(&from, &to, &a, &b); err != nil {
			return nil, err
		}
		if fr.cmap[from] == nil {
			fr.cmap[from] = map[int]map[string]string{}
		}
		if fr.cmap[from][to] == nil {
			fr.cmap[from][to] = map[string]string{}
		}
		fr.cmap[from][to][a] = b
	}
	return fr, crows.Err()
}

// loadObservations reads the observations of the frame's territories: the
// rows of national files outside Bretagne stay in the observation table,
// except the ensemble des QPV (SummaryQPV), which the QPV sheets compare.
func loadObservations(ctx context.Context, db *sql.DB) ([]ingest.Observation, error) {
	rows, err := db.QueryContext(ctx, `SELECT source_id, cog, level, code, variable, vintage, value, status, reason, additive, label FROM observation o
		WHERE EXISTS (SELECT 1 FROM territory t WHERE t.level = o.level AND t.code = o.code)
		   OR (o.level = 'qpv' AND o.code = '`+SummaryQPV+`')`)
	if err != nil {
		return nil, fmt.Errorf("cube: observations (run the tables step first): %w", err)
	}
	defer rows.Close()
	var out []ingest.Observation
	for rows.Next() {
		var o ingest.Observation
		var v sql.NullFloat64
		if err := rows.Scan(&o.Source, &o.COG, &o.Level, &o.Code, &o.Variable, &o.Vintage, &v, &o.Status, &o.Reason, &o.Additive, &o.Label); err != nil {
			return nil, err
		}
		o.Value, o.HasValue = v.Float64, v.Valid
		out = append(out, o)
	}
	return out, rows.Err()
}

// seriesAt gathers every variable on COG c: native observations, commune
// observations of an older COG converted through commune_map (summed when
// additive; a non-additive value survives only a one-to-one mapping), and
// supra-communal published values whose perimeter did not change.
func (fr *frame) seriesAt(c int, obs []ingest.Observation) map[varKey]*series {
	vars := map[varKey]*series{}
	get := func(o ingest.Observation) *series {
		k := varKey{o.Variable, o.Vintage}
		s := vars[k]
		if s == nil {
			s = &series{additive: o.Additive, label: o.Label, nativeCOG: o.COG, commune: map[string]Cell{}, supra: map[string]Cell{}}
			vars[k] = s
		}
		return s
	}
	for _, o := range obs {
		if o.COG != c {
			continue
		}
		s := get(o)
		if o.Level == "commune" {
			s.commune[o.Code] = o.Cell
		} else {
			s.supra[o.Level+"|"+o.Code] = o.Cell
		}
	}
	type convKey struct {
		k    varKey
		code string
	}
	parts := map[convKey][]Cell{}
	from := map[convKey][]string{}
	for _, o := range obs {
		if o.COG == c {
			continue
		}
		k := varKey{o.Variable, o.Vintage}
		if s := vars[k]; s != nil && s.nativeCOG == c {
			continue // published on this COG: no conversion
		}
		switch o.Level {
		case "commune":
			to, ok := fr.cmap[o.COG][c][o.Code]
			if !ok {
				continue // newer geography, or no mapping: not convertible
			}
			ck := convKey{k, to}
			parts[ck] = append(parts[ck], o.Cell)
			from[ck] = append(from[ck], o.Code)
			get(o).nativeCOG = o.COG
		case "epci":
			if fr.samePerimeter(o.Code, o.COG, c) {
				get(o).supra[o.Level+"|"+o.Code] = o.Cell
			}
		default: // départements and région: unchanged perimeters in Bretagne
			get(o).supra[o.Level+"|"+o.Code] = o.Cell
		}
	}
	for ck, ps := range parts {
		s := vars[ck.k]
		switch {
		case len(ps) == 1:
			s.commune[ck.code] = ps[0]
		case s.additive:
			s.commune[ck.code] = ingest.SumCells(ps)
		default:
			codes := from[ck]
			sort.Strings(codes)
			s.commune[ck.code] = Cell{Status: value.StatusMissing, Reason: fmt.Sprintf("commune issue de la fusion de %v entre le COG %d et le COG %d\u00a0: valeur non additive, non convertible", codes, s.nativeCOG, c)}
		}
	}
	return vars
}

// samePerimeter reports whether an EPCI has the same Breton communes on
// COG a and COG b (codes of the older mapped onto the newer).
func (fr *frame) samePerimeter(epci string, a, b int) bool {
	members := func(c int) []string {
		for _, t := range fr.supra[c] {
			if t.level == "epci" && t.code == epci {
				return t.members
			}
		}
		return nil
	}
	old, cur := a, b
	if old > cur {
		old, cur = cur, old
	}
	m := fr.cmap[old][cur]
	seen := map[string]bool{}
	for _, code := range members(old) {
		seen[m[code]] = true
	}
	want := members(cur)
	if len(want) == 0 {
		return false
	}
	for _, code := range want {
		if !seen[code] {
			return false
		}
		delete(seen, code)
	}
	return len(seen) == 0
}

// vintagesOf returns the vintages on which every variable of expr exists.
func vintagesOf(vars map[varKey]*series, expr []string) []string {
	var out []string
	for k := range vars {
		if k.variable != expr[0] {
			continue
		}
		all := true
		for _, v := range expr[1:] {
			if vars[varKey{v, k.vintage}] == nil {
				all = false
				break
			}
		}
		if all {
			out = append(out, k.vintage)
		}
	}
	sort.Strings(out)
	return out
}

// year reads the first year of a vintage ("2016-2021" → 2016).
func year(v string) int {
	if len(v) >= 4 {
		if y, err := strconv.Atoi(v[:4]); err == nil {
			return y
		}
	}
	return 0
}

// nearest picks, among vintages, the one closest to v (the earlier on a tie).
func nearest(vintages []string, v string) string {
	best, bestD := "", 1<<30
	for _, w := range vintages {
		d := year(w) - year(v)
		if d < 0 {
			d = -d
		}
		if d < bestD || (d == bestD && w < best) {
			best, bestD = w, d
		}
	}
	return best
}

// evalExpr sums the cells of expr's variables for one commune.
func evalExpr(vars map[varKey]*series, expr []string, vintage, code string) Cell {
	cells := make([]Cell, 0, len(expr))
	for _, v := range expr {
		c, ok := vars[varKey{v, vintage}].commune[code]
		if !ok {
			c = Cell{Status: value.StatusMissing, Reason: "commune absente de la source"}
		}
		cells = append(cells, c)
	}
	if len(cells) == 1 {
		return cells[0]
	}
	return ingest.SumCells(cells)
}

// label is the source label of expr's first variable with its vintage.
func label(vars map[varKey]*series, expr []string, vintage string) string {
	return vars[varKey{expr[0], vintage}].label + " " + vintage
}
