// The embedded catalogue files.

package data

import "embed"

// Files holds every catalogue file of this folder, and the example plan
// (plan-exemple.csv, read by obs serve for /api/plan).
//
//go:embed *.json plan-exemple.csv
var Files embed.FS
