// Request parameters shared by the cube handlers, validated with
// bilingual messages.

package server

import (
	"errors"
	"fmt"
	"net/url"

	"github.com/region-bretagne/obs/atlas"
	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/value"
)

// checkCode refuses a malformed territory code with a 400.
func checkCode(code string) error {
	return cubeError(atlas.CheckCode(code))
}

// cubeError turns a cube error into the right HTTP answer.
func cubeError(err error) error {
	var ae *atlas.Error
	switch {
	case errors.As(err, &ae):
		return err // already bilingual
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

// mapRequest reads the parameters of a map (those of obs map) from the
// raw query string, with the parser obs map uses. A raw ';' (as in
// breaks=5;10;12,5 typed by hand) is refused with its fix, rather than
// the parameter being silently dropped.
func mapRequest(indicator, rawQuery string) (atlas.Request, error) {
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		return atlas.Request{}, BadRequest("paramètres de carte illisibles : "+err.Error()+" (écrire %3B pour un point-virgule, par exemple breaks=5%3B10%3B12,5)",
			"unreadable map parameters: "+err.Error()+" (write %3B for a semicolon, e.g. breaks=5%3B10%3B12,5)")
	}
	r, err := atlas.ParseMapRequest(indicator, q)
	return r, cubeError(err)
}
