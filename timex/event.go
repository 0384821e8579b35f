package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/doc"
)

// EventDate returns the date of an event whose trigger lies in clause: the value of the timex that
// governs the clause (basis "timex"), else the publication date (basis "published"), else "" (basis
// ""). A zero clause means the trigger's sentence. See EventTimex for the rule.
func EventDate(d *doc.Doc, clause doc.Span, trigger doc.Span) (value, basis string) {
	if i := EventTimex(d, clause, trigger); i >= 0 {
		return dateOf(d.Timexes[i].Value), "timex"
	}
	if t, ok := parsePublished(d.Published); ok {
		switch len(d.Published) {
		case 4:
			return d.Published, "published"
		case 7:
			return d.Published, "published"
		}
		return t.Format("2006-01-02"), "published"
	}
	return "", ""
}

// EventTimex returns the index in d.Timexes of the timex that governs the trigger's clause, or -1.
// Candidates are the DATE and TIME expressions with a calendar value (not PRESENT_REF, durations or
// sets) inside the clause, or, when the clause has none, inside the trigger's sentence. The nearest
// wins, where crossing a clause boundary (";", or a "that", "which", "who", "when", "after",
// "before", "because", "while", "but" between them) counts as far.
func EventTimex(d *doc.Doc, clause doc.Span, trigger doc.Span) int {
	sent := doc.Span{Start: 0, End: len(d.Text)}
	if si := d.SentenceAt(trigger.Start); si >= 0 {
		sent = d.Sentences[si]
	}
	noClause := clause == (doc.Span{})
	if noClause {
		clause = sent
	}
	best, bestScore := -1, 1<<62
	for pass := 0; pass < 2 && best < 0; pass++ {
		scope := clause
		if pass == 1 {
			scope = sent
		}
		for i := range d.Timexes {
			t := &d.Timexes[i]
			if !scope.Contains(t.Span) || !calendarValue(t) || modifiesNoun(d, t) {
				continue
			}
			var gap doc.Span
			after := false
			if t.End <= trigger.Start {
				gap = doc.Span{Start: t.End, End: trigger.Start}
			} else if t.Start >= trigger.End {
				gap = doc.Span{Start: trigger.End, End: t.Start}
				after = true
			}
			b := boundaries(d.Slice(gap))
			if (pass == 1 || noClause) && after && b > 0 {
				// a date after the trigger, beyond a clause boundary, belongs to that later clause
				continue
			}
			score := gap.Len() + 1000*b
			if score < bestScore {
				best, bestScore = i, score
			}
		}
	}
	return best
}

// modifiesNoun reports whether t is a year or date used as a modifier inside a noun phrase ("the
// 1999 Istanbul Document", "its 2015 agreement"): a determiner before it and a word after it. Such a
// date names the thing, not when the event happened.
func modifiesNoun(d *doc.Doc, t *doc.Timex) bool {
	before := strings.TrimRight(d.Text[:t.Start], " ")
	i := strings.LastIndexByte(before, ' ')
	prev := strings.ToLower(before[i+1:])
	switch prev {
	case "the", "a", "an", "its", "their", "his", "her", "our", "this", "that":
	default:
		return false
	}
	rest := strings.TrimLeft(d.Text[t.End:], " ")
	if rest == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsLetter(r) || r == '"' || r == '\u201c'
}

// calendarValue reports whether t names a point or period of the calendar (a year, a month, a day,
// a week, a quarter, a time).
func calendarValue(t *doc.Timex) bool {
	if t.Type != "DATE" && t.Type != "TIME" {
		return false
	}
	v := t.Value
	return len(v) >= 4 && v[0] >= '0' && v[0] <= '9' && v[1] >= '0' && v[1] <= '9' && v[2] >= '0' && v[2] <= '9' && v[3] >= '0' && v[3] <= '9'
}

// dateOf keeps the calendar part of a value ("2022-05-28TMO" -> "2022-05-28").
func dateOf(v string) string {
	if i := strings.IndexByte(v, 'T'); i >= 0 {
		return v[:i]
	}
	return v
}

var boundaryWords = []string{" that ", " which ", " who ", " when ", " after ", " before ", " because ", " while ", " but ", " since ", " until "}

// boundaries counts clause boundaries in the text between a timex and a trigger.
func boundaries(s string) int {
	n := strings.Count(s, ";")
	if len(s) < 4 {
		return n
	}
	ls := strings.ToLower(s)
	for _, w := range boundaryWords {
		n += strings.Count(ls, w)
	}
	return n
}
