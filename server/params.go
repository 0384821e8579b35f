package server

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"dyad/store"
)

// Pagination limits.
const (
	defaultLimit = 50
	maxLimit     = 1000
	maxOffset    = 100000
)

// params reads query parameters and collects the first problem, naming the parameter.
type params struct {
	v   url.Values
	err error
}

// newParams checks that every parameter of r is one of known.
func newParams(r *http.Request, known ...string) *params {
	p := &params{v: r.URL.Query()}
	for k := range p.v {
		ok := false
		for _, n := range known {
			if k == n {
				ok = true
				break
			}
		}
		if !ok {
			p.fail("unknown parameter %q (this endpoint takes: %s)", k, strings.Join(known, ", "))
			break
		}
	}
	return p
}

func (p *params) fail(format string, args ...any) {
	if p.err == nil {
		p.err = errorf(http.StatusBadRequest, format, args...)
	}
}

func (p *params) str(name string, maxLen int) string {
	s := strings.TrimSpace(p.v.Get(name))
	if len(s) > maxLen {
		p.fail("parameter %s is longer than %d bytes", name, maxLen)
		return ""
	}
	return s
}

// code reads an actor code: letters only, upper-cased.
func (p *params) code(name string) string {
	return p.checkCode(name, strings.ToUpper(p.str(name, 40)))
}

func (p *params) checkCode(name, s string) string {
	for _, r := range s {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			p.fail("parameter %s=%q is not an actor code (letters such as RUS or RUSGOV)", name, s)
			return ""
		}
	}
	return s
}

// int reads an integer between lo and hi; def when absent.
func (p *params) int(name string, def, lo, hi int) int {
	s := p.v.Get(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		p.fail("parameter %s=%q must be a whole number from %d to %d", name, s, lo, hi)
		return def
	}
	return n
}

func (p *params) bool(name string) bool {
	switch strings.ToLower(p.v.Get(name)) {
	case "", "0", "false", "no", "off":
		return false
	case "1", "true", "yes", "on":
		return true
	}
	p.fail("parameter %s=%q must be true or false", name, p.v.Get(name))
	return false
}

// date reads an ISO date ("2022-05-28"), or a month ("2022-05") or year ("2022"), which it widens
// to their first day (end false) or last day (end true).
func (p *params) date(name string, end bool) string {
	s := p.v.Get(name)
	if s == "" {
		return ""
	}
	d, ok := widenDate(s, end)
	if !ok {
		p.fail("parameter %s=%q is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", name, s)
	}
	return d
}

// widenDate turns a date, month or year into a day.
func widenDate(s string, end bool) (string, bool) {
	for _, l := range []struct {
		layout string
		step   func(time.Time) time.Time
	}{
		{"2006-01-02", func(t time.Time) time.Time { return t }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, -1) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, -1) }},
	} {
		if len(s) != len(l.layout) {
			continue
		}
		t, err := time.Parse(l.layout, s)
		if err != nil {
			return "", false
		}
		if end {
			t = l.step(t)
		}
		return t.Format("2006-01-02"), true
	}
	return "", false
}

// eventParams are the query parameters of the event filters.
var eventParams = []string{"actor", "dyad", "source", "target", "either", "type", "root", "quad", "from", "to", "text", "limit", "offset", "after"}

// eventQuery reads the event filters, as dyad query takes them: actor, dyad (A-B, source to target;
// either=true adds B to A; "*" leaves a side open: *-UKR), source, target, type (PLOVER), root (CAMEO), quad (1-4), from, to (dates),
// text, and limit, offset, after.
func (p *params) eventQuery() store.Query {
	q := store.Query{
		Actor:  p.code("actor"),
		Source: p.code("source"),
		Target: p.code("target"),
		Either: p.bool("either"),
		Plover: strings.ToUpper(p.str("type", 20)),
		Root:   p.str("root", 4),
		Quad:   p.int("quad", 0, 1, 4),
		From:   p.date("from", false),
		To:     p.date("to", true),
		Text:   p.str("text", 500),
	}
	if d := p.str("dyad", 81); d != "" {
		a, b, ok := splitDyad(d)
		if !ok {
			p.fail("parameter dyad=%q must be two actor codes joined by '-' (RUS-USA)", d)
		}
		a, b = strings.Trim(a, "*"), strings.Trim(b, "*") // "*" leaves a side open, as in dyad query
		q.Source, q.Target = p.checkCode("dyad", a), p.checkCode("dyad", b)
	}
	if q.Plover != "" {
		for _, r := range q.Plover {
			if r < 'A' || r > 'Z' {
				p.fail("parameter type=%q is not a PLOVER type (such as REQUEST or ACCUSE)", q.Plover)
				break
			}
		}
	}
	if q.Root != "" {
		if _, err := strconv.Atoi(q.Root); err != nil || len(q.Root) < 2 {
			p.fail("parameter root=%q is not a CAMEO code (two to four digits, such as 02)", q.Root)
		}
	}
	if q.From != "" && q.To != "" && q.From > q.To {
		p.fail("parameter from=%s is after to=%s", q.From, q.To)
	}
	q.Limit, q.Offset, q.After = p.page()
	return q
}

// page reads limit, offset and after.
func (p *params) page() (limit, offset int, after int64) {
	limit = p.int("limit", defaultLimit, 1, maxLimit)
	offset = p.int("offset", 0, 0, maxOffset)
	if s := p.v.Get("after"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 0 {
			p.fail("parameter after=%q must be the id of the last item of the previous page", s)
		}
		after = n
	}
	return
}

// splitDyad splits "RUS-USA" (or "RUS:USA", "RUS>USA") into its two codes.
func splitDyad(s string) (string, string, bool) {
	i := strings.IndexAny(s, "-:>")
	if i <= 0 || i == len(s)-1 {
		return "", "", false
	}
	return strings.ToUpper(strings.TrimSpace(s[:i])), strings.ToUpper(strings.TrimSpace(s[i+1:])), true
}
