package events

import (
	"strings"

	"dyad/doc"
)

// Pruning: a news sentence usually reports one happening, told by its main clause ("The court
// rejected the request to extradite him": a rejection, not also an extradition). Triggers found
// elsewhere in the sentence are often parts of that happening (the request is the rejection's
// object), its purpose ("met Merkel to discuss trade"), its circumstance ("..., accusing him of
// fraud") or background told in a relative or adverbial clause ("who was arrested last year"). By
// default the stage keeps, once the sentence has a main-clause event, only the events that are
// distinct happenings with an agent of their own: a relative clause whose antecedent is part of its
// trigger and whose coded source differs ("the demands that Russia had put forward" stays beside
// "NATO delivered responses to"). Conjoined main verbs of one agent, one QuadClass and one CAMEO
// root (or one target) are one happening ("killed six soldiers and wounded four"), unless a word of
// sequence parts them ("massed troops and then invaded"). Options.KeepAll keeps every event.

// evRole is how an event's trigger stands in its sentence.
type evRole uint8

const (
	roleMain      evRole = iota // a finite verb (or a support verb's noun) of the main clause
	roleEmbedded                // a finite verb of a relative, adverbial or reported clause
	roleNonfinite               // an infinitive or participle: a purpose, complement or circumstance
	roleNominal                 // a nominal trigger that no support verb governs
)

// role classifies the event whose trigger's head is token h (kind k).
func (w *worker) role(h int, k Kind) evRole {
	if k == Noun {
		if j := w.supportBefore(h); j >= 0 {
			return w.verbRole(j)
		}
		return roleNominal
	}
	if w.toks[h].nounCtx || h > 0 && (w.toks[h-1].det || w.toks[h-1].low == "'s" || w.toks[h-1].low == "-") {
		// a verb pattern matched on a noun or an adjective: "rejected the request", "Iran's
		// sanctions", "US-backed"
		return roleNominal
	}
	return w.verbRole(h)
}

// verbRole classifies the verb at token h.
func (w *worker) verbRole(h int) evRole {
	if w.nonfinite(h) {
		return roleNonfinite
	}
	if w.embedded(w.segOf[h]) {
		return roleEmbedded
	}
	return roleMain
}

// nonfinite reports an infinitive ("to discuss"), a participle without an auxiliary ("..., accusing
// him of", "killed in the attack" after the clause's verb) or a reduced passive.
func (w *worker) nonfinite(h int) bool {
	if h == 0 {
		return false
	}
	j := h - 1
	for j > 0 && (strings.HasSuffix(w.toks[j].low, "ly") && !w.toks[j].capital || w.toks[j].low == "also" || w.toks[j].low == "then") {
		j-- // "to swiftly condemn", "then accusing"
	}
	p := w.toks[j].low
	if p == "to" {
		// "to" after a verb of motion or a noun: an infinitive; "agreed to", "plans to" lead the
		// intention the event is coded as (pledged) and stay finite when the cue verb is
		if j > 0 {
			if q := w.toks[j-1]; (agreeCue.Has(q.low) || intendCue.Has(q.low) || negVerbCue.Has(q.low) || threatCue.Has(q.low)) && !w.nonfinite(j-1) {
				return false
			}
		}
		return true
	}
	t := w.toks[h].low
	if strings.HasSuffix(t, "ing") && !aux.Has(p) && !beForms.Has(p) && !negWords.Has(p) {
		return true
	}
	return w.reducedPassive(h)
}

// embedded reports whether segment si lies in a relative or adverbial clause, or in reported speech
// that such a clause opens; a fronted adverbial clause ends at its comma ("After the talks, Russia
// attacked").
func (w *worker) embedded(si int) bool {
	comma := false
	for p := si; p >= 0; p-- {
		sg := w.segs[p]
		if subordinators.Has(sg.word) && !(sg.word == "that" && w.complement(p)) {
			if comma && (p == 0 || w.segs[p].t0 == 0 || w.segs[p-1].word == "") && sg.t0 <= 1 {
				return false
			}
			return true
		}
		switch sg.word {
		case "":
			if sg.speech < 0 {
				return false
			} // "even as the Kurds said the army had attacked": reported speech inside a clause
		case ",":
			comma = true
		}
	}
	return false
}

// supportBefore returns the token of a support verb ("launched", "held", "carried out") that governs
// the nominal trigger at h, or -1.
func (w *worker) supportBefore(h int) int {
	si := w.segOf[h]
	for j := h - 1; j >= w.segs[si].t0 && j >= h-5; j-- {
		t := &w.toks[j]
		if wi := t.wi; wi != nil && wi.support && !t.nounCtx {
			return j
		}
		if t.punct || t.ment >= 0 && !w.ments[t.ment].norp || t.prep && t.low != "of" || t.verbish {
			return -1
		}
	}
	return -1
}

// hasCoded reports whether as holds a coded actor.
func hasCoded(as []doc.Actor) bool {
	for _, a := range as {
		if a.Code != "" {
			return true
		}
	}
	return false
}

// prune keeps the events of a sentence that are distinct happenings (see above). evs, heads and
// kinds are parallel; the kept events are returned in order.
func (w *worker) prune(evs []doc.Event, heads []int, kinds []Kind) []doc.Event {
	if len(evs) < 2 || len(heads) != len(evs) {
		return evs
	}
	roles := w.roles[:0]
	main := -1
	for k := range evs {
		r := w.role(heads[k], kinds[k])
		roles = append(roles, r)
		if r == roleMain && main < 0 {
			main = k
		}
	}
	w.roles = roles
	if main < 0 {
		// no main-clause event: the first finite one leads, else the first
		for k, r := range roles {
			if r == roleEmbedded {
				main = k
				break
			}
		}
		if main < 0 {
			main = 0
		}
		roles[main] = roleMain
	}
	keep := w.keep[:0]
	for k := range evs {
		e := &evs[k]
		ok := false
		switch roles[k] {
		case roleMain:
			// conjoined verbs of one agent on the same side of the conflict-cooperation scale tell
			// one happening ("killed six soldiers and wounded four others", "rejects and condemns
			// the decision"): the first stays
			ok = k == main || !w.sameHappening(&evs[main], e, heads[main], heads[k])
		case roleEmbedded:
			// a distinct happening with an agent of its own
			ok = w.fronted[k] && hasCoded(e.Source) && !sameActors(e.Source, evs[main].Source) && !w.placeAntecedent(e, heads[k])
		}
		if !ok && kinds[k] == Noun && heads[k] < heads[main] && w.segOf[heads[k]] == w.segOf[heads[main]] &&
			kinds[main] == Verb && !hasCoded(evs[main].Source) && hasCoded(e.Source) {
			// "the airstrikes by the army killed two people": the noun's agent acts in the main event
			m := &evs[main]
			m.Source = e.Source
			m.Rule += "+agent"
		}
		keep = append(keep, ok)
	}
	// "two people were killed when ISIL attacked the embassy": an outcome told without an agent
	// yields to the act, with its agent, that the adverbial clause reports
	if len(evs[main].Source) == 0 && kinds[main] == Verb && (w.passive(heads[main]) || w.reducedPassive(heads[main])) {
		for k := range evs {
			if roles[k] == roleEmbedded && !keep[k] && hasCoded(evs[k].Source) && evs[k].QuadClass == evs[main].QuadClass &&
				adverbial.Has(w.segs[w.segOf[heads[k]]].word) {
				keep[k], keep[main] = true, false
				break
			}
		}
	}
	w.keep = keep
	out := evs[:0]
	for k := range evs {
		if !keep[k] {
			continue
		}
		e := evs[k]
		// one happening, one event: a trigger overlapping a kept one ("rejected" and "rejected
		// appeals to release") is the same event; the more specific (longer) match stays
		if n := len(out); n > 0 && overlap(out[n-1].Trigger.Span, e.Trigger.Span) {
			if span(e.Trigger.Span) > span(out[n-1].Trigger.Span) {
				out[n-1] = e
			}
			continue
		}
		out = append(out, e)
	}
	return out
}

func overlap(a, b doc.Span) bool { return a.Start < b.End && b.Start < a.End }

func span(a doc.Span) int { return a.End - a.Start }

// placeAntecedent reports an event of a relative clause whose source is a place before the clause
// ("a fire in the city of Dhaka that killed"): the antecedent is not the place but what happened there.
func (w *worker) placeAntecedent(e *doc.Event, h int) bool {
	if len(e.Source) == 0 {
		return false
	}
	s0 := w.toks[w.segs[w.segOf[h]].t0].start
	for _, m := range w.ments {
		if len(m.actors) > 0 && m.actors[0].Start == e.Source[0].Start {
			return m.place && w.toks[m.t0].start < s0
		}
	}
	return false
}

// sameHappening reports whether b, a later main-clause event, retells a: the same source and the
// same CAMEO root, or the same source and target and the same QuadClass, and no word of sequence
// between them ("massed troops and then invaded" are two).
func (w *worker) sameHappening(a, b *doc.Event, ha, hb int) bool {
	if a.QuadClass != b.QuadClass || !sameSide(a.Source, b.Source) {
		return false
	}
	if a.Cameo[:2] != b.Cameo[:2] && !(len(a.Target) > 0 && sameSide(a.Target, b.Target)) {
		return false
	}
	for j := ha + 1; j < hb && j < len(w.toks); j++ {
		switch w.toks[j].low {
		case "then", "later", "subsequently", "before", "after", "afterwards", "next":
			return false
		}
	}
	return true
}

// sameSide reports whether a and b name the same actors (uncoded ones by their words).
func sameSide(a, b []doc.Actor) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Code != b[i].Code || a[i].Code == "" && a[i].Name != b[i].Name {
			return false
		}
	}
	return true
}

// adverbial holds the words that open an adverbial clause of time or cause.
var adverbial = set("when as after while since because following")
