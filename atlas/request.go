// Reading a map request: the one parser of the parameters of obs map and
// of /maps and /embed/map, with the same syntax and bounds for both, and
// the canonical cache key of a parsed request.

package atlas

import (
	"fmt"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/region-bretagne/obs/classify"
	"github.com/region-bretagne/obs/palette"
)

// MapParams are the parameters of a map request; any other is refused.
var MapParams = []string{"level", "territory", "public", "vintage", "method", "classes", "breaks", "palette", "highlight", "qpv", "width", "height"}

// Bounds of a map request.
const (
	MinClasses, MaxClasses = 2, 9
	MaxBreaks              = MaxClasses + 1 // manual bounds of MaxClasses classes
	MinSize, MaxSize       = 200, 4000      // width and height, in pixels
	maxText                = 64             // public, vintage
)

// codePattern accepts the shapes of territory codes: commune (5, Corsica
// 2A/2B), EPCI SIREN (9 digits), département (2-3), région (2), QPV.
var codePattern = regexp.MustCompile(`^(\d{5}|2[AB]\d{3}|\d{9}|\d{2,3}|QP\d{6}|QN\d{3}[0-9A-Z]{2,4}|FR)$`)

// CheckCode refuses a string that has no territory code's shape.
func CheckCode(code string) error {
	if !codePattern.MatchString(code) {
		return badf("code de territoire malformé « %s » (commune : 5 caractères, EPCI : SIREN à 9 chiffres, département : 2 chiffres, région : 53)",
			"malformed territory code %q (commune: 5 characters, EPCI: 9-digit SIREN, département: 2 digits, région: 53)", code)
	}
	return nil
}

// ParseMapRequest reads the map of indicator asked by the parameters q
// (the query string of /maps and /embed/map; obs map builds the same
// values from its flags). Missing parameters take their defaults
// (commune, jenks, 5 classes, 1000 × 700 px); an unknown, repeated or
// out-of-bounds parameter is a bilingual *Error. The indicator is only
// checked against the catalogue by Choropleth.
//
// Parameters:
//   - level: commune, epci, departement, qpv or iris;
//   - territory: the code of a commune or EPCI whose territories alone
//     are drawn (IRIS of Rennes Métropole: level=iris&territory=243500139);
//   - public, vintage: as the catalogue names them (default: the
//     indicator's own public, the latest vintage);
//   - method: a maps.Method name (jenks, quantile, equal, q6, sd, geom,
//     headtail, manual; fisher, headtails and fixed are aliases);
//   - classes: an integer from 2 to 9;
//   - breaks: the bounds of the manual method, 2 to 10 strictly
//     increasing numbers, see ParseBreaks; ignored by the other methods;
//   - palette: a ColorBrewer name, "_r" reversed (palette.ByName);
//   - highlight: the code of a territory to outline;
//   - qpv: true or 1 to draw the QPV outlines (strconv.ParseBool);
//   - width, height: 200 to 4000 pixels; a width alone keeps the 10:7
//     proportion of the default map.
func ParseMapRequest(indicator string, q url.Values) (Request, error) {
	r := Request{Indicator: indicator, Level: "commune", Method: string(classify.Jenks), Classes: 5}
	if indicator == "" {
		return r, badf("paramètre indicator manquant (voir /api/indicators)", "missing indicator parameter (see /api/indicators)")
	}
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	slices.Sort(keys) // the first bad parameter, always the same one
	for _, k := range keys {
		if !slices.Contains(MapParams, k) {
			return r, badf("paramètre inconnu « %s » (paramètres d'une carte : %s)", "unknown parameter %q (map parameters: %s)", k, strings.Join(MapParams, ", "))
		}
		if len(q[k]) > 1 {
			return r, badf("paramètre %s donné %d fois", "parameter %s given %d times", k, len(q[k]))
		}
	}
	get := func(k string) string { return strings.TrimSpace(q.Get(k)) }
	if v := get("level"); v != "" {
		if err := checkMapLevel(v); err != nil {
			return r, err
		}
		r.Level = v
	}
	if v := get("territory"); v != "" {
		if err := CheckCode(v); err != nil {
			return r, err
		}
		r.Territory = v
	}
	for _, p := range []struct {
		name string
		dst  *string
	}{{"public", &r.Public}, {"vintage", &r.Vintage}} {
		v := get(p.name)
		if len(v) > maxText {
			return r, badf("%s trop long (%d caractères au plus)", "%s too long (at most %d characters)", p.name, maxText)
		}
		*p.dst = v
	}
	if v := get("method"); v != "" {
		m, err := classify.ParseMethod(v)
		if err != nil {
			return r, badf("méthode de classification inconnue « %s »", "unknown classification method %q", v)
		}
		r.Method = string(m)
	}
	if v := get("classes"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return r, badf("nombre de classes invalide « %s »", "invalid number of classes %q", v)
		}
		if n < MinClasses || n > MaxClasses {
			return r, badf("nombre de classes %d hors de 2 à 9", "number of classes %d is outside 2…9", n)
		}
		r.Classes = n
	}
	if v := get("breaks"); v != "" {
		b, err := ParseBreaks(v)
		if err != nil {
			return r, err
		}
		if r.Method == string(classify.Manual) {
			r.Breaks = b
		}
	}
	if v := get("palette"); v != "" {
		p, err := palette.ByName(v)
		if err != nil {
			return r, badf("palette inconnue « %s » (palettes ColorBrewer : YlOrRd, Blues, RdBu…, suffixe _r pour inverser)",
				"unknown palette %q (ColorBrewer palettes: YlOrRd, Blues, RdBu…, suffix _r to reverse)", v)
		}
		r.Palette = p.Name
	}
	if v := get("highlight"); v != "" {
		if err := CheckCode(v); err != nil {
			return r, err
		}
		r.Highlight = v
	}
	if v := get("qpv"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return r, badf("qpv invalide « %s » (true ou false)", "invalid qpv %q (true or false)", v)
		}
		r.QPV = b
	}
	for _, d := range []struct {
		name string
		dst  *int
	}{{"width", &r.Width}, {"height", &r.Height}} {
		if v := get(d.name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < MinSize || n > MaxSize {
				return r, badf("%s invalide « %s » (200 à 4000 pixels)", "invalid %s %q (200 to 4000 pixels)", d.name, v)
			}
			*d.dst = n
		}
	}
	if r.Width == 0 {
		r.Width = 1000
	}
	if r.Height == 0 {
		r.Height = r.Width * 7 / 10
	}
	return r, nil
}

// breakNumber is one bound: digits with an optional decimal part, after
// a point or (French style, in the ';' form) a comma.
var breakNumber = regexp.MustCompile(`^-?\d{1,15}([.,]\d{1,15})?$`)

// ParseBreaks reads the bounds of a manual classification, in one of two
// forms that cannot be confused:
//   - separated by ';', each number with a decimal comma or point:
//     "5;10;12,5" or "5;10;12.5" (French style);
//   - without any ';', separated by ',', with decimal points: "5,10,12.5".
//
// Spaces around the numbers are ignored. It takes 1 to 10 finite,
// strictly increasing numbers (a manual map needs at least two).
func ParseBreaks(s string) ([]float64, error) {
	sep, comma := ",", false
	if strings.Contains(s, ";") {
		sep, comma = ";", true
	}
	parts := strings.Split(s, sep)
	if len(parts) > MaxBreaks {
		return nil, badf("%d bornes dans breaks : %d au plus (%d classes)", "%d breaks: at most %d (%d classes)", len(parts), MaxBreaks, MaxClasses)
	}
	out := make([]float64, 0, len(parts))
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if !breakNumber.MatchString(p) || (!comma && strings.Contains(p, ",")) {
			return nil, badf("borne invalide « %s » dans breaks (par exemple 5;10;12,5 ou 5,10,12.5)", "invalid break %q (e.g. 5;10;12,5 or 5,10,12.5)", p)
		}
		v, err := strconv.ParseFloat(strings.Replace(p, ",", ".", 1), 64)
		if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
			return nil, badf("borne invalide « %s » dans breaks", "invalid break %q", p)
		}
		if n := len(out); n > 0 && v <= out[n-1] {
			return nil, badf("les bornes de breaks doivent croître strictement (%s après %s)", "breaks must be strictly increasing (%s after %s)",
				strconv.FormatFloat(v, 'f', -1, 64), strconv.FormatFloat(out[n-1], 'f', -1, 64))
		}
		out = append(out, v)
	}
	return out, nil
}

// Key is the canonical form of a parsed request, for caches: two requests
// drawing the same map have the same key, whatever the order, spelling or
// defaults of their parameters.
func (r Request) Key() string {
	breaks := make([]string, len(r.Breaks))
	for i, b := range r.Breaks {
		breaks[i] = strconv.FormatFloat(b, 'g', -1, 64)
	}
	return fmt.Sprintf("%s|level=%s|territory=%s|public=%s|vintage=%s|method=%s|classes=%d|breaks=%s|palette=%s|highlight=%s|qpv=%t|size=%dx%d",
		url.QueryEscape(r.Indicator), r.Level, r.Territory, url.QueryEscape(r.Public), url.QueryEscape(r.Vintage), r.Method, r.Classes,
		strings.Join(breaks, ";"), r.Palette, r.Highlight, r.QPV, r.Width, r.Height)
}
