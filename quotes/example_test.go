package quotes_test

import (
	"fmt"

	"dyad/doc"
	"dyad/quotes"
	"dyad/text"
)

func Example() {
	st, err := quotes.New(quotes.Options{})
	if err != nil {
		panic(err)
	}
	d := doc.New(doc.Article{Text: `“We don’t want wars,” the minister said, “but we will defend ourselves.” ` +
		`According to the ministry, talks resume in March.`})
	if err := text.New().Apply(d); err != nil {
		panic(err)
	}
	if err := st.Apply(d); err != nil {
		panic(err)
	}
	for _, q := range d.Quotes {
		fmt.Printf("%s %q speaker=%q cue=%q parts=%d\n", q.Kind, d.Slice(q.Span), q.Speaker.Text, q.Cue.Text, len(q.Parts))
	}
	// Output:
	// direct "“We don’t want wars,” the minister said, “but we will defend ourselves.”" speaker="the minister" cue="said" parts=2
	// indirect "talks resume in March" speaker="the ministry" cue="According to" parts=0
}
