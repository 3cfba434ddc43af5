package report

import (
	"context"
	"testing"
)

// BenchmarkSheetHTML builds and renders Rennes Métropole's sheet, the
// per-atlas caches (regional map, locator base) being warm as in the
// service and in a batch. Aim: under 50 ms.
func BenchmarkSheetHTML(b *testing.B) {
	a := testAtlas(b)
	ctx := context.Background()
	if _, err := Build(ctx, a, "243500139"); err != nil { // warm the caches
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s, err := Build(ctx, a, "243500139")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.HTML(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSheetHTMLCold includes what a first sheet pays once per atlas:
// the regional choropleth (Jenks on 1 202 communes) and the locator's
// projected base.
func BenchmarkSheetHTMLCold(b *testing.B) {
	a := testAtlas(b)
	ctx := context.Background()
	for b.Loop() {
		caches.Clear()
		s, err := Build(ctx, a, "243500139")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.HTML(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBatchHTML writes the 66 sheets of `obs sheets --level epci`
// (61 EPCI, 4 départements, the region) and the index, from cold caches.
// Aim: under 30 s.
func BenchmarkBatchHTML(b *testing.B) {
	a := testAtlas(b)
	ctx := context.Background()
	for b.Loop() {
		caches.Clear()
		written, err := WriteBatch(ctx, a, "epci", b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		if len(written) != 67 {
			b.Fatalf("%d files", len(written))
		}
	}
}
