package server

import "net/http"

// searchPage is the data of the search page.
type searchPage struct {
	basePage
	Result *searchAnswer
}

// pageSearch shows the articles, events and quotes that contain the words of q.
func (s *Server) pageSearch(w http.ResponseWriter, r *http.Request) error {
	if s.st == nil {
		return errNoStore
	}
	p := newParams(r, "q")
	q := p.str("q", 500)
	if p.err != nil {
		return p.err
	}
	pg := &searchPage{basePage: s.base("Search")}
	pg.Query = q
	if q != "" {
		a, err := s.search(r.Context(), q, 50)
		if err != nil {
			return err
		}
		pg.Result = a
	}
	s.render(w, r, http.StatusOK, "search", pg)
	return nil
}
