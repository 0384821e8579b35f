package server

import (
	"net/http"

	"dyad/store"
)

// apiEvents answers GET /api/events: the events that match the filters (see eventQuery), in id
// order, a page at a time.
func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) error {
	if s.st == nil {
		return errNoStore
	}
	p := newParams(r, eventParams...)
	q := p.eventQuery()
	if p.err != nil {
		return p.err
	}
	out := page[apiEvent]{Items: []apiEvent{}}
	err := s.st.Events(r.Context(), q, func(e *store.EventRow) error {
		out.Items = append(out.Items, toEvent(e))
		return nil
	})
	if err != nil {
		return err
	}
	if len(out.Items) == q.Limit {
		out.NextAfter = out.Items[len(out.Items)-1].ID
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
