// Opening the cube: the fact table is read once, in bulk, through DuckDB's
// Arrow interface, and indexed in memory, so that every query afterwards is
// a slice lookup.

package cube

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	duckdb "github.com/duckdb/duckdb-go/v2"

	"github.com/region-bretagne/obs/value"
)

// Territory is a territory of the frame, with the territories that hold it.
type Territory struct {
	Level       value.Level
	Code, Name  string
	COG         int
	CrossBorder bool
	EPCI        string // for communes (empty for the islands outside any EPCI)
	Departement string // for communes and EPCI (the département of most of its Breton communes)
	Region      string
	// Communes are the communes a QPV lies in (from its LIB_COM) or the
	// commune of an IRIS; their EPCI is in EPCI. Empty at the other levels.
	Communes []string
}

type sliceKey struct {
	indicator string
	cog       int
	level     value.Level
	public    string
	vintage   string
}

type factKey struct {
	sliceKey
	code string
}

// vintageKey indexes the vintages of an indicator by level: the QPV and
// IRIS files have years of their own, which the communes never have.
type vintageKey struct {
	indicator string
	cog       int
	level     value.Level
	public    string
}

// Cube is the in-memory cube, bound to one COG vintage (the latest by
// default, see WithCOG). It is safe for concurrent use.
type Cube struct {
	cat      *Catalogue
	cog      int
	cogs     []int // latest first
	facts    []Fact
	slices   map[sliceKey][2]int
	one      map[factKey]int
	vintages map[vintageKey][]string
	terr     map[int]map[string]Territory     // cog -> "level|code"
	byCode   map[int]map[string][]value.Level // cog -> code -> levels
	strs     map[string]string                // interned texts, while loading
	only     map[string]bool                  // OpenIndicators: the indicators loaded (nil: all)
}

// Open reads the catalogue and the fact table of db.
func Open(ctx context.Context, db *sql.DB) (*Cube, error) {
	return open(ctx, db, nil)
}

// OpenIndicators reads only the facts of some indicators: a one-shot
// command (obs map, obs chart) answers in milliseconds instead of loading
// the whole cube. Asking such a cube about another indicator is an error.
func OpenIndicators(ctx context.Context, db *sql.DB, ids ...string) (*Cube, error) {
	only := map[string]bool{}
	for _, id := range ids {
		only[id] = true
	}
	return open(ctx, db, only)
}

func open(ctx context.Context, db *sql.DB, only map[string]bool) (*Cube, error) {
	cat, err := LoadCatalogue()
	if err != nil {
		return nil, err
	}
	c := &Cube{cat: cat, slices: map[sliceKey][2]int{}, one: map[factKey]int{}, vintages: map[vintageKey][]string{},
		terr: map[int]map[string]Territory{}, byCode: map[int]map[string][]value.Level{}, only: only}
	if err := c.loadTerritories(ctx, db); err != nil {
		return nil, err
	}
	c.strs = map[string]string{}
	if err := c.loadFacts(ctx, db); err != nil {
		return nil, err
	}
	c.strs = nil
	return c, nil
}

// Catalogue returns the indicator catalogue.
func (c *Cube) Catalogue() *Catalogue { return c.cat }

// COG returns the COG vintage the cube answers on.
func (c *Cube) COG() int { return c.cog }

// COGs lists the COG vintages of the store, latest first.
func (c *Cube) COGs() []int { return slices.Clone(c.cogs) }

// WithCOG returns a view of the cube answering on another COG vintage.
func (c *Cube) WithCOG(cog int) (*Cube, error) {
	if !slices.Contains(c.cogs, cog) {
		return nil, fmt.Errorf("COG %d is not in the store (available: %v)", cog, c.cogs)
	}
	v := *c
	v.cog = cog
	return &v, nil
}

func (c *Cube) loadTerritories(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `
		WITH epci_dep AS (
			SELECT cog, epci, mode(departement) AS dep FROM membership WHERE epci IS NOT NULL GROUP BY cog, epci)
		SELECT t.cog, t.level, t.code, t.name, t.cross_border, m.epci, m.departement, m.region, e.dep AS epci_dep
		FROM territory t
		LEFT JOIN membership m ON m.cog = t.cog AND m.commune = t.code AND t.level = 'commune'
		LEFT JOIN epci_dep e ON e.cog = t.cog AND e.epci = t.code AND t.level = 'epci'
		WHERE t.level IN ('commune','epci','departement','region','france')
		UNION ALL
		SELECT t.cog, t.level, t.code, t.name, t.cross_border, NULL, NULL, NULL, NULL
		FROM territory t WHERE t.level IN ('qpv','iris')`)
	if err != nil {
		return fmt.Errorf("cube: territories: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var t Territory
		var epci, dep, reg, epciDep sql.NullString
		if err := rows.Scan(&t.COG, &t.Level, &t.Code, &t.Name, &t.CrossBorder, &epci, &dep, &reg, &epciDep); err != nil {
			return err
		}
		switch t.Level {
		case value.LevelCommune:
			t.EPCI, t.Departement, t.Region = epci.String, dep.String, reg.String
		case value.LevelEPCI:
			t.Departement, t.Region = epciDep.String, "53"
		case value.LevelDepartement:
			t.Region = "53"
		}
		if c.terr[t.COG] == nil {
			c.terr[t.COG] = map[string]Territory{}
			c.byCode[t.COG] = map[string][]value.Level{}
			c.cogs = append(c.cogs, t.COG)
		}
		c.terr[t.COG][string(t.Level)+"|"+t.Code] = t
		c.byCode[t.COG][t.Code] = append(c.byCode[t.COG][t.Code], t.Level)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(c.cogs) == 0 {
		return fmt.Errorf("cube: the store holds no territory (run obs ingest)")
	}
	sort.Sort(sort.Reverse(sort.IntSlice(c.cogs)))
	c.cog = c.cogs[0]
	return c.linkSubLevels(ctx, db)
}

const factsSQL = `
SELECT f.indicator, f.cog, f.level, f.code, f.public, f.vintage, f.value, f.numerator, f.denominator,
       f.status, f.reason, f.coverage, f.source, f.cross_border,
       coalesce(t.name, CASE WHEN f.level = 'qpv' AND f.code = '` + SummaryQPV + `' THEN '` + SummaryQPVName + `' END) AS name
FROM fact f LEFT JOIN territory t ON t.cog = f.cog AND t.level = f.level AND t.code = f.code
WHERE (t.code IS NOT NULL OR (f.level = 'qpv' AND f.code = '` + SummaryQPV + `')) %s
ORDER BY f.indicator, f.cog, f.level, f.public, f.vintage, f.code = '` + SummaryQPV + `', f.code`

// factsQuery is factsSQL restricted to the loaded indicators, with its
// arguments.
func (c *Cube) factsQuery() (string, []any) {
	if c.only == nil {
		return fmt.Sprintf(factsSQL, ""), nil
	}
	var marks []string
	var args []any
	for id := range c.only {
		marks = append(marks, "?")
		args = append(args, id)
	}
	return fmt.Sprintf(factsSQL, "AND f.indicator IN ("+strings.Join(marks, ",")+")"), args
}

func (c *Cube) loadFacts(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("cube: %w", err)
	}
	defer conn.Close()
	err = conn.Raw(func(dc any) error {
		dconn, ok := dc.(driver.Conn)
		if !ok {
			return fmt.Errorf("not a driver connection")
		}
		ar, err := duckdb.NewArrowFromConn(dconn)
		if err != nil {
			return err
		}
		q, args := c.factsQuery()
		rdr, err := ar.QueryContext(ctx, q, args...)
		if err != nil {
			return err
		}
		defer rdr.Release()
		for rdr.Next() {
			if err := c.appendBatch(rdr.RecordBatch()); err != nil {
				return err
			}
		}
		return rdr.Err()
	})
	if err != nil {
		return fmt.Errorf("cube: read facts (run obs ingest to build them): %w", err)
	}
	units := map[string]value.Unit{}
	for _, ind := range c.cat.Indicators {
		units[ind.ID] = ind.Unit
	}
	start := 0
	for i := range c.facts {
		f := &c.facts[i]
		f.Unit = units[f.Indicator]
		k := sliceKey{f.Indicator, f.COG, f.Level, f.Public, f.Vintage}
		c.one[factKey{k, f.Code}] = i
		if i+1 == len(c.facts) || sliceKeyOf(c.facts[i+1]) != k {
			end := i + 1
			if f.Code == SummaryQPV && f.Level == value.LevelQPV {
				end = i // ensemble des QPV: no territory of the level (see Summary)
			}
			c.slices[k] = [2]int{start, end}
			vk := vintageKey{f.Indicator, f.COG, f.Level, f.Public}
			if !slices.Contains(c.vintages[vk], f.Vintage) {
				c.vintages[vk] = append(c.vintages[vk], f.Vintage)
			}
			start = i + 1
		}
	}
	return nil
}

func sliceKeyOf(f Fact) sliceKey { return sliceKey{f.Indicator, f.COG, f.Level, f.Public, f.Vintage} }

// appendBatch converts one Arrow record batch into facts.
func (c *Cube) appendBatch(rec arrow.RecordBatch) error {
	if rec.NumCols() != 15 {
		return fmt.Errorf("fact batch has %d columns, want 15", rec.NumCols())
	}
	str := make([]func(int) string, 15)
	for _, i := range []int{0, 2, 3, 4, 5, 9, 10, 12, 14} {
		f, err := stringColumn(rec.Column(i))
		if err != nil {
			return fmt.Errorf("column %s: %w", rec.ColumnName(i), err)
		}
		str[i] = func(row int) string { return c.intern(f(row)) }
	}
	num := make([]*array.Float64, 15)
	for _, i := range []int{6, 7, 8, 11} {
		a, ok := rec.Column(i).(*array.Float64)
		if !ok {
			return fmt.Errorf("column %s: %s, want float64", rec.ColumnName(i), rec.Column(i).DataType())
		}
		num[i] = a
	}
	cog, ok := rec.Column(1).(*array.Int32)
	if !ok {
		return fmt.Errorf("column cog: %s, want int32", rec.Column(1).DataType())
	}
	cross, ok := rec.Column(13).(*array.Boolean)
	if !ok {
		return fmt.Errorf("column cross_border: %s, want boolean", rec.Column(13).DataType())
	}
	f64 := func(a *array.Float64, i int) float64 {
		if a.IsNull(i) {
			return nan
		}
		return a.Value(i)
	}
	for i := 0; i < int(rec.NumRows()); i++ {
		c.facts = append(c.facts, Fact{
			Indicator: str[0](i), COG: int(cog.Value(i)), Level: value.Level(str[2](i)), Code: str[3](i), Public: str[4](i), Vintage: str[5](i),
			Value: f64(num[6], i), Numerator: f64(num[7], i), Denominator: f64(num[8], i),
			Status: value.Status(str[9](i)), Reason: str[10](i), Coverage: f64(num[11], i), Source: str[12](i), CrossBorder: cross.Value(i), Name: str[14](i),
		})
	}
	return nil
}

// intern returns a copy of s owned by the cube: Arrow strings point into
// buffers that are released with their batch. Texts repeat a lot (codes,
// statuses, reasons), so each is stored once.
func (c *Cube) intern(s string) string {
	if v, ok := c.strs[s]; ok {
		return v
	}
	v := strings.Clone(s)
	c.strs[v] = v
	return v
}

// stringColumn returns a reader of a text column, whichever string layout
// DuckDB exported.
func stringColumn(a arrow.Array) (func(int) string, error) {
	switch s := a.(type) {
	case *array.String:
		return s.Value, nil
	case *array.LargeString:
		return s.Value, nil
	case *array.StringView:
		return s.Value, nil
	}
	return nil, fmt.Errorf("%s, want a string type", a.DataType())
}

// linkSubLevels gives each QPV its communes (the publisher's LIB_COM,
// checked against the COG at ingest) and each IRIS its commune (the first
// five characters of its code), with the EPCI, département and région of
// the first one.
func (c *Cube) linkSubLevels(ctx context.Context, db *sql.DB) error {
	links := map[[2]any][]string{} // (cog, qpv) -> communes
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM information_schema.tables WHERE table_name = 'qpv_commune_list'`).Scan(&n); err != nil || n == 0 {
		return err // a store built without the QPV list (frame alone)
	}
	rows, err := db.QueryContext(ctx, `SELECT cog, qpv, commune FROM qpv_commune_list ORDER BY cog, qpv, commune`)
	if err != nil {
		return fmt.Errorf("cube: QPV communes: %w", err)
	}
	for rows.Next() {
		var cog int
		var qpv, commune string
		if err := rows.Scan(&cog, &qpv, &commune); err != nil {
			rows.Close()
			return err
		}
		k := [2]any{cog, qpv}
		links[k] = append(links[k], commune)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for cog, terr := range c.terr {
		for k, t := range terr {
			switch t.Level {
			case value.LevelQPV:
				t.Communes = links[[2]any{cog, t.Code}]
			case value.LevelIRIS:
				if len(t.Code) == 9 {
					t.Communes = []string{t.Code[:5]}
				}
			default:
				continue
			}
			if len(t.Communes) > 0 {
				if m, ok := terr["commune|"+t.Communes[0]]; ok {
					t.EPCI, t.Departement, t.Region = m.EPCI, m.Departement, m.Region
				}
			}
			terr[k] = t
		}
	}
	return nil
}
