package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"dyad/doc"
	"dyad/source"
)

// docInput is an article read from a request: the Article, and, for a JSON record, the Doc with
// whatever layers it carried.
type docInput struct {
	article  doc.Article
	doc      *doc.Doc // the posted record with its layers (JSON only), or nil
	warnings []string
}

// codedDoc is a coded document and how long coding took.
type codedDoc struct {
	*doc.Doc
	Took time.Duration
}

// readArticle reads the article in the request body, by Content-Type: application/json is one
// dyad JSON record; text/plain (or no type) is a plain-text article (optional dateline, headline,
// blank line, body); text/html is a web page whose main text is extracted. The body is limited to
// max bytes.
func readArticle(w http.ResponseWriter, r *http.Request, max int64) (docInput, error) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, max))
	if err != nil {
		return docInput{}, err
	}
	ct := r.Header.Get("Content-Type")
	mt := "text/plain"
	if ct != "" {
		if mt, _, err = mime.ParseMediaType(ct); err != nil {
			return docInput{}, errorf(http.StatusBadRequest, "cannot read the Content-Type %q: %v", ct, err)
		}
	}
	return parseArticle(r, body, mt)
}

// parseArticle parses a body of media type mt.
func parseArticle(r *http.Request, body []byte, mt string) (docInput, error) {
	switch mt {
	case "application/json", "application/x-ndjson", "application/jsonl":
		d, err := decodeRecord(body)
		if err != nil {
			return docInput{}, err
		}
		return docInput{article: d.Article, doc: d}, nil
	case "text/plain", "text/html", "application/xhtml+xml":
		f := source.Text
		if mt != "text/plain" {
			f = source.HTML
		}
		return readStream(r, body, f)
	}
	return docInput{}, errorf(http.StatusUnsupportedMediaType, "cannot read an article of type %q: post application/json (a dyad record), text/plain or text/html", mt)
}

// decodeRecord decodes one JSON record and names the problem when it cannot.
func decodeRecord(body []byte) (*doc.Doc, error) {
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return nil, errorf(http.StatusBadRequest, "the request body is empty: post a JSON record such as {\"title\": \"...\", \"text\": \"...\"}")
	}
	if !json.Valid(body) {
		var v any
		err := json.Unmarshal(body, &v)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col := lineCol(body, int(se.Offset))
			return nil, errorf(http.StatusBadRequest, "malformed JSON at line %d, column %d: %v", line, col, se)
		}
		return nil, errorf(http.StatusBadRequest, "malformed JSON: %v", err)
	}
	d, err := doc.Decode(body)
	if err != nil {
		return nil, errorf(http.StatusBadRequest, "cannot read the JSON record: %v", err)
	}
	return d, nil
}

// lineCol converts a byte offset of b to a 1-based line and column.
func lineCol(b []byte, off int) (int, int) {
	off = min(max(off, 0), len(b))
	line := 1 + bytes.Count(b[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(b[:off], '\n')
	return line, col
}

// readStream reads a text or HTML body with the source package (character sets, datelines, main
// text extraction).
func readStream(r *http.Request, body []byte, f source.Format) (docInput, error) {
	var in docInput
	var ierr error
	got := false
	err := source.ReadStream(r.Context(), bytes.NewReader(body), "request", source.Options{Format: f, MaxBytes: int64(len(body)) + 1}, func(it source.Item) bool {
		if it.Err != nil {
			ierr = it.Err
			return false
		}
		in.article, in.warnings, got = it.Article, it.Warnings, true
		if in.article.ID == "request" { // the reader names the article after the stream
			in.article.ID = ""
		}
		return false
	})
	if err != nil {
		return in, err
	}
	if ierr != nil {
		return in, errorf(http.StatusBadRequest, "cannot read the article: %v", ierr)
	}
	if !got || strings.TrimSpace(in.article.Text) == "" {
		return in, errorf(http.StatusBadRequest, "the article has no text")
	}
	return in, nil
}
