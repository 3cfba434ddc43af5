// The indicator catalogue: indicators, themes, publics and axes, read from data/ and checked.

package cube

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/region-bretagne/obs/data"
	"github.com/region-bretagne/obs/value"
)

// Kinds of indicator.
const (
	KindCount     = "count"     // sum of variables, summed over communes
	KindRatio     = "ratio"     // sum(numerator) / sum(denominator) × scale
	KindPublished = "published" // non-additive: only where the source publishes the level
)

// Catalogue statuses of an indicator.
const (
	Available   = "disponible"
	ToIntegrate = "source à intégrer"
)

// Indicator is one entry of the catalogue.
type Indicator struct {
	ID         string       `json:"id"`
	Label      string       `json:"label"`
	Definition string       `json:"definition"`
	Theme      string       `json:"theme"`
	Unit       value.Unit   `json:"unit"` // count, percent, euro, ratio, per_10000, per_km2
	Kind       string       `json:"kind"`
	Scale      float64      `json:"scale,omitempty"` // ratio multiplier: 100 for a percentage
	Decimals   int          `json:"decimals"`
	Source     string       `json:"source"`
	Vintage    string       `json:"vintage"`
	Status     string       `json:"status"` // disponible | source à intégrer
	Publics    []PublicExpr `json:"publics"`
	Note       string       `json:"note,omitempty"`
}

// PublicExpr says how an indicator is computed for one public: Value for
// counts and published indicators, Numerator and Denominator for ratios.
// Expressions are sums of variables: "pop7589 + pop90p".
type PublicExpr struct {
	Public      string `json:"public"`
	Value       string `json:"value,omitempty"`
	Numerator   string `json:"numerator,omitempty"`
	Denominator string `json:"denominator,omitempty"`
	// Rate, for a ratio, is the variable holding the rate as published at
	// the sub-communal levels (QPV, IRIS), whose files give the share but
	// neither of its parts (see sublevel.go).
	Rate string `json:"rate,omitempty"`
}

// DefaultPublic is the first public of an indicator (ensemble when listed).
func (ind Indicator) DefaultPublic() string {
	for _, p := range ind.Publics {
		if p.Public == "ensemble" {
			return p.Public
		}
	}
	return ind.Publics[0].Public
}

// Expr returns the expression of a public, and whether it exists.
func (ind Indicator) Expr(public string) (PublicExpr, bool) {
	for _, p := range ind.Publics {
		if p.Public == public {
			return p, true
		}
	}
	return PublicExpr{}, false
}

// PublicIDs lists the publics of an indicator, in catalogue order.
func (ind Indicator) PublicIDs() []string {
	out := make([]string, len(ind.Publics))
	for i, p := range ind.Publics {
		out[i] = p.Public
	}
	return out
}

// Theme is a theme of the regional plan.
type Theme struct {
	ID          string `json:"id"`
	Label       string `json:"label"`
	Description string `json:"description"`
}

// Public is a value of the publics axis.
type Public struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Axis  string `json:"axis"` // ensemble, age, menage, statut_occupation, handicap, sexe
}

// Axis is a dimension of the publics.
type Axis struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// Catalogue is the whole indicator catalogue.
type Catalogue struct {
	Indicators []Indicator
	Themes     []Theme
	Publics    []Public
	Axes       []Axis
	byID       map[string]int
}

// Indicator finds an indicator by id.
func (c *Catalogue) Indicator(id string) (Indicator, bool) {
	i, ok := c.byID[id]
	if !ok {
		return Indicator{}, false
	}
	return c.Indicators[i], true
}

// Theme finds a theme by id.
func (c *Catalogue) Theme(id string) (Theme, bool) {
	for _, t := range c.Themes {
		if t.ID == id {
			return t, true
		}
	}
	return Theme{}, false
}

// Public finds a public by id.
func (c *Catalogue) Public(id string) (Public, bool) {
	for _, p := range c.Publics {
		if p.ID == id {
			return p, true
		}
	}
	return Public{}, false
}

// ByTheme returns the indicators of each theme, in theme order.
func (c *Catalogue) ByTheme() [][]Indicator {
	out := make([][]Indicator, len(c.Themes))
	for _, ind := range c.Indicators {
		for i, t := range c.Themes {
			if t.ID == ind.Theme {
				out[i] = append(out[i], ind)
			}
		}
	}
	return out
}

// LoadCatalogue reads and checks the embedded catalogue files.
func LoadCatalogue() (*Catalogue, error) {
	read := func(name string, v any) error {
		b, err := data.Files.ReadFile(name)
		if err != nil {
			return fmt.Errorf("data/%s: %w", name, err)
		}
		if err := json.Unmarshal(b, v); err != nil {
			return fmt.Errorf("data/%s: %w", name, err)
		}
		return nil
	}
	var ind struct {
		Indicators []Indicator `json:"indicators"`
	}
	var th struct {
		Themes []Theme `json:"themes"`
	}
	var pu struct {
		Axes    []Axis   `json:"axes"`
		Publics []Public `json:"publics"`
	}
	for name, v := range map[string]any{"indicators.json": &ind, "themes.json": &th, "publics.json": &pu} {
		if err := read(name, v); err != nil {
			return nil, err
		}
	}
	return NewCatalogue(ind.Indicators, th.Themes, pu.Publics, pu.Axes)
}

// NewCatalogue checks a catalogue: unique ids, known themes, publics and
// units, expressions that fit the kind.
func NewCatalogue(inds []Indicator, themes []Theme, publics []Public, axes []Axis) (*Catalogue, error) {
	c := &Catalogue{Indicators: inds, Themes: themes, Publics: publics, Axes: axes, byID: map[string]int{}}
	for _, p := range publics {
		if !slices.ContainsFunc(axes, func(a Axis) bool { return a.ID == p.Axis }) {
			return nil, fmt.Errorf("data/publics.json: public %s: unknown axis %q", p.ID, p.Axis)
		}
	}
	for i := range c.Indicators {
		ind := &c.Indicators[i]
		where := fmt.Sprintf("data/indicators.json: indicator %d (%s)", i, ind.ID)
		if ind.ID == "" || ind.Label == "" || ind.Definition == "" || ind.Source == "" {
			return nil, fmt.Errorf("%s: id, label, definition and source are required", where)
		}
		if _, dup := c.byID[ind.ID]; dup {
			return nil, fmt.Errorf("%s: duplicate id", where)
		}
		c.byID[ind.ID] = i
		if _, ok := c.Theme(ind.Theme); !ok {
			return nil, fmt.Errorf("%s: unknown theme %q", where, ind.Theme)
		}
		if ind.Status != Available && ind.Status != ToIntegrate {
			return nil, fmt.Errorf("%s: status %q: want %q or %q", where, ind.Status, Available, ToIntegrate)
		}
		if !slices.Contains(value.Units, ind.Unit) {
			return nil, fmt.Errorf("%s: unknown unit %q", where, ind.Unit)
		}
		if len(ind.Publics) == 0 {
			return nil, fmt.Errorf("%s: no public", where)
		}
		if ind.Kind == KindRatio && ind.Scale == 0 {
			return nil, fmt.Errorf("%s: a ratio needs a scale (100 for a percentage, 1 for a plain ratio)", where)
		}
		seen := map[string]bool{}
		for _, p := range ind.Publics {
			if _, ok := c.Public(p.Public); !ok {
				return nil, fmt.Errorf("%s: unknown public %q", where, p.Public)
			}
			if seen[p.Public] {
				return nil, fmt.Errorf("%s: public %q listed twice", where, p.Public)
			}
			seen[p.Public] = true
			var err error
			switch ind.Kind {
			case KindCount, KindPublished:
				if p.Numerator != "" || p.Denominator != "" || p.Rate != "" {
					err = fmt.Errorf("a %s has a value, not a numerator/denominator", ind.Kind)
				} else if _, err = ParseExpr(p.Value); err == nil && ind.Kind == KindPublished && strings.Contains(p.Value, "+") {
					err = fmt.Errorf("a published (non-additive) value cannot be a sum")
				}
			case KindRatio:
				if p.Value != "" {
					err = fmt.Errorf("a ratio has a numerator and a denominator, not a value")
				} else if _, err = ParseExpr(p.Numerator); err == nil {
					_, err = ParseExpr(p.Denominator)
				}
				if err == nil && p.Rate != "" {
					if vs, e := ParseExpr(p.Rate); e != nil || len(vs) != 1 {
						err = fmt.Errorf("rate %q: one variable, the published rate", p.Rate)
					}
				}
			default:
				err = fmt.Errorf("unknown kind %q (want count, ratio or published)", ind.Kind)
			}
			if err != nil {
				return nil, fmt.Errorf("%s: public %s: %w", where, p.Public, err)
			}
		}
	}
	return c, nil
}

// ParseExpr reads a sum of variables, "a + b + c". Variable names are
// lower-case letters, digits and underscores.
func ParseExpr(s string) ([]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, fmt.Errorf("empty expression")
	}
	var vars []string
	for _, term := range strings.Split(s, "+") {
		v := strings.TrimSpace(term)
		if v == "" {
			return nil, fmt.Errorf("expression %q: empty term", s)
		}
		for _, r := range v {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
				return nil, fmt.Errorf("expression %q: variable %q: only a-z, 0-9 and _ are allowed", s, v)
			}
		}
		vars = append(vars, v)
	}
	return vars, nil
}
