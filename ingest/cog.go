// The Code officiel géographique (COG) as shipped by the npm package
// @etalab/decoupage-administratif: communes, EPCI with members, départements
// and régions, kept per COG vintage.

package ingest

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Region is the INSEE code of Bretagne.
const Region = "53"

// cogCommune is one object of communes.json.
type cogCommune struct {
	Code         string   `json:"code"`
	Nom          string   `json:"nom"`
	Type         string   `json:"type"`
	Departement  string   `json:"departement"`
	Region       string   `json:"region"`
	Population   *float64 `json:"population"`
	ChefLieu     string   `json:"chefLieu"`
	AnciensCodes []string `json:"anciensCodes"`
}

const communeActuelle = "commune-actuelle"

// cogEPCI is one object of epci.json.
type cogEPCI struct {
	Code                 string   `json:"code"`
	Nom                  string   `json:"nom"`
	Type                 string   `json:"type"`
	PopulationMunicipale *float64 `json:"populationMunicipale"`
	Membres              []struct {
		Code string `json:"code"`
		Nom  string `json:"nom"`
	} `json:"membres"`
}

// cogArea is one object of departements.json or regions.json.
type cogArea struct {
	Code   string `json:"code"`
	Nom    string `json:"nom"`
	Region string `json:"region"`
}

// COG is one vintage of the geographic code, restricted to what Bretagne needs.
type COG struct {
	Vintage     int
	Communes    []cogCommune          // Breton current communes, in file order
	ByCode      map[string]cogCommune // Breton current communes
	resolve     map[string]string     // any Breton code (old, delegated) -> current code
	FrancePop   float64               // sum of every current commune's population
	EPCI        []cogEPCI             // EPCI with at least one Breton member
	CommuneEPCI map[string]string     // Breton commune -> EPCI SIREN
	border      map[string]bool       // lazily: communes outside Bretagne of these EPCI
}

// parseCommunes reads communes.json and keeps the Breton rows.
func parseCommunes(f *File, vintage int) (*COG, error) {
	c := &COG{Vintage: vintage, ByCode: map[string]cogCommune{}, resolve: map[string]string{}}
	seen := map[string]int{} // type|code -> element index
	var others []cogCommune
	err := jsonArray(f.Path, f.Bytes, func(i int, off int64, raw json.RawMessage) error {
		var o cogCommune
		if err := json.Unmarshal(raw, &o); err != nil {
			return jsonError(f.Path, f.Bytes, off, fmt.Sprintf("element %d", i), err)
		}
		where := func(err error) error {
			el := fmt.Sprintf("element %d", i)
			if o.Code != "" {
				el += fmt.Sprintf(" (code %s)", o.Code)
			}
			return &ParseError{File: f.Path, Pos: positionAt(f.Bytes, off), Element: el, Err: err}
		}
		for _, req := range []struct{ name, v string }{{"code", o.Code}, {"nom", o.Nom}, {"type", o.Type}} {
			if req.v == "" {
				return where(fmt.Errorf("missing field %q", req.name))
			}
		}
		key := o.Type + "|" + o.Code
		if j, dup := seen[key]; dup {
			return where(fmt.Errorf("duplicate %s code %s (first at element %d)", o.Type, o.Code, j))
		}
		seen[key] = i
		if o.Type != communeActuelle {
			if o.Region == Region {
				others = append(others, o)
			}
			return nil
		}
		if o.Departement == "" || o.Region == "" {
			return where(fmt.Errorf("missing field %q", map[bool]string{true: "departement", false: "region"}[o.Departement == ""]))
		}
		if o.Population != nil {
			c.FrancePop += *o.Population
		}
		if o.Region == Region {
			c.Communes = append(c.Communes, o)
			c.ByCode[o.Code] = o
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(c.Communes) == 0 {
		return nil, &ParseError{File: f.Path, Err: fmt.Errorf("no current commune of region %s", Region)}
	}
	// Old and delegated codes point to the current commune that holds them.
	for _, o := range c.Communes {
		c.resolve[o.Code] = o.Code
	}
	for _, o := range c.Communes {
		for _, a := range o.AnciensCodes {
			if _, cur := c.ByCode[a]; !cur {
				c.resolve[a] = o.Code
			}
		}
	}
	for _, o := range others {
		if _, cur := c.ByCode[o.Code]; !cur && o.ChefLieu != "" {
			if _, done := c.resolve[o.Code]; !done {
				c.resolve[o.Code] = o.ChefLieu
			}
		}
	}
	return c, nil
}

// Resolve maps a commune code of an older geography to the current commune
// that now holds it, following successive merges. ok is false when the code
// belongs to no current Breton commune.
func (c *COG) Resolve(code string) (string, bool) {
	for hop := 0; hop < 8; hop++ {
		next, ok := c.resolve[code]
		if !ok {
			return "", false
		}
		if next == code {
			return code, true
		}
		code = next
	}
	return "", false
}

// parseEPCI reads epci.json and keeps every EPCI with a Breton member.
func (c *COG) parseEPCI(f *File) error {
	c.CommuneEPCI = map[string]string{}
	seen := map[string]int{}
	return jsonArray(f.Path, f.Bytes, func(i int, off int64, raw json.RawMessage) error {
		var e cogEPCI
		if err := json.Unmarshal(raw, &e); err != nil {
			return jsonError(f.Path, f.Bytes, off, fmt.Sprintf("element %d", i), err)
		}
		where := func(err error) error {
			el := fmt.Sprintf("element %d", i)
			if e.Code != "" {
				el += fmt.Sprintf(" (code %s)", e.Code)
			}
			return &ParseError{File: f.Path, Pos: positionAt(f.Bytes, off), Element: el, Err: err}
		}
		switch {
		case e.Code == "":
			return where(fmt.Errorf("missing field %q", "code"))
		case e.Nom == "":
			return where(fmt.Errorf("missing field %q", "nom"))
		case e.Membres == nil:
			return where(fmt.Errorf("missing field %q", "membres"))
		}
		if j, dup := seen[e.Code]; dup {
			return where(fmt.Errorf("duplicate EPCI code %s (first at element %d)", e.Code, j))
		}
		seen[e.Code] = i
		breton := false
		for _, m := range e.Membres {
			if _, ok := c.ByCode[m.Code]; !ok {
				continue
			}
			breton = true
			if prev, dup := c.CommuneEPCI[m.Code]; dup {
				return where(fmt.Errorf("commune %s is a member of both EPCI %s and %s", m.Code, prev, e.Code))
			}
			c.CommuneEPCI[m.Code] = e.Code
		}
		if breton {
			c.EPCI = append(c.EPCI, e)
		}
		return nil
	})
}

// parseAreas reads departements.json or regions.json.
func parseAreas(f *File) ([]cogArea, error) {
	var out []cogArea
	seen := map[string]int{}
	err := jsonArray(f.Path, f.Bytes, func(i int, off int64, raw json.RawMessage) error {
		var a cogArea
		if err := json.Unmarshal(raw, &a); err != nil {
			return jsonError(f.Path, f.Bytes, off, fmt.Sprintf("element %d", i), err)
		}
		where := func(err error) error {
			return &ParseError{File: f.Path, Pos: positionAt(f.Bytes, off), Element: fmt.Sprintf("element %d", i), Err: err}
		}
		if a.Code == "" || a.Nom == "" {
			return where(fmt.Errorf("missing field %q", map[bool]string{true: "code", false: "nom"}[a.Code == ""]))
		}
		if j, dup := seen[a.Code]; dup {
			return where(fmt.Errorf("duplicate code %s (first at element %d)", a.Code, j))
		}
		seen[a.Code] = i
		out = append(out, a)
		return nil
	})
	return out, err
}

// departements returns the Breton département codes in order.
func (c *COG) departements() []string {
	var ds []string
	for _, o := range c.Communes {
		if !slices.Contains(ds, o.Departement) {
			ds = append(ds, o.Departement)
		}
	}
	slices.Sort(ds)
	return ds
}

// isBretonCode reports whether a commune code lies in a Breton département.
func isBretonCode(code string) bool {
	return strings.HasPrefix(code, "22") || strings.HasPrefix(code, "29") ||
		strings.HasPrefix(code, "35") || strings.HasPrefix(code, "56")
}
