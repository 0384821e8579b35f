package timex_test

import (
	"fmt"

	"dyad/doc"
	"dyad/timex"
)

func Example() {
	st, err := timex.New()
	if err != nil {
		panic(err)
	}
	text := "On Wednesday, the allies replied to demands Russia had put forward in December. " +
		"Talks will resume next Monday, after the past three days of shelling."
	d := doc.New(doc.Article{Text: text, Published: "2022-05-28T04:19:00"})
	d.Sentences = doc.Spans{{Start: 0, End: 80}, {Start: 81, End: len(text)}}
	if err := st.Apply(d); err != nil {
		panic(err)
	}
	for _, x := range d.Timexes {
		fmt.Printf("%-20q %-8s %-10s %s\n", x.Text, x.Type, x.Value, x.Rule)
	}
	// The event "replied" takes the date of the expression that governs its clause.
	trigger := doc.Span{Start: 25, End: 32}
	fmt.Println(timex.EventDate(d, doc.Span{}, trigger))
	// Output:
	// "Wednesday"          DATE     2022-05-25 weekday-past
	// "December"           DATE     2021-12    month-name-past
	// "next Monday"        DATE     2022-05-30 weekday-next
	// "the past three days" DURATION P3D        rel-n-units
	// 2022-05-25 timex
}
