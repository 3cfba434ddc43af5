// Reading and validating GeoJSON sources: a FeatureCollection or a single
// Feature, WGS84 lon/lat, Polygon or MultiPolygon with closed rings.

package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// feature is one validated GeoJSON feature with its place in the file.
type feature struct {
	Index int
	Pos   Position
	Props map[string]any
	Geom  orb.Geometry // orb.Polygon or orb.MultiPolygon
}

// prop returns the first non-empty string property among names, compared
// case-insensitively; numbers are formatted without decimals.
func (f feature) prop(names ...string) string {
	for _, n := range names {
		for k, v := range f.Props {
			if !strings.EqualFold(k, n) {
				continue
			}
			switch x := v.(type) {
			case string:
				if s := strings.TrimSpace(x); s != "" {
					return s
				}
			case float64:
				return fmt.Sprintf("%.0f", x)
			}
		}
	}
	return ""
}

// readFeatures parses a GeoJSON file into validated polygonal features.
func readFeatures(f *File) ([]feature, error) {
	b := f.Bytes
	var head struct {
		Type string `json:"type"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return nil, jsonError(f.Path, b, 0, "", err)
	}
	var raws []json.RawMessage
	var offs []int64
	switch head.Type {
	case "Feature":
		raws, offs = []json.RawMessage{b}, []int64{0}
	case "FeatureCollection":
		var err error
		raws, offs, err = collectionFeatures(f.Path, b)
		if err != nil {
			return nil, err
		}
	default:
		return nil, &ParseError{File: f.Path, Pos: Position{1, 1}, Err: fmt.Errorf("GeoJSON type %q: want Feature or FeatureCollection", head.Type)}
	}
	out := make([]feature, 0, len(raws))
	for i, raw := range raws {
		pos := positionAt(b, offs[i])
		gf, err := geojson.UnmarshalFeature(raw)
		if err != nil {
			return nil, &ParseError{File: f.Path, Pos: pos, Element: fmt.Sprintf("feature %d", i), Err: err}
		}
		ft := feature{Index: i, Pos: pos, Props: gf.Properties, Geom: gf.Geometry}
		if err := validatePolygonal(ft.Geom); err != nil {
			el := fmt.Sprintf("feature %d", i)
			if c := ft.prop("code", "code_geo", "CODE_QP", "code_qp"); c != "" {
				el += fmt.Sprintf(" (code %s)", c)
			}
			return nil, &ParseError{File: f.Path, Pos: pos, Element: el, Err: err}
		}
		out = append(out, ft)
	}
	return out, nil
}

// collectionFeatures streams a FeatureCollection's features with offsets.
func collectionFeatures(file string, b []byte) ([]json.RawMessage, []int64, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil { // {
		return nil, nil, jsonError(file, b, dec.InputOffset(), "", err)
	}
	var raws []json.RawMessage
	var offs []int64
	found := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, nil, jsonError(file, b, dec.InputOffset(), "", err)
		}
		if key, _ := tok.(string); key != "features" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, nil, jsonError(file, b, dec.InputOffset(), fmt.Sprintf("member %q", key), err)
			}
			continue
		}
		found = true
		if _, err := dec.Token(); err != nil { // [
			return nil, nil, jsonError(file, b, dec.InputOffset(), "features", err)
		}
		for i := 0; dec.More(); i++ {
			off := dec.InputOffset()
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return nil, nil, jsonError(file, b, off, fmt.Sprintf("feature %d", i), err)
			}
			raws = append(raws, raw)
			offs = append(offs, skipSpace(b, off))
		}
		if _, err := dec.Token(); err != nil { // ]
			return nil, nil, jsonError(file, b, dec.InputOffset(), "features", err)
		}
	}
	if _, err := dec.Token(); err != nil { // }
		return nil, nil, jsonError(file, b, dec.InputOffset(), "", err)
	}
	if !found {
		return nil, nil, &ParseError{File: file, Pos: Position{1, 1}, Err: fmt.Errorf("FeatureCollection has no \"features\" member")}
	}
	return raws, offs, nil
}

// validatePolygonal checks that g is a (Multi)Polygon of closed rings of at
// least four points, in degrees.
func validatePolygonal(g orb.Geometry) error {
	var polys orb.MultiPolygon
	switch t := g.(type) {
	case orb.Polygon:
		polys = orb.MultiPolygon{t}
	case orb.MultiPolygon:
		polys = t
	case nil:
		return fmt.Errorf("feature has no geometry")
	default:
		return fmt.Errorf("geometry type %s: want Polygon or MultiPolygon", g.GeoJSONType())
	}
	for pi, p := range polys {
		for ri, r := range p {
			if len(r) < 4 {
				return fmt.Errorf("polygon %d ring %d has %d points: a closed ring needs at least 4", pi, ri, len(r))
			}
			for _, pt := range r {
				if math.IsNaN(pt[0]) || math.IsNaN(pt[1]) || math.Abs(pt[0]) > 180 || math.Abs(pt[1]) > 90 {
					return fmt.Errorf("polygon %d ring %d: coordinate (%g, %g) is not longitude/latitude in degrees (metres of a projected CRS such as Lambert-93?); re-export the file in WGS84 (EPSG:4326)", pi, ri, pt[0], pt[1])
				}
			}
			if !r[0].Equal(r[len(r)-1]) {
				return fmt.Errorf("polygon %d ring %d is not closed: first point %v differs from last point %v", pi, ri, r[0], r[len(r)-1])
			}
		}
	}
	return nil
}
