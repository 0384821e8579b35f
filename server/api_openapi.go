package server

import (
	_ "embed"
	"net/http"
	"strings"
)

//go:embed openapi.json
var openapiJSON []byte

// apiOpenAPI answers GET /api/openapi.json: the OpenAPI 3 description of this API.
func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openapiJSON)
	return nil
}

// apiNotFound answers every other /api/ path: 405 when the path exists with another method, 404
// otherwise.
func (s *Server) apiNotFound(w http.ResponseWriter, r *http.Request) error {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		if m == r.Method {
			continue
		}
		rr := r.Clone(r.Context())
		rr.Method = m
		if _, pat := s.mux.Handler(rr); pat != "/api/" && pat != "" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		return errorf(http.StatusMethodNotAllowed, "%s %s is not allowed: use %s", r.Method, r.URL.Path, strings.Join(allow, " or "))
	}
	return errorf(http.StatusNotFound, "no endpoint %s %s: see /api/openapi.json for the endpoints", r.Method, r.URL.Path)
}
