// Package quotes finds quotations in a Doc: direct quotes in quote marks of every style (straight,
// curly, single, guillemets, German low quotes, TeX-style “...”), including quotes that span
// sentences and paragraphs and quotes interrupted by their attribution, and indirect (reported)
// speech introduced by a cue ("said that", "according to", "told reporters"). Each quote records its
// content span, kind (direct, indirect, mixed), cue, the speaker mention as written and the actor it
// resolves to, and the id of the pattern that found it.
//
// The cue lexicon is data (data/cues.txt, data/words.txt), embedded and extensible with user files.
package quotes

import (
	"dyad/wordset"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"dyad/doc"
)

// Options configures the quotes stage.
type Options struct {
	// Resolve maps a speaker mention (a byte span of Doc.Text) to the actor it refers to, or nil.
	// The actors stage provides one with coreference; when Resolve is nil the stage uses a simple
	// fallback (see FallbackResolve).
	Resolve func(d *doc.Doc, mention doc.Span) *doc.Actor
	// Extra lists further lexicon files or directories of *.txt files, read after the embedded
	// ones. Files whose name starts with "words" hold word classes (words.txt format); all others
	// hold cues (cues.txt format).
	Extra []string
	// NoIndirect turns off indirect (reported) speech: only direct quotes are found.
	NoIndirect bool
	// Standalone turns on direct quotes that have no cue of their own (a quoted sentence in a
	// paragraph of its own) and take the speaker of the last attributed quote within four
	// paragraphs. Off by default: on PolNeAR their speakers are mostly wrong.
	Standalone bool
}

// Stage is the quotes pipeline stage. Build it with New; it is safe for concurrent use.
type Stage struct {
	lex     *lexicon
	opts    Options
	resolve func(d *doc.Doc, mention doc.Span) *doc.Actor
	pool    sync.Pool
}

// New compiles the cue lexicon (embedded data plus Options.Extra) and returns the stage.
func New(opts Options) (*Stage, error) {
	lx := newLexicon()
	if err := loadEmbedded(lx); err != nil {
		return nil, err
	}
	for _, p := range opts.Extra {
		if err := lx.loadExtra(p); err != nil {
			return nil, fmt.Errorf("quotes: %w", err)
		}
	}
	st := &Stage{lex: lx, opts: opts, resolve: opts.Resolve}
	if st.resolve == nil {
		st.resolve = FallbackResolve
	}
	st.pool.New = func() any { return &work{} }
	return st, nil
}

// Name returns "quotes".
func (st *Stage) Name() string { return "quotes" }

// Requires lists the sentences and entities layers.
func (st *Stage) Requires() []doc.Layer {
	return []doc.Layer{doc.LayerSentences, doc.LayerEntities}
}

// Assigns lists the quotes layer.
func (st *Stage) Assigns() []doc.Layer { return []doc.Layer{doc.LayerQuotes} }

// Rule ids of the patterns, as recorded in Quote.Rule (followed by ";cue=" and the lexicon entry).
const (
	RuleDirectBefore     = "direct.before"       // X said: "..."
	RuleDirectAfter      = "direct.after"        // "...," X said / "...," said X
	RuleDirectMerged     = "direct.merged"       // "...," X said, "..." (one quote, two parts)
	RuleDirectStandalone = "direct.standalone"   // a quoted sentence with no cue, after a quote of the same speaker
	RuleDirectUnclosed   = "direct.unclosed"     // X said: "... (never closed; ends at the paragraph end)
	RuleIndirect         = "indirect.svo"        // X said (that) ...
	RuleIndirectFinal    = "indirect.final"      // ..., X said.
	RuleIndirectInverted = "indirect.inverted"   // ..., said X.
	RuleIndirectSplit    = "indirect.split"      // ..., X said, ...
	RuleAccording        = "indirect.according"  // according to X, ...; ..., according to X; as X reported
	RuleColon            = "indirect.colon"      // NAME: ...
	RuleEvidential       = "indirect.evidential" // ... seems to ...; ... is expected to ... (no speaker)
	RuleNoun             = "indirect.noun"       // Jane's claim that ...; her criticism of ...
	RuleSurvey           = "indirect.survey"     // ... in a new poll; In a poll released Sunday, ...
)

// work is the per-document scratch space.
type work struct {
	toks []tok
	used []bool
	in   []bool
}

// pair is a matched quotation: opener and closer token indexes.
type pair struct {
	o, c     int
	unclosed bool // c is the last token before the paragraph end or the next opener; no closing mark
	single   bool
}

// attr is an attribution: cue tokens and speaker tokens.
type attr struct {
	cue        int // first cue token
	cueN       int // cue tokens
	spkS, spkE int // speaker token range [spkS, spkE)
	end        int // last token of the attribution (inclusive)
	ph         *phrase
}

// Apply finds the quotes of d and sets d.Quotes.
func (st *Stage) Apply(d *doc.Doc) error {
	w := st.pool.Get().(*work)
	defer st.pool.Put(w)
	w.toks = st.tokenize(d.Text, w.toks)
	toks := w.toks
	st.annotate(d, toks)
	if cap(w.used) < len(toks) {
		w.used = make([]bool, len(toks))
		w.in = make([]bool, len(toks))
	}
	w.used = w.used[:len(toks)]
	w.in = w.in[:len(toks)]
	clear(w.used)
	clear(w.in)
	a := &applier{st: st, d: d, toks: toks, used: w.used, in: w.in}
	a.direct()
	if !st.opts.NoIndirect {
		a.indirect()
	}
	a.finish()
	return nil
}

// applier holds the state of one Apply call.
type applier struct {
	st     *Stage
	d      *doc.Doc
	toks   []tok
	used   []bool // cue tokens already used by an attribution
	in     []bool // tokens inside a direct quote
	quotes []doc.Quote
	pairs  []pair // all closed quote pairs (for mixed detection)
	nested []pair // pairs nested in other quotes
	last   attr   // the attribution of the last attributed direct quote
	lastOK bool
}

// annotate fills sentence, paragraph, word-class and cue fields of the tokens.
func (st *Stage) annotate(d *doc.Doc, toks []tok) {
	var kb keyBuf
	para := int32(0)
	si := 0
	sents := d.Sentences
	// first pass: sentence and paragraph indexes, and which sentences are title case (headlines)
	title := st.titleCase(d, toks)
	for i := range toks {
		t := &toks[i]
		if t.kind == tBreak {
			para++
			t.pn = para
			continue
		}
		t.pn = para
		// sentence index: merge walk over d.Sentences
		if len(sents) > 0 {
			for si < len(sents)-1 && int(t.s) >= sents[si].End {
				si++
			}
			t.sn = int32(si)
		} else {
			t.sn = para
		}
		if t.kind != tWord {
			continue
		}
		k := kb.key(d.Text[t.s:t.e])
		if !wordset.MayHold(&st.lex.filter, k) {
			continue
		}
		e := st.lex.m[string(k)]
		if e == nil {
			continue
		}
		t.wf = e.flags
		if t.cap && i > 0 && !sentenceInitial(toks, i) && !title[t.sn] {
			continue // a capitalised cue word inside a sentence is a name or a title ("State", "Claim")
		}
		for _, p := range e.phrases {
			if matchPhrase(d.Text, toks, i, p, &kb) {
				t.cue = p
				break
			}
		}
	}
}

func matchPhrase(text string, toks []tok, i int, p *phrase, kb *keyBuf) bool {
	if len(p.words) == 1 {
		return true
	}
	if i+len(p.words) > len(toks) {
		return false
	}
	for k := 1; k < len(p.words); k++ {
		t := toks[i+k]
		if t.kind != tWord || string(kb.key(text[t.s:t.e])) != p.words[k] {
			return false
		}
	}
	return true
}

// ---------------------------------------------------------------------------------------------
// helpers on tokens

func (a *applier) text(i int) string { return a.d.Text[a.toks[i].s:a.toks[i].e] }

func (a *applier) isPunct(i int, rs string) bool {
	if i < 0 || i >= len(a.toks) || a.toks[i].kind != tPunct {
		return false
	}
	return strings.ContainsRune(rs, a.toks[i].r)
}

// isEnd reports whether token i ends a sentence (. ! ?) or is a break.
func (a *applier) isEnd(i int) bool {
	if i < 0 || i >= len(a.toks) {
		return true
	}
	t := a.toks[i]
	return t.kind == tBreak || t.kind == tPunct && (t.r == '.' || t.r == '!' || t.r == '?' || t.r == '\u2026')
}

func (a *applier) isWord(i int) bool {
	return i >= 0 && i < len(a.toks) && a.toks[i].kind == tWord
}

func (a *applier) lower(i int) string { return lowerASCII(a.text(i)) }

// prevChar returns the rune before byte offset off, or -1.
func prevChar(s string, off int) rune {
	if off <= 0 {
		return -1
	}
	r, _ := utf8.DecodeLastRuneInString(s[:off])
	return r
}

func nextChar(s string, off int) rune {
	if off >= len(s) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(s[off:])
	return r
}

func openContext(r rune) bool {
	return r == -1 || unicode.IsSpace(r) || strings.ContainsRune("([{-\u2014\u2013:,;/\u201C\u2018\u00AB", r)
}

func closeContext(r rune) bool {
	return r == -1 || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// looksOpen and looksClose judge an ambiguous quote mark by its neighbours.
func (a *applier) looksOpen(i int) bool {
	t := a.toks[i]
	p, n := prevChar(a.d.Text, int(t.s)), nextChar(a.d.Text, int(t.e))
	return openContext(p) && n != -1 && !unicode.IsSpace(n)
}

func (a *applier) looksClose(i int) bool {
	t := a.toks[i]
	p, n := prevChar(a.d.Text, int(t.s)), nextChar(a.d.Text, int(t.e))
	return p != -1 && !unicode.IsSpace(p) && closeContext(n)
}

// firstLetterUpper reports whether the first letter after byte offset off (within limit bytes) is upper case.
func firstLetterUpper(s string, off, limit int) bool {
	end := min(len(s), off+limit)
	for _, r := range s[off:end] {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------------------------------------
// quote marks

// pairs matches the quotation marks of the text, paragraph by paragraph. Double marks nest single
// ones; a double quote left open at the end of a paragraph continues when the next paragraph opens
// with a double mark (the multi-paragraph convention) and is otherwise reported unclosed.
func (a *applier) findPairs() (pairs []pair, orphans []pair) {
	toks := a.toks
	open, chain, sopen, nest := -1, -1, -1, -1
	var inner []pair // pairs nested in the open quote
	// unclosed ends the open quote at token last: it becomes an orphan that stops before its first
	// nested quote, and the nested quotes stand on their own.
	unclosed := func(last int) {
		c := last
		if len(inner) > 0 {
			c = inner[0].o - 1
		} else if nest >= 0 {
			c = nest - 1
		}
		orphans = append(orphans, pair{o: open, c: c, unclosed: true})
		pairs = append(pairs, inner...)
		inner, nest = inner[:0], -1
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind == tBreak {
			sopen = -1
			if open >= 0 {
				nx := i + 1
				if t.blank && nest < 0 && nx < len(toks) && toks[nx].kind == tQuote && toks[nx].fam == famDouble &&
					(toks[nx].role == roleOpen || toks[nx].role == roleAmbig && a.looksOpen(nx)) {
					if chain < 0 {
						chain = open
					}
					a.nested = append(a.nested, inner...)
					inner = inner[:0]
				} else {
					unclosed(i - 1)
					chain = -1
				}
				open = -1
			} else {
				chain = -1
			}
			continue
		}
		if t.kind != tQuote {
			continue
		}
		if t.fam == famDouble {
			sopen = -1
			if open < 0 {
				// a closing mark where only an opening one can stand ("\n\n” ...") opens
				if t.role == roleOpen || t.role != roleOpen && (a.looksOpen(i) && (t.role == roleAmbig || !a.looksClose(i)) || t.role == roleAmbig && !a.looksClose(i)) ||
					(i == 0 || toks[i-1].kind == tBreak) && t.role == roleClose && t.fam == famDouble {
					open = i
				}
				continue
			}
			om := toks[open].mark
			if nest >= 0 {
				om = toks[nest].mark
			}
			closes := false
			switch t.role {
			case roleClose:
				closes = true
			case roleOpen:
				// „...“ closes with “; a “ inside a “ opens a nested quote, unless it stands where only a
				// closing mark can ("...,“ said Jane": a typo for ”)
				closes = om == '\u201E' && t.mark == '\u201C' || a.looksClose(i) && !a.looksOpen(i)
			case roleAmbig:
				closes = a.looksClose(i) || !a.looksOpen(i)
			}
			switch {
			case closes && nest >= 0:
				inner = append(inner, pair{o: nest, c: i})
				nest = -1
			case closes:
				o := open
				if chain >= 0 {
					o = chain
				}
				pairs = append(pairs, pair{o: o, c: i})
				a.nested = append(a.nested, inner...)
				inner = inner[:0]
				open, chain = -1, -1
			default:
				nest = i
			}
			continue
		}
		// single marks, only outside double quotes
		if open >= 0 {
			continue
		}
		p, n := prevChar(a.d.Text, int(t.s)), nextChar(a.d.Text, int(t.e))
		canOpen := (t.role == roleOpen || t.role == roleAmbig) && openContext(p) && n != -1 && unicode.IsLetter(n)
		if canOpen && i+1 < len(toks) && toks[i+1].kind == tWord && toks[i+1].s == t.e && toks[i+1].wf&wElision != 0 {
			canOpen = false
		}
		canClose := (t.role == roleClose || t.role == roleAmbig) && p != -1 && !unicode.IsSpace(p) && !unicode.IsLetter(n) && !unicode.IsDigit(n)
		if sopen >= 0 && canClose && int(t.s)-int(toks[sopen].e) < 400 {
			// a possessive plural (the states' rights) is no closer: s' followed by a lower-case word
			if !(p == 's' && n == ' ' && i+1 < len(toks) && toks[i+1].kind == tWord && !toks[i+1].cap && i-sopen > 12) {
				pairs = append(pairs, pair{o: sopen, c: i, single: true})
				sopen = -1
				continue
			}
		}
		if canOpen && (t.role == roleOpen || sopen < 0) {
			sopen = i
		}
	}
	if open >= 0 {
		unclosed(len(toks) - 1)
	}
	return pairs, orphans
}

// sentenceInitial reports whether token i is the first word of its sentence (after quote marks
// and brackets).
func sentenceInitial(toks []tok, i int) bool {
	for k := i - 1; k >= 0; k-- {
		t := toks[k]
		if t.kind == tBreak || t.sn != toks[i].sn {
			return true
		}
		if t.kind == tWord {
			return false
		}
		if t.kind == tPunct && (t.r == '.' || t.r == '!' || t.r == '?' || t.r == ':') {
			return true
		}
	}
	return true
}

// titleCase reports, for each sentence index, whether most of its longer words are capitalised
// (a headline: "Hollande Says Trump Makes Him Sick"), so that capitalised cues count there.
func (st *Stage) titleCase(d *doc.Doc, toks []tok) map[int32]bool {
	var out map[int32]bool
	si := 0
	var caps, words int
	cur := int32(-1)
	flush := func() {
		if words >= 3 && caps*4 >= words*3 {
			if out == nil {
				out = map[int32]bool{}
			}
			out[cur] = true
		}
		caps, words = 0, 0
	}
	for i := range toks {
		t := &toks[i]
		if t.kind == tBreak {
			continue
		}
		sn := t.pn
		if len(d.Sentences) > 0 {
			for si < len(d.Sentences)-1 && int(t.s) >= d.Sentences[si].End {
				si++
			}
			sn = int32(si)
		}
		if sn != cur {
			flush()
			cur = sn
		}
		if t.kind == tWord && t.e-t.s > 3 {
			words++
			if t.cap {
				caps++
			}
		}
	}
	flush()
	return out
}
