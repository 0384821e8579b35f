package server

import "net/http"

// documentPage is the data of the article page.
type documentPage struct {
	basePage
	View *articleView
}

// pageDocument shows a stored article with every layer highlighted and explained.
func (s *Server) pageDocument(w http.ResponseWriter, r *http.Request) error {
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
	title := d.Title
	if title == "" {
		title = "Article " + d.ID
	}
	s.render(w, r, http.StatusOK, "document", &documentPage{basePage: s.base(title), View: newArticleView(d, id, true)})
	return nil
}
