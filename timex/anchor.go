package timex

import (
	"strconv"
	"time"
)

// Precision of the reference date.
const (
	precNone = iota
	precYear
	precMonth
	precDay
)

// anchor is the reference date (the publication date) as written: its calendar date in its own zone.
type anchor struct {
	y, m, d int // calendar date (m, d are 1-based)
	prec    int
}

// newAnchor reads Doc.Published. The calendar date is the one written (a zone shifts nothing).
func newAnchor(published string) anchor {
	if published == "" {
		return anchor{}
	}
	t, ok := parsePublished(published)
	if !ok {
		return anchor{}
	}
	a := anchor{y: t.Year(), m: int(t.Month()), d: t.Day(), prec: precDay}
	switch len(published) {
	case 4:
		a.prec = precYear
	case 7:
		a.prec = precMonth
	}
	return a
}

var publishedLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006-01",
	"2006",
}

func parsePublished(s string) (time.Time, bool) {
	for _, l := range publishedLayouts {
		// Every field of the layouts is fixed-width, so a layout can only fit a value of its
		// length (date alone) or with its separator at byte 10 (date and time); skipping the others
		// saves the allocation of a parse error.
		if len(l) > 10 && (len(s) <= 10 || s[10] != l[10]) || len(l) <= 10 && len(s) != len(l) {
			continue
		}
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func (a anchor) time() time.Time { return time.Date(a.y, time.Month(a.m), a.d, 12, 0, 0, 0, time.UTC) }

// weekday returns the ISO weekday of the anchor (Monday = 1 ... Sunday = 7).
func (a anchor) weekday() int {
	w := int(a.time().Weekday())
	if w == 0 {
		w = 7
	}
	return w
}

func (a anchor) addDays(n int) anchor {
	t := a.time().AddDate(0, 0, n)
	return anchor{y: t.Year(), m: int(t.Month()), d: t.Day(), prec: a.prec}
}

// addMonths moves by whole months, keeping the day inside the target month.
func (a anchor) addMonths(n int) anchor {
	total := a.y*12 + (a.m - 1) + n
	b := anchor{y: total / 12, m: total%12 + 1, d: a.d, prec: a.prec}
	if dim := daysIn(b.y, b.m); b.d > dim {
		b.d = dim
	}
	return b
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func pad(b []byte, v, w int) []byte {
	s := strconv.Itoa(v)
	for i := len(s); i < w; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

func fmtYear(y int) string { return string(pad(nil, y, 4)) }

func fmtMonth(y, m int) string {
	b := pad(nil, y, 4)
	b = append(b, '-')
	return string(pad(b, m, 2))
}

func fmtDate(y, m, d int) string {
	b := pad(nil, y, 4)
	b = append(b, '-')
	b = pad(b, m, 2)
	b = append(b, '-')
	return string(pad(b, d, 2))
}

func (a anchor) date() string  { return fmtDate(a.y, a.m, a.d) }
func (a anchor) month() string { return fmtMonth(a.y, a.m) }
func (a anchor) year() string  { return fmtYear(a.y) }

// week returns the ISO 8601 week of the anchor ("2022-W20").
func (a anchor) week() string {
	y, w := a.time().ISOWeek()
	b := pad(nil, y, 4)
	b = append(b, '-', 'W')
	return string(pad(b, w, 2))
}

func (a anchor) quarter() int { return (a.m-1)/3 + 1 }

func fmtQuarter(y, q int) string { return fmtYear(y) + "-Q" + strconv.Itoa(q) }

// validDate reports whether y-m-d is a calendar date.
func validDate(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

// dayNumber counts days since 0001-01-01 (for distances between dates).
func dayNumber(y, m, d int) int {
	return int(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}
