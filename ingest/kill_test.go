// An ingest killed half-way (SIGKILL, no chance to clean up) must leave
// the previous store openable and complete.

package ingest

import (
	"bufio"
	"context"
	"crypto/sha256"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestKillChild is the child process of TestKilledIngest: it only runs
// when that test starts it.
func TestKillChild(t *testing.T) {
	db := os.Getenv("OBS_KILL_CHILD_DB")
	if db == "" {
		t.Skip("child process of TestKilledIngest")
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	_, err := Build(context.Background(), Options{DataDir: os.Getenv("OBS_KILL_CHILD_DATA"), DBPath: db, Steps: FrameSteps(), Logger: log})
	t.Fatalf("the child was not killed (build returned %v)", err)
}

func TestKilledIngest(t *testing.T) {
	data := stagedData(t)
	path := filepath.Join(t.TempDir(), "obs.duckdb")
	if _, err := Build(context.Background(), Options{DataDir: data, DBPath: path, Steps: FrameSteps(), Logger: quiet}); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	before := sha256.Sum256(raw)

	cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$")
	cmd.Env = append(os.Environ(), "OBS_KILL_CHILD_DB="+path, "OBS_KILL_CHILD_DATA="+data)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once it is past the COG and busy with the geometries, i.e.
	// with a half-written temporary store on disk.
	killed := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if strings.Contains(sc.Text(), "step=communes-geometry") {
				cmd.Process.Signal(syscall.SIGKILL)
				killed <- sc.Text()
				break
			}
		}
		for sc.Scan() {
		}
	}()
	select {
	case line := <-killed:
		t.Logf("killed the child at: %s", line)
	case <-time.After(2 * time.Minute):
		cmd.Process.Kill()
		t.Fatal("the child never reached the geometry step")
	}
	err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("child did not die of SIGKILL: %v", err)
	}
	left, _ := filepath.Glob(path + ".building-*")
	if len(left) == 0 {
		t.Error("no half-written temporary store: the child was killed too late to prove anything")
	}

	raw, err = os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if sha256.Sum256(raw) != before {
		t.Fatal("the previous store changed")
	}
	db := openRO(t, path)
	if n := queryInt(t, db, `SELECT count(*) FROM geometry WHERE cog=2026 AND level='commune'`); n != 1202 {
		t.Errorf("previous store has %d commune geometries, want 1202", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM source`); n < 11 {
		t.Errorf("previous store has %d sources", n)
	}
	db.Close()

	// The next ingest clears the interrupted one's leftovers.
	if _, err := Build(context.Background(), Options{DataDir: data, DBPath: path, Steps: FrameSteps(), Logger: quiet}); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(path + ".building-*"); len(left) > 0 {
		t.Errorf("leftovers of the killed ingest remain: %v", left)
	}
}
