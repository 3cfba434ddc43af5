// One self-contained binary: obs built with `go build`, copied alone into
// an empty folder with no node_modules anywhere, writes HTML maps and
// serves the UI and the map embeds.

package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// buildObs builds the obs binary into dir.
func buildObs(t *testing.T, dir string) string {
	t.Helper()
	if _, err := os.Stat("../../web/dist/echarts.min.js"); err != nil {
		t.Fatalf("echarts is not in web/dist: run `make deps` (scripts/deps.sh) or `make build` first: %v", err)
	}
	bin := filepath.Join(dir, "obs")
	cmd := exec.Command("go", "build", "-tags", "duckdb_arrow", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
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
	built := buildObs(t, t.TempDir())
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

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	serve := exec.CommandContext(ctx, bin, "serve", "--db", db, "--addr", "127.0.0.1:0")
	serve.Dir, serve.Env = alone, aloneEnv()
	stdout, _ := serve.StdoutPipe()
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	defer serve.Wait()
	defer cancel()
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := regexp.MustCompile(`http://(\S+)/`).FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
	}()
	var base string
	select {
	case a := <-addr:
		base = "http://" + a
	case <-time.After(60 * time.Second):
		t.Fatal("obs serve did not start")
	}
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
