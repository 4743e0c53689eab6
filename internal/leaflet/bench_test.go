package leaflet

import (
	"runtime/debug"
	"sync/atomic"
	"testing"
)

// BenchmarkLeaflet renders personalised leaflets in English, Polish and
// Arabic from one Renderer on every CPU, as a bulk run does (with its
// garbage collector setting), and reports leaflets per second and the
// average size. The fonts of each language are subset before the clock
// starts, once, as in a real run.
func BenchmarkLeaflet(b *testing.B) {
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	r := testRenderer(b)
	ds := []Details{sample("en"), sample("pl"), sample("ar")}
	for _, d := range ds {
		if _, err := r.Render(d); err != nil {
			b.Fatal(err)
		}
	}
	var n, size atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			pdf, err := r.Render(ds[i%len(ds)])
			if err != nil {
				b.Error(err)
				return
			}
			n.Add(1)
			size.Add(int64(len(pdf)))
			i++
		}
	})
	b.ReportMetric(float64(n.Load())/b.Elapsed().Seconds(), "leaflets/s")
	b.ReportMetric(float64(size.Load())/float64(max(n.Load(), 1))/1024, "KB/leaflet")
}

// BenchmarkGeneric is the cost a site build pays per language, font
// subsetting included.
func BenchmarkGeneric(b *testing.B) {
	src, probs := Load(fixtureFS(b))
	if probs.Errors() > 0 {
		b.Fatal(probs.Err())
	}
	for b.Loop() {
		r, err := New(src)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := r.Generics(); err != nil {
			b.Fatal(err)
		}
	}
}
