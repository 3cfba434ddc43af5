// Package maps draws maps: choropleths and proportional symbols as static
// SVG/PNG ([ChoroplethSVG], [SymbolSVG], [RenderPNG]) and as interactive
// go-echarts maps ([EchartsMap], [EchartsSymbols]), with their legends
// ([NewLegend]) and companion tables ([WriteTableCSV], [WriteTableHTML]).
// It never opens the database: callers pass the values, statuses and
// geometries they want drawn.
//
// One [classify.Breaks] value drives both the fill of each territory and
// the legend, so the two can never disagree. Colours come from package
// palette; geometries arrive in WGS84 lon/lat and are drawn in Lambert-93
// (package lambert93). Charts live in package charts; the SVG helpers
// shared with them in package svgdoc, the HTML of interactive pages in
// package echartspage.
package maps
