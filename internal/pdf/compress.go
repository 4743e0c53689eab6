package pdf

import (
	"compress/zlib"
	"sync"
)

// flateLevel is the compression level of the streams each document
// writes anew (content, object and cross-reference streams), chosen by
// measurement (BenchmarkCompressionLevels, and BenchmarkDocument at each
// level, CPU time on a shared 2-core machine): for the two-page benchmark
// document, level 1 gave 17.3 KB in 0.41 ms (0.72 ms with cold font
// caches), level 2 16.2 KB in 0.37 ms (0.81 ms), level 6 15.9 KB in
// 0.46 ms (0.93 ms). On leaflets, whose per-document streams are larger
// (up to 50 KB before compression for an Urdu one), level 4, the first
// with lazy matching, did better: over the per-document streams of 36
// leaflets of every language it made them 0.5 KB a leaflet smaller than
// level 2 (0.9 KB for Urdu) in about the same time (0.5 ms a leaflet
// either way, within the noise), where levels 5 and 6 took half as long
// again for 0.4 KB more.
const flateLevel = 4

// cachedLevel is the compression level of font programs and ToUnicode
// CMaps, which a Font compresses once and keeps for every document that
// draws the same glyphs: level 6 made an Urdu leaflet's fonts 1.1 KB
// smaller (a Latin one's 0.3 KB) than level 2 for about 0.05 ms more CPU
// a leaflet in a bulk run, where a third of the fonts are compressed anew.
// Level 9 is not worth its time: it made the same fonts 10 bytes smaller,
// and a leaflet's shared page streams 18 bytes (Urdu 170) smaller, for a
// third to a half more time on each stream compressed.
const cachedLevel = 6

// freshWriters and cachedWriters keep compressors at flateLevel and
// cachedLevel between streams and documents: a new one allocates over
// half a megabyte of state.
var freshWriters, cachedWriters = writerPool(flateLevel), writerPool(cachedLevel)

func writerPool(level int) *sync.Pool {
	return &sync.Pool{New: func() any {
		w, _ := zlib.NewWriterLevel(nil, level)
		return w
	}}
}

// appender is an io.Writer that appends to a byte slice.
type appender struct{ b []byte }

func (a *appender) Write(p []byte) (int, error) {
	a.b = append(a.b, p...)
	return len(p), nil
}

// deflate appends data to dst, compressed at flateLevel in the zlib
// format that the FlateDecode filter reads.
func deflate(dst, data []byte) []byte { return deflateWith(freshWriters, dst, data) }

// deflateCached is deflate at cachedLevel, for what is compressed once
// and kept.
func deflateCached(dst, data []byte) []byte { return deflateWith(cachedWriters, dst, data) }

// deflateWith is deflate with a compressor from pool.
func deflateWith(pool *sync.Pool, dst, data []byte) []byte {
	out := &appender{b: dst}
	w := pool.Get().(*zlib.Writer)
	w.Reset(out)
	w.Write(data) // an appender never fails
	w.Close()
	pool.Put(w)
	return out.b
}
