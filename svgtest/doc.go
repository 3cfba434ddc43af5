// Package svgtest holds what the tests of the SVG-drawing packages (maps,
// charts) share: golden files under testdata/ (rewritten with -update) and
// a generic parse of an SVG document to read back its elements and
// attributes.
package svgtest
