//go:build !linux

package main

import "time"

// peakRSSMB returns 0 where the peak resident set size is not measured.
func peakRSSMB() float64 { return 0 }

// cpuTime returns 0 where the CPU time of the process is not measured.
func cpuTime() time.Duration { return 0 }
