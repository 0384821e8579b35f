package server

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"dyad/doc"
	"dyad/source"
)

// codePage is the data of the "code an article" page.
type codePage struct {
	basePage
	Text, Published, URL string
	TokenNeeded          bool
	Message              string
	View                 *articleView
}

// pageCode shows the "code an article" form (GET) and codes what was posted (POST): pasted text, or
// the page at a URL, which the server fetches only then (and only with the token when one is set).
func (s *Server) pageCode(w http.ResponseWriter, r *http.Request) error {
	p := &codePage{basePage: s.base("Code an article"), TokenNeeded: s.cfg.Token != ""}
	if r.Method != http.MethodPost {
		s.render(w, r, http.StatusOK, "code", p)
		return nil
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
	if err := r.ParseForm(); err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return err
		}
		return errorf(http.StatusBadRequest, "cannot read the form: %v", err)
	}
	p.Text, p.Published, p.URL = r.PostForm.Get("text"), strings.TrimSpace(r.PostForm.Get("published")), strings.TrimSpace(r.PostForm.Get("url"))
	var a doc.Article
	var warns []string
	status := http.StatusOK
	switch {
	case p.URL != "":
		var err error
		a, warns, err = s.fetch(r, p.URL)
		if err != nil {
			var he *Error
			if errors.As(err, &he) {
				status, p.Message = he.Status, he.Message
			} else {
				status, p.Message = http.StatusBadGateway, err.Error()
			}
		}
	case strings.TrimSpace(p.Text) != "":
		a = source.ParseText(p.Text)
	default:
		status, p.Message = http.StatusBadRequest, "Paste the text of an article, or give the address of one."
	}
	if p.Message == "" {
		if p.Published != "" {
			if _, ok := doc.ParseTime(p.Published); !ok {
				status, p.Message = http.StatusBadRequest, "The publication date "+p.Published+" is not an ISO date such as 2022-05-28."
			} else {
				a.Published = p.Published
			}
		}
	}
	if p.Message == "" {
		cd, err := s.code(r.Context(), docInput{article: a})
		if err != nil {
			return err
		}
		cd.Warnings = append(warns, cd.Warnings...)
		p.View = newArticleView(cd.Doc, 0, s.st != nil)
		p.View.CodedInMs = float64(cd.Took.Microseconds()) / 1000
		if p.Published == "" {
			p.Published = a.Published
		}
	}
	s.render(w, r, status, "code", p)
	return nil
}

// fetch reads the article at a URL with the source package: the server's token is needed when one
// is set, and only http and https addresses are accepted (never a local file).
func (s *Server) fetch(r *http.Request, raw string) (doc.Article, []string, error) {
	if s.cfg.Token != "" && !s.authorized(r) {
		return doc.Article{}, nil, errorf(http.StatusUnauthorized, "Fetching a page needs the server's token.")
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return doc.Article{}, nil, errorf(http.StatusBadRequest, "%q is not an http or https address.", raw)
	}
	var a doc.Article
	var warns []string
	var ierr error
	got := false
	err = source.Read(r.Context(), []string{u.String()}, s.cfg.Source, func(it source.Item) bool {
		if it.Err != nil {
			ierr = it.Err
			return false
		}
		a, warns, got = it.Article, it.Warnings, true
		return false
	})
	switch {
	case err != nil:
		return a, nil, err
	case ierr != nil:
		return a, nil, errorf(http.StatusBadGateway, "Could not read %s: %v", u, ierr)
	case !got || strings.TrimSpace(a.Text) == "":
		return a, nil, errorf(http.StatusBadGateway, "No article text was found at %s.", u)
	}
	return a, warns, nil
}
