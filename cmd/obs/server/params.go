// Request parameters shared by the cube handlers, validated with
// bilingual messages.

package server

import (
	"errors"
	"fmt"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"

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

// Parameters of the cube endpoints other than maps; any other is refused
// with a 400 before anything is rendered or cached.
var (
	valuesParams = []string{"indicator", "level", "territory", "public", "vintage", "format", "decimal"}
	chartParams  = []string{"level", "territory", "public", "vintage"}
)

// checkParams refuses an unknown or repeated parameter (the first one in
// sorted order, so that the message is always the same).
func checkParams(q url.Values, allowed []string, what string) error {
	keys := slices.Sorted(maps.Keys(q))
	for _, k := range keys {
		if !slices.Contains(allowed, k) {
			return BadRequest(fmt.Sprintf("paramètre inconnu « %s » (paramètres %s : %s)", k, what, strings.Join(allowed, ", ")),
				fmt.Sprintf("unknown parameter %q (parameters of %s: %s)", k, what, strings.Join(allowed, ", ")))
		}
		if len(q[k]) > 1 {
			return BadRequest(fmt.Sprintf("paramètre %s donné %d fois", k, len(q[k])), fmt.Sprintf("parameter %s given %d times", k, len(q[k])))
		}
	}
	return nil
}

// valuesRequest is a parsed /api/values request.
type valuesRequest struct {
	ind                        cube.Indicator
	level                      value.Level
	territory, public, vintage string
	format                     string // json, csv, parquet or arrow
	decimalComma               bool   // csv only
}

// key is the request's canonical cache key.
func (v valuesRequest) key() string {
	return fmt.Sprintf("values|%s|level=%s|territory=%s|public=%s|vintage=%s|format=%s|comma=%t", url.QueryEscape(v.ind.ID), v.level,
		v.territory, url.QueryEscape(v.public), url.QueryEscape(v.vintage), v.format, v.decimalComma)
}

// parseValues reads the parameters of /api/values.
func parseValues(c *cube.Cube, q url.Values) (valuesRequest, error) {
	var v valuesRequest
	if err := checkParams(q, valuesParams, "de /api/values"); err != nil {
		return v, err
	}
	var err error
	if v.ind, err = indicatorParam(c, q.Get("indicator")); err != nil {
		return v, err
	}
	if v.level, err = levelParam(q.Get("level"), value.Levels); err != nil {
		return v, err
	}
	switch v.format = q.Get("format"); v.format {
	case "":
		v.format = "json"
	case "json", "csv", "parquet", "arrow":
	default:
		return v, BadRequest(fmt.Sprintf("format inconnu « %s » (json, csv, parquet, arrow)", v.format), fmt.Sprintf("unknown format %q (json, csv, parquet, arrow)", v.format))
	}
	switch d := q.Get("decimal"); d {
	case "", ".":
	case ",":
		v.decimalComma = v.format == "csv"
	default:
		return v, BadRequest(fmt.Sprintf("séparateur décimal inconnu « %s » (, ou .)", d), fmt.Sprintf("unknown decimal separator %q (, or .)", d))
	}
	if v.territory = q.Get("territory"); v.territory != "" {
		if err := checkCode(v.territory); err != nil {
			return v, err
		}
	}
	v.public, v.vintage = q.Get("public"), q.Get("vintage")
	return v, textParams(v.public, v.vintage)
}

// textParams bounds the free-text parameters public and vintage.
func textParams(public, vintage string) error {
	const maxText = 64
	for _, p := range []struct{ name, v string }{{"public", public}, {"vintage", vintage}} {
		if len(p.v) > maxText {
			return BadRequest(fmt.Sprintf("%s trop long (%d caractères au plus)", p.name, maxText), fmt.Sprintf("%s too long (at most %d characters)", p.name, maxText))
		}
	}
	return nil
}

// chartRequest is a parsed /charts/{kind}/{indicator}.{ext} request.
type chartRequest struct {
	atlas.ChartRequest
	ext string // .svg or .html
}

// key is the request's canonical cache key.
func (c chartRequest) key() string {
	return fmt.Sprintf("chart|%s|%s|%s|level=%s|territory=%s|public=%s|vintage=%s", url.QueryEscape(c.Kind), url.QueryEscape(c.Indicator), c.ext,
		c.Level, c.Territory, url.QueryEscape(c.Public), url.QueryEscape(c.Vintage))
}

// parseChart reads a chart's path values and parameters.
func parseChart(c *cube.Cube, kind, file string, q url.Values) (chartRequest, error) {
	ext := path.Ext(file)
	req := chartRequest{ext: ext}
	if ext != ".svg" && ext != ".html" {
		return req, BadRequest("format de graphique inconnu « "+ext+" » (.svg, .html)", "unknown chart format "+ext+" (.svg, .html)")
	}
	if err := checkParams(q, chartParams, "d'un graphique"); err != nil {
		return req, err
	}
	req.ChartRequest = atlas.ChartRequest{Kind: kind, Indicator: strings.TrimSuffix(file, ext), Level: q.Get("level"),
		Territory: q.Get("territory"), Public: q.Get("public"), Vintage: q.Get("vintage")}
	if _, err := indicatorParam(c, req.Indicator); err != nil {
		return req, err
	}
	if req.Level != "" {
		if _, err := levelParam(req.Level, atlas.MapLevels); err != nil {
			return req, err
		}
	}
	if req.Territory != "" {
		if err := checkCode(req.Territory); err != nil {
			return req, err
		}
	}
	return req, textParams(req.Public, req.Vintage)
}

// checkHighlight refuses with a 400 a highlight that is not a territory
// of the map's level (the renderer would fail: a 500 before).
func checkHighlight(c *cube.Cube, req atlas.Request) error {
	if req.Highlight == "" {
		return nil
	}
	level := value.Level(req.Level)
	if slices.ContainsFunc(c.Territories(level), func(t cube.Territory) bool { return t.Code == req.Highlight }) {
		return nil
	}
	return BadRequest(fmt.Sprintf("territoire à mettre en évidence « %s » absent de la carte (niveau %s)", req.Highlight, level),
		fmt.Sprintf("highlighted territory %q is not on the map (level %s)", req.Highlight, level))
}
