// Benchmarks: indicator ingest on the real Breton data, and the queries
// served from memory.

package cube_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/ingest"
	"github.com/region-bretagne/obs/pipeline"
)

// BenchmarkIndicatorIngest times the indicator steps only (tables, then
// facts), the territorial frame being built untimed in each iteration.
func BenchmarkIndicatorIngest(b *testing.B) {
	data := stagedData(b)
	dir := b.TempDir()
	ctx := context.Background()
	steps := slices.Concat(ingest.FrameSteps(),
		[]ingest.Step{{Name: "start", Run: func(context.Context, *ingest.Builder) error { b.StartTimer(); return nil }}},
		pipeline.IndicatorSteps(),
		[]ingest.Step{{Name: "stop", Run: func(context.Context, *ingest.Builder) error { b.StopTimer(); return nil }}})
	b.StopTimer()
	for i := 0; i < b.N; i++ {
		path := filepath.Join(dir, "obs.duckdb")
		if _, err := ingest.Build(ctx, ingest.Options{DataDir: data, DBPath: path, Steps: steps, Logger: quiet}); err != nil {
			b.Fatal(err)
		}
		os.Remove(path)
	}
}

// BenchmarkFullIngest times a whole ingest: frame, tables and facts.
func BenchmarkFullIngest(b *testing.B) {
	data := stagedData(b)
	dir := b.TempDir()
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		path := filepath.Join(dir, "obs.duckdb")
		if _, err := ingest.Build(ctx, ingest.Options{DataDir: data, DBPath: path, Steps: pipeline.Steps(), Logger: quiet}); err != nil {
			b.Fatal(err)
		}
		os.Remove(path)
	}
}

// BenchmarkOpen times reading the fact table through Arrow.
func BenchmarkOpen(b *testing.B) {
	db, _ := realCube(b)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		if _, err := cube.Open(ctx, db); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompareEPCI: Rennes Métropole with its département, région and
// France, for every indicator of the catalogue.
func BenchmarkCompareEPCI(b *testing.B) {
	_, c := realCube(b)
	ctx := context.Background()
	durations := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		cmp, err := c.Compare(ctx, "243500139")
		durations = append(durations, time.Since(t0))
		if err != nil || len(cmp) < 40 {
			b.Fatal(err, len(cmp))
		}
	}
	b.StopTimer()
	// The aim is stated as a median: report it beside the mean (ns/op).
	slices.Sort(durations)
	b.ReportMetric(float64(durations[len(durations)/2].Microseconds()), "p50-µs")
}

// BenchmarkValuesCommunes: one indicator for the 1 202 communes.
func BenchmarkValuesCommunes(b *testing.B) {
	_, c := realCube(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		fs, err := c.Values(ctx, "taux_chomage_15_64", "commune", "", "")
		if err != nil || len(fs) != 1202 {
			b.Fatal(err, len(fs))
		}
	}
}

// BenchmarkRankCommunes: the same indicator ranked.
func BenchmarkRankCommunes(b *testing.B) {
	_, c := realCube(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := c.Rank(ctx, "taux_chomage_15_64", "commune", "", ""); err != nil {
			b.Fatal(err)
		}
	}
}
