// What the sheets of one atlas share and compute once: the regional
// choropleths cut into surroundings maps, and the locator's projected base.
// The cache lives as long as its atlas (a weak key, dropped by a cleanup).

package report

import (
	"context"
	"runtime"
	"sync"
	"weak"

	"github.com/region-bretagne/obs/atlas"
	"github.com/region-bretagne/obs/value"
)

// MapIndicator is the indicator of the surroundings map: the census
// unemployment rate, published for every commune (Filosofi's poverty rate
// is secret for most small communes).
const MapIndicator = "taux_chomage_15_64"

// cache holds the reusable parts of the sheets of one atlas.
type cache struct {
	mu       sync.Mutex
	regional map[value.Level]*atlas.Map // level -> choropleth of MapIndicator over the region
	locator  *atlas.Locator
}

var caches sync.Map // weak.Pointer[atlas.Atlas] -> *cache

// cacheOf returns the cache of an atlas, creating it on first use.
func cacheOf(a *atlas.Atlas) *cache {
	k := weak.Make(a)
	if c, ok := caches.Load(k); ok {
		return c.(*cache)
	}
	c, loaded := caches.LoadOrStore(k, &cache{regional: map[value.Level]*atlas.Map{}})
	if !loaded {
		runtime.AddCleanup(a, func(k weak.Pointer[atlas.Atlas]) { caches.Delete(k) }, k)
	}
	return c.(*cache)
}

// regionalMap returns the choropleth of MapIndicator over every territory
// of a level (Jenks classes on the whole region), computed once.
func (c *cache) regionalMap(ctx context.Context, a *atlas.Atlas, level value.Level) (*atlas.Map, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if m, ok := c.regional[level]; ok {
		return m, nil
	}
	m, err := a.Choropleth(ctx, atlas.Request{Indicator: MapIndicator, Level: string(level)})
	if err != nil {
		return nil, err
	}
	c.regional[level] = m
	return m, nil
}

// locatorOf returns the locator of the atlas, built once.
func (c *cache) locatorOf(ctx context.Context, a *atlas.Atlas) (*atlas.Locator, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.locator != nil {
		return c.locator, nil
	}
	l, err := a.NewLocator(ctx, 320)
	if err != nil {
		return nil, err
	}
	c.locator = l
	return l, nil
}
