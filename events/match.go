package events

import (
	"sort"
	"strings"

	"dyad/doc"
	"dyad/ontology"
)

const maxGap = 3 // other words allowed between two pattern words

// match finds the triggers of the sentence, longest pattern first, without overlaps.
func (w *worker) match() []cand {
	var out []cand
	for i := range w.toks {
		t := &w.toks[i]
		if t.punct || t.ment >= 0 {
			continue
		}
		if t.capital && i > 0 {
			continue
		}
		var vps, nps []*Pattern
		var vfi, nfi *firstIndex
		isV, isN := t.verb, t.noun
		if isV {
			vps, vfi = t.wi.verbs, &t.wi.vfirst
		}
		if isN {
			nps, nfi = t.ni.nouns, &t.ni.nfirst
		}
		if isV && !isN && t.nounCtx && (strings.HasSuffix(t.low, "ed") || strings.HasSuffix(t.low, "en")) {
			isV = false // "the detained leaders"
		}
		first, second := vps, nps
		ffi, sfi := vfi, nfi
		if !isV {
			first, second = nps, nil
			ffi, sfi = nfi, nil
		} else if isN && t.nounCtx {
			first, second = nps, vps
			ffi, sfi = nfi, vfi
		} else if !isN {
			second = nil
		}
		var best cand
		found := false
		rel := relWords.Has(w.segs[w.segOf[i]].word)
		for li, ps := range [2][]*Pattern{first, second} {
			if len(ps) == 0 {
				continue
			}
			fi := ffi
			if li == 1 {
				fi = sfi
			}
			memo := w.firstMemo[:0]
			for range fi.words {
				memo = append(memo, -2)
			}
			w.firstMemo = memo
			// at returns where the first word after the head of pattern k is found (-1 not found),
			// or -2 when the pattern does not start with a word
			at := func(k int) int {
				f := fi.of[k]
				if f < 0 {
					return -2
				}
				if memo[f] == -2 {
					if id := fi.ids[f]; id > 0 && (w.lastGen[id] != w.gen || int(w.lastAt[id]) <= i) {
						memo[f] = -1 // not in the rest of the sentence
					} else {
						memo[f] = w.find(fi.words[f], i+1, maxGap)
					}
				}
				return memo[f]
			}
			for k, p := range ps {
				j0 := at(k)
				if j0 == -1 && !(rel && p.Kind == Verb) {
					continue // try would fail on the first word
				}
				if c, ok := w.try(p, i, rel, j0); ok {
					best, found = c, true
					// of the patterns as long as this one, the tightest match wins ("agreed to a
					// ceasefire with": "agree to ceasefire", not "agree with TARGET")
					for k2 := k + 1; k2 < len(ps); k2++ {
						q := ps[k2]
						if len(q.Words) != len(p.Words) {
							break
						}
						if c2, ok := w.try(q, i, rel, at(k2)); ok && c2.words >= best.words && c2.last < best.last {
							best = c2
						}
					}
					break
				}
			}
			if found {
				break
			}
		}
		if !found {
			continue
		}
		// the content of an accusation or a charge ("accused X of attacking") is not an event of its own
		if n := len(out); n > 0 && out[n-1].p.Kind == Verb && len(out[n-1].p.Words) > 0 && best.head > out[n-1].last && best.head <= out[n-1].last+3 {
			switch out[n-1].p.Words[len(out[n-1].p.Words)-1] {
			case "of", "for", "with":
				continue
			}
		}
		// overlaps: keep the match with more pattern words
		if n := len(out); n > 0 && out[n-1].last >= best.head {
			if out[n-1].words >= best.words {
				continue
			}
			out = out[:n-1]
		}
		out = append(out, best)
	}
	return out
}

// try matches pattern p with its head at token i; j0 is where the first word after the head was
// found (-1 not found), or -2 when it is not known.
func (w *worker) try(p *Pattern, i int, rel bool, j0 int) (cand, bool) {
	c := cand{p: p, head: i, last: i, slot: -1, antecSeg: -1, words: 1}
	pos := i + 1
	segi := w.segOf[i]
	for k, word := range p.Words {
		if word == objectSlot {
			// at least one word before the next pattern word, which must follow
			j := w.findLoose(p.Words[k+1], pos, 6)
			if j <= pos {
				return c, false
			}
			pos = j
			continue
		}
		if word == "" { // TARGET
			ch := w.chainStarting(pos, len(w.toks), 2)
			if ch < 0 && k > 0 && preps.Has(p.Words[k-1]) && k == len(p.Words)-1 {
				// "responses to a raft of demands that Russia made": the target is further on
				ch = w.objectIn(pos-1, -1, true)
			}
			if ch < 0 && k < len(p.Words)-1 && p.Words[k+1] != "" {
				// a middle slot without an actor ("call on the people to"): skip a short phrase
				if j := w.findLoose(p.Words[k+1], pos, 6); j > pos {
					// "urged close partners like Chile to": an actor inside the phrase
					for g := pos; g < j; g++ {
						if m := w.toks[g].ment; m >= 0 && !w.ments[m].pronoun {
							c.slot = w.chainOf[m]
							break
						}
					}
					if c.slot < 0 && npSlotOK(p, true) && w.objectNP(pos) {
						c.npSlot = pos + 1 // "accused the legislation of": the phrase is the target
					}
					pos = j
					continue
				}
			}
			if ch < 0 && k == 0 && w.passive(i) {
				continue // "the prisoners were released": the subject fills the slot
			}
			if ch < 0 && k == len(p.Words)-1 && npSlotOK(p, false) && w.objectNP(pos) {
				// "released at least 19 Christians": an uncoded object fills a final slot
				c.npSlot = pos + 1
				continue
			}
			if ch < 0 {
				return c, false
			}
			c.slot = ch
			_, pos = w.chainSpan(ch)
			continue
		}
		var j int
		if k == 0 && j0 != -2 {
			j = j0
		} else if k == 0 {
			j = w.find(word, pos, maxGap)
		} else {
			j = w.find(word, pos, maxGap)
		}
		if j < 0 && k == 0 && !c.fronted && rel && p.Kind == Verb {
			// a relative clause: "the demands that Russia had put forward"
			j = w.findBack(word, w.segs[segi].t0)
			if j >= 0 {
				c.fronted = true
				c.antecSeg = w.segOf[j]
				c.words++
				continue
			}
		}
		if j < 0 && k == 1 && !c.fronted && rel && p.Kind == Verb && len(p.Words) > 1 && isParticle(p.Words[0]) {
			j = w.findBack(word, w.segs[segi].t0)
			if j >= 0 {
				c.fronted = true
				c.antecSeg = w.segOf[j]
				c.words++
				continue
			}
		}
		if j < 0 {
			return c, false
		}
		c.words++
		c.last = j
		pos = j + 1
	}
	return c, true
}

func isParticle(w string) bool {
	switch w {
	case "forward", "out", "up", "off", "down", "back", "in", "over":
		return true
	}
	return false
}

// find looks for word at token pos, allowing up to gap other words before it (articles are free).
func (w *worker) find(word string, pos, gap int) int {
	skipped := 0
	for j := pos; j < len(w.toks); j++ {
		t := &w.toks[j]
		if t.stem == word || t.low == word {
			return j
		}
		if t.low == "(" {
			if k := w.parenEnd(j); k > j {
				j = k // "the Lebanese Armed Forces (LAF) with": an acronym or a gloss
				continue
			}
		}
		if t.punct && t.low != "-" && !currency(t.low) && !w.inNumber(j) {
			return -1
		}
		if t.opt || t.num || t.low == "'s" || t.punct {
			continue // "$2 million", "€45m"
		}
		if t.auxbe || t.vform {
			return -1
		}
		if (t.low == "and" || t.low == "or") && j > pos && j+1 < len(w.toks) && w.modifierPair(j) {
			continue // "bilateral and multilateral aid": coordinated modifiers count as one word
		}
		if t.ment >= 0 && t.capital && !w.ments[t.ment].norp && !w.ments[t.ment].pronoun &&
			!(w.ments[t.ment].t1 < len(w.toks) && (w.toks[w.ments[t.ment].t1].low == "'s" || w.modifies(w.ments[t.ment].t1, word))) {
			return -1 // an actor between the pattern's words: the pattern would need a TARGET there
		}
		skipped++
		if skipped > gap {
			return -1
		}
	}
	return -1
}

// modifierPair reports whether the conjunction at token j joins two lower-case words that are not
// verbs, actors or function words ("bilateral and multilateral", "trade and travel").
func (w *worker) modifierPair(j int) bool {
	for _, k := range [2]int{j - 1, j + 1} {
		t := &w.toks[k]
		if t.punct || t.capital || t.num || t.ment >= 0 || t.det || t.prep || t.auxbe || t.verbish || pronouns.Has(t.low) {
			return false
		}
	}
	return true
}

// verbForm reports whether token j is a form of a lexicon verb that reads as a verb (not "the
// attack", not "military operations").
func (w *worker) verbFormSlow(j int) bool {
	t := &w.toks[j]
	if !t.verb {
		return false
	}
	if t.nounCtx {
		return false // "a data sharing agreement", "the detained leaders"
	}
	if j > 0 && (dets.Has(w.toks[j-1].low) || w.toks[j-1].low == "'s") {
		return false // "a planned visit"
	}
	return strings.HasSuffix(t.low, "ed") || strings.HasSuffix(t.low, "ing") || w.s.lex.lem.irregular[t.low] != nil
}

// findBack looks for word, a noun, in the six tokens before the relative pronoun at token rel
// ("the demands for security guarantees that"); not after a conjunction or a verb ("but that").
func (w *worker) findBack(word string, rel int) int {
	if rel == 0 {
		return -1
	}
	if p := w.toks[rel-1]; p.punct || boundaryWords.Has(p.low) || p.auxbe || p.verbish || w.speech(rel-1) != nil {
		return -1
	}
	for j := rel - 1; j >= 0 && j >= rel-6; j-- {
		if w.toks[j].verbish {
			return -1
		}
		t := &w.toks[j]
		if t.stem == word {
			return j
		}
		if t.punct && t.low != "-" {
			return -1
		}
	}
	return -1
}

// subject returns the chain that is the subject of the clause segment si for a verb at token v, or -1.
func (w *worker) subject(si, v int) int {
	s := w.segs[si]
	// 1. the first mention of the segment that is not the object of a preposition
	for t := s.t0; t < v; t++ {
		m := w.toks[t].ment
		if m < 0 {
			continue
		}
		c := w.chainOf[m]
		t0, t1 := w.chainSpan(c)
		if t0 < s.t0 {
			t = t1 - 1
			continue
		}
		if !w.governed(t0) {
			return c
		}
		t = t1 - 1
	}
	// 2. the nearest mention before the verb that follows "of" ("the foreign minister of France said")
	for t := v - 1; t >= s.t0; t-- {
		if m := w.toks[t].ment; m >= 0 {
			if c := w.chainOf[m]; w.govBy(w.ments[w.chains[c][0]].t0) == "of" {
				return c
			}
		}
	}
	// 3. a relative clause: the antecedent just before the pronoun
	if relWords.Has(s.word) && s.word != "that" || s.word == "that" && s.t0 > 0 && !w.complement(si) {
		for t := s.t0 - 1; t >= 0 && t >= s.t0-3; t-- {
			if m := w.toks[t].ment; m >= 0 {
				return w.chainOf[m]
			}
			if w.toks[t].punct && w.toks[t].low != "," {
				break
			}
		}
	}
	// 4. the subject of an earlier segment: a conjoined verb, an apposition, a participle
	if s.speech >= 0 || s.word == "that" || s.word == "if" || s.word == "because" || relWords.Has(s.word) {
		return -1
	}
	for p := si - 1; p >= 0 && p >= si-3; p-- {
		if w.segHasVerb(p) {
			if w.subj == nil {
				w.subj = map[int]int{}
			}
			if c, ok := w.subj[p]; ok {
				return c
			}
			v := w.firstVerb(p)
			c := w.subject(p, v)
			w.subj[p] = c
			return c
		}
		for t := w.segs[p].t1 - 1; t >= w.segs[p].t0; t-- {
			if m := w.toks[t].ment; m >= 0 && !w.governed(w.ments[m].t0) {
				return w.chainOf[m]
			}
		}
	}
	return -1
}

// complement reports whether segment si, opened by "that", follows a verb (said that, alleged that).
func (w *worker) complement(si int) bool {
	t0 := w.segs[si].t0
	if t0 == 0 {
		return false
	}
	p := &w.toks[t0-1]
	if p.ment >= 0 || p.punct {
		return false
	}
	return p.verb || w.speech(t0-1) != nil || p.auxbe || strings.HasSuffix(p.low, "ed")
}

func (w *worker) firstVerb(si int) int {
	for t := w.segs[si].t0; t < w.segs[si].t1; t++ {
		if w.isVerbish(t) {
			return t
		}
	}
	return w.segs[si].t1
}

// govBy returns the preposition that governs the mention starting at token t, or "".
func (w *worker) govBy(t int) string {
	for j := t - 1; j >= 0 && j >= t-3; j-- {
		l := w.toks[j].low
		if dets.Has(l) {
			continue
		}
		if preps.Has(l) {
			return l
		}
		return ""
	}
	return ""
}

// governed reports whether the mention starting at token t is the object of a preposition.
func (w *worker) governed(t int) bool {
	for j := t - 1; j >= 0 && j >= t-3; j-- {
		l := w.toks[j].low
		if dets.Has(l) {
			continue
		}
		return preps.Has(l)
	}
	return false
}

// passive reports whether the verb at token v is in the passive voice.
func (w *worker) passive(v int) bool {
	t := &w.toks[v]
	if strings.HasSuffix(t.low, "ing") || strings.HasSuffix(t.low, "s") && !strings.HasSuffix(t.low, "ss") {
		return false
	}
	if !strings.HasSuffix(t.low, "ed") && !strings.HasSuffix(t.low, "en") {
		if _, irr := w.s.lex.lem.irregular[t.low]; !irr {
			return false
		}
	}
	for j := v - 1; j >= 0 && j >= v-3; j-- {
		l := w.toks[j].low
		if beForms.Has(l) {
			return true
		}
		if strings.HasSuffix(l, "ly") || negWords.Has(l) || l == "also" || l == "reportedly" {
			continue
		}
		return false
	}
	return false
}

// byAgent returns the chain after "by" following token v, or -1.
func (w *worker) byAgent(v, limit int) int {
	for j := v + 1; j < len(w.toks) && j <= v+limit; j++ {
		if w.toks[j].low == "by" {
			return w.chainStarting(j+1, len(w.toks), 2)
		}
		if w.toks[j].punct {
			return -1
		}
	}
	return -1
}

// objectAfter returns the first chain after token t in the segment (or in a following relative
// segment), other than not.
func (w *worker) objectAfter(t, not int) int { return w.objectIn(t, not, false) }

// objectIn is objectAfter; with rel, the search goes on into a following relative clause ("responses
// to demands that Russia had made").
func (w *worker) objectIn(t, not int, rel bool) int {
	si := w.segOf[min(t, len(w.toks)-1)]
	end := w.segs[si].t1
	if rel && si+1 < len(w.segs) && relWords.Has(w.segs[si+1].word) {
		end = w.segs[si+1].t1
	}
	for j := t + 1; j < end; j++ {
		if m := w.toks[j].ment; m >= 0 && w.ments[m].pronoun && possessive.Has(w.toks[j].low) {
			continue // "called his counterpart": the possessor is not the object
		}
		if m := w.toks[j].ment; m >= 0 {
			c := w.chainOf[m]
			if c != not {
				return c
			}
			_, t1 := w.chainSpan(c)
			j = t1 - 1
		}
	}
	return -1
}

// prepObject returns the chain after a preposition (on, against, with, ...) within a few tokens of t.
func (w *worker) prepObject(t int) int {
	for j := t + 1; j < len(w.toks) && j <= t+4; j++ {
		l := w.toks[j].low
		if w.toks[j].punct {
			return -1
		}
		switch l {
		case "on", "against", "with", "to", "of", "in", "at", "into", "toward", "towards":
			return w.chainStarting(j+1, len(w.toks), 2)
		}
	}
	return -1
}

// nounSource finds who acts in a nominal trigger at token h: a possessor or adjective before it
// ("Russia's invasion", "Israeli airstrikes"), an agent after it ("by the army"), "between X and Y",
// or the subject of a support verb governing it ("launched airstrikes").
func (w *worker) nounSource(h int) (src, tgt int) {
	src, tgt = -1, -1
	// before: skip up to two modifiers
	for j := h - 1; j >= 0 && j >= h-3; j-- {
		t := &w.toks[j]
		if t.low == "'s" {
			continue
		}
		if t.ment >= 0 {
			m := w.ments[t.ment]
			possessor := m.t1 < len(w.toks) && w.toks[m.t1].low == "'s"
			if a := m.actors[0]; (a.Country != "" || len(a.Code) > 3 || m.pronoun) && (!m.place || possessor) {
				src = w.chainOf[t.ment]
			}
			break
		}
		if t.punct || dets.Has(t.low) && t.low != "'s" || preps.Has(t.low) {
			break
		}
	}
	if src < 0 {
		src = w.byAgent(h, 4)
	}
	if src < 0 && h+1 < len(w.toks) && w.toks[h+1].low == "between" {
		if c := w.chainStarting(h+2, len(w.toks), 2); c >= 0 {
			ms := w.chains[c]
			if len(ms) > 1 {
				return c, -2 - c // the chain's first mention acts, the others are targets
			}
		}
	}
	if src < 0 {
		si := w.segOf[h]
		lo := w.segs[si].t0
		if sp := w.segs[si].speech; sp >= 0 && sp == lo-1 {
			lo = sp // "announced additional aid": the verb of saying is the support verb
		}
		for j := h - 1; j >= lo && j >= h-10; j-- {
			if l := w.toks[j].low; w.toks[j].prep && l != "of" && l != "for" || w.toks[j].vform && !w.isSupport(j) || w.toks[j].punct {
				break // the noun is not the support verb's object ("delivered responses to demands")
			}
			if w.isSupport(j) {
				src = w.subject(w.segOf[j], j)
				if src >= 0 {
					// "joined Trump and Abe for talks": the support verb's object is the target
					if o := w.chainStarting(j+1, h, 2); o >= 0 && o != src {
						tgt = o
					}
					if tgt < 0 {
						tgt = -100 - j // no target, but a support verb: see code
					}
				}
				break
			}
		}
	}
	return src, tgt
}

// code turns a matched trigger into an event.
func (w *worker) code(c cand) (doc.Event, bool) {
	var e doc.Event
	code := c.p.Code
	src, tgt := -1, -1
	nounAlone := false
	var srcAct, tgtAct []doc.Actor
	si := w.segOf[c.head]
	switch c.p.Kind {
	case Verb:
		subj := w.subject(si, c.head)
		if w.reducedPassive(c.head) {
			subj = -1
			if h := c.head - 1; w.toks[h].ment >= 0 {
				subj = w.chainOf[w.toks[h].ment]
			}
			tgt = subj
			src = w.byAgent(c.last, 6)
		} else if w.passive(c.head) {
			tgt = subj
			src = w.byAgent(c.last, 6)
		} else {
			src = subj
			if c.slot >= 0 {
				tgt = c.slot
			} else if c.npSlot > 0 {
				tgt = -1 // the object phrase, below
			} else if c.last > c.head && patientNoun.Has(w.toks[c.last].stem) &&
				(c.last+1 >= len(w.toks) || w.toks[c.last+1].low != "from") {
				// "expelled two junior Cuban diplomats", "recalled its envoy": the pattern's last
				// word names who is acted upon; an actor in the gap, else the phrase (below)
				for j := c.head + 1; j <= c.last; j++ {
					if m := w.toks[j].ment; m >= 0 && w.chainOf[m] != src && !w.ments[m].pronoun {
						tgt = w.chainOf[m]
						break
					}
				}
			} else {
				tgt = w.objectAfter(c.last, src)
				if tgt >= 0 {
					if t0, _ := w.chainSpan(tgt); t0 > c.last+maxObjectGap {
						tgt = -1 // "banned rallies ... (a dozen words later) by the guards": too far
					}
				}
			}
		}
		if c.fronted && tgt < 0 && c.antecSeg >= 0 {
			// the demands that Russia put forward -> to whom the main clause is about
			if a := w.subject(c.antecSeg, w.firstVerb(c.antecSeg)); a != src {
				tgt = a
			}
		}
	case Noun:
		var between int
		src, between = w.nounSource(c.head)
		supported := between <= -100
		if between >= 0 {
			tgt, between = between, -1
		}
		if between <= -2 && between > -100 {
			ch := -2 - between
			ms := w.chains[ch]
			srcAct = append(srcAct, w.ments[ms[0]].actors...)
			for _, m := range ms[1:] {
				tgtAct = append(tgtAct, w.ments[m].actors...)
			}
			src = -1
		}
		if src < 0 && srcAct == nil && !w.s.opts.KeepUnattributed || w.feared(c.head) {
			return e, false
		}
		if tgtAct != nil || tgt >= 0 {
			// "talks between X and Y" or the support verb already gave the target
		} else if c.slot >= 0 {
			tgt = c.slot
		} else {
			tgt = w.prepObject(c.last)
		}
		if tgt < 0 && supported && ontology.Root(code) != "04" {
			nounAlone = true // "the armies held joint exercises": a source and a support verb suffice
		}
	}
	if src >= 0 {
		srcAct = w.actors(src)
		// "Russia and China held talks": a cooperative event between the members of a compound
		// subject, the first acting on the others
		if r := ontology.Root(code); tgt < 0 && len(w.chains[src]) > 1 && r >= "03" && r <= "06" && len(tgtAct) == 0 {
			ms := w.chains[src]
			srcAct = append([]doc.Actor(nil), w.ments[ms[0]].actors...)
			for _, m := range ms[1:] {
				tgtAct = append(tgtAct, w.ments[m].actors...)
			}
		}
	}
	if tgt >= 0 && tgt != src {
		tgtAct = w.actors(tgt)
	}
	if len(tgtAct) == 0 && c.p.Kind == Verb && ontology.Root(code) == "01" {
		// "expressed hope that the government would": a statement is about its clause's subject
		tgtAct = w.topic(c.last, srcAct)
	}
	if sameActors(srcAct, tgtAct) {
		tgtAct = nil
	}
	if c.p.Kind == Verb && !w.s.opts.CodedOnly {
		// roles that no coded actor fills get the noun phrase itself
		pass := w.passive(c.head) || w.reducedPassive(c.head)
		if len(srcAct) == 0 && !pass {
			srcAct = w.npBefore(c.head)
		}
		if len(tgtAct) == 0 {
			if pass {
				tgtAct = w.npBefore(c.head)
			} else {
				if c.npSlot > 0 {
					tgtAct = w.npAfter(c.npSlot - 2)
				} else {
					tgtAct = w.npAfter(c.last)
				}
				if tgtAct == nil && c.last > c.head && patientNoun.Has(w.toks[c.last].stem) {
					tgtAct = w.np(c.head+1, c.last+1) // "released at least 19 hostages"
					if m := w.toks[c.last].ment; tgtAct == nil && m >= 0 && w.chainOf[m] != src {
						tgtAct = w.actors(w.chainOf[m]) // "accepted 1,141 Iraqi refugees"
					}
				}
			}
		}
	}
	if len(tgtAct) == 0 && c.p.Kind == Verb && len(srcAct) > 0 {
		// "relaxed the curfew in Tartus", "ended the state of emergency in two provinces": with no
		// one acted upon, the place where the event happens is its target
		if ch := w.placeAfter(c.last); ch >= 0 && ch != src {
			tgtAct = w.actors(ch)
		}
	}
	if len(tgtAct) == 0 && c.p.Kind == Verb && len(srcAct) > 0 {
		// "filed lawsuits against two airlines", "froze trade talks with Peru":
		// with no object, the party named after "against", "with" or "on" is acted upon
		tgtAct = w.prepTarget(c.last, src, npSlotOK(c.p, true))
	}
	if c.p.Kind == Noun && len(tgtAct) == 0 && !nounAlone && !w.s.opts.KeepUnattributed {
		return e, false // a nominal trigger codes an event only between two actors
	}
	if len(srcAct) == 0 && len(tgtAct) == 0 && !w.s.opts.KeepUnattributed &&
		(w.s.opts.CodedOnly || c.p.Kind != Verb || w.npBefore(c.head) == nil || w.subordinate(si)) {
		return e, false // no coded actor: only a main-clause verb with a subject phrase is kept
	}
	trig := doc.Span{Start: w.toks[c.head].start, End: w.toks[c.last].end}
	e.Sentence = w.sent
	rule := c.p.ID
	// modality and negation
	mod, neg, threat := w.modality(c.head, si)
	root := ontology.Root(code)
	rj := w.rejecter(c.head, si)
	if rj < 0 && neg && mod == doc.Intended {
		rj = c.head // "will not lift the sanctions": a refusal
	}
	if rj >= 0 && root >= "02" && root <= "08" {
		// "refused to meet", "rejected talks with": CAMEO codes the refusal (12x)
		switch root {
		case "04", "03":
			code = "125"
		case "08":
			code = "124"
		case "02":
			code = "122"
		default:
			code = "121"
		}
		if _, ok := ontology.Cameo(code); !ok {
			code = "120"
		}
		trig.Start = w.toks[rj].start
		rule += "+reject"
		neg, mod = false, doc.Asserted
	} else if pk := w.pledged(c.head, si); mod == doc.Intended && threat < 0 && pk != 0 {
		// "will provide aid", "pledged to withdraw", "agreed to resign": CAMEO codes the intent
		// (03x); a promise of force is a threat (13x)
		switch root {
		case "06":
			code = "031"
		case "07":
			code = "033"
		case "08":
			code = "035"
		case "04":
			code = "036"
		case "15", "17", "18", "19", "20":
			if pk == 'p' {
				code, threat = "138", -2
			} else {
				code = "030"
			}
		case "14", "16":
			if pk == 'p' {
				code = "131"
			} else {
				code = "030"
			}
		}
		if _, ok := ontology.Cameo(code); !ok {
			code = c.p.Code
		}
		if code != c.p.Code {
			rule += "+intent"
			mod = doc.Asserted
		}
	}
	if c.p.Kind == Verb && w.obliged(c.head, si) && ontology.Root(code) != "10" {
		// "X said Y must mediate": X demands it of Y
		if sp := w.speaker(si); sp >= 0 && sp != src {
			code = "100"
			tgtAct, srcAct = srcAct, w.actors(sp)
			if len(tgtAct) == 0 && tgt >= 0 {
				tgtAct = w.actors(tgt)
			}
			rule += "+must"
			mod, neg = doc.Reported, false
		}
	}
	if threat >= 0 && ontology.Root(code) != "13" {
		switch ontology.Root(code) {
		case "15", "17", "18", "19", "20":
			code = "138"
		case "16":
			code = "1312"
		default:
			code = "130"
		}
		if _, ok := ontology.Cameo(code); !ok {
			code = "130"
		}
		trig.Start = w.toks[threat].start
		rule += "+threaten"
	}
	fill(&e, code)
	e.Trigger = doc.Mention{Span: trig, Text: w.d.Text[trig.Start:trig.End]}
	for i := range srcAct {
		w.widen(&srcAct[i], trig)
	}
	for i := range tgtAct {
		w.widen(&tgtAct[i], trig)
	}
	for i := range tgtAct {
		w.attachPP(&tgtAct[i], trig, srcAct)
	}
	e.Source, e.Target = srcAct, tgtAct
	e.Negated = neg
	e.Modality = mod
	e.Rule = rule
	clause := doc.Span{Start: w.toks[w.segs[si].t0].start, End: w.toks[w.segs[si].t1-1].end}
	e.Date, e.DateBasis = w.date(clause, trig, si)
	return e, true
}

func (w *worker) actors(c int) []doc.Actor {
	var out []doc.Actor
	for _, m := range w.chains[c] {
		out = append(out, w.ments[m].actors...)
	}
	return out
}

// modality decides the modality and negation of the event at token h in segment si, and finds a
// governing "threaten to" (its token, or -1).
func (w *worker) modality(h, si int) (mod string, neg bool, threat int) {
	threat = -1
	s := w.segs[si]
	hypo, intend, reported, denied := false, false, false, false
	if s.word == "if" || s.word == "unless" || s.word == "whether" {
		hypo = true
	}
	for j := h - 1; j >= s.t0 && j >= h-6; j-- {
		l := w.toks[j].low
		switch {
		case negWords.Has(l):
			neg = true
		case negVerbCue.Has(l) && j+1 < len(w.toks) && w.toks[j+1].low == "to":
			neg = true
		case threatCue.Has(l) && j+1 < len(w.toks) && w.toks[j+1].low == "to":
			threat = j
		case l == "would" || l == "'d":
			hypo = true
		case hypoCue.Has(l):
			hypo = true
		case intendCue.Has(l):
			intend = true
		}
		if w.toks[j].ment >= 0 && j < h-1 {
			break
		}
	}
	// reported speech: a verb of saying earlier in the sentence, or a quotation around the trigger
	for p := si; p >= 0; p-- {
		if sp := w.segs[p].speech; sp >= 0 {
			reported = true
			if w.speech(sp).Head == "deny" {
				denied = true
			}
			break
		}
		if w.segs[p].word == "that" && p > 0 && p == si {
			if t := w.segs[p].t0 - 1; t >= 0 {
				if sp := w.speech(t); sp != nil {
					reported = true
					denied = denied || sp.Head == "deny"
					break
				}
			}
		}
	}
	start := w.toks[h].start
	for _, q := range w.d.Quotes {
		if q.Start <= start && start < q.End {
			reported = true
		}
	}
	for j := 0; j+1 < len(w.toks) && j < h; j++ {
		if w.toks[j].low == "according" && w.toks[j+1].low == "to" {
			reported = true
		}
	}
	if hypo && reported && !strings.Contains(" if unless whether ", " "+s.word+" ") {
		// "he said he would send": the backshifted future of reported speech
		hypo = false
		intend = true
		for j := h - 1; j >= s.t0 && j >= h-6; j-- {
			if l := w.toks[j].low; hypoCue.Has(l) && l != "would" && l != "'d" {
				hypo = true
			}
		}
	}
	switch {
	case denied:
		mod, neg = doc.Denied, true
	case hypo:
		mod = doc.Hypothetical
	case intend:
		mod = doc.Intended
	case reported:
		mod = doc.Reported
	default:
		mod = doc.Asserted
	}
	return mod, neg, threat
}

// date dates an event.
func (w *worker) date(clause, trig doc.Span, si int) (string, string) {
	if w.s.opts.EventDate != nil {
		return w.s.opts.EventDate(w.d, clause, trig)
	}
	best, bestD := "", 1<<30
	xs := w.d.Timexes
	if w.timexSorted {
		k := sort.Search(len(xs), func(k int) bool { return xs[k].Start >= w.sent.Start })
		xs = xs[k:]
	}
	for _, x := range xs {
		if w.timexSorted && x.Start >= w.sent.End {
			break
		}
		if x.Type != "DATE" || x.Value == "" || x.Value[0] < '0' || x.Value[0] > '9' {
			continue
		}
		if x.Start < w.sent.Start || x.End > w.sent.End {
			continue
		}
		dist := x.Start - trig.End
		if x.End <= trig.Start {
			dist = trig.Start - x.End
		}
		if dist < 0 {
			dist = 0
		}
		if !(clause.Start <= x.Start && x.End <= clause.End) {
			if x.Start > trig.End && w.timexSegHasVerb(x.Start) {
				continue
			}
			dist += 1000
		}
		if dist < bestD {
			best, bestD = x.Value, dist
		}
	}
	if best != "" {
		return best, "timex"
	}
	if !w.pubOK {
		w.pubOK = true
		if t, ok := w.d.PublishedTime(); ok {
			w.pub = t.Format("2006-01-02")
		}
	}
	if w.pub != "" {
		return w.pub, "published"
	}
	return "", ""
}

// statements adds CAMEO 01 events for verbs of saying that report nothing more specific.
func (w *worker) statements(evs []doc.Event, heads []int) []doc.Event {
	for i, t := range w.toks {
		p := w.speech(i)
		if p == nil || t.ment >= 0 || t.capital && i > 0 {
			continue
		}
		if w.nounContext(i) {
			continue
		}
		if p.Head == "deny" && hasEventAfter(heads, i) {
			continue
		}
		if hasEventAfter(heads, i) {
			continue
		}
		covered := false
		for _, e := range evs {
			if e.Trigger.Start <= t.start && t.end <= e.Trigger.End {
				covered = true
			}
		}
		if covered {
			continue
		}
		si := w.segOf[i]
		src := w.subject(si, i)
		if src < 0 {
			// "..., said Lavrov": the speaker after the verb
			if c := w.chainStarting(i+1, len(w.toks), 1); c >= 0 {
				src = c
			}
		}
		var srcNP []doc.Actor
		if src < 0 && !w.s.opts.CodedOnly {
			srcNP = w.npBefore(i) // "the agency said"
		}
		if src < 0 && srcNP == nil {
			continue
		}
		var e doc.Event
		fill(&e, p.Code)
		e.Sentence = w.sent
		e.Trigger = doc.Mention{Span: doc.Span{Start: t.start, End: t.end}, Text: w.d.Text[t.start:t.end]}
		if src >= 0 {
			e.Source = w.actors(src)
		} else {
			e.Source = srcNP
		}
		if p.Head == "tell" {
			if c := w.chainStarting(i+1, len(w.toks), 1); c >= 0 && c != src {
				e.Target = w.actors(c)
			}
		}
		if len(e.Target) == 0 {
			e.Target = w.topic(i, e.Source)
		}
		mod, neg, _ := w.modality(i, si)
		e.Negated = neg
		e.Modality = mod
		e.Rule = p.ID
		if p.Head != "deny" && w.reportsObligation(i) {
			// "said the government must ensure security": a demand on the clause's subject
			fill(&e, "100")
			e.Rule += "+must"
		}
		clause := doc.Span{Start: w.toks[w.segs[si].t0].start, End: w.toks[w.segs[si].t1-1].end}
		e.Date, e.DateBasis = w.date(clause, e.Trigger.Span, si)
		evs = append(evs, e)
		heads = append(heads, i)
	}
	return evs
}

func hasEventAfter(heads []int, i int) bool {
	for _, h := range heads {
		if h > i {
			return true
		}
	}
	return false
}

// timexSegHasVerb reports whether the clause segment holding byte offset off has a verb.
func (w *worker) timexSegHasVerb(off int) bool {
	for i, t := range w.toks {
		if t.start >= off {
			return w.segHasVerb(w.segOf[i])
		}
	}
	return false
}

// sameActors reports whether a and b name the same actor codes.
func sameActors(a, b []doc.Actor) bool {
	if len(a) == 0 || len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Code != b[i].Code {
			return false
		}
		// a bare sector code names a kind, not one actor: "the army ... attacked a military
		// base" are two
		if a[i].Country == "" && len(a[i].Code) <= 3 && a[i].Code != "" && !strings.EqualFold(a[i].Name, b[i].Name) {
			return false
		}
	}
	return true
}

// rejecter returns the token of a "refuse", "reject" or "rule out" that governs the trigger at h, or -1.
func (w *worker) rejecter(h, si int) int {
	for j := h - 1; j >= w.segs[si].t0 && j >= h-4; j-- {
		l := w.toks[j].low
		switch l {
		case "refuse", "refuses", "refused", "refusing", "reject", "rejects", "rejected", "rejecting",
			"decline", "declines", "declined", "declining", "rebuff", "rebuffed", "rebuffs", "spurned", "spurn":
			return j
		case "out":
			if j > 0 && strings.HasPrefix(w.toks[j-1].low, "rule") {
				return j - 1
			}
		}
		if w.toks[j].ment >= 0 || w.toks[j].punct {
			return -1
		}
	}
	return -1
}

// pledged reports how the trigger at h is announced as an intention in its clause: 'a' for an
// agreement or readiness ("agreed to", "is willing to", "is ready to"), 'p' for a promise or plan
// ("pledged to", "will", "plans to", the "would" of reported speech), 0 for none.
func (w *worker) pledged(h, si int) byte {
	for j := h - 1; j >= w.segs[si].t0; j-- {
		l := w.toks[j].low
		switch l {
		case "will", "'ll", "shall", "would":
			return 'p'
		}
		if j+1 < len(w.toks) && w.toks[j+1].low == "to" {
			switch {
			case agreeCue.Has(l):
				return 'a'
			case intendCue.Has(l):
				return 'p'
			}
		}
	}
	return 0
}

// agreeCue: "decided to" is not here: a decision is reported as an act ("decided to lift the
// sanctions" codes the lifting).
var agreeCue = set("agree agrees agreed agreeing willing ready prepared able offer offers offered offering consent consents consented")

// reducedPassive reports a past participle that modifies the noun before it ("six farmers killed in",
// "a convoy attacked by"): a passive without "be" that is not the verb of its clause.
func (w *worker) reducedPassive(h int) bool {
	if h == 0 {
		return false
	}
	t := &w.toks[h]
	if !strings.HasSuffix(t.low, "ed") && w.s.lex.lem.irregular[t.low] == nil {
		return false
	}
	p := &w.toks[h-1]
	if p.punct || aux.Has(p.low) || beForms.Has(p.low) || negWords.Has(p.low) || strings.HasSuffix(p.low, "ly") {
		return false
	}
	if p.ment >= 0 && !w.ments[p.ment].norp {
		// "Russia attacked": a subject, unless a preposition or "by" follows the participle directly
		if h+1 >= len(w.toks) || !(w.toks[h+1].low == "by" || w.toks[h+1].low == "in" && false) {
			return false
		}
	}
	if h+1 < len(w.toks) {
		switch w.toks[h+1].low {
		case "by", "in", "at", "during", "near", "on", "last", "earlier", "when", "while", "after", "since":
			// "killed in Afghanistan", "attacked by gunmen"
			return w.segHasOtherVerb(h)
		}
	}
	return false
}

// segHasOtherVerb reports whether the sentence has a finite verb before token h other than h.
func (w *worker) segHasOtherVerb(h int) bool {
	for j := 0; j < h; j++ {
		if w.isVerbish(j) {
			return true
		}
	}
	return false
}

// npBefore returns the subject noun phrase before the verb at h as an uncoded actor, or nil.
func (w *worker) npBefore(h int) []doc.Actor {
	si := w.segOf[h]
	j := h - 1
	for j >= w.segs[si].t0 && (aux.Has(w.toks[j].low) || beForms.Has(w.toks[j].low) || negWords.Has(w.toks[j].low) ||
		strings.HasSuffix(w.toks[j].low, "ly") || hypoCue.Has(w.toks[j].low) ||
		w.toks[j].low == "to" || w.toks[j].verbish && j+1 < len(w.toks) && w.toks[j+1].low == "to") {
		j-- // "has agreed to lay down": back to the subject
	}
	end := j + 1
	start := end
	for k := j; k >= w.segs[si].t0 && end-k <= 8; k-- {
		t := &w.toks[k]
		if t.punct && t.low != "-" && t.low != "'" || relWords.Has(t.low) || pronouns.Has(t.low) || t.verbish || t.low == "to" {
			break
		}
		start = k
	}
	return w.np(start, end)
}

// npAfter returns the object noun phrase after token t as an uncoded actor, or nil.
func (w *worker) npAfter(t int) []doc.Actor {
	start := t + 1
	if start < len(w.toks) && w.toks[start].prep && w.toks[start].low != "of" && !w.toks[t].prep &&
		w.toks[start].low != "including" && !(start+1 < len(w.toks) && (w.toks[start+1].num || w.toks[start+1].low == "least")) {
		return nil // "freed prisoners from a jail": an adjunct, not the object ("about 300 people" is)
	}
	end := start
	for k := start; k < len(w.toks) && k-start < 6; k++ {
		tk := &w.toks[k]
		if k == start && tk.low == "that" && k+1 < len(w.toks) && !w.toks[k+1].det && !pronouns.Has(w.toks[k+1].low) &&
			!w.toks[k+1].capital && !w.toks[k+1].verbish && !w.toks[k+1].punct {
			end = k + 1 // "of that death toll": a determiner
			continue
		}
		if tk.punct && tk.low != "-" && tk.low != "'" || relWords.Has(tk.low) || boundaryWords.Has(tk.low) || pronouns.Has(tk.low) ||
			k > start && preps.Has(tk.low) || w.isVerbish(k) && !dets.Has(tk.low) {
			break
		}
		end = k + 1
	}
	return w.np(start, end)
}

func (w *worker) np(start, end int) []doc.Actor {
	for start < end && (w.toks[start].det || w.toks[start].prep || w.toks[start].punct || w.toks[start].low == "least" ||
		w.toks[start].low == "most") {
		start++
	}
	for end > start && (w.toks[end-1].punct || w.toks[end-1].det || w.toks[end-1].prep) {
		end--
	}
	if start >= end {
		return nil
	}
	a, b := w.toks[start].start, w.toks[end-1].end
	for _, x := range w.d.Timexes {
		if x.Start < b && a < x.End {
			return nil // "on Sunday", "last week": a time, not a participant
		}
	}
	switch w.toks[start].low {
	case "and", "or", "but", "then", "also", "today", "yesterday", "tomorrow", "earlier", "later", "late", "just", "hours", "days", "weeks":
		return nil
	}
	if f := w.toks[start]; !f.capital && len(f.low) > 5 && strings.HasSuffix(f.low, "ing") {
		return nil // "complaining of", "regulating the zones": a participle, not an object
	}
	if w.coded(start) || w.coded(end-1) {
		return nil // a coded mention heads or ends the phrase and was not chosen
	}
	a, b = w.toks[start].start, w.toks[end-1].end
	return []doc.Actor{{Name: w.d.Text[a:b], Rule: "events:np", Start: a, End: b}}
}

// feared reports a nominal trigger that is only feared, wanted or avoided ("fears of a further
// invasion", "warnings about war", "the risk of an attack"): no event.
func (w *worker) feared(h int) bool {
	for j := h - 1; j >= 0 && j >= h-7; j-- {
		switch w.toks[j].stem {
		case "fear", "threat", "risk", "possibility", "prospect", "warning", "spectre", "specter", "danger",
			"want", "avoid", "prevent", "averting", "avert", "rumor", "rumour", "talk":
			return true
		}
		if w.toks[j].punct && w.toks[j].low != "-" {
			return false
		}
	}
	return false
}

// obliged reports a "must" or "has to" before the trigger at h in its clause.
func (w *worker) obliged(h, si int) bool {
	for j := h - 1; j >= w.segs[si].t0 && j >= h-4; j-- {
		switch w.toks[j].low {
		case "must", "should":
			return true
		case "to":
			if j > 0 && (w.toks[j-1].low == "has" || w.toks[j-1].low == "have") {
				return true
			}
		}
	}
	return false
}

// speaker returns the chain of the speaker whose verb of saying governs segment si, or -1.
func (w *worker) speaker(si int) int {
	for p := si; p >= 0; p-- {
		if sp := w.segs[p].speech; sp >= 0 {
			return w.subject(w.segOf[sp], sp)
		}
		if w.segs[p].word == "that" && p > 0 {
			if t := w.segs[p].t0 - 1; t >= 0 && w.speech(t) != nil {
				return w.subject(w.segOf[t], t)
			}
		}
	}
	return -1
}

// findLoose looks for word within gap tokens of pos, skipping anything but punctuation and verbs
// (the words between are a noun phrase that no coded actor covers: "urged old friends such as
// Peru to").
func (w *worker) findLoose(word string, pos, gap int) int {
	for j := pos; j < len(w.toks) && j <= pos+gap; j++ {
		t := &w.toks[j]
		if t.stem == word || t.low == word {
			return j
		}
		if t.punct && t.low != "-" || t.vform || t.auxbe {
			return -1
		}
	}
	return -1
}

// objectNP reports whether an uncoded noun phrase object starts at token pos: not a preposition, a
// verb, a clause boundary, a pronoun or a time ("on Sunday").
func (w *worker) objectNP(pos int) bool {
	if w.s.opts.CodedOnly || pos >= len(w.toks) {
		return false
	}
	t := w.toks[pos]
	if t.prep && pos+1 < len(w.toks) && (w.toks[pos+1].num || w.toks[pos+1].low == "least") {
		t.prep = false // "at least 19 hostages", "about 300 people"
	}
	if t.punct || t.prep || t.low == "to" || boundaryWords.Has(t.low) || pronouns.Has(t.low) && !possessive.Has(t.low) || t.auxbe ||
		t.verbish && !t.det || t.ment >= 0 && !w.ments[t.ment].norp && !possessive.Has(t.low) {
		return false
	}
	return w.npAfter(pos-1) != nil
}

// currency reports a currency sign ("$", "€", "£", "¥").
func currency(s string) bool {
	switch s {
	case "$", "€", "£", "¥":
		return true
	}
	return false
}

// modifies reports whether a mention ending before token t is a modifier inside a noun phrase: the
// pattern word or a lower-case noun follows it ("the US embargo on", "a U.N. advance team"), not a
// verb, an article or a preposition ("send Russia aid" keeps Russia a participant).
func (w *worker) modifies(t int, word string) bool {
	n := &w.toks[t]
	if n.stem == word || n.low == word {
		return true
	}
	if n.punct || n.capital || n.det || n.prep || n.verbish || n.auxbe || n.ment >= 0 || boundaryWords.Has(n.low) {
		return false
	}
	return t+1 < len(w.toks) && (w.toks[t+1].stem == word || w.toks[t+1].low == word)
}

// npSlotOK reports whether a pattern's final TARGET slot may take an uncoded noun phrase: not for
// consultation and diplomatic cooperation, whose targets are actors ("received food" is no visit),
// nor, for a final slot, for a pattern of a verb and a preposition alone.
func npSlotOK(p *Pattern, middle bool) bool {
	r := p.Code[:min(2, len(p.Code))]
	if r == "04" || r == "05" {
		return false
	}
	if middle {
		return true // "accuse TARGET of": the slot is the phrase between the words
	}
	// "give to TARGET": the words in the gap carry the meaning ("gave a speech to business
	// leaders"), so only an actor may fill the slot; "release TARGET", "lift ban on TARGET" may
	// take any object
	for _, w := range p.Words {
		if w != "" && !preps.Has(w) {
			return true
		}
	}
	return len(p.Words) == 1
}

// topic returns what a statement at token t is about: the subject of the clause it reports ("said
// the embassy had", "expressed hope that the government would"), as its coded actors or, unless
// CodedOnly, as the noun phrase; nil when the clause's subject is the speaker or there is none.
func (w *worker) topic(t int, src []doc.Actor) []doc.Actor {
	return w.topicHop(t, src, 2)
}

// topicHop is topic, allowed to pass hops times over a pronoun subject and its verb or adjective
// ("said it is skeptical of the toll", "said they hoped Bolton would").
func (w *worker) topicHop(t int, src []doc.Actor, hops int) []doc.Actor {
	j := t + 1
	for j < len(w.toks) && (w.toks[j].low == "that" || w.toks[j].low == ":" || w.toks[j].low == "\"" || w.toks[j].low == ",") {
		j++
	}
	if as := w.aboutObject(t); as != nil {
		return as
	}
	for k := j; k < len(w.toks) && k <= j+4; k++ {
		tk := &w.toks[k]
		if k == j && pronouns.Has(tk.low) && !possessive.Has(tk.low) && hops > 0 {
			// "said it is skeptical of", "said they hoped Bolton would": past the speaker
			if v := w.attitudeAfter(k + 1); v > k {
				return w.topicHop(v, src, hops-1)
			}
			return nil
		}
		if tk.ment >= 0 {
			m := w.ments[tk.ment]
			if m.pronoun && !possessive.Has(tk.low) || w.governed(m.t0) {
				return nil // "said it would", "said on Monday in Paris"
			}
			as := w.actors(w.chainOf[tk.ment])
			if sameActors(as, src) {
				return nil
			}
			return as
		}
		if tk.punct && tk.low != "-" && tk.low != "'" || tk.verbish || tk.auxbe || tk.prep || boundaryWords.Has(tk.low) {
			break
		}
	}
	if w.s.opts.CodedOnly || j >= len(w.toks) || !w.objectNP(j) {
		return nil
	}
	// the noun phrase must be a clause's subject: a verb follows it
	np := w.npAfter(j - 1)
	if np == nil {
		return nil
	}
	for k := j; k < len(w.toks) && k <= j+8; k++ {
		if w.toks[k].start >= np[0].End {
			if w.toks[k].verbish || w.toks[k].auxbe {
				return np
			}
			return nil
		}
	}
	return nil
}

// patientNoun holds the nouns that, as the last word of a pattern, name the people the event is
// done to ("release hostages", "expel diplomats"): the phrase they end is the target.
var patientNoun = set("hostage prisoner detainee captive refugee migrant diplomat envoy ambassador inspector worker journalist activist civilian people soldier protester protestor demonstrator student fisherman sailor national citizen")

// inNumber reports a dot or comma between two numbers ("1 . 2 billion", "1 , 141" in text tokenized
// with spaces).
func (w *worker) inNumber(j int) bool {
	l := w.toks[j].low
	return (l == "." || l == ",") && j > 0 && j+1 < len(w.toks) && w.toks[j-1].num && w.toks[j+1].num
}

// widen makes a coded actor's mention cover its noun phrase: the articles, numbers and modifiers
// before it ("the senior Chilean envoy", "six Philippine Army soldiers") and, when the mention
// modifies a noun, that head noun ("Philippine Army soldiers"), never across the trigger, a verb,
// a preposition, punctuation or another mention.
func (w *worker) widen(a *doc.Actor, trig doc.Span) {
	if a.Code == "" || a.End <= a.Start {
		return
	}
	t0 := sort.Search(len(w.toks), func(k int) bool { return w.toks[k].start >= a.Start })
	if t0 >= len(w.toks) || w.toks[t0].start != a.Start {
		return
	}
	t1 := t0
	for t1 < len(w.toks) && w.toks[t1].end <= a.End {
		t1++
	}
	if t1 == t0 || w.toks[t0].ment >= 0 && w.ments[w.toks[t0].ment].pronoun {
		return
	}
	free := func(k int) bool {
		t := &w.toks[k]
		return !t.punct && t.ment < 0 && !t.prep && !t.verbish && !t.auxbe && !boundaryWords.Has(t.low) &&
			!pronouns.Has(t.low) && (t.end <= trig.Start || t.start >= trig.End) && t.low != "to" && !negWords.Has(t.low)
	}
	// the head noun after a modifying mention: "Philippine Army soldiers", "Iraqi troops"
	end, words := t1, 0
	for k := t1; k < len(w.toks) && k < t1+5; {
		t := &w.toks[k]
		if t.ment >= 0 && !w.ments[t.ment].pronoun && (t.end <= trig.Start || t.start >= trig.End) {
			k = w.ments[t.ment].t1 // "Philippine Army soldiers": adjacent mentions of one phrase
			end = k
			continue
		}
		if words == 2 || !free(k) || t.capital || t.det || t.num || strings.HasSuffix(t.low, "ly") || t.verb && !t.nounCtx {
			break
		}
		words++
		k++
		end = k
	}
	if end > t1 && end < len(w.toks) && w.toks[end].low == "'s" {
		end = t1 // "Iran's ...": the possessor stays as it is
	}
	start := t0
	for k := t0 - 1; k >= 0 && k >= t0-4 && free(k) && !(w.toks[k].low == "s" && k > 0 && w.toks[k-1].punct); k-- {
		start = k
		if w.toks[k].det {
			break // the article opens the phrase
		}
	}
	a.Start, a.End = w.toks[start].start, w.toks[end-1].end
}

// placeAfter returns the chain of a coded place after "in", "on", "at", "into", "across",
// "throughout", "inside" or "as" within the clause of token t, or -1.
func (w *worker) placeAfter(t int) int {
	si := w.segOf[t]
	end := w.segs[si].t1
	if end == t+1 && end < len(w.toks) && w.toks[end].low == "as" {
		end = w.segs[w.segOf[end]].t1 // "resigned as governor of Ohio"
	}
	for j := t + 1; j < end && j <= t+8; j++ {
		switch w.toks[j].low {
		case "in", "on", "at", "into", "across", "throughout", "inside", "as":
			// "in Tartus", "in the outer districts of Tartus", "resigned as governor of Ohio": a
			// place heads or ends the phrase
			for k := j + 1; k < end && k <= j+7; k++ {
				n := &w.toks[k]
				if m := n.ment; m >= 0 {
					if w.ments[m].place || w.toks[j].low == "as" && !w.ments[m].pronoun {
						return w.chainOf[m] // "as governor of Ohio": the office's place
					}
					return -1
				}
				if n.punct && n.low != "-" || n.auxbe || n.verbish || boundaryWords.Has(n.low) || preps.Has(n.low) && n.low != "of" {
					return -1
				}
			}
			return -1
		}
		if w.toks[j].verbish || w.toks[j].auxbe {
			return -1
		}
	}
	return -1
}

// attachPP extends a target's mention over the prepositional phrase attached to it ("the ferry
// terminal in Tartus", "militants in the border district", "the families of the miners"): the party
// acted upon is the whole noun phrase. It stops at a verb, punctuation, a clause word, the trigger or
// a source mention.
func (w *worker) attachPP(a *doc.Actor, trig doc.Span, src []doc.Actor) {
	if a.End == 0 {
		return
	}
	k := 0
	for k < len(w.toks) && w.toks[k].end < a.End {
		k++
	}
	if k >= len(w.toks) || w.toks[k].end != a.End {
		return
	}
	stop := func(j int) bool {
		t := &w.toks[j]
		if t.punct && t.low != "-" && t.low != "'" || t.auxbe || boundaryWords.Has(t.low) || pronouns.Has(t.low) && !possessive.Has(t.low) ||
			t.verbish && !t.nounCtx || t.start < trig.End && trig.Start < t.end {
			return true
		}
		for _, b := range src {
			if t.start < b.End && b.Start < t.end {
				return true
			}
		}
		return false
	}
	end := k
	j := k + 1
	if j+1 < len(w.toks) && (w.toks[j].low == "in" || w.toks[j].low == "of" || w.toks[j].low == "near" || w.toks[j].low == "from") &&
		!stop(j) && !stop(j+1) && !calendarWords.Has(w.toks[j+1].low) && !w.toks[j+1].num && !w.isGerund(j+1) {
		j++
		for n := 0; j < len(w.toks) && n < 6 && !stop(j) && !(n > 0 && w.toks[j].prep); n++ {
			end = j
			j++
		}
	}
	if end > k {
		for _, x := range w.d.Timexes {
			if x.Start < w.toks[end].end && w.toks[k+1].start < x.End {
				return // "in the first week": a time
			}
		}
		a.End = w.toks[end].end
		if a.Rule == "events:np" {
			a.Name = w.d.Text[a.Start:a.End]
		}
	}
}

// isGerund reports a lower-case -ing word that is not a noun in context ("of hurting farmers").
func (w *worker) isGerund(j int) bool {
	t := &w.toks[j]
	return !t.capital && len(t.low) > 5 && strings.HasSuffix(t.low, "ing") && !t.nounCtx
}

// maxObjectGap is how many tokens past a verb pattern its object may start.
const maxObjectGap = 12

// calendarWords are names of days and months, times rather than parties even without a timex layer.
var calendarWords = set("monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december")

// prepTarget returns the party after "against", "with" or "on" that follows the event at token t
// within its clause, across a short object phrase ("called off the strike against the oil
// company"): the coded actors in its noun phrase, else (when np and not CodedOnly) the phrase
// itself; nil if none.
func (w *worker) prepTarget(t, src int, np bool) []doc.Actor {
	si := w.segOf[t]
	end := w.segs[si].t1
	for j := t + 1; j < end && j <= t+6; j++ {
		tk := &w.toks[j]
		switch tk.low {
		case "against", "with", "on":
			k := j + 1
			for ; k < end && k <= j+8; k++ {
				n := &w.toks[k]
				if m := n.ment; m >= 0 && !(w.ments[m].pronoun && possessive.Has(n.low)) {
					if c := w.chainOf[m]; c != src {
						return w.actors(c)
					}
					return nil
				}
				if n.punct && n.low != "-" && n.low != "'" || n.auxbe || boundaryWords.Has(n.low) ||
					k > j+1 && preps.Has(n.low) && n.low != "of" || k == j+1 && n.verbish && !n.nounCtx {
					break
				}
			}
			if !np || w.s.opts.CodedOnly || k > j+1 && (calendarWords.Has(w.toks[j+1].low) || tk.low == "on" && w.toks[j+1].num) {
				return nil // "resigned on Thursday": a time, not a party
			}
			return w.np(j+1, k)
		}
		if tk.punct && tk.low != "-" || tk.verbish && !tk.nounCtx || tk.auxbe || tk.ment >= 0 || boundaryWords.Has(tk.low) {
			return nil
		}
	}
	return nil
}

// aboutObject returns what an attitude is about: the object of "about", "over", "at", "of",
// "regarding" or "concerning" after the statement at t, across a time word, a pronoun subject
// and an adjective ("expressed optimism Friday over the deal", "says he is pessimistic about the
// talks"), as coded actors or a noun phrase.
func (w *worker) aboutObject(t int) []doc.Actor {
	for j := t + 1; j < len(w.toks) && j <= t+6; j++ {
		tk := &w.toks[j]
		switch tk.low {
		case "about", "over", "at", "of", "regarding", "concerning":
			if c := w.chainStarting(j+1, len(w.toks), 2); c >= 0 {
				return w.actors(c)
			}
			if w.s.opts.CodedOnly {
				return nil
			}
			return w.npAfter(j)
		}
		if tk.punct || tk.prep || tk.verbish && !tk.auxbe || tk.ment >= 0 && !w.ments[tk.ment].pronoun {
			return nil
		}
	}
	return nil
}

// coded reports whether token k belongs to a mention of a coded actor.
func (w *worker) coded(k int) bool {
	m := w.toks[k].ment
	return m >= 0 && len(w.ments[m].actors) > 0 && w.ments[m].actors[0].Code != ""
}

// parenEnd returns the token of the ")" closing a short parenthesis without a verb that opens at
// token j ("(LAF)", "(about $2 million)"), or -1.
func (w *worker) parenEnd(j int) int {
	for k := j + 1; k < len(w.toks) && k <= j+5; k++ {
		t := &w.toks[k]
		if t.low == ")" {
			return k
		}
		if t.verbish || t.auxbe || t.low == "(" {
			return -1
		}
	}
	return -1
}

// isSupport reports a support verb at token j that reads as a verb ("announced a suspension").
func (w *worker) isSupport(j int) bool {
	wi := w.toks[j].wi
	return wi != nil && wi.support && !w.toks[j].nounCtx
}

// attitudeAfter returns the last token of an attitude after a pronoun subject that starts at token
// k ("is skeptical", "is pessimistic", "hoped", "expects", "are worried"): a verb of saying or
// thinking, or a form of "be" and an adjective; or -1.
func (w *worker) attitudeAfter(k int) int {
	for k < len(w.toks) && (aux.Has(w.toks[k].low) && !beForms.Has(w.toks[k].low) || strings.HasSuffix(w.toks[k].low, "ly")) {
		k++ // "would", "has", "strongly"
	}
	if k >= len(w.toks) {
		return -1
	}
	t := &w.toks[k]
	if w.speech(k) != nil || thinkVerbs.Has(t.stem) || thinkVerbs.Has(t.low) {
		return k
	}
	if beForms.Has(t.low) && k+1 < len(w.toks) {
		n := &w.toks[k+1]
		if !n.punct && !n.det && !n.prep && n.ment < 0 && !n.verbish {
			return k + 1
		}
	}
	return -1
}

// thinkVerbs are verbs of hoping, thinking and expecting whose clause a statement reports.
var thinkVerbs = set("hope hoped hopes expect expects expected believe believes believed think thinks thought fear fears feared feel feels felt want wants wanted agree agrees agreed")

// reportsObligation reports a "must", "should" or "has to" in the clause that the verb of saying at
// token i reports, before any other verb of saying.
func (w *worker) reportsObligation(i int) bool {
	for j := i + 1; j < len(w.toks) && j <= i+12; j++ {
		t := &w.toks[j]
		switch t.low {
		case "must", "should":
			return !(j+1 < len(w.toks) && negWords.Has(w.toks[j+1].low)) // "should not": a warning
		case "to":
			if p := w.toks[j-1].low; p == "has" || p == "have" || p == "needs" || p == "need" {
				return j-1 > i+1
			}
		}
		if j > i+1 && w.speech(j) != nil || t.low == ";" || boundaryWords.Has(t.low) && t.low != "that" {
			return false
		}
	}
	return false
}
