// The ingest pipeline: build a complete store in a temporary file, check
// it, and only then swap it in place of the previous store.

package ingest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/paulmach/orb"

	"github.com/region-bretagne/obs/store"
)

// Options configures one ingest run.
type Options struct {
	DataDir string // folder holding the source files (see DataDir)
	DBPath  string // store to create or replace
	// Steps are the stages of the build, run in this order on the
	// temporary store, and followed by the store checks. The full store's
	// recipe is pipeline.Steps; FrameSteps alone builds the frame.
	Steps []Step
	// OnStep, when set, is told when each step starts (for progress bars).
	OnStep func(i, n int, name string)
	Logger *slog.Logger
}

// Step is one stage of the ingest.
type Step struct {
	Name string
	Run  func(ctx context.Context, b *Builder) error
}

// Builder is what a step works with: the temporary store being built and
// the sources already read.
type Builder struct {
	DB      *sql.DB
	DataDir string
	Log     *slog.Logger
	COG     map[int]*COG                    // territorial frame, by COG vintage
	Sources []Source                        // the geographic catalogue
	shapes  map[int]map[string]orb.Geometry // commune shapes by COG vintage
	started time.Time
}

// Report summarises a successful ingest.
type Report struct {
	DBPath   string
	Sources  int
	Notes    int
	Duration time.Duration
}

// DataDir resolves the data folder: the flag value, else $OBS_DATA, else
// ../shared/opendata when it exists.
func DataDir(flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if env := os.Getenv("OBS_DATA"); env != "" {
		return env, nil
	}
	const staged = "../shared/opendata"
	if st, err := os.Stat(staged); err == nil && st.IsDir() {
		return staged, nil
	}
	return "", errors.New("no data folder: pass --data DIR (the folder holding cog/, geo/, insee/…), or set OBS_DATA; ../shared/opendata does not exist here")
}

// Build runs the whole ingest. On any error the previous store is left
// untouched and the temporary file removed.
func Build(ctx context.Context, opts Options) (*Report, error) {
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	if len(opts.Steps) == 0 {
		return nil, errors.New("ingest: no steps to run (the full store is pipeline.Steps(); the frame alone is ingest.FrameSteps())")
	}
	st, err := os.Stat(opts.DataDir)
	if err != nil {
		return nil, fmt.Errorf("data folder %s: %w", opts.DataDir, err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("data folder %s is not a folder", opts.DataDir)
	}
	cat, err := Catalogue()
	if err != nil {
		return nil, err
	}
	removeStale(opts.DBPath, log)
	tmp := fmt.Sprintf("%s.building-%d", opts.DBPath, os.Getpid())
	_ = os.Remove(tmp)
	defer os.Remove(tmp + ".wal")
	b := &Builder{DataDir: opts.DataDir, Log: log, COG: map[int]*COG{}, Sources: cat, started: time.Now()}
	rep, err := b.run(ctx, tmp, opts)
	if err != nil {
		os.Remove(tmp)
		return nil, err
	}
	// Swap: a stale WAL of the previous store must not be replayed onto the new one.
	if err := os.Remove(opts.DBPath + ".wal"); err != nil && !errors.Is(err, os.ErrNotExist) {
		os.Remove(tmp)
		return nil, fmt.Errorf("swap store: %w", err)
	}
	if err := os.Rename(tmp, opts.DBPath); err != nil {
		os.Remove(tmp)
		return nil, fmt.Errorf("swap store %s: %w", opts.DBPath, err)
	}
	rep.DBPath = opts.DBPath
	rep.Duration = time.Since(b.started)
	log.Info("store ready", "db", opts.DBPath, "sources", rep.Sources, "notes", rep.Notes, "duration", rep.Duration.Round(time.Millisecond))
	return rep, nil
}

func (b *Builder) run(ctx context.Context, tmp string, opts Options) (*Report, error) {
	db, err := store.Create(ctx, tmp)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	b.DB = db
	steps := append(slices.Clone(opts.Steps), Step{"checks", checkStore})
	for i, s := range steps {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if opts.OnStep != nil {
			opts.OnStep(i+1, len(steps), s.Name)
		}
		t0 := time.Now()
		b.Log.Info("ingest step", "step", s.Name, "n", i+1, "of", len(steps))
		if err := s.Run(ctx, b); err != nil {
			return nil, fmt.Errorf("ingest %s: %w", s.Name, err)
		}
		b.Log.Debug("ingest step done", "step", s.Name, "duration", time.Since(t0).Round(time.Millisecond))
	}
	rep := &Report{}
	if err := db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM source), (SELECT count(*) FROM ingest_note)`).Scan(&rep.Sources, &rep.Notes); err != nil {
		return nil, err
	}
	if _, err := db.ExecContext(ctx, "CHECKPOINT"); err != nil {
		return nil, fmt.Errorf("checkpoint: %w", err)
	}
	if err := db.Close(); err != nil {
		return nil, fmt.Errorf("close %s: %w", tmp, err)
	}
	return rep, nil
}

// removeStale deletes temporary stores left by ingests that were killed.
func removeStale(dbPath string, log *slog.Logger) {
	matches, _ := filepath.Glob(dbPath + ".building-*")
	for _, m := range matches {
		pidStr := strings.TrimSuffix(strings.TrimPrefix(m, dbPath+".building-"), ".wal")
		pid, err := strconv.Atoi(pidStr)
		if err == nil && pid != os.Getpid() && syscall.Kill(pid, 0) == nil {
			continue // another ingest is running
		}
		log.Info("removing an interrupted ingest's temporary store", "file", m)
		os.Remove(m)
	}
}

// Read reads a catalogue source from the data dir and records it in the
// `source` table.
func (b *Builder) Read(ctx context.Context, s Source) (*File, error) {
	f, err := ReadFile(ctx, b.DataDir, s)
	if err != nil {
		return nil, err
	}
	if _, err := b.DB.ExecContext(ctx, `INSERT INTO source VALUES (?,?,?,?,?,?,?,?)`, f.record(time.Now().UTC())...); err != nil {
		return nil, fmt.Errorf("record source %s: %w", s.ID, err)
	}
	return f, nil
}

// Note records a non-fatal finding of a step, and logs it.
func (b *Builder) Note(ctx context.Context, step, subject, note string) error {
	b.Log.Info(note, "step", step, "subject", subject)
	_, err := b.DB.ExecContext(ctx, `INSERT INTO ingest_note VALUES (?,?,?)`, step, subject, note)
	return err
}

// source finds the catalogue entry of a loader (and COG vintage, when > 0).
func (b *Builder) source(loader string, cog int) []Source {
	var out []Source
	for _, s := range b.Sources {
		if s.Loader == loader && (cog == 0 || s.COG == cog) {
			out = append(out, s)
		}
	}
	return out
}
