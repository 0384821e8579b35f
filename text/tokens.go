package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/doc"
)

// Tokenize appends the tokens of s[start:end] to toks, with offsets into s, and returns the result.
//
// Words keep inner hyphens ("Co-operation") and apostrophes ("O'Brien"), but English clitics are split
// off as their own tokens, as the Penn Treebank does ("Putin" "’s", "do" "n't"). Dotted abbreviations
// of single letters are one token with their final dot ("U.S.", "p.m.", "D.C."). Numbers keep inner
// separators ("1,200", "3.5", "04:19"). Runs of the same punctuation mark are one token ("...").
func Tokenize(toks []doc.Token, s string, start, end int) []doc.Token {
	i := start
	for i < end {
		r, n := utf8.DecodeRuneInString(s[i:end])
		switch {
		case r == ' ' || r == '\n' || (r >= utf8.RuneSelf || r < ' ') && (unicode.IsSpace(r) || FoldRune(r) == ' ' || r == '\u200B' || r == '\uFEFF'):
			i += n
		case isAlnum(r):
			j, kind := scanWord(s, i, end)
			toks = appendWord(toks, s, i, j, kind)
			i = j
		default:
			j := i + n
			f := FoldRune(r)
			if f == '.' || f == '-' || f == '*' || f == '=' || f == '_' {
				for j < end {
					r2, n2 := utf8.DecodeRuneInString(s[j:end])
					if FoldRune(r2) != f {
						break
					}
					j += n2
				}
			}
			kind := doc.Punct
			if unicode.IsSymbol(r) || unicode.Is(unicode.So, r) || (!unicode.IsPunct(r) && r != utf8.RuneError) {
				kind = doc.Symbol
			}
			toks = append(toks, doc.Token{Span: doc.Span{Start: i, End: j}, Kind: kind})
			i = j
		}
	}
	return toks
}

func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// scanWord scans a word or number starting at i and returns its end and kind.
func scanWord(s string, i, end int) (int, doc.TokenKind) {
	start := i
	digitsOnly := true
	// Dotted single-letter abbreviation: X.Y. (U.S., p.m., D.C., U.S.A.)
	if j, ok := scanDotted(s, i, end); ok {
		return j, doc.Word
	}
	for i < end {
		r, n := utf8.DecodeRuneInString(s[i:end])
		if isAlnum(r) {
			if !unicode.IsDigit(r) {
				digitsOnly = false
			}
			i += n
			continue
		}
		// inner joiners: followed by an alphanumeric
		if i+n < end && i > start {
			r2, _ := utf8.DecodeRuneInString(s[i+n : end])
			prev, _ := utf8.DecodeLastRuneInString(s[start:i])
			f := FoldRune(r)
			switch {
			case (f == '.' || f == ',' || f == ':') && unicode.IsDigit(r2) && unicode.IsDigit(prev) && digitsOnly:
				i += n
				continue
			case (f == '-' && r != '\u2014' && r != '\u2013') && isAlnum(r2):
				i += n
				continue
			case f == '\'' && unicode.IsLetter(r2) && unicode.IsLetter(prev):
				i += n
				continue
			case r == '&' && unicode.IsUpper(r2) && unicode.IsUpper(prev) && i-start <= 2:
				i += n // AT&T
				continue
			}
		}
		break
	}
	if digitsOnly {
		return i, doc.Number
	}
	return i, doc.Word
}

// scanDotted recognises single letters each followed by a dot, at least two of them (U.S., p.m.).
func scanDotted(s string, i, end int) (int, bool) {
	count := 0
	j := i
	for j < end {
		r, n := utf8.DecodeRuneInString(s[j:end])
		if !unicode.IsLetter(r) || j+n >= end || s[j+n] != '.' {
			break
		}
		// the letter must be alone: the next rune after the dot is not a letter followed by a letter
		j += n + 1
		count++
		if j < end {
			r2, n2 := utf8.DecodeRuneInString(s[j:end])
			if unicode.IsLetter(r2) && j+n2 < end {
				r3, _ := utf8.DecodeRuneInString(s[j+n2 : end])
				if unicode.IsLetter(r3) {
					break
				}
			}
		}
	}
	if count >= 2 {
		return j, true
	}
	return i, false
}

// clitics are the English clitics split off a word, after a straight or a curly apostrophe.
var clitics = func() []string {
	var out []string
	for _, c := range []string{"s", "re", "ve", "ll", "d", "m"} {
		out = append(out, "'"+c, "\u2019"+c)
	}
	return out
}()

// appendWord appends the word s[i:j], splitting English clitics off.
func appendWord(toks []doc.Token, s string, i, j int, kind doc.TokenKind) []doc.Token {
	w := s[i:j]
	if kind != doc.Word || len(w) <= 2 || (strings.IndexByte(w, '\'') < 0 && !strings.Contains(w, "\u2019")) {
		return append(toks, doc.Token{Span: doc.Span{Start: i, End: j}, Kind: kind})
	}
	cut := -1
	switch {
	case len(w) > 3 && strings.HasSuffix(w, "n't"):
		cut = j - 3
	case len(w) > 5 && strings.HasSuffix(w, "n\u2019t"):
		cut = j - 5
	default:
		for _, suf := range clitics {
			if len(w) > len(suf) && equalFoldASCII(w[len(w)-len(suf):], suf) {
				cut = j - len(suf)
				break
			}
		}
	}
	if cut <= i {
		return append(toks, doc.Token{Span: doc.Span{Start: i, End: j}, Kind: kind})
	}
	toks = append(toks, doc.Token{Span: doc.Span{Start: i, End: cut}, Kind: doc.Word})
	return append(toks, doc.Token{Span: doc.Span{Start: cut, End: j}, Kind: doc.Word})
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
