package pdf

import (
	"crypto/sha256"
	"sync"
)

// split reports whether the page's content goes into two streams: the
// shared part (EndShared) and what was drawn after it.
func (p *Page) split() bool { return p.sharedEnd > 0 && p.sharedEnd < len(p.content) }

// sharedStream writes object n, a content stream that documents marked
// as shared, compressed from the cache when an earlier document had the
// same bytes. It is compressed at cachedLevel, not flateLevel, whether it
// is kept or not, so that the same bytes always give the same file: in a
// bulk run nearly every such stream comes from the cache, and level 6
// made an Urdu leaflet's shared pages 1.4 KB (a tenth) smaller.
func (w *objects) sharedStream(n int, data []byte) {
	key := sha256.Sum256(data)
	z, ok := sharedStreams.kept.get(key)
	if !ok {
		w.scratch = deflateCached(w.scratch[:0], data)
		z = w.scratch
		sharedStreams.offer(key, z)
	}
	w.compressed(n, nil, z)
}

// sharedStreams keeps the compressed form of shared content streams
// (Page.EndShared) for every document: a page of a leaflet's site text is
// the same for every victim of one crime in one language. It keeps a
// stream only when it meets the same bytes a second time, so that one
// that does not come back does not push out one that does.
var sharedStreams = newStreamCache()

// maxShared bounds the shared streams kept: a page's stream is 2 to 10 KB
// compressed, so some MB at most. A bulk run of every language and crime
// of a site meets some hundreds.
const maxShared = 512

// maxSeen bounds the streams remembered, by their hash alone, as met once.
const maxSeen = 4096

// streamCache keeps shared streams that came back. It is safe for use by
// several goroutines.
type streamCache struct {
	kept lru[[]byte]
	mu   sync.Mutex
	seen map[[32]byte]struct{}
}

func newStreamCache() *streamCache {
	return &streamCache{kept: lru[[]byte]{limit: maxShared}, seen: map[[32]byte]struct{}{}}
}

// offer keeps a copy of z, the compressed stream whose bytes have the
// hash key, if it met those bytes before.
func (c *streamCache) offer(key [32]byte, z []byte) {
	c.mu.Lock()
	_, again := c.seen[key]
	if !again {
		if len(c.seen) >= maxSeen {
			clear(c.seen)
		}
		c.seen[key] = struct{}{}
	}
	c.mu.Unlock()
	if again {
		c.kept.put(key, append([]byte(nil), z...))
	}
}
