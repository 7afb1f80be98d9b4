//go:build unix

package relation_test

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time, user and system, the process has used so
// far, or 0 when it cannot tell: unlike wall time, other processes on a
// busy machine do not add to it.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
