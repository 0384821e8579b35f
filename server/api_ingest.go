package server

import (
	"net/http"

	"dyad/store"
)

// ingestAnswer is the answer of POST /api/ingest.
type ingestAnswer struct {
	// Result is what the store did: inserted, replaced or unchanged.
	Result string `json:"result"`
	// Hash is the document's content hash (see store.Hash).
	Hash string `json:"hash"`
	// DocID is the document's id in the store (GET /api/documents/{doc_id}; page /documents/{doc_id}).
	DocID    int64    `json:"doc_id"`
	ID       string   `json:"id,omitempty"`
	Title    string   `json:"title,omitempty"`
	Events   int      `json:"events"`
	Quotes   int      `json:"quotes"`
	Entities int      `json:"entities"`
	Timexes  int      `json:"timexes"`
	Warnings []string `json:"warnings,omitempty"`
}

// apiIngest answers POST /api/ingest: it codes the posted article and stores it. With code=false a
// posted JSON record is stored with the layers it carries, uncoded. Storing the same article twice
// stores it once (result "unchanged").
func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) error {
	if s.st == nil {
		return errNoStore
	}
	p := newParams(r, "code")
	recode := true
	if p.v.Has("code") {
		recode = p.bool("code")
	}
	if p.err != nil {
		return p.err
	}
	in, err := readArticle(w, r, s.cfg.MaxBodyBytes)
	if err != nil {
		return err
	}
	var cd *codedDoc
	if !recode {
		if in.doc == nil {
			return errorf(http.StatusBadRequest, "code=false stores a record as it is posted, so it needs a JSON record (Content-Type: application/json)")
		}
		cd = &codedDoc{Doc: in.doc}
	} else if cd, err = s.code(r.Context(), docInput{article: in.article}); err != nil {
		return err
	}
	cd.Warnings = append(in.warnings, cd.Warnings...)
	if cd.ID == "" {
		cd.ID = "api:" + store.Hash(cd.Text)[:12]
	}
	res, docID, err := s.st.Put(r.Context(), cd.Doc)
	if err != nil {
		return errorf(http.StatusUnprocessableEntity, "the store refused the document: %v", err)
	}
	if res != store.Unchanged {
		s.cache.invalidate()
	}
	d := cd.Doc
	status := http.StatusOK
	if res == store.Inserted {
		status = http.StatusCreated
	}
	writeJSON(w, status, ingestAnswer{Result: res.String(), Hash: store.Hash(d.Text), DocID: docID, ID: d.ID, Title: d.Title,
		Events: len(d.Events), Quotes: len(d.Quotes), Entities: len(d.Entities), Timexes: len(d.Timexes), Warnings: d.Warnings})
	return nil
}
