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

// blockKey is what a whole layout depends on: the shaping, and the size,
// line height and width it is set in.
type blockKey struct {
	cacheKey
	size, lineHeight, width float64
}

// runeCache keeps values computed from texts, dropping the least
// recently used when the runes of the texts it holds pass its limit. It
// is safe for concurrent use.
type runeCache[K comparable, V any] struct {
	mu    sync.Mutex
	limit int // in runes; 0: keep nothing
	held  int
	order *list.List // of *cacheEntry, most recently used first
	byKey map[K]*list.Element
}

type cacheEntry[K comparable, V any] struct {
	key   K
	v     V
	runes int
}

func newRuneCache[K comparable, V any](limit int) *runeCache[K, V] {
	return &runeCache[K, V]{limit: limit, order: list.New(), byKey: make(map[K]*list.Element)}
}

// get returns the value kept under key.
func (c *runeCache[K, V]) get(key K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byKey[key]
	if !ok {
		var zero V
		return zero, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*cacheEntry[K, V]).v, true
}

// put keeps v, computed from a text of runes runes, under key, if it
// fits within the limit at all.
func (c *runeCache[K, V]) put(key K, v V, runes int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byKey[key]; ok || runes > c.limit {
		return
	}
	c.byKey[key] = c.order.PushFront(&cacheEntry[K, V]{key, v, runes})
	c.held += runes
	c.shrink()
}

// setLimit changes the limit, dropping entries as needed.
func (c *runeCache[K, V]) setLimit(runes int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.limit = max(runes, 0)
	c.shrink()
}

// shrink drops the least recently used entries until the cache is within
// its limit.
func (c *runeCache[K, V]) shrink() {
	for c.held > c.limit {
		e := c.order.Back()
		ent := e.Value.(*cacheEntry[K, V])
		c.order.Remove(e)
		delete(c.byKey, ent.key)
		c.held -= ent.runes
	}
}

// len returns the number of values held.
func (c *runeCache[K, V]) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}

// any reports whether some key satisfies match.
func (c *runeCache[K, V]) any(match func(K) bool) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.byKey {
		if match(k) {
			return true
		}
	}
	return false
}
