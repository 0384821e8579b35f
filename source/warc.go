package source

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/nlnwa/gowarc/v3"
)

// maxWARCErrors is the number of broken records in a row after which a WARC file is given up.
const maxWARCErrors = 50

// warc reads a WARC file (plain or gzipped per record, as CC-NEWS is) and yields one Article per
// HTML page: response records with status 200 and an HTML payload, and resource records of type
// text/html. Other records (requests, metadata, redirects, images) are skipped without an Item. A
// broken record is an error Item named "file#offset"; the reader then looks for the next record.
func (r *reader) warc(in io.Reader, origin string) {
	wf, err := gowarc.NewWarcFileReaderFromStream(in, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrWarn),
		gowarc.WithBlockErrorPolicy(gowarc.ErrWarn),
		gowarc.WithBufferMaxMemBytes(1<<20),
	)
	if err != nil {
		r.fail(origin, fmt.Errorf("WARC: %w", err))
		return
	}
	defer wf.Close()
	errs := 0
	last := int64(-1)
	for r.live() {
		rec, err := wf.Next()
		at := origin + "#" + strconv.FormatInt(rec.Offset, 10)
		if err == io.EOF {
			return
		}
		if err != nil {
			rec.Close()
			if errors.Is(err, gowarc.ErrNoRecord) || errors.Is(err, io.ErrUnexpectedEOF) {
				r.fail(at, fmt.Errorf("WARC: %w", err))
				return
			}
			errs++
			if !r.fail(at, fmt.Errorf("broken WARC record: %w", err)) {
				return
			}
			if errs >= maxWARCErrors || rec.Offset+rec.Size <= last {
				r.fail(origin, fmt.Errorf("gave up on the WARC file after %d broken records", errs))
				return
			}
			last = rec.Offset + rec.Size
			continue
		}
		errs = 0
		last = rec.Offset + rec.Size
		work, ok := r.warcRecord(rec.WarcRecord, at, rec.Validation)
		rec.Close()
		if ok && !r.submit(work) {
			return
		}
	}
}

// warcRecord turns one record into an Item; ok is false for records that are not pages. A response
// or resource record whose block could not be parsed is an error Item that lists what the WARC
// parser found wrong (validation); the findings on a record that was read become warnings.
// The payload is read here; the returned work extracts the page, on a worker.
func (r *reader) warcRecord(wr gowarc.WarcRecord, at string, validation []error) (work func() Item, ok bool) {
	if wr == nil {
		return nil, false
	}
	fail := func(err error) (func() Item, bool) {
		it := errItem(at, err)
		return func() Item { return it }, true
	}
	broken := func() (func() Item, bool) {
		if len(validation) == 0 {
			return nil, false
		}
		return fail(fmt.Errorf("broken WARC record: %w", errors.Join(validation...)))
	}
	var (
		payload io.Reader
		ct      string
		enc     string
	)
	switch wr.Type() {
	case gowarc.Response:
		hb, isHTTP := wr.Block().(gowarc.HttpResponseBlock)
		if !isHTTP {
			return broken()
		}
		if hb.HttpStatusCode() != 200 {
			return nil, false
		}
		if h := hb.HttpHeader(); h != nil {
			ct = h.Get("Content-Type")
			enc = strings.ToLower(h.Get("Content-Encoding"))
		}
		if !isHTMLType(ct) {
			return nil, false
		}
		p, err := hb.PayloadBytes()
		if err != nil {
			return fail(fmt.Errorf("WARC payload: %w", err))
		}
		payload = p
	case gowarc.Resource:
		ct = wr.WarcHeader().Get(gowarc.ContentType)
		if !isHTMLType(ct) {
			return nil, false
		}
		pb, isPayload := wr.Block().(gowarc.PayloadBlock)
		if !isPayload {
			return broken()
		}
		p, err := pb.PayloadBytes()
		if err != nil {
			return fail(fmt.Errorf("WARC payload: %w", err))
		}
		payload = p
	default:
		return nil, false
	}
	max := r.opts.maxBytes()
	if size := wr.Block().Size(); size > max {
		return fail(fmt.Errorf("%w (%d bytes, limit %d)", ErrTooLarge, size, max))
	}
	b, err := readAll(payload, max)
	if err != nil {
		return fail(fmt.Errorf("WARC payload: %w", err))
	}
	// Crawlers usually store the payload decoded; undo gzip when they did not.
	if bytes.HasPrefix(b, gzipMagic) && (enc == "" || strings.Contains(enc, "gzip")) {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err == nil {
			b, err = readAll(zr, max)
		}
		if err != nil {
			return fail(fmt.Errorf("WARC payload: gzip: %w", err))
		}
	}
	url := wr.WarcHeader().Get(gowarc.WarcTargetURI)
	id := strings.Trim(wr.RecordId(), "<>")
	if id == "" {
		id = at
	}
	crawled, derr := wr.Date()
	return func() Item {
		a, warn, err := ExtractHTML(b, url, ct)
		if err != nil {
			return errItem(at, err)
		}
		for i, v := range validation {
			if i == 3 {
				warn = append(warn, fmt.Sprintf("WARC: %d more findings", len(validation)-i))
				break
			}
			warn = append(warn, "WARC: "+v.Error())
		}
		a.URL = url
		a.ID = id
		if a.Published == "" && derr == nil && !crawled.IsZero() {
			a.Published = crawled.UTC().Format(time.RFC3339)
			warn = append(warn, "no publication date in the page: used the crawl date (WARC-Date)")
		}
		return Item{Article: a, Origin: at, Warnings: warn}
	}, true
}

// isHTMLType reports whether a Content-Type names an HTML page.
func isHTMLType(ct string) bool {
	ct = strings.ToLower(ct)
	return strings.Contains(ct, "text/html") || strings.Contains(ct, "xhtml")
}
