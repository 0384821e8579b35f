package events

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/text"
)

// tok is one token of a sentence, for matching.
type tok struct {
	start, end int    // byte offsets into Doc.Text
	low        string // lower case, folded (curly quotes and dashes made plain)
	stem       string // stem(low)
	punct      bool   // punctuation or symbol
	capital    bool   // starts with an upper-case letter
	ment       int    // index of the mention the token belongs to, or -1
	// flags computed once per sentence (see worker.flags)
	verb, noun, nounCtx, vform, verbish bool
	opt, auxbe, num, prep, det, nprev   bool
	wi, ni                              *wordInfo // the lexicon's entries for low and for stem
}

// tokenize splits s (starting at byte offset base of the text) into tokens: words (letters and
// digits, with inner apostrophes, hyphens and dots), the clitics 's and n't as their own tokens, and
// single punctuation marks.
func tokenize(dst []tok, s string, base int) []tok {
	n0 := len(dst)
	dst = tokenizeRaw(dst, s, base)
	// text tokenized with spaces ("Iran ' s forces", "Baghdad ’ s"): the clitic 's as one token
	out := n0
	for k := n0; k < len(dst); k++ {
		t := &dst[k]
		if t.punct && t.low == "'" && k > n0 && !dst[k-1].punct && k+1 < len(dst) && dst[k+1].low == "s" && !dst[k+1].capital {
			dst[out] = tok{start: t.start, end: dst[k+1].end, low: "'s", stem: "'s", ment: -1}
			out++
			k++
			continue
		}
		if out != k {
			dst[out] = *t
		}
		out++
	}
	return dst[:out]
}

// tokenizeRaw is tokenize without the joining of a spaced clitic.
func tokenizeRaw(dst []tok, s string, base int) []tok {
	i := 0
	var buf []byte
	for i < len(s) {
		c := s[i]
		var r rune
		w := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		f := r
		if c >= utf8.RuneSelf {
			f = text.FoldRune(r)
		}
		if f == ' ' || f == '\n' || f == '\t' || f == '\r' || unicode.IsSpace(f) || r == utf8.RuneError && w <= 1 {
			i += w
			continue
		}
		if !isWordRune(f) {
			t := tok{start: base + i, end: base + i + w, punct: true, ment: -1}
			t.low = string(f)
			if f < utf8.RuneSelf {
				t.low = punctStr[f]
			}
			t.stem = t.low
			dst = append(dst, t)
			i += w
			continue
		}
		j := i
		plain := true // ASCII lower case: the text itself is the lower-case form
		have := false // buf holds the lower-case form of s[i:j] (built only when needed)
		for j < len(s) {
			c := s[j]
			if c < utf8.RuneSelf && asciiAlnum[c] {
				// fast path: an ASCII letter or digit
				if 'A' <= c && c <= 'Z' {
					if !have {
						buf, have = append(buf[:0], s[i:j]...), true
					}
					plain = false
					buf = append(buf, c+'a'-'A')
				} else if have {
					buf = append(buf, c)
				}
				j++
				continue
			}
			var r rune
			w := 1
			if c < utf8.RuneSelf {
				r = rune(c)
			} else {
				r, w = utf8.DecodeRuneInString(s[j:])
			}
			f := r
			if c >= utf8.RuneSelf {
				f = text.FoldRune(r)
			}
			if isWordRune(f) {
				if c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
					plain = false
				}
				if !have {
					buf, have = append(buf[:0], s[i:j]...), true
				}
				buf = utf8.AppendRune(buf, unicode.ToLower(f))
				j += w
				continue
			}
			if f == ',' && j > i && s[j-1] >= '0' && s[j-1] <= '9' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
				if have {
					buf = append(buf, ',') // 20,000
				}
				j++
				continue
			}
			if (f == '\'' || f == '-' || f == '.') && j+w < len(s) {
				r2, _ := utf8.DecodeRuneInString(s[j+w:])
				if isWordRune(text.FoldRune(r2)) && !(f == '.' && !unicode.IsUpper(r2) && !unicode.IsDigit(r2)) {
					if c >= utf8.RuneSelf {
						plain = false
					}
					if !have {
						buf, have = append(buf[:0], s[i:j]...), true
					}
					buf = utf8.AppendRune(buf, f)
					j += w
					continue
				}
			}
			// U.S. keeps its final dot when a letter-dot pair precedes
			if f == '.' && j-i >= 2 && s[j-2] == '.' {
				if have {
					buf = append(buf, '.')
				}
				j += w
			}
			break
		}
		var word string
		if plain {
			word = s[i:j]
		} else {
			word = string(buf)
		}
		first, _ := utf8.DecodeRuneInString(s[i:])
		end := j
		// split the clitics 's and n't
		if k := strings.LastIndexByte(word, '\''); k > 0 {
			suf := word[k:]
			if suf == "'s" {
				cut := i + byteIndexOfRuneCount(s[i:end], runeCount(word[:k]))
				dst = append(dst, mk(base, i, cut, word[:k], unicode.IsUpper(first)))
				dst = append(dst, mk(base, cut, end, "'s", false))
				i = j
				continue
			}
			if suf == "'t" && k > 1 && word[k-1] == 'n' {
				cut := i + byteIndexOfRuneCount(s[i:end], runeCount(word[:k-1]))
				dst = append(dst, mk(base, i, cut, word[:k-1], unicode.IsUpper(first)))
				dst = append(dst, mk(base, cut, end, "n't", false))
				i = j
				continue
			}
		}
		dst = append(dst, mk(base, i, end, word, unicode.IsUpper(first)))
		i = j
	}
	return dst
}

// punctStr holds one-byte strings for ASCII punctuation, so that tokens need not allocate.
var punctStr = func() (t [128]string) {
	for i := range t {
		t[i] = string(rune(i))
	}
	return
}()

func mk(base, i, j int, low string, capital bool) tok {
	return tok{start: base + i, end: base + j, low: low, stem: stem(low), capital: capital, ment: -1}
}

func runeCount(s string) int { return utf8.RuneCountInString(s) }

// byteIndexOfRuneCount returns the byte offset in s after n runes.
func byteIndexOfRuneCount(s string, n int) int {
	i := 0
	for n > 0 && i < len(s) {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
		n--
	}
	return i
}

// asciiAlnum marks the ASCII letters and digits.
var asciiAlnum = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
