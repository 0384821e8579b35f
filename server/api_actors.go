package server

import (
	"net/http"
	"strings"
)

// apiActors answers GET /api/actors: actor codes with their numbers of events as primary source and
// target, most active first; prefix= keeps the codes that start with it (limit, offset).
func (s *Server) apiActors(w http.ResponseWriter, r *http.Request) error {
	if s.st == nil {
		return errNoStore
	}
	p := newParams(r, "prefix", "limit", "offset")
	prefix := p.code("prefix")
	limit, offset, _ := p.page()
	if p.err != nil {
		return p.err
	}
	a, err := s.aggregates(r.Context())
	if err != nil {
		return err
	}
	items := []actorCount{}
	skipped := 0
	for _, x := range a.Actors {
		if !strings.HasPrefix(x.Code, prefix) {
			continue
		}
		if skipped < offset {
			skipped++
			continue
		}
		if len(items) == limit {
			break
		}
		items = append(items, x)
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items})
	return nil
}
