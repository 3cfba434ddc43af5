// IRIS contours from an OpenDataSoft records export (the format of French
// open-data portals): a JSON list of records, each with a geo_shape
// GeoJSON Feature and flat fields code_iris, nom_iris, code_insee,
// type_iris. The IRIS become territories of level iris, nested in their
// commune by code, never summed into it.

package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/region-bretagne/obs/store"
)

// IRISRecord is one record of an OpenDataSoft IRIS export.
type IRISRecord struct {
	Index   int
	Pos     Position
	Code    string // code_iris, 9 characters: commune (5) + IRIS number (4)
	Name    string // nom_iris
	Commune string // code_insee
	Type    string // type_iris: H habitat, A activité, D divers, Z commune non découpée
	Geom    orb.Geometry
}

var irisType = regexp.MustCompile(`^[HADZ]$`)

// ParseODSIRIS reads an OpenDataSoft records export of IRIS contours. Every
// record must carry a 9-character code_iris that starts with its
// code_insee, a name, and a Polygon or MultiPolygon geo_shape in WGS84.
func ParseODSIRIS(path string, b []byte) ([]IRISRecord, error) {
	var out []IRISRecord
	seen := map[string]int{}
	err := jsonArray(path, b, func(i int, off int64, raw json.RawMessage) error {
		var rec struct {
			Code     string          `json:"code_iris"`
			Name     string          `json:"nom_iris"`
			Commune  string          `json:"code_insee"`
			Type     string          `json:"type_iris"`
			GeoShape json.RawMessage `json:"geo_shape"`
		}
		if err := json.Unmarshal(raw, &rec); err != nil {
			return jsonError(path, b, off, fmt.Sprintf("record %d", i), err)
		}
		where := func(err error) error {
			el := fmt.Sprintf("record %d", i)
			if rec.Code != "" {
				el += fmt.Sprintf(" (code_iris %s)", rec.Code)
			}
			return &ParseError{File: path, Pos: positionAt(b, off), Element: el, Err: err}
		}
		switch {
		case !irisCode.MatchString(rec.Code):
			return where(fmt.Errorf("code_iris %q: want 9 characters, commune code then IRIS number", rec.Code))
		case rec.Commune != rec.Code[:5]:
			return where(fmt.Errorf("code_insee %q is not the commune part of code_iris %q", rec.Commune, rec.Code))
		case rec.Name == "":
			return where(fmt.Errorf("missing field %q", "nom_iris"))
		case rec.Type != "" && !irisType.MatchString(rec.Type):
			return where(fmt.Errorf("type_iris %q: want H, A, D or Z", rec.Type))
		case len(rec.GeoShape) == 0 || string(rec.GeoShape) == "null":
			return where(fmt.Errorf("missing field %q", "geo_shape"))
		}
		if j, dup := seen[rec.Code]; dup {
			return where(fmt.Errorf("duplicate code_iris (first at record %d)", j))
		}
		seen[rec.Code] = i
		f, err := geojson.UnmarshalFeature(rec.GeoShape)
		if err != nil {
			return where(fmt.Errorf("geo_shape: %w", err))
		}
		if err := validatePolygonal(f.Geometry); err != nil {
			return where(fmt.Errorf("geo_shape: %w", err))
		}
		out = append(out, IRISRecord{Index: i, Pos: positionAt(b, off), Code: rec.Code, Name: rec.Name, Commune: rec.Commune, Type: rec.Type, Geom: f.Geometry})
		return nil
	})
	return out, err
}

// loadIRIS loads the IRIS contours as territories and geometries of every
// COG vintage on which their commune is a current Breton commune.
func loadIRIS(ctx context.Context, b *Builder) error {
	for _, s := range b.source("geo-iris", 0) {
		f, err := b.Read(ctx, s)
		if errors.Is(err, ErrMissingFile) && !s.Required {
			b.Log.Info("optional source not in the data folder, skipped", "source", s.ID, "path", s.Path)
			continue
		}
		if err != nil {
			return err
		}
		recs, err := ParseODSIRIS(f.Path, f.Bytes)
		if err != nil {
			return err
		}
		var terr, geoms [][]any
		for _, v := range b.Vintages() {
			for _, r := range recs {
				if _, ok := b.COG[v].ByCode[r.Commune]; !ok {
					return &ParseError{File: f.Path, Pos: r.Pos, Element: fmt.Sprintf("record %d (code_iris %s)", r.Index, r.Code),
						Err: fmt.Errorf("commune %s is not a current Breton commune of COG %d", r.Commune, v)}
				}
				typ := "IRIS"
				if r.Type != "" {
					typ += " " + r.Type
				}
				terr = append(terr, []any{v, "iris", r.Code, r.Name, typ, nil, nil, nil, true, false, f.ID})
				row, err := geometryRow(v, "iris", r.Code, f.Publisher, r.Geom, f.ID)
				if err != nil {
					return fmt.Errorf("%s: %w", f.Path, err)
				}
				geoms = append(geoms, row)
			}
		}
		for _, t := range []struct {
			name string
			rows [][]any
		}{{"territory", terr}, {"geometry", geoms}} {
			if err := store.Append(ctx, b.DB, t.name, t.rows); err != nil {
				return fmt.Errorf("%s: %w", f.Path, err)
			}
		}
		b.Log.Info("IRIS contours loaded", "source", s.ID, "iris", len(recs))
	}
	return nil
}
