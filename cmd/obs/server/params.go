// Request parameters shared by the cube handlers, validated with
// bilingual messages.

package server

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/region-bretagne/obs/atlas"
	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/value"
)

// codePattern accepts the shapes of territory codes: commune (5, Corsica
// 2A/2B), EPCI SIREN (9 digits), département (2-3), région (2), QPV.
var codePattern = regexp.MustCompile(`^(\d{5}|2[AB]\d{3}|\d{9}|\d{2,3}|QP\d{6}|QN\d{3}[0-9A-Z]{2,4}|FR)$`)

func checkCode(code string) error {
	if !codePattern.MatchString(code) {
		return BadRequest(fmt.Sprintf("code de territoire malformé « %s » (commune : 5 caractères, EPCI : SIREN à 9 chiffres, département : 2 chiffres, région : 53)", code),
			fmt.Sprintf("malformed territory code %q (commune: 5 characters, EPCI: 9-digit SIREN, département: 2 digits, région: 53)", code))
	}
	return nil
}

// cubeError turns a cube error into the right HTTP answer.
func cubeError(err error) error {
	var ae *atlas.Error
	switch {
	case errors.As(err, &ae):
		return BadRequest(ae.FR, ae.EN)
	case errors.Is(err, cube.ErrUnknown):
		return BadRequest(err.Error(), "unknown parameter value: "+err.Error())
	case errors.Is(err, cube.ErrNoData):
		return NotFound(err.Error(), "no data: "+err.Error())
	}
	return err
}

// indicatorParam checks an indicator id against the catalogue.
func indicatorParam(c *cube.Cube, id string) (cube.Indicator, error) {
	if id == "" {
		return cube.Indicator{}, BadRequest("paramètre indicator manquant (voir /api/indicators)", "missing indicator parameter (see /api/indicators)")
	}
	ind, ok := c.Catalogue().Indicator(id)
	if !ok {
		return ind, BadRequest(fmt.Sprintf("indicateur inconnu « %s » (voir /api/indicators)", id), fmt.Sprintf("unknown indicator %q (see /api/indicators)", id))
	}
	return ind, nil
}

// levelParam checks a level against a list.
func levelParam(level string, allowed []value.Level) (value.Level, error) {
	if level == "" {
		return value.LevelCommune, nil
	}
	for _, l := range allowed {
		if string(l) == level {
			return l, nil
		}
	}
	return "", BadRequest(fmt.Sprintf("niveau inconnu « %s » (niveaux : %s)", level, value.JoinLevels(allowed, ", ")),
		fmt.Sprintf("unknown level %q (levels: %s)", level, value.JoinLevels(allowed, ", ")))
}

// mapRequest reads the parameters of obs map from a query string.
func mapRequest(indicator string, q url.Values) (atlas.Request, error) {
	r := atlas.Request{Indicator: indicator, Level: q.Get("level"), Public: q.Get("public"), Vintage: q.Get("vintage"),
		Method: q.Get("method"), Palette: q.Get("palette"), Highlight: q.Get("highlight"), QPV: q.Get("qpv") == "1" || q.Get("qpv") == "true"}
	if c := q.Get("classes"); c != "" {
		n, err := strconv.Atoi(c)
		if err != nil {
			return r, BadRequest(fmt.Sprintf("nombre de classes invalide « %s »", c), fmt.Sprintf("invalid number of classes %q", c))
		}
		r.Classes = n
	}
	for _, dim := range []struct {
		name string
		dst  *int
	}{{"width", &r.Width}, {"height", &r.Height}} {
		if v := q.Get(dim.name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 200 || n > 4000 {
				return r, BadRequest(fmt.Sprintf("%s invalide « %s » (200 à 4000 pixels)", dim.name, v), fmt.Sprintf("invalid %s %q (200 to 4000 pixels)", dim.name, v))
			}
			*dim.dst = n
		}
	}
	if b := q.Get("breaks"); b != "" {
		for _, p := range strings.Split(b, ",") {
			v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
			if err != nil {
				return r, BadRequest(fmt.Sprintf("borne invalide « %s » dans breaks", p), fmt.Sprintf("invalid break %q", p))
			}
			r.Breaks = append(r.Breaks, v)
		}
	}
	if r.Highlight != "" {
		if err := checkCode(r.Highlight); err != nil {
			return r, err
		}
	}
	return r, nil
}
