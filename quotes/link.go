package quotes

import "dyad/doc"

// inContent reports whether span s lies inside the content of quote q: inside one of its parts
// when it has parts (the attribution between parts is not content), else inside its span.
func inContent(q *doc.Quote, s doc.Span) bool {
	if len(q.Parts) == 0 {
		return q.Span.Contains(s)
	}
	for _, p := range q.Parts {
		if p.Contains(s) {
			return true
		}
	}
	return false
}

// Covering returns the index in d.Quotes of the quote whose content contains s (for an event
// trigger: the event is reported speech, and the quote's speaker is its source of record), or -1.
// When quotes nest, the innermost (shortest) one wins.
func Covering(d *doc.Doc, s doc.Span) int {
	best := -1
	for i := range d.Quotes {
		q := &d.Quotes[i]
		if q.Start > s.Start {
			break // quotes are ordered by start
		}
		if inContent(q, s) && (best < 0 || q.Len() < d.Quotes[best].Len()) {
			best = i
		}
	}
	return best
}

// Link fills Quote.Events from d.Events: each event whose trigger lies in the content of a quote
// is listed (by index into d.Events) on the innermost such quote. It replaces earlier links and is
// meant for the events stage, after it has set d.Events.
func Link(d *doc.Doc) {
	for i := range d.Quotes {
		d.Quotes[i].Events = nil
	}
	for ei := range d.Events {
		if qi := Covering(d, d.Events[ei].Trigger.Span); qi >= 0 {
			d.Quotes[qi].Events = append(d.Quotes[qi].Events, ei)
		}
	}
}
