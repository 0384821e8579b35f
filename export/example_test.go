package export_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"dyad/doc"
	"dyad/export"
	"dyad/store"
)

// Example stores one coded article and exports its event as a GDELT 2.0 row.
func Example() {
	dir, _ := os.MkdirTemp("", "dyad-export")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	s, _ := store.OpenSQLite(filepath.Join(dir, "dyad.db"))
	defer s.Close()

	text := "Ruritania asked Freedonia to reopen the border."
	d := doc.New(doc.Article{Published: "2024-03-01", URL: "https://news.example/1", Text: text})
	d.Sentences = doc.Spans{{Start: 0, End: len(text)}}
	d.Events = []doc.Event{{Sentence: d.Sentences[0], Trigger: doc.Mention{Span: doc.Span{Start: 10, End: 15}},
		Plover: "REQUEST", Cameo: "020", QuadClass: 1, Goldstein: 3,
		Source: []doc.Actor{{Name: "Ruritania", Country: "RUR", Code: "RURGOV"}},
		Target: []doc.Actor{{Name: "Freedonia", Country: "FRE", Code: "FRE"}}, Date: "2024-03-01"}}
	s.Put(ctx, d) // the result and the id are not needed here

	var b strings.Builder
	n, err := export.Export(ctx, s, "gdelt", store.Query{}, &b)
	fmt.Println(n, err)
	rec := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\t")
	for _, c := range []string{"SQLDATE", "Actor1Code", "Actor1Type1Code", "Actor2Code", "EventCode", "QuadClass", "NumArticles", "SOURCEURL"} {
		fmt.Printf("%s=%s\n", c, rec[export.GDELTColumn(c)])
	}
	fmt.Println(len(rec), "columns")
	// Output:
	// 1 <nil>
	// SQLDATE=20240301
	// Actor1Code=RURGOV
	// Actor1Type1Code=GOV
	// Actor2Code=FRE
	// EventCode=020
	// QuadClass=1
	// NumArticles=1
	// SOURCEURL=https://news.example/1
	// 61 columns
}
