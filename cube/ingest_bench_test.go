// Benchmark of the whole ingest of the staged data (territorial frame,
// tabular sources, cube materialisation): time per build and size of the
// store, reported as store_MB.

package cube

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/region-bretagne/obs/ingest"
)

func BenchmarkIngestStaged(b *testing.B) {
	data := stagedData(b)
	ctx := context.Background()
	var size int64
	for i := 0; i < b.N; i++ {
		dir := b.TempDir()
		path := filepath.Join(dir, "obs.duckdb")
		if _, err := ingest.Build(ctx, ingest.Options{DataDir: data, DBPath: path, Steps: []ingest.Step{ingest.TabularStep(), Step()}, Logger: quiet}); err != nil {
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
