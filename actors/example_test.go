package actors_test

import (
	"fmt"
	"strings"

	"dyad/actors"
	"dyad/doc"
	"dyad/text"
)

func Example() {
	st, err := actors.New(actors.Options{})
	if err != nil {
		panic(err)
	}
	d := doc.New(doc.Article{
		Published: "2022-05-28",
		Text:      "Russian Foreign Minister Sergey Lavrov said Moscow wanted answers from NATO and the West. He spoke to Ukrainian soldiers' families.",
	})
	text.New().Apply(d)
	st.Apply(d)
	for _, e := range d.Entities {
		fmt.Printf("%-6s %-18q %s\n", e.Type, e.Text, e.Actor.Code)
	}
	i := strings.Index(d.Text, "He ")
	he := doc.Span{Start: i, End: i + 2}
	if a, ok := actors.ResolveMention(d, he); ok {
		fmt.Printf("%q is %s (%s, %s)\n", d.Slice(he), a.Name, a.Code, a.Role)
	}
	// Output:
	// NORP   "Russian"          RUS
	// PERSON "Sergey Lavrov"    RUSGOV
	// GPE    "Moscow"           RUSGOV
	// ORG    "NATO"             IGOWSTNAT
	// NORP   "West"             WST
	// NORP   "Ukrainian soldiers" UKRMIL
	// "He" is Sergey Lavrov (RUSGOV, foreign minister)
}
