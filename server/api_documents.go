package server

import (
	"net/http"

	"dyad/doc"
)

// apiDocuments answers GET /api/documents: the stored documents in id order, without their layers
// (limit, after).
func (s *Server) apiDocuments(w http.ResponseWriter, r *http.Request) error {
	if s.st == nil {
		return errNoStore
	}
	p := newParams(r, "limit", "after")
	limit, _, after := p.page()
	if p.err != nil {
		return p.err
	}
	items, next, err := s.listDocuments(r.Context(), after, limit)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page[docSummary]{Items: items, NextAfter: next})
	return nil
}

// apiDocument answers GET /api/documents/{id}: the stored document's JSON record, every layer
// included (offsets in code points, as dyad code writes them).
func (s *Server) apiDocument(w http.ResponseWriter, r *http.Request) error {
	if s.st == nil {
		return errNoStore
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	d, err := s.st.Get(r.Context(), id)
	if err != nil {
		return err
	}
	b, err := doc.Encode(d)
	if err != nil {
		return err
	}
	writeRaw(w, http.StatusOK, b)
	return nil
}
