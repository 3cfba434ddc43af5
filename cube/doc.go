// Package cube answers "how does precarity stand here, for whom, compared
// with where?": it materialises facts (indicator × territory × public ×
// vintage) from the raw observations at ingest, and serves them from memory.
//
// This file holds the indicator catalogue (data/indicators.json), its
// themes (data/themes.json) and publics (data/publics.json).
package cube
