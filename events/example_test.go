package events_test

import (
	"fmt"

	"dyad/doc"
	"dyad/events"
)

// Example codes one made-up sentence whose entities an actors stage has already found.
func Example() {
	text := "On Monday, France imposed new sanctions on Russia."
	d := doc.New(doc.Article{Text: text, Published: "2024-03-05"})
	d.Sentences = doc.Spans{{Start: 0, End: len(text)}}
	d.Entities = []doc.Entity{
		{Span: doc.Span{Start: 11, End: 17}, Text: "France", Type: "GPE", Ref: -1, Actor: &doc.Actor{Name: "France", Country: "FRA", Code: "FRA"}},
		{Span: doc.Span{Start: 43, End: 49}, Text: "Russia", Type: "GPE", Ref: -1, Actor: &doc.Actor{Name: "Russia", Country: "RUS", Code: "RUS"}},
	}
	d.Timexes = []doc.Timex{{Span: doc.Span{Start: 0, End: 9}, Text: "On Monday", Type: "DATE", Value: "2024-03-04"}}
	st, err := events.New(events.Options{})
	if err != nil {
		panic(err)
	}
	if err := st.Apply(d); err != nil {
		panic(err)
	}
	for _, e := range d.Events {
		fmt.Printf("%s %s %s -> %s on %s (%s): %q [%s]\n", e.Plover, e.Cameo, e.Source[0].Code, e.Target[0].Code, e.Date, e.Modality, e.Trigger.Text, e.Rule)
	}
	// Output:
	// SANCTION 163 FRA -> RUS on 2024-03-04 (asserted): "imposed new sanctions on" [16-reduce.txt:35]
}
