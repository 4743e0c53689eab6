//go:build !unix

package desk

import "time"

// cpuTime is not measured here; the load test reports 0.
func cpuTime() time.Duration { return 0 }
