// Perimeter check of the EPCI of a historical file: an EPCI's value is
// shown under that year's code only when its perimeter that year is the
// perimeter of the same code on the COG of the cube. Filosofi publishes
// the fiscal households of every commune and every EPCI, so the check is
// exact: the households of the EPCI in the file of year N must equal the
// sum of the households, in the commune file of year N, of the communes
// the COG gives that EPCI. Otherwise every value of the EPCI that year is
// "n.d. — périmètre modifié", never re-attributed to today's EPCI.

package ingest

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/region-bretagne/obs/frnum"
	"github.com/region-bretagne/obs/value"
)

// PerimeterCheck says how to check an EPCI table's perimeters.
type PerimeterCheck struct {
	// Households is the additive variable published both by the EPCI
	// table and by the commune table (menages_fiscaux).
	Households string `json:"households"`
	// Communes is the id of the commune table of the same year.
	Communes string `json:"communes,omitempty"`
	// Bracket, for a year without a commune file, lists EPCI tables of
	// the years around it: a perimeter verified in each of them is kept,
	// with a note; any other is "périmètre modifié".
	Bracket []string `json:"bracket,omitempty"`
}

// ReasonPerimeter starts the reason of an EPCI value withheld because its
// perimeter that year differs from the COG's.
const ReasonPerimeter = "n.d. — périmètre modifié"

// perimeters remembers what the checks need across tables.
type perimeters struct {
	communes map[string][]Observation // commune observations of referenced tables
	verified map[string]map[string]bool
}

func newPerimeters() *perimeters {
	return &perimeters{communes: map[string][]Observation{}, verified: map[string]map[string]bool{}}
}

// keep stores the commune observations of a table another table checks
// against.
func (p *perimeters) keep(tables []Table, t Table, obs []Observation) {
	for _, o := range tables {
		if o.Perimeter != nil && o.Perimeter.Communes == t.ID {
			for _, ob := range obs {
				if ob.Level == "commune" {
					p.communes[t.ID] = append(p.communes[t.ID], ob)
				}
			}
			return
		}
	}
}

// check applies t's perimeter check to its observations, in place, and
// returns notes for the EPCI whose perimeter changed.
func (p *perimeters) check(cogs map[int]*COG, t Table, obs []Observation) ([]tableNote, error) {
	pc := t.Perimeter
	if pc == nil {
		return nil, nil
	}
	p.verified[t.ID] = map[string]bool{}
	byEPCI := map[[2]any][]int{} // (cog, code) -> observation indexes
	for i, o := range obs {
		byEPCI[[2]any{o.COG, o.Code}] = append(byEPCI[[2]any{o.COG, o.Code}], i)
	}
	var notes []tableNote
	keys := make([][2]any, 0, len(byEPCI))
	for k := range byEPCI {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][1].(string) < keys[j][1].(string) })
	for _, k := range keys {
		cogV, code := k[0].(int), k[1].(string)
		members := epciMembers(cogs[cogV], code)
		if members == nil {
			continue // not an EPCI of this COG touching Bretagne: kept under its own code
		}
		idx := byEPCI[k]
		ok, why, err := p.same(t, cogV, code, members, obs, idx)
		if err != nil {
			return nil, err
		}
		p.verified[t.ID][code] = ok
		for _, i := range idx {
			o := &obs[i]
			switch {
			case !ok:
				o.Cell = Cell{Status: value.StatusMissing, Reason: perimeterReason(why)}
			case why != "" && o.HasValue:
				o.Reason = joinReason(o.Reason, why)
			}
		}
		if !ok {
			notes = append(notes, tableNote{code, fmt.Sprintf("%s\u00a0: EPCI %s, %s", t.Path, code, why)})
		}
	}
	return notes, nil
}

// same reports whether EPCI code has, in table t's year, the perimeter the
// COG gives it, and why not (or the note of a bracketed check).
func (p *perimeters) same(t Table, cogV int, code string, members []string, obs []Observation, idx []int) (bool, string, error) {
	pc := t.Perimeter
	if len(pc.Bracket) > 0 {
		var missing []string
		for _, b := range pc.Bracket {
			v, done := p.verified[b]
			if !done {
				return false, "", fmt.Errorf("perimeter_check of %s: bracket table %s must be loaded before it", t.ID, b)
			}
			if !v[code] {
				missing = append(missing, b)
			}
		}
		if len(missing) > 0 {
			return false, fmt.Sprintf("périmètre différent de celui du COG %d dans %s (pas de fichier communal pour cette année)", cogV, strings.Join(missing, ", ")), nil
		}
		return true, fmt.Sprintf("périmètre vérifié identique à celui du COG %d les années encadrantes (%s), faute de fichier communal cette année", cogV, strings.Join(pc.Bracket, ", ")), nil
	}
	communes, ok := p.communes[pc.Communes]
	if !ok {
		return false, "", fmt.Errorf("perimeter_check of %s: commune table %s must be loaded before it", t.ID, pc.Communes)
	}
	var published *Observation
	for _, i := range idx {
		if obs[i].Variable == pc.Households {
			published = &obs[i]
		}
	}
	if published == nil || !published.HasValue {
		return false, fmt.Sprintf("ménages fiscaux non publiés pour l'EPCI, périmètre de l'année invérifiable face au COG %d", cogV), nil
	}
	set := map[string]bool{}
	for _, m := range members {
		set[m] = true
	}
	sum, found := 0.0, 0
	for _, o := range communes {
		if o.Variable != pc.Households || o.Vintage != published.Vintage || o.COG != cogV || !set[o.Code] || !o.HasValue {
			continue
		}
		sum += o.Value
		found++
	}
	if math.Abs(sum-published.Value) <= 0.5 {
		return true, "", nil
	}
	if found < len(members) && sum < published.Value {
		return false, fmt.Sprintf("périmètre non vérifiable : %d des %d communes du COG %d absentes du fichier communal de %s (l'EPCI compte %s ménages fiscaux, les communes trouvées %s)",
			len(members)-found, len(members), cogV, published.Vintage, frnum.Number(published.Value, 0), frnum.Number(sum, 0)), nil
	}
	return false, fmt.Sprintf("l'EPCI de %s compte %s ménages fiscaux, ses %d communes du COG %d en comptent %s (%d trouvées dans le fichier communal)",
		published.Vintage, frnum.Number(published.Value, 0), len(members), cogV, frnum.Number(sum, 0), found), nil
}

// epciMembers returns every member commune of an EPCI of COG c (Breton or
// not), or nil when the code is no EPCI of c touching Bretagne.
func epciMembers(c *COG, code string) []string {
	for _, e := range c.EPCI {
		if e.Code == code {
			out := make([]string, len(e.Membres))
			for i, m := range e.Membres {
				out[i] = m.Code
			}
			return out
		}
	}
	return nil
}

func joinReason(a, b string) string {
	if a == "" {
		return b
	}
	return a + "\u00a0; " + b
}

// perimeterReason is the reason of a value withheld by the check.
func perimeterReason(why string) string {
	if strings.HasPrefix(why, "périmètre non vérifiable") {
		return "n.d. — " + why
	}
	return ReasonPerimeter + "\u00a0: " + why
}
