//go:build unix

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
