package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	nurl "net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"dyad/doc"
)

// errNoMainText is the error of a page in which no main text was found.
var errNoMainText = errors.New("no main text found in the HTML page")

// htmlFile reads a whole HTML file as one article.
func (r *reader) htmlFile(in io.Reader, origin, id string, warn []string) {
	b, err := readAll(in, r.opts.maxBytes())
	if err != nil {
		r.fail(origin, err)
		return
	}
	url := ""
	if isURL(origin) {
		url = origin
	}
	r.submit(func() Item {
		a, w, err := ExtractHTML(b, url, "")
		if err != nil {
			return errItem(origin, err)
		}
		if a.ID == "" {
			a.ID = id
		}
		return Item{Article: a, Origin: origin, Warnings: append(warn, w...)}
	})
}

// ExtractHTML reads a web page: its main text (with go-trafilatura; paragraphs, headings and list
// items become paragraphs separated by blank lines), its title, its publication date (with
// go-htmldate, from metadata, JSON-LD, the URL and the text), its site name and language. pageURL is
// where the page came from (it may be empty) and contentType the HTTP Content-Type (it may be empty;
// it names the charset when the page does not). Text is the title, a blank line and the main text,
// unless the main text already opens with the title. The returned warnings say how the bytes were
// decoded when they were not UTF-8. A page without main text is an error.
func ExtractHTML(b []byte, pageURL, contentType string) (a doc.Article, warn []string, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("HTML extraction failed: %v", p)
		}
	}()
	var in io.Reader = bytes.NewReader(b)
	if !utf8.Valid(b) {
		enc, name, _ := charset.DetermineEncoding(b, contentType)
		in = enc.NewDecoder().Reader(in)
		warn = append(warn, "HTML decoded as "+name)
	}
	root, err := html.Parse(in)
	if err != nil {
		return a, warn, fmt.Errorf("HTML: %w", err)
	}
	var u *nurl.URL
	if pageURL != "" {
		u, _ = nurl.Parse(pageURL)
	}
	date, derr := htmldate.FromDocument(root, htmldate.Options{
		ExtractTime:         true,
		UseOriginalDate:     true,
		URL:                 pageURL,
		SkipExtensiveSearch: true,
	})
	opts := trafilatura.Options{OriginalURL: u, ExcludeComments: true, Focus: trafilatura.Balanced}
	if derr == nil {
		opts.HtmlDateOverride = &date
	}
	res, err := trafilatura.ExtractDocument(root, opts)
	if err != nil {
		return a, warn, fmt.Errorf("%w (%v)", errNoMainText, err)
	}
	paras := paragraphs(res.ContentNode)
	title := collapseSpace(res.Metadata.Title)
	if title == "" {
		title = pageTitle(root)
	}
	// The extractor falls back to the <title> when it finds nothing else: that is no article.
	if len(paras) == 0 || (len(paras) == 1 && strings.EqualFold(paras[0], title)) {
		return a, warn, errNoMainText
	}
	a.Title = title
	a.Text = withTitle(title, paras)
	a.URL = pageURL
	if a.URL == "" {
		a.URL = res.Metadata.URL
	}
	a.Source = res.Metadata.Sitename
	a.Language = res.Metadata.Language
	if derr == nil && !date.IsZero() {
		a.Published = formatDate(date.DateTime, date.HasTime, date.HasTimezone)
	}
	return a, warn, nil
}

// withTitle joins the paragraphs under the title, unless the first paragraph is the title.
func withTitle(title string, paras []string) string {
	body := strings.Join(paras, "\n\n")
	if title == "" || strings.EqualFold(paras[0], title) {
		return body
	}
	return title + "\n\n" + body
}

// formatDate writes t as Article.Published: a date, a date and time, or with its zone.
func formatDate(t time.Time, hasTime, hasZone bool) string {
	switch {
	case !hasTime:
		return t.Format("2006-01-02")
	case !hasZone:
		return t.Format("2006-01-02T15:04:05")
	}
	return t.Format(time.RFC3339)
}

// pageTitle returns the text of the page's <title>.
func pageTitle(n *html.Node) string {
	if n.Type == html.ElementNode && n.DataAtom == atom.Title {
		var sb strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				sb.WriteString(c.Data)
			}
		}
		return collapseSpace(sb.String())
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if t := pageTitle(c); t != "" {
			return t
		}
	}
	return ""
}

// blockTags are the elements that start and end a paragraph.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true, atom.Tr: true,
	atom.Table: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true, atom.Figure: true,
	atom.Figcaption: true, atom.Br: true, atom.Hr: true, atom.Main: true, atom.Aside: true,
	atom.Body: true, atom.Caption: true, atom.Address: true, atom.Details: true, atom.Summary: true,
}

// skipTags are the elements whose text is not part of the article.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Head: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true,
}

// paragraphs returns the text of n as paragraphs: block elements separate paragraphs, whitespace
// inside a paragraph collapses to one space.
func paragraphs(n *html.Node) []string {
	if n == nil {
		return nil
	}
	var out []string
	var cur strings.Builder
	flush := func() {
		if s := collapseSpace(cur.String()); s != "" {
			out = append(out, s)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipTags[n.DataAtom] {
				return
			}
			if blockTags[n.DataAtom] {
				flush()
				defer flush()
			} else if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
				cur.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	flush()
	return out
}

// collapseSpace trims s and turns every run of white space (but a no-break space) into one space.
func collapseSpace(s string) string {
	var sb strings.Builder
	sb.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' {
			space = true
			continue
		}
		if space && sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		space = false
		sb.WriteRune(r)
	}
	return sb.String()
}

// htmlText returns the text of an HTML fragment (a feed summary) as paragraphs separated by blank
// lines.
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.Join(splitParagraphs(s), "\n\n")
	}
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return collapseSpace(s)
	}
	return strings.Join(paragraphs(root), "\n\n")
}

// splitParagraphs splits plain text at blank lines and collapses the space inside each paragraph.
func splitParagraphs(s string) []string {
	s = normalizeNewlines(s)
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = collapseSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
