package server

import (
	"fmt"
	"net/http"
)

// documentsPage is the data of the article list.
type documentsPage struct {
	basePage
	Documents []docSummary
	Next      string
}

// pageDocuments lists the stored articles, a page at a time (after=).
func (s *Server) pageDocuments(w http.ResponseWriter, r *http.Request) error {
	if s.st == nil {
		return errNoStore
	}
	p := newParams(r, "after")
	_, _, after := p.page()
	if p.err != nil {
		return p.err
	}
	docs, next, err := s.listDocuments(r.Context(), after, defaultLimit)
	if err != nil {
		return err
	}
	pg := &documentsPage{basePage: s.base("Articles"), Documents: docs}
	if next > 0 {
		pg.Next = fmt.Sprintf("/documents?after=%d", next)
	}
	s.render(w, r, http.StatusOK, "documents", pg)
	return nil
}
