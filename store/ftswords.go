package store

import (
	"strconv"

	"dyad/doc"
)

// The SQLite full-text indexes (docs_fts, quotes_fts) record which documents and quotes hold a
// word, not how often or where (detail=none): a text and the list of its distinct words give the
// same index. The writer therefore passes each text as its distinct words, found here on the
// coding side, and SQLite's tokenizer (unicode61 with the porter stemmer) reads a third of the
// words it would otherwise read.
//
// The words here are the maximal runs of bytes that are not ASCII punctuation, symbols, controls
// or spaces: every such byte separates tokens for unicode61 too, and a run may hold separators of
// its own (a curly quote, a dash) that unicode61 splits on as it would in the text. So the
// tokens of the list are exactly the tokens of the text, only fewer times. Runs are compared as
// written; "The" and "the" are both kept, and fold to one term in the index.

// isWordByte reports whether c can be part of a word: an ASCII letter or digit, or any byte of a
// multi-byte UTF-8 sequence.
func isWordByte(c byte) bool {
	return c >= 0x80 || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// appendWords appends the distinct words of s to b, separated by spaces, skipping those in seen
// and adding the new ones to it.
func appendWords(b []byte, s string, seen map[string]struct{}) []byte {
	first := true
	for i := 0; i < len(s); {
		if !isWordByte(s[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		w := s[i:j]
		i = j
		if _, ok := seen[w]; ok {
			continue
		}
		seen[w] = struct{}{}
		if !first {
			b = append(b, ' ')
		}
		first = false
		b = append(b, w...)
	}
	return b
}

// ftsWords is what a document puts in the full-text indexes: the distinct words of its title, of
// its text and of each of its quotes.
type ftsWords struct {
	title, text string
	quotes      []string
}

// wordsOf returns the distinct words of a document's title, text and quotes.
func wordsOf(d *doc.Doc) ftsWords {
	seen := make(map[string]struct{}, 512)
	var b []byte
	one := func(s string) string {
		clear(seen)
		b = appendWords(b[:0], s, seen)
		return string(b)
	}
	w := ftsWords{title: one(d.Title), text: one(d.Text)}
	if len(d.Quotes) > 0 {
		w.quotes = make([]string, len(d.Quotes))
		for i, q := range d.Quotes {
			w.quotes[i] = one(d.Slice(q.Span))
		}
	}
	return w
}

// appendFTSRows appends the rows of docs_fts (when quotes is false) or quotes_fts of document id
// to a JSON array being built in b (after its '['), for json_each: [id, title, text] for the
// document, [id, quote index, text] for each quote. Words need no escaping: they hold no ASCII
// punctuation or controls.
func appendFTSRows(b []byte, id int64, w *ftsWords, quotes bool) []byte {
	row := func(k int64, s ...string) {
		if len(b) > 1 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = strconv.AppendInt(b, id, 10)
		if k >= 0 {
			b = append(b, ',')
			b = strconv.AppendInt(b, k, 10)
		}
		for _, x := range s {
			b = append(b, ',', '"')
			b = append(b, x...)
			b = append(b, '"')
		}
		b = append(b, ']')
	}
	if !quotes {
		row(-1, w.title, w.text)
		return b
	}
	for i, q := range w.quotes {
		row(int64(i), q)
	}
	return b
}
