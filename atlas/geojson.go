// GeoJSON export of a map: the territories with their value, status and
// source, for QGIS or any GIS.

package atlas

import (
	"encoding/json"

	"github.com/paulmach/orb/geojson"
)

// GeoJSON returns the map's areas as a FeatureCollection (WGS84). Secret
// and missing values have a null `valeur` and their `statut`.
func GeoJSON(m *Map) ([]byte, error) {
	facts := map[string]int{}
	for i, f := range m.Facts {
		facts[f.Code] = i
	}
	fc := geojson.NewFeatureCollection()
	for _, a := range m.Spec.Areas {
		ft := geojson.NewFeature(a.Geom)
		ft.Properties["code"] = a.Code
		ft.Properties["libelle"] = a.Name
		ft.Properties["statut"] = a.Status
		ft.Properties["valeur"] = nil
		ft.Properties["indicateur"] = m.Ind.ID
		if i, ok := facts[a.Code]; ok {
			f := m.Facts[i]
			if f.HasValue() {
				ft.Properties["valeur"] = f.Value
			}
			ft.Properties["millesime"] = f.Vintage
			ft.Properties["source"] = f.Source
			ft.Properties["cog"] = f.COG
			if f.Reason != "" {
				ft.Properties["raison"] = f.Reason
			}
		}
		fc.Append(ft)
	}
	return json.Marshal(fc)
}
