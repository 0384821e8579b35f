package store

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dyad/doc"
)

// TestWordsIndexLikeText checks the premise of the word lists: a full-text table fed the distinct
// words of texts holds the same terms, in the same rows, as one fed the texts themselves.
func TestWordsIndexLikeText(t *testing.T) {
	texts := []string{
		"Russia’s foreign minister said “We don’t want wars” — and the U.S. didn't reply.",
		"Zu\u0308rich and Zürich, São Paulo, Ærø; naïve co-operation in the e-mail.",
		"Лавров заявил: «Мы не хотим войны». Путин — президент России.",
		"北京 和 東京, العربية, हिन्दी; emoji 🙂🙂 and snake_case, $100, 50% on 2022-05-24T10:00Z.",
		"The the THE tHe; running runs ran; NATO's NATO’s nato.",
		"tabs\tand\nnewlines\r\nand \u00a0non-breaking\u2009thin spaces, soft\u00adhyphen, zero\u200bwidth",
		"",
		"   ...   ",
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "fts.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		`CREATE VIRTUAL TABLE a USING fts5(text, content='', contentless_delete=1, detail=none, tokenize='porter unicode61')`,
		`CREATE VIRTUAL TABLE b USING fts5(text, content='', contentless_delete=1, detail=none, tokenize='porter unicode61')`,
		`CREATE VIRTUAL TABLE va USING fts5vocab(a, 'row')`,
		`CREATE VIRTUAL TABLE vb USING fts5vocab(b, 'row')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	seen := map[string]struct{}{}
	for i, s := range texts {
		clear(seen)
		words := string(appendWords(nil, s, seen))
		if strings.ContainsAny(words, "\"\\") {
			t.Errorf("words of text %d hold a character that JSON escapes: %q", i, words)
		}
		if _, err := db.Exec(`INSERT INTO a (rowid, text) VALUES (?, ?)`, i+1, s); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`INSERT INTO b (rowid, text) VALUES (?, ?)`, i+1, words); err != nil {
			t.Fatal(err)
		}
	}
	vocab := func(table string) []string {
		rows, err := db.Query(`SELECT term, doc FROM ` + table + ` ORDER BY term`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var term string
			var n int
			rows.Scan(&term, &n)
			out = append(out, fmt.Sprintf("%s:%d", term, n))
		}
		return out
	}
	a, b := vocab("va"), vocab("vb")
	if len(a) < 60 {
		t.Fatalf("only %d terms indexed from the texts: %v", len(a), a)
	}
	if !slices.Equal(a, b) {
		t.Errorf("terms from the texts:\n%v\nfrom their words:\n%v", a, b)
	}
	// Each term's rows, too: a term found in a text must be found in the same row of b.
	for _, term := range []string{"zurich", "лавров", "nato", "run", "don", "t"} {
		var ra, rb string
		db.QueryRow(`SELECT group_concat(rowid) FROM a WHERE a MATCH ?`, `"`+term+`"`).Scan(&ra)
		db.QueryRow(`SELECT group_concat(rowid) FROM b WHERE b MATCH ?`, `"`+term+`"`).Scan(&rb)
		if ra == "" || ra != rb {
			t.Errorf("%q is in rows %q of the texts' index and %q of the words' index", term, ra, rb)
		}
	}
}

func TestWordsOf(t *testing.T) {
	d := doc.New(doc.Article{Title: "Talks, talks", Text: `He said: "talks will go on" and talks went on.`})
	d.Quotes = []doc.Quote{{Span: doc.Span{Start: 10, End: 26}, Kind: doc.Direct}}
	w := wordsOf(d)
	if w.title != "Talks talks" || w.text != "He said talks will go on and went" || len(w.quotes) != 1 || w.quotes[0] != "talks will go on" {
		t.Errorf("wordsOf = %+v", w)
	}
	b := appendFTSRows([]byte{'['}, 7, &w, false)
	b = appendFTSRows(b, 8, &w, false)
	if got := string(b); got != `[[7,"Talks talks","He said talks will go on and went"],[8,"Talks talks","He said talks will go on and went"]` {
		t.Errorf("document rows %s", got)
	}
	if got := string(appendFTSRows([]byte{'['}, 7, &w, true)); got != `[[7,0,"talks will go on"]` {
		t.Errorf("quote rows %s", got)
	}
}
