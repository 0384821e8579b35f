package actors

import (
	"bytes"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/text"
)

// foldLower folds a rune for matching: typographic variants to plain ones, then lower case.
func foldLower(r rune) rune {
	r = text.FoldRune(r)
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 32
		}
		return r
	}
	return unicode.ToLower(r)
}

// Sentinel bytes mark word boundaries in the folded view, so that a pattern can only match whole
// words: wordStart before the first letter or digit of a word, wordEnd after its last.
const (
	wordStart = '\x01'
	wordEnd   = '\x02'
)

// folded is the matching view of a text: folded, lower-case bytes with word-boundary sentinels and,
// for each byte, the offset in the original text it came from.
type folded struct {
	b   []byte
	pos []int32 // len(b)+1 entries
}

// fold builds the folded view of s.
func fold(s string) folded { return foldInto(s, folded{}) }

// foldInto builds the folded view of s reusing the buffers of f.
func foldInto(s string, f folded) folded {
	n0 := len(s) + len(s)/3 + 1
	if cap(f.b) < n0 {
		f.b = make([]byte, 0, n0)
		f.pos = make([]int32, 0, n0+1)
	}
	f.b, f.pos = f.b[:0], f.pos[:0]
	inWord := false
	for i := 0; i < len(s); {
		c := s[i]
		var r rune
		n := 1
		w := false
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 32
			}
			r = rune(c)
			w = 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				r = ' '
			} else {
				w = unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
				r = foldLower(r)
			}
		}
		if w != inWord {
			if w {
				f.b = append(f.b, wordStart)
			} else {
				f.b = append(f.b, wordEnd)
			}
			f.pos = append(f.pos, int32(i))
			inWord = w
		}
		if r < utf8.RuneSelf {
			f.b = append(f.b, byte(r))
			f.pos = append(f.pos, int32(i))
		} else {
			m := len(f.b)
			f.b = utf8.AppendRune(f.b, r)
			for j := m; j < len(f.b); j++ {
				f.pos = append(f.pos, int32(i))
			}
		}
		i += n
	}
	if inWord {
		f.b = append(f.b, wordEnd)
		f.pos = append(f.pos, int32(len(s)))
	}
	f.pos = append(f.pos, int32(len(s)))
	return f
}

// patternKey returns the folded view of a dictionary pattern, with the same sentinels.
func patternKey(p string) string { return string(fold(p).b) }

// matcher finds dictionary patterns in text: a byte trie of the folded patterns, walked from every
// position where a pattern can start (in practice every word start), which gives the
// leftmost-longest matches directly; a match whose case does not fit falls back to the next shorter
// pattern ending on the same path.
type matcher struct {
	nodes []trieNode // in depth-first order, so that a path lies close together in memory
	edges []trieEdge // the edges of a node are contiguous, sorted by label
	dense []int32    // children by byte of the nodes with many edges (-1: none)
	first [256]bool  // bytes a pattern can start with
	cand  [][]int    // pattern index -> entry indexes, in order of preference
	words firstWords // the first words of the patterns that start with a word (sentinels included)
}

// firstWords is a set of the starts of the patterns that start with a word, kept by their hashes
// as a bit table (one bit per hash, so that it stays in cache), with no false negatives: for a
// pattern of one word, the word; for a longer one, its first two words with what is between them
// (sentinels included). A text position whose start is not in it starts no pattern, which saves
// walking the trie from it.
type firstWords struct {
	bits []uint64
	mask uint64 // number of bits - 1
	off  bool   // some pattern's first word has no end: test nothing
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
	seedOne   = 0x9E3779B97F4A7C15 // mixed into the hash of a one-word start
	seedTwo   = 0xC2B2AE3D27D4EB4F // mixed into the hash of a two-word start
)

// fnv continues an FNV-1a hash h over b.
func fnv(h uint64, b []byte) uint64 {
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func mix(h, seed uint64) uint64 {
	h ^= seed
	return h ^ h>>29
}

func (ws *firstWords) build(pats []string) {
	var hs []uint64
	for _, p := range pats {
		if p == "" || p[0] != wordStart {
			continue
		}
		k1 := strings.IndexByte(p, wordEnd)
		if k1 < 0 {
			ws.off = true
			return
		}
		h := fnv(fnvOffset, []byte(p[:k1+1]))
		if k2 := strings.IndexByte(p[k1+1:], wordEnd); k2 < 0 {
			hs = append(hs, mix(h, seedOne))
		} else {
			hs = append(hs, mix(fnv(h, []byte(p[k1+1:k1+1+k2+1])), seedTwo))
		}
	}
	n := uint64(1 << 16)
	for n < 16*uint64(len(hs)) {
		n *= 2
	}
	ws.bits = make([]uint64, n/64)
	ws.mask = n - 1
	for _, h := range hs {
		h &= ws.mask
		ws.bits[h>>6] |= 1 << (h & 63)
	}
}

func (ws *firstWords) in(h uint64) bool {
	h &= ws.mask
	return ws.bits[h>>6]&(1<<(h&63)) != 0
}

// may reports whether a pattern may start at hay[i], where a word starts.
func (ws *firstWords) may(hay []byte, i int) bool {
	if ws.off || len(ws.bits) == 0 {
		return true
	}
	k1 := bytes.IndexByte(hay[i:], wordEnd)
	if k1 <= 0 {
		return true
	}
	h := fnv(fnvOffset, hay[i:i+k1+1])
	if ws.in(mix(h, seedOne)) {
		return true
	}
	rest := hay[i+k1+1:]
	k2 := bytes.IndexByte(rest, wordEnd)
	if k2 < 0 {
		return false // no second word: only one-word patterns could start here
	}
	return ws.in(mix(fnv(h, rest[:k2+1]), seedTwo))
}

// trieNode is a node of the matcher's trie.
type trieNode struct {
	lo, n int32 // edges[lo:lo+n]
	term  int32 // the pattern ending here, or -1
	dense int32 // offset of the node's 256 children in matcher.dense, or -1
}

// trieEdge is a labelled edge of the matcher's trie.
type trieEdge struct {
	label byte
	next  int32
}

// hit is one accepted dictionary match, in original byte offsets.
type hit struct {
	start, end int // the whole match
	e          int // entry index
}

func newMatcher(d *dicts, user map[int]bool) matcher {
	byKey := map[string]int{}
	var pats []string
	var cand [][]int
	for i, e := range d.entries {
		if e.key == "" {
			continue
		}
		p, ok := byKey[e.key]
		if !ok {
			p = len(pats)
			byKey[e.key] = p
			pats = append(pats, patternKey(e.text))
			cand = append(cand, nil)
		}
		cand[p] = append(cand[p], i)
	}
	for _, c := range cand {
		// Preference: user entries, then by kind (people, orgs, countries, ...), then file order.
		for i := 1; i < len(c); i++ {
			for j := i; j > 0 && better(d, user, c[j], c[j-1]); j-- {
				c[j], c[j-1] = c[j-1], c[j]
			}
		}
	}
	m := matcher{cand: cand}
	m.build(pats)
	return m
}

// build compiles the trie of pats (folded patterns; several may be equal, the first wins).
func (m *matcher) build(pats []string) {
	order := make([]int32, 0, len(pats))
	for i, p := range pats {
		if p != "" {
			order = append(order, int32(i))
			m.first[p[0]] = true
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return pats[order[a]] < pats[order[b]] })
	m.nodes, m.edges = m.nodes[:0], m.edges[:0]
	m.node(pats, order, 0)
	m.words.build(pats)
	// Nodes with many edges (the start of a word) look their children up in a table.
	for i := range m.nodes {
		nd := &m.nodes[i]
		if nd.n < 4 {
			continue
		}
		nd.dense = int32(len(m.dense))
		for k := 0; k < 256; k++ {
			m.dense = append(m.dense, -1)
		}
		for _, e := range m.edges[nd.lo : nd.lo+nd.n] {
			m.dense[nd.dense+int32(e.label)] = e.next
		}
	}
}

// node adds the node for the sorted patterns order (which share their first depth bytes) and its
// subtree, and returns its index.
func (m *matcher) node(pats []string, order []int32, depth int) int32 {
	id := int32(len(m.nodes))
	m.nodes = append(m.nodes, trieNode{term: -1, dense: -1})
	lo := 0
	// patterns that end here sort first
	for lo < len(order) && len(pats[order[lo]]) == depth {
		if m.nodes[id].term < 0 {
			m.nodes[id].term = order[lo]
		}
		lo++
	}
	// reserve the edges, then build the children
	first := int32(len(m.edges))
	for k := lo; k < len(order); {
		b := pats[order[k]][depth]
		for k < len(order) && pats[order[k]][depth] == b {
			k++
		}
		m.edges = append(m.edges, trieEdge{label: b})
	}
	m.nodes[id].lo, m.nodes[id].n = first, int32(len(m.edges))-first
	e := first
	for k := lo; k < len(order); {
		b := pats[order[k]][depth]
		h := k
		for h < len(order) && pats[order[h]][depth] == b {
			h++
		}
		child := m.node(pats, order[k:h], depth+1)
		m.edges[e].next = child
		e++
		k = h
	}
	return id
}

// step returns the child of node n for byte b, or -1.
func (m *matcher) step(n int32, b byte) int32 {
	nd := m.nodes[n]
	if nd.dense >= 0 {
		return m.dense[nd.dense+int32(b)]
	}
	es := m.edges[nd.lo : nd.lo+nd.n]
	if len(es) <= 8 {
		for k := range es {
			if es[k].label == b {
				return es[k].next
			}
		}
		return -1
	}
	lo, hi := 0, len(es)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if es[mid].label < b {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(es) && es[lo].label == b {
		return es[lo].next
	}
	return -1
}

func better(d *dicts, user map[int]bool, a, b int) bool {
	if user[a] != user[b] {
		return user[a]
	}
	return d.entries[a].kind < d.entries[b].kind
}

// caseOK checks the case of a proper pattern against the original text: every pattern word that
// starts with a capital must start with a capital in the text; an all-capital short word (an
// acronym such as "US") must be all capitals.
func caseOK(pattern, orig string) bool {
	pi, oi := 0, 0
	startWord := true
	for pi < len(pattern) && oi < len(orig) {
		pr, pn := utf8.DecodeRuneInString(pattern[pi:])
		or, on := utf8.DecodeRuneInString(orig[oi:])
		if startWord && unicode.IsLetter(pr) {
			if unicode.IsUpper(pr) && !unicode.IsUpper(or) {
				return false
			}
			// Acronyms ("US") and inner capitals ("LeT", "McCain"): the word as written, or in
			// capitals.
			w := wordAt(pattern, pi)
			if len(w) >= 2 && (allUpper(w) && len(w) <= 4 || hasUpper(w[1:])) {
				if ow := wordAt(orig, oi); ow != w && !allUpper(ow) {
					return false
				}
			}
		}
		startWord = !(unicode.IsLetter(pr) || unicode.IsDigit(pr))
		pi += pn
		oi += on
	}
	return true
}

func wordAt(s string, i int) string {
	j := i
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	return s[i:j]
}

func allUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return s != ""
}

// find returns the accepted matches in text, in order, not overlapping: at each position the
// longest pattern whose case fits wins, and the search goes on after it.
func (m *matcher) find(d *dicts, src string, f folded, hits []hit) []hit {
	hits = hits[:0]
	hay := f.b
	var ends [64]int32 // ends[k]: folded end offset of the k-th pattern on the path
	var pats [64]int32
	for i := 0; i < len(hay); {
		if !m.first[hay[i]] {
			i++
			continue
		}
		if hay[i] == wordStart {
			// a word that starts no pattern: no walk (a pattern's first word is whole, with its end)
			if !m.words.may(hay, i) {
				i++
				continue
			}
		}
		n := int32(0)
		nt := 0
		for j := i; j < len(hay); j++ {
			if n = m.step(n, hay[j]); n < 0 {
				break
			}
			if t := m.nodes[n].term; t >= 0 {
				if nt == len(ends) { // keep the longest
					copy(ends[:], ends[1:])
					copy(pats[:], pats[1:])
					nt--
				}
				ends[nt], pats[nt] = int32(j+1), t
				nt++
			}
		}
		found := false
		for k := nt - 1; k >= 0 && !found; k-- {
			os, oe := int(f.pos[i]), int(f.pos[ends[k]])
			for _, c := range m.cand[pats[k]] {
				if en := &d.entries[c]; !en.proper || caseOK(en.text, src[os:oe]) {
					hits = append(hits, hit{start: os, end: oe, e: c})
					i = int(ends[k])
					found = true
					break
				}
			}
		}
		if !found {
			i++
		}
	}
	return hits
}
