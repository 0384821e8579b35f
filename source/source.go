// Package source reads articles from files, directories, globs, standard input and URLs, in the
// formats news comes in: plain text, JSONL records, HTML pages, RSS/Atom feeds and WARC archives
// (such as Common Crawl's CC-NEWS). Every reader streams: it holds one record at a time, so memory does
// not grow with the size of the corpus, and a bad record never stops the reading.
//
// # The contract
//
// Read calls yield once per record, in input order (paths in the order given, directories walked in
// lexical order, records in file order). Each Item carries either an Article (Err == nil) or an error
// (Err != nil). An error Item names the record in Origin ("file:line" for JSONL, "file#offset" for a
// WARC record, "url" or "file#item3" for a feed item, the file for a whole-file format) and the reader
// goes on with the next record; when a file cannot be read further (a truncated gzip stream, an I/O
// error) the error Item names the place and the reader goes on with the next file. The callee owns
// the Item: readers never touch it after yield returns. Returning false from yield stops the reading;
// Read then returns nil. Read returns an error only when ctx is cancelled. yield is always called
// from the goroutine that called Read, one Item at a time; HTML pages (files and WARC records) are
// extracted on Options.Workers goroutines ahead of it, and at most twice that many Items wait.
//
// Problems that did not stop a record from being read (bytes that were not UTF-8 and were decoded as
// Windows-1252, a linked page that could not be fetched) are listed in Item.Warnings.
//
// # Formats
//
// The format of each input comes from Options.Format, or, when that is Auto, from the file extension
// (.txt .text; .jsonl .ndjson .json; .html .htm .xhtml; .rss .atom .xml; .warc .warc.gz; a further
// .gz on any of them is decompressed), or, when the extension says nothing, from the first bytes.
// A URL ("http://", "https://") is fetched once with Options.Client; a feed URL yields its items.
// JSON input that is an array of records, or pretty-printed objects one after another, is read record
// by record too (records named "file#N"); a syntax error ends such a file, as it cannot be skipped.
//
// Plain text: an optional dateline first line ("28 May 2022,   04:19", see ParseDateline), then a
// headline line, a blank line and the body. The dateline becomes Published; the headline becomes
// Title; Text is the headline, a blank line, then the body. A file whose first paragraph is not a
// single short line without a closing full stop has no Title, and its Text is the whole file.
//
// HTML and feed items follow the same shape: Text is the title, a blank line, then the main text with
// its paragraphs separated by blank lines, so that headlines are coded like any other sentence.
//
// Character sets: a UTF-8 byte-order mark is dropped; UTF-16 with a byte-order mark is decoded; bytes
// that are not valid UTF-8 are decoded as Windows-1252 (a superset of Latin-1) with a warning on the
// Item. Line ends CRLF and CR become LF. HTML pages are decoded by their declared or detected charset.
//
// IDs: a JSONL record keeps its "id"; one without gets "file:line". A file-level article (text, HTML)
// gets "dir/name", the name of the directory that holds it and its name without extension
// ("seed/lavrov-clarifications"); a file found under a directory argument gets "dir/rel/path/name"
// with dir the argument's last element. A feed item gets its GUID or link; a WARC record its
// WARC-Record-ID.
package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"dyad/doc"
)

// Format names an input format.
type Format string

// The formats Read understands.
const (
	Auto  Format = ""      // decide by extension, then by content
	Text  Format = "text"  // plain text article, one per file
	JSONL Format = "jsonl" // one JSON record per line (the dyad record; "content"/"body"/"date" aliases)
	HTML  Format = "html"  // one web page per file
	Feed  Format = "feed"  // RSS, Atom or JSON Feed; one Article per item
	WARC  Format = "warc"  // WARC archive, optionally gzipped per record; one Article per HTML response
)

// ParseFormat returns the Format named by s ("auto", "text", "txt", "jsonl", "html", "feed", "rss",
// "atom", "warc"), or an error listing the names it knows.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return Auto, nil
	case "text", "txt":
		return Text, nil
	case "jsonl", "ndjson", "json":
		return JSONL, nil
	case "html", "htm":
		return HTML, nil
	case "feed", "rss", "atom":
		return Feed, nil
	case "warc":
		return WARC, nil
	}
	return Auto, fmt.Errorf("unknown format %q (want auto, text, jsonl, html, feed or warc)", s)
}

// DefaultMaxBytes is the default limit on the size of one document (50 MB).
const DefaultMaxBytes = 50 << 20

// Options configure Read. The zero value reads every format with the defaults.
type Options struct {
	// Format forces one format for every input; Auto (the zero value) decides per input.
	Format Format
	// MaxBytes limits the size of one document (a text or HTML file, a JSONL line, a WARC payload, a
	// feed). A bigger record gets an error Item and is skipped. Zero means DefaultMaxBytes.
	MaxBytes int64
	// Client fetches URLs (feeds, pages, and linked articles with FetchLinks). Nil means a client with
	// a 30-second timeout. Only URLs the caller names, and the links of feeds it names, are fetched.
	Client *http.Client
	// UserAgent is sent with every request; empty means "dyad".
	UserAgent string
	// FetchLinks makes the feed reader fetch each item's linked page and extract its main text; when
	// the page cannot be fetched the item's own summary is used, with a warning.
	FetchLinks bool
	// Stdin is what "-" reads; nil means os.Stdin.
	Stdin io.Reader
	// Workers is the number of goroutines that extract HTML pages (HTML files and WARC records) while
	// the next records are read; items still come out in input order. Zero means GOMAXPROCS; one
	// extracts in the reading goroutine.
	Workers int
}

func (o *Options) workers() int {
	if o.Workers <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return o.Workers
}

func (o *Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

var defaultClient = &http.Client{Timeout: 30 * time.Second}

func (o *Options) client() *http.Client {
	if o.Client != nil {
		return o.Client
	}
	return defaultClient
}

func (o *Options) userAgent() string {
	if o.UserAgent != "" {
		return o.UserAgent
	}
	return "dyad"
}

// Item is one record read from an input: an Article, or an error that names the record.
type Item struct {
	// Article is the article read; zero when Err is set.
	Article doc.Article
	// Doc is, for JSONL input, the decoded record with any annotation layers it carried (its Article
	// equals Article); nil for the other formats.
	Doc *doc.Doc
	// Origin names where the record came from: "file:line" (JSONL), "file#N" (the Nth record of a
	// JSON array or of pretty-printed JSON), "file#offset" (WARC: the byte offset of the record),
	// "file#item3" or "url#item3" (feed items, counted from 1), the file or URL (text, HTML); standard
	// input is "-" ("-:12" for its twelfth JSONL line).
	Origin string
	// Err is set when the record could not be read; the reader has gone on to the next record.
	Err error
	// Warnings are problems that did not stop the record from being read.
	Warnings []string
}

// Error is the error of an Item: the record's origin and what went wrong.
type Error struct {
	// Origin names the record, as Item.Origin does.
	Origin string
	// Err is what went wrong.
	Err error
}

// Error returns "origin: message".
func (e *Error) Error() string {
	if e.Origin == "" {
		return e.Err.Error()
	}
	return e.Origin + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// ErrTooLarge is the error (wrapped) of a record bigger than Options.MaxBytes.
var ErrTooLarge = errors.New("record is larger than the size limit")

// errItem returns an Item with Err naming origin.
func errItem(origin string, err error) Item {
	return Item{Origin: origin, Err: &Error{Origin: origin, Err: err}}
}

// All returns the items of Read as an iterator. When ctx is cancelled the last item carries ctx's
// error.
func All(ctx context.Context, paths []string, opts Options) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		stopped := false
		err := Read(ctx, paths, opts, func(it Item) bool {
			if !yield(it) {
				stopped = true
				return false
			}
			return true
		})
		if err != nil && !stopped {
			yield(errItem("", err))
		}
	}
}

// Read reads every path in turn and calls yield with each record, as the package documentation
// describes. A path is a file, a directory (walked recursively; hidden files and directories are
// skipped, as are files of unknown extension whose content is binary), a glob pattern
// ("news/*.jsonl"), "-" for standard input, or an http(s) URL. Read returns nil when every input was
// read or yield returned false, and ctx.Err() when ctx was cancelled; every other problem is an
// error Item.
func Read(ctx context.Context, paths []string, opts Options, yield func(Item) bool) error {
	r := &reader{ctx: ctx, opts: opts, yield: yield}
	for _, p := range paths {
		if !r.path(p) {
			break
		}
	}
	r.drain(true)
	if err := ctx.Err(); err != nil {
		return err
	}
	return nil
}

// ReadStream reads one stream, named name (a file name whose extension may choose the format, or
// "-"), and calls yield as Read does. It serves inputs that are not files, such as an HTTP request
// body. It returns ctx.Err() when ctx was cancelled.
func ReadStream(ctx context.Context, r io.Reader, name string, opts Options, yield func(Item) bool) error {
	rd := &reader{ctx: ctx, opts: opts, yield: yield}
	rd.stream(r, name, name, opts.Format, false)
	rd.drain(true)
	return ctx.Err()
}

// reader holds the state of one Read call.
type reader struct {
	ctx     context.Context
	opts    Options
	yield   func(Item) bool
	stopped bool
	// queue holds the pending items in input order; sem bounds the extraction workers.
	queue []chan Item
	sem   chan struct{}
}

// emit passes it to yield, after the items submitted before it; it reports whether reading should
// go on.
func (r *reader) emit(it Item) bool {
	if r.stopped {
		return false
	}
	if len(r.queue) == 0 {
		return r.deliver(it)
	}
	ch := make(chan Item, 1)
	ch <- it
	r.queue = append(r.queue, ch)
	return r.drain(false)
}

// deliver calls yield.
func (r *reader) deliver(it Item) bool {
	if r.stopped {
		return false
	}
	if r.ctx.Err() != nil || !r.yield(it) {
		r.stopped = true
		return false
	}
	return true
}

// submit runs work on one of Options.Workers goroutines (or at once, with one worker) and emits its
// Item in the order submitted. At most twice as many items as workers are pending at a time.
func (r *reader) submit(work func() Item) bool {
	if r.stopped {
		return false
	}
	if r.opts.workers() <= 1 {
		return r.emit(work())
	}
	if r.sem == nil {
		r.sem = make(chan struct{}, r.opts.workers())
	}
	ch := make(chan Item, 1)
	r.sem <- struct{}{}
	go func() {
		defer func() { <-r.sem }()
		ch <- work()
	}()
	r.queue = append(r.queue, ch)
	for len(r.queue) > 2*r.opts.workers() {
		if !r.pop() {
			return false
		}
	}
	return r.drain(false)
}

// pop waits for the oldest pending item and delivers it.
func (r *reader) pop() bool {
	it := <-r.queue[0]
	r.queue[0] = nil
	r.queue = r.queue[1:]
	return r.deliver(it)
}

// drain delivers the pending items that are ready, in order; with wait it waits for all of them.
func (r *reader) drain(wait bool) bool {
	for len(r.queue) > 0 {
		if !wait && len(r.queue[0]) == 0 {
			return !r.stopped
		}
		if !r.pop() {
			r.queue = nil // the workers write to buffered channels and exit on their own
			return false
		}
	}
	return !r.stopped
}

// live reports whether reading should go on.
func (r *reader) live() bool {
	if r.stopped {
		return false
	}
	if r.ctx.Err() != nil {
		r.stopped = true
	}
	return !r.stopped
}

func (r *reader) fail(origin string, err error) bool { return r.emit(errItem(origin, err)) }

// path reads one path argument.
func (r *reader) path(p string) bool {
	if !r.live() {
		return false
	}
	switch {
	case p == "-":
		in := r.opts.Stdin
		if in == nil {
			in = os.Stdin
		}
		r.stream(in, "-", "stdin", r.opts.Format, false)
		return r.live()
	case isURL(p):
		return r.url(p)
	}
	info, err := os.Stat(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && strings.ContainsAny(p, "*?[") {
			matches, gerr := filepath.Glob(p)
			if gerr != nil {
				return r.fail(p, fmt.Errorf("bad glob pattern: %w", gerr))
			}
			if len(matches) == 0 {
				return r.fail(p, errors.New("no files match the pattern"))
			}
			for _, m := range matches {
				if !r.path(m) {
					return false
				}
			}
			return true
		}
		return r.fail(p, err)
	}
	if info.IsDir() {
		return r.dir(p)
	}
	r.file(p, fileID(filepath.Base(filepath.Dir(filepath.Clean(p))), filepath.Base(p)), false)
	return r.live()
}

// dir walks a directory.
func (r *reader) dir(root string) bool {
	rootName := filepath.Base(filepath.Clean(root))
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if !r.live() {
			return fs.SkipAll
		}
		if err != nil {
			r.fail(p, err)
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 { // a link to a file is read; a link to a directory is not walked
			if info, err := os.Stat(p); err != nil || !info.Mode().IsRegular() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		rel, rerr := filepath.Rel(root, p)
		if rerr != nil {
			rel = filepath.Base(p)
		}
		r.file(p, fileID(rootName, rel), true)
		return nil
	})
	if err != nil && !errors.Is(err, fs.SkipAll) {
		return r.fail(root, err)
	}
	return r.live()
}

// fileID makes the ID of a file-level article: dir/rel without the extension(s).
func fileID(dir, rel string) string {
	rel = filepath.ToSlash(rel)
	base := strings.TrimSuffix(rel, ".gz")
	if ext := filepath.Ext(base); ext != "" && len(ext) <= 6 {
		base = strings.TrimSuffix(base, ext)
	}
	if dir == "." || dir == "/" || dir == "" || dir == string(filepath.Separator) {
		return base
	}
	return dir + "/" + base
}

// file opens and reads one file. In a directory walk (walked), a file of unknown type whose content
// is binary is skipped without an error.
func (r *reader) file(p, id string, walked bool) {
	f, err := os.Open(p)
	if err != nil {
		r.fail(p, err)
		return
	}
	defer f.Close()
	r.stream(f, p, id, r.opts.Format, walked)
}

func isURL(p string) bool {
	return strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://")
}
