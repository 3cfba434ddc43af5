// Tests for locating echarts.min.js.

package web

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeFile creates path (and its parents) with content.
func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLocate(t *testing.T) {
	root := t.TempDir()
	// A fake checkout: <root>/repo/web/node_modules/echarts/dist/echarts.min.js
	repo := filepath.Join(root, "repo")
	inRepo := filepath.Join(repo, "web", "node_modules", "echarts", "dist", "echarts.min.js")
	writeFile(t, inRepo, "/* repo */")
	deep := filepath.Join(repo, "cmd", "obs", "testdata")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	// A flat OBS_ASSETS folder and one shaped like web/.
	flat := filepath.Join(root, "flat")
	writeFile(t, filepath.Join(flat, "echarts.min.js"), "/* flat */")
	webLike := filepath.Join(root, "weblike")
	inWebLike := filepath.Join(webLike, "node_modules", "echarts", "dist", "echarts.min.js")
	writeFile(t, inWebLike, "/* weblike */")
	// An installed binary next to its own web/ folder.
	install := filepath.Join(root, "opt", "obs")
	inInstall := filepath.Join(install, "web", "node_modules", "echarts", "dist", "echarts.min.js")
	writeFile(t, inInstall, "/* install */")
	empty := filepath.Join(root, "empty")
	if err := os.MkdirAll(empty, 0o755); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name    string
		loc     Locator
		want    string
		wantErr string // substring of the error; the error must wrap ErrNotInstalled
	}{
		{name: "env flat folder", loc: Locator{EnvDir: flat, WorkDir: repo}, want: filepath.Join(flat, "echarts.min.js")},
		{name: "env web-like folder", loc: Locator{EnvDir: webLike, WorkDir: repo}, want: inWebLike},
		{name: "env wins over workdir", loc: Locator{EnvDir: flat, WorkDir: deep}, want: filepath.Join(flat, "echarts.min.js")},
		{name: "env set but empty is an error, no fallback", loc: Locator{EnvDir: empty, WorkDir: repo}, wantErr: "OBS_ASSETS="},
		{name: "workdir at repo root", loc: Locator{WorkDir: repo}, want: inRepo},
		{name: "workdir deep inside repo walks up", loc: Locator{WorkDir: deep}, want: inRepo},
		{name: "workdir is web folder itself", loc: Locator{WorkDir: filepath.Join(repo, "web")}, want: inRepo},
		{name: "workdir wins over exec dir", loc: Locator{WorkDir: deep, ExecDir: install}, want: inRepo},
		{name: "exec dir when workdir has nothing", loc: Locator{WorkDir: empty, ExecDir: install}, want: inInstall},
		{name: "nothing found", loc: Locator{WorkDir: empty}, wantErr: "npm ci --prefix web"},
		{name: "no directory at all", loc: Locator{}, wantErr: "npm ci --prefix web"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.loc.Locate(context.Background())
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("Locate() = %q, want error containing %q", got, tt.wantErr)
				}
				if !errors.Is(err, ErrNotInstalled) {
					t.Errorf("error %v does not wrap ErrNotInstalled", err)
				}
				if !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("error %q does not contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Locate(): %v", err)
			}
			if got != tt.want {
				t.Errorf("Locate() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLocateCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Locator{WorkDir: t.TempDir()}.Locate(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Locate with cancelled context: got %v, want context.Canceled", err)
	}
}

func TestLoadReadsVersion(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "node_modules", "echarts", "dist", "echarts.min.js"), "var echarts={};")
	writeFile(t, filepath.Join(dir, "node_modules", "echarts", "package.json"), `{"name":"echarts","version":"6.1.0"}`)
	e, err := Locator{EnvDir: dir}.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if e.Version != "6.1.0" || string(e.JS) != "var echarts={};" {
		t.Errorf("Load() = version %q, js %q", e.Version, e.JS)
	}

	// A flat folder has no package.json: version unknown, still loads.
	flat := t.TempDir()
	writeFile(t, filepath.Join(flat, "echarts.min.js"), "x")
	e, err = Locator{EnvDir: flat}.Load(context.Background())
	if err != nil || e.Version != "" {
		t.Errorf("Load(flat) = %+v, %v; want empty version, no error", e, err)
	}

	// An empty file is reported as not installed.
	bad := t.TempDir()
	writeFile(t, filepath.Join(bad, "echarts.min.js"), "")
	if _, err := (Locator{EnvDir: bad}).Load(context.Background()); !errors.Is(err, ErrNotInstalled) {
		t.Errorf("Load(empty file): got %v, want ErrNotInstalled", err)
	}
}

// TestPackageJSONPinsVersion keeps PinnedVersion and web/package.json (and
// its lockfile) in step, with an exact pin.
func TestPackageJSONPinsVersion(t *testing.T) {
	raw, err := os.ReadFile("package.json")
	if err != nil {
		t.Fatal(err)
	}
	if want := `"echarts": "` + PinnedVersion + `"`; !strings.Contains(string(raw), want) {
		t.Errorf("package.json does not pin %s exactly", want)
	}
	lock, err := os.ReadFile("package-lock.json")
	if err != nil {
		t.Fatal(err)
	}
	if want := `"node_modules/echarts": {` + "\n" + `      "version": "` + PinnedVersion + `"`; !strings.Contains(string(lock), want) {
		t.Errorf("package-lock.json does not lock echarts %s", PinnedVersion)
	}
}

// TestRealAssetInstalled checks the npm-installed library from this
// checkout. It is skipped outside CI when `npm ci --prefix web` was not run,
// and fails in CI (CI=true) so a missing install step is caught.
func TestRealAssetInstalled(t *testing.T) {
	e, err := Locator{WorkDir: "."}.Load(context.Background())
	if errors.Is(err, ErrNotInstalled) && os.Getenv("CI") == "" {
		t.Skipf("echarts not installed: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if e.Version != PinnedVersion {
		t.Errorf("installed echarts %q, pinned %q: run npm ci --prefix web", e.Version, PinnedVersion)
	}
	if len(e.JS) < 100_000 || !strings.Contains(string(e.JS[:min(len(e.JS), 4096)]), "Apache") {
		t.Errorf("%s does not look like the echarts build (%d bytes)", e.Path, len(e.JS))
	}
}
