package source

import (
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"dyad/doc"
)

// maxHeadlineRunes is the longest line taken as a headline.
const maxHeadlineRunes = 250

// errEmpty is the error of an input with no text.
var errEmpty = errors.New("no text: the document is empty")

// text reads a whole plain-text file as one article.
func (r *reader) text(in io.Reader, origin, id string, warn []string) {
	b, err := readAll(in, r.opts.maxBytes())
	if err != nil {
		r.fail(origin, err)
		return
	}
	s := toUTF8(b, &warn)
	a := ParseText(s)
	if a.Text == "" {
		r.fail(origin, errEmpty)
		return
	}
	a.ID = id
	r.emit(Item{Article: a, Origin: origin, Warnings: warn})
}

// ParseText reads a plain-text article: an optional dateline line (see ParseDateline), a headline
// line, a blank line, then the body. It returns an Article with Published from the dateline, Title
// from the headline and Text = headline + "\n\n" + body, with CRLF and CR line ends made LF, a leading
// byte-order mark dropped and blank lines and trailing space around the whole trimmed. The dateline
// may also come right after the headline ("Headline\nUpdated: 28 May 2022\n\nBody").
//
// The first line is a headline when it is followed by a blank line (or by a dateline and a blank
// line), is at most 250 characters long and does not end like a sentence that goes on (with '.',
// ',', ';' or ':'; '?' and '!' are allowed). Otherwise the article has no Title and Text is the whole
// text (after the dateline, if any). A text that is only a headline has no body: Title is empty and
// Text is the line.
func ParseText(s string) doc.Article {
	s = strings.TrimPrefix(s, "\uFEFF")
	s = normalizeNewlines(s)
	var a doc.Article
	rest := trimBlankLines(s)
	// A dateline first.
	if line, after := firstLine(rest); line != "" {
		if pub, ok := ParseDateline(line); ok {
			a.Published = pub
			rest = trimBlankLines(after)
		}
	}
	head, after := firstLine(rest)
	if a.Published == "" {
		// A dateline right after the headline.
		if line2, after2 := firstLine(after); line2 != "" {
			if pub, ok := ParseDateline(line2); ok && isHeadline(head) {
				a.Published = pub
				after = after2
			}
		}
	}
	body := strings.TrimRight(after, " \t\n\f\v")
	if isHeadline(head) && startsWithBlank(after) && strings.TrimSpace(body) != "" {
		head = strings.TrimSpace(head)
		a.Title = head
		a.Text = head + "\n\n" + trimBlankLines(body)
		return a
	}
	a.Text = strings.TrimRight(rest, " \t\n\f\v")
	return a
}

// firstLine splits s at its first newline.
func firstLine(s string) (line, rest string) {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i], s[i+1:]
	}
	return s, ""
}

// trimBlankLines drops the blank lines at the start of s (keeping the indentation of its first
// non-blank line).
func trimBlankLines(s string) string {
	for {
		line, rest := firstLine(s)
		if strings.TrimSpace(line) != "" || (rest == "" && !strings.Contains(s, "\n")) {
			if strings.TrimSpace(line) == "" {
				return ""
			}
			return s
		}
		s = rest
	}
}

// startsWithBlank reports whether s starts with a blank line.
func startsWithBlank(s string) bool {
	line, _ := firstLine(s)
	return strings.TrimSpace(line) == "" && s != ""
}

// isHeadline reports whether line can be a headline.
func isHeadline(line string) bool {
	line = strings.TrimSpace(line)
	if line == "" || utf8.RuneCountInString(line) > maxHeadlineRunes {
		return false
	}
	switch line[len(line)-1] {
	case '.', ',', ';', ':':
		return false
	}
	return true
}
