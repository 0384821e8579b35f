package text

// FoldRune maps typographic variants to one plain form for matching, so that patterns need not list
// every variant: curly and angled quotes become ' or ", dashes and minus signs become '-', and the
// various Unicode spaces become ' '. Every other rune is returned unchanged. It never changes the
// text itself: offsets stay those of Doc.Text.
func FoldRune(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC', '\u02BB', '\u0060', '\u00B4', '\u2039', '\u203A':
		return '\''
	case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB', '\u301D', '\u301E':
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D':
		return '-'
	case '\u00A0', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007',
		'\u2008', '\u2009', '\u200A', '\u202F', '\u205F', '\u3000':
		return ' '
	case '\u2026':
		return '.' // an ellipsis counts as a full stop
	}
	return r
}

// IsQuote reports whether r is a quotation mark of any style (after folding, ' or ").
func IsQuote(r rune) bool {
	f := FoldRune(r)
	return f == '"' || f == '\''
}

// IsOpenQuote reports whether r can only open a quotation (“ ‘ „ « ‹ ‚). Straight marks are ambiguous
// and report false.
func IsOpenQuote(r rune) bool {
	switch r {
	case '\u201C', '\u2018', '\u201E', '\u00AB', '\u2039', '\u201A', '\u201F', '\u201B':
		return true
	}
	return false
}

// IsCloseQuote reports whether r can only close a quotation (” ’ » ›). Straight marks are ambiguous and
// report false. Note that ’ is also the apostrophe.
func IsCloseQuote(r rune) bool {
	switch r {
	case '\u201D', '\u2019', '\u00BB', '\u203A':
		return true
	}
	return false
}
