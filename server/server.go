// Package server is dyad's HTTP face: a JSON API over a store (documents, events, actors, quotes,
// dyad timelines, search), an endpoint that codes a posted article with the pipeline, and a web
// dashboard of server-rendered pages (home, dyad, actor, article, search, "code an article").
//
// Everything the server sends is embedded in the binary: templates are parsed at start-up (New
// fails when a page is missing), assets are served from the binary, and the pages load nothing
// from another origin (a Content-Security-Policy header says so to the browser). Charts are inline
// SVG drawn on the server.
//
// # Security
//
// A server that listens on a loopback address needs no token; it refuses requests whose Host header
// is not a loopback name (DNS rebinding). A server that listens beyond loopback must have a Token
// (New refuses to start without one), and every write request (POST /api/ingest, and fetching a URL
// on the "code an article" page) must carry it as "Authorization: Bearer TOKEN" (the page has a
// token field). Cross-origin POSTs from browsers are refused in every case (http.CrossOriginProtection).
// Request bodies are limited to Config.MaxBodyBytes (413 beyond).
//
// # Handlers
//
// Each endpoint is one method in its own file (api_*.go, page_*.go) with the shape
// func(w http.ResponseWriter, r *http.Request) error. An error that is an *Error is answered with its
// status and message (JSON for /api/, an HTML page otherwise); any other error is a 500 and is logged.
package server

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"

	"dyad/pipeline"
	"dyad/source"
	"dyad/store"
)

// DefaultMaxBodyBytes is the default limit on a request body (5 MB).
const DefaultMaxBodyBytes = 5 << 20

// Config configures a Server. Only Addr matters for security; every other field has a default.
type Config struct {
	// Addr is the address the server listens on ("127.0.0.1:8080"). New uses it to decide whether a
	// token is required: any address that is not loopback (including ":8080" and "0.0.0.0:8080",
	// which listen on every interface) needs Token. Empty means "127.0.0.1:8080".
	Addr string
	// Token, when set, must be sent as "Authorization: Bearer TOKEN" with every write request.
	Token string
	// Store holds the coded documents. Nil serves only coding (POST /api/code and /code); the other
	// endpoints answer 503.
	Store store.Store
	// Pipeline codes posted articles. Nil means pipeline.Default(pipeline.Options{}).
	Pipeline *pipeline.Pipeline
	// MaxBodyBytes limits request bodies and fetched pages; zero means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// Source configures fetching a URL on the "code an article" page (its Client, UserAgent).
	// MaxBytes is replaced by MaxBodyBytes.
	Source source.Options
	// Logger receives one line per failed request; nil means slog.Default().
	Logger *slog.Logger
	// Workers bounds how many articles are coded at once (0: one per core); further requests wait.
	Workers int
}

// Server serves the API and the dashboard. It is an http.Handler, safe for concurrent use.
type Server struct {
	cfg      Config
	pipe     *pipeline.Pipeline
	st       store.Store
	log      *slog.Logger
	pages    *pages
	handler  http.Handler
	mux      *http.ServeMux
	loopback bool
	coding   chan struct{} // a semaphore bounding concurrent coding
	cache    aggCache
}

// New checks cfg, parses the templates and builds the routes. It fails when the address is not
// loopback and no Token is set, when a template is missing or broken, or when the pipeline cannot
// be built.
func New(cfg Config) (*Server, error) {
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:8080"
	}
	loop, err := IsLoopback(cfg.Addr)
	if err != nil {
		return nil, err
	}
	if !loop && cfg.Token == "" {
		return nil, fmt.Errorf("server: refusing to listen on %s, which is reachable beyond this machine, without a token (set one, or listen on 127.0.0.1)", cfg.Addr)
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	cfg.Source.MaxBytes = cfg.MaxBodyBytes
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	p := cfg.Pipeline
	if p == nil {
		if p, err = pipeline.Default(pipeline.Options{}); err != nil {
			return nil, fmt.Errorf("server: building the pipeline: %w", err)
		}
	}
	pg, err := parsePages()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, pipe: p, st: cfg.Store, log: cfg.Logger, pages: pg, loopback: loop,
		coding: make(chan struct{}, cfg.Workers)}
	s.handler = s.routes()
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// ListenAndServe listens on Config.Addr and serves until ctx is done, then shuts down gracefully
// (waiting up to 10 seconds for requests in flight). It calls ready, when not nil, with the address
// it listens on once the listener is open.
func (s *Server) ListenAndServe(ctx context.Context, ready func(addr string)) error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("server: %w", err)
	}
	hs := s.HTTPServer()
	if ready != nil {
		ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// HTTPServer returns an http.Server for this handler with timeouts set (headers 10 s, whole
// request 2 minutes, idle connections 2 minutes).
func (s *Server) HTTPServer() *http.Server {
	return &http.Server{
		Addr:              s.cfg.Addr,
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

// IsLoopback reports whether addr ("host:port") listens only on the loopback interface. An empty
// host or an unspecified address (0.0.0.0, ::) listens on every interface and is not loopback; a
// host name other than "localhost" is not either (it may resolve anywhere).
func IsLoopback(addr string) (bool, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false, fmt.Errorf("server: bad listen address %q: %w", addr, err)
	}
	return isLoopbackHost(host), nil
}

func isLoopbackHost(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// handlerFunc is the shape of every handler.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// Error is an error with an HTTP status, answered to the client as it is.
type Error struct {
	Status  int
	Message string
}

// Error returns the message.
func (e *Error) Error() string { return e.Message }

// errorf returns an *Error with the status and a formatted message.
func errorf(status int, format string, args ...any) error {
	return &Error{Status: status, Message: fmt.Sprintf(format, args...)}
}

// errNoStore is the answer of the store endpoints on a server without a store.
var errNoStore = &Error{Status: http.StatusServiceUnavailable, Message: "this server has no store: start it with a database to browse stored articles"}

// routes builds the router: the standard ServeMux with method and wildcard patterns.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	s.mux = mux
	api := func(pattern string, h handlerFunc) { mux.Handle(pattern, s.apiHandler(h)) }
	page := func(pattern string, h handlerFunc) { mux.Handle(pattern, s.pageHandler(h)) }

	api("POST /api/code", s.apiCode)
	api("POST /api/ingest", s.writeOnly(s.apiIngest))
	api("GET /api/documents", s.apiDocuments)
	api("GET /api/documents/{id}", s.apiDocument)
	api("GET /api/events", s.apiEvents)
	api("GET /api/actors", s.apiActors)
	api("GET /api/quotes", s.apiQuotes)
	api("GET /api/dyads/{a}/{b}/timeline", s.apiTimeline)
	api("GET /api/search", s.apiSearch)
	api("GET /api/openapi.json", s.apiOpenAPI)
	api("/api/", s.apiNotFound)

	page("GET /{$}", s.pageHome)
	page("GET /code", s.pageCode)
	page("POST /code", s.pageCode)
	page("GET /documents", s.pageDocuments)
	page("GET /documents/{id}", s.pageDocument)
	page("GET /dyads", s.pageDyadForm)
	page("GET /dyads/{a}/{b}", s.pageDyad)
	page("GET /actors/{code}", s.pageActor)
	page("GET /search", s.pageSearch)
	page("/", s.pageNotFound)
	mux.Handle("GET /static/", http.StripPrefix("/static/", staticHandler()))

	cop := http.NewCrossOriginProtection()
	return s.guard(cop.Handler(mux))
}

// guard adds the headers every answer carries and refuses foreign Host headers on loopback.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		if s.loopback {
			host := r.Host
			if hh, _, err := net.SplitHostPort(host); err == nil {
				host = hh
			}
			if !isLoopbackHost(host) {
				http.Error(w, "this server answers only requests addressed to localhost", http.StatusMisdirectedRequest)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// authorized reports whether r carries the token, or no token is needed.
func (s *Server) authorized(r *http.Request) bool {
	if s.cfg.Token == "" {
		return true
	}
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		tok = r.PostFormValue("token") // the dashboard's forms
	}
	return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(tok)), []byte(s.cfg.Token)) == 1
}

// writeOnly wraps a write endpoint: it needs the token when one is set.
func (s *Server) writeOnly(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if !s.authorized(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="dyad"`)
			return errorf(http.StatusUnauthorized, "this endpoint writes to the store and needs the server's token: send \"Authorization: Bearer TOKEN\"")
		}
		return h(w, r)
	}
}

// status returns the HTTP status of err and the message to show.
func (s *Server) status(r *http.Request, err error) (int, string) {
	var he *Error
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &he):
		return he.Status, he.Message
	case errors.As(err, &mb):
		return http.StatusRequestEntityTooLarge, fmt.Sprintf("the request body is larger than the limit of %d bytes", mb.Limit)
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound, "no such document"
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "the request was cancelled or took too long"
	}
	s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	return http.StatusInternalServerError, "internal error: " + err.Error()
}

// apiHandler adapts a handler of the API: errors are answered as JSON.
func (s *Server) apiHandler(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			code, msg := s.status(r, err)
			writeJSON(w, code, map[string]any{"error": msg, "status": code})
		}
	})
}

// pageHandler adapts a handler of the dashboard: errors are answered with the error page.
func (s *Server) pageHandler(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			code, msg := s.status(r, err)
			s.render(w, r, code, "error", &errorPage{basePage: s.base("Error"), Status: code, Message: msg})
		}
	})
}

// code runs the pipeline on one article, waiting for a free worker.
func (s *Server) code(ctx context.Context, d docInput) (*codedDoc, error) {
	select {
	case s.coding <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-s.coding }()
	start := time.Now()
	var err error
	dd := d.doc
	if dd == nil {
		dd, err = s.pipe.Code(d.article)
	} else {
		err = s.pipe.Apply(dd)
	}
	cd := &codedDoc{Doc: dd, Took: time.Since(start)}
	if err != nil {
		cd.Doc.Warnings = append(cd.Doc.Warnings, "coding: "+err.Error())
	}
	return cd, nil
}

// aggCache keeps the aggregates of the home page and the actor list for a short while: they scan
// the cluster table, which is large on big stores.
type aggCache struct {
	mu   sync.Mutex
	at   time.Time
	aggs *aggregates
}

func (c *aggCache) invalidate() {
	c.mu.Lock()
	c.aggs = nil
	c.mu.Unlock()
}
