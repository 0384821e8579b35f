// Package text is dyad's first stage: it splits a document into paragraphs, sentences and tokens,
// with byte offsets into Doc.Text, and folds typographic variants (curly quotes, dashes) for matching
// without changing the text.
//
// Sentence splitting is rule-based and tuned to news: abbreviations (Mr., Gen., Jan., Inc.), dotted
// acronyms (U.S., D.C., p.m.), initials (John F. Kennedy), decimals, closing quotes and brackets after
// a full stop, paragraph breaks (a blank line always ends a sentence, so headlines without a full stop
// are sentences of their own), and quote marks that open and never close (they do not matter here:
// quotation is the quotes stage's business).
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/doc"
)

// Segmenter is the text stage. It has no state; one value serves any number of goroutines.
type Segmenter struct{}

// New returns the text stage.
func New() *Segmenter { return &Segmenter{} }

// Name returns "text".
func (*Segmenter) Name() string { return "text" }

// Requires returns the text layer.
func (*Segmenter) Requires() []doc.Layer { return []doc.Layer{doc.LayerText} }

// Assigns returns the sentences layer (sentences, paragraphs and tokens).
func (*Segmenter) Assigns() []doc.Layer { return []doc.Layer{doc.LayerSentences} }

// Apply fills d.Paragraphs, d.Sentences and d.Tokens. It never fails.
func (s *Segmenter) Apply(d *doc.Doc) error {
	Segment(d)
	return nil
}

// Segment fills d.Paragraphs, d.Sentences and d.Tokens from d.Text, replacing what they held.
func Segment(d *doc.Doc) {
	t := d.Text
	d.Paragraphs = Paragraphs(t)
	d.Tokens = d.Tokens[:0]
	d.Sentences = d.Sentences[:0]
	for _, p := range d.Paragraphs {
		first := len(d.Tokens)
		d.Tokens = Tokenize(d.Tokens, t, p.Start, p.End)
		d.Sentences = appendSentences(d.Sentences, t, d.Tokens[first:])
	}
}

// Paragraphs returns the spans of the paragraphs of s: runs of text separated by one or more blank
// lines, without their outer whitespace.
func Paragraphs(s string) []doc.Span {
	var out []doc.Span
	start := -1 // start of current paragraph, -1 when between paragraphs
	lastNonSpace := 0
	lineBlank := true
	newlines := 0 // newlines seen since the last non-space rune
	for i, r := range s {
		if r > ' ' && r < utf8.RuneSelf { // the common case: a visible ASCII character
			if start >= 0 && newlines >= 2 && lineBlank {
				out = append(out, doc.Span{Start: start, End: lastNonSpace})
				start = -1
			}
			if start < 0 {
				start = i
			}
			newlines, lineBlank, lastNonSpace = 0, false, i+1
			continue
		}
		if r == '\n' || r == '\r' || r == '\u2029' {
			if r != '\r' || !strings.HasPrefix(s[i+1:], "\n") {
				newlines++
			}
			lineBlank = true
			continue
		}
		if unicode.IsSpace(r) || FoldRune(r) == ' ' || r == '\uFEFF' || r == '\u200B' {
			continue
		}
		if start >= 0 && newlines >= 2 && lineBlank {
			out = append(out, doc.Span{Start: start, End: lastNonSpace})
			start = -1
		}
		if start < 0 {
			start = i
		}
		newlines = 0
		lineBlank = false
		_, n := utf8.DecodeRuneInString(s[i:]) // the width as written: 1 for an invalid byte
		lastNonSpace = i + n
	}
	if start >= 0 {
		out = append(out, doc.Span{Start: start, End: lastNonSpace})
	}
	return out
}

// abbreviations that are never followed by a sentence end in news (titles, months, "No. 5").
var abbrevs = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Prof": true, "Gen": true, "Lt": true, "Col": true,
	"Maj": true, "Capt": true, "Cpt": true, "Sgt": true, "Cpl": true, "Pvt": true, "Adm": true, "Brig": true,
	"Cmdr": true, "Gov": true, "Sen": true, "Rep": true, "Reps": true, "Sens": true, "Rev": true, "Hon": true,
	"Pres": true, "Supt": true, "Insp": true, "Amb": true, "Atty": true, "Fr": true, "Sr": false, "Jr": false,
	"St": true, "Mt": true, "Ft": true, "Ave": true, "Blvd": true, "Rd": true, "Dept": true, "Gov't": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true, "Sep": true,
	"Sept": true, "Oct": true, "Nov": true, "Dec": true,
	"No": true, "Nos": true, "Vol": true, "vs": true, "v": true, "approx": true, "est": true, "ca": true,
	"Ala": true, "Ariz": true, "Ark": true, "Calif": true, "Colo": true, "Conn": true, "Del": true,
	"Fla": true, "Ga": true, "Ill": true, "Ind": true, "Kan": true, "Ky": true, "La": true, "Md": true,
	"Mass": true, "Mich": true, "Minn": true, "Miss": true, "Mo": true, "Mont": true, "Neb": true,
	"Nev": true, "Okla": true, "Ore": true, "Pa": true, "Tenn": true, "Tex": true, "Va": true, "Vt": true,
	"Wash": true, "Wis": true, "Wyo": true,
	"e.g": true, "i.e": true, "cf": true, "al": true, "Messrs": true,
}

// abbreviations that often end a sentence too ("... of Apple Inc. The company ...").
var finalAbbrevs = map[string]bool{
	"Inc": true, "Corp": true, "Co": true, "Ltd": true, "Bros": true, "etc": true, "Jr": true, "Sr": true,
	"Plc": true, "LLC": true,
}

// Words that start sentences, used to decide whether a dotted acronym or a final-capable
// abbreviation ends one ("... against the U.S. The ...").
var starters = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true, "They": true, "We": true,
	"I": true, "But": true, "And": true, "In": true, "On": true, "At": true, "This": true, "That": true,
	"These": true, "Those": true, "His": true, "Her": true, "Its": true, "Their": true, "Our": true,
	"There": true, "If": true, "When": true, "While": true, "After": true, "Before": true, "As": true,
	"However": true, "Meanwhile": true, "Officials": true, "Mr.": true, "Ms.": true, "Mrs.": true,
	"Some": true, "Many": true, "Most": true, "Last": true, "Earlier": true, "Later": true, "Still": true,
	"Yet": true, "So": true, "Since": true, "For": true, "According": true, "Under": true, "One": true,
	"Two": true, "Both": true, "Such": true, "What": true, "Why": true, "How": true, "Who": true,
}

// appendSentences splits the tokens of one paragraph into sentences.
func appendSentences(out []doc.Span, s string, toks []doc.Token) []doc.Span {
	if len(toks) == 0 {
		return out
	}
	start := toks[0].Start
	for i := 0; i < len(toks); i++ {
		end, next, ok := boundaryAt(s, toks, i)
		if !ok {
			continue
		}
		out = append(out, doc.Span{Start: start, End: toks[end].End})
		if next >= len(toks) {
			return out
		}
		start = toks[next].Start
		i = next - 1
	}
	return append(out, doc.Span{Start: start, End: toks[len(toks)-1].End})
}

// maxClosers bounds the run of closing marks after a sentence end.
const maxClosers = 8

// boundaryAt decides whether a sentence ends at token i. It returns the index of the last token of
// the sentence (after closing quotes and brackets) and of the first token of the next one.
func boundaryAt(s string, toks []doc.Token, i int) (last, next int, ok bool) {
	t := toks[i]
	w := s[t.Start:t.End]
	dotted := false // the token is a word ending in a dot (U.S.)
	switch {
	case t.Kind == doc.Punct:
		f := FoldRune(firstRune(w))
		if f != '.' && f != '!' && f != '?' {
			return 0, 0, false
		}
	case t.Kind == doc.Word && strings.HasSuffix(w, "."):
		dotted = true
	default:
		return 0, 0, false
	}
	// closing quotes and brackets that belong to this sentence (a few at most: a longer run of marks
	// is no sentence end, and the bound keeps splitting linear on hostile input such as "!?!?!?...")
	last = i
	for last+1 < len(toks) && last-i < maxClosers {
		n := toks[last+1]
		if n.Start != toks[last].End { // must touch
			break
		}
		nw := s[n.Start:n.End]
		r := firstRune(nw)
		if r == ')' || r == ']' || r == '}' || IsCloseQuote(r) || ((r == '"' || r == '\'') && closesHere(s, n.End)) {
			last++
			continue
		}
		// "?!" or ".)" runs
		if f := FoldRune(r); n.Kind == doc.Punct && (f == '!' || f == '?') {
			last++
			continue
		}
		break
	}
	next = last + 1
	if next >= len(toks) {
		return last, next, true
	}
	if toks[next].Start == toks[last].End {
		return 0, 0, false // "example.com", "3.5", no space after the stop
	}
	nextWord := startWord(s, toks, next)
	if !startsSentence(nextWord) {
		return 0, 0, false
	}
	if dotted {
		// U.S. / p.m. end a sentence only before a typical sentence start
		return last, next, starters[nextWord]
	}
	if FoldRune(firstRune(w)) == '.' && i > 0 && toks[i-1].End == t.Start && toks[i-1].Kind == doc.Word {
		prev := s[toks[i-1].Start:toks[i-1].End]
		if abbrevs[prev] {
			return 0, 0, false
		}
		if finalAbbrevs[prev] {
			return last, next, starters[nextWord]
		}
		// an initial: one capital letter ("John F. Kennedy"), unless a starter follows a long run
		if utf8.RuneCountInString(prev) == 1 && unicode.IsUpper(firstRune(prev)) {
			return 0, 0, false
		}
	}
	return last, next, true
}

// closesHere reports whether a straight quote ending at off closes a quotation: it is followed by
// white space, punctuation or the end of the text.
func closesHere(s string, off int) bool {
	if off >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[off:])
	return unicode.IsSpace(r) || unicode.IsPunct(r)
}

// startWord returns the first word of the sentence that would start at token i, skipping opening
// quotes and brackets.
func startWord(s string, toks []doc.Token, i int) string {
	for ; i < len(toks); i++ {
		w := s[toks[i].Start:toks[i].End]
		r := firstRune(w)
		if toks[i].Kind == doc.Punct && (r == '(' || r == '[' || IsQuote(r) || FoldRune(r) == '-') {
			continue
		}
		return w
	}
	return ""
}

// startsSentence reports whether a word can open a sentence: a capital letter or a digit.
func startsSentence(w string) bool {
	if w == "" {
		return false
	}
	r := firstRune(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.IsTitle(r) || (!unicode.IsLower(r) && unicode.IsLetter(r))
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
