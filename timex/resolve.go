package timex

import (
	"strconv"
	"strings"
)

// isFuture reports whether the clause around tokens [i, j) speaks of the future (see tense).
func (m *matcher) isFuture(i, j int) bool { return m.tense(i, j) > 0 }

// tense reads the tense of the clause around the expression at tokens [i, j): +1 future, -1 past,
// 0 unknown. The nearest cue before the expression, within its clause (up to 10 words, not across
// a comma), decides: a future marker (will, 'll, shall, plans, scheduled, is to, as soon as, a modal
// such as may or must), a verb in the past tense (a reporting verb, an irregular past form of
// data/words.txt class past, or a finite -ed form), or a verb in the present tense (is, has, says:
// unknown). Past cues beyond an infinitive ("agreed to buy ... in January") do not count: the
// infinitive's time is its own. Without a cue before it, the clause after the expression is read
// the same way up to a clause boundary, skipping a reporting verb (", an official said") and a
// coordinated verb ("and will"). Without any cue, a bare "by" or "until" right before the
// expression ("by August") marks a deadline: the future.
func (m *matcher) tense(i, j int) int {
	inf := false // an infinitive lies between the cue and the expression
	weak := 0    // a deadline preposition right before the expression
	if l := m.low(i - 1); l == "by" || l == "until" || l == "till" {
		weak = 1
	}
back:
	for k, n := i-1, 0; k >= 0 && n < 10; k, n = k-1, n+1 {
		t := &m.toks[k]
		switch t.low {
		case ".", ";", ":", "\"", "(", ",":
			break back
		case "said", "told", "reported", "announced":
			if inf {
				return weak
			}
			return -1
		case "says", "say", "is", "are", "am", "has", "have", "does", "do", "could":
			return weak // the present tense: the time is not told
		case "may", "might", "must", "should", "can":
			if !t.cap {
				return 1 // a modal: not the past
			}
		case "to":
			if b := m.low(k - 1); b == "is" || b == "are" || b == "am" || b == "'s" || b == "set" {
				return 1
			}
			if m.infinitive(k + 1) {
				inf = true
			}
			continue
		case "as":
			if b := m.low(k - 1); k == i-1 && (b == "soon" || b == "early") {
				return 1
			}
		case "until", "till":
			if k == i-1 && (k == 0 || m.toks[k-1].kind == kPunct) {
				break back // "Until Thursday, they had not called": the clause after decides
			}
		}
		if t.w != nil && t.w.future {
			// "had been due to", "previously planned": a plan in the past
			if b := m.low(k - 1); b == "been" || b == "had" || b == "previously" || b == "-" {
				return -1
			}
			return 1
		}
		if m.pastCue(k) {
			if inf {
				return weak
			}
			return -1
		}
	}
	if m.low(j) == "'" && m.low(j+1) == "s" {
		return -1 // Wednesday's ruling
	}
fwd:
	for k := j; k < len(m.toks) && k < j+8; k++ {
		t := &m.toks[k]
		switch t.low {
		case ".", ";", ":", "\"", "(", "that", "which", "who", "when", "because", "while", "but", "if", "after", "before":
			break fwd
		case "will", "would", "ll", "shall":
			return 1
		case "said", "says", "told", "reported", "announced", "added":
			break fwd // ", an official said": the reporting verb does not govern the expression
		case "and", "or":
			if w := m.w(k + 1); w == nil || w.weekday == 0 && w.month == 0 && !w.isDay {
				break fwd // "rose on Monday and will rise": another verb's clause
			}
		}
		if t.w != nil && t.w.future && k < j+2 {
			return 1
		}
		if m.pastCue(k) {
			return -1
		}
	}
	return weak
}

// pastCue reports a verb in the past tense at token k: a word of class past (was, took ...) or a
// lower-case word in -ed, unless it is a participle after an article, a possessive, "to" or a form
// of "be" ("will be held", "the proposed merger").
func (m *matcher) pastCue(k int) bool {
	t := &m.toks[k]
	if t.kind != kWord {
		return false
	}
	l := t.low
	if !(t.w != nil && t.w.past) && (len(l) < 5 || !strings.HasSuffix(l, "ed") || t.cap && k > 0 || (t.w != nil && t.w.notPast)) {
		return false
	}
	switch m.low(k - 1) {
	case "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "that", "these",
		"those", "to", "be", "being", "is", "are", "am", "'s", "-", "newly", "recently", "long", "well":
		return false
	}
	if t.w != nil && t.w.past {
		return true
	}
	// a word in -ed before a noun is an adjective ("preferred shares", "an unspecified date")
	if k+1 < len(m.toks) {
		n := &m.toks[k+1]
		if n.kind == kWord && !n.cap && n.w == nil && !functionWords[n.low] {
			return false
		}
	}
	return true
}

// functionWords may follow a verb in the past tense (its object's article, a preposition, a pronoun).
var functionWords = map[string]bool{"the": true, "a": true, "an": true, "in": true, "on": true, "at": true,
	"to": true, "from": true, "by": true, "for": true, "with": true, "of": true, "that": true, "it": true,
	"its": true, "his": true, "her": true, "their": true, "them": true, "him": true, "up": true, "out": true,
	"off": true, "down": true, "back": true, "into": true, "about": true, "after": true, "before": true,
	"as": true, "and": true, "or": true, "but": true, "this": true, "these": true, "those": true, "there": true,
	"here": true, "he": true, "she": true, "they": true, "we": true, "you": true, "i": true, "not": true,
	"no": true, "again": true, "when": true, "while": true, "since": true, "until": true, "during": true,
	"against": true, "over": true, "through": true, "under": true, "across": true, "toward": true, "towards": true,
	"our": true, "my": true, "your": true, "all": true, "both": true, "more": true,
	"than": true, "only": true, "also": true, "just": true, "even": true, "still": true, "then": true,
	"what": true, "which": true, "who": true, "whom": true, "where": true, "how": true, "why": true,
	"if": true, "because": true, "some": true, "any": true, "nearly": true}

// infinitive reports whether token k, right after "to", is a verb in the base form: a lower-case word
// that is not an article, a pronoun, a number or a name.
func (m *matcher) infinitive(k int) bool {
	if k >= len(m.toks) {
		return false
	}
	t := &m.toks[k]
	if t.kind != kWord || t.cap || t.w != nil && (t.w.isNum || t.w.month != 0 || t.w.weekday != 0 || t.w.isDay || t.w.isRel) {
		return false
	}
	switch t.low {
	case "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "that", "these", "those",
		"them", "him", "us", "me", "it", "some", "all", "about", "more", "less":
		return false
	}
	return !strings.HasSuffix(t.low, "ed")
}

// resolveWeekday gives the date of a weekday named at token p (its phrase ends before j).
// mode 0: by tense (the last one on or before the publication date, the next one in a future
// clause); -2: strictly before ("last Friday"); 2: strictly after ("next Monday"); 1: this week's.
func (m *matcher) resolveWeekday(p, j, wd, mode int) (string, string) {
	if m.a.prec < precDay {
		return "XXXX-WXX-" + strconv.Itoa(wd), "weekday-unanchored"
	}
	cur := m.a.weekday()
	switch mode {
	case -2:
		back := (cur - wd + 7) % 7
		if back == 0 {
			back = 7
		}
		return m.a.addDays(-back).date(), "weekday-last"
	case 2:
		fwd := (wd - cur + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		return m.a.addDays(fwd).date(), "weekday-next"
	case 1:
		return m.a.addDays(wd - cur).date(), "weekday-this"
	}
	q := p
	if m.from > 0 && m.from < q {
		q = m.from
	}
	if m.isFuture(q, j) {
		return m.a.addDays((wd - cur + 7) % 7).date(), "weekday-future"
	}
	return m.a.addDays(-((cur - wd + 7) % 7)).date(), "weekday-past"
}

// resolveMonth gives the year of a month named alone: in a past clause the last such month (this one
// included), in a future clause the next one (this one included), else the nearest one, a month to
// come counting twice as far.
func (m *matcher) resolveMonth(p, j, mo int) (string, string) {
	if m.a.prec < precMonth {
		if m.a.prec == precYear {
			return fmtMonth(m.a.y, mo), "month-name-year"
		}
		return "XXXX-" + pad2(mo), "month-name-unanchored"
	}
	tn := m.tense(p, j)
	fut := tn > 0
	cur := m.a.y*12 + m.a.m - 1
	best, bestD := 0, 1<<30
	for y := m.a.y - 1; y <= m.a.y+1; y++ {
		c := y*12 + mo - 1
		d := c - cur
		switch {
		case d > 0 && tn < 0:
			d *= 24 // a past clause: not a month to come
		case d > 0 && !fut:
			d *= 2
		case d < 0 && fut:
			d = -d * 4
		case d < 0:
			d = -d
		}
		if d < bestD {
			best, bestD = y, d
		}
	}
	rule := "month-name-past"
	if best*12+mo-1 > cur {
		rule = "month-name-future"
	} else if best*12+mo-1 == cur {
		rule = "month-name-current"
	}
	return fmtMonth(best, mo), rule
}

// resolveMonthDay gives the year of a month and day written without one, the same way.
func (m *matcher) resolveMonthDay(p, j, mo, d int) (string, string) {
	if m.a.prec < precMonth {
		if !validDate(2000, mo, d) {
			return "", ""
		}
		if m.a.prec == precYear && validDate(m.a.y, mo, d) {
			return fmtDate(m.a.y, mo, d), "month-day-year-of-publication"
		}
		return "XXXX-" + pad2(mo) + "-" + pad2(d), "month-day-unanchored"
	}
	tn := m.tense(p, j)
	fut := tn > 0
	cur := dayNumber(m.a.y, m.a.m, m.a.d)
	best, bestD := 0, 1<<30
	for y := m.a.y - 1; y <= m.a.y+1; y++ {
		if !validDate(y, mo, d) {
			continue
		}
		dd := dayNumber(y, mo, d) - cur
		switch {
		case dd > 0 && tn < 0:
			dd *= 8 // a past clause: a day to come only when much nearer
		case dd > 0 && !fut:
			dd *= 2
		case dd < 0 && fut:
			dd = -dd * 4
		case dd < 0:
			dd = -dd
		}
		if dd < bestD {
			best, bestD = y, dd
		}
	}
	if best == 0 {
		return "", ""
	}
	rule := "month-day-past"
	if dayNumber(best, mo, d) > cur {
		rule = "month-day-future"
	}
	return fmtDate(best, mo, d), rule
}
