package server

import (
	"net/http"

	"dyad/store"
)

// apiQuotes answers GET /api/quotes: quotes by speaker (an actor code prefix, or part of the
// speaker's name), by words of their content (text), by publication dates (from, to), a page at a
// time.
func (s *Server) apiQuotes(w http.ResponseWriter, r *http.Request) error {
	if s.st == nil {
		return errNoStore
	}
	p := newParams(r, "speaker", "text", "from", "to", "limit", "offset", "after")
	q := store.QuoteQuery{Speaker: p.str("speaker", 100), Text: p.str("text", 500), From: p.date("from", false), To: p.date("to", true)}
	q.Limit, q.Offset, q.After = p.page()
	if p.err != nil {
		return p.err
	}
	out := page[apiQuote]{Items: []apiQuote{}}
	err := s.st.Quotes(r.Context(), q, func(x *store.QuoteRow) error {
		out.Items = append(out.Items, toQuote(x))
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
