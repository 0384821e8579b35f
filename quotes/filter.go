package quotes

// wordFilter tells cheaply that a word is not among a set of words, by its first byte, last byte
// and length, so that most words of a text skip a map look-up. It has no false negatives.
type wordFilter struct {
	firstLen  [256]uint64 // first byte -> lengths (bit n; lengths of 63 and more share bit 63)
	firstLast [256][4]uint64
}

func (f *wordFilter) add(w string) {
	if w == "" {
		return
	}
	n := min(len(w), 63)
	f.firstLen[w[0]] |= 1 << n
	l := w[len(w)-1]
	f.firstLast[w[0]][l>>6] |= 1 << (l & 63)
}

// mayHold reports whether w may be in the set (always true for the empty word, which add ignores).
func mayHold[S string | []byte](f *wordFilter, w S) bool {
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
