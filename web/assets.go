// This file locates echarts.min.js on disk: the OBS_ASSETS folder, then
// web/node_modules found from the working directory or the executable.

package web

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

const (
	// EnvAssets names the environment variable that points at a folder
	// holding echarts.min.js, either directly or as
	// node_modules/echarts/dist/echarts.min.js (the web/ folder itself).
	EnvAssets = "OBS_ASSETS"
	// EchartsFile is the file name of the minified echarts build.
	EchartsFile = "echarts.min.js"
	// echartsInModules is where npm puts the build, relative to web/.
	echartsInModules = "node_modules/echarts/dist/" + EchartsFile
	// installHint tells the user how to install the assets.
	installHint = "run `npm ci --prefix web` from the obs repository root, or set " + EnvAssets + " to a folder containing " + EchartsFile
)

// ErrNotInstalled is returned (wrapped) when echarts.min.js cannot be found.
var ErrNotInstalled = errors.New("echarts assets not installed")

// Locator says where to look for the assets. The zero value looks nowhere;
// [DefaultLocator] fills it from the process environment.
type Locator struct {
	// EnvDir is the value of OBS_ASSETS; when not empty it is the only place
	// searched, so a wrong setting is reported rather than silently ignored.
	EnvDir string
	// WorkDir and ExecDir are the working directory and the folder of the
	// running executable. From each, the locator walks up the parents and
	// tries <dir>/web/node_modules/echarts/dist/echarts.min.js, and also
	// <dir>/node_modules/... when <dir> is itself the web/ folder.
	WorkDir string
	ExecDir string
}

// DefaultLocator returns a Locator for this process: OBS_ASSETS, the working
// directory and the directory of the executable (symlinks resolved).
// Directories that cannot be determined are left empty and skipped.
func DefaultLocator() Locator {
	l := Locator{EnvDir: os.Getenv(EnvAssets)}
	if wd, err := os.Getwd(); err == nil {
		l.WorkDir = wd
	}
	if exe, err := os.Executable(); err == nil {
		if real, err := filepath.EvalSymlinks(exe); err == nil {
			exe = real
		}
		l.ExecDir = filepath.Dir(exe)
	}
	return l
}

// Locate returns the absolute path of echarts.min.js with the default
// locator. See [Locator.Locate].
func Locate(ctx context.Context) (string, error) {
	return DefaultLocator().Locate(ctx)
}

// Locate returns the path of the first echarts.min.js found, in this order:
// the OBS_ASSETS folder (exclusively, when set), then web/node_modules from
// the working directory and its parents, then from the executable's folder
// and its parents. The error wraps [ErrNotInstalled], lists every place
// tried and tells the user to run `npm ci --prefix web`.
func (l Locator) Locate(ctx context.Context) (string, error) {
	candidates := l.candidates()
	for _, c := range candidates {
		if err := ctx.Err(); err != nil {
			return "", fmt.Errorf("web: locating %s: %w", EchartsFile, err)
		}
		info, err := os.Stat(c)
		switch {
		case err == nil && info.Mode().IsRegular():
			return c, nil
		case err == nil || errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission):
			continue
		default:
			return "", fmt.Errorf("web: checking %s: %w", c, err)
		}
	}
	where := "no directory to search"
	if len(candidates) > 0 {
		where = "looked in " + strings.Join(candidates, ", ")
	}
	if l.EnvDir != "" {
		return "", fmt.Errorf("web: %s=%q holds no %s (%s): %w; %s", EnvAssets, l.EnvDir, EchartsFile, where, ErrNotInstalled, installHint)
	}
	return "", fmt.Errorf("web: %s not found (%s): %w; %s", EchartsFile, where, ErrNotInstalled, installHint)
}

// candidates lists the paths to try, in order, without duplicates.
func (l Locator) candidates() []string {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		p = filepath.Clean(p)
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	if l.EnvDir != "" {
		add(filepath.Join(l.EnvDir, EchartsFile))
		add(filepath.Join(l.EnvDir, filepath.FromSlash(echartsInModules)))
		return out
	}
	for _, start := range []string{l.WorkDir, l.ExecDir} {
		if start == "" {
			continue
		}
		abs, err := filepath.Abs(start)
		if err != nil {
			continue
		}
		for dir := abs; ; {
			if filepath.Base(dir) == "web" {
				add(filepath.Join(dir, filepath.FromSlash(echartsInModules)))
			}
			add(filepath.Join(dir, "web", filepath.FromSlash(echartsInModules)))
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
	}
	return out
}
