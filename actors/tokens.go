package actors

import (
	"unicode"
	"unicode/utf8"
)

// tok is a word or punctuation token used for context rules.
type tok struct {
	start, end int
	word       bool // letters/digits
	cap        bool // starts with an upper-case letter
	hit        int  // index of the dictionary hit covering it, or -1
	sent       int  // sentence index
	first      bool // first word of its sentence
}

// tokenize splits s into word and punctuation tokens. Words keep inner hyphens and apostrophes
// followed by a letter ("al-Assad", "O'Brien") but not a possessive "'s"; dots always stand alone.
func tokenize(s string, toks []tok) []tok {
	toks = toks[:0]
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) {
			i += n
			continue
		}
		if !isWordRune(r) {
			toks = append(toks, tok{start: i, end: i + n, hit: -1})
			i += n
			continue
		}
		st := i
		i += n
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
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
						i += n
						continue
					}
				}
			}
			break
		}
		c, _ := utf8.DecodeRuneInString(s[st:])
		toks = append(toks, tok{start: st, end: i, word: true, cap: unicode.IsUpper(c), hit: -1})
	}
	return toks
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }
