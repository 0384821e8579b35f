package source

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"dyad/doc"
)

// fetch GETs url with the reader's client; a status other than 2xx is an error.
func (r *reader) fetch(url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(r.ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", r.opts.userAgent())
	resp, err := r.opts.client().Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		resp.Body.Close()
		return nil, fmt.Errorf("HTTP %s", resp.Status)
	}
	return resp, nil
}

// url reads what a URL serves: a feed, a page, or any other format by its content.
func (r *reader) url(url string) bool {
	resp, err := r.fetch(url)
	if err != nil {
		return r.fail(url, err)
	}
	defer resp.Body.Close()
	ct := strings.ToLower(resp.Header.Get("Content-Type"))
	br := bufio.NewReaderSize(resp.Body, 64<<10)
	head, _ := br.Peek(2048)
	format := r.opts.Format
	if format == Auto {
		switch f := sniff(head); {
		case f == Feed:
			format = Feed
		case strings.Contains(ct, "html"):
			format = HTML
		case strings.Contains(ct, "rss") || strings.Contains(ct, "atom") || strings.Contains(ct, "feed+json"):
			format = Feed
		default:
			format = extFormat(strings.SplitN(url, "?", 2)[0])
			if format == Auto {
				format = f
			}
		}
	}
	switch format {
	case HTML:
		b, err := readAll(br, r.opts.maxBytes())
		if err != nil {
			return r.fail(url, err)
		}
		a, warn, err := ExtractHTML(b, url, ct)
		if err != nil {
			return r.fail(url, err)
		}
		a.ID = url
		return r.emit(Item{Article: a, Origin: url, Warnings: warn})
	case Feed:
		r.feedReader(br, url, nil)
	case Auto:
		return r.fail(url, errBinary)
	default:
		r.stream(br, url, url, format, false)
	}
	return r.live()
}

// limitReader fails with ErrTooLarge after n bytes, rather than cutting a document short.
type limitReader struct {
	r io.Reader
	n int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.n -= int64(n)
	if l.n < 0 {
		return n, ErrTooLarge
	}
	return n, err
}

// feedReader parses an RSS, Atom or JSON feed and yields one Article per item.
func (r *reader) feedReader(in io.Reader, origin string, warn []string) {
	fp := gofeed.NewParser()
	feed, err := fp.Parse(&limitReader{r: in, n: r.opts.maxBytes()})
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			err = fmt.Errorf("%w (%d bytes)", ErrTooLarge, r.opts.maxBytes())
		}
		r.fail(origin, fmt.Errorf("feed: %w", err))
		return
	}
	if len(feed.Items) == 0 {
		r.fail(origin, errors.New("feed has no items"))
		return
	}
	for i, it := range feed.Items {
		if !r.live() {
			return
		}
		at := origin + "#item" + strconv.Itoa(i+1)
		item := r.feedItem(feed, it, at)
		item.Warnings = append(append([]string(nil), warn...), item.Warnings...)
		if !r.emit(item) {
			return
		}
	}
}

// feedItem turns one feed item into an Item.
func (r *reader) feedItem(feed *gofeed.Feed, it *gofeed.Item, at string) Item {
	a := doc.Article{
		ID:       it.GUID,
		Title:    collapseSpace(htmlText(it.Title)),
		URL:      it.Link,
		Source:   collapseSpace(feed.Title),
		Language: feed.Language,
	}
	if a.ID == "" {
		a.ID = it.Link
	}
	if a.ID == "" {
		a.ID = at
	}
	switch {
	case it.PublishedParsed != nil:
		a.Published = feedTime(it.Published, *it.PublishedParsed)
	case it.UpdatedParsed != nil:
		a.Published = feedTime(it.Updated, *it.UpdatedParsed)
	}
	var warn []string
	if r.opts.FetchLinks && it.Link != "" {
		page, w, err := r.fetchPage(it.Link)
		if err == nil {
			warn = append(warn, w...)
			if page.Title != "" {
				a.Title = page.Title
			}
			if a.Published == "" {
				a.Published = page.Published
			}
			if page.Language != "" {
				a.Language = page.Language
			}
			a.Text = page.Text
			if a.Title != page.Title && a.Title != "" {
				a.Text = withTitle(a.Title, splitParagraphs(page.Text))
			}
			return Item{Article: a, Origin: at, Warnings: warn}
		}
		warn = append(warn, "linked page "+it.Link+": "+err.Error()+"; used the feed's summary")
	}
	body := it.Content
	if strings.TrimSpace(body) == "" {
		body = it.Description
	}
	var paras []string
	if t := htmlText(body); t != "" {
		paras = strings.Split(t, "\n\n")
	}
	switch {
	case len(paras) > 0:
		a.Text = withTitle(a.Title, paras)
	case a.Title != "":
		a.Text = a.Title // a headline-only item: headlines carry events too
	default:
		return Item{Origin: at, Err: &Error{Origin: at, Err: errors.New("feed item has neither title nor text")}, Warnings: warn}
	}
	return Item{Article: a, Origin: at, Warnings: warn}
}

// fetchPage fetches a linked article page and extracts it.
func (r *reader) fetchPage(url string) (doc.Article, []string, error) {
	resp, err := r.fetch(url)
	if err != nil {
		return doc.Article{}, nil, err
	}
	defer resp.Body.Close()
	b, err := readAll(resp.Body, r.opts.maxBytes())
	if err != nil {
		return doc.Article{}, nil, err
	}
	if !bytes.Contains(bytes.ToLower(b[:min(len(b), 4096)]), []byte("<")) {
		return doc.Article{}, nil, errors.New("not an HTML page")
	}
	return ExtractHTML(b, url, resp.Header.Get("Content-Type"))
}

// feedTimeLayouts are the common feed date forms whose zone offset we keep (gofeed gives UTC).
var feedTimeLayouts = []string{time.RFC3339, time.RFC1123Z, "Mon, 2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 -0700"}

// feedTime formats a feed date in the zone the feed wrote it in, when it wrote a numeric offset.
func feedTime(raw string, parsed time.Time) string {
	raw = strings.TrimSpace(raw)
	for _, l := range feedTimeLayouts {
		if t, err := time.Parse(l, raw); err == nil && t.Equal(parsed) {
			return t.Format(time.RFC3339)
		}
	}
	return parsed.Format(time.RFC3339)
}
