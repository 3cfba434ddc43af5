// One self-contained binary: obs built with `go build`, copied alone into
// an empty folder with no node_modules anywhere, writes HTML maps and
// serves the UI and the map embeds.

package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	obsOnce sync.Once
	obsBin  string
	obsErr  error
)

// buildObs builds the obs binary once for the tests that run it.
func buildObs(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat("../../web/dist/echarts.min.js"); err != nil {
		t.Fatalf("echarts is not in web/dist: run `make deps` (scripts/deps.sh) or `make build` first: %v", err)
	}
	obsOnce.Do(func() {
		dir, err := os.MkdirTemp("", "obs-bin-")
		if err != nil {
			obsErr = err
			return
		}
		obsBin = filepath.Join(dir, "obs")
		cmd := exec.Command("go", "build", "-tags", "duckdb_arrow", "-o", obsBin, ".")
		if out, err := cmd.CombinedOutput(); err != nil {
			obsErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if obsErr != nil {
		t.Fatal(obsErr)
	}
	return obsBin
}

// startServe starts `obs serve` on a free port and returns its base URL.
func startServe(t *testing.T, bin, dir string, env []string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	serve := exec.CommandContext(ctx, bin, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	serve.Dir, serve.Env = dir, env
	stdout, _ := serve.StdoutPipe()
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); serve.Wait() })
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := regexp.MustCompile(`http://(\S+)/`).FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
	}()
	select {
	case a := <-addr:
		return "http://" + a
	case <-time.After(60 * time.Second):
		t.Fatal("obs serve did not start")
	}
	return ""
}

// aloneEnv is the environment without any hint to the repository.
func aloneEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "OBS_ASSETS=") && !strings.HasPrefix(kv, "OBS_DATA=") {
			env = append(env, kv)
		}
	}
	return env
}

func TestStandaloneBinary(t *testing.T) {
	db := testStore(t)
	built := buildObs(t)
	alone := t.TempDir()
	bin := filepath.Join(alone, "obs")
	b, err := os.ReadFile(built)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, b, 0o755); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(bin, "map", "--db", db, "--indicator", "taux_chomage_15_64", "--level", "epci", "--out", "x.html")
	cmd.Dir, cmd.Env = alone, aloneEnv()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("obs map: %v\n%s", err, out)
	}
	page, err := os.ReadFile(filepath.Join(alone, "x.html"))
	if err != nil {
		t.Fatal(err)
	}
	if len(page) < 500_000 || !strings.Contains(string(page), "Apache") || strings.Contains(string(page), "<script src=\"http") {
		t.Errorf("x.html (%d bytes) does not inline echarts", len(page))
	}

	base := startServe(t, bin, alone, aloneEnv(), "--db", db)
	tests := []struct{ path, want string }{
		{"/assets/echarts.min.js", "Apache"},
		{"/embed/map/taux_chomage_15_64?level=epci", "/assets/echarts.min.js"},
		{"/", "<html"},
	}
	for _, tc := range tests {
		resp, err := http.Get(base + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(body), tc.want) {
			t.Errorf("%s: %d, %d bytes, want 200 containing %q", tc.path, resp.StatusCode, len(body), tc.want)
		}
	}
}
