package server

import "net/http"

// pageNotFound answers every path the dashboard does not have.
func (s *Server) pageNotFound(w http.ResponseWriter, r *http.Request) error {
	return errorf(http.StatusNotFound, "There is no page at %s.", r.URL.Path)
}
