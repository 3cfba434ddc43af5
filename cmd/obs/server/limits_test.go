// Tests of the request limits: body size, per-client concurrency (429 with
// Retry-After) and the read timeouts against a slowloris client.

package server

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// withLimitsSet runs a test with modified limits.
func withLimitsSet(t *testing.T, l RequestLimits, sl func()) {
	saved, savedSandbox := Limits, SandboxLimits
	Limits = l
	if sl != nil {
		sl()
	}
	t.Cleanup(func() { Limits, SandboxLimits = saved, savedSandbox })
}

func TestBodyLimit(t *testing.T) {
	_, ts := newServer(t, sharedStore(t))
	tests := []struct {
		name string
		size int
		want int
	}{
		{"over the body limit", 2 << 20, http.StatusRequestEntityTooLarge},
		{"over the SQL limit", 100 << 10, http.StatusRequestEntityTooLarge},
		{"small", 0, http.StatusOK},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body := "SELECT 1 " + strings.Repeat("-", tc.size)
			resp, err := http.Post(ts.URL+"/api/sql", "text/plain", strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tc.want {
				t.Errorf("%d bytes: %d %s, want %d", len(body), resp.StatusCode, b, tc.want)
			}
		})
	}
}

func TestPerClientLimit(t *testing.T) {
	l := Limits
	l.PerClient, l.TrustProxy = 1, true
	withLimitsSet(t, l, nil)
	entered, release := make(chan struct{}), make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/sql", func(w http.ResponseWriter, r *http.Request) {
		entered <- struct{}{}
		<-release
	})
	render := func(w http.ResponseWriter, r *http.Request) {
		_, body, err := expensive(r, func() (string, []byte, error) { return "text/plain", []byte("rendered"), nil })()
		if err != nil {
			writeError(w, r, err)
			return
		}
		w.Write(body)
	}
	mux.HandleFunc("GET /maps/{file}", render)
	mux.HandleFunc("GET /sheets/{file}", render)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {})
	ts := httptest.NewServer(withLimits(mux))
	defer ts.Close()
	do := func(method, path, client string) *http.Response {
		req, _ := http.NewRequest(method, ts.URL+path, strings.NewReader("SELECT 1"))
		req.Header.Set("X-Forwarded-For", "192.0.2.1, "+client)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp
	}
	slow := make(chan int)
	go func() { slow <- do("POST", "/api/sql", "203.0.113.7").StatusCode }()
	<-entered // the client's one slot is taken
	tests := []struct {
		method, path, client string
		want                 int
	}{
		{"POST", "/api/sql", "203.0.113.7", http.StatusTooManyRequests},
		{"GET", "/maps/x.svg", "203.0.113.7", http.StatusTooManyRequests}, // an uncached map renders
		{"GET", "/sheets/53.pdf", "203.0.113.7", http.StatusTooManyRequests},
		{"GET", "/healthz", "203.0.113.7", http.StatusOK},     // cheap: not limited
		{"GET", "/maps/x.svg", "198.51.100.2", http.StatusOK}, // another client
	}
	for _, tc := range tests {
		resp := do(tc.method, tc.path, tc.client)
		if resp.StatusCode != tc.want {
			t.Errorf("%s %s from %s: %d, want %d", tc.method, tc.path, tc.client, resp.StatusCode, tc.want)
		}
		if tc.want == http.StatusTooManyRequests && resp.Header.Get("Retry-After") != "2" {
			t.Errorf("%s %s: Retry-After %q, want 2", tc.method, tc.path, resp.Header.Get("Retry-After"))
		}
	}
	close(release)
	if code := <-slow; code != http.StatusOK {
		t.Errorf("the slow request: %d", code)
	}
	// The slot is free again.
	if resp := do("GET", "/maps/x.svg", "203.0.113.7"); resp.StatusCode != http.StatusOK {
		t.Errorf("after the slow request: %d", resp.StatusCode)
	}
}

func TestSlowloris(t *testing.T) {
	l := Limits
	l.ReadHeaderTimeout, l.ReadTimeout, l.IdleTimeout = 300*time.Millisecond, time.Second, time.Second
	withLimitsSet(t, l, nil)
	s, err := New(context.Background(), Options{DBPath: sharedStore(t), Logger: quiet, Poll: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	defer func() { cancel(); <-done }()

	tests := []struct {
		name  string
		start string // sent at once
		drip  string // then one byte every 100 ms
	}{
		{"headers never end", "GET /healthz HTTP/1.1\r\nHost: x\r\n", strings.Repeat("X-Slow: 1\r\n", 100)},
		{"body never ends", "POST /api/sql HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n", strings.Repeat("S", 1000)},
		{"idle keep-alive", "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := net.Dial("tcp", ln.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			closed := make(chan []byte, 1)
			go func() {
				b, _ := io.ReadAll(c) // until the server closes the connection
				closed <- b
			}()
			c.Write([]byte(tc.start))
			for i := 0; i < len(tc.drip); i++ {
				select {
				case b := <-closed:
					t.Logf("closed by the server after %d dripped bytes (%d bytes answered)", i, len(b))
					return
				case <-time.After(100 * time.Millisecond):
				}
				if _, err := c.Write([]byte{tc.drip[i]}); err != nil {
					t.Logf("closed by the server after %d dripped bytes", i)
					return
				}
			}
			select {
			case b := <-closed:
				if tc.drip == "" && !bytes.Contains(b, []byte("200 OK")) {
					t.Errorf("idle connection: answered %q", b)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("the server kept the slow connection open")
			}
		})
	}
}
