// gzip for cached responses: compressed once per store version, sent to
// the clients that accept it (a commune map shrinks from 600 kB to ~150 kB).

package server

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"strings"
)

// minGzip is the size under which compressing is not worth it.
const minGzip = 1024

// writeCached writes a cached body, gzipped when the client accepts it.
func writeCached(w http.ResponseWriter, r *http.Request, snap *Snapshot, key string, body []byte) error {
	w.Header().Add("Vary", "Accept-Encoding")
	if len(body) < minGzip || !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		_, err := w.Write(body)
		return err
	}
	_, gz, err := snap.Cached(key+"|gzip", func() (string, []byte, error) {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed)
		if _, err := zw.Write(body); err != nil {
			return "", nil, err
		}
		err := zw.Close()
		return "", b.Bytes(), err
	})
	if err != nil {
		return err
	}
	w.Header().Set("Content-Encoding", "gzip")
	_, err = w.Write(gz)
	return err
}
