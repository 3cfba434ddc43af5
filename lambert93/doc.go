// Package lambert93 projects WGS84 longitude/latitude to Lambert-93
// (EPSG:2154), the legal projection of mainland France, in which every map
// is drawn: [Project] for a point, [Geometry] for a whole geometry.
package lambert93
