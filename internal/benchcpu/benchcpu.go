// Package benchcpu measures the CPU time a process uses, for benchmarks
// and load tests. On a machine shared with other work, wall time (ns/op)
// counts the time spent waiting for a CPU; CPU time, user and system,
// does not. Only test code imports it.
package benchcpu

import (
	"fmt"
	"testing"
	"time"
)

// Time returns the CPU time, user and system, the process has used so
// far. Where the system does not tell (not a Unix), it returns 0.
func Time() time.Duration { return processTime() }

// Report reports the CPU time the process has used since start, per n
// units, as the benchmark metric "cpu-<scale>/<unit>": scale is
// time.Nanosecond ("ns"), time.Microsecond ("us"), time.Millisecond
// ("ms") or time.Second ("s"). n below 1 counts as 1.
//
//	start := benchcpu.Time()
//	for b.Loop() { ... }
//	benchcpu.Report(b, start, b.N, time.Nanosecond, "op") // cpu-ns/op
func Report(b *testing.B, start time.Duration, n int, scale time.Duration, unit string) {
	b.Helper()
	name, ok := scaleNames[scale]
	if !ok {
		b.Fatalf("benchcpu.Report: scale %v is not ns, us, ms or s", scale)
	}
	b.ReportMetric(float64(Time()-start)/float64(max(n, 1))/float64(scale), fmt.Sprintf("cpu-%s/%s", name, unit))
}

var scaleNames = map[time.Duration]string{
	time.Nanosecond: "ns", time.Microsecond: "us", time.Millisecond: "ms", time.Second: "s",
}
