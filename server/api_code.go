package server

import (
	"net/http"

	"dyad/doc"
)

// apiCode answers POST /api/code: it codes the posted article (a JSON record, plain text or an HTML
// page, by Content-Type) and answers its record. Layers in a posted record are replaced by the
// pipeline's. Nothing is stored.
func (s *Server) apiCode(w http.ResponseWriter, r *http.Request) error {
	in, err := readArticle(w, r, s.cfg.MaxBodyBytes)
	if err != nil {
		return err
	}
	cd, err := s.code(r.Context(), docInput{article: in.article})
	if err != nil {
		return err
	}
	cd.Warnings = append(in.warnings, cd.Warnings...)
	b, err := doc.Encode(cd.Doc)
	if err != nil {
		return err
	}
	w.Header().Set("Server-Timing", serverTiming("code", cd.Took))
	writeRaw(w, http.StatusOK, b)
	return nil
}
