package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token kinds of the timex scanner.
const (
	kWord  = 'w' // letters (and abbreviations with inner dots: a.m., U.S.)
	kNum   = 'n' // digits, possibly with inner - . / : , and a letter suffix (1990s, 28th)
	kPunct = 'p' // one punctuation or symbol rune
)

// token is one token of a sentence as the timex grammar sees it.
type token struct {
	s, e  int    // byte offsets into Doc.Text
	low   string // lower-cased text
	w     *word  // lexicon entry, or nil
	kind  byte
	cap   bool // first letter upper case
	digit int  // value of an all-digit token, else -1
	ndig  int  // number of digits of an all-digit token
}

// tokenize appends the tokens of text[start:end] to toks.
func (st *Stage) tokenize(toks []token, text string, start, end int) []token {
	i := start
	for i < end {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\n' || c == '\t' || c == '\r':
				i++
			case c >= '0' && c <= '9':
				j := i
				for j < end && isDigit(text[j]) {
					j++
				}
				pure := true
				for j+1 < end && strings.IndexByte("-./:,", text[j]) >= 0 && isDigit(text[j+1]) {
					pure = false
					j++
					for j < end && isDigit(text[j]) {
						j++
					}
				}
				dv, nd := -1, 0
				if pure {
					nd = j - i
					if nd <= 9 {
						dv = 0
						for k := i; k < j; k++ {
							dv = dv*10 + int(text[k]-'0')
						}
					}
				}
				// a letter suffix: 1990s, 28th, 10am
				k := j
				for k < end && k-j < 3 && isASCIILetter(text[k]) {
					k++
				}
				if k > j && (k == end || !isASCIILetter(text[k])) {
					suf := strings.ToLower(text[j:k])
					switch suf {
					case "s", "st", "nd", "rd", "th", "am", "pm", "h":
						j, dv, nd = k, -1, 0
					}
				}
				toks = append(toks, st.mk(text, i, j, kNum, dv, nd))
				i = j
			case isASCIILetter(c):
				j := i
				for j < end && isASCIILetter(text[j]) {
					j++
				}
				// abbreviations with inner dots: a.m., p.m., U.S.
				if j-i == 1 && j+2 < end && text[j] == '.' && isASCIILetter(text[j+1]) {
					k := j
					for k+1 < end && text[k] == '.' && isASCIILetter(text[k+1]) && (k+2 >= end || !isASCIILetter(text[k+2])) {
						k += 2
					}
					if k < end && text[k] == '.' {
						k++
					}
					j = k
				}
				if j < end && text[j] >= utf8.RuneSelf {
					// a word that goes on in non-ASCII letters
					for j < end {
						r, n := utf8.DecodeRuneInString(text[j:])
						if !unicode.IsLetter(r) && !(r < utf8.RuneSelf && isDigit(byte(r))) {
							break
						}
						j += n
					}
				}
				toks = append(toks, st.mk(text, i, j, kWord, -1, 0))
				i = j
			default:
				toks = append(toks, token{s: i, e: i + 1, low: text[i : i+1], kind: kPunct, digit: -1})
				i++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r):
			j := i + n
			for j < end {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r2) && !(r2 < utf8.RuneSelf && isDigit(byte(r2))) {
					break
				}
				j += n2
			}
			toks = append(toks, token{s: i, e: j, low: strings.ToLower(text[i:j]), kind: kWord, digit: -1, cap: unicode.IsUpper(r)})
			i = j
		default:
			low := text[i : i+n]
			switch r {
			case '\u2018', '\u2019', '\u02bc':
				low = "'"
			case '\u201c', '\u201d':
				low = "\""
			case '\u2013', '\u2014', '\u2012', '\u2010', '\u2011':
				low = "-"
			}
			toks = append(toks, token{s: i, e: i + n, low: low, kind: kPunct, digit: -1})
			i += n
		}
	}
	return toks
}

// mk builds an ASCII word or number token and looks it up.
func (st *Stage) mk(text string, i, j int, kind byte, dv, nd int) token {
	s := text[i:j]
	t := token{s: i, e: j, kind: kind, digit: dv, ndig: nd}
	if kind == kWord {
		t.cap = s[0] >= 'A' && s[0] <= 'Z'
		if hasUpper(s) {
			s = strings.ToLower(s)
		}
	} else if hasUpper(s) {
		s = strings.ToLower(s)
	}
	t.low = s
	if st.mayBeWord(s) {
		t.w = st.lex[s]
	}
	return t
}

func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// mayBeWord reports whether the lexicon may hold s, by its first byte, length and last byte, so
// that most words of a text skip the map lookup.
func (st *Stage) mayBeWord(s string) bool {
	n := len(s)
	if n >= len(st.shape[0]) {
		return st.long
	}
	if !st.shape[s[0]][n] {
		return false
	}
	l := s[n-1]
	return st.ends[s[0]][l>>6]&(1<<(l&63)) != 0
}
