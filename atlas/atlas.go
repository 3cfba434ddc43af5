// The Atlas: the store's shapes by level, read once and cached.

package atlas

import (
	"context"
	"database/sql"
	"sync"

	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/store"
	"github.com/region-bretagne/obs/value"
)

// Atlas holds a cube and the store's geometries, read once per level.
type Atlas struct {
	DB   *sql.DB
	Cube *cube.Cube

	mu     sync.Mutex
	shapes map[shapeKey][]store.Shape
}

type shapeKey struct {
	level value.Level
	cog   int
	full  bool
}

// New opens the cube of a store.
func New(ctx context.Context, db *sql.DB) (*Atlas, error) {
	c, err := cube.Open(ctx, db)
	if err != nil {
		return nil, err
	}
	return &Atlas{DB: db, Cube: c, shapes: map[shapeKey][]store.Shape{}}, nil
}

// NewFor opens a cube holding only some indicators, for one-shot
// commands (obs map, obs chart).
func NewFor(ctx context.Context, db *sql.DB, indicators ...string) (*Atlas, error) {
	c, err := cube.OpenIndicators(ctx, db, indicators...)
	if err != nil {
		return nil, err
	}
	return &Atlas{DB: db, Cube: c, shapes: map[shapeKey][]store.Shape{}}, nil
}

// Shapes returns the geometries of a level on the cube's COG (cached).
func (a *Atlas) Shapes(ctx context.Context, level value.Level, full bool) ([]store.Shape, error) {
	k := shapeKey{level, a.Cube.COG(), full}
	a.mu.Lock()
	defer a.mu.Unlock()
	if s, ok := a.shapes[k]; ok {
		return s, nil
	}
	s, err := store.Shapes(ctx, a.DB, level, k.cog, full)
	if err != nil {
		return nil, err
	}
	a.shapes[k] = s
	return s, nil
}
