package actors

import (
	"unicode"
	"unicode/utf8"

	"dyad/text"

	ahocorasick "github.com/petar-dambovaliev/aho-corasick"
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

// matcher finds dictionary patterns in text.
type matcher struct {
	ac   ahocorasick.AhoCorasick
	cand [][]int // pattern index -> entry indexes, in order of preference
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
	b := ahocorasick.NewAhoCorasickBuilder(ahocorasick.Opts{
		MatchKind: ahocorasick.LeftMostLongestMatch,
		DFA:       false,
	})
	return matcher{ac: b.Build(pats), cand: cand}
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

// find returns the accepted matches in text, in order, not overlapping.
func (m *matcher) find(d *dicts, src string, f folded, hits []hit) []hit {
	hits = hits[:0]
	hay := f.b
	base := 0
	ac := m.ac
	for base < len(hay) {
		it := ac.IterByte(hay[base:])
		restart := -1
		for mt := it.Next(); mt != nil; mt = it.Next() {
			s, e := base+mt.Start(), base+mt.End()
			ok := true
			ei := -1
			if ok {
				os, oe := int(f.pos[s]), int(f.pos[e])
				orig := src[os:oe]
				for _, c := range m.cand[mt.Pattern()] {
					en := &d.entries[c]
					if en.proper && !caseOK(en.text, orig) {
						continue
					}
					ei = c
					break
				}
				if ei >= 0 {
					hits = append(hits, hit{start: os, end: oe, e: ei})
					continue
				}
			}
			// Rejected: look for a shorter match at the same start ("Russian" when "Russian Armed
			// Forces" failed the case check), else search again from the next word.
			restart = nextWord(hay, s)
			for end := e - 1; end > s+1; {
				sub := ac.IterByte(hay[s:end]).Next()
				if sub == nil || sub.Start() != 0 {
					break
				}
				se := s + sub.End()
				os, oe := int(f.pos[s]), int(f.pos[se])
				found := -1
				for _, c := range m.cand[sub.Pattern()] {
					if en := &d.entries[c]; !en.proper || caseOK(en.text, src[os:oe]) {
						found = c
						break
					}
				}
				if found >= 0 {
					hits = append(hits, hit{start: os, end: oe, e: found})
					restart = se
					break
				}
				end = se - 1
			}
			break
		}
		if restart < 0 {
			break
		}
		base = restart
	}
	return hits
}

// nextWord returns the offset of the next word start after i.
func nextWord(b []byte, i int) int {
	for i++; i < len(b) && b[i] != wordStart; i++ {
	}
	return i
}
