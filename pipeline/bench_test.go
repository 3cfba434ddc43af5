// Benchmark of the whole store build from the staged data (frame, source
// tables, cube materialisation): time per build, and the store's size as
// store_MB. Aim: under 10 s and 300 MB on the project's 2-core machine.

package pipeline

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/region-bretagne/obs/ingest"
	"github.com/region-bretagne/obs/opendatatest"
)

func BenchmarkIngestStaged(b *testing.B) {
	data := opendatatest.Dir(b)
	ctx := context.Background()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	var size int64
	for b.Loop() {
		path := filepath.Join(b.TempDir(), "obs.duckdb")
		if _, err := ingest.Build(ctx, ingest.Options{DataDir: data, DBPath: path, Steps: Steps(), Logger: quiet}); err != nil {
			b.Fatal(err)
		}
		st, err := os.Stat(path)
		if err != nil {
			b.Fatal(err)
		}
		size = st.Size()
	}
	b.ReportMetric(float64(size)/(1<<20), "store_MB")
}
