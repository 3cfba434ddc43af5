// A snapshot is one opened store with everything derived from it (SQL
// sandbox, caches). The server swaps snapshots atomically when an ingest
// replaces the store file, and closes the old one once its last request
// is done, so nothing is served half-old, half-new.

package server

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"sync"
	"syscall"
	"time"

	"github.com/region-bretagne/obs/atlas"
	"github.com/region-bretagne/obs/store"
)

// fileID identifies one version of the store file: an ingest renames a
// new file over the path, which changes the inode.
type fileID struct {
	ino   uint64
	size  int64
	mtime time.Time
}

func statID(path string) (fileID, error) {
	st, err := os.Stat(path)
	if err != nil {
		return fileID{}, err
	}
	id := fileID{size: st.Size(), mtime: st.ModTime()}
	if sys, ok := st.Sys().(*syscall.Stat_t); ok {
		id.ino = sys.Ino
	}
	return id, nil
}

// Snapshot is what a request reads.
type Snapshot struct {
	DB       *sql.DB
	Sandbox  *store.Sandbox
	LoadedAt time.Time
	id       fileID
	// Atlas is the store's cube and geometries, opened with the snapshot.
	Atlas *atlas.Atlas

	cache *lru // rendered responses, by key, within a byte budget

	mu      sync.Mutex
	refs    int
	retired bool
	closed  bool
}

func openSnapshot(ctx context.Context, path string, cacheBytes int64) (*Snapshot, error) {
	id, err := statID(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %s", store.ErrNoStore, path)
	}
	db, err := store.Open(ctx, path, true)
	if err != nil {
		return nil, err
	}
	sb, err := store.OpenSandbox(ctx, path, SandboxLimits)
	if err != nil {
		db.Close()
		return nil, err
	}
	s := &Snapshot{DB: db, Sandbox: sb, LoadedAt: time.Now(), id: id, cache: newLRU(cacheBytes)}
	if s.Atlas, err = atlas.New(ctx, db); err != nil {
		s.close()
		return nil, fmt.Errorf("open the cube of %s: %w", path, err)
	}
	return s, nil
}

// acquire marks the snapshot in use by one more request.
func (s *Snapshot) acquire() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	s.refs++
	return true
}

// release ends one request's use; a retired snapshot closes with its last user.
func (s *Snapshot) release() {
	s.mu.Lock()
	s.refs--
	done := s.retired && s.refs == 0 && !s.closed
	if done {
		s.closed = true
	}
	s.mu.Unlock()
	if done {
		s.close()
	}
}

// retire closes the snapshot now if idle, else when its last request ends.
func (s *Snapshot) retire() {
	s.mu.Lock()
	s.retired = true
	done := s.refs == 0 && !s.closed
	if done {
		s.closed = true
	}
	s.mu.Unlock()
	if done {
		s.close()
	}
}

func (s *Snapshot) close() {
	s.Sandbox.Close()
	s.DB.Close()
}

// Cached returns the cached response for key, or renders and keeps it
// (within the snapshot's cache budget, least recently used out first).
func (s *Snapshot) Cached(key string, render func() (string, []byte, error)) (string, []byte, error) {
	return s.cache.get(key, render)
}

// CacheStats reports the size and counters of the snapshot's cache.
func (s *Snapshot) CacheStats() CacheStats { return s.cache.stats() }
