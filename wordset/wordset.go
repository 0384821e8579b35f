// Package wordset provides small, read-only sets of words that are cheaper than maps on the hot
// paths of the stages: a Filter that rules out most words by their first byte, last byte and length
// before a look-up, and a Set of short words in an open-addressing table.
package wordset

import "iter"

// Filter tells cheaply that a word is not among a set of words, by its first byte, last byte
// and length, so that most words of a text skip a map look-up. It has no false negatives.
type Filter struct {
	firstLen  [256]uint64 // first byte -> lengths (bit n; lengths of 63 and more share bit 63)
	firstLast [256][4]uint64
}

// Add puts w into the filter.
func (f *Filter) Add(w string) {
	if w == "" {
		return
	}
	n := min(len(w), 63)
	f.firstLen[w[0]] |= 1 << n
	l := w[len(w)-1]
	f.firstLast[w[0]][l>>6] |= 1 << (l & 63)
}

// MayHold reports whether w may be in the set (always true for the empty word, which Add ignores).
func MayHold[S string | []byte](f *Filter, w S) bool {
	if len(w) == 0 {
		return true
	}
	n := min(len(w), 63)
	if f.firstLen[w[0]]&(1<<n) == 0 {
		return false
	}
	l := w[len(w)-1]
	return f.firstLast[w[0]][l>>6]&(1<<(l&63)) != 0
}

// Set is a small set of words in an open-addressing table hashed on a word's length and its
// first, second and last bytes, which is cheaper than a map for the short words it holds.
type Set struct {
	m     map[string]bool // the same words (for iteration)
	slots []string        // "" is empty
	mask  uint32
}

// New returns the set of words.
func New(words ...string) *Set {
	ws := &Set{m: map[string]bool{}}
	for _, w := range words {
		ws.m[w] = true
	}
	n := 16
	for n < 4*len(ws.m) {
		n *= 2
	}
	ws.slots = make([]string, n)
	ws.mask = uint32(n - 1)
	for w := range ws.m {
		if w == "" {
			continue
		}
		for i := shortHash(w) & ws.mask; ; i = (i + 1) & ws.mask {
			if ws.slots[i] == "" {
				ws.slots[i] = w
				break
			}
		}
	}
	return ws
}

func shortHash(w string) uint32 {
	h := uint32(len(w))*0x9E3779B1 ^ uint32(w[0])*0x85EBCA6B ^ uint32(w[len(w)-1])*0xC2B2AE35
	if len(w) > 1 {
		h ^= uint32(w[1]) * 0x27D4EB2F
	}
	return h ^ h>>15
}

// Has reports whether w is in the set.
func (ws *Set) Has(w string) bool {
	if w == "" {
		return ws.m[w]
	}
	for i := shortHash(w) & ws.mask; ; i = (i + 1) & ws.mask {
		switch ws.slots[i] {
		case "":
			return false
		case w:
			return true
		}
	}
}

// All returns the words of the set, in no particular order.
func (ws *Set) All() iter.Seq[string] {
	return func(yield func(string) bool) {
		for w := range ws.m {
			if !yield(w) {
				return
			}
		}
	}
}
