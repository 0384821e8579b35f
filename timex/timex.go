// Package timex finds temporal expressions (dates, times, durations, frequencies) in a Doc and
// normalises them the TIMEX3 way (TimeML, as in TempEval-3): "On Wednesday" in a story published on
// Saturday 2022-05-28 is DATE 2022-05-25, "in December" is 2021-12, "the past three days" is DURATION
// P3D, "every Sunday" is SET XXXX-WXX-7, "now" is PRESENT_REF. Relative expressions are resolved
// against Doc.Published; without it they stay underspecified (XXXX-WXX-3).
//
// The recogniser is a hand-written scanner over its own tokens with a word list in data/words.txt;
// every Timex records the pattern and the anchoring rule that produced it (Timex.Rule). EventDate
// gives an event the date of the expression that governs its clause.
package timex

import (
	_ "embed"
	"fmt"
	"sync"

	"dyad/doc"
)

//go:embed data/words.txt
var wordsTxt string

// Options configure a Stage.
type Options struct {
	// Lexicons lists extra word-list files or directories (every *.txt inside), in the format of
	// data/words.txt (word|class|value), read after the embedded list.
	Lexicons []string
}

// Stage is the timex pipeline stage. It is safe for concurrent use.
type Stage struct {
	lex   lexicon
	shape [256][16]bool  // first byte and length of every lexicon word
	long  bool           // the lexicon has words of 16 bytes or more
	ends  [256][4]uint64 // first byte -> last bytes of the lexicon words
	bufs  sync.Pool      // *buffers reused across calls
}

// buffers are the scratch slices of one Find call.
type buffers struct {
	toks []token
	hits []hit
}

// New returns a Stage with the embedded word list.
func New() (*Stage, error) { return NewWithOptions(Options{}) }

// NewWithOptions returns a Stage with the embedded word list and the extra lists of o.
func NewWithOptions(o Options) (*Stage, error) {
	lx := lexicon{}
	if err := lx.load("timex/data/words.txt", wordsTxt); err != nil {
		return nil, err
	}
	if err := lx.loadPaths(o.Lexicons); err != nil {
		return nil, fmt.Errorf("timex: %w", err)
	}
	st := &Stage{lex: lx}
	for w := range lx {
		if w != "" {
			l := w[len(w)-1]
			st.ends[w[0]][l>>6] |= 1 << (l & 63)
		}
		if len(w) >= len(st.shape[0]) {
			st.long = true
			continue
		}
		st.shape[w[0]][len(w)] = true
	}
	return st, nil
}

// Name returns "timex".
func (*Stage) Name() string { return "timex" }

// Requires lists the sentences layer.
func (*Stage) Requires() []doc.Layer { return []doc.Layer{doc.LayerSentences} }

// Assigns lists the timexes layer.
func (*Stage) Assigns() []doc.Layer { return []doc.Layer{doc.LayerTimexes} }

// Apply fills d.Timexes, resolving relative expressions against d.Published. A document without
// sentences is read as one sentence.
func (st *Stage) Apply(d *doc.Doc) error {
	d.Timexes = st.Find(d.Text, d.Sentences, d.Published, d.Timexes[:0])
	return nil
}

// Find appends to out the expressions of text, sentence by sentence (nil sentences: the whole
// text), resolved against published (ISO 8601, may be empty).
func (st *Stage) Find(text string, sentences []doc.Span, published string, out []doc.Timex) []doc.Timex {
	m := matcher{a: newAnchor(published)}
	b, _ := st.bufs.Get().(*buffers)
	if b == nil {
		b = &buffers{toks: make([]token, 0, 256), hits: make([]hit, 0, 16)}
	}
	toks, hits := b.toks, b.hits
	defer func() {
		b.toks, b.hits = toks[:0], hits[:0]
		st.bufs.Put(b)
	}()
	one := [1]doc.Span{{Start: 0, End: len(text)}}
	if len(sentences) == 0 {
		sentences = one[:]
	}
	for _, s := range sentences {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			continue
		}
		toks = st.tokenize(toks[:0], text, s.Start, s.End)
		m.toks = toks
		hits = m.scan(hits[:0])
		for _, h := range hits {
			sp := doc.Span{Start: toks[h.i].s, End: toks[h.j-1].e}
			out = append(out, doc.Timex{Span: sp, Text: text[sp.Start:sp.End], Type: h.typ, Value: h.val, Rule: h.rule})
		}
	}
	return out
}
