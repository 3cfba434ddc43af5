// This file serves echarts.min.js over HTTP with caching headers.

package web

import (
	"bytes"
	"net/http"
	"time"
)

const (
	// AssetsHost is the URL prefix under which assets are served; pass it to
	// go-echarts as opts.Initialization.AssetsHost.
	AssetsHost = "/assets/"
	// ScriptURL is the URL of the served echarts build.
	ScriptURL = AssetsHost + EchartsFile
	// cacheControl lets browsers keep the file a day, then revalidate with
	// the ETag. The URL carries no version, so "immutable" would be wrong
	// after an upgrade.
	cacheControl = "public, max-age=86400"
)

// Handler returns an http.Handler that serves GET and HEAD on
// /assets/echarts.min.js (404 elsewhere, 405 for other methods), with
// Content-Type, Cache-Control and a content ETag; conditional and range
// requests are answered by http.ServeContent. Mount it at "/assets/" or at
// "/" on the server's mux.
func (e *Echarts) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+ScriptURL, e.serveScript)
	return mux
}

// serveScript writes the library.
func (e *Echarts) serveScript(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/javascript; charset=utf-8")
	h.Set("Cache-Control", cacheControl)
	h.Set("ETag", e.etag)
	h.Set("X-Content-Type-Options", "nosniff")
	http.ServeContent(w, r, EchartsFile, time.Time{}, bytes.NewReader(e.JS))
}
