package server

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
	"unicode/utf8"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pageNames are the pages of the dashboard; each is templates/NAME.html and defines "content".
var pageNames = []string{"home", "code", "documents", "document", "dyad", "actor", "search", "error"}

// sharedFiles hold the layout and the partials every page may use.
var sharedFiles = []string{"templates/layout.html", "templates/article.html"}

// sharedTemplates must be defined by the shared files.
var sharedTemplates = []string{"layout", "events", "quotes", "pager", "article", "actors"}

// pages are the parsed templates, one set per page.
type pages struct {
	set map[string]*template.Template
}

var funcs = template.FuncMap{
	"trunc":  trunc,
	"plural": plural,
}

// plural writes a count with its noun: "1 event", "2 events", "3 entities" (the plural form given
// after the singular, or the singular with an s).
func plural(n int, forms ...string) string {
	if len(forms) == 0 {
		return fmt.Sprint(n)
	}
	if n == 1 {
		return fmt.Sprintf("%d %s", n, forms[0])
	}
	if len(forms) > 1 {
		return fmt.Sprintf("%d %s", n, forms[1])
	}
	return fmt.Sprintf("%d %ss", n, forms[0])
}

// trunc cuts s to at most n bytes, on a rune boundary, adding an ellipsis when it cut.
func trunc(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strings.TrimSpace(s[:n]) + "…"
}

// parsePages parses the embedded templates and checks that they are complete: every page exists and
// defines "content", and the layout and partials are defined.
func parsePages() (*pages, error) {
	return parsePagesFS(templateFS)
}

func parsePagesFS(fsys fs.FS) (*pages, error) {
	base, err := template.New("").Funcs(funcs).ParseFS(fsys, sharedFiles...)
	if err != nil {
		return nil, fmt.Errorf("server: templates: %w", err)
	}
	for _, n := range sharedTemplates {
		if base.Lookup(n) == nil {
			return nil, fmt.Errorf("server: templates: %q is not defined in %s", n, strings.Join(sharedFiles, ", "))
		}
	}
	p := &pages{set: map[string]*template.Template{}}
	for _, name := range pageNames {
		t, err := template.Must(base.Clone()).ParseFS(fsys, "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("server: templates: page %s: %w", name, err)
		}
		if t.Lookup("content") == nil {
			return nil, fmt.Errorf("server: templates: page %s does not define \"content\"", name)
		}
		p.set[name] = t
	}
	return p, nil
}

// basePage holds what the layout shows on every page.
type basePage struct {
	Title    string
	HasStore bool
	Query    string
}

func (s *Server) base(title string) basePage {
	return basePage{Title: title, HasStore: s.st != nil}
}

// errorPage is the data of the error page.
type errorPage struct {
	basePage
	Status  int
	Message string
}

// render executes a page into a buffer (so that a template error does not send half a page) and
// writes it with the status.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	t := s.pages.set[name]
	var buf bytes.Buffer
	if t == nil {
		http.Error(w, "no page "+name, http.StatusInternalServerError)
		return
	}
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		s.log.Error("rendering a page", "page", name, "path", r.URL.Path, "err", err)
		http.Error(w, "internal error: rendering the page failed", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// staticHandler serves the embedded assets, with a short cache lifetime.
func staticHandler() http.Handler {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err) // the embed pattern guarantees the directory
	}
	fsrv := http.FileServerFS(sub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=300")
		fsrv.ServeHTTP(w, r)
	})
}
