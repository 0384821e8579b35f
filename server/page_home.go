package server

import (
	"net/http"

	"dyad/store"
)

// homePage is the data of the home page.
type homePage struct {
	basePage
	Stats     store.Stats
	Dyads     []dyadCount
	Actors    []actorCount
	Documents []docSummary
}

// pageHome shows the overview: counts, the most active dyads and actors, the first articles.
func (s *Server) pageHome(w http.ResponseWriter, r *http.Request) error {
	if s.st == nil {
		http.Redirect(w, r, "/code", http.StatusSeeOther)
		return nil
	}
	a, err := s.aggregates(r.Context())
	if err != nil {
		return err
	}
	docs, _, err := s.listDocuments(r.Context(), 0, 10)
	if err != nil {
		return err
	}
	p := &homePage{basePage: s.base("Overview"), Stats: a.Stats, Dyads: a.Dyads[:min(len(a.Dyads), 15)],
		Actors: a.Actors[:min(len(a.Actors), 15)], Documents: docs}
	s.render(w, r, http.StatusOK, "home", p)
	return nil
}
