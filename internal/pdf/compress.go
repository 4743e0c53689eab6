package pdf

import (
	"compress/zlib"
	"sync"
)

// flateLevel is the compression level of every stream, chosen by
// measurement (BenchmarkCompressionLevels, and BenchmarkDocument at each
// level, CPU time on a shared 2-core machine): for the two-page benchmark
// document, level 1 gave 17.3 KB in 0.41 ms (0.72 ms with cold font
// caches), level 2 16.2 KB in 0.37 ms (0.81 ms), level 6 15.9 KB in
// 0.46 ms (0.93 ms). Level 2 is nearly as small as 6 and as fast as 1.
const flateLevel = 2

// zlibWriters keeps compressors between streams and documents: a new one
// allocates over half a megabyte of state.
var zlibWriters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, flateLevel)
	return w
}}

// appender is an io.Writer that appends to a byte slice.
type appender struct{ b []byte }

func (a *appender) Write(p []byte) (int, error) {
	a.b = append(a.b, p...)
	return len(p), nil
}

// deflate appends data to dst, compressed in the zlib format that the
// FlateDecode filter reads.
func deflate(dst, data []byte) []byte {
	out := &appender{b: dst}
	w := zlibWriters.Get().(*zlib.Writer)
	w.Reset(out)
	w.Write(data) // an appender never fails
	w.Close()
	zlibWriters.Put(w)
	return out.b
}
