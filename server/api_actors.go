package server

import (
	"net/http"

	"dyad/store"
)

// apiActors answers GET /api/actors: actor codes with their numbers of events as primary source and
// target (and as either, and among all the actors of events), most active first; prefix= keeps the codes that start with it (limit, offset).
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
	items := []actorCount{}
	err := s.st.Actors(r.Context(), store.ActorQuery{Prefix: prefix, Limit: limit, Offset: offset}, func(a *store.ActorCount) error {
		items = append(items, toActorCount(a))
		return nil
	})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items})
	return nil
}
