package quotes

import (
	"unicode"
	"unicode/utf8"
)

type tkind uint8

const (
	tWord  tkind = iota // letters and digits with inner apostrophes, hyphens and dots
	tPunct              // one punctuation rune
	tQuote              // a quotation mark (possibly two runes: `` or '')
	tBreak              // one or more newlines; blank when two or more
)

// quote mark families and roles
const (
	famDouble uint8 = 1
	famSingle uint8 = 2

	roleOpen  uint8 = 1
	roleClose uint8 = 2
	roleAmbig uint8 = 3
)

// tok is one token of the text, with byte offsets.
type tok struct {
	s, e  int32
	kind  tkind
	cap   bool   // a word whose first rune is upper case
	fam   uint8  // quote family
	role  uint8  // quote role
	mark  rune   // the quote mark (the first rune; '`' for ``, '\'' for '')
	blank bool   // a break of two or more newlines
	r     rune   // the punctuation rune
	pn    int32  // paragraph index (breaks separate paragraphs)
	sn    int32  // sentence index into Doc.Sentences
	wf    uint16 // word classes (words.txt)
	cue   *phrase
}

// asciiAlnum marks the ASCII letters and digits.
var asciiAlnum = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return
}()

func isLetterOrDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func decode(s string, i int) (rune, int) {
	if i >= len(s) {
		return -1, 0
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// tokenize splits text into tokens, appending to buf.
func (st *Stage) tokenize(text string, buf []tok) []tok {
	toks := buf[:0]
	n := len(text)
	i := 0
	for i < n {
		c := text[i]
		// fast ASCII paths
		if c == ' ' || c == '\t' || c == '\r' {
			i++
			continue
		}
		if c == '\n' {
			j := i
			nl := 0
			for j < n {
				if text[j] == '\n' {
					nl++
				} else if text[j] != ' ' && text[j] != '\t' && text[j] != '\r' {
					break
				}
				j++
			}
			toks = append(toks, tok{s: int32(i), e: int32(j), kind: tBreak, blank: nl > 1})
			i = j
			continue
		}
		r, sz := decode(text, i)
		if isLetterOrDigit(r) {
			j := i + sz
			for j < n {
				if c := text[j]; c < utf8.RuneSelf && asciiAlnum[c] {
					j++ // fast path for ASCII letters and digits
					continue
				}
				r2, sz2 := decode(text, j)
				if isLetterOrDigit(r2) {
					j += sz2
					continue
				}
				if r2 == '\'' || r2 == '\u2019' || r2 == '-' || r2 == '.' || r2 == '&' {
					r3, _ := decode(text, j+sz2)
					if isLetterOrDigit(r3) && !(r2 == '\'' && j+sz2 < n && text[j+sz2] == '\'') {
						j += sz2
						continue
					}
				}
				break
			}
			// a possessive apostrophe after a plural: the states' rights
			if j < n {
				if r2, sz2 := decode(text, j); (r2 == '\'' || r2 == '\u2019') && (text[j-1] == 's' || text[j-1] == 'S') {
					r3, _ := decode(text, j+sz2)
					if (r3 == ' ' || r3 == ',' || r3 == '.') && !(r2 == '\'' && j+1 < n && text[j+1] == '\'') {
						j += sz2
					}
				}
			}
			// a full stop that belongs to the word: an abbreviation, an initial, or a dotted word (U.S.)
			if j < n && text[j] == '.' {
				w := text[i:j]
				nx := byte(' ')
				if j+1 < n {
					nx = text[j+1]
				}
				if j-i == 1 && 'A' <= w[0] && w[0] <= 'Z' || containsByte(w, '.') || st.lex.flags(w)&wAbbrev != 0 ||
					nx == ',' || nx == ')' || (j-i <= 5 && unicode.IsUpper(r) && containsByte(w, '-')) {
					j++
				}
			}
			toks = append(toks, tok{s: int32(i), e: int32(j), kind: tWord, cap: unicode.IsUpper(r)})
			i = j
			continue
		}
		t := tok{s: int32(i), e: int32(i + sz), kind: tQuote, mark: r}
		switch r {
		case '"':
			t.fam, t.role = famDouble, roleAmbig
		case '`':
			if i+1 < n && text[i+1] == '`' {
				t.fam, t.role, t.e = famDouble, roleOpen, int32(i+2)
			} else {
				t.fam, t.role = famSingle, roleOpen
			}
		case '\'':
			if i+1 < n && text[i+1] == '\'' {
				t.fam, t.role, t.e = famDouble, roleAmbig, int32(i+2)
			} else {
				t.fam, t.role = famSingle, roleAmbig
			}
		case '\u201C', '\u201F', '\u201E', '\u00AB':
			t.fam, t.role = famDouble, roleOpen
		case '\u201D', '\u00BB':
			t.fam, t.role = famDouble, roleClose
		case '\u2018', '\u201A', '\u2039', '\u201B':
			t.fam, t.role = famSingle, roleOpen
		case '\u2019', '\u203A':
			t.fam, t.role = famSingle, roleClose
		default:
			if unicode.IsSpace(r) {
				i += sz
				continue
			}
			t.kind, t.mark, t.r = tPunct, 0, r
		}
		toks = append(toks, t)
		i = int(t.e)
	}
	return toks
}

func containsByte(s string, b byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return true
		}
	}
	return false
}

// lowerASCII lower-cases s; it allocates only when s has upper-case letters or non-ASCII runes.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return lowerSlow(s)
		}
	}
	return s
}

func lowerSlow(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r == '\u2019' {
			r = '\''
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return string(b)
}

// keyBuf lower-cases words for map look-ups without allocating.
type keyBuf [64]byte

// key returns the lower-case form of s as bytes backed by kb (or a new string for long or non-ASCII
// words). Use it as m[string(b)], which does not allocate.
func (kb *keyBuf) key(s string) []byte {
	if len(s) > len(kb) {
		return []byte(lowerSlow(s))
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return []byte(lowerSlow(s))
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		kb[i] = c
	}
	return kb[:len(s)]
}
