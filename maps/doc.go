// Package maps draws answers: choropleth maps (static SVG/PNG here,
// interactive go-echarts elsewhere in the package), their legends and their
// companion tables. It never opens the database: callers pass the values,
// statuses and geometries they want drawn.
//
// One [Breaks] value, built by [Classify], drives both the fill of each
// territory and the legend, so the two can never disagree. Colours come from
// the ColorBrewer schemes of [PaletteByName]. Geometries arrive in WGS84
// lon/lat and are drawn in Lambert-93 ([Lambert93]).
package maps
