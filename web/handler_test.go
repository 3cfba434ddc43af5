// Tests for the HTTP handler serving echarts.min.js.

package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestHandler(t *testing.T) {
	e := &Echarts{JS: []byte("var echarts = {};"), etag: `"abc"`}
	h := e.Handler()
	tests := []struct {
		name        string
		method      string
		path        string
		header      map[string]string
		wantStatus  int
		wantBody    string
		wantHeaders map[string]string
	}{
		{
			name: "get", method: http.MethodGet, path: ScriptURL, wantStatus: http.StatusOK, wantBody: "var echarts = {};",
			wantHeaders: map[string]string{
				"Content-Type":  "text/javascript; charset=utf-8",
				"Cache-Control": "public, max-age=86400",
				"ETag":          `"abc"`,
			},
		},
		{name: "head has headers and no body", method: http.MethodHead, path: ScriptURL, wantStatus: http.StatusOK, wantBody: "",
			wantHeaders: map[string]string{"ETag": `"abc"`, "Content-Length": "17"}},
		{name: "revalidation with matching etag", method: http.MethodGet, path: ScriptURL,
			header: map[string]string{"If-None-Match": `"abc"`}, wantStatus: http.StatusNotModified},
		{name: "stale etag gets the body", method: http.MethodGet, path: ScriptURL,
			header: map[string]string{"If-None-Match": `"old"`}, wantStatus: http.StatusOK, wantBody: "var echarts = {};"},
		{name: "range request", method: http.MethodGet, path: ScriptURL,
			header: map[string]string{"Range": "bytes=0-2"}, wantStatus: http.StatusPartialContent, wantBody: "var"},
		{name: "other asset is 404", method: http.MethodGet, path: AssetsHost + "other.js", wantStatus: http.StatusNotFound},
		{name: "post is 405", method: http.MethodPost, path: ScriptURL, wantStatus: http.StatusMethodNotAllowed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, tt.path, nil)
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			res := rec.Result()
			body, _ := io.ReadAll(res.Body)
			if res.StatusCode != tt.wantStatus {
				t.Fatalf("status = %d, want %d", res.StatusCode, tt.wantStatus)
			}
			if tt.wantBody != "" || tt.wantStatus == http.StatusOK {
				if string(body) != tt.wantBody {
					t.Errorf("body = %q, want %q", body, tt.wantBody)
				}
			}
			for k, v := range tt.wantHeaders {
				if got := res.Header.Get(k); got != v {
					t.Errorf("header %s = %q, want %q", k, got, v)
				}
			}
		})
	}
}
