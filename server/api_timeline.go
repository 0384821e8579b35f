package server

import (
	"net/http"

	"dyad/store"
)

// timelineAnswer is the answer of the timeline endpoint.
type timelineAnswer struct {
	Source  string         `json:"source"`
	Target  string         `json:"target"`
	Either  bool           `json:"either"`
	By      string         `json:"by"`
	Buckets []store.Bucket `json:"buckets"`
}

// apiTimeline answers GET /api/dyads/{a}/{b}/timeline: the events of the dyad a->b (both ways with
// either=true) counted by QuadClass, with their mean Goldstein score, by day, week or month (by=),
// optionally between from and to.
func (s *Server) apiTimeline(w http.ResponseWriter, r *http.Request) error {
	if s.st == nil {
		return errNoStore
	}
	q, by, err := dyadQuery(r)
	if err != nil {
		return err
	}
	bs, err := s.st.Timeline(r.Context(), q, by)
	if err != nil {
		return err
	}
	if bs == nil {
		bs = []store.Bucket{}
	}
	writeJSON(w, http.StatusOK, timelineAnswer{q.Source, q.Target, q.Either, string(by), bs})
	return nil
}

// dyadQuery reads the dyad of the path ({a}, {b}) and the parameters by, either, from and to.
func dyadQuery(r *http.Request) (store.Query, store.Interval, error) {
	p := newParams(r, "by", "either", "from", "to", "limit", "after", "offset")
	q := store.Query{
		Source: p.checkCode("{a}", upper(r.PathValue("a"))),
		Target: p.checkCode("{b}", upper(r.PathValue("b"))),
		Either: p.bool("either"),
		From:   p.date("from", false),
		To:     p.date("to", true),
	}
	by := store.Month
	if s := p.v.Get("by"); s != "" {
		var err error
		if by, err = store.ParseInterval(s); err != nil {
			p.fail("parameter by=%q must be day, week or month", s)
		}
	}
	q.Limit, q.Offset, q.After = p.page()
	return q, by, p.err
}
