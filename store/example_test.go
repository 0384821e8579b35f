package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"dyad/doc"
	"dyad/store"
)

// Example stores one coded article in a fresh SQLite database, stores it again (nothing changes),
// and asks for the events of a dyad.
func Example() {
	dir, _ := os.MkdirTemp("", "dyad-example")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	s, err := store.OpenSQLite(filepath.Join(dir, "dyad.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()

	text := "Ruritania asked Freedonia to reopen the border."
	d := doc.New(doc.Article{Published: "2024-03-01", URL: "https://news.example/1", Text: text})
	d.Sentences = doc.Spans{{Start: 0, End: len(text)}}
	d.Events = []doc.Event{{
		Sentence: d.Sentences[0], Trigger: doc.Mention{Span: doc.Span{Start: 10, End: 15}},
		Plover: "REQUEST", Cameo: "020", QuadClass: 1, Goldstein: 3,
		Source: []doc.Actor{{Name: "Ruritania", Code: "RURGOV"}}, Target: []doc.Actor{{Name: "Freedonia", Code: "FRE"}},
		Date: "2024-03-01",
	}}
	r1, _, _ := s.Put(ctx, d)
	r2, _, _ := s.Put(ctx, d)
	fmt.Println(r1, r2)

	s.Events(ctx, store.Query{Source: "RUR", Target: "FRE"}, func(e *store.EventRow) error {
		fmt.Println(e.Day, e.Source[0].Code, e.Trigger.Text, e.Target[0].Code, e.Plover, e.Cluster.Articles)
		return nil
	})
	tl, _ := s.Timeline(ctx, store.Query{Source: "RUR", Target: "FRE"}, store.Month)
	fmt.Println(tl[0].Start, tl[0].Events, tl[0].Goldstein)
	// Output:
	// inserted unchanged
	// 2024-03-01 RURGOV asked FRE REQUEST 1
	// 2024-03-01 1 3
}
