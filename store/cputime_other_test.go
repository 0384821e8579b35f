//go:build !unix

package store

import "time"

// cpuTime returns 0: the CPU time of the process is only read on Unix.
func cpuTime() time.Duration { return 0 }
