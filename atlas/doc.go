// Package atlas is the map model: it turns a question to the cube (an
// indicator, a level, a public, a vintage, a classification) into the
// specification the maps package draws, with the store's geometries.
// The CLI, the HTTP service and the fact sheets all draw through it, so a
// map is the same wherever it appears.
package atlas
