//go:build !unix

package relation_test

import "time"

// cpuTime returns 0: the process's CPU time is not measured here, and
// tests fall back on wall time.
func cpuTime() time.Duration { return 0 }
