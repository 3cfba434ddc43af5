// Package plan follows the Région's action plan: it reads the plan file
// that analysts edit in Excel (one row per action × indicator × territory
// × public), checks it against the catalogue and the COG, measures the
// progress of each row from the cube (baseline → current → target, with
// a status in the open-sdg progress methodology), lists the gaps of the
// plan's coverage, and renders the bilan in HTML.
//
// The progress engine (Assess) is a pure function; Evaluate reads the
// cube through its Go API only.
package plan
