// The sandbox worker process: the obs binary (or a test binary) re-executed
// with OBS_SQL_WORKER=1 runs analysts' queries in a locked DuckDB session,
// under an OS address-space limit and a low CPU priority, and answers
// framed requests on standard input until it closes.

package store

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// workerEnv marks a process started as a sandbox worker.
const workerEnv = "OBS_SQL_WORKER"

// workerNice is the CPU niceness of workers, so that a hostile query cannot
// starve the server's own requests.
const workerNice = 10

// init turns any binary linking this package into a worker when started as
// one: the server re-executes itself, so the worker needs no other file.
func init() {
	if os.Getenv(workerEnv) != "1" {
		return
	}
	os.Exit(runWorker(os.Args[1:]))
}

// runWorker is the worker's main: args are `sql-worker --db PATH
// --memory-limit SIZE --address-space BYTES`.
func runWorker(args []string) int {
	if len(args) > 0 && args[0] == "sql-worker" {
		args = args[1:]
	}
	fs := flag.NewFlagSet("sql-worker", flag.ContinueOnError)
	db := fs.String("db", "", "store file")
	mem := fs.String("memory-limit", DefaultLimits.MemoryLimit, "DuckDB memory_limit")
	as := fs.Int64("address-space", 0, "address space the worker may add to its idle size, in bytes (0: no limit)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	out := bufio.NewWriter(os.Stdout)
	reply := func(r response) bool {
		if err := writeFrame(out, r); err != nil {
			return false
		}
		return out.Flush() == nil
	}
	lowerPriority()
	ctx := context.Background()
	s, err := openSession(ctx, *db, *mem)
	if err != nil {
		reply(response{Error: err.Error()})
		return 1
	}
	defer s.close()
	// The limit is set once DuckDB and the Go runtime have made their
	// (large, mostly unbacked) address-space reservations, before any query.
	if *as > 0 {
		size := procStatus(os.Getpid(), "VmSize:") + *as
		lim := &syscall.Rlimit{Cur: uint64(size), Max: uint64(size)}
		if err := syscall.Setrlimit(syscall.RLIMIT_AS, lim); err != nil {
			reply(response{Error: fmt.Sprintf("sandbox worker: setrlimit: %v", err)})
			return 1
		}
	}
	if !reply(response{}) { // ready
		return 1
	}
	in := bufio.NewReader(os.Stdin)
	for {
		var req request
		if err := readFrame(in, 1<<20, &req); err != nil {
			return 0 // the server closed the pipe: done
		}
		res, err := s.query(ctx, req.Query, time.Duration(req.TimeoutMS)*time.Millisecond, time.Duration(req.LimitMS)*time.Millisecond, req.MaxRows, req.MaxBytes)
		r := response{Result: res}
		if err != nil {
			r = response{Error: err.Error(), Refused: errors.Is(err, ErrRefused), Stopped: errors.Is(err, ErrStopped)}
		}
		if !reply(r) {
			return 1
		}
	}
}

// lowerPriority renices every thread of the process (Linux nice values are
// per thread, and new threads inherit their creator's).
func lowerPriority() {
	tasks, _ := filepath.Glob("/proc/self/task/*")
	for _, t := range tasks {
		if tid, err := strconv.Atoi(filepath.Base(t)); err == nil {
			_ = syscall.Setpriority(syscall.PRIO_PROCESS, tid, workerNice)
		}
	}
	_ = syscall.Setpriority(syscall.PRIO_PROCESS, 0, workerNice)
}

// procStatus reads a size field (VmRSS:, VmSize:) of /proc/PID/status in
// bytes; 0 when the process is gone.
func procStatus(pid int, field string) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == field {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}
