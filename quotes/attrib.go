package quotes

import (
	"strings"

	"dyad/doc"
)

// object pronouns and nouns that a tell-verb takes as its hearer
var hearers = map[string]bool{"him": true, "her": true, "them": true, "me": true, "us": true, "you": true,
	"reporters": true, "journalists": true, "lawmakers": true, "supporters": true, "voters": true, "it": true}

var determiners = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "their": true,
	"its": true, "our": true, "my": true, "your": true, "this": true, "that": true}

// speakerLeft finds the speaker phrase that ends just before token k (a cue), not reaching before
// token lo. It returns the token range [s, e).
func (a *applier) speakerLeft(k, lo int) (int, int, bool) {
	j := k - 1
	passive := false
	for j >= lo && a.isWord(j) && a.toks[j].wf&wPronoun == 0 && (a.toks[j].wf&wSkip != 0 || a.adverb(j)) {
		switch a.lower(j) {
		case "was", "were", "been", "being", "is", "are", "be":
			passive = true
		}
		j--
	}
	if j < lo {
		return 0, 0, false
	}
	if passive && k < len(a.toks) && a.toks[k].cue != nil && a.pastForm(k) && !a.quotedAs(k) {
		return 0, 0, false // "she was told", "he was asked": the subject is the hearer
	}
	e := j + 1
	// an appositive or a relative clause: "Jane Doe, the party's chairwoman, said", "Jane Doe, who
	// chairs the party, said", "the party -- which won -- said"
	if a.isPunct(j, ",") || a.dash(j) {
		dash := a.dash(j)
		m := j - 1
		for dash && m > lo && a.dash(m) {
			m-- // "--" is two tokens
		}
		for m >= lo && m > j-32 && !(dash && a.dash(m) || !dash && a.isPunct(m, ",")) && !a.isEnd(m) && a.toks[m].kind != tQuote {
			m--
		}
		if m < lo || !(dash && a.dash(m) || !dash && a.isPunct(m, ",")) {
			return 0, 0, false
		}
		ms := m
		for dash && ms > lo && a.dash(ms-1) {
			ms-- // "--" is two tokens
		}
		if !a.isWord(ms - 1) {
			return 0, 0, false
		}
		rel := a.isWord(m+1) && relatives[a.lower(m+1)]
		app := j-m < 14 && (a.toks[ms-1].cap || a.toks[ms-1].wf&wPronoun != 0 || a.isWord(m+1) && a.toks[m+1].cap) ||
			j-m < 26 && a.toks[ms-1].cap && a.isWord(m+1) && (determiners[a.lower(m+1)] || a.toks[m+1].cap)
		if rel || app {
			s, _, ok := a.speakerLeft(ms, lo)
			if ok {
				return s, e - 1, true
			}
		}
		return 0, 0, false
	}
	// a closing bracket of a party tag: "Sen. Jane Doe (D-Ill.) said"
	if a.isPunct(j, ")") {
		m := j - 1
		for m >= lo && m > j-8 && !a.isPunct(m, "(") {
			m--
		}
		if m >= lo && a.isPunct(m, "(") {
			s, _, ok := a.speakerLeft(m, lo)
			if ok {
				return s, e, true
			}
		}
		return 0, 0, false
	}
	if !a.isWord(j) {
		return 0, 0, false
	}
	t := a.toks[j]
	if t.wf&wPronoun != 0 {
		return j, e, true
	}
	// coordinated verbs: "she laughed and said"
	if (a.lower(j) == "and" || a.lower(j) == "then") && j-1 >= lo && (a.isWord(j-1) || a.isPunct(j-1, ",")) {
		return a.earlierSpeaker(lo, j)
	}
	// "she went on to say", "he declined to say": the subject of the clause
	if a.lower(j) == "to" && j-1 > lo && a.isWord(j-1) && k < len(a.toks) && a.toks[k].cue != nil && a.toks[k].cue.class.speechLike() {
		return a.subject(lo, j)
	}
	// "she visited the plant but said ...": the subject of the clause
	if a.lower(j) == "but" && j-1 > lo && (a.isWord(j-1) || a.isPunct(j-1, ",")) {
		for m := j - 1; m >= lo; m-- {
			if p := a.toks[m].cue; p != nil && p.class.speechLike() && !p.ing && a.verbish(m, len(p.words)) {
				return a.speakerLeft(m, lo)
			}
		}
		return a.subject(lo, j)
	}
	if t.wf&wStop != 0 && !t.cap || t.cue != nil && !a.nounHead(j) {
		return 0, 0, false
	}
	s := j
	for m := j - 1; m >= lo && m > j-10 && (m > j-7 || a.toks[m+1].cap && a.toks[m].cap); m-- {
		if !a.isWord(m) {
			break
		}
		tm := a.toks[m]
		if npPreps[a.lower(m)] && m-1 >= lo && a.isWord(m-1) && a.toks[m-1].wf&(wStop|wPronoun|wSkip) == 0 && a.toks[m-1].cue == nil && !a.toks[m].cap {
			s = m // "the mayor of Ostrava", "a spokesman for the party", "a source close to him"
			continue
		}
		if tm.wf&(wStop|wPronoun) != 0 && !(tm.cap && m > lo && a.isWord(m-1) && a.toks[m-1].cap) {
			// keep "of"/"for"-less stops out, but a capitalised run may hold "and"? no: stop here
			break
		}
		if tm.cue != nil && !tm.cap {
			break
		}
		if tm.wf&wSkip != 0 && !tm.cap {
			break
		}
		s = m
	}
	// a speaker phrase needs a name, a noun after a determiner, or a plain noun; digits alone are no
	// speaker unless they count people ("three in 10 said")
	if s == j && !t.cap && isDigits(a.text(j)) && !(j >= 2 && a.lower(j-1) == "in") {
		return 0, 0, false
	}
	return s, e, true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// speakerRight finds the speaker phrase that starts at token k (after an inverted cue: said Jane
// Doe), not reaching token hi.
func (a *applier) speakerRight(k, hi int) (int, int, bool) {
	if k >= hi || !a.isWord(k) {
		return 0, 0, false
	}
	t := a.toks[k]
	if t.wf&wPronoun != 0 {
		return k, k + 1, true
	}
	e := k
	named := false
	for m := k; m < hi && m < k+8; m++ {
		if !a.isWord(m) {
			break
		}
		tm := a.toks[m]
		if (a.lower(m) == "of" || a.lower(m) == "for") && m > k && a.isWord(m+1) && (a.toks[m+1].wf&(wStop|wPronoun) == 0 || determiners[a.lower(m+1)] || a.lower(m+1) == "those") {
			continue // "a spokesman for the army", "one of those advisers"
		}
		if m > k && (a.lower(m-1) == "of" || a.lower(m-1) == "for") && (determiners[a.lower(m)] || a.lower(m) == "those") {
			continue
		}
		if (tm.wf&(wStop|wSkip|wPronoun) != 0 || tm.cue != nil) && !tm.cap {
			break
		}
		if w := a.text(m); m > k && !tm.cap && len(w) > 4 && strings.HasSuffix(w, "ed") && !determiners[a.lower(m-1)] {
			break // "said the family deserved better": a verb ends the phrase
		}
		named = named || tm.cap
		e = m + 1
	}
	if e == k {
		return 0, 0, false
	}
	if !named && !determiners[a.lower(k)] && !quantifiers[a.lower(k)] {
		return 0, 0, false
	}
	return k, e, true
}

// sentenceEnd returns the index of the token that ends the sentence from token i: a full stop,
// question or exclamation mark, a break, or the token before a quote opener; limited to hi.
func (a *applier) clauseEnd(i, hi int) int {
	for j := i; j < hi && j < len(a.toks); j++ {
		t := a.toks[j]
		if t.kind == tBreak {
			return j - 1
		}
		if a.isEnd(j) {
			return j
		}
		if t.kind == tQuote && t.fam == famDouble {
			return j - 1
		}
	}
	return min(hi, len(a.toks)) - 1
}

// afterAttr finds an attribution right after closer c: `"...," Jane said.` or `"...," said Jane.`
func (a *applier) afterAttr(c int) (attr, bool) {
	// "..." ― Jane Doe   (an epigraph-style attribution: a dash and a name ending the line or sentence)
	if a.isPunct(c+1, "\u2015\u2014\u2013-") {
		k := c + 2
		if a.isPunct(k, "-") {
			k++
		}
		if s, e, ok := a.speakerRight(k, k+8); ok && a.toks[s].cap && (e >= len(a.toks) || a.toks[e].kind == tBreak || a.isEnd(e) || a.isPunct(e, ",")) {
			return attr{cue: c + 1, cueN: 1, spkS: s, spkE: e, end: e - 1}, true
		}
	}
	j := c + 1
	if a.isPunct(j, ",\u2014\u2013-") {
		j++
	}
	if j >= len(a.toks) || a.toks[j].kind != tWord || a.toks[j].pn != a.toks[c].pn {
		return attr{}, false
	}
	// inverted: said Jane
	if p := a.toks[j].cue; p != nil && p.class.speechLike() && p.class != ClassSource {
		n := len(p.words)
		lim := a.clauseEnd(j+n, j+n+14) + 1
		if s, e, ok := a.speakerRight(j+n, lim); ok {
			return attr{cue: j, cueN: n, spkS: s, spkE: e, end: a.clauseEnd(e, e+30), ph: p}, true
		}
	}
	// "...," he wondered.  A pronoun or a name and a verb that ends the sentence
	if k := j + 1; a.isWord(k) && !a.toks[k].cap && a.isEnd(k+1) && (a.toks[j].wf&wPronoun != 0 || a.toks[j].cap && a.toks[j].cue == nil) {
		w := a.lower(k)
		if len(w) > 3 && (w[len(w)-2:] == "ed" || w[len(w)-1] == 's') && a.toks[k].wf == 0 {
			return attr{cue: k, cueN: 1, spkS: j, spkE: j + 1, end: k + 1}, true
		}
	}
	// "...!" beamed Jane Doe.  An unknown past-tense verb and a name
	if w := a.lower(j); !a.toks[j].cap && a.toks[j].wf == 0 && len(w) > 4 && strings.HasSuffix(w, "ed") {
		if s, e, ok := a.speakerRight(j+1, j+9); ok && a.toks[s].cap {
			return attr{cue: j, cueN: 1, spkS: s, spkE: e, end: a.clauseEnd(e, e+30)}, true
		}
	}
	// Jane (also) said
	lim := j + 36
	if a.isPunct(c-1, ".") {
		lim = j + 2 // after a full stop the next sentence has begun: only "...." she said.
	}
	for m := j + 1; m < len(a.toks) && m < lim; m++ {
		t := a.toks[m]
		if t.kind == tBreak || t.kind == tQuote && t.fam == famDouble || a.isEnd(m) || a.isPunct(m, ";:") {
			break
		}
		if p := t.cue; p != nil && p.class.speechLike() && p.class != ClassSource && !p.ing {
			if a.toks[j].wf&wStop != 0 && !a.toks[j].cap {
				break
			}
			if !a.verbish(m, len(p.words)) {
				continue // a noun: "Jane Doe, one of the states suing, said"
			}
			s, e, ok := a.speakerLeft(m, j)
			if ok && s > j && !(a.isPunct(s-1, ",") && s-1-j <= 5 && a.plainNP(j, s-1) || s-j <= 6 && a.plainNP(j, s)) {
				ok = false
			}
			if !ok && a.isPunct(m-1, ",)") && m-j <= 32 && a.toks[j].cap {
				// a speaker with a long description: "...," Rep. Jane Doe (D-Ohio), a panel member, said
				e = j + 1
				for e < m && a.isWord(e) {
					e++
				}
				ok = true
			}
			if !ok || a.isWord(m+len(p.words)) && a.lower(m+len(p.words)) == "that" {
				break
			}
			return attr{cue: m, cueN: len(p.words), spkS: j, spkE: e, end: a.clauseEnd(m, m+30), ph: p}, true
		}
	}
	return attr{}, false
}

// beforeAttr finds an attribution that introduces the quote opening at token o:
// `Jane said: "..."`, `Jane told reporters, "..."`, `Jane said "..."` (the quote starting upper case).
func (a *applier) beforeAttr(o int) (attr, bool) {
	j := o - 1
	sep := false
	if a.isPunct(j, ":,\u2014\u2013-") {
		sep = true
		j--
	}
	if j >= 0 && a.toks[j].kind == tBreak && a.isPunct(j-1, ":") {
		// Jane continued:\n\n"..."
		j -= 2
		sep = true
	}
	if j < 0 || a.toks[j].kind == tBreak {
		return attr{}, false
	}
	if !sep && a.continues(o) {
		return attr{}, false // said "budget reforms" would help: a fragment inside reported speech
	}
	upper := firstLetterUpper(a.d.Text, int(a.toks[o].e), 12)
	if !upper && !a.isPunct(o-1, ":") && !(a.isWord(o-1) && a.toks[o-1].cue != nil && a.toks[o-1].cue.class.speechLike()) || a.titleLike(o) {
		return attr{}, false
	}
	lo := j
	for lo > 0 && !a.isEnd(lo-1) && a.toks[lo-1].kind != tQuote && j-lo < 40 {
		lo--
	}
	for k := j; k >= lo && k > j-8; k-- {
		t := a.toks[k]
		if t.kind == tQuote && t.fam == famDouble || a.isEnd(k) {
			break
		}
		if t.kind == tWord && (lowerASCII(a.text(k)) == "that" || t.wf&wPronoun != 0 && k < j) {
			return attr{}, false // said that "...": reported speech with a quoted fragment; "spoke of her aunt who wrote, ..."
		}
		p := t.cue
		if p == nil || !p.class.speechLike() {
			continue
		}
		if p.class == ClassSource {
			// according to Jane, "..."
			s, e, ok := a.speakerRight(k+len(p.words), j+1)
			if ok && sep {
				return attr{cue: k, cueN: len(p.words), spkS: s, spkE: e, end: j, ph: p}, true
			}
			return attr{}, false
		}
		if p.ing && a.isPunct(k-1, ",") {
			// Jane said ..., adding: "..."
			if s, e, ok := a.earlierSpeaker(lo, k-1); ok {
				return attr{cue: k, cueN: len(p.words), spkS: s, spkE: e, end: j, ph: p}, true
			}
		}
		if s, e, ok := a.speakerLeft(k, lo); ok {
			return attr{cue: k, cueN: len(p.words), spkS: s, spkE: e, end: j, ph: p}, true
		}
		if p.ing {
			if s, e, ok := a.subject(lo, k); ok {
				return attr{cue: k, cueN: len(p.words), spkS: s, spkE: e, end: j, ph: p}, true
			}
		}
		// inverted: Said Jane: "..."
		if s, e, ok := a.speakerRight(k+len(p.words), j+1); ok && sep && e == j+1 {
			return attr{cue: k, cueN: len(p.words), spkS: s, spkE: e, end: j, ph: p}, true
		}
		return attr{}, false
	}
	// Jane Doe: "..."  /  Jane fired back: "..."
	if a.isPunct(o-1, ":") || a.isPunct(j+1, ":") {
		colon := j + 1
		if a.isPunct(o-1, ":") {
			colon = o - 1
		}
		if a.isWord(colon-1) && a.toks[colon-1].cap {
			// ... pollster Jane Doe: "..."
			if s, e, ok := a.speakerLeft(colon, lo); ok {
				return attr{cue: colon, cueN: 1, spkS: s, spkE: e, end: j}, true
			}
		}
		if v := colon - 1; a.isWord(v) && !a.toks[v].cap && a.toks[v].wf == 0 && (strings.HasSuffix(a.text(v), "ed") || strings.HasSuffix(a.text(v), "s")) {
			// Jane Doe echoed: "..."
			if s, e, ok := a.speakerLeft(v, lo); ok {
				return attr{cue: v, cueN: 1, spkS: s, spkE: e, end: j}, true
			}
		}
		if s, e, ok := a.subject(lo, colon); ok {
			return attr{cue: colon, cueN: 1, spkS: s, spkE: e, end: j}, true
		}
	}
	return attr{}, false
}

// earlierSpeaker finds the speaker of a speech cue earlier in the clause [lo, hi).
func (a *applier) earlierSpeaker(lo, hi int) (int, int, bool) {
	for k := hi - 1; k >= lo; k-- {
		if p := a.toks[k].cue; p != nil && p.class.speechLike() && !p.ing {
			return a.speakerLeft(k, lo)
		}
	}
	if a.lastOK && a.toks[a.last.spkS].pn == a.toks[hi].pn {
		return a.last.spkS, a.last.spkE, true
	}
	return a.subject(lo, hi)
}

// subject returns the first noun phrase of the clause [lo, hi): a pronoun or a capitalised run.
func (a *applier) subject(lo, hi int) (int, int, bool) {
	k := lo
	for k < hi && !a.isWord(k) {
		k++
	}
	// skip an introductory phrase: "On Twitter, she ..."
	if k < hi && a.toks[k].wf&wStop != 0 {
		for m := k; m < hi && m < k+10; m++ {
			if a.isPunct(m, ",") {
				k = m + 1
				break
			}
		}
	}
	if k >= hi {
		return 0, 0, false
	}
	if a.toks[k].wf&wPronoun != 0 {
		return k, k + 1, true
	}
	s := k
	if determiners[a.lower(k)] {
		k++
	}
	e := k
	for e < hi && a.isWord(e) && (a.toks[e].cap || e > s && !a.toks[e].cap && a.toks[e].wf&(wStop|wSkip) == 0 && a.toks[e].cue == nil && e-s < 4) {
		if w := a.text(e); e > k && !a.toks[e].cap && len(w) > 4 && strings.HasSuffix(w, "ed") {
			break // "The mayor visited ...": a verb ends the subject
		}
		e++
	}
	if e == k || !a.toks[k].cap && s == k {
		return 0, 0, false
	}
	return s, e, true
}

func (a *applier) mention(s, e int) doc.Span {
	return doc.Span{Start: int(a.toks[s].s), End: int(a.toks[e-1].e)}
}

func (a *applier) cueMention(at attr) *doc.Mention {
	sp := a.mention(at.cue, at.cue+at.cueN)
	return &doc.Mention{Span: sp, Text: a.d.Slice(sp)}
}

func (a *applier) speaker(s, e int) *doc.Speaker {
	// trim a trailing comma or skip words
	for e > s+1 && (!a.isWord(e-1) && !a.isPunct(e-1, ")")) {
		e--
	}
	sp := a.mention(s, e)
	return &doc.Speaker{Span: sp, Text: a.d.Slice(sp)}
}

func rule(id string, p *phrase) string {
	if p == nil {
		return id
	}
	if r, ok := p.rules[id]; ok {
		return r
	}
	return id + ";cue=" + p.src
}

// FallbackResolve resolves a speaker mention without coreference: the actor of an entity that
// overlaps the mention; for a personal pronoun, the actor of the nearest PERSON entity before it
// (for "they" and "it", the nearest entity of any type with an actor).
func FallbackResolve(d *doc.Doc, m doc.Span) *doc.Actor {
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Span.Overlaps(m) && e.Actor != nil {
			return e.Actor
		}
		if e.Start >= m.End {
			break
		}
	}
	w := strings.ToLower(d.Slice(m))
	person := w == "he" || w == "she" || w == "him" || w == "her"
	other := w == "they" || w == "it" || w == "we"
	if !person && !other {
		return nil
	}
	for i := len(d.Entities) - 1; i >= 0; i-- {
		e := &d.Entities[i]
		if e.End > m.Start || e.Actor == nil {
			continue
		}
		if person && e.Type != "PERSON" {
			continue
		}
		return e.Actor
	}
	return nil
}

// adverb reports whether token i is a lower-case -ly adverb ("famously", "angrily").
func (a *applier) adverb(i int) bool {
	w := a.text(i)
	return len(w) > 4 && !a.toks[i].cap && w[len(w)-2:] == "ly" && a.toks[i].cue == nil
}

// pastForm reports whether the cue at token k is a past or participle form.
func (a *applier) pastForm(k int) bool {
	w := a.lower(k)
	if len(w) > 2 && w[len(w)-2:] == "ed" {
		return true
	}
	switch w {
	case "told", "said", "written", "thought", "known", "shown", "held", "found", "read":
		return true
	}
	return false
}

// plainNP reports whether tokens [s, e) are words without stop words, pronouns or cues: a noun
// phrase such as "another friend".
func (a *applier) plainNP(s, e int) bool {
	for k := s; k < e; k++ {
		if !a.isWord(k) || a.toks[k].cue != nil {
			return false
		}
		if a.toks[k].wf&(wStop|wPronoun) != 0 && !a.toks[k].cap && !prepositions[a.lower(k)] {
			return false
		}
		if w := a.text(k); !a.toks[k].cap && len(w) > 4 && strings.HasSuffix(w, "ed") {
			return false // a verb: "The army retreated, the minister said"
		}
	}
	return true
}

// titleLike reports whether the quote opening at token o stands where a title or a name does:
// right after a possessive ("MSNBC's "Morning Joe"") or a determiner ("the "Istanbul Document"").
func (a *applier) titleLike(o int) bool {
	if !a.isWord(o - 1) {
		return false
	}
	w := a.lower(o - 1)
	return determiners[w] || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "s'")
}

// prepositions may sit inside a speaker's noun phrase ("a spokesman for the party").
var prepositions = map[string]bool{"of": true, "for": true, "in": true, "at": true, "from": true, "with": true, "on": true}

// continues reports whether the sentence goes on with a word after the quote that opens at token
// o (the quote is a noun phrase inside a clause, not a sentence of its own).
func (a *applier) continues(o int) bool {
	for k := o + 1; k < len(a.toks) && k < o+200; k++ {
		t := a.toks[k]
		if t.kind == tBreak {
			return false
		}
		if t.kind == tQuote && t.fam == a.toks[o].fam && k > o+1 {
			if a.isEnd(k-1) || a.isPunct(k-1, ",;:") {
				return false
			}
			return a.isWord(k+1) && !a.toks[k+1].cap
		}
	}
	return false
}

// npPreps are the prepositions a speaker's noun phrase may hold when read leftwards from its cue.
var npPreps = map[string]bool{"of": true, "for": true, "to": true, "with": true, "from": true, "at": true, "in": true, "near": true}

// relatives open a relative clause between a speaker and its cue ("Jane, who chairs the panel, said").
var relatives = map[string]bool{"who": true, "which": true, "whose": true, "whom": true}

// dash reports whether token i is a dash that may set off a parenthetical (—, –, or one of "--").
func (a *applier) dash(i int) bool {
	return a.isPunct(i, "\u2014\u2013") || a.isPunct(i, "-") && (a.isPunct(i-1, "-") || a.isPunct(i+1, "-") || a.toks[i].e-a.toks[i].s > 1)
}

// nounHead reports whether the cue word at token j heads a speaker phrase: a noun cue or a noun
// form after a determiner or an adjective ("the statement said", "the new report said").
func (a *applier) nounHead(j int) bool {
	p := a.toks[j].cue
	if p == nil || len(p.words) > 1 || !(p.class == ClassNoun || a.toks[j].wf&wNoun != 0) {
		return false
	}
	if !a.isWord(j - 1) {
		return false
	}
	w := a.lower(j - 1)
	return determiners[w] || strings.HasSuffix(w, "'s") || a.toks[j-1].cap || a.toks[j-1].wf&(wStop|wPronoun|wSkip) == 0 && a.toks[j-1].cue == nil
}

// quotedAs reports whether the cue at token k is a passive that keeps its subject as the speaker
// ("Jane was quoted as saying").
func (a *applier) quotedAs(k int) bool {
	p := a.toks[k].cue
	return p != nil && len(p.words) > 1 && p.words[1] == "as"
}

// quantifiers may open a speaker phrase after an inverted cue ("said one of the advisers").
var quantifiers = map[string]bool{"one": true, "another": true, "some": true, "two": true, "three": true, "several": true,
	"many": true, "both": true, "most": true}
