// The Fact: one answer of the cube, self-describing so that maps, fact
// sheets and the HTTP API can print it without asking anything else.

package cube

import (
	"encoding/json"
	"math"

	"github.com/region-bretagne/obs/value"
)

// ReasonNotPublished is the reason of a published (non-additive) indicator
// at a level its source does not publish.
const ReasonNotPublished = "non publié à ce niveau"

// Fact is the value of an indicator for a territory, a public and a data
// vintage, on one COG vintage.
//
// Value, Numerator and Denominator are NaN when absent: Value is absent
// exactly when Status is secret or missing; Numerator and Denominator are
// present only for ratios and counts built from communes, when the part is
// known. A secret is never 0.
type Fact struct {
	Indicator   string
	Level       value.Level // commune | epci | departement | region | france
	Code        string
	Name        string
	Public      string
	Vintage     string // data vintage: "2022", "2016-2021"…
	COG         int    // COG vintage of the territory
	Value       float64
	Numerator   float64
	Denominator float64
	Status      value.Status
	Reason      string  // why absent, partial or approximate (French); "" when plainly ok
	Coverage    float64 // share of the population whose communes had every part (1 for a published value, 0 when absent)
	Source      string  // label and vintage: "Insee, RP 2022"
	Unit        value.Unit
	CrossBorder bool // EPCI spilling over the regional border: computed on its Breton part (or published for the whole EPCI)
}

// HasValue reports whether the fact carries a figure.
func (f Fact) HasValue() bool { return !math.IsNaN(f.Value) }

// Text is the French text of the fact's value in a form (see value.Form):
// "12,3 %", "≤ 5,0 %", "secret statistique", "n.d."…, in its own unit.
func (f Fact) Text(form value.Form, decimals int) string {
	return value.Text(form, f.Value, f.Status, f.Unit, decimals)
}

// HasNumerator reports whether the numerator is known.
func (f Fact) HasNumerator() bool { return !math.IsNaN(f.Numerator) }

// HasDenominator reports whether the denominator is known.
func (f Fact) HasDenominator() bool { return !math.IsNaN(f.Denominator) }

// factJSON is the JSON form of a Fact: absent numbers are null.
type factJSON struct {
	Indicator   string       `json:"indicator"`
	Level       value.Level  `json:"level"`
	Code        string       `json:"code"`
	Name        string       `json:"name"`
	Public      string       `json:"public"`
	Vintage     string       `json:"vintage"`
	COG         int          `json:"cog"`
	Value       *float64     `json:"value"`
	Numerator   *float64     `json:"numerator"`
	Denominator *float64     `json:"denominator"`
	Status      value.Status `json:"status"`
	Reason      string       `json:"reason,omitempty"`
	Coverage    float64      `json:"coverage"`
	Source      string       `json:"source"`
	Unit        value.Unit   `json:"unit"`
	CrossBorder bool         `json:"cross_border"`
}

func ptr(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

// MarshalJSON writes absent numbers as null (JSON has no NaN).
func (f Fact) MarshalJSON() ([]byte, error) {
	return json.Marshal(factJSON{f.Indicator, f.Level, f.Code, f.Name, f.Public, f.Vintage, f.COG,
		ptr(f.Value), ptr(f.Numerator), ptr(f.Denominator), f.Status, f.Reason, f.Coverage, f.Source, f.Unit, f.CrossBorder})
}

// UnmarshalJSON reads the form MarshalJSON writes.
func (f *Fact) UnmarshalJSON(b []byte) error {
	var j factJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	val := func(p *float64) float64 {
		if p == nil {
			return math.NaN()
		}
		return *p
	}
	*f = Fact{j.Indicator, j.Level, j.Code, j.Name, j.Public, j.Vintage, j.COG, val(j.Value), val(j.Numerator), val(j.Denominator),
		j.Status, j.Reason, j.Coverage, j.Source, j.Unit, j.CrossBorder}
	return nil
}
