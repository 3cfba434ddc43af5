// Package svgdoc holds the writing helpers shared by the static SVG
// documents of obs, maps and charts alike: style constants, the hatching
// pattern of secret values, XML escaping, pixel numbers and line wrapping.
package svgdoc
