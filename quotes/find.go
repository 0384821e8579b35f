package quotes

import (
	"slices"
	"strings"

	"dyad/doc"
)

// direct finds the direct quotes.
func (a *applier) direct() {
	pairs, orphans := a.findPairs()
	a.pairs = pairs
	all := append(append([]pair(nil), pairs...), orphans...)
	slices.SortFunc(all, func(x, y pair) int { return x.o - y.o })
	cur := -1 // index in a.quotes of the quote that later quoted sentences of its paragraph join
	for i := 0; i < len(all); i++ {
		p := all[i]
		pn := a.toks[p.o].pn
		if cur >= 0 && a.paraOf(a.quotes[cur].End-1) != pn && !a.nextParaQuote(cur, p) {
			cur = -1
		}
		at, id, ok := attr{}, "", false
		if bt, okb := a.beforeAttr(p.o); okb {
			at, id, ok = bt, RuleDirectBefore, true
		} else if !p.unclosed {
			if af, oka := a.afterAttr(p.c); oka && (a.sentenceStart(p.o) || a.isPunct(p.o-1, ",") || firstLetterUpper(a.d.Text, int(a.toks[p.o].e), 8)) && !a.titleLike(p.o) {
				at, id, ok = af, RuleDirectAfter, true
			} else if oka {
				cur = -1 // a fragment with its own attribution: later quoted sentences do not join the earlier quote
			}
		}
		if ok {
			if p.single && !firstLetterUpper(a.d.Text, int(a.toks[p.o].e), 8) {
				continue
			}
			if a.titleQuote(p) {
				continue // a show or a book: told "Fox and Friends," / the movie "Bridge of Spies,"
			}
			pieces := []pair{p}
			// "...," Jane said, "...": the next quote, right after the attribution, is the same quote
			if id == RuleDirectAfter && i+1 < len(all) && all[i+1].single == p.single && a.gapIsAttribution(p.c, all[i+1].o, at,
				!firstLetterUpper(a.d.Text, int(a.toks[all[i+1].o].e), 8) && a.words(all[i+1], 3) >= 3) {
				if _, own := a.afterAttr(all[i+1].c); !own || all[i+1].unclosed {
					pieces = append(pieces, all[i+1])
					id = RuleDirectMerged
					i++
				}
			}
			if p.unclosed {
				id = RuleDirectUnclosed
			}
			q := a.newQuote(pieces, doc.Direct, rule(id, at.ph), &at)
			a.quotes = append(a.quotes, q)
			cur = len(a.quotes) - 1
			a.mark(pieces)
			for k := at.cue; k < at.cue+at.cueN; k++ {
				a.used[k] = true
			}
			a.last, a.lastOK = at, true
			continue
		}
		if p.single || !a.quotedSentence(p) {
			continue
		}
		if cur >= 0 && a.standalone(p) {
			// a quoted sentence after an attributed quote of its paragraph continues that quote
			q := &a.quotes[cur]
			if q.Parts == nil {
				q.Parts = doc.Spans{q.Span}
			}
			q.Parts = append(q.Parts, doc.Span{Start: int(a.toks[p.o].s), End: int(a.toks[p.c].e)})
			q.End = int(a.toks[p.c].e)
			a.mark([]pair{p})
			continue
		}
		if p.unclosed || !a.st.opts.Standalone || !a.standalone(p) {
			continue
		}
		q := a.newQuote([]pair{p}, doc.Direct, RuleDirectStandalone, nil)
		if a.lastOK && pn-a.toks[a.last.spkS].pn <= 4 {
			q.Cue = a.cueMention(a.last)
			q.Speaker = a.speaker(a.last.spkS, a.last.spkE)
		}
		a.quotes = append(a.quotes, q)
		cur = len(a.quotes) - 1
		a.mark([]pair{p})
	}
}

// paraOf returns the paragraph index of the token that contains byte offset off.
func (a *applier) paraOf(off int) int32 {
	i, _ := slices.BinarySearchFunc(a.toks, off, func(t tok, off int) int {
		switch {
		case int(t.e) <= off:
			return -1
		case int(t.s) > off:
			return 1
		}
		return 0
	})
	if i >= len(a.toks) {
		return -1
	}
	return a.toks[i].pn
}

// sentenceStart reports whether token o starts a sentence.
func (a *applier) sentenceStart(o int) bool {
	return o == 0 || a.toks[o-1].kind == tBreak || a.isEnd(o-1) || a.toks[o-1].kind == tQuote ||
		a.isPunct(o-1, ":\u2014")
}

// quotedSentence reports whether a pair is a quoted sentence: it starts a sentence, starts upper
// case and has at least three words.
func (a *applier) quotedSentence(p pair) bool {
	if !a.sentenceStart(p.o) || !firstLetterUpper(a.d.Text, int(a.toks[p.o].e), 8) {
		return false
	}
	words := 0
	for k := p.o + 1; k < p.c && words < 3; k++ {
		if a.toks[k].kind == tWord {
			words++
		}
	}
	return words >= 3
}

// gapIsAttribution reports whether the tokens between closer c and opener o hold only the
// attribution at (speaker, cue, punctuation and at most four other words).
func (a *applier) gapIsAttribution(c, o int, at attr, lowerNext bool) bool {
	if o <= c || a.toks[o].pn != a.toks[c].pn || o-c > 30 {
		return false
	}
	maxExtra := 4
	if lowerNext && a.isPunct(c-1, ",") {
		// the next piece goes on with the sentence ("...," Jane said, looking up, "and ...")
		maxExtra = 12
	}
	extra := 0
	for k := c + 1; k < o; k++ {
		t := a.toks[k]
		switch {
		case k >= at.spkS && k < at.spkE, k >= at.cue && k < at.cue+at.cueN:
		case t.kind == tQuote || t.kind == tBreak:
			return false
		case t.kind == tPunct:
			if !a.isPunct(k, ",.:;\u2014\u2013-") {
				return false
			}
		default:
			if t.cue != nil && !(lowerNext && t.cue.ing) {
				return false
			}
			extra++
		}
	}
	return extra <= maxExtra
}

// standalone reports whether an unattributed quoted sentence stands as a quote of its own: it also
// ends its sentence.
func (a *applier) standalone(p pair) bool {
	c := p.c
	return c+1 >= len(a.toks) || a.toks[c+1].kind == tBreak || a.isEnd(c+1) || a.isEnd(c-1)
}

func (a *applier) mark(pieces []pair) {
	for k := pieces[0].o; k <= pieces[len(pieces)-1].c; k++ {
		a.in[k] = true
	}
}

// newQuote builds a direct quote from its pieces (each from its opening to its closing mark).
func (a *applier) newQuote(pieces []pair, kind, id string, at *attr) doc.Quote {
	q := doc.Quote{Kind: kind, Rule: id}
	for _, p := range pieces {
		sp := doc.Span{Start: int(a.toks[p.o].s), End: int(a.toks[p.c].e)}
		q.Parts = append(q.Parts, sp)
	}
	q.Span = doc.Span{Start: q.Parts[0].Start, End: q.Parts[len(q.Parts)-1].End}
	if len(q.Parts) == 1 {
		q.Parts = nil
	}
	if at != nil {
		q.Cue = a.cueMention(*at)
		q.Speaker = a.speaker(at.spkS, at.spkE)
	}
	return q
}

// sentBounds returns the token range [s, e) of the sentence of token i, within its paragraph.
func (a *applier) sentBounds(i int) (int, int) {
	t := a.toks[i]
	s, e := i, i+1
	for s > 0 && a.toks[s-1].kind != tBreak && a.toks[s-1].sn == t.sn {
		s--
	}
	for e < len(a.toks) && a.toks[e].kind != tBreak && a.toks[e].sn == t.sn {
		e++
	}
	return s, e
}

// trimEnd returns the end (exclusive) of content [cs, ce) without trailing punctuation.
func (a *applier) trimEnd(cs, ce int) int {
	for ce > cs {
		t := a.toks[ce-1]
		if t.kind == tBreak || t.kind == tPunct && (t.r == '.' || t.r == ',' || t.r == ';' || t.r == ':' || t.r == '-' || t.r == '\u2014') {
			ce--
			continue
		}
		break
	}
	return ce
}

// skipHearer skips the hearer of a tell-verb: "told reporters (on Monday) that" -> "that".
func (a *applier) skipHearer(cs, se int) int {
	for k := cs; k < se && k < cs+7; k++ {
		if a.isWord(k) && a.lower(k) == "that" {
			return k
		}
		if !a.isWord(k) {
			break
		}
	}
	if cs >= se || !a.isWord(cs) {
		return cs
	}
	w := a.lower(cs)
	switch {
	case hearers[w]:
		return cs + 1
	case a.toks[cs].cap || determiners[w]:
		k := cs + 1
		for k < se && k < cs+5 && a.isWord(k) && (a.toks[k].cap || determiners[w] && k == cs+1) {
			k++
		}
		return k
	}
	return cs
}

// indirect finds reported speech: a cue with a speaker and the clause it reports.
func (a *applier) indirect() {
	for i := range a.toks {
		t := a.toks[i]
		if a.in[i] {
			continue
		}
		if t.kind == tPunct && t.r == ':' {
			a.colon(i)
			continue
		}
		if t.kind == tWord && t.e-t.s == 2 && (a.d.Text[t.s] == 'i' || a.d.Text[t.s] == 'I') && a.d.Text[t.s+1] == 'n' {
			a.inSurvey(i)
			continue
		}
		if t.cue == nil || a.used[i] {
			continue
		}
		p := t.cue
		if p.class == ClassDirect || p.class == ClassFixed || p.class == ClassEvidential && !a.evidentialAt(i, len(p.words)) {
			continue
		}
		ss, se := a.sentBounds(i)
		n := len(p.words)
		if p.class == ClassSource {
			a.according(i, n, ss, se)
			continue
		}
		if a.insideReported(int(t.s)) {
			continue // "X said [Y and even supports Z]": a cue inside reported content belongs to it
		}
		if p.class == ClassNoun {
			a.noun(i, n, ss, se)
			continue
		}
		if p.class == ClassEvidential {
			// "The plan seems to be working.": the whole sentence, no speaker
			cs := ss
			for cs < se && a.toks[cs].kind == tQuote {
				cs++
			}
			if ce := a.trimEnd(cs, a.clauseLimit(cs, se, false)); ce-cs >= 3 && i < ce && !a.in[cs] {
				a.emit([][2]int{{cs, ce}}, attr{cue: i, cueN: n, ph: p}, RuleEvidential)
			}
			continue
		}
		if !a.verbish(i, n) {
			continue
		}
		if (p.lemma == "ask" || p.lemma == "ask about") && !p.ing && a.askedQuestion(i, n, ss, se) {
			continue
		}

		// inverted, sentence-final: "..., said Jane Doe." / "...," said Jane Doe, a professor.
		if comma := a.commaBefore(i); comma > ss && !p.ing && p.class != ClassThink && p.class != ClassStance {
			if s, e, ok := a.speakerRight(i+n, se); ok && (a.named(s, e) || e-s <= 3 || a.hasOf(s, e)) && (e >= se || a.isEnd(e) || a.isPunct(e, ",") || a.isWord(e) && a.toks[e].wf&wPronoun != 0 ||
				a.isWord(e) && a.toks[e].wf&wTime != 0 && a.trimEnd(e, se)-e <= 4) {
				at := attr{cue: i, cueN: n, ph: p, spkS: s, spkE: e}
				a.emit([][2]int{{ss, comma}}, at, RuleIndirectInverted)
				continue
			}
		}
		if a.isWord(i+n) && a.lower(i+n) == "by" && !p.ing {
			continue // "exit polls reported by CNN", "a party called X by": a passive participle
		}
		s, e, ok := a.speakerLeft(i, ss)
		if !ok && p.ing && i > ss && (a.isPunct(i-1, ",") || a.isWord(i-1) && ingPreps[a.lower(i-1)]) {
			s, e, ok = a.earlierSpeaker(ss, i-1)
		}
		if !ok && !p.ing && i > ss+2 && a.isPunct(i-1, ",") && p.class != ClassStance {
			// Jane Doe, a long description of her that the appositive rule cannot span, said ...
			if s2, e2, ok2 := a.subject(ss, i-1); ok2 && s2 == ss && a.toks[ss].cap {
				s, e, ok = s2, e2, true
			}
		}
		at := attr{cue: i, cueN: n, ph: p}
		if ok {
			at.spkS, at.spkE = s, e
			cs := i + n
			if p.class == ClassTell {
				cs = a.skipHearer(cs, se)
			}
			cs = a.skipAdjunct(cs, se)
			split := false
			for cs < se && a.isPunct(cs, ",:") {
				split = a.isPunct(cs, ",")
				cs++
			}
			lim := se
			if a.subordinate(ss) {
				// When Jane said X, ...: the content ends with the subordinate clause
				lim = a.clauseLimit(cs, se, true)
			}
			ce := a.trimEnd(cs, a.clauseLimit(cs, lim, p.class == ClassStance))
			if ce > cs && ce-cs <= 6 && a.isWord(cs) && a.toks[cs].wf&wTime != 0 && !a.hasClause(cs, ce) {
				ce = cs // "..., EgyptAir said on Thursday.", "... the senator said in a statement."
			}
			if ce > cs && a.commaBefore(s) > ss && (p.class == ClassSpeech || p.class == ClassTell || p.class == ClassWrite) && a.adjunctOnly(cs, ce, p.class == ClassTell) {
				ce = cs // "..., the senator said during a rally in Ohio.", "..., officials told the Post."
			}
			if p.class == ClassStance {
				if ce > cs && a.isWord(cs) {
					a.emit([][2]int{{cs, ce}}, at, RuleIndirect)
				}
				continue
			}
			if ce-cs == 1 && a.isWord(cs) && p.class != ClassThink && !a.isWord(ce) && (a.lower(cs) == "yes" || a.lower(cs) == "no" || a.lower(cs) == "so") {
				a.emit([][2]int{{cs, ce}}, at, RuleIndirect) // "most voters said yes", "half said so"
				continue
			}
			if ce-cs >= 2 && (a.isWord(cs) || a.toks[cs].kind == tQuote) && a.lower(cs) != "so" {
				if p.class == ClassThink && ce-cs < 3 {
					continue
				}
				if split && s > ss+1 && a.isPunct(s-1, ",") && !a.in[ss] && !a.subordinate(ss) {
					a.emit([][2]int{{ss, s - 1}, {cs, ce}}, at, RuleIndirectSplit)
				} else {
					a.emit([][2]int{{cs, ce}}, at, RuleIndirect)
				}
				continue
			}
			if ce <= cs && p.class != ClassThink {
				// "..., Algerian foreign ministry spokesman Jane Doe said": a long title may reach
				// back past the speaker phrase to the comma
				k := s
				for k-1 > ss && s-k < 4 && a.isWord(k-1) && a.toks[k-1].wf&(wStop|wPronoun|wSkip) == 0 && a.toks[k-1].cue == nil {
					k--
				}
				if a.commaBefore(s) < 0 && a.commaBefore(k) > ss {
					s = k
					at.spkS = s
				}
				if comma := a.commaBefore(s); comma > ss {
					a.emit([][2]int{{ss, comma}}, at, RuleIndirectFinal)
				}
			}
			continue
		}
		// "it was reported that ...": reported speech without a speaker
		if cs := a.skipAdjunct(i+n, se); p.class != ClassStance && cs < se && a.isWord(cs) && a.lower(cs) == "that" && !(a.isWord(i-1) && a.lower(i-1) == "be") {
			if ce := a.trimEnd(cs, a.clauseLimit(cs, se, false)); ce-cs >= 3 {
				a.emit([][2]int{{cs, ce}}, at, RuleIndirect)
			}
			continue
		}
		// "..., saying ...": reported speech even when its speaker is not found
		if p.ing && i > ss+1 && a.isPunct(i-1, ",") {
			cs := i + n
			ce := a.trimEnd(cs, a.clauseLimit(cs, se, false))
			if ce-cs >= 2 && a.isWord(cs) {
				a.emit([][2]int{{cs, ce}}, at, RuleIndirect)
			}
		}
	}
}

// according handles "according to X, ..." and "..., according to X."
func (a *applier) according(i, n, ss, se int) {
	s, e, ok := a.speakerRight(i+n, se)
	if !ok && a.isWord(i+n) && a.toks[i+n].wf&(wStop|wPronoun|wSkip) == 0 {
		// according to local officials
		s, e, ok = i+n, i+n+1, true
		for e < se && e < s+6 && a.isWord(e) && a.toks[e].wf&(wStop|wPronoun|wSkip) == 0 && a.toks[e].cue == nil {
			e++
		}
	}
	if !ok {
		return
	}
	at := attr{cue: i, cueN: n, spkS: s, spkE: e, ph: a.toks[i].cue}
	intro := i <= ss+1
	if !intro && a.isPunct(i-1, ",") && i-1-ss <= 3 && a.isWord(ss) && !determiners[a.lower(ss)] && (a.toks[ss].wf&wStop != 0 || prepositions[a.lower(ss)]) {
		// "In addition, according to the ministry, ...": a short introductory phrase
		intro = true
		for k := ss; k < i-1; k++ {
			if !a.isWord(k) || a.toks[k].cue != nil {
				intro = false
			}
		}
	}
	if !intro && a.isPunct(i-1, ",") {
		// "The plan, according to the ministry, will cost more": the content surrounds the source
		k := e
		for k < se && k < e+4 && a.isWord(k) {
			k++
		}
		if a.isPunct(k, ",") && a.isWord(k+1) && !relatives[a.lower(k+1)] && a.toks[k+1].cue == nil {
			ce := a.trimEnd(k+1, a.clauseLimit(k+1, se, false))
			if ce-(k+1) >= 2 && i-1-ss >= 2 && !a.isWord(ce) {
				at.spkE = k
				a.emit([][2]int{{ss, i - 1}, {k + 1, ce}}, at, RuleAccording)
				return
			}
		}
	}
	if intro {
		k := e
		for k < se && !a.isPunct(k, ",") {
			k++
		}
		if k+1 < se {
			ce := a.trimEnd(k+1, se)
			if ce-(k+1) >= 2 {
				at.spkE = k
				at.spkS = s
				a.emit([][2]int{{k + 1, ce}}, at, RuleAccording)
			}
		}
		return
	}
	ce := i
	if a.isPunct(i-1, ",") {
		ce = i - 1
	}
	if ce-ss >= 2 {
		a.emit([][2]int{{ss, ce}}, at, RuleAccording)
	}
}

// colon handles "NAME: ..." at the start of a sentence (headlines, transcripts).
func (a *applier) colon(i int) {
	ss, se := a.sentBounds(i)
	if ss < len(a.toks) && a.toks[ss].kind == tQuote {
		ss++
	}
	if i-ss < 1 || i-ss > 4 {
		return
	}
	for k := ss; k < i; k++ {
		if !a.isWord(k) || !a.toks[k].cap || a.toks[k].wf&wLabel != 0 {
			return // "The Latest: ...", "Correction: ...", "Q: ..." are no speakers
		}
	}
	cs := i + 1
	pe := se
	for pe < len(a.toks) && a.toks[pe].kind != tBreak {
		pe++
	}
	ce := a.trimEnd(cs, pe)
	if ce-cs < 3 {
		return // a headline: "Senator: Tax Plan Will Pass"
	}
	at := attr{cue: i, cueN: 1, spkS: ss, spkE: i}
	a.emit([][2]int{{cs, ce}}, at, RuleColon)
}

// emit adds an indirect quote whose content is the given token ranges.
func (a *applier) emit(parts [][2]int, at attr, id string) {
	for _, r := range parts {
		if r[1] <= r[0] {
			return
		}
	}
	// content that is mostly a direct quote is not reported again
	first, last := parts[0][0], parts[len(parts)-1][1]
	inside := 0
	for k := first; k < last; k++ {
		if a.in[k] {
			inside++
		}
	}
	if inside*2 > last-first {
		return
	}
	q := doc.Quote{Kind: doc.Indirect, Rule: rule(id, at.ph)}
	q.Span = doc.Span{Start: int(a.toks[first].s), End: int(a.toks[last-1].e)}
	if len(parts) > 1 {
		q.Parts = make(doc.Spans, len(parts))
		for i, r := range parts {
			q.Parts[i] = doc.Span{Start: int(a.toks[r[0]].s), End: int(a.toks[r[1]-1].e)}
		}
	}
	for _, p := range a.pairs {
		if int(a.toks[p.o].s) >= q.Start && int(a.toks[p.c].e) <= q.End {
			q.Kind = doc.Mixed
			break
		}
	}
	q.Cue = a.cueMention(at)
	if at.spkE > at.spkS {
		q.Speaker = a.speaker(at.spkS, at.spkE)
	}
	a.quotes = append(a.quotes, q)
}

// finish orders the quotes and resolves their speakers.
func (a *applier) finish() {
	slices.SortStableFunc(a.quotes, func(x, y doc.Quote) int { return x.Start - y.Start })
	for i := range a.quotes {
		q := &a.quotes[i]
		if q.Speaker == nil {
			continue
		}
		if act := a.st.resolve(a.d, q.Speaker.Span); act != nil {
			c := *act
			c.Start, c.End = q.Speaker.Start, q.Speaker.End
			q.Speaker.Actor = &c
		}
	}
	a.d.Quotes = a.quotes
}

// verbish reports whether the cue at token i reads as a verb: not after a determiner or a
// possessive ("the report", "Trump's plans"), and, for forms that are also common nouns, with a
// verb's context (a pronoun or name before it, an auxiliary or adverb between, or "that" after).
func (a *applier) verbish(i, n int) bool {
	prev := i - 1
	if prev >= 0 && a.isWord(prev) {
		w := a.lower(prev)
		if determiners[w] || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "s'") {
			return false
		}
	}
	if a.toks[i].wf&wNoun == 0 {
		return true
	}
	if a.isWord(i+n) && a.lower(i+n) == "that" {
		return true
	}
	if a.isWord(i+n) && nounNext[a.lower(i+n)] {
		return false // "Sanders' support is strong": a noun
	}
	j := i - 1
	skipped := false
	for j >= 0 && a.isWord(j) && a.toks[j].wf&wSkip != 0 && a.toks[j].wf&wPronoun == 0 {
		j--
		skipped = true
	}
	if skipped || j < 0 || !a.isWord(j) {
		return skipped
	}
	if a.toks[j].cap && j > 0 && a.isWord(j-1) && determiners[a.lower(j-1)] {
		return false // "the Orlando attack"
	}
	return a.toks[j].wf&(wPronoun|wSayer) != 0 || a.toks[j].cap
}

// skipAdjunct skips a time or place adjunct after a cue ("said Monday", "said in a statement
// that"): to a following "that" when there is one in the clause.
func (a *applier) skipAdjunct(cs, se int) int {
	if cs >= se || !a.isWord(cs) || a.toks[cs].wf&wTime == 0 {
		return cs
	}
	for k := cs; k < se && k < cs+20; k++ {
		if a.isEnd(k) || a.isPunct(k, ";") || a.toks[k].kind == tQuote {
			break
		}
		if a.isWord(k) && a.toks[k].cue != nil && k > cs {
			break
		}
		if a.isWord(k) && a.lower(k) == "that" {
			return k
		}
	}
	// a lone weekday or time word: "said Monday he would ..."
	k := cs
	for k < se && k < cs+3 && a.isWord(k) && a.toks[k].wf&wTime != 0 && a.toks[k].cap {
		k++
	}
	if k < se && a.isWord(k) && (a.lower(k) == "night" || a.lower(k) == "morning" || a.lower(k) == "afternoon" || a.lower(k) == "evening") {
		k++
	}
	return k
}

// clauseLimit returns where reported content starting at cs ends: at the sentence end se, or
// earlier at a semicolon, a spaced dash, or a comma that opens a new clause (", while", ", but",
// ", according to", ", adding"). With atComma, at the first comma.
func (a *applier) clauseLimit(cs, se int, atComma bool) int {
	for k := cs + 1; k < se; k++ {
		t := a.toks[k]
		if t.kind == tQuote {
			continue
		}
		if t.kind == tWord && !t.cap && atComma && k > cs+1 {
			// the object of a stance verb ends before a time or reason clause
			switch a.lower(k) {
			case "when", "after", "before", "while", "because", "since", "until", "unless", "although", "though", "during", "earlier", "last", "later":
				return k
			}
		}
		if t.kind == tWord && !t.cap {
			switch a.lower(k) {
			case "and", "but":
				// "... but warning that ...": a coordinated cue starts a new report
				m := k + 1
				for a.isWord(m) && a.toks[m].wf&wSkip != 0 {
					m++
				}
				if a.isWord(m) && a.toks[m].cue != nil && a.toks[m].cue.class != ClassStance {
					return k
				}
			}
		}
		if a.isPunct(k, ";") {
			return k
		}
		if a.isPunct(k, "\u2014\u2013") || a.isPunct(k, "-") && a.isPunct(k+1, "-") {
			// a parenthetical between two dashes belongs to the content; a single dash ends it
			m := k + 2
			for m < se && !a.isPunct(m, "\u2014\u2013") && !(a.isPunct(m, "-") && a.isPunct(m+1, "-")) {
				m++
			}
			if m >= se {
				if a.isWord(k+1) && (a.lower(k+1) == "including" || a.lower(k+1) == "for" || a.lower(k+1) == "and") {
					continue // "... – including ...", "— for instance", "— and ...": the content goes on
				}
				return k
			}
			k = m + 1
			continue
		}
		if !a.isPunct(k, ",") {
			continue
		}
		if atComma {
			return k
		}
		if !a.isWord(k + 1) {
			continue
		}
		w := a.lower(k + 1)
		switch w {
		case "while", "but", "whereas", "although", "though", "compared", "who", "whom":
			return k
		case "and":
			// ", and said ...", ", and he added ..."
			m := k + 2
			if a.isWord(m) && a.toks[m].wf&wPronoun != 0 {
				m++
			}
			for a.isWord(m) && a.toks[m].wf&wSkip != 0 {
				m++
			}
			if a.isWord(m) && a.toks[m].cue != nil {
				return k
			}
		}
		if p := a.toks[k+1].cue; p != nil && (p.ing || p.class == ClassSource) {
			return k
		}

	}
	return se
}

// subordinate reports whether the sentence starting at token ss opens with a subordinate clause
// ("When Jane said ..., ...").
func (a *applier) subordinate(ss int) bool {
	for ss < len(a.toks) && a.toks[ss].kind == tQuote {
		ss++
	}
	if !a.isWord(ss) {
		return false
	}
	switch a.lower(ss) {
	case "when", "as", "if", "after", "before", "while", "because", "since", "although", "though", "once", "until", "unless", "whether", "whenever":
		return true
	}
	return false
}

// commaBefore returns the index where content before a cue at token i ends: the comma right
// before it (or the closing quote after such a comma: "...," said Jane), or -1.
func (a *applier) commaBefore(i int) int {
	if a.isPunct(i-1, ",") {
		return i - 1
	}
	if i >= 2 && a.toks[i-1].kind == tQuote && a.isPunct(i-2, ",") {
		return i
	}
	return -1
}

// evidentialNext lists the words that must follow an evidential cue ("seems to", "appears that").
var evidentialNext = map[string]bool{"to": true, "that": true, "likely": true, "unlikely": true, "poised": true, "set": true, "ready": true}

// words counts the words inside a pair, stopping at max.
func (a *applier) words(p pair, max int) int {
	n := 0
	for k := p.o + 1; k < p.c && n < max; k++ {
		if a.toks[k].kind == tWord {
			n++
		}
	}
	return n
}

// ingPreps are the words after which an -ing cue takes the subject of the clause as its speaker
// ("replied by saying", "after insisting").
var ingPreps = map[string]bool{"by": true, "after": true, "while": true, "before": true, "in": true, "without": true, "when": true}

// noun handles a noun cue: "the claim that ...", "Jane's criticism of ...". The content is the
// that-clause or the object (to the first comma); the speaker is the possessor, when there is one.
func (a *applier) noun(i, n, ss, se int) {
	cs := i + n
	if cs >= se || !a.isWord(cs) {
		return
	}
	w := a.lower(cs)
	atComma := true
	switch {
	case w == "that":
		atComma = false
	case slices.Contains(a.toks[i].cue.preps, w):
		cs++
	default:
		return
	}
	ce := a.trimEnd(cs, a.clauseLimit(cs, se, atComma))
	if ce-cs < 2 || !a.isWord(cs) && a.toks[cs].kind != tQuote {
		return
	}
	at := attr{cue: i, cueN: n, ph: a.toks[i].cue}
	// the possessor: "Jane Doe's claim", "his claim"
	if k := i - 1; k >= ss && a.isWord(k) {
		pw := a.lower(k)
		switch {
		case strings.HasSuffix(pw, "'s") || strings.HasSuffix(pw, "s'"):
			s := k
			for s-1 >= ss && a.isWord(s-1) && a.toks[s-1].cap {
				s--
			}
			at.spkS, at.spkE = s, k+1
		case pw == "his" || pw == "her" || pw == "their" || pw == "its":
			at.spkS, at.spkE = k, k+1
		}
	}
	a.emit([][2]int{{cs, ce}}, at, RuleNoun)
}

// hasClause reports whether tokens [s, e) hold a clause of their own: "that" or a subject pronoun.
func (a *applier) hasClause(s, e int) bool {
	for k := s; k < e; k++ {
		if a.isWord(k) && (a.toks[k].wf&wPronoun != 0 || a.lower(k) == "that") {
			return true
		}
	}
	return false
}

// insideReported reports whether byte offset off lies in the content of an indirect quote found
// so far.
func (a *applier) insideReported(off int) bool {
	for i := len(a.quotes) - 1; i >= 0; i-- {
		q := &a.quotes[i]
		if q.Kind != doc.Direct && q.Start <= off && off < q.End {
			return true
		}
	}
	return false
}

// named reports whether tokens [s, e) hold a capitalised word.
func (a *applier) named(s, e int) bool {
	for k := s; k < e; k++ {
		if a.isWord(k) && a.toks[k].cap {
			return true
		}
	}
	return false
}

// inSurvey handles a poll named as the source with "in": "Jane leads by ten points in a new
// poll." and "In a poll released Sunday, most voters ...". The speaker is the poll's noun phrase.
func (a *applier) inSurvey(i int) {
	k := i + 1
	if !a.isWord(k) || !(a.toks[k].cap || determiners[a.lower(k)]) {
		return
	}
	head := -1
	for ; k < len(a.toks) && k < i+14 && a.toks[k].sn == a.toks[i].sn; k++ {
		if a.isPunct(k, "/-&'’") {
			continue
		}
		if !a.isWord(k) || a.toks[k].cue != nil && a.toks[k].wf&wSurvey == 0 {
			break
		}
		if a.toks[k].wf&wSurvey != 0 && !a.toks[k].cap {
			head = k
			break
		}
		if a.toks[k].wf&(wStop|wPronoun) != 0 && !a.toks[k].cap && k > i+1 {
			break
		}
	}
	if head < 0 {
		return
	}
	ss, se := a.sentBounds(i)
	at := attr{cue: i, cueN: 1, spkS: i + 1, spkE: head + 1}
	first := ss
	for first < i && a.toks[first].kind == tQuote {
		first++
	}
	if first == i {
		// In a new poll, most voters ...: the content follows the comma
		m := head + 1
		for m < se && m < head+12 && !a.isPunct(m, ",") {
			m++
		}
		if !a.isPunct(m, ",") {
			return
		}
		cs := m + 1
		if ce := a.trimEnd(cs, a.clauseLimit(cs, se, false)); ce-cs >= 3 {
			a.emit([][2]int{{cs, ce}}, at, RuleSurvey)
		}
		return
	}
	// ... in a new poll: the content precedes; the sentence ends after the poll phrase
	m := head + 1
	for m < se && m < head+8 && a.isWord(m) && a.toks[m].cue == nil {
		m++
	}
	if m < se && !a.isEnd(m) && !a.isPunct(m, ",") {
		return
	}
	ce := a.trimEnd(first, i)
	if ce-first >= 3 && !a.subordinate(first) {
		a.emit([][2]int{{first, ce}}, at, RuleSurvey)
	}
}

// evidentialAt reports whether the evidential cue at token i (n words) reads as one: followed by
// "to", "that" or "likely" ("appears to"), or, for "seem", by any word ("seemed rattled").
func (a *applier) evidentialAt(i, n int) bool {
	if !a.isWord(i + n) {
		return false
	}
	if evidentialNext[a.lower(i+n)] {
		return true
	}
	return n == 1 && a.toks[i].cue.lemma == "seem" && a.toks[i+n].wf&wStop == 0
}

// whWords open the question of "asked if ...", "asked why ...".
var whWords = map[string]bool{"if": true, "whether": true, "what": true, "why": true, "how": true, "which": true,
	"who": true, "when": true, "where": true, "about": true}

// askedQuestion handles a reported question: "Asked whether she would run, Jane ...", "when asked
// about the plan", "Jane was asked by reporters why ...". The content is the question; the
// speaker is the asker after "by", when given. It reports whether it emitted a quote.
func (a *applier) askedQuestion(i, n, ss, se int) bool {
	k := i + n
	at := attr{cue: i, cueN: n, ph: a.toks[i].cue}
	if a.isWord(k) && a.lower(k) == "by" {
		s, e, ok := a.speakerRight(k+1, se)
		if !ok {
			return false
		}
		at.spkS, at.spkE = s, e
		k = e
	}
	about := a.toks[i].cue.lemma == "ask about"
	if !a.isWord(k) || !about && !whWords[a.lower(k)] {
		return false
	}
	first := ss
	for first < i && a.toks[first].kind == tQuote {
		first++
	}
	if first != i {
		switch a.lower(i - 1) {
		case "when", "was", "were", "is", "are", "being", "after", "been", "if", "once":
		default:
			return false
		}
	}
	cs := k
	if !about && a.lower(k) == "about" {
		cs++
	}
	ce := a.trimEnd(cs, a.clauseLimit(cs, se, true))
	if ce-cs < 1 || !a.isWord(cs) && a.toks[cs].kind != tQuote {
		return false
	}
	a.emit([][2]int{{cs, ce}}, at, RuleIndirect)
	return true
}

// hasOf reports whether tokens [s, e) hold "of" or "for" ("a spokesman for the army").
func (a *applier) hasOf(s, e int) bool {
	for k := s; k < e; k++ {
		if w := a.lower(k); w == "of" || w == "for" {
			return true
		}
	}
	return false
}

// nextParaQuote reports whether pair p, a paragraph of its own right after the paragraph that
// quote cur ends with its attribution, goes on with the same speaker's words ("...," he said.
// \n\n"More words.").
func (a *applier) nextParaQuote(cur int, p pair) bool {
	q := &a.quotes[cur]
	if q.Kind != doc.Direct || q.Speaker == nil || p.unclosed || p.o == 0 || a.toks[p.o-1].kind != tBreak {
		return false
	}
	if a.paraOf(q.End-1)+1 != a.toks[p.o].pn {
		return false
	}
	// the attributed quote's paragraph ends with its attribution
	k := p.o - 2
	if k < 0 || !(a.isEnd(k) || a.toks[k].kind == tQuote) {
		return false
	}
	if a.paraOf(q.Speaker.End) != a.toks[k].pn {
		// or a paragraph that is a part of the quote already ("...," he said.\n\n"A."\n\n"B.")
		if len(q.Parts) == 0 || a.paraOf(q.Parts[len(q.Parts)-1].Start) != a.toks[k].pn || a.toks[k].kind != tQuote || int(a.toks[k].e) != q.End {
			return false
		}
		if st := a.paraStart(k); int(a.toks[st].s) != q.Parts[len(q.Parts)-1].Start {
			return false
		}
	}
	// the new paragraph is the quote alone
	return p.c+1 >= len(a.toks) || a.toks[p.c+1].kind == tBreak
}

// paraStart returns the first token of the paragraph of token k.
func (a *applier) paraStart(k int) int {
	for k > 0 && a.toks[k-1].kind != tBreak {
		k--
	}
	return k
}

// adjunctPreps open an adjunct after a sentence-final cue ("said in an interview", "told a panel
// on Monday").
var adjunctPreps = map[string]bool{"in": true, "at": true, "on": true, "during": true, "to": true, "from": true,
	"after": true, "before": true, "with": true, "via": true, "outside": true, "inside": true, "near": true,
	"while": true, "through": true, "earlier": true, "last": true, "this": true, "late": true}

// adjunctOnly reports whether tokens [cs, ce) after a cue are an adjunct rather than reported
// content: no clause of their own, short, and opening with a preposition (after a tell-verb whose
// hearer was skipped, any short phrase: "told the Senate panel Wednesday").
func (a *applier) adjunctOnly(cs, ce int, tell bool) bool {
	if ce-cs > 12 || !a.isWord(cs) || a.hasClause(cs, ce) {
		return false
	}
	for k := cs; k < ce; k++ {
		if a.in[k] || a.toks[k].cue != nil && a.toks[k].cue.class != ClassFixed && !a.toks[k].cap {
			return false
		}
	}
	return adjunctPreps[a.lower(cs)] || tell && ce-cs <= 6
}

// nounNext are words after which a cue form that is also a noun reads as the noun.
var nounNext = map[string]bool{"is": true, "was": true, "are": true, "were": true, "has": true, "had": true}

// titleQuote reports whether a pair inside a sentence reads as the title of a work: at most five
// words, every longer word capitalised ("Morning Joe", "The Art of the Deal").
func (a *applier) titleQuote(p pair) bool {
	if p.unclosed || a.sentenceStart(p.o) && !a.isPunct(p.o-1, ":") || p.o > 0 && a.isPunct(p.o-1, ":") {
		return false
	}
	words, long := 0, 0
	for k := p.o + 1; k < p.c; k++ {
		t := a.toks[k]
		switch {
		case t.kind == tWord:
			words++
			if t.e-t.s > 3 || words == 1 {
				if !t.cap {
					return false
				}
				long++
			}
		case t.kind == tPunct && (t.r == '!' || t.r == '?'):
			return false // an exclamation or a question: "Lock her up!"
		case t.kind == tPunct && t.r == '.':
			if k+1 < p.c && a.isWord(k+1) {
				return false // two sentences
			}
		}
	}
	return words > 0 && words <= 5 && long > 0
}
