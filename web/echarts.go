// This file loads echarts.min.js into memory and checks its version against
// the one pinned in web/package.json.

package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
)

// PinnedVersion is the echarts version pinned in web/package.json. A test
// keeps the two in step.
const PinnedVersion = "6.1.0"

// Echarts is the echarts library, embedded or loaded from disk.
type Echarts struct {
	// Path is the file the library was read from ("(embedded)" when built in).
	Path string
	// Version comes from the package.json beside dist/ ("" when the file was
	// found alone in an OBS_ASSETS folder).
	Version string
	// JS is the content of echarts.min.js.
	JS []byte
	// etag is a strong validator derived from the content.
	etag string
}

// EchartsJS returns the bytes of echarts.min.js, for an HTML file written to
// disk that must inline the library to work offline without a server.
func EchartsJS(ctx context.Context) ([]byte, error) {
	e, err := LoadEcharts(ctx)
	if err != nil {
		return nil, err
	}
	return e.JS, nil
}

// Load locates echarts.min.js and reads it. A version other than
// [PinnedVersion] is logged as a warning, not refused: the user may have
// upgraded on purpose.
func (l Locator) Load(ctx context.Context) (*Echarts, error) {
	path, err := l.Locate(ctx)
	if err != nil {
		return nil, err
	}
	js, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("web: reading %s: %w", path, err)
	}
	if len(js) == 0 {
		return nil, fmt.Errorf("web: %s is empty: %w; %s", path, ErrNotInstalled, installHint)
	}
	version, err := packageVersion(filepath.Join(filepath.Dir(filepath.Dir(path)), "package.json"))
	if err != nil {
		return nil, err
	}
	return newEcharts(path, version, js), nil
}

// newEcharts wraps the library's bytes, warning when the version is not the
// pinned one (the user may have upgraded on purpose).
func newEcharts(path, version string, js []byte) *Echarts {
	if version != "" && version != PinnedVersion {
		slog.Warn("echarts version differs from the pinned one", "path", path, "found", version, "pinned", PinnedVersion)
	}
	sum := sha256.Sum256(js)
	return &Echarts{
		Path:    path,
		Version: version,
		JS:      js,
		etag:    `"` + hex.EncodeToString(sum[:16]) + `"`,
	}
}

// packageVersion reads the "version" field of an npm package.json; a missing
// file gives "" and no error.
func packageVersion(path string) (string, error) {
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("web: reading %s: %w", path, err)
	}
	v, err := parseVersion(raw)
	if err != nil {
		return "", fmt.Errorf("web: parsing %s: %w", path, err)
	}
	return v, nil
}

// parseVersion reads the "version" of echarts' package.json ("" for
// another package).
func parseVersion(raw []byte) (string, error) {
	var pkg struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	if err := json.Unmarshal(raw, &pkg); err != nil {
		return "", err
	}
	if pkg.Name != "echarts" {
		return "", nil
	}
	return pkg.Version, nil
}
