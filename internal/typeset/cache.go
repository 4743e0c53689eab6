package typeset

import (
	"container/list"
	"sync"
)

// cacheKey is what the shaping of a text depends on.
type cacheKey struct {
	text string
	bold bool
	lang string
	rtl  bool
}

// shapeCache keeps shaped paragraphs, dropping the least recently used
// when the runes it holds pass its limit. It is safe for concurrent use.
type shapeCache struct {
	mu    sync.Mutex
	limit int // in runes; 0: keep nothing
	held  int
	order *list.List // of *cacheEntry, most recently used first
	byKey map[cacheKey]*list.Element
}

type cacheEntry struct {
	key cacheKey
	p   *paragraph
}

func newShapeCache(limit int) *shapeCache {
	return &shapeCache{limit: limit, order: list.New(), byKey: make(map[cacheKey]*list.Element)}
}

// get returns the paragraph for key, or nil.
func (c *shapeCache) get(key cacheKey) *paragraph {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byKey[key]
	if !ok {
		return nil
	}
	c.order.MoveToFront(e)
	return e.Value.(*cacheEntry).p
}

// put keeps p under key, if it fits within the limit at all.
func (c *shapeCache) put(key cacheKey, p *paragraph) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byKey[key]; ok || len(p.runes) > c.limit {
		return
	}
	c.byKey[key] = c.order.PushFront(&cacheEntry{key, p})
	c.held += len(p.runes)
	c.shrink()
}

// setLimit changes the limit, dropping entries as needed.
func (c *shapeCache) setLimit(runes int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.limit = max(runes, 0)
	c.shrink()
}

// shrink drops the least recently used entries until the cache is within
// its limit.
func (c *shapeCache) shrink() {
	for c.held > c.limit {
		e := c.order.Back()
		ent := e.Value.(*cacheEntry)
		c.order.Remove(e)
		delete(c.byKey, ent.key)
		c.held -= len(ent.p.runes)
	}
}

// len returns the number of paragraphs held.
func (c *shapeCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}
