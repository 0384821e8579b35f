//go:build !linux

package main

// peakRSSMB returns 0 where the peak resident set size is not measured.
func peakRSSMB() float64 { return 0 }
