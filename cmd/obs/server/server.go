// The Server: its options, routes, snapshot hand-off and graceful serving.

package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/region-bretagne/obs/printer"
)

// Options configures a server.
type Options struct {
	DBPath string
	// FrameAncestors is the CSP frame-ancestors value of the embeds
	// (default "*": any site may embed the maps).
	FrameAncestors string
	// Poll is how often the store file is checked for a new version.
	Poll   time.Duration
	Logger *slog.Logger
	// Assets serves /assets/ (echarts), when set.
	Assets http.Handler
	// Printer prints the PDF sheets: one browser for the whole process
	// (nil: PDF sheets answer 503).
	Printer *printer.Printer
	// CacheBytes is the budget of each snapshot's response cache
	// (0: DefaultCacheBytes).
	CacheBytes int64
}

// Server serves one store, switching to a new one when ingest replaces it.
type Server struct {
	opts Options
	log  *slog.Logger
	cur  atomic.Pointer[Snapshot]
	mux  *http.ServeMux
}

// New opens the store and builds the routes.
func New(ctx context.Context, opts Options) (*Server, error) {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Poll == 0 {
		opts.Poll = 2 * time.Second
	}
	if opts.CacheBytes <= 0 {
		opts.CacheBytes = DefaultCacheBytes
	}
	if opts.FrameAncestors == "" {
		opts.FrameAncestors = "*"
	}
	s := &Server{opts: opts, log: opts.Logger, mux: http.NewServeMux()}
	snap, err := openSnapshot(ctx, opts.DBPath, opts.CacheBytes)
	if err != nil {
		return nil, err
	}
	s.cur.Store(snap)
	s.routes()
	return s, nil
}

// Handler is the server's root handler, with request IDs and logs.
func (s *Server) Handler() http.Handler { return withRequestLog(s.log, withLimits(s.mux)) }

// handle registers a handler that reads one snapshot for its whole life.
func (s *Server) handle(pattern string, h func(w http.ResponseWriter, r *http.Request, snap *Snapshot) error) {
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		snap := s.acquire()
		if snap == nil {
			writeError(w, r, unavailable("magasin indisponible", "store unavailable"))
			return
		}
		defer snap.release()
		if err := h(w, r, snap); err != nil {
			writeError(w, r, err)
		}
	})
}

func (s *Server) acquire() *Snapshot {
	for range 3 {
		snap := s.cur.Load()
		if snap.acquire() {
			return snap
		}
	}
	return nil
}

// Reload switches to the store file's current version if it changed.
// It reports whether a switch happened.
func (s *Server) Reload(ctx context.Context) (bool, error) {
	old := s.cur.Load()
	id, err := statID(s.opts.DBPath)
	if err != nil || id == old.id {
		return false, nil // no store (mid-swap) or unchanged: keep serving
	}
	snap, err := openSnapshot(ctx, s.opts.DBPath, s.opts.CacheBytes)
	if err != nil {
		return false, err
	}
	s.cur.Store(snap)
	old.retire()
	s.log.Info("store switched", "db", s.opts.DBPath, "loaded_at", snap.LoadedAt)
	return true, nil
}

// watch polls the store file and switches when a new version appears.
func (s *Server) watch(ctx context.Context) {
	t := time.NewTicker(s.opts.Poll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, err := s.Reload(ctx); err != nil {
				s.log.Error("store switch failed; still serving the previous store", "err", err)
			}
		}
	}
}

// Serve answers on ln until ctx ends, then shuts down gracefully: new
// connections are refused and requests under way get up to 10 s.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := newHTTPServer(s.Handler())
	go s.watch(ctx)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	s.log.Info("serving", "addr", ln.Addr().String(), "db", s.opts.DBPath)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := srv.Shutdown(shut)
	s.cur.Load().retire()
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutdown: %w", err)
	}
	s.log.Info("stopped")
	return nil
}
