package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// extFormat returns the format that a file name's extension says, or Auto.
func extFormat(name string) Format {
	name = strings.ToLower(name)
	name = strings.TrimSuffix(name, ".gz")
	switch filepath.Ext(name) {
	case ".txt", ".text":
		return Text
	case ".jsonl", ".ndjson", ".json":
		return JSONL
	case ".html", ".htm", ".xhtml", ".shtml":
		return HTML
	case ".rss", ".atom", ".xml":
		return Feed
	case ".warc":
		return WARC
	}
	return Auto
}

var gzipMagic = []byte{0x1f, 0x8b}

// errBinary is the error of an input that is neither text nor a format we read.
var errBinary = errors.New("binary data: not a text, JSONL, HTML, feed or WARC input")

// stream reads one input: it undoes gzip, decides the format and hands the input to its reader.
func (r *reader) stream(in io.Reader, origin, id string, format Format, walked bool) {
	if format == Auto {
		format = extFormat(origin)
	}
	br := bufio.NewReaderSize(in, 64<<10)
	head, err := peekAvail(br, 512)
	if err != nil {
		r.fail(origin, err)
		return
	}
	if format == WARC || (format == Auto && (bytes.HasPrefix(head, []byte("WARC/")) || gzipHolds(br, "WARC/"))) {
		r.warc(br, origin)
		return
	}
	var body io.Reader = br
	if bytes.HasPrefix(head, gzipMagic) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			r.fail(origin, fmt.Errorf("gzip: %w", err))
			return
		}
		defer zr.Close()
		body = &gzipErrReader{zr}
	}
	bb := bufio.NewReaderSize(body, 64<<10)
	head, err = peekAvail(bb, 4096)
	if err != nil {
		r.fail(origin, err)
		return
	}
	var warn []string
	var text io.Reader = bb
	switch {
	case bytes.HasPrefix(head, []byte{0xef, 0xbb, 0xbf}):
		bb.Discard(3)
		head = head[3:]
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}), bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		// UTF-16 with a byte-order mark: decode the whole input to UTF-8.
		dec := transform.NewReader(bb, unicode.BOMOverride(transform.Nop))
		bb = bufio.NewReaderSize(dec, 64<<10)
		text = bb
		head, _ = peekAvail(bb, 4096)
		warn = append(warn, "decoded from UTF-16")
	}
	if format == Auto {
		format = sniff(head)
		if format == Auto {
			if walked {
				return // a directory's images and archives are not ours to complain about
			}
			r.fail(origin, errBinary)
			return
		}
	}
	switch format {
	case Text:
		if looksBinary(head) {
			r.fail(origin, errBinary)
			return
		}
		r.text(text, origin, id, warn)
	case JSONL:
		if isJSONDocument(head) {
			r.jsonDocument(text, origin, warn)
			return
		}
		r.jsonl(text, origin, warn)
	case HTML:
		r.htmlFile(text, origin, id, warn)
	case Feed:
		r.feedReader(text, origin, warn)
	default:
		r.fail(origin, fmt.Errorf("unknown format %q", format))
	}
}

// peekAvail returns up to max bytes from the start of br: what one read brought in (at least one
// byte unless the input is empty), so that a slow stream (a pipe) is sniffed as soon as its first
// record arrives rather than after max bytes.
func peekAvail(br *bufio.Reader, max int) ([]byte, error) {
	if _, err := br.Peek(1); err != nil {
		if err == io.EOF {
			return nil, nil
		}
		return nil, err
	}
	head, err := br.Peek(min(max, br.Buffered()))
	if err == io.EOF || err == bufio.ErrBufferFull {
		err = nil
	}
	return head, err
}

// gzipErrReader names gzip in the errors of a gzip stream, so that a truncated file says what is
// wrong ("gzip: unexpected EOF").
type gzipErrReader struct{ r io.Reader }

func (g *gzipErrReader) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("gzip: %w", err)
	}
	return n, err
}

// gzipHolds reports whether br starts with a gzip member whose content starts with prefix.
func gzipHolds(br *bufio.Reader, prefix string) bool {
	head, _ := peekAvail(br, 8192)
	if !bytes.HasPrefix(head, gzipMagic) {
		return false
	}
	zr, err := gzip.NewReader(bytes.NewReader(head))
	if err != nil {
		return false
	}
	buf := make([]byte, len(prefix))
	n, _ := io.ReadFull(zr, buf)
	return string(buf[:n]) == prefix
}

// sniff decides the format of an input from its first bytes, or returns Auto for binary data.
func sniff(head []byte) Format {
	if looksBinary(head) {
		return Auto
	}
	s := bytes.TrimLeft(head, " \t\r\n")
	if len(s) == 0 {
		return Text
	}
	switch s[0] {
	case '{':
		return JSONL
	case '[':
		if rest := bytes.TrimLeft(s[1:], " \t\r\n"); len(rest) > 0 && rest[0] == '{' {
			return JSONL // a JSON array of records
		}
	case '<':
		low := bytes.ToLower(s)
		for _, m := range []string{"<rss", "<feed", "<rdf:rdf"} {
			if bytes.Contains(low, []byte(m)) {
				return Feed
			}
		}
		return HTML
	}
	return Text
}

// looksBinary reports whether b holds a NUL byte or many control characters.
func looksBinary(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	ctl := 0
	for _, c := range b {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f':
			ctl++
		}
	}
	return ctl*20 > len(b)
}

// toUTF8 returns b as valid UTF-8: unchanged when it is, decoded from Windows-1252 otherwise (with a
// warning appended to warn).
func toUTF8(b []byte, warn *[]string) string {
	if utf8.Valid(b) {
		return string(b)
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		// Cannot happen for Windows-1252, which maps every byte; keep the text readable anyway.
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	*warn = append(*warn, "invalid UTF-8: decoded as Windows-1252")
	return string(out)
}

// readAll reads r to its end, failing with ErrTooLarge after max bytes.
func readAll(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w (%d bytes)", ErrTooLarge, max)
	}
	return b, nil
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
