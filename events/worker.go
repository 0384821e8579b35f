package events

import (
	"dyad/wordset"
	"sort"
	"strings"

	"dyad/doc"
)

// mention is an actor mention in the current sentence.
type mention struct {
	t0, t1  int // token range
	actors  []doc.Actor
	person  bool
	pronoun bool
	norp    bool // a group or demonym ("Russian", "Western"): it reads as an adjective
	place   bool // GPE, LOC, FAC: before a noun it is a location ("the Ghazni attacks")
}

// seg is a clause segment of the current sentence.
type seg struct {
	t0, t1 int    // token range
	word   string // the word or mark that opened it ("that", ",", "who"; "" at sentence start)
	speech int    // the token index of the speech verb that opened it, or -1
}

// cand is a matched trigger.
type cand struct {
	p        *Pattern
	head     int // head token
	last     int // last token of the trigger
	slot     int // chain index of the TARGET slot, or -1
	npSlot   int // 1 + the first token of an uncoded noun phrase that fills a final TARGET slot, or 0
	fronted  bool
	antecSeg int // for a fronted (relative clause) match, the segment holding the antecedent
	words    int // pattern words matched, for choosing among overlapping matches
}

// worker holds the per-document state of one Apply call.
type worker struct {
	s           *Stage
	d           *doc.Doc
	sent        doc.Span
	toks        []tok
	ments       []mention
	mentActs    []doc.Actor // the mentions' actors (see oneActor)
	lastAt      []int32     // by wordInfo.id: the last token of the sentence with that word (if lastGen is gen)
	lastGen     []uint32
	gen         uint32
	chains      [][]int // coordinated mentions, in order
	chainOf     []int   // mention -> chain
	segs        []seg
	segOf       []int // token -> segment
	subj        map[int]int
	link        []int // buffers reused across sentences
	inChain     []bool
	firstMemo   []int // per first word of the head's patterns: where find found it, -2 not yet looked
	timexSorted bool
	evbuf       []doc.Event
	roles       []evRole
	fronted     []bool // per event of the sentence: matched through a relative clause's antecedent
	keep        []bool
	heads       []int
	kinds       []Kind
	pub         string // the publication date, once parsed
	pubOK       bool
	actIdx      []int // indexes of entities with actors (for fallback resolution), by start
	built       bool
}

var (
	preps         = set("of in at on from with to for by about against near into between among under over after before during across through within without toward towards like via amid despite including along behind beyond upon onto inside outside")
	dets          = set("the a an this that these those its their his her our my your some any no every each both all another other several many few")
	boundaryWords = set("that which who whom whose where when while because although though after before since if unless whereas but and or as amid despite")
	relWords      = set("that which who whom whose where")
	aux           = set("is are was were be been being am has have had having will would shall should can could may might must do does did 's")
	beForms       = set("is are was were be been being am get gets got gotten getting")
	possessive    = set("his her its their our my")
	pronouns      = set("he she him his her it its they them their we us our i me my")
	linkers       = set("and or & , as well along with other its their his her fellow the both also some several allied")
	nounPrev      = set("the a an this these those its their his her our my your 's new fresh further another any no renewed latest recent first second third several many more of for after before during amid in on against with by from at about over into between under amid despite without through across toward towards upon within")
	negWords      = set("not n't never no without nor")
	intendCue     = set("willing able will 'll shall going plan plans planned planning intend intends intended aim aims aimed seek seeks sought want wants wanted set expected expect ready prepared vow vows vowed pledge pledges pledged promise promises promised agree agrees agreed hope hopes hoped try tries tried attempt attempts attempted")
	hypoCue       = set("may might could should would if unless whether possible possibly likely perhaps can")
	negVerbCue    = set("refuse refuses refused refusing fail fails failed failing decline declines declined declining")
	threatCue     = set("threaten threatens threatened threatening")
)

func set(s string) *wordset.Set { return wordset.New(strings.Fields(s)...) }

func (w *worker) sentence(sent doc.Span) {
	w.sent = sent
	w.toks = tokenize(w.toks[:0], w.d.Text[sent.Start:sent.End], sent.Start)
	if len(w.toks) == 0 {
		return
	}
	w.findMentions()
	w.flags()
	w.findChains()
	w.segment()
	w.subj = nil
	cands := w.match()
	if len(cands) == 0 && w.s.opts.NoStatements {
		return
	}
	evs := w.evbuf[:0]
	heads := w.heads[:0]
	kinds := w.kinds[:0]
	w.fronted = w.fronted[:0]
	defer func() { w.evbuf, w.heads, w.kinds = evs[:0], heads[:0], kinds[:0] }()
	for _, c := range cands {
		e, ok := w.code(c)
		if ok {
			evs = append(evs, e)
			heads = append(heads, c.head)
			kinds = append(kinds, c.p.Kind)
			w.fronted = append(w.fronted, c.fronted)
		}
	}
	if !w.s.opts.NoStatements && len(evs) == 0 {
		evs = w.statements(evs, heads)
		if len(evs) > 1 && !w.s.opts.KeepAll {
			evs = generalStatements(evs)
		}
	}
	if !w.s.opts.KeepAll && !w.s.opts.MainOnly {
		evs = w.prune(evs, heads, kinds)
	}
	if w.s.opts.MainOnly && len(evs) > 1 && len(heads) < len(evs) {
		evs = evs[:1] // statements only
	}
	if w.s.opts.MainOnly && len(evs) > 1 && len(heads) == len(evs) {
		best, bestScore := 0, -1<<30
		for k, e := range evs {
			if sc := w.mainScore(e, heads[k], kinds[k]); sc > bestScore {
				best, bestScore = k, sc
			}
		}
		evs = evs[best : best+1]
	}
	if w.d.Events == nil && len(evs) > 0 {
		w.d.Events = make([]doc.Event, 0, len(w.d.Sentences)/2+len(evs))
	}
	w.d.Events = append(w.d.Events, evs...)
}

// findMentions collects the actor mentions of the sentence: entities with actors and pronouns.
func (w *worker) findMentions() {
	w.ments = w.ments[:0]
	w.mentActs = w.mentActs[:0]
	ents := w.d.Entities
	i := sort.Search(len(ents), func(i int) bool { return ents[i].End > w.sent.Start })
	for ; i < len(ents) && ents[i].Start < w.sent.End; i++ {
		e := &ents[i]
		a := e.Actor
		if a == nil && e.Ref >= 0 && e.Ref < len(ents) && e.Ref != i {
			a = ents[e.Ref].Actor
		}
		if a == nil && w.s.opts.Resolve != nil && e.Type != "MISC" {
			a = w.s.opts.Resolve(w.d, e.Span)
		}
		if a == nil || e.End > w.sent.End {
			continue
		}
		t0, t1 := -1, -1
		for k := sort.Search(len(w.toks), func(k int) bool { return w.toks[k].start >= e.Start }); k < len(w.toks) && w.toks[k].end <= e.End; k++ {
			if t0 < 0 {
				t0 = k
			}
			t1 = k + 1
		}
		if t0 < 0 {
			continue
		}
		ac := *a
		ac.Start, ac.End = e.Start, e.End
		w.ments = append(w.ments, mention{t0: t0, t1: t1, actors: w.oneActor(ac), person: e.Type == "PERSON" || e.Type == "PER",
			norp: e.Type == "NORP" && w.toks[t0].capital, place: e.Type == "GPE" || e.Type == "LOC" || e.Type == "FAC"}) // "Russian", "Western"; not "government"
	}
	for k := range w.toks {
		w.toks[k].ment = -1
	}
	for mi, m := range w.ments {
		for k := m.t0; k < m.t1; k++ {
			w.toks[k].ment = mi
		}
	}
	n := len(w.ments)
	for k, t := range w.toks {
		if t.ment >= 0 || !pronouns.Has(t.low) {
			continue
		}
		a := w.resolve(k)
		if a == nil {
			continue
		}
		ac := *a
		ac.Start, ac.End = t.start, t.end
		w.ments = append(w.ments, mention{t0: k, t1: k + 1, actors: w.oneActor(ac), pronoun: true})
	}
	if len(w.ments) > n {
		sort.SliceStable(w.ments, func(i, j int) bool { return w.ments[i].t0 < w.ments[j].t0 })
		for k := range w.toks {
			w.toks[k].ment = -1
		}
		for mi, m := range w.ments {
			for k := m.t0; k < m.t1; k++ {
				w.toks[k].ment = mi
			}
		}
	}
}

// oneActor returns a one-element slice holding a, from a buffer reused across sentences. Its
// capacity is one, so that appending to it copies; the mentions' actors are only ever copied out.
func (w *worker) oneActor(a doc.Actor) []doc.Actor {
	if len(w.mentActs) == cap(w.mentActs) {
		// a new block: the slices handed out keep the old one alive and unchanged
		w.mentActs = make([]doc.Actor, 0, max(16, 2*cap(w.mentActs)))
	}
	n := len(w.mentActs)
	w.mentActs = append(w.mentActs, a)
	return w.mentActs[n : n+1 : n+1]
}

// resolve finds the actor a pronoun refers to.
func (w *worker) resolve(k int) *doc.Actor {
	t := &w.toks[k]
	if w.s.opts.Resolve != nil {
		return w.s.opts.Resolve(w.d, doc.Span{Start: t.start, End: t.end})
	}
	switch t.low {
	case "we", "us", "our", "i", "me", "my":
		for _, q := range w.d.Quotes {
			if q.Start <= t.start && t.end <= q.End && q.Speaker != nil && q.Speaker.Actor != nil {
				return q.Speaker.Actor
			}
		}
	}
	if !w.built {
		w.built = true
		for i, e := range w.d.Entities {
			if e.Actor != nil {
				w.actIdx = append(w.actIdx, i)
			}
		}
	}
	wantPerson := 0 // 1 person, -1 not a person
	switch t.low {
	case "he", "she", "him", "his", "her", "i", "me", "my":
		wantPerson = 1
	case "it", "its", "they", "them", "their":
		wantPerson = -1
	}
	j := sort.Search(len(w.actIdx), func(i int) bool { return w.d.Entities[w.actIdx[i]].Start >= t.start })
	var any *doc.Actor
	for j--; j >= 0; j-- {
		e := &w.d.Entities[w.actIdx[j]]
		if t.start-e.End > 2000 {
			break
		}
		p := e.Type == "PERSON" || e.Type == "PER"
		if wantPerson == 0 || (wantPerson == 1) == p {
			return e.Actor
		}
		if any == nil {
			any = e.Actor
		}
	}
	if wantPerson == -1 {
		return nil // "it" with no organisation or place before it is usually not an actor
	}
	return any
}

// findChains groups coordinated mentions ("the United States and NATO", "Russia, China and Iran").
func (w *worker) findChains() {
	w.chains = w.chains[:0]
	w.chainOf = w.chainOf[:0]
	n := len(w.ments)
	if cap(w.link) < n {
		w.link = make([]int, n)
	}
	link := w.link[:n] // 0 none, 1 comma, 2 and
	for k := range link {
		link[k] = 0
	}
	for k := 0; k+1 < n; k++ {
		a, b := w.ments[k], w.ments[k+1]
		if a.pronoun || b.pronoun {
			continue
		}
		hasAnd, hasComma, ok := false, false, b.t0 > a.t1
		for t := a.t1; t < b.t0 && ok; t++ {
			l := w.toks[t].low
			if !linkers.Has(l) {
				ok = false
			}
			switch l {
			case "and", "or", "&", "well", "along":
				hasAnd = true
			case ",":
				hasComma = true
			}
		}
		switch {
		case ok && hasAnd:
			link[k] = 2
		case ok && hasComma:
			link[k] = 1
		}
	}
	for k := n - 2; k >= 0; k-- {
		if link[k] == 1 && (k+1 >= n-1 || link[k+1] == 0) {
			link[k] = 0
		}
	}
	for k := 0; k < n; k++ {
		if k > 0 && link[k-1] > 0 {
			c := len(w.chains) - 1
			w.chains[c] = append(w.chains[c], k)
		} else {
			w.chains = append(w.chains, []int{k})
		}
		w.chainOf = append(w.chainOf, len(w.chains)-1)
	}
}

func (w *worker) chainSpan(c int) (int, int) {
	ms := w.chains[c]
	return w.ments[ms[0]].t0, w.ments[ms[len(ms)-1]].t1
}

// chainAt returns the chain whose first token is at or after t (skipping up to gap free tokens), or -1.
func (w *worker) chainStarting(t, limit, gap int) int {
	skipped := 0
	for ; t < limit; t++ {
		tk := &w.toks[t]
		if tk.ment >= 0 && !(w.ments[tk.ment].pronoun && possessive.Has(tk.low)) {
			return w.chainOf[tk.ment]
		}
		if tk.punct && tk.low != "-" || preps.Has(tk.low) {
			return -1
		}
		if !dets.Has(tk.low) {
			skipped++
			if skipped > gap {
				return -1
			}
		}
	}
	return -1
}

// segment splits the sentence into clause segments.
func (w *worker) segment() {
	w.segs = w.segs[:0]
	w.segOf = w.segOf[:0]
	if cap(w.inChain) < len(w.toks) {
		w.inChain = make([]bool, len(w.toks))
	}
	inChain := w.inChain[:len(w.toks)]
	for k := range inChain {
		inChain[k] = false
	}
	for c, ms := range w.chains {
		if len(ms) < 2 {
			continue
		}
		t0, t1 := w.chainSpan(c)
		for t := w.ments[ms[0]].t1; t < t1; t++ {
			if w.toks[t].ment < 0 {
				inChain[t] = true
			}
		}
		_ = t0
	}
	cur := seg{t0: 0, speech: -1}
	for i, t := range w.toks {
		start, word, sp := false, "", -1
		switch {
		case inChain[i]:
		case t.punct:
			switch t.low {
			case ",", ";", ":", "(", ")", "[", "]", "\"", "-":
				start, word = true, t.low
			}
		case boundaryWords.Has(t.low):
			start, word = true, t.low
			if t.low == "as" && i+1 < len(w.toks) && (w.toks[i+1].low == "well" || w.toks[i+1].low == "part") {
				start = false
			}
			if t.low == "as" && i > 0 && (w.toks[i-1].low == "such" || w.toks[i-1].low == "well") {
				start = false
			}
		case i > 0 && w.toks[i-1].ment < 0 && w.speech(i-1) != nil && !w.toks[i-1].capital:
			if t.low != "to" && t.low != "by" && !preps.Has(t.low) {
				start, sp = true, i-1
			}
		}
		if start && i > cur.t0 {
			cur.t1 = i
			w.segs = append(w.segs, cur)
			cur = seg{t0: i, word: word, speech: sp}
		} else if start {
			cur.word, cur.speech = word, sp
		}
	}
	cur.t1 = len(w.toks)
	w.segs = append(w.segs, cur)
	for si, s := range w.segs {
		for t := s.t0; t < s.t1; t++ {
			w.segOf = append(w.segOf, si)
		}
	}
}

// isVerbish reports whether token i looks like a verb.
func (w *worker) isVerbish(i int) bool { return w.toks[i].verbish }

func (w *worker) isVerbishSlow(i int) bool {
	t := &w.toks[i]
	if t.punct || t.capital || t.ment >= 0 {
		return false
	}
	if t.auxbe || w.speech(i) != nil {
		return true
	}
	if w.attributive(i) {
		return false // "the detained leaders", "an armed group": an adjective
	}
	if t.verb && !t.nounCtx {
		return true
	}
	return strings.HasSuffix(t.low, "ed") && len(t.low) > 4
}

// attributiveDets are the determiners after which a past participle before a noun is an
// adjective ("the detained leaders"); "that" and "this" are left out, being also pronouns ("this
// prompted protests").
var attributiveDets = set("the a an its their his her our my your")

// attributive reports a past participle (-ed) between a determiner and the word it modifies:
// "the detained leaders", "an armed group", "its disputed border".
func (w *worker) attributive(i int) bool {
	t := &w.toks[i]
	if !strings.HasSuffix(t.low, "ed") || len(t.low) < 5 || i == 0 || i+1 >= len(w.toks) || !attributiveDets.Has(w.toks[i-1].low) {
		return false
	}
	n := &w.toks[i+1]
	return !n.punct && !n.prep && !n.det && !n.auxbe && !n.num && n.low != "to" && !pronouns.Has(n.low) &&
		!strings.HasSuffix(n.low, "ed") && !strings.HasSuffix(n.low, "ing") && !boundaryWords.Has(n.low)
}

func (w *worker) segHasVerb(s int) bool {
	for t := w.segs[s].t0; t < w.segs[s].t1; t++ {
		if w.isVerbish(t) {
			return true
		}
	}
	return false
}

// nounContext reports whether token i, by the token before it, reads as a noun.
func (w *worker) nounContext(i int) bool {
	if i == 0 {
		return false
	}
	p := &w.toks[i-1]
	if p.ment >= 0 {
		m := w.ments[p.ment]
		if m.pronoun {
			return nounPrev.Has(p.low)
		}
		if m.norp && m.t1 == i && m.t1-m.t0 == 1 {
			return true
		}
		if m.place && m.t0 > 0 && w.toks[m.t0-1].det && w.toks[i].noun && !strings.HasSuffix(w.toks[i].low, "ed") {
			return true // "the Ghazni attacks"
		}
		// "the military strike": a bare verb form after a lower-case sector word is a noun
		t := &w.toks[i]
		return !w.toks[m.t0].capital && m.t1-m.t0 == 1 && t.verb && !strings.HasSuffix(t.low, "s") &&
			!strings.HasSuffix(t.low, "ed") && !strings.HasSuffix(t.low, "ing") && w.s.lex.lem.irregular[t.low] == nil
	}
	if p.nprev {
		return true
	}
	// "a travel ban", "the new peace talks": a determiner two or three words back, no verb between
	// (a past form there is a verb: "a car bomb killed")
	for j := i - 2; j >= 0 && j >= i-3 && !strings.HasSuffix(w.toks[i].low, "ed"); j-- {
		q := &w.toks[j]
		if q.punct || q.ment >= 0 || q.auxbe || q.low == "to" {
			break
		}
		if q.det || q.low == "'s" {
			ok := true
			for k := j + 1; k < i; k++ {
				if w.toks[k].verb && !strings.HasSuffix(w.toks[k].low, "ed") {
					continue
				}
				if w.speech(k) != nil {
					ok = false
				}
			}
			if ok {
				return true
			}
			break
		}
	}
	if p.low == "to" {
		return false
	}
	if p.wi != nil && p.wi.support {
		return true
	}
	// an adjective-like word before: "military strikes", "diplomatic talks"
	if !p.punct && !p.auxbe && (strings.HasSuffix(p.low, "al") || strings.HasSuffix(p.low, "ic") || strings.HasSuffix(p.low, "ary") ||
		strings.HasSuffix(p.low, "ive") || strings.HasSuffix(p.low, "ous") || strings.HasSuffix(p.low, "ful")) {
		return true
	}
	return false
}

// subordinators open clauses that do not carry a sentence's main event.
var subordinators = set("that which who whom whose where when while because although though after before since if unless whereas as amid despite")

// mainScore ranks an event as the main event of its sentence.
func (w *worker) mainScore(e doc.Event, h int, k Kind) int {
	sc := 0
	if !w.subordinate(w.segOf[h]) {
		sc += 8
	}
	if h > 0 && (w.toks[h-1].low == "to" || strings.HasSuffix(w.toks[h].low, "ing") && !aux.Has(w.toks[h-1].low) && !beForms.Has(w.toks[h-1].low)) {
		sc -= 3 // an infinitive or a participle: a purpose or a circumstance
	}
	switch k {
	case Verb:
		sc += 4
	case Noun:
		sc -= 2 // "condemned the attack": the verb is the sentence's event
	}
	for _, a := range e.Source {
		if a.Code != "" {
			sc += 2
			break
		}
	}
	for _, a := range e.Target {
		if a.Code != "" {
			sc++
			break
		}
	}
	return sc*100 - h
}

// flags computes the per-token word-class flags that matching consults many times.
func (w *worker) flags() {
	lex := w.s.lex
	if len(w.lastAt) < int(lex.nIDs)+1 {
		w.lastAt = make([]int32, lex.nIDs+1)
		w.lastGen = make([]uint32, lex.nIDs+1)
	}
	w.gen++
	if w.gen == 0 { // wrapped: forget everything
		clear(w.lastGen)
		w.gen = 1
	}
	for i := range w.toks {
		t := &w.toks[i]
		if t.punct {
			continue
		}
		var e, n wordEntry
		if wordset.MayHold(&lex.filter, t.low) {
			e = lex.entries[t.low]
		}
		n = e
		if t.stem != t.low {
			n = wordEntry{}
			if wordset.MayHold(&lex.filter, t.stem) {
				n = lex.entries[t.stem]
			}
		}
		t.wi, t.ni = e.wi, n.wi
		c := e.cls
		if e.wi != nil {
			t.verb = e.verb
		}
		t.noun = n.noun
		t.opt = c&clOpt != 0
		t.auxbe = c&clAuxBe != 0
		t.num = c&clNum != 0 || t.low[0] >= '0' && t.low[0] <= '9'
		t.prep = c&clPrep != 0
		t.det = c&clDet != 0
		t.nprev = c&clNounPrev != 0
		// where the first words of patterns last occur in the sentence
		if e.id > 0 {
			w.lastAt[e.id], w.lastGen[e.id] = int32(i), w.gen
		}
		if n.id > 0 {
			w.lastAt[n.id], w.lastGen[n.id] = int32(i), w.gen
		}
	}
	for i := range w.toks {
		w.toks[i].nounCtx = w.nounContext(i)
	}
	for i := range w.toks {
		t := &w.toks[i]
		t.vform = w.verbFormSlow(i)
		t.verbish = w.isVerbishSlow(i)
	}
}

// speech returns the speech pattern of token i, or nil.
func (w *worker) speech(i int) *Pattern {
	if wi := w.toks[i].wi; wi != nil {
		return wi.speech
	}
	return nil
}

// reset prepares a pooled worker for document d, keeping its buffers.
func (w *worker) reset(s *Stage, d *doc.Doc) {
	w.s, w.d = s, d
	w.subj = nil
	w.pub, w.pubOK = "", false
	w.actIdx = w.actIdx[:0]
	w.built = false
	w.timexSorted = sort.SliceIsSorted(d.Timexes, func(i, j int) bool { return d.Timexes[i].Start < d.Timexes[j].Start })
}

// subordinate reports whether segment si lies in a subordinate or relative clause.
func (w *worker) subordinate(si int) bool {
	for p := si; p >= 0; p-- {
		if subordinators.Has(w.segs[p].word) && !(w.segs[p].word == "that" && w.complement(p)) {
			return true
		}
		if w.segs[p].word == "" || w.segs[p].speech >= 0 {
			return false
		}
	}
	return false
}

// generalStatements drops a general statement (CAMEO 010) whose speaker also makes a more specific
// one in the sentence ("said she hoped ...": the hope, 013).
func generalStatements(evs []doc.Event) []doc.Event {
	out := evs[:0]
	for i, e := range evs {
		drop := false
		if e.Cameo == "010" {
			for j, f := range evs {
				if j != i && f.Cameo != "010" && sameActors(e.Source, f.Source) {
					drop = true
				}
			}
		}
		if !drop {
			out = append(out, e)
		}
	}
	return out
}
