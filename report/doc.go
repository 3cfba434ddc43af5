// Package report writes the territory fact sheets ("portraits de
// territoire"): French HTML ready to paste into the plan's documents, and
// PDF through the printer package (one headless Chromium per process).
//
// sheet.go holds the sheet's model and its rendering; build.go fills the
// model from the cube and the maps, batch.go writes every sheet of a level
// with an index page.
package report
