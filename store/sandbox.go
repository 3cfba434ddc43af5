// The analysts' SQL sandbox, server side: queries run in a small pool of
// worker processes (see sandbox_worker.go), each under an OS memory limit,
// killed with their process group when they overrun their timeout, and
// restarted on the next query. Workers are started lazily and reused, so
// that the common query costs no process start.

package store

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// Limits bound what one sandbox query may cost.
type Limits struct {
	Timeout     time.Duration // a query returns or is stopped within Timeout + KillGrace
	MaxRows     int           // rows returned at most (more are cut, and said)
	MemoryLimit string        // DuckDB memory_limit inside a worker, e.g. "256MB"
	// AddressSpace is how much address space a worker may add to its idle
	// size (its RLIMIT_AS, in bytes): the OS refuses it any more memory,
	// whatever DuckDB believes it uses.
	AddressSpace int64
	// MaxRSS is the resident memory, in bytes, above which the server kills
	// a worker (checked every RSSCheck while a query runs).
	MaxRSS int64
	// MaxResultBytes bounds the JSON size of a result's rows.
	MaxResultBytes int
	// Workers is the number of worker processes, hence of queries run at
	// once; further queries wait for a worker within their timeout.
	Workers int
}

// KillGrace is how long past its timeout a query may run before its worker
// is killed: DuckDB's own interruption usually answers well before.
const KillGrace = 500 * time.Millisecond

// RSSCheck is how often a running worker's resident memory is checked.
const RSSCheck = 20 * time.Millisecond

// DefaultLimits are the limits of `obs sql` and POST /api/sql.
//
// Memory budget of the sandbox above an idle server: Workers × MaxRSS
// (2 × 512 MiB) resident, give or take what a worker allocates within one
// RSSCheck; the hard OS bound is Workers × (idle worker + AddressSpace).
// The server itself holds at most one result (MaxResultBytes) per worker.
var DefaultLimits = Limits{
	Timeout:        10 * time.Second,
	MaxRows:        10000,
	MemoryLimit:    "256MB",
	AddressSpace:   1 << 30,
	MaxRSS:         512 << 20,
	MaxResultBytes: 16 << 20,
	Workers:        2,
}

// ErrRefused marks a statement the sandbox will not run, or stopped.
var ErrRefused = errors.New("statement refused")

// ErrStopped marks a query stopped by a limit (time, memory, result size).
var ErrStopped = fmt.Errorf("%w: query stopped", ErrRefused)

// WorkerCommand is the executable re-executed as a sandbox worker; empty
// means this process's own executable.
var WorkerCommand string

// Sandbox runs analysts' read-only queries in worker processes.
type Sandbox struct {
	path   string
	limits Limits
	slots  chan *worker // a nil slot is a worker not started yet

	mu     sync.Mutex
	live   map[*worker]bool
	closed bool
}

// Result is the answer to a sandbox query.
type Result struct {
	Columns   []string `json:"columns"`
	Rows      [][]any  `json:"rows"`
	Truncated bool     `json:"truncated"` // more rows than Limits.MaxRows
}

// OpenSandbox prepares a sandbox on the store file. No worker starts
// until the first query.
func OpenSandbox(ctx context.Context, path string, l Limits) (*Sandbox, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(abs); err != nil {
		return nil, fmt.Errorf("%w: %s (run `obs ingest --db %s` first)", ErrNoStore, path, path)
	}
	if l.Workers <= 0 {
		l.Workers = 1
	}
	if l.MaxResultBytes <= 0 {
		l.MaxResultBytes = DefaultLimits.MaxResultBytes
	}
	s := &Sandbox{path: abs, limits: l, slots: make(chan *worker, l.Workers), live: map[*worker]bool{}}
	for range l.Workers {
		s.slots <- nil
	}
	return s, nil
}

// Close kills the workers.
func (s *Sandbox) Close() error {
	s.mu.Lock()
	s.closed = true
	live := s.live
	s.live = map[*worker]bool{}
	s.mu.Unlock()
	for w := range live {
		w.kill()
	}
	return nil
}

// Query runs one SELECT statement under the sandbox's limits: it returns,
// or is stopped, within Limits.Timeout + KillGrace, waiting for a free
// worker included. Anything but one SELECT is refused before it runs.
func (s *Sandbox) Query(ctx context.Context, query string) (*Result, error) {
	start := time.Now()
	deadline := start.Add(s.limits.Timeout)
	stopped := func() error {
		return fmt.Errorf("%w after the %s statement timeout", ErrStopped, s.limits.Timeout)
	}
	var w *worker
	select {
	case w = <-s.slots:
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-time.After(time.Until(deadline)):
		return nil, fmt.Errorf("%w after the %s statement timeout (every sandbox worker was busy)", ErrStopped, s.limits.Timeout)
	}
	defer func() { s.slots <- w }()
	if w == nil || w.exited() {
		var err error
		if w, err = s.start(ctx, deadline.Add(KillGrace)); err != nil {
			w = nil
			return nil, err
		}
	}
	remaining := time.Until(deadline)
	if remaining <= 0 {
		return nil, stopped()
	}
	resp, err := w.call(ctx, deadline.Add(KillGrace), s.limits.MaxRSS, s.limits.MaxResultBytes+1<<20, request{
		Query: query, TimeoutMS: remaining.Milliseconds(), LimitMS: s.limits.Timeout.Milliseconds(), MaxRows: s.limits.MaxRows, MaxBytes: s.limits.MaxResultBytes,
	})
	switch {
	case errors.Is(err, errMemory):
		s.drop(w, "memory")
		w = nil
		return nil, fmt.Errorf("%w: it outgrew the sandbox memory (%d MiB)", ErrStopped, s.limits.MaxRSS>>20)
	case errors.Is(err, errOverrun):
		s.drop(w, "timeout")
		w = nil
		return nil, stopped()
	case err != nil && ctx.Err() != nil:
		s.drop(w, "caller gone")
		w = nil
		return nil, ctx.Err()
	case err != nil:
		s.drop(w, "worker died: "+err.Error())
		w = nil
		return nil, fmt.Errorf("%w: it outgrew the sandbox memory (%d MiB)", ErrStopped, s.limits.AddressSpace>>20)
	}
	return resp.result()
}

// result turns a response into Query's values.
func (r response) result() (*Result, error) {
	switch {
	case r.Stopped, r.Refused:
		return nil, &workerError{msg: r.Error, stopped: r.Stopped}
	case r.Error != "":
		return nil, errors.New(r.Error)
	case r.Result == nil:
		return nil, errors.New("sandbox: empty response")
	}
	if r.Result.Rows == nil {
		r.Result.Rows = [][]any{}
	}
	return r.Result, nil
}

// workerError is a worker's refusal or stop, matching ErrRefused or
// ErrStopped; its message already starts with theirs.
type workerError struct {
	msg     string
	stopped bool
}

func (e *workerError) Error() string { return e.msg }

func (e *workerError) Is(target error) bool {
	return target == ErrRefused || (e.stopped && target == ErrStopped)
}

// start launches a worker and waits for it to be ready.
func (s *Sandbox) start(ctx context.Context, hard time.Time) (*worker, error) {
	exe := WorkerCommand
	if exe == "" {
		var err error
		if exe, err = os.Executable(); err != nil {
			return nil, fmt.Errorf("sandbox: %w", err)
		}
	}
	cmd := exec.Command(exe, "sql-worker", "--db", s.path,
		"--memory-limit", s.limits.MemoryLimit, "--address-space", strconv.FormatInt(s.limits.AddressSpace, 10))
	cmd.Env = append(os.Environ(), workerEnv+"=1", "GOMAXPROCS=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	tail := &tailBuffer{max: 4096}
	cmd.Stderr = tail
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("sandbox: starting worker %s: %w", exe, err)
	}
	w := &worker{cmd: cmd, stdin: stdin, stdout: bufio.NewReader(stdout), stderr: tail, done: make(chan struct{})}
	go func() { cmd.Wait(); close(w.done) }()
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		w.kill()
		return nil, errors.New("sandbox closed")
	}
	s.live[w] = true
	s.mu.Unlock()
	ready, err := w.call(ctx, hard, 0, 1<<20, nil)
	if err == nil && ready.Error != "" {
		err = errors.New(ready.Error)
	}
	if err != nil {
		s.drop(w, "start failed")
		if errors.Is(err, errOverrun) {
			return nil, fmt.Errorf("%w after the %s statement timeout (worker start)", ErrStopped, s.limits.Timeout)
		}
		return nil, fmt.Errorf("sandbox worker: %w%s", err, tail.suffix())
	}
	return w, nil
}

// drop kills a worker and forgets it.
func (s *Sandbox) drop(w *worker, why string) {
	s.mu.Lock()
	delete(s.live, w)
	s.mu.Unlock()
	w.kill()
	slog.Warn("sandbox worker killed", "pid", w.cmd.Process.Pid, "why", why, "stderr", w.stderr.String())
}

// worker is one running worker process.
type worker struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout *bufio.Reader
	stderr *tailBuffer
	done   chan struct{} // closed when the process has exited
}

var (
	// errOverrun says a worker did not answer by its hard deadline.
	errOverrun = errors.New("sandbox worker overran its deadline")
	// errMemory says a worker outgrew its resident memory budget.
	errMemory = errors.New("sandbox worker outgrew its memory")
)

// call sends req (none when nil) and reads the response, giving up at hard,
// when the worker's resident memory exceeds maxRSS (when > 0) or when ctx
// ends; the caller then kills the worker.
func (w *worker) call(ctx context.Context, hard time.Time, maxRSS int64, max int, req any) (response, error) {
	type answer struct {
		r   response
		err error
	}
	ch := make(chan answer, 1)
	go func() {
		var a answer
		if req != nil {
			if a.err = writeFrame(w.stdin, req); a.err != nil {
				ch <- a
				return
			}
		}
		a.err = readFrame(w.stdout, max, &a.r)
		ch <- a
	}()
	t := time.NewTimer(time.Until(hard))
	defer t.Stop()
	rss := time.NewTicker(RSSCheck)
	defer rss.Stop()
	for {
		select {
		case a := <-ch:
			return a.r, a.err
		case <-t.C:
			return response{}, errOverrun
		case <-ctx.Done():
			return response{}, ctx.Err()
		case <-rss.C:
			if maxRSS > 0 && procStatus(w.cmd.Process.Pid, "VmRSS:") > maxRSS {
				return response{}, errMemory
			}
		}
	}
}

func (w *worker) exited() bool {
	select {
	case <-w.done:
		return true
	default:
		return false
	}
}

// kill stops the worker's whole process group at once; it is reaped in
// the background, so that the caller answers without waiting for the
// kernel to free the worker's memory.
func (w *worker) kill() {
	_ = syscall.Kill(-w.cmd.Process.Pid, syscall.SIGKILL)
	w.stdin.Close()
}

// tailBuffer keeps the last bytes a worker wrote to its standard error.
type tailBuffer struct {
	mu  sync.Mutex
	max int
	b   []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > t.max {
		t.b = t.b[len(t.b)-t.max:]
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.b)
}

func (t *tailBuffer) suffix() string {
	if s := t.String(); s != "" {
		return " (" + s + ")"
	}
	return ""
}
