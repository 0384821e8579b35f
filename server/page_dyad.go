package server

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"

	"dyad/store"
)

// dyadPage is the data of the dyad page.
type dyadPage struct {
	basePage
	Source, Target string
	Either         bool
	By             store.Interval
	Intervals      []tab
	FlipHref       string
	Chart          template.HTML
	Buckets        []store.Bucket
	Events         []apiEvent
	Next           string
}

// tab is a link of a tab bar.
type tab struct {
	Name, Href string
	On         bool
}

// pageDyad shows a dyad: the timeline of its events by QuadClass with the mean Goldstein score (by
// day, week or month; one direction, or both with either=true) and its events, a page at a time.
func (s *Server) pageDyad(w http.ResponseWriter, r *http.Request) error {
	if s.st == nil {
		return errNoStore
	}
	q, by, err := dyadQuery(r)
	if err != nil {
		return err
	}
	if q.Source == "" || q.Target == "" {
		return errorf(http.StatusBadRequest, "a dyad needs two actor codes: /dyads/RUS/USA")
	}
	bs, err := s.st.Timeline(r.Context(), q, by)
	if err != nil {
		return err
	}
	evq := q
	evq.Limit = defaultLimit
	p := &dyadPage{basePage: s.base(q.Source + " → " + q.Target), Source: q.Source, Target: q.Target, Either: q.Either, By: by,
		Buckets: bs, Chart: timelineSVG(fillBuckets(bs, by), by), Events: []apiEvent{}}
	err = s.st.Events(r.Context(), evq, func(e *store.EventRow) error {
		p.Events = append(p.Events, toEvent(e))
		return nil
	})
	if err != nil {
		return err
	}
	link := func(by store.Interval, either bool, after int64) string {
		v := url.Values{}
		v.Set("by", string(by))
		if either {
			v.Set("either", "true")
		}
		if q.From != "" {
			v.Set("from", q.From)
		}
		if q.To != "" {
			v.Set("to", q.To)
		}
		if after > 0 {
			v.Set("after", fmt.Sprint(after))
		}
		return "/dyads/" + url.PathEscape(q.Source) + "/" + url.PathEscape(q.Target) + "?" + v.Encode()
	}
	for _, b := range []store.Interval{store.Day, store.Week, store.Month} {
		p.Intervals = append(p.Intervals, tab{Name: string(b), Href: link(b, q.Either, 0), On: b == by})
	}
	p.FlipHref = link(by, !q.Either, 0)
	if len(p.Events) == evq.Limit {
		p.Next = link(by, q.Either, p.Events[len(p.Events)-1].ID)
	}
	s.render(w, r, http.StatusOK, "dyad", p)
	return nil
}
