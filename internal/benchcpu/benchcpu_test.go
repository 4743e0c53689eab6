package benchcpu

import (
	"testing"
	"time"
)

// BenchmarkReport shows the metric's name: cpu-ns/op.
func BenchmarkReport(b *testing.B) {
	start := Time()
	x := 1
	for b.Loop() {
		x = x*31 + 7
	}
	_ = x
	Report(b, start, b.N, time.Nanosecond, "op")
}
