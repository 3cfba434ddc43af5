// This file holds echarts built into the binary: `make build` copies the
// npm-installed echarts.min.js into web/dist, which go:embed embeds, so
// that an obs binary copied alone anywhere writes HTML maps and serves the
// UI and embeds.

package web

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
)

//go:embed dist
var dist embed.FS

const (
	// embeddedJS and embeddedPackage are the files `make build` copies.
	embeddedJS      = "dist/" + EchartsFile
	embeddedPackage = "dist/echarts.package.json"
	// buildHint tells what to run when the binary was built without echarts.
	buildHint = "this obs was built without echarts: run `make build` (it runs `npm ci --prefix web` and embeds echarts), or set " + EnvAssets + " to a folder containing " + EchartsFile
)

// Embedded returns the echarts built into the binary. A build made without
// the npm step has none: the error wraps [ErrNotInstalled] and says what
// to run.
func Embedded() (*Echarts, error) {
	return embeddedFrom(dist)
}

func embeddedFrom(fsys fs.FS) (*Echarts, error) {
	js, err := fs.ReadFile(fsys, embeddedJS)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && len(js) == 0) {
		return nil, fmt.Errorf("web: no embedded %s: %w; %s", EchartsFile, ErrNotInstalled, buildHint)
	}
	if err != nil {
		return nil, fmt.Errorf("web: embedded %s: %w", EchartsFile, err)
	}
	version := ""
	if raw, err := fs.ReadFile(fsys, embeddedPackage); err == nil {
		if version, err = parseVersion(raw); err != nil {
			return nil, fmt.Errorf("web: embedded %s: %w", embeddedPackage, err)
		}
	}
	return newEcharts("(embedded)", version, js), nil
}

// LoadEcharts returns echarts for this process: the OBS_ASSETS folder when
// set (an explicit override), else the library embedded in the binary,
// else web/node_modules found from the working directory or the executable
// (a `go build` without the npm step, run inside a checkout).
func LoadEcharts(ctx context.Context) (*Echarts, error) {
	loc := DefaultLocator()
	if loc.EnvDir != "" {
		return loc.Load(ctx)
	}
	if e, err := Embedded(); err == nil {
		return e, nil
	}
	e, err := loc.Load(ctx)
	if errors.Is(err, ErrNotInstalled) {
		return nil, fmt.Errorf("web: no %s near the working directory or the executable either: %w; %s", EchartsFile, ErrNotInstalled, buildHint)
	}
	return e, err
}
