// The embedded catalogue files.

package data

import "embed"

// Files holds every catalogue file of this folder.
//
//go:embed *.json
var Files embed.FS
