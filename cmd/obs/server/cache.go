// The response cache of a snapshot: rendered bodies by key, within a byte
// budget, the least recently used evicted first, with one render for
// identical concurrent misses.

package server

import (
	"container/list"
	"sync"
)

// DefaultCacheBytes is the cache budget of one snapshot (64 MiB; obs
// serve --cache-mb). During a store switch the old and the new snapshot
// both hold a cache, so the process may keep up to twice the budget.
const DefaultCacheBytes = 64 << 20

// entryOverhead approximates what an entry costs beyond its key and body
// (list element, map slot, headers of the strings and slices).
const entryOverhead = 160

// lru is a byte-bounded LRU cache, safe for concurrent use.
type lru struct {
	budget int64

	mu     sync.Mutex
	used   int64
	order  *list.List               // front: most recently used
	items  map[string]*list.Element // of *entry
	flight map[string]*call         // renders under way, by key

	hits, misses, evictions int64
}

// entry is one cached response.
type entry struct {
	key         string
	contentType string
	body        []byte
}

func (e *entry) size() int64 { return int64(len(e.key)+len(e.body)) + entryOverhead }

// call is a render under way, that identical requests wait for.
type call struct {
	done        chan struct{}
	contentType string
	body        []byte
	err         error
}

// CacheStats describe a cache at one instant.
type CacheStats struct {
	Budget, Bytes           int64
	Entries                 int
	Hits, Misses, Evictions int64
}

func newLRU(budget int64) *lru {
	return &lru{budget: budget, order: list.New(), items: map[string]*list.Element{}, flight: map[string]*call{}}
}

// get returns the response cached under key, or renders it. Concurrent
// misses of one key render once; when that render fails (the renderer's
// client over its limit, its request cancelled), each waiter renders for
// itself, so no request gets another's error. A body larger than the
// whole budget is served but not kept.
func (c *lru) get(key string, render func() (string, []byte, error)) (string, []byte, error) {
	for {
		c.mu.Lock()
		if el, ok := c.items[key]; ok {
			c.order.MoveToFront(el)
			c.hits++
			e := el.Value.(*entry)
			c.mu.Unlock()
			return e.contentType, e.body, nil
		}
		if f, ok := c.flight[key]; ok {
			c.mu.Unlock()
			<-f.done
			if f.err == nil {
				return f.contentType, f.body, nil
			}
			continue
		}
		f := &call{done: make(chan struct{})}
		c.flight[key] = f
		c.misses++
		c.mu.Unlock()

		f.contentType, f.body, f.err = render()
		c.mu.Lock()
		delete(c.flight, key)
		if f.err == nil {
			c.add(&entry{key: key, contentType: f.contentType, body: f.body})
		}
		c.mu.Unlock()
		close(f.done)
		return f.contentType, f.body, f.err
	}
}

// add keeps e, evicting the least recently used entries to stay within
// the budget; c.mu is held.
func (c *lru) add(e *entry) {
	if e.size() > c.budget {
		return
	}
	if el, ok := c.items[e.key]; ok { // cannot happen under single-flight; kept safe
		c.used -= el.Value.(*entry).size()
		c.order.Remove(el)
	}
	c.items[e.key] = c.order.PushFront(e)
	c.used += e.size()
	for c.used > c.budget {
		last := c.order.Back()
		old := last.Value.(*entry)
		c.order.Remove(last)
		delete(c.items, old.key)
		c.used -= old.size()
		c.evictions++
	}
}

// stats reports the cache's size and counters.
func (c *lru) stats() CacheStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return CacheStats{Budget: c.budget, Bytes: c.used, Entries: len(c.items), Hits: c.hits, Misses: c.misses, Evictions: c.evictions}
}
