// Request limits: a cap on POST bodies, read/write/idle timeouts of the
// HTTP server (against slowloris and stuck clients), and a per-client cap
// on concurrent expensive requests (SQL, PDF sheets, uncached maps),
// answered 429 with Retry-After.

package server

import (
	"context"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/region-bretagne/obs/atlas"
)

// RequestLimits bound what one client may cost the service.
type RequestLimits struct {
	MaxBody           int64         // bytes of a request body (413 beyond)
	ReadHeaderTimeout time.Duration // to read a request's headers
	ReadTimeout       time.Duration // to read a whole request
	WriteTimeout      time.Duration // to write a response (covers the slowest PDF)
	IdleTimeout       time.Duration // a kept-alive connection with no request
	PerClient         int           // concurrent expensive requests per client
	RetryAfter        time.Duration // said to a client over PerClient
	// TrustProxy takes the client's address from the last X-Forwarded-For
	// entry (set it only behind a load balancer that writes that header).
	TrustProxy bool
}

// Limits are the request limits of every server (tests shorten them).
var Limits = RequestLimits{
	MaxBody:           1 << 20,
	ReadHeaderTimeout: 5 * time.Second,
	ReadTimeout:       30 * time.Second,
	WriteTimeout:      120 * time.Second,
	IdleTimeout:       120 * time.Second,
	PerClient:         4,
	RetryAfter:        2 * time.Second,
}

// newHTTPServer is the http.Server of Serve, with the limits' timeouts.
func newHTTPServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: Limits.ReadHeaderTimeout,
		ReadTimeout:       Limits.ReadTimeout,
		WriteTimeout:      Limits.WriteTimeout,
		IdleTimeout:       Limits.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
	}
}

// limiter counts each client's expensive requests under way.
type limiter struct {
	mu    sync.Mutex
	count map[string]int
}

// gate is one request's access to its client's expensive-request slots.
type gate struct {
	l      *limiter
	client string
}

const gateKey ctxKey = 1

func (g *gate) acquire() bool {
	g.l.mu.Lock()
	defer g.l.mu.Unlock()
	if g.l.count[g.client] >= Limits.PerClient {
		return false
	}
	g.l.count[g.client]++
	return true
}

func (g *gate) release() {
	g.l.mu.Lock()
	defer g.l.mu.Unlock()
	if g.l.count[g.client]--; g.l.count[g.client] <= 0 {
		delete(g.l.count, g.client)
	}
}

// tooMany is the answer to a client over its limit.
func tooMany() error {
	n := strconv.Itoa(Limits.PerClient)
	return &atlas.Error{Kind: atlas.TooMany, FR: "trop de requêtes coûteuses en cours pour ce client (" + n + " au plus) : réessayez dans quelques secondes",
		EN: "too many expensive requests under way for this client (" + n + " at most): retry in a few seconds"}
}

// clientOf names the client of a request: its IP address.
func clientOf(r *http.Request) string {
	if Limits.TrustProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			parts := strings.Split(xff, ",")
			return strings.TrimSpace(parts[len(parts)-1])
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// expensiveRoute tells the requests that always cost: SQL and PDF sheets.
// Maps cost only when not cached: their renderers call [expensive].
func expensiveRoute(r *http.Request) bool {
	return (r.Method == http.MethodPost && r.URL.Path == "/api/sql") ||
		(strings.HasPrefix(r.URL.Path, "/sheets/") && strings.HasSuffix(r.URL.Path, ".pdf"))
}

// withLimits caps request bodies, gives each request its client's gate,
// and gates the expensive routes.
func withLimits(next http.Handler) http.Handler {
	l := &limiter{count: map[string]int{}}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w = &retryAfterWriter{ResponseWriter: w}
		if r.ContentLength > Limits.MaxBody {
			writeError(w, r, tooLarge())
			return
		}
		if r.Body != nil && r.Body != http.NoBody {
			r.Body = http.MaxBytesReader(w, r.Body, Limits.MaxBody)
		}
		g := &gate{l: l, client: clientOf(r)}
		r = r.WithContext(context.WithValue(r.Context(), gateKey, g))
		if expensiveRoute(r) {
			if !g.acquire() {
				writeError(w, r, tooMany())
				return
			}
			defer g.release()
		}
		next.ServeHTTP(w, r)
	})
}

// tooLarge is the answer to a body over Limits.MaxBody.
func tooLarge() error {
	n := strconv.FormatInt(Limits.MaxBody>>10, 10)
	return &atlas.Error{Kind: atlas.TooLarge, FR: "corps de requête trop grand (" + n + " Kio au plus)", EN: "request body too large (" + n + " KiB at most)"}
}

// expensive wraps a renderer so that it runs only within the client's
// limit of concurrent expensive requests (a cached answer never calls it).
func expensive(r *http.Request, render func() (string, []byte, error)) func() (string, []byte, error) {
	return func() (string, []byte, error) {
		g, _ := r.Context().Value(gateKey).(*gate)
		if g == nil {
			return render()
		}
		if !g.acquire() {
			return "", nil, tooMany()
		}
		defer g.release()
		return render()
	}
}

// retryAfterWriter adds Retry-After to every 429.
type retryAfterWriter struct {
	http.ResponseWriter
}

func (w *retryAfterWriter) WriteHeader(code int) {
	if code == http.StatusTooManyRequests && w.Header().Get("Retry-After") == "" {
		w.Header().Set("Retry-After", strconv.Itoa(max(1, int(Limits.RetryAfter.Seconds()))))
	}
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *retryAfterWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
