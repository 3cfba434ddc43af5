// Source catalogue entries and the reading of source files: every file is
// read once, hashed, and recorded in the store's `source` table.

package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/region-bretagne/obs/data"
)

// Source is one entry of a source catalogue (data/sources.json).
type Source struct {
	ID         string `json:"id"`
	Loader     string `json:"loader"`
	Path       string `json:"path"`
	Publisher  string `json:"publisher"`
	Vintage    string `json:"vintage"`
	Licence    string `json:"licence"`
	COG        int    `json:"cog,omitempty"`
	Generation int    `json:"generation,omitempty"`
	Required   bool   `json:"required"`
}

// Catalogue reads the embedded geographic source catalogue.
func Catalogue() ([]Source, error) {
	b, err := data.Files.ReadFile("sources.json")
	if err != nil {
		return nil, fmt.Errorf("data/sources.json: %w", err)
	}
	var c struct {
		Sources []Source `json:"sources"`
	}
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("data/sources.json: %w", err)
	}
	return c.Sources, nil
}

// File is a source file read into memory, with its checksum.
type File struct {
	Source
	Abs    string // absolute path on disk
	Bytes  []byte
	SHA256 string
}

// ErrMissingFile marks a source file that is not in the data dir.
var ErrMissingFile = errors.New("source file not found")

// ReadFile reads a source from the data dir and hashes it.
func ReadFile(ctx context.Context, dataDir string, s Source) (*File, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	abs := filepath.Join(dataDir, filepath.FromSlash(s.Path))
	b, err := os.ReadFile(abs)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: %w (source %q expected at %s relative to the data dir %s)", abs, ErrMissingFile, s.ID, s.Path, dataDir)
		}
		return nil, fmt.Errorf("%s: %w", abs, err)
	}
	sum := sha256.Sum256(b)
	return &File{Source: s, Abs: abs, Bytes: b, SHA256: hex.EncodeToString(sum[:])}, nil
}

// record returns the `source` table row of f.
func (f *File) record(now time.Time) []any {
	return []any{f.ID, f.Path, f.SHA256, int64(len(f.Bytes)), f.Publisher, f.Vintage, f.Licence, now}
}
