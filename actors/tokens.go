package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tok is a word or punctuation token used for context rules.
type tok struct {
	start, end int
	lo, hi     int32 // the folded lower-case form in the document's lower buffer; lo < 0: the text itself
	word       bool  // letters/digits
	cap        bool  // starts with an upper-case letter
	first      bool  // first word of its sentence
	hit        int   // index of the dictionary hit covering it, or -1
	sent       int   // sentence index
	stop       int8  // whether lowerWord is a stopword: 0 not known yet, 1 yes, -1 no (see isStop)
}

// tokenize splits s into word and punctuation tokens. Words keep inner hyphens and apostrophes
// followed by a letter ("al-Assad", "O'Brien") but not a possessive "'s"; dots always stand alone.
// The folded lower-case form of every token that is not already plain lower-case ASCII is appended
// to low, and the token points into it.
func tokenize(s string, toks []tok, low []byte) ([]tok, []byte) {
	toks = toks[:0]
	low = low[:0]
	i := 0
	for i < len(s) {
		c := s[i]
		var r rune
		n := 1
		if c < utf8.RuneSelf {
			r = rune(c)
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
				i++
				continue
			}
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
			if isSpace(r) {
				i += n
				continue
			}
		}
		if !isWordRune(r) {
			t := tok{start: i, end: i + n, hit: -1, lo: -1}
			if n > 1 {
				t.lo = int32(len(low))
				low = utf8.AppendRune(low, foldLower(r))
				t.hi = int32(len(low))
			}
			toks = append(toks, t)
			i += n
			continue
		}
		st := i
		i += n
		plain := c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
		hyph := false
		for i < len(s) {
			c := s[i]
			if c < utf8.RuneSelf {
				if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
					i++
					continue
				}
				if c >= 'A' && c <= 'Z' {
					plain = false
					i++
					continue
				}
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				plain = false
				i += n
				continue
			}
			// inner joiners
			if r == '-' || r == '\'' || r == '’' || r == '‐' {
				if i+n < len(s) {
					r2, n2 := utf8.DecodeRuneInString(s[i+n:])
					if isWordRune(r2) {
						if (r == '\'' || r == '’') && (r2 == 's' || r2 == 'S') {
							// a possessive 's, unless a letter follows ("O'Sullivan")
							if i+n+n2 >= len(s) {
								break
							}
							if r3, _ := utf8.DecodeRuneInString(s[i+n+n2:]); !isWordRune(r3) {
								break
							}
						}
						if r != '-' {
							plain = false
						}
						if r == '-' || r == '‐' {
							hyph = true
						}
						i += n
						continue
					}
				}
			}
			break
		}
		t := tok{start: st, end: i, word: true, hit: -1, lo: -1}
		if c < utf8.RuneSelf {
			t.cap = 'A' <= c && c <= 'Z'
		} else {
			t.cap = unicode.IsUpper(r)
		}
		if hyph {
			t.cap = nameCase(s[st:i], t.cap)
		}
		if !plain {
			t.lo = int32(len(low))
			for _, r := range s[st:i] {
				if r < utf8.RuneSelf {
					if 'A' <= r && r <= 'Z' {
						r += 32
					}
					low = append(low, byte(r))
				} else {
					low = utf8.AppendRune(low, foldLower(r))
				}
			}
			t.hi = int32(len(low))
		}
		toks = append(toks, t)
	}
	return toks, low
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r) || r == '\u00a0'
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// nameCase corrects the capitalisation of a hyphenated word for the name finder: a lower-case
// Arabic article or particle before a capitalised name is part of a name ("al-Rubaie", "bin-Salman"),
// and a capitalised word whose last part is lower case is an adjective ("Far-right", "Pro-government").
func nameCase(w string, cap bool) bool {
	h := strings.LastIndexAny(w, "-‐")
	if h <= 0 {
		return cap
	}
	if !cap {
		f := strings.IndexAny(w, "-‐")
		if namePrefixes.Has(w[:f]) {
			r, _ := utf8.DecodeRuneInString(w[f+len("-"):])
			if w[f] != '-' {
				r, _ = utf8.DecodeRuneInString(w[f+len("‐"):])
			}
			return unicode.IsUpper(r)
		}
		return false
	}
	_, n := utf8.DecodeRuneInString(w[h:])
	r, _ := utf8.DecodeRuneInString(w[h+n:])
	if !unicode.IsLower(r) {
		return true
	}
	// "Far-right", "Pro-government", but "Lin Wei-chou"
	f := strings.IndexAny(w, "-‐")
	if adjPrefixes.Has(strings.ToLower(w[:f])) {
		return false
	}
	// "Kremlin-backed", "US-led", "Moscow-based"
	for _, s := range []string{"ed", "ing", "based", "style", "born", "era", "wide", "owned", "run"} {
		if strings.HasSuffix(w, s) {
			return false
		}
	}
	return true
}

var adjPrefixes = toSet(`far pro anti non post pre ex self ultra semi multi mid once left right centre center hard
so well all cross half long short inter counter neo quasi co re de then one two three four five six seven eight
nine ten top high low cold hot oil state government`)

var namePrefixes = toSet("al el ad ar as at an ash az ul bin ibn abu abd bint")
