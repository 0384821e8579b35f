package server

import (
	"context"
	"net/http"

	"dyad/store"
)

// searchAnswer is the answer of the search endpoint.
type searchAnswer struct {
	Query     string       `json:"query"`
	Documents []apiArticle `json:"documents"`
	Events    []apiEvent   `json:"events"`
	Quotes    []apiQuote   `json:"quotes"`
}

// apiSearch answers GET /api/search?q=words: the events of the documents that contain every word,
// the documents they come from, and the quotes whose content contains the words (limit of each).
func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	if s.st == nil {
		return errNoStore
	}
	p := newParams(r, "q", "limit")
	q := p.str("q", 500)
	limit := p.int("limit", 20, 1, 200)
	if p.err == nil && q == "" {
		p.fail("parameter q is missing: give the words to search for")
	}
	if p.err != nil {
		return p.err
	}
	a, err := s.search(r.Context(), q, limit)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, a)
	return nil
}

// search runs a full-text search over documents (their events) and quotes.
func (s *Server) search(ctx context.Context, q string, limit int) (*searchAnswer, error) {
	a := &searchAnswer{Query: q, Documents: []apiArticle{}, Events: []apiEvent{}, Quotes: []apiQuote{}}
	seen := map[int64]bool{}
	err := s.st.Events(ctx, store.Query{Text: q, Limit: limit}, func(e *store.EventRow) error {
		ev := toEvent(e)
		a.Events = append(a.Events, ev)
		if !seen[e.DocID] {
			seen[e.DocID] = true
			a.Documents = append(a.Documents, ev.Article)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = s.st.Quotes(ctx, store.QuoteQuery{Text: q, Limit: limit}, func(x *store.QuoteRow) error {
		qq := toQuote(x)
		a.Quotes = append(a.Quotes, qq)
		if !seen[x.DocID] {
			seen[x.DocID] = true
			a.Documents = append(a.Documents, qq.Article)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}
