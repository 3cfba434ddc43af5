package atlas

import (
	"context"
	"testing"

	"github.com/region-bretagne/obs/maps"
	"github.com/region-bretagne/obs/pipeline/pipelinetest"
	"github.com/region-bretagne/obs/store"
)

// BenchmarkOpenAndMapCommunes is what obs map does after process start:
// open the store and the cube, read the shapes, classify, draw the SVG.
func BenchmarkOpenAndMapCommunes(b *testing.B) {
	path := pipelinetest.Store(b)
	ctx := context.Background()
	for b.Loop() {
		db, err := store.Open(ctx, path, true)
		if err != nil {
			b.Fatal(err)
		}
		a, err := NewFor(ctx, db, "taux_chomage_15_64")
		if err != nil {
			b.Fatal(err)
		}
		m, err := a.Choropleth(ctx, Request{Indicator: "taux_chomage_15_64", Level: "commune"})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := maps.ChoroplethSVG(ctx, m.Spec); err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}

// BenchmarkMapCommunes draws the commune map from an open atlas (the
// server's case, before caching).
func BenchmarkMapCommunes(b *testing.B) {
	a := testAtlas(b)
	ctx := context.Background()
	for b.Loop() {
		m, err := a.Choropleth(ctx, Request{Indicator: "taux_chomage_15_64", Level: "commune"})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := maps.ChoroplethSVG(ctx, m.Spec); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpenCube(b *testing.B) {
	ctx := context.Background()
	db, err := store.Open(ctx, pipelinetest.Store(b), true)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for b.Loop() {
		if _, err := New(ctx, db); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkShapes(b *testing.B) {
	ctx := context.Background()
	db, err := store.Open(ctx, pipelinetest.Store(b), true)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for b.Loop() {
		if _, err := store.Shapes(ctx, db, "commune", 2026, false); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpenOneIndicator(b *testing.B) {
	ctx := context.Background()
	db, err := store.Open(ctx, pipelinetest.Store(b), true)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for b.Loop() {
		if _, err := NewFor(ctx, db, "taux_chomage_15_64"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpenStore(b *testing.B) {
	path := pipelinetest.Store(b)
	ctx := context.Background()
	for b.Loop() {
		db, err := store.Open(ctx, path, true)
		if err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}
