package benchcpu

import (
	"testing"
	"time"
)

// TestTimeGrows checks that busy work shows in Time, so a benchmark's
// CPU metric is not a constant 0.
func TestTimeGrows(t *testing.T) {
	start := Time()
	deadline := time.Now().Add(5 * time.Second)
	x := 1
	for Time()-start < 10*time.Millisecond {
		for i := range 1_000_000 {
			x = x*31 + i
		}
		if time.Now().After(deadline) {
			t.Fatalf("5 s of busy work raised the CPU time by only %v (%d)", Time()-start, x)
		}
	}
}

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
