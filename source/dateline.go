package source

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParseDateline reads a line that holds only a publication date, optionally with a time and a time
// zone, and returns it as ISO 8601: "2022-05-28" for a date, "2022-05-28T04:19:00" for a date and
// time, "2022-05-28T04:19:00+03:00" when a zone is given. It reports false for any line that holds
// anything else, so that a headline that starts with a date is not taken for a dateline.
//
// Forms understood (case-insensitive; any spaces, including no-break spaces; separators ',', '|',
// '-', '–', '—', '·', '•', '/', "at", "on" between the parts):
//
//	28 May 2022,   04:19          May 28, 2022 4:19 AM        Saturday, 28th May 2022
//	2022-05-28   2022-05-28T04:19:00Z   2022/05/28 04:19      28.05.2022 04:19
//	Sat 28 May 2022 04.19 BST     May 28, 2022 at 4:19 p.m. EDT   28 May 2022 16h19 (MSK)
//	Updated: ...   Published on ...   Posted ...   Last updated ...   First published on ...
//
// Month names may be abbreviated ("Sept.", "Jan"). Numeric day-month orders are read only where they
// are not ambiguous: Y-M-D, D.M.Y and D-M-Y; a slashed D/M/Y or M/D/Y is read only when one of the
// two numbers is above 12. Zone abbreviations are the unambiguous ones (UTC, GMT, Z, BST, CET, CEST,
// EET, EEST, MSK, EST, EDT, CST, CDT, MST, MDT, PST, PDT) and numeric offsets (+0300, +03:00, UTC+3).
func ParseDateline(line string) (string, bool) {
	if len(line) > 200 {
		return "", false
	}
	toks := tokenize(line)
	p := dlParser{toks: toks}
	return p.parse()
}

// token kinds of the dateline scanner.
const (
	tNum = iota
	tWord
	tPunct
)

type dlToken struct {
	kind int
	s    string // lower-case for words
	n    int    // value of a number
}

// tokenize splits a line into numbers, lower-case words and single punctuation marks; spaces go.
func tokenize(s string) []dlToken {
	var toks []dlToken
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r) || r == '\uFEFF':
			i += w
		case r >= '0' && r <= '9':
			j, n := i, 0
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				if n < 1e8 {
					n = n*10 + int(s[j]-'0')
				}
				j++
			}
			toks = append(toks, dlToken{kind: tNum, s: s[i:j], n: n})
			i = j
		case unicode.IsLetter(r):
			j := i
			for j < len(s) {
				r2, w2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				j += w2
			}
			toks = append(toks, dlToken{kind: tWord, s: strings.ToLower(s[i:j])})
			i = j
		default:
			toks = append(toks, dlToken{kind: tPunct, s: s[i : i+w]})
			i += w
		}
	}
	return toks
}

var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
	"sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdays = map[string]bool{
	"monday": true, "mon": true, "tuesday": true, "tue": true, "tues": true, "wednesday": true,
	"wed": true, "thursday": true, "thu": true, "thur": true, "thurs": true, "friday": true, "fri": true,
	"saturday": true, "sat": true, "sunday": true, "sun": true,
}

// zones maps unambiguous zone abbreviations to their offsets in minutes.
var zones = map[string]int{
	"utc": 0, "gmt": 0, "z": 0, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180,
	"msk": 180, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360,
	"pst": -480, "pdt": -420,
}

// prefixWords may open a dateline ("Updated:", "Last updated on").
var prefixWords = map[string]bool{
	"updated": true, "published": true, "posted": true, "last": true, "first": true, "modified": true,
	"date": true, "dated": true, "on": true, "at": true,
}

var ordinals = map[string]bool{"st": true, "nd": true, "rd": true, "th": true}

type dlParser struct {
	toks []dlToken
	i    int
}

func (p *dlParser) peek() (dlToken, bool) {
	if p.i < len(p.toks) {
		return p.toks[p.i], true
	}
	return dlToken{}, false
}

func (p *dlParser) isPunct(s string) bool {
	t, ok := p.peek()
	return ok && t.kind == tPunct && strings.Contains(s, t.s)
}

func (p *dlParser) isWord(set map[string]bool) bool {
	t, ok := p.peek()
	return ok && t.kind == tWord && set[t.s]
}

// skipSeps skips separators between the parts of a dateline.
func (p *dlParser) skipSeps() {
	for p.i < len(p.toks) {
		t := p.toks[p.i]
		if (t.kind == tPunct && strings.Contains(",|-–—·•/:", t.s)) || (t.kind == tWord && (t.s == "at" || t.s == "on")) {
			p.i++
			continue
		}
		return
	}
}

func (p *dlParser) parse() (string, bool) {
	// Prefix words and weekday.
	for p.isWord(prefixWords) || p.isWord(weekdays) || p.isPunct(":,.") {
		p.i++
	}
	y, m, d, ok := p.date()
	if !ok || !validDate(y, m, d) {
		return "", false
	}
	p.skipSeps()
	out := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	if p.i == len(p.toks) {
		return out, true
	}
	hh, mm, ss, ok := p.clock()
	if !ok {
		return "", false
	}
	out += fmt.Sprintf("T%02d:%02d:%02d", hh, mm, ss)
	zone, hasZone, ok := p.zone()
	if !ok {
		return "", false
	}
	// Trailing punctuation only.
	for p.i < len(p.toks) {
		if p.toks[p.i].kind != tPunct || !strings.Contains(".,;)|", p.toks[p.i].s) {
			return "", false
		}
		p.i++
	}
	if hasZone {
		if zone == 0 {
			out += "Z"
		} else {
			sign := '+'
			if zone < 0 {
				sign, zone = '-', -zone
			}
			out += fmt.Sprintf("%c%02d:%02d", sign, zone/60, zone%60)
		}
	}
	return out, true
}

// date reads the date part.
func (p *dlParser) date() (y, m, d int, ok bool) {
	t, has := p.peek()
	if !has {
		return
	}
	switch t.kind {
	case tWord: // May 28, 2022
		mo, isMonth := months[t.s]
		if !isMonth {
			return
		}
		p.i++
		if p.isPunct(".") {
			p.i++
		}
		dt, has := p.peek()
		if !has || dt.kind != tNum || len(dt.s) > 2 {
			return
		}
		p.i++
		if p.isWord(ordinals) {
			p.i++
		}
		if p.isPunct(",") {
			p.i++
		}
		yt, has := p.peek()
		if !has || yt.kind != tNum || len(yt.s) != 4 {
			return
		}
		p.i++
		return yt.n, mo, dt.n, true
	case tNum:
		if len(t.s) == 4 { // 2022-05-28, 2022/05/28, 2022.05.28
			if p.i+4 >= len(p.toks) {
				return
			}
			s1, mt, s2, dt := p.toks[p.i+1], p.toks[p.i+2], p.toks[p.i+3], p.toks[p.i+4]
			if s1.kind != tPunct || !strings.Contains("-/.", s1.s) || s2.s != s1.s ||
				mt.kind != tNum || dt.kind != tNum || len(mt.s) > 2 || len(dt.s) > 2 {
				return
			}
			p.i += 5
			// 2022-05-28T04:19: the "T" is a separator.
			if p.i < len(p.toks) && p.toks[p.i].kind == tWord && p.toks[p.i].s == "t" {
				p.i++
			}
			return t.n, mt.n, dt.n, true
		}
		if len(t.s) > 2 {
			return
		}
		p.i++
		if p.isWord(ordinals) {
			p.i++
		}
		if p.isPunct(".") && p.i+1 < len(p.toks) && p.toks[p.i+1].kind == tWord {
			p.i++ // "28. Mai" style
		}
		nt, has := p.peek()
		if !has {
			return
		}
		if nt.kind == tWord { // 28 May 2022
			mo, isMonth := months[nt.s]
			if !isMonth {
				return
			}
			p.i++
			if p.isPunct(".") {
				p.i++
			}
			if p.isPunct(",") {
				p.i++
			}
			yt, has := p.peek()
			if !has || yt.kind != tNum || len(yt.s) != 4 {
				return
			}
			p.i++
			return yt.n, mo, t.n, true
		}
		// 28.05.2022, 28-05-2022, 28/05/2022 or 05/28/2022
		if nt.kind != tPunct || !strings.Contains("-/.", nt.s) || p.i+3 >= len(p.toks) {
			return
		}
		mt, s2, yt := p.toks[p.i+1], p.toks[p.i+2], p.toks[p.i+3]
		if mt.kind != tNum || len(mt.s) > 2 || s2.s != nt.s || yt.kind != tNum || len(yt.s) != 4 {
			return
		}
		p.i += 4
		a, b := t.n, mt.n
		if nt.s == "/" {
			switch {
			case a > 12 && b <= 12:
				return yt.n, b, a, true
			case b > 12 && a <= 12:
				return yt.n, a, b, true
			}
			return // ambiguous
		}
		return yt.n, b, a, true
	}
	return
}

// clock reads a time of day: 04:19, 4:19:33, 4.19, 16h19, 4:19 AM, 4:19 p.m.
func (p *dlParser) clock() (hh, mm, ss int, ok bool) {
	if p.i+2 >= len(p.toks) {
		return
	}
	h, sep, mi := p.toks[p.i], p.toks[p.i+1], p.toks[p.i+2]
	if h.kind != tNum || len(h.s) > 2 || mi.kind != tNum || len(mi.s) != 2 {
		return
	}
	if !((sep.kind == tPunct && (sep.s == ":" || sep.s == ".")) || (sep.kind == tWord && sep.s == "h")) {
		return
	}
	p.i += 3
	hh, mm = h.n, mi.n
	if p.i+1 < len(p.toks) && p.toks[p.i].s == ":" && p.toks[p.i+1].kind == tNum && len(p.toks[p.i+1].s) == 2 {
		ss = p.toks[p.i+1].n
		p.i += 2
		// fractions of a second
		if p.i+1 < len(p.toks) && p.toks[p.i].s == "." && p.toks[p.i+1].kind == tNum {
			p.i += 2
		}
	}
	// am / pm, a.m. / p.m.
	if t, has := p.peek(); has && t.kind == tWord {
		pm := -1
		switch t.s {
		case "am":
			pm = 0
			p.i++
		case "pm":
			pm = 1
			p.i++
		case "a", "p":
			if p.i+2 < len(p.toks) && p.toks[p.i+1].s == "." && p.toks[p.i+2].s == "m" {
				if t.s == "p" {
					pm = 1
				} else {
					pm = 0
				}
				p.i += 3
				if p.isPunct(".") {
					p.i++
				}
			}
		}
		if pm >= 0 {
			if hh < 1 || hh > 12 {
				return 0, 0, 0, false
			}
			if hh == 12 {
				hh = 0
			}
			hh += 12 * pm
		}
	}
	if hh > 23 || mm > 59 || ss > 59 {
		return 0, 0, 0, false
	}
	return hh, mm, ss, true
}

// zone reads an optional time zone; ok is false when something else follows the time.
func (p *dlParser) zone() (minutes int, has, ok bool) {
	paren := false
	if p.isPunct("(") {
		paren = true
		p.i++
	}
	t, more := p.peek()
	if !more {
		return 0, false, !paren
	}
	if t.kind == tWord {
		z, known := zones[t.s]
		if !known {
			return 0, false, false
		}
		p.i++
		minutes, has = z, true
		if (t.s == "utc" || t.s == "gmt") && (p.isPunct("+") || p.isPunct("-")) {
			off, ok2 := p.offset()
			if !ok2 {
				return 0, false, false
			}
			minutes = off
		}
	} else if p.isPunct("+") || p.isPunct("-") || p.isPunct("−") {
		off, ok2 := p.offset()
		if !ok2 {
			return 0, false, false
		}
		minutes, has = off, true
	} else if !paren {
		return 0, false, true
	}
	if paren {
		if !p.isPunct(")") {
			return 0, false, false
		}
		p.i++
	}
	return minutes, has, true
}

// offset reads +0300, +03:00, +3 or -05.
func (p *dlParser) offset() (int, bool) {
	sign := 1
	if p.toks[p.i].s != "+" {
		sign = -1
	}
	p.i++
	t, ok := p.peek()
	if !ok || t.kind != tNum {
		return 0, false
	}
	p.i++
	h, m := 0, 0
	switch len(t.s) {
	case 1, 2:
		h = t.n
		if p.i+1 < len(p.toks) && p.toks[p.i].s == ":" && p.toks[p.i+1].kind == tNum && len(p.toks[p.i+1].s) == 2 {
			m = p.toks[p.i+1].n
			p.i += 2
		}
	case 4:
		h, m = t.n/100, t.n%100
	default:
		return 0, false
	}
	if h > 14 || m > 59 {
		return 0, false
	}
	return sign * (h*60 + m), true
}

// validDate reports whether y-m-d is a calendar date between 1900 and 2100.
func validDate(y, m, d int) bool {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return d <= days
}
