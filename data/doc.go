// Package data holds the observatory's catalogues (sources, indicators,
// themes) as files embedded in the binary, so that adding a vintage or an
// indicator means editing data, not Go.
package data
