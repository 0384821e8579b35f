package timex

import (
	"strconv"
	"strings"
)

// hit is one recognised expression: tokens [i, j) of the sentence.
type hit struct {
	i, j           int
	typ, val, rule string
}

// res is what a core pattern found: it ends before token j (j == 0: no match).
type res struct {
	j              int
	typ, val, rule string
}

var none = res{}

// matcher runs the grammar over the tokens of one sentence.
type matcher struct {
	toks        []token
	a           anchor
	lastQuarter string // the value of the last quarter expression seen in the document
	anyQuarter  string // the value of the last quarter expression, anaphoric ones included
	spanPeriod  bool   // the last reporting period named was a span of months, not a quarter
	lastDate    string // the value of the last calendar expression (a year, month or day) seen
	exprStart   int    // the first token of the expression being matched
	from        int    // while > 0: the start of the expression whose tail is being read (a clock)
}

func (m *matcher) low(k int) string {
	if k < 0 || k >= len(m.toks) {
		return ""
	}
	return m.toks[k].low
}

func (m *matcher) w(k int) *word {
	if k < 0 || k >= len(m.toks) {
		return nil
	}
	return m.toks[k].w
}

// dot skips an abbreviation's dot right after token k (no space before it).
func (m *matcher) dot(k int) int {
	if k+1 < len(m.toks) && m.toks[k+1].low == "." && m.toks[k+1].s == m.toks[k].e {
		return k + 2
	}
	return k + 1
}

// hyphen reports whether token k is a hyphen.
func (m *matcher) hyphen(k int) bool { return m.low(k) == "-" }

// scan finds the expressions of the sentence, left to right, longest first.
func (m *matcher) scan(out []hit) []hit {
	for i := 0; i < len(m.toks); {
		t := &m.toks[i]
		if t.kind == kPunct || (t.w == nil && t.kind == kWord && !triggers[t.low]) {
			i++
			continue
		}
		h, ok := m.match(i)
		if !ok {
			i++
			continue
		}
		if strings.Contains(h.val, "-Q") && len(h.val) == 7 && !strings.Contains(h.rule, "year-") && m.reported(h) {
			m.lastQuarter = h.val
		}
		if strings.Contains(h.val, "-Q") && len(h.val) == 7 {
			m.anyQuarter = h.val
			m.spanPeriod = false
		}
		if h.rule == "first-n-units" {
			m.spanPeriod = true // the first nine months: "the 1988 period" is the same months
		}
		if calendarString(h.val) && !strings.HasPrefix(h.rule, "that-") {
			m.lastDate = h.val
		}
		out = append(out, h)
		i = h.j
	}
	return out
}

// reported tells whether a quarter expression names a quarter that a report may compare with a
// year earlier: one that began before the publication date, unless it is the current quarter in a
// future clause ("into the fourth quarter"); a quarter followed by "ended" (a fiscal one) always is.
func (m *matcher) reported(h hit) bool {
	q := h.val
	if m.a.prec < precMonth || len(q) != 7 || q[5] != 'Q' || m.low(h.j) == "ended" {
		return true
	}
	y, err := strconv.Atoi(q[:4])
	if err != nil {
		return true
	}
	d := y*4 + int(q[6]-'1') - (m.a.y*4 + m.a.quarter() - 1)
	return d < 0 || d == 0 && m.tense(h.i, h.j) <= 0
}

// triggers are words outside the lexicon that can start an expression.
var triggers = map[string]bool{
	"the": true, "that": true, "every": true, "each": true, "per": true, "noon": true, "midnight": true, "midday": true,
	"fiscal": true, "recent": true, "future": true, "end": true, "beginning": true, "start": true,
	"middle": true, "latest": true, "christmas": true, "thanksgiving": true, "new": true, "overnight": true,
	"in": true, "nineteen": true, "eighteen": true, "nineties": true, "eighties": true,
	"seventies": true, "sixties": true, "fifties": true, "forties": true, "thirties": true, "twenties": true,
	"near": true, "short": true, "these": true, "full": true,
}

// match tries every pattern at token i.
func (m *matcher) match(i int) (hit, bool) {
	p := i
	hasThe := false
	// "in the future", "in the past"
	if m.low(p) == "in" {
		if m.low(p+1) == "the" && (m.low(p+2) == "future" || m.low(p+2) == "past") && !m.isUnitish(p+3) {
			return hit{i, p + 3, "DATE", refOf(m.low(p + 2)), "in-the-" + m.low(p+2)}, true
		}
		return hit{}, false
	}
	if m.low(p) == "the" {
		hasThe = true
		p++
	}
	mod := ""
	for n := 0; n < 3 && p < len(m.toks); n++ {
		w := m.w(p)
		lw := m.low(p)
		if w != nil && w.mod != "" && p+1 < len(m.toks) && m.low(p+1) != "," {
			mod = w.mod
			p++
			if m.hyphen(p) {
				p++
			}
			continue
		}
		if (lw == "end" || lw == "beginning" || lw == "start" || lw == "middle") && m.low(p+1) == "of" {
			mod = lw
			p += 2
			if m.low(p) == "the" {
				p++
			}
			continue
		}
		break
	}
	if m.low(p) == "'" && p+1 < len(m.toks) && m.toks[p+1].kind == kNum {
		p++ // the '90s
	}
	if p >= len(m.toks) {
		return hit{}, false
	}
	if m.inName(p) {
		return hit{}, false // USA Today, CBS This Morning
	}
	m.exprStart = i
	r := m.core(p, hasThe)
	if r.j == 0 {
		return hit{}, false
	}
	if hasThe && mod == "" && p == i+1 && bareRule(r.rule) {
		i = p // "the 1999 Istanbul Document": the article is not part of a date
	}
	if mod != "" {
		r.rule += "+mod"
	}
	return hit{i, r.j, r.typ, r.val, r.rule}, true
}

// inName reports whether token p, a word that is written in lower case when it is a time word (today,
// this, now), is capitalised after another capitalised word: part of a name.
func (m *matcher) inName(p int) bool {
	t := &m.toks[p]
	if !t.cap || t.w == nil || p == 0 || !(t.w.isDay || t.w.isRel || t.w.ref != "") {
		return false
	}
	prev := &m.toks[p-1]
	return prev.kind == kWord && prev.cap && prev.e < t.s
}

// bareRule reports whether a rule names a calendar expression that does not take "the" into its span.
func bareRule(rule string) bool {
	for _, p := range []string{"year", "month-", "day-month", "weekday", "iso-", "dmy-", "mdy-", "clock", "dayword"} {
		if strings.HasPrefix(rule, p) {
			return true
		}
	}
	return false
}

func refOf(s string) string {
	switch s {
	case "future":
		return "FUTURE_REF"
	case "past":
		return "PAST_REF"
	}
	return "PRESENT_REF"
}

func (m *matcher) isUnitish(k int) bool {
	if k < len(m.toks) && m.toks[k].kind == kNum {
		return true
	}
	w := m.w(k)
	return w != nil && (w.unit != "" || w.isNum)
}

// core dispatches on the first token of the expression proper.
func (m *matcher) core(p int, hasThe bool) res {
	t := &m.toks[p]
	if t.kind == kNum {
		return m.numCore(p, hasThe)
	}
	switch t.low {
	case "every", "each", "per":
		return m.setCore(p)
	case "that":
		return m.thatCore(p)
	case "noon", "midday", "midnight":
		return m.clockTail(p+1, clockWord(t.low), "clock-word")
	case "fiscal":
		if y, ok := m.yearTok(p + 1); ok {
			return res{p + 2, "DATE", fmtYear(y), "fiscal-year"}
		}
		if m.low(p+1) == "year" && hasThe {
			return res{p + 2, "DURATION", "P1Y", "the-fiscal-year"}
		}
		return none
	case "nineteen", "eighteen":
		if y, j, ok := m.spelledYear(p); ok {
			return res{j, "DATE", fmtYear(y), "spelled-year"}
		}
		return none
	case "nineties", "eighties", "seventies", "sixties", "fifties", "forties", "thirties", "twenties":
		if hasThe {
			return res{p + 1, "DATE", decadeWords[t.low], "decade-words"}
		}
		return none
	case "near", "short", "long":
		if hasThe && (m.low(p+1) == "future" || m.low(p+1) == "term") {
			if t.low == "long" {
				return none
			}
			return res{p + 2, "DATE", "FUTURE_REF", "the-near-future"}
		}
		return none
	case "these":
		if m.low(p+1) == "days" {
			return res{p + 2, "DATE", "PRESENT_REF", "these-days"}
		}
		return none
	case "full":
		if hasThe && m.low(p+1) == "year" {
			return m.yearEnd(p+2, "the-full-year")
		}
		return none
	case "future":
		if hasThe && !m.isUnitish(p+1) {
			return res{p + 1, "DATE", "FUTURE_REF", "the-future"}
		}
		return none
	case "recent":
		// recent days, recent years: a period of unknown length up to now
		if w := m.w(p + 1); w != nil && w.unit != "" && w.unit != "WE" && strings.HasSuffix(m.low(p+1), "s") {
			return res{p + 2, "DURATION", durationValue(-1, false, w.unit), "recent-units"}
		}
		if w := m.w(p + 1); w != nil && (w.unit != "" || w.part != "") {
			return none
		}
		if l := m.low(p - 1); l == "the" || l == "a" {
			return none // "the recent moves"
		}
		return res{p + 1, "DATE", "PAST_REF", "recent"}
	case "comparable", "corresponding", "same", "quarter", "period", "year":
		if hasThe {
			if r := m.periodAgo(p); r.j > 0 {
				return r
			}
		}
		if t.low != "quarter" && t.low != "year" {
			return none
		}
	case "latest":
		if w := m.w(p + 1); w != nil && w.unit == "Q" || m.low(p+1) == "period" {
			return m.quarterRel(p+2, -1, "latest-quarter")
		}
		return none
	case "overnight":
		if m.a.prec >= precDay {
			return res{p + 1, "TIME", m.a.addDays(-1).date() + "TNI", "overnight"}
		}
		return none
	case "christmas":
		if m.low(p+1) == "eve" {
			return m.holiday(p+2, 12, 24, "christmas-eve")
		}
		if m.low(p+1) == "day" {
			return m.holiday(p+2, 12, 25, "christmas")
		}
		return m.holiday(p+1, 12, 25, "christmas")
	case "thanksgiving":
		j := p + 1
		if m.low(j) == "day" {
			j++
		}
		return m.thanksgiving(j)
	case "new":
		if m.low(p+1) == "year" && m.low(p+2) == "'" && m.low(p+3) == "s" {
			switch m.low(p + 4) {
			case "day":
				return m.holiday(p+5, 1, 1, "new-year-day")
			case "eve":
				return m.holiday(p+5, 12, 31, "new-year-eve")
			}
		}
		return none
	}
	w := t.w
	if w == nil {
		return none
	}
	best := none
	try := func(r res) {
		if r.j > best.j {
			best = r
		}
	}
	if w.month != 0 {
		try(m.monthCore(p))
	}
	if w.weekday != 0 {
		try(m.weekdayCore(p))
	}
	if w.isDay {
		try(m.dayWordCore(p))
	}
	if w.isRel {
		try(m.relCore(p, hasThe))
	}
	if w.isNum || w.ordinal != 0 {
		try(m.countCore(p, hasThe))
	}
	if w.approx != "" {
		try(m.approxCore(p, hasThe))
	}
	if w.ref != "" {
		try(m.refCore(p))
	}
	if w.set != "" && best.j == 0 && !(p+1 < len(m.toks) && m.toks[p+1].cap) && !(t.low == "quarterly" && p+1 < len(m.toks) && m.toks[p+1].kind == kWord) {
		best = res{p + 1, "SET", w.set, "frequency-word"}
	}
	if w.unit != "" && best.j == 0 {
		try(m.unitCore(p, hasThe))
	}
	if w.season != "" && best.j == 0 {
		if y, ok := m.yearTok(p + 1); ok {
			best = res{p + 2, "DATE", fmtYear(y) + "-" + w.season, "season-year"}
		} else if (hasThe || m.low(p-1) == "the") && m.low(p+1) != "of" && m.low(p+1) != "in" {
			best = res{p + 1, "DATE", m.nearestSeason(w.season), "the-season"}
		}
	}
	if t.low == "year" && best.j == 0 {
		// year end, year's end
		if m.low(p+1) == "end" {
			return m.yearEnd(p+2, "year-end")
		}
		if m.hyphen(p+1) && m.low(p+2) == "end" {
			return m.yearEnd(p+3, "year-end")
		}
		if m.low(p+1) == "'" && m.low(p+2) == "s" && m.low(p+3) == "end" {
			return m.yearEnd(p+4, "year-end")
		}
	}
	return best
}

// ---- numbers ------------------------------------------------------------------------------------

// spelledYear reads a year in words at k: "nineteen ninety-six", "two thousand", "two thousand and
// one"; it returns the year and the index after it.
func (m *matcher) spelledYear(k int) (int, int, bool) {
	switch m.low(k) {
	case "nineteen", "eighteen":
		base := 1900
		if m.low(k) == "eighteen" {
			base = 1800
		}
		j := k + 1
		w := m.w(j)
		if w == nil || !w.isNum || w.number < 10 || w.number > 90 || (w.number >= 20 && w.number%10 != 0) {
			return 0, 0, false
		}
		n := w.number
		j++
		if n >= 20 {
			jj := j
			if m.hyphen(jj) {
				jj++
			}
			if w2 := m.w(jj); w2 != nil && w2.isNum && w2.number >= 1 && w2.number <= 9 && m.low(jj) != "a" && m.low(jj) != "an" {
				n += w2.number
				j = jj + 1
			}
		}
		return base + n, j, true
	case "two":
		if m.low(k+1) != "thousand" {
			return 0, 0, false
		}
		j := k + 2
		jj := j
		if m.low(jj) == "and" {
			jj++
		}
		if w := m.w(jj); w != nil && w.isNum && w.number >= 1 && w.number <= 19 && m.low(jj) != "a" && m.low(jj) != "an" {
			return 2000 + w.number, jj + 1, true
		}
		return 2000, j, true
	}
	return 0, 0, false
}

// yearTok reads a four-digit year at token k.
func (m *matcher) yearTok(k int) (int, bool) {
	if k >= len(m.toks) {
		return 0, false
	}
	t := &m.toks[k]
	if t.kind == kNum && t.ndig == 4 && t.digit >= 1000 && t.digit <= 2999 {
		return t.digit, true
	}
	return 0, false
}

// dayTok reads a day of the month (7, 07, 7th) at token k.
func (m *matcher) dayTok(k int) (int, bool) {
	if k >= len(m.toks) {
		return 0, false
	}
	t := &m.toks[k]
	if t.kind != kNum {
		return 0, false
	}
	if t.digit >= 1 && t.digit <= 31 && t.ndig <= 2 {
		return t.digit, true
	}
	if t.digit < 0 {
		s := t.low
		n := 0
		i := 0
		for i < len(s) && isDigit(s[i]) && i < 2 {
			n = n*10 + int(s[i]-'0')
			i++
		}
		switch s[i:] {
		case "st", "nd", "rd", "th":
			if n >= 1 && n <= 31 {
				return n, true
			}
		}
	}
	return 0, false
}

// count reads a cardinal at k: 3, 14, "two", "twenty-four", "a couple of", "a few", "5 1/2".
// n is -1 for an unknown count (several, a few); half reports a trailing "1/2" or "and a half".
func (m *matcher) count(k int) (n int, half bool, j int, ok bool) {
	if k >= len(m.toks) {
		return 0, false, k, false
	}
	t := &m.toks[k]
	if t.kind == kNum {
		if t.digit < 0 || t.ndig > 4 {
			if t.low == "1/2" {
				return 0, true, k + 1, true
			}
			return 0, false, k, false
		}
		n, j = t.digit, k+1
		if m.low(j) == "1/2" {
			half, j = true, j+1
		}
		return n, half, j, true
	}
	w := t.w
	if w == nil || !w.isNum {
		return 0, false, k, false
	}
	n, j = w.number, k+1
	if t.low == "a" || t.low == "an" {
		switch m.low(j) {
		case "couple":
			n, j = 2, j+1
			if m.low(j) == "of" {
				j++
			}
		case "few":
			n, j = -1, j+1
		case "hundred":
			n, j = 100, j+1
		case "dozen":
			n, j = 12, j+1
		}
	} else if t.low == "couple" && m.low(j) == "of" {
		n, j = 2, j+1
	} else if t.low == "couple" || t.low == "some" || t.low == "many" {
		return 0, false, k, false
	}
	// twenty-four, twenty four
	if n >= 20 && n < 100 && n%10 == 0 {
		jj := j
		if m.hyphen(jj) {
			jj++
		}
		if w2 := m.w(jj); w2 != nil && w2.isNum && w2.number > 0 && w2.number < 10 && m.low(jj) != "a" && m.low(jj) != "an" {
			n += w2.number
			j = jj + 1
		}
	}
	if n > 0 && n < 100 && m.low(j) == "hundred" {
		n *= 100
		j++
	}
	if n > 0 && n < 1000 && m.low(j) == "thousand" {
		n *= 1000
		j++
	}
	if m.low(j) == "and" && m.low(j+1) == "a" && m.low(j+2) == "half" {
		half, j = true, j+3
	}
	return n, half, j, true
}

// durationValue writes a TIMEX3 duration: n units (n < 0: unknown), plus a half.
func durationValue(n int, half bool, unit string) string {
	num := "X"
	if n >= 0 {
		num = strconv.Itoa(n)
	}
	switch unit {
	case "S":
		return "PT" + num + "S"
	case "MI":
		if half && n >= 0 {
			return "PT" + num + "M30S"
		}
		return "PT" + num + "M"
	case "H":
		if half && n >= 0 {
			return "PT" + num + "H30M"
		}
		return "PT" + num + "H"
	case "D":
		if half && n >= 0 {
			return "P" + num + "DT12H"
		}
		return "P" + num + "D"
	case "W":
		return "P" + num + "W"
	case "M":
		return "P" + num + "M"
	case "Q":
		return "P" + num + "Q"
	case "Y":
		if half && n >= 0 {
			return "P" + num + "Y6M"
		}
		return "P" + num + "Y"
	case "DE":
		if n < 0 {
			return "PXDE"
		}
		return "P" + strconv.Itoa(n*10) + "Y"
	case "CE":
		if n < 0 {
			return "PXCE"
		}
		return "P" + strconv.Itoa(n*100) + "Y"
	case "WE":
		if n < 0 {
			return "PXD"
		}
		return "P" + strconv.Itoa(2*n) + "D"
	}
	return "P" + num + unit
}

// numCore handles expressions that start with a token of digits.
func (m *matcher) numCore(p int, hasThe bool) res {
	t := &m.toks[p]
	s := t.low
	if t.digit < 0 {
		// shapes with separators
		if r := m.numericDate(p); r.j > 0 {
			return r
		}
		if len(s) >= 3 && strings.HasSuffix(s, "s") && allDigits(s[:len(s)-1]) {
			d := s[:len(s)-1]
			switch {
			case len(d) == 4 && d[3] == '0':
				return res{p + 1, "DATE", d[:3], "decade"}
			case len(d) == 2 && d[1] == '0' && m.low(p-1) == "'":
				return res{p + 1, "DATE", "19" + d[:1], "decade-short"}
			}
			return none
		}
		if strings.HasSuffix(s, "am") || strings.HasSuffix(s, "pm") {
			if h, ok := atoiPrefix(s[:len(s)-2]); ok && h >= 1 && h <= 12 {
				return m.clockTail(p+1, clockAt(h, 0, s[len(s)-2:]), "clock-ampm")
			}
		}
		if d, ok := m.dayTok(p); ok {
			if r := m.dayMonth(p, d); r.j > 0 {
				return r
			}
		}
		if (strings.HasSuffix(s, "th") || strings.HasSuffix(s, "st") || strings.HasSuffix(s, "nd") || strings.HasSuffix(s, "rd")) && m.low(p+1) == "century" {
			if n, ok := atoiPrefix(s[:len(s)-2]); ok && n >= 1 && n <= 30 {
				return res{p + 2, "DATE", pad2(n - 1), "century"}
			}
		}
		return none
	}
	// clock: 6 a.m., 10 p.m.
	if ap := m.ampm(p + 1); ap != "" && t.digit >= 1 && t.digit <= 12 && t.ndig <= 2 {
		return m.clockTail(p+1, clockAt(t.digit, 0, ap), "clock-ampm")
	}
	if t.digit >= 1 && t.digit <= 12 && t.ndig <= 2 && m.low(p+1) == "o" && m.low(p+2) == "'" && m.low(p+3) == "clock" {
		return m.clockTail(p+4, clockAt(t.digit, 0, ""), "clock-oclock")
	}
	// day-first dates: 28 May 2022
	if d, ok := m.dayTok(p); ok {
		if r := m.dayMonth(p, d); r.j > 0 {
			return r
		}
	}
	// durations and counts: 14 days, 16-hour
	if r := m.countCore(p, hasThe); r.j > 0 {
		return r
	}
	// the 1988 second quarter
	if y, ok := m.yearTok(p); ok {
		if w := m.w(p + 1); w != nil && w.ordinal >= 1 && w.ordinal <= 4 && m.low(p+2) == "quarter" {
			return res{p + 3, "DATE", fmtQuarter(y, int(w.ordinal)), "year-ordinal-quarter"}
		}
		// the 1988 quarter, the 1988 period: the reported quarter of that year
		if l := m.low(p + 1); hasThe && (l == "quarter" && m.lastQuarter != "" || l == "period" && (m.lastQuarter != "" || m.spanPeriod)) {
			if l == "period" && m.spanPeriod {
				return res{p + 2, "DATE", fmtYear(y), "the-year-period"}
			}
			return res{p + 2, "DATE", fmtYear(y) + m.lastQuarter[4:], "the-year-period"}
		}
	}
	// years
	if y, ok := m.yearTok(p); ok && m.yearContext(p) {
		return res{p + 1, "DATE", fmtYear(y), "year"}
	}
	return none
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func atoiPrefix(s string) (int, bool) {
	if !allDigits(s) || len(s) > 4 {
		return 0, false
	}
	n, _ := strconv.Atoi(s)
	return n, true
}

// yearContext decides whether a bare four-digit number at p is a year.
func (m *matcher) yearContext(p int) bool {
	y := m.toks[p].digit
	prev := m.low(p - 1)
	switch prev {
	case "$", "#", "no", "number", "£", "€", "about", "some", "nearly", "almost", "over", "than", "only", "just",
		"around", "roughly", "approximately", "least", "another", "additional":
		return false
	}
	if y < 1800 || y > 2099 {
		switch prev {
		case "in", "since", "of", "by", "until", "from", "to", "year", "early", "late", "mid", "around", "before", "after":
			return y >= 1000
		}
		return false
	}
	nx := m.low(p + 1)
	if nx == "%" || nx == "percent" {
		return false
	}
	if p+1 < len(m.toks) {
		n := &m.toks[p+1]
		switch n.low {
		case "people", "men", "women", "children", "police", "personnel", "staff", "euros", "yen", "feet", "more", "other":
			return false
		}
		if n.kind == kWord && !n.cap && strings.HasSuffix(n.low, "s") && len(n.low) > 3 {
			switch n.low {
			case "was", "has", "is", "as", "its", "this", "his", "elections", "levels", "figures", "results", "sales", "earnings", "budgets":
			default:
				return false
			}
		}
		if n.kind == kPunct && (n.low == ":" || n.low == "/") {
			return false
		}
	}
	return true
}

// numericDate reads 2022-05-28, 28.05.2022, 05/28/2022, and hh:mm clocks.
func (m *matcher) numericDate(p int) res {
	s := m.toks[p].low
	var parts [4]int
	var lens [4]int
	var seps [3]byte
	n := 0
	cur, l := 0, 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || !isDigit(s[i]) {
			if n == 4 || l == 0 {
				return none
			}
			parts[n], lens[n] = cur, l
			if i < len(s) {
				if n < 3 {
					seps[n] = s[i]
				}
				if !strings.ContainsRune("-./:", rune(s[i])) {
					return none
				}
			}
			n++
			cur, l = 0, 0
			if i < len(s) && !isDigit(s[i]) && i+1 < len(s) && !isDigit(s[i+1]) {
				return none
			}
			continue
		}
		if l > 4 {
			return none
		}
		cur = cur*10 + int(s[i]-'0')
		l++
	}
	switch {
	case n == 2 && seps[0] == ':' && lens[1] == 2 && parts[0] <= 24 && parts[1] < 60:
		ap := m.ampm(p + 1)
		return m.clockTail(p+1, clockAt(parts[0], parts[1], ap), "clock-hhmm")
	case n == 3 && seps[0] == ':' && seps[1] == ':' && parts[0] <= 24:
		return m.clockTail(p+1, clockAt(parts[0], parts[1], ""), "clock-hhmmss")
	case n == 3 && seps[0] == seps[1] && lens[0] == 4 && seps[0] != ':':
		if validDate(parts[0], parts[1], parts[2]) {
			return res{p + 1, "DATE", fmtDate(parts[0], parts[1], parts[2]), "iso-date"}
		}
	case n == 3 && seps[0] == seps[1] && (lens[2] == 4 || lens[2] == 2) && seps[0] != ':' && seps[0] != '-' || n == 3 && seps[0] == '-' && seps[1] == '-' && lens[2] == 4:
		y := parts[2]
		if lens[2] == 2 {
			if seps[0] != '/' && seps[0] != '.' {
				return none
			}
			y += 1900
			if y < 1950 {
				y += 100
			}
		}
		d, mo := parts[0], parts[1]
		rule := "dmy-date"
		if seps[0] == '/' && parts[0] <= 12 {
			d, mo, rule = parts[1], parts[0], "mdy-date"
		}
		if validDate(y, mo, d) {
			return res{p + 1, "DATE", fmtDate(y, mo, d), rule}
		}
	case n == 2 && seps[0] == '-' && lens[0] == 4 && lens[1] == 2 && parts[1] >= 1 && parts[1] <= 12 && m.low(p+1) != "%":
		return res{p + 1, "DATE", fmtMonth(parts[0], parts[1]), "iso-month"}
	}
	return none
}

// ---- clock times ---------------------------------------------------------------------------------

type clock struct{ h, mi int }

func clockAt(h, mi int, ampm string) clock {
	switch ampm {
	case "pm":
		if h < 12 {
			h += 12
		}
	case "am":
		if h == 12 {
			h = 0
		}
	}
	return clock{h, mi}
}

func clockWord(w string) clock {
	if w == "midnight" {
		return clock{24, 0}
	}
	return clock{12, 0}
}

// ampm reads a.m. / p.m. / am / pm at k.
func (m *matcher) ampm(k int) string {
	switch m.low(k) {
	case "a.m.", "a.m", "am":
		return "am"
	case "p.m.", "p.m", "pm":
		return "pm"
	}
	return ""
}

var zones = map[string]bool{"est": true, "edt": true, "cst": true, "cdt": true, "mst": true, "mdt": true,
	"pst": true, "pdt": true, "gmt": true, "utc": true, "bst": true, "cet": true, "cest": true, "msk": true}

// clockTail finishes a clock time at k: the a.m./p.m. word, a zone, then an optional day
// ("Friday", "yesterday", "Nov. 9"), and writes the value.
func (m *matcher) clockTail(k int, c clock, rule string) res {
	if ap := m.ampm(k); ap != "" {
		k = m.dotAfterAmPm(k)
	}
	if k < len(m.toks) && zones[m.low(k)] && m.toks[k].cap {
		k++
	}
	date := ""
	j := k
	kk := k
	if m.low(kk) == "," || m.low(kk) == "on" {
		kk++
	}
	if kk < len(m.toks) && m.toks[kk].w != nil {
		w := m.toks[kk].w
		var r res
		switch {
		case w.weekday != 0:
			m.from = m.exprStart
			r = m.weekdayCore(kk)
			m.from = 0
		case w.isDay && m.low(kk) != "tonight":
			r = m.dayWordCore(kk)
		case w.month != 0:
			r = m.monthCore(kk)
		}
		if r.j > 0 && len(r.val) >= 10 && r.val[4] == '-' && len(r.val) == 10 {
			date, j = r.val, r.j
		}
	}
	if date == "" {
		// a clock time without a day: the day the narrative is at (the last day named), else the
		// publication date
		if b, ok := parseCalendar(m.lastDate); ok && b.prec >= precDay {
			date = b.date()
		} else if m.a.prec >= precDay {
			date = m.a.date()
		} else {
			date = "XXXX-XX-XX"
		}
	}
	v := date + "T" + pad2(c.h)
	if c.mi != 0 || rule != "clock-word" || c.h != 24 {
		v += ":" + pad2(c.mi)
	}
	return res{j, "TIME", v, rule}
}

func (m *matcher) dotAfterAmPm(k int) int {
	if strings.HasSuffix(m.low(k), ".m") && m.low(k+1) == "." {
		return k + 2
	}
	return k + 1
}

// ---- months and days ----------------------------------------------------------------------------

var monthPreps = map[string]bool{"in": true, "since": true, "until": true, "by": true, "of": true, "during": true,
	"from": true, "to": true, "through": true, "before": true, "after": true, "early": true, "late": true,
	"mid": true, "last": true, "next": true, "this": true, "-": true, "till": true, "between": true, "and": true, "on": true,
	"end": true, "each": true, "every": true, "the": true}

// monthName checks that token p is usable as a month name and returns the index after it.
func (m *matcher) monthName(p int) (int, bool) {
	t := &m.toks[p]
	if !t.cap {
		return 0, false
	}
	j := p + 1
	abbrev := len(t.low) <= 4 && t.low != "may" && t.low != "june" && t.low != "july"
	if abbrev {
		j = m.dot(p)
		if j == p+1 {
			// Sept 30 without a dot is fine; "Mar" alone is not
			if _, ok := m.dayTok(j); !ok {
				return 0, false
			}
		}
	}
	return j, true
}

// monthCore: May 28, 2022; May 28; May 2022; May.
func (m *matcher) monthCore(p int) res {
	mo := int(m.toks[p].w.month)
	j, ok := m.monthName(p)
	if !ok {
		return none
	}
	if d, ok := m.dayTok(j); ok {
		k := j + 1
		kk := k
		if m.low(kk) == "," {
			kk++
		}
		if y, ok := m.yearTok(kk); ok {
			if validDate(y, mo, d) {
				return res{kk + 1, "DATE", fmtDate(y, mo, d), "month-day-year"}
			}
			return none
		}
		if y, k2, ok := m.relYear(k); ok && validDate(y, mo, d) {
			return res{k2, "DATE", fmtDate(y, mo, d), "month-day-rel-year"}
		}
		v, rule := m.resolveMonthDay(p, k, mo, d)
		if v == "" {
			return none
		}
		return res{k, "DATE", v, rule}
	}
	kk := j
	if m.low(kk) == "," || m.low(kk) == "of" {
		kk++
	}
	if y, ok := m.yearTok(kk); ok {
		return res{kk + 1, "DATE", fmtMonth(y, mo), "month-year"}
	}
	if y, k, ok := m.relYear(j); ok {
		return res{k, "DATE", fmtMonth(y, mo), "month-rel-year"}
	}
	if y, k, ok := m.spelledYear(kk); ok {
		return res{k, "DATE", fmtMonth(y, mo), "month-spelled-year"}
	}
	// a month on its own: "May" and sentence-initial "March" need a preposition before them
	if mo == 5 || mo == 3 || p == 0 {
		if !monthPreps[m.low(p-1)] && !(p >= 2 && m.low(p-2) == "the" && m.w(p-1) != nil && m.w(p-1).mod != "") {
			return none
		}
	}
	v, rule := m.resolveMonth(p, j, mo)
	return res{j, "DATE", v, rule}
}

// relYear reads "this year", "last year", "next year" at k and returns the year it names.
func (m *matcher) relYear(k int) (int, int, bool) {
	w := m.w(k)
	if w == nil || !w.isRel || m.low(k+1) != "year" || m.a.prec < precYear {
		return 0, 0, false
	}
	switch m.low(k) {
	case "this", "last", "next":
		return m.a.y + int(w.rel), k + 2, true
	}
	return 0, 0, false
}

// dayMonth: 28 May 2022, 28th of May.
func (m *matcher) dayMonth(p, d int) res {
	j := p + 1
	if m.low(j) == "of" {
		j++
	}
	w := m.w(j)
	if w == nil || w.month == 0 {
		return none
	}
	mo := int(w.month)
	k, ok := m.monthName(j)
	if !ok {
		return none
	}
	kk := k
	if m.low(kk) == "," {
		kk++
	}
	if y, ok := m.yearTok(kk); ok {
		if validDate(y, mo, d) {
			return res{kk + 1, "DATE", fmtDate(y, mo, d), "day-month-year"}
		}
		return none
	}
	v, rule := m.resolveMonthDay(p, k, mo, d)
	if v == "" {
		return none
	}
	return res{k, "DATE", v, rule}
}

// weekdayCore: Friday, Friday morning, Friday, Aug. 7, 1998.
func (m *matcher) weekdayCore(p int) res {
	t := &m.toks[p]
	wd := int(t.w.weekday)
	if !t.cap {
		return none
	}
	j := p + 1
	if len(t.low) < 6 {
		j = m.dot(p)
		if j == p+1 {
			return none
		}
	}
	// an explicit date after the weekday wins
	k := j
	if m.low(k) == "," {
		k++
	}
	if w := m.w(k); w != nil && w.month != 0 {
		if r := m.monthCore(k); r.j > 0 && len(r.val) == 10 {
			r.rule = "weekday-" + r.rule
			return r
		}
	}
	if d, ok := m.dayTok(k); ok {
		if r := m.dayMonth(k, d); r.j > 0 && len(r.val) == 10 {
			r.rule = "weekday-" + r.rule
			return r
		}
	}
	if j < len(m.toks) && titleWords[m.low(j)] && m.toks[j].cap {
		return none // the Sunday Times
	}
	v, rule := m.resolveWeekday(p, j, wd, 0)
	if w := m.w(j); w != nil && w.part != "" {
		return res{j + 1, "TIME", v + "T" + w.part, rule + "+part"}
	}
	return res{j, "DATE", v, rule}
}

// titleWords follow a weekday in the names of newspapers and shows, not in dates.
var titleWords = map[string]bool{"times": true, "telegraph": true, "post": true, "mirror": true, "express": true,
	"herald": true, "tribune": true, "independent": true, "observer": true, "mail": true, "night": true,
	"morning": true, "people": true, "sport": true, "review": true, "star": true}

// dayWordCore: today, yesterday, tomorrow, tonight, yesterday morning.
func (m *matcher) dayWordCore(p int) res {
	w := m.toks[p].w
	var v string
	if m.a.prec >= precDay {
		v = m.a.addDays(int(w.day)).date()
	} else {
		v = "XXXX-XX-XX"
	}
	if m.toks[p].low == "tonight" {
		return res{p + 1, "TIME", v + "TNI", "tonight"}
	}
	if w2 := m.w(p + 1); w2 != nil && w2.part != "" {
		return res{p + 2, "TIME", v + "T" + w2.part, "dayword+part"}
	}
	if m.toks[p].low == "today" && m.a.prec < precDay {
		return res{p + 1, "DATE", "PRESENT_REF", "today"}
	}
	return res{p + 1, "DATE", v, "dayword-" + m.toks[p].low}
}

// refCore: now, currently, recently, soon.
func (m *matcher) refCore(p int) res {
	w := m.toks[p].w
	if m.toks[p].low == "soon" && (m.low(p-1) == "as" && m.low(p+1) == "as" || m.low(p+1) == "after" || m.tense(p, p+1) < 0) {
		return none // "was soon released": soon after a past event, not the future
	}
	return res{p + 1, "DATE", w.ref, "ref-" + m.toks[p].low}
}

// setCore: every day, each Thursday, every other week, per year.
func (m *matcher) setCore(p int) res {
	j := p + 1
	n := 1
	if m.low(j) == "other" {
		n, j = 2, j+1
	}
	if c, _, k, ok := m.count(j); ok && c > 0 && m.low(j) != "a" && m.low(j) != "an" {
		if w := m.w(k); w != nil && w.unit != "" {
			return res{k + 1, "SET", durationValue(c, false, w.unit), "every-n-units"}
		}
	}
	w := m.w(j)
	if w == nil {
		return none
	}
	switch {
	case w.unit != "":
		return res{j + 1, "SET", durationValue(n, false, w.unit), "every-unit"}
	case w.weekday != 0:
		k := j + 1
		v := "XXXX-WXX-" + strconv.Itoa(int(w.weekday))
		if w2 := m.w(k); w2 != nil && w2.part != "" {
			return res{k + 1, "SET", v + "T" + w2.part, "every-weekday+part"}
		}
		return res{k, "SET", v, "every-weekday"}
	case w.month != 0 && m.toks[j].cap:
		return res{j + 1, "SET", "XXXX-" + pad2(int(w.month)), "every-month-name"}
	case w.season != "":
		return res{j + 1, "SET", "XXXX-" + w.season, "every-season"}
	case w.part != "":
		return res{j + 1, "SET", "TXX" + w.part, "every-part"}
	}
	return none
}

// ---- relative expressions -----------------------------------------------------------------------

// relCore: last week, this month, next year, last Friday, last December, this summer, last night,
// the past three days, the next two weeks.
func (m *matcher) relCore(p int, hasThe bool) res {
	t := &m.toks[p]
	r := int(t.w.rel)
	if t.low == "last" && verbBefore[m.low(p-1)] {
		return none // "will last three weeks": the verb
	}
	if t.cap && p+1 < len(m.toks) && m.toks[p+1].cap && m.toks[p+1].w != nil && m.toks[p+1].w.unit != "" {
		return none // ABC's "This Week": a title
	}
	j := p + 1
	// the past three days, the next two weeks, last five years
	if n, half, k, ok := m.count(j); ok && m.low(j) != "a" {
		if m.low(k) == "more" || m.low(k) == "full" {
			k++
		}
		if w := m.w(k); w != nil && w.unit != "" {
			if n < 0 && r < 0 {
				return res{k + 1, "DATE", "PAST_REF", "rel-few-units"} // the past few months
			}
			return res{k + 1, "DURATION", durationValue(n, half, w.unit), "rel-n-units"}
		}
	}
	w := m.w(j)
	if w == nil {
		switch {
		case (t.low == "last" || t.low == "latter") && m.low(j) == "half":
			// the last half of 1989
			if m.low(j+1) == "of" {
				if y, ok := m.yearTok(j + 2); ok {
					return res{j + 3, "DATE", fmtYear(y) + "-H2", "last-half-of-year"}
				}
			}
			return none
		case m.low(j) == "fiscal" && m.low(j+1) == "year":
			return m.relUnit(p, j+2, r, "Y", true, hasThe) // the current fiscal year
		case t.low == "past" && hasThe:
			return res{p + 1, "DATE", "PAST_REF", "the-past"}
		case t.low == "current":
			return res{p + 1, "DATE", "PRESENT_REF", "current"}
		}
		return none
	}
	if hasThe && (t.low == "following" || t.low == "previous" || t.low == "preceding" || t.low == "next" && (w.unit == "D" || w.part != "")) {
		if r := m.anaphoric(j, r, w); r.j > 0 {
			return r
		}
	}
	switch {
	case w.unit != "":
		plural := strings.HasSuffix(m.low(j), "s") && w.unit != "S"
		if plural {
			if !hasThe && (t.low == "coming" || t.low == "past") {
				return res{j + 1, "DATE", refOf(map[bool]string{true: "future", false: "past"}[r > 0]), "rel-units-ref"}
			}
			if t.low == "coming" || t.low == "next" || t.low == "past" || t.low == "last" {
				return res{j + 1, "DURATION", durationValue(-1, false, w.unit), "rel-units"}
			}
			return none
		}
		return m.relUnit(p, j+1, r, w.unit, false, hasThe)
	case w.weekday != 0 && m.toks[j].cap:
		k := j + 1
		if len(m.low(j)) < 6 {
			k = m.dot(j)
		}
		v, rule := m.resolveWeekday(j, k, int(w.weekday), r*2+boolInt(r == 0))
		if w2 := m.w(k); w2 != nil && w2.part != "" {
			return res{k + 1, "TIME", v + "T" + w2.part, rule + "+part"}
		}
		return res{k, "DATE", v, rule}
	case w.month != 0 && m.toks[j].cap:
		k, ok := m.monthName(j)
		if !ok {
			return none
		}
		v := m.relMonth(int(w.month), r)
		if d, ok := m.dayTok(k); ok && len(v) == 7 {
			y, _ := strconv.Atoi(v[:4])
			if validDate(y, int(w.month), d) {
				return res{k + 1, "DATE", fmtDate(y, int(w.month), d), "rel-month-day"}
			}
		}
		return res{k, "DATE", v, "rel-month-name"}
	case w.season != "":
		return res{j + 1, "DATE", m.relSeason(w.season, r), "rel-season"}
	case w.part != "":
		if m.a.prec < precDay {
			return res{j + 1, "TIME", "XXXX-XX-XXT" + w.part, "rel-part"}
		}
		off := 0
		if r < 0 {
			off = -1
		} else if r > 0 {
			off = 1
		}
		return res{j + 1, "TIME", m.a.addDays(off).date() + "T" + w.part, "rel-part"}
	}
	if t.low == "current" {
		return res{p + 1, "DATE", "PRESENT_REF", "current"}
	}
	return none
}

// anaphoric resolves "the following year", "the previous Friday", "the next day", "the next
// morning" (the word at j) against the last calendar expression of the document, the time the
// narrative is at; without one it returns no match (and the publication date serves).
func (m *matcher) anaphoric(j, r int, w *word) res {
	b, ok := parseCalendar(m.lastDate)
	if !ok || strings.HasSuffix(m.low(j), "s") && w.unit != "" {
		return none
	}
	switch {
	case w.unit == "Y":
		return res{j + 1, "DATE", fmtYear(b.y + r), "anaphoric-year"}
	case w.unit == "M" && b.prec >= precMonth:
		return res{j + 1, "DATE", b.addMonths(r).month(), "anaphoric-month"}
	case w.unit == "W" && b.prec >= precDay:
		return res{j + 1, "DATE", b.addDays(7 * r).week(), "anaphoric-week"}
	case w.unit == "D" && b.prec >= precDay:
		return res{j + 1, "DATE", b.addDays(r).date(), "anaphoric-day"}
	case w.part != "" && b.prec >= precDay:
		return res{j + 1, "TIME", b.addDays(r).date() + "T" + w.part, "anaphoric-part"}
	case w.weekday != 0 && m.toks[j].cap && b.prec >= precDay:
		k := j + 1
		if len(m.low(j)) < 6 {
			if k = m.dot(j); k == j+1 {
				return none
			}
		}
		cur, wd := b.weekday(), int(w.weekday)
		if r < 0 {
			back := (cur - wd + 7) % 7
			if back == 0 {
				back = 7
			}
			return res{k, "DATE", b.addDays(-back).date(), "anaphoric-weekday"}
		}
		fwd := (wd - cur + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		return res{k, "DATE", b.addDays(fwd).date(), "anaphoric-weekday"}
	}
	return none
}

// parseCalendar reads a calendar value (1999, 1999-10, 1999-10-23, 1999-10-23T06:00) as an anchor.
func parseCalendar(v string) (anchor, bool) {
	if i := strings.IndexByte(v, 'T'); i >= 0 {
		v = v[:i]
	}
	if !calendarString(v) {
		return anchor{}, false
	}
	a := anchor{prec: precYear}
	a.y, _ = strconv.Atoi(v[:4])
	a.m, a.d = 1, 1
	if len(v) >= 7 {
		mo, err := strconv.Atoi(v[5:7])
		if err != nil || mo < 1 || mo > 12 {
			return anchor{y: a.y, m: 1, d: 1, prec: precYear}, true
		}
		a.m, a.prec = mo, precMonth
	}
	if len(v) == 10 {
		d, err := strconv.Atoi(v[8:10])
		if err == nil && validDate(a.y, a.m, d) {
			a.d, a.prec = d, precDay
		}
	}
	return a, true
}

// verbBefore lists the words after which "last" is the verb, not "the previous".
var verbBefore = map[string]bool{"will": true, "would": true, "to": true, "could": true, "can": true,
	"may": true, "might": true, "should": true, "must": true, "ll": true, "did": true, "does": true,
	"do": true, "not": true, "t": true, "won": true, "cannot": true}

// relUnit writes last/this/next week, month, year, quarter, weekend, decade, century.
func (m *matcher) relUnit(p, j, r int, unit string, fiscal, hasThe bool) res {
	lw := m.low(p)
	// "past decade", "the past century": a duration; "the past year", "the last week": the unit
	// before this one, like "last year"
	if (lw == "past" && !hasThe || hasThe && (lw == "past" || lw == "last") && (unit == "DE" || unit == "CE")) && unit != "WE" {
		return res{j, "DURATION", durationValue(1, false, unit), "past-unit"}
	}
	a := m.a
	rule := "rel-" + unitMeaning(unit)
	if hasThe && (lw == "past" || lw == "last") {
		rule = "the-past-" + unitMeaning(unit)
	}
	switch unit {
	case "D":
		if a.prec < precDay {
			return res{j, "DATE", "XXXX-XX-XX", rule}
		}
		return res{j, "DATE", a.addDays(r).date(), rule}
	case "W":
		if a.prec < precDay {
			return res{j, "DATE", "XXXX-WXX", rule}
		}
		return res{j, "DATE", a.addDays(7 * r).week(), rule}
	case "WE":
		if a.prec < precDay {
			return res{j, "DATE", "XXXX-WXX-WE", rule}
		}
		return res{j, "DATE", m.weekend(r), rule}
	case "M":
		if a.prec < precMonth {
			return res{j, "DATE", "XXXX-XX", rule}
		}
		return res{j, "DATE", a.addMonths(r).month(), rule}
	case "Q":
		return m.quarterRel(j, r, rule)
	case "Y":
		if a.prec < precYear {
			return res{j, "DATE", "XXXX", rule}
		}
		// this year's third quarter; last year's quarter: the one a year before the reported quarter
		if m.low(j) == "'" && m.low(j+1) == "s" {
			if w := m.w(j + 2); w != nil && w.ordinal >= 1 && w.ordinal <= 4 && m.low(j+3) == "quarter" {
				return res{j + 4, "DATE", fmtQuarter(a.y+r, int(w.ordinal)), "rel-year-quarter"}
			}
			if l := m.low(j + 2); r == -1 && (l == "quarter" || l == "period") && m.lastQuarter != "" {
				return m.yearAgo(j+3, "last-year-period")
			}
		}
		return res{j, "DATE", fmtYear(a.y + r), rule}
	case "DE":
		if a.prec < precYear {
			return res{j, "DATE", "XXX", rule}
		}
		return res{j, "DATE", strconv.Itoa(a.y/10 + r), rule}
	case "CE":
		if a.prec < precYear {
			return res{j, "DATE", "XX", rule}
		}
		return res{j, "DATE", strconv.Itoa((a.y-1)/100 + r), rule}
	}
	return none
}

// weekend returns the weekend before (r < 0), of this week, or after (r > 0) the anchor.
func (m *matcher) weekend(r int) string {
	a := m.a
	wd := a.weekday()
	var sat anchor
	switch {
	case r < 0:
		back := (wd - 6 + 7) % 7
		if back == 0 {
			back = 7
		}
		sat = a.addDays(-back)
	case r > 0:
		sat = a.addDays((6 - wd + 7) % 7).addDays(7)
	default:
		if wd == 7 {
			sat = a.addDays(-1)
		} else {
			sat = a.addDays(6 - wd)
		}
	}
	return sat.week() + "-WE"
}

// quarterRel: this quarter, last quarter, the latest quarter.
func (m *matcher) quarterRel(j, r int, rule string) res {
	a := m.a
	if a.prec < precMonth {
		return res{j, "DATE", "XXXX-QX", rule}
	}
	q := a.y*4 + a.quarter() - 1 + r
	return res{j, "DATE", fmtQuarter(q/4, q%4+1), rule}
}

func (m *matcher) relMonth(mo, r int) string {
	a := m.a
	if a.prec < precMonth {
		return "XXXX-" + pad2(mo)
	}
	y := a.y
	switch {
	case r < 0:
		if mo >= a.m {
			y--
		}
	case r > 0:
		if mo <= a.m {
			y++
		}
	}
	return fmtMonth(y, mo)
}

var seasonStart = map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}

func (m *matcher) relSeason(s string, r int) string {
	a := m.a
	if a.prec < precMonth {
		if a.prec == precYear && r == 0 {
			return a.year() + "-" + s
		}
		return "XXXX-" + s
	}
	start := seasonStart[s]
	y := a.y
	cur := a.m >= start && a.m < start+3 || s == "WI" && a.m <= 2
	switch {
	case r < 0:
		if cur || start > a.m {
			y--
		}
	case r > 0:
		if cur || start < a.m {
			y++
		}
	default:
		if s == "WI" && a.m <= 2 {
			y--
		}
	}
	return fmtYear(y) + "-" + s
}

// countCore: two days, 14 days, 16-hour, three days ago, a year earlier, the first nine months,
// the third quarter, third-quarter, the first half of 1989.
func (m *matcher) countCore(p int, hasThe bool) res {
	if p >= len(m.toks) {
		return none
	}
	t := &m.toks[p]
	if t.w != nil && t.w.ordinal != 0 || t.kind == kNum && ordinalSuffix(t.low) {
		if r := m.ordinalCore(p); r.j > 0 {
			return r
		}
	}
	n, half, j, ok := m.count(p)
	if !ok {
		return none
	}
	if m.low(j) == "more" || m.low(j) == "additional" || m.low(j) == "full" || m.low(j) == "straight" {
		j++
	}
	hy := false
	if m.hyphen(j) {
		hy = true
		j++
	}
	w := m.w(j)
	if w == nil || w.unit == "" {
		return none
	}
	unit := w.unit
	k := j + 1
	isA := t.low == "a" || t.low == "an"
	ut := &m.toks[j]
	switch {
	case m.hyphen(k) && m.low(k+1) == "old" || m.low(k) == "old":
		return none // ages are not timexes: a 44-year-old, 52 years old
	case hy && strings.HasSuffix(ut.low, "s") && unit != "S":
		return none // three-quarters
	case ut.cap && j > 0 && !m.toks[j-1].cap:
		return none // "60 Minutes"
	case isA && unit == "S":
		return none // "a second"
	case t.kind == kNum && t.ndig == 4 && t.digit >= 1000 && t.digit < 2100 && !strings.HasSuffix(ut.low, "s"):
		return none // "the 1988 quarter"
	}
	// day-long
	if m.hyphen(k) && m.low(k+1) == "long" {
		k += 2
	}
	// a minute and a half, two hours and a half
	if !half && m.low(k) == "and" && m.low(k+1) == "a" && m.low(k+2) == "half" {
		half, k = true, k+3
	}
	if t.low == "one" && unit == "D" && j == p+1 && oneDayBefore[m.low(p-1)] {
		return res{k, "DATE", "FUTURE_REF", "one-day"} // "will one day be"
	}
	if m.low(k) == "or" && m.low(k+1) == "so" && m.low(k+2) == "ago" {
		k += 2 // a week or so ago
	}
	if unit == "Y" && n == 1 && m.hyphen(k) && (m.low(k+1) == "earlier" || m.low(k+1) == "ago") {
		return m.yearAgo(k+2, "year-earlier")
	}
	switch m.low(k) {
	case "ago":
		return m.ago(k+1, n, unit, isA)
	case "earlier":
		if unit == "Y" && n == 1 {
			return m.yearAgo(k+1, "a-year-earlier")
		}
	}
	if hy && m.low(k) == "earlier" || hy && m.low(k) == "ago" {
		return m.yearAgo(k+1, "year-earlier")
	}
	if isA && unit == "Q" && m.low(k) == "of" {
		return none // a quarter of the market
	}
	// "$1 billion a year", "four flights a week": a frequency
	if isA && !hy && p > 0 {
		pt := &m.toks[p-1]
		if pt.kind == kNum || amountWords[pt.low] || pt.kind == kWord && len(pt.low) > 3 && strings.HasSuffix(pt.low, "s") && !notPlural[pt.low] {
			return none // "$1 billion a year": TimeBank leaves rates unannotated
		}
	}
	if isA && unit == "Y" && !hy && m.low(k) == "ago" {
		return m.yearAgo(k+1, "a-year-ago")
	}
	if unit == "WE" {
		return none
	}
	return res{k, "DURATION", durationValue(n, half, unit), "n-units"}
}

var amountWords = map[string]bool{"million": true, "billion": true, "trillion": true, "thousand": true,
	"hundred": true, "percent": true, "%": true, "times": true, "dollars": true, "cents": true, "twice": true,
	"once": true, "shares": true, "barrels": true, "tons": true, "people": true}

// oneDayBefore lists the words after which "one day" means some day in the future.
var oneDayBefore = map[string]bool{"will": true, "would": true, "may": true, "might": true, "could": true,
	"can": true, "he": true, "she": true, "they": true, "we": true, "i": true, "you": true, "it": true, "must": true}

// notPlural lists words in -s that are not plural nouns.
var notPlural = map[string]bool{"was": true, "has": true, "is": true, "its": true, "this": true, "his": true,
	"as": true, "thus": true, "plus": true, "less": true, "unless": true, "across": true, "does": true,
	"says": true, "takes": true, "lasts": true, "gets": true, "needs": true, "makes": true, "spends": true}

func ordinalSuffix(s string) bool {
	return len(s) > 2 && (strings.HasSuffix(s, "st") || strings.HasSuffix(s, "nd") || strings.HasSuffix(s, "rd") || strings.HasSuffix(s, "th"))
}

// ordinalCore: the third quarter, third-quarter, the first half of 1989, the first nine months.
func (m *matcher) ordinalCore(p int) res {
	t := &m.toks[p]
	var o int
	if t.w != nil && t.w.ordinal != 0 {
		o = int(t.w.ordinal)
	} else if n, ok := atoiPrefix(t.low[:len(t.low)-2]); ok {
		o = n
	}
	j := p + 1
	if m.hyphen(j) {
		j++
	}
	lw := m.low(j)
	// the first nine months
	if n, half, k, ok := m.count(j); ok && m.low(j) != "a" && m.low(j) != "an" {
		if w := m.w(k); w != nil && w.unit != "" {
			return res{k + 1, "DURATION", durationValue(n, half, w.unit), "first-n-units"}
		}
	}
	// the 20th century
	if lw == "century" && o >= 1 && o <= 30 {
		return res{j + 1, "DATE", pad2(o - 1), "century"}
	}
	if lw == "half" && (o == 1 || o == 2) || lw == "quarter" && o >= 1 && o <= 4 {
		k := j + 1
		year, yok := 0, false
		kk := k
		if m.low(kk) == "of" {
			kk++
		}
		if m.low(kk) == "fiscal" {
			kk++
		}
		if y, ok := m.yearTok(kk); ok {
			year, yok, k = y, true, kk+1
		} else if y, k2, ok := m.relYear(kk); ok && kk > j+1 {
			year, yok, k = y, true, k2 // the second half of last year
		} else if kk > j+1 && m.low(kk) == "the" && m.low(kk+1) == "year" {
			k = kk + 2 // the first half of the year: as "the first half"
		}
		if !yok {
			if m.a.prec < precMonth {
				if lw == "half" {
					return res{k, "DATE", "XXXX-H" + strconv.Itoa(o), "ordinal-half"}
				}
				return res{k, "DATE", "XXXX-Q" + strconv.Itoa(o), "ordinal-quarter"}
			}
			year = m.a.y
			cur := m.a.quarter()
			if lw == "half" {
				cur = (m.a.m-1)/6 + 1
			}
			if o > cur && !m.isFuture(p, k) {
				year--
			}
		}
		if lw == "half" {
			return res{k, "DATE", fmtYear(year) + "-H" + strconv.Itoa(o), "ordinal-half"}
		}
		return res{k, "DATE", fmtQuarter(year, o), "ordinal-quarter"}
	}
	return none
}

// ago: three days ago, a year ago, several years ago.
func (m *matcher) ago(k, n int, unit string, isA bool) res {
	if n < 0 {
		return res{k, "DATE", "PAST_REF", "units-ago"}
	}
	if unit == "Y" && n == 1 && isA {
		return m.yearAgo(k, "a-year-ago")
	}
	a := m.a
	rule := "n-" + unitMeaning(unit) + "s-ago"
	switch unit {
	case "Y":
		if a.prec < precYear {
			return res{k, "DATE", "XXXX", rule}
		}
		return res{k, "DATE", fmtYear(a.y - n), rule}
	case "DE":
		if a.prec < precYear {
			return res{k, "DATE", "XXXX", rule}
		}
		return res{k, "DATE", fmtYear(a.y - 10*n), rule}
	case "CE":
		if a.prec < precYear {
			return res{k, "DATE", "XXXX", rule}
		}
		return res{k, "DATE", fmtYear(a.y - 100*n), "n-centuries-ago"}
	case "M":
		if a.prec < precMonth {
			return res{k, "DATE", "XXXX-XX", rule}
		}
		return res{k, "DATE", a.addMonths(-n).month(), rule}
	case "Q":
		return m.quarterRel(k, -n, rule)
	case "W":
		if a.prec < precDay {
			return res{k, "DATE", "XXXX-WXX", rule}
		}
		return res{k, "DATE", a.addDays(-7 * n).week(), rule}
	case "D":
		if a.prec < precDay {
			return res{k, "DATE", "XXXX-XX-XX", rule}
		}
		return res{k, "DATE", a.addDays(-n).date(), rule}
	}
	return res{k, "DATE", "PAST_REF", rule}
}

// yearAgo: "a year ago", "a year earlier", "year-earlier": the quarter a year before the last
// quarter the document spoke of, else the year before the publication year.
func (m *matcher) yearAgo(k int, rule string) res {
	if m.lastQuarter != "" {
		y, _ := strconv.Atoi(m.lastQuarter[:4])
		return res{k, "DATE", fmtYear(y-1) + m.lastQuarter[4:], rule + "-quarter"}
	}
	if m.a.prec < precYear {
		return res{k, "DATE", "XXXX", rule}
	}
	return res{k, "DATE", fmtYear(m.a.y - 1), rule}
}

// periodAgo reads, after "the", a reporting period compared with a year before: the comparable
// year-ago quarter, the year-earlier third quarter, the corresponding period last year, the quarter
// a year ago. Its value is the quarter a year before the reported one (see yearAgo).
func (m *matcher) periodAgo(p int) res {
	k := p
	switch m.low(k) {
	case "comparable", "corresponding", "same":
		k++
	}
	if m.low(k) == "year" && m.hyphen(k+1) && (m.low(k+2) == "ago" || m.low(k+2) == "earlier") {
		return m.yearAgoPeriod(k+3, "the-year-ago-period")
	}
	if l := m.low(k); l != "quarter" && l != "period" {
		return none
	}
	k++
	switch {
	case m.low(k) == "last" && m.low(k+1) == "year":
		return m.yearAgo(k+2, "the-period-last-year")
	case (m.low(k) == "a" || m.low(k) == "one") && m.low(k+1) == "year" && (m.low(k+2) == "ago" || m.low(k+2) == "earlier"):
		return m.yearAgo(k+3, "the-period-a-year-ago")
	case k > p+1 && m.low(p) != "same":
		return m.yearAgo(k, "the-comparable-period") // the comparable quarter
	}
	return none
}

// yearAgoPeriod reads what follows "year-ago" at k: a quarter ("third quarter", "quarter") or a
// "period"; the value is that quarter a year before.
func (m *matcher) yearAgoPeriod(k int, rule string) res {
	if w := m.w(k); w != nil && w.ordinal >= 1 && w.ordinal <= 4 {
		if r := m.ordinalCore(k); r.j > 0 && len(r.val) == 7 && r.val[5] == 'Q' {
			y, _ := strconv.Atoi(r.val[:4])
			return res{r.j, "DATE", fmtYear(y-1) + r.val[4:], rule}
		}
	}
	if l := m.low(k); l == "quarter" || l == "period" {
		return m.yearAgo(k+1, rule)
	}
	return none
}

// approxCore: about two weeks, more than four hours, at least 72 hours, up to 180 days.
func (m *matcher) approxCore(p int, hasThe bool) res {
	k := p
	for n := 0; n < 4 && k < len(m.toks); n++ {
		w := m.w(k)
		if w == nil || w.approx == "" {
			break
		}
		if w.isNum && n > 0 {
			break
		}
		k++
		if r := m.countCore(k, hasThe); r.j > 0 && (r.typ == "DURATION" || strings.HasPrefix(r.rule, "n-") || strings.HasPrefix(r.rule, "a-year")) {
			return r
		}
	}
	return none
}

// anchoredAfter lists words after which "the weeks" is anchored to an event, not a period of its own.
var anchoredAfter = map[string]bool{"before": true, "after": true, "following": true, "that": true, "of": true, "since": true, "leading": true, "preceding": true}

// calendarString reports a value that begins with a four-digit year: 1999, 2021-12, 2022-05-25.
func calendarString(v string) bool {
	return len(v) >= 4 && isDigit(v[0]) && isDigit(v[1]) && isDigit(v[2]) && isDigit(v[3]) && (len(v) == 4 || v[4] == '-')
}

// thatCore: that year, that day, that month, that same day: the year, day or month of the last
// calendar expression before it in the document (no antecedent: no expression).
func (m *matcher) thatCore(p int) res {
	j := p + 1
	if m.low(j) == "same" {
		j++
	}
	w := m.w(j)
	if w == nil || w.unit == "" || m.lastDate == "" {
		return none
	}
	v := m.lastDate
	if i := strings.IndexByte(v, 'T'); i >= 0 {
		v = v[:i]
	}
	switch {
	case w.unit == "Y" && len(v) >= 4:
		return res{j + 1, "DATE", v[:4], "that-year"}
	case w.unit == "M" && len(v) >= 7 && isDigit(v[5]):
		return res{j + 1, "DATE", v[:7], "that-month"}
	case w.unit == "D" && len(v) == 10:
		return res{j + 1, "DATE", v, "that-day"}
	case w.unit == "Q" && m.anyQuarter != "":
		return res{j + 1, "DATE", m.anyQuarter, "that-quarter"}
	}
	return none
}

// unitCore: years (for years), the weekend, the year-ago quarter, the quarter, the year.
func (m *matcher) unitCore(p int, hasThe bool) res {
	t := &m.toks[p]
	u := t.w.unit
	if m.hyphen(p+1) && (m.low(p+2) == "earlier" || m.low(p+2) == "ago") && u == "Y" {
		k := p + 3
		if r := m.yearAgoPeriod(k, "year-ago-period"); r.j > 0 {
			return r
		}
		return m.yearAgo(k, "year-earlier")
	}
	switch {
	case u == "WE" && hasThe:
		r := -1
		if m.isFuture(p, p+1) {
			r = 1
		}
		return res{p + 1, "DATE", m.weekend(r), "the-weekend"}
	case u == "Y" && hasThe && t.low == "year":
		if y, j, ok := m.spelledYear(p + 1); ok {
			return res{j, "DATE", fmtYear(y), "the-year-spelled"}
		}
		if y, ok := m.yearTok(p + 1); ok {
			return res{p + 2, "DATE", fmtYear(y), "the-year-number"}
		}
		if m.hyphen(p+1) && m.low(p+2) == "end" {
			return m.yearEnd(p+3, "year-end")
		}
		if l := m.low(p + 1); l == "ended" || l == "ending" {
			return res{p + 1, "DURATION", "P1Y", "the-year-ended"} // a fiscal year: a period
		}
		if m.a.prec < precYear {
			return res{p + 1, "DATE", "XXXX", "the-year"}
		}
		return res{p + 1, "DATE", m.a.year(), "the-year"}
	case u == "Q" && hasThe && t.low == "quarter":
		return m.quarterRel(p+1, -1, "the-quarter")
	case u == "M" && hasThe && t.low == "month" && m.a.prec >= precMonth:
		return res{p + 1, "DATE", m.a.month(), "the-month"}
	case u == "W" && hasThe && t.low == "week" && m.low(p+1) == "of":
		if w := m.w(p + 2); w != nil && w.month != 0 {
			if r := m.monthCore(p + 2); r.j > 0 && len(r.val) == 10 {
				y, _ := strconv.Atoi(r.val[:4])
				mo, _ := strconv.Atoi(r.val[5:7])
				d, _ := strconv.Atoi(r.val[8:10])
				return res{r.j, "DATE", anchor{y: y, m: mo, d: d, prec: precDay}.week(), "the-week-of"}
			}
		}
		return none
	case u == "W" && hasThe && t.low == "week" && m.a.prec >= precDay:
		return res{p + 1, "DATE", m.a.week(), "the-week"}
	case hasThe && strings.HasSuffix(t.low, "s") && u != "S" && u != "WE" && m.low(p+1) == "ahead":
		return res{p + 2, "DURATION", durationValue(-1, false, u), "the-units-ahead"}
	case hasThe && strings.HasSuffix(t.low, "s") && u != "S" && u != "WE" && (m.low(p-2) == "over" || m.low(p-2) == "in" || m.low(p-2) == "during") && !anchoredAfter[m.low(p+1)]:
		return res{p + 1, "DURATION", durationValue(-1, false, u), "the-units"}
	case strings.HasSuffix(t.low, "s") && u != "S" && u != "WE" && m.low(p+1) == "ago":
		return res{p + 2, "DATE", "PAST_REF", "units-ago"} // years ago
	case strings.HasSuffix(t.low, "s") && u != "S":
		switch m.low(p - 1) {
		case "for", "within", "in", "over", "after":
			if m.low(p+1) != "of" && m.low(p+1) != "old" {
				return res{p + 1, "DURATION", durationValue(-1, false, u), "bare-units"}
			}
		}
	}
	return none
}

var decadeWords = map[string]string{"nineties": "199", "eighties": "198", "seventies": "197", "sixties": "196",
	"fifties": "195", "forties": "194", "thirties": "193", "twenties": "192"}

// yearEnd: year-end, the full year: the publication year.
func (m *matcher) yearEnd(j int, rule string) res {
	if m.a.prec < precYear {
		return res{j, "DATE", "XXXX", rule}
	}
	return res{j, "DATE", m.a.year(), rule}
}

// nearestSeason: "the summer" is this year's, or last year's when it has not begun yet.
func (m *matcher) nearestSeason(s string) string {
	if m.a.prec < precMonth {
		if m.a.prec == precYear {
			return m.a.year() + "-" + s
		}
		return "XXXX-" + s
	}
	y := m.a.y
	if seasonStart[s] > m.a.m && !(s == "WI" && m.a.m <= 2) {
		y--
	}
	if s == "WI" && m.a.m <= 2 {
		y--
	}
	return fmtYear(y) + "-" + s
}

// holiday: Christmas, New Year's Day (fixed dates), resolved to the nearest one.
func (m *matcher) holiday(j, mo, d int, rule string) res {
	if y, ok := m.yearTok(j); ok {
		return res{j + 1, "DATE", fmtDate(y, mo, d), rule}
	}
	v, r := m.resolveMonthDay(j-1, j, mo, d)
	return res{j, "DATE", v, rule + "-" + r}
}

func (m *matcher) thanksgiving(j int) res {
	y := m.a.y
	if yy, ok := m.yearTok(j); ok {
		y, j = yy, j+1
	} else if m.a.prec < precYear {
		return res{j, "DATE", "XXXX-11-XX", "thanksgiving"}
	} else if m.a.m < 11 || m.a.m == 11 && m.a.d < 22 {
		if !m.isFuture(j-1, j) {
			y--
		}
	}
	// fourth Thursday of November
	first := anchor{y: y, m: 11, d: 1, prec: precDay}
	off := (4 - first.weekday() + 7) % 7
	return res{j, "DATE", fmtDate(y, 11, 1+off+21), "thanksgiving"}
}
