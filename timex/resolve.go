package timex

import "strconv"

// isFuture reports whether the clause around tokens [i, j) speaks of the future: a marker (will,
// 'll, shall, plans, scheduled, is to ...) a few words before the expression, within the clause, or
// "will" right after it.
func (m *matcher) isFuture(i, j int) bool {
	for k, n := i-1, 0; k >= 0 && n < 8; k, n = k-1, n+1 {
		t := &m.toks[k]
		switch t.low {
		case ".", ";", "said", "says", "told", "say", "reported", "announced", "\"", "(":
			return false
		case "to":
			if b := m.low(k - 1); b == "is" || b == "are" || b == "am" || b == "'s" || b == "set" {
				return true
			}
		case "as":
			if b := m.low(k - 1); k == i-1 && (b == "soon" || b == "early") {
				return true
			}
		}
		if t.w != nil && t.w.future {
			// "had been due to", "previously planned": a plan in the past
			if b := m.low(k - 1); b == "been" || b == "had" || b == "previously" || b == "-" {
				return false
			}
			return true
		}
		if pastVerb(t.low) {
			return false
		}
	}
	if m.low(j) == "'" && m.low(j+1) == "s" {
		return false // Wednesday's ruling
	}
	for k := j; k < len(m.toks) && k < j+2; k++ {
		if l := m.low(k); l == "will" || l == "would" {
			return true
		}
	}
	return false
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

// resolveMonth gives the year of a month named alone: the nearest such month, with a future one
// counted twice as far unless the clause is in the future tense (then the next one).
func (m *matcher) resolveMonth(p, j, mo int) (string, string) {
	if m.a.prec < precMonth {
		if m.a.prec == precYear {
			return fmtMonth(m.a.y, mo), "month-name-year"
		}
		return "XXXX-" + pad2(mo), "month-name-unanchored"
	}
	fut := m.isFuture(p, j)
	cur := m.a.y*12 + m.a.m - 1
	best, bestD := 0, 1<<30
	for y := m.a.y - 1; y <= m.a.y+1; y++ {
		c := y*12 + mo - 1
		d := c - cur
		switch {
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
	fut := m.isFuture(p, j)
	cur := dayNumber(m.a.y, m.a.m, m.a.d)
	best, bestD := 0, 1<<30
	for y := m.a.y - 1; y <= m.a.y+1; y++ {
		if !validDate(y, mo, d) {
			continue
		}
		dd := dayNumber(y, mo, d) - cur
		switch {
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

// pastVerb reports a verb form in the past tense that closes the search for a future marker.
func pastVerb(l string) bool {
	switch l {
	case "was", "were", "had", "did", "began", "took", "came", "went", "made", "brought", "met", "won", "lost",
		"fell", "rose", "got", "gave", "left", "closed", "ended", "announced":
		return true
	}
	return false
}
