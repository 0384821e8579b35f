package doc_test

import (
	"fmt"

	"dyad/doc"
)

// Offsets are bytes inside Go and code points in the JSON record.
func Example() {
	d := doc.New(doc.Article{ID: "x", Text: "“Мы” said Лавров."})
	d.Entities = []doc.Entity{{Span: doc.Span{Start: 16, End: 28}, Type: "PERSON"}}
	fmt.Println(d.Slice(d.Entities[0].Span))
	b, _ := doc.Encode(d)
	fmt.Println(string(b))
	back, _ := doc.Decode(b)
	fmt.Println(back.Entities[0].Start, back.Entities[0].End)
	// Output:
	// Лавров
	// {"id":"x","text":"“Мы” said Лавров.","sentences":[],"entities":[{"start":10,"end":16,"text":"Лавров","type":"PERSON"}],"timexes":[],"quotes":[],"events":[]}
	// 16 28
}
