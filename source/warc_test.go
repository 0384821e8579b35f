package source

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nlnwa/gowarc/v3"
)

const warcPage1 = `<html><head><title>Vietnam and Laos sign power deal</title>
<meta property="article:published_time" content="2024-02-20T06:00:00+07:00"></head><body><article>
<h1>Vietnam and Laos sign power deal</h1>
<p>Vietnam agreed on Tuesday to buy more electricity from hydropower plants in Laos over the next decade, the two governments said.</p>
<p>The agreement raises the volume of power sold across the border and sets a price for the first five years of deliveries.</p>
</article></body></html>`

const warcPage2 = `<html><head><title>Morocco opens consulate</title></head><body><article>
<p>Morocco opened a consulate in the port city on Wednesday, its foreign ministry announced in a short statement to the press.</p>
<p>The new office will serve traders and students from the region and issue visas from next month onwards.</p>
<p>Officials said a second office could open next year if demand for its services grew as quickly as expected.</p>
</article></body></html>`

// warcRecord builds one WARC record.
func buildRecord(t testing.TB, typ gowarc.RecordType, uri, date, contentType, block string) gowarc.WarcRecord {
	t.Helper()
	rb := gowarc.NewRecordBuilder(typ, gowarc.WithAddMissingDigest(false), gowarc.WithAddMissingRecordId(true),
		gowarc.WithAddMissingContentLength(true), gowarc.WithNoValidation())
	if _, err := rb.WriteString(block); err != nil {
		t.Fatal(err)
	}
	if uri != "" {
		rb.AddWarcHeader(gowarc.WarcTargetURI, uri)
	}
	rb.AddWarcHeader(gowarc.WarcDate, date)
	rb.AddWarcHeader(gowarc.ContentType, contentType)
	wr, _, err := rb.Build()
	if err != nil {
		t.Fatal(err)
	}
	return wr
}

func httpResponse(status, contentType, body string) string {
	return fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, contentType, len(body), body)
}

// makeWARC writes a small WARC: two pages, records that are not pages, and a broken record between
// them. With gz, every record is its own gzip member, as in CC-NEWS.
func makeWARC(t testing.TB, gz bool) []byte {
	t.Helper()
	const httpType = "application/http;msgtype=response"
	recs := []gowarc.WarcRecord{
		buildRecord(t, gowarc.Warcinfo, "", "2024-02-21T00:00:00Z", "application/warc-fields", "software: dyad test\r\n"),
		buildRecord(t, gowarc.Request, "https://news.example.vn/power-deal", "2024-02-21T01:00:00Z", "application/http;msgtype=request",
			"GET /power-deal HTTP/1.1\r\nHost: news.example.vn\r\n\r\n"),
		buildRecord(t, gowarc.Response, "https://news.example.vn/power-deal", "2024-02-21T01:00:00Z", httpType,
			httpResponse("200 OK", "text/html; charset=utf-8", warcPage1)),
		buildRecord(t, gowarc.Response, "https://news.example.vn/logo.png", "2024-02-21T01:00:01Z", httpType,
			httpResponse("200 OK", "image/png", "\x89PNG\r\n\x1a\n")),
		buildRecord(t, gowarc.Response, "https://news.example.vn/old", "2024-02-21T01:00:02Z", httpType,
			httpResponse("301 Moved Permanently", "text/html", "<html><body>moved</body></html>")),
		nil, // the broken record goes here
		buildRecord(t, gowarc.Response, "https://news.example.ma/consulate", "2024-02-22T09:30:00Z", httpType,
			httpResponse("200 OK", "text/html", warcPage2)),
	}
	var out bytes.Buffer
	m := gowarc.NewMarshaler()
	for _, r := range recs {
		var rec bytes.Buffer
		if r == nil {
			rec.WriteString("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 12x\r\nWARC-Date: nonsense\r\n\r\nthis record is broken\r\n\r\n")
		} else if _, _, err := m.Marshal(&rec, r, 0); err != nil {
			t.Fatal(err)
		}
		if gz {
			zw := gzip.NewWriter(&out)
			zw.Write(rec.Bytes())
			zw.Close()
		} else {
			out.Write(rec.Bytes())
		}
	}
	return out.Bytes()
}

func TestWARC(t *testing.T) {
	dir := t.TempDir()
	for _, gz := range []bool{false, true} {
		name := "crawl.warc"
		if gz {
			name += ".gz"
		}
		p := filepath.Join(dir, name)
		os.WriteFile(p, makeWARC(t, gz), 0o644)
		items := readItems(t, Options{}, p)
		var arts, errs []Item
		for _, it := range items {
			if it.Err != nil {
				errs = append(errs, it)
			} else {
				arts = append(arts, it)
			}
		}
		if len(arts) != 2 {
			t.Fatalf("%s: got %d articles (%q), want 2", name, len(arts), summary(items))
		}
		if len(errs) != 1 || !strings.HasPrefix(errs[0].Origin, p+"#") {
			t.Errorf("%s: errors %q, want one naming the broken record's offset", name, summary(errs))
		}
		a := arts[0].Article
		if a.URL != "https://news.example.vn/power-deal" || a.Published != "2024-02-20T06:00:00+07:00" ||
			a.Title != "Vietnam and Laos sign power deal" || !strings.Contains(a.Text, "hydropower plants in Laos") ||
			!strings.HasPrefix(a.ID, "urn:uuid:") || !strings.HasPrefix(arts[0].Origin, p+"#") {
			t.Errorf("%s: first page = %+v (origin %s)", name, a, arts[0].Origin)
		}
		b := arts[1].Article
		if b.Published != "2024-02-22T09:30:00Z" || !strings.Contains(strings.Join(arts[1].Warnings, "|"), "crawl date") ||
			!strings.HasPrefix(b.Text, "Morocco opens consulate\n\nMorocco opened") || strings.Count(b.Text, "\n\n") != 3 {
			t.Errorf("%s: second page = %+v, warnings %q; want the crawl date with a warning", name, b, arts[1].Warnings)
		}
	}
}

func TestWARCTruncated(t *testing.T) {
	w := makeWARC(t, true)
	items := collect(t, Options{}, "cut.warc.gz", w[:len(w)-40])
	var arts, errs int
	for _, it := range items {
		if it.Err != nil {
			errs++
			if !strings.HasPrefix(it.Origin, "cut.warc.gz") {
				t.Errorf("error origin %q does not name the file", it.Origin)
			}
		} else {
			arts++
		}
	}
	if arts != 1 || errs < 1 {
		t.Fatalf("a truncated WARC gave %q, want the first page and an error", summary(items))
	}
	// Content sniffing finds a WARC without its extension.
	items = collect(t, Options{}, "crawl.bin", makeWARC(t, true))
	if len(items) != 3 {
		t.Fatalf("a gzipped WARC without extension gave %q", summary(items))
	}
}

func TestWARCTooLarge(t *testing.T) {
	items := collect(t, Options{MaxBytes: 300}, "c.warc", makeWARC(t, false))
	n := 0
	for _, it := range items {
		if it.Err != nil && strings.Contains(it.Err.Error(), "larger than the size limit") {
			n++
		}
	}
	if n != 2 {
		t.Fatalf("with a 300-byte limit got %q, want both pages refused as too large", summary(items))
	}
}
