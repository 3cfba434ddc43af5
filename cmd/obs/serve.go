// obs serve: the HTTP service (API, maps, fact sheets, analyst UI). When
// no store exists yet, it first builds one from the data folder.

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"

	"github.com/region-bretagne/obs/cmd/obs/server"
	"github.com/region-bretagne/obs/printer"
	"github.com/region-bretagne/obs/store"
	"github.com/region-bretagne/obs/web"
)

func init() {
	register("serve", "sert l'API, les cartes, les portraits et l'interface (http://localhost:8080)", runServe)
}

func runServe(ctx context.Context, args []string, stdout io.Writer) error {
	fs, dbFlag := newFlags("serve")
	addr := fs.String("addr", ":8080", "listen address")
	dataFlag := fs.String("data", "", "data folder used when the store must be built first (default $OBS_DATA, else ../shared/opendata)")
	frame := fs.String("frame-ancestors", "*", "CSP frame-ancestors of the map embeds (e.g. \"'self' https://www.bretagne.bzh\")")
	fs.IntVar(&server.Limits.PerClient, "per-client", server.Limits.PerClient, "concurrent expensive requests (SQL, PDF, uncached maps) per client; more get 429")
	cacheMB := fs.Int("cache-mb", server.DefaultCacheBytes>>20, "MiB of rendered responses (maps, charts, values, sheets) kept per store version, least recently used evicted first")
	fs.BoolVar(&server.Limits.TrustProxy, "trust-proxy", false, "take the client address from X-Forwarded-For (behind a load balancer only)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	dbPath := store.Path(*dbFlag)
	if _, err := os.Stat(dbPath); errors.Is(err, os.ErrNotExist) {
		fmt.Fprintf(stdout, "Aucun magasin %s : construction depuis les données…\n", dbPath)
		if _, err := doIngest(ctx, *dataFlag, dbPath); err != nil {
			return err
		}
	}
	opts := server.Options{DBPath: dbPath, FrameAncestors: *frame, Logger: serveLogger(), CacheBytes: int64(*cacheMB) << 20}
	// One browser for every PDF the server prints, started on the first;
	// beyond its tabs, a few requests per tab wait, the others get 429.
	opts.Printer = printer.New(printer.Options{Queue: 4 * printer.DefaultTabs(), Logger: opts.Logger})
	defer opts.Printer.Close()
	if e, err := web.LoadEcharts(ctx); err == nil {
		opts.Assets = e.Handler()
	} else {
		slog.Warn("interactive maps disabled", "err", err)
	}
	srv, err := server.New(ctx, opts)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", *addr, err)
	}
	fmt.Fprintf(stdout, "obs sert %s sur http://%s/ (Ctrl-C pour arrêter)\n", dbPath, displayAddr(ln.Addr()))
	return srv.Serve(ctx, ln)
}

// serveLogger logs requests at info level, as JSON when not on a terminal.
func serveLogger() *slog.Logger {
	level := slog.LevelInfo
	if v := os.Getenv("OBS_LOG"); v != "" {
		level = logLevel()
	}
	if isTerminal(os.Stderr) {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	}
	return slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
}

func displayAddr(a net.Addr) string {
	if ta, ok := a.(*net.TCPAddr); ok && ta.IP.IsUnspecified() {
		return fmt.Sprintf("localhost:%d", ta.Port)
	}
	return a.String()
}
