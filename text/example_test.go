package text_test

import (
	"fmt"

	"dyad/doc"
	"dyad/text"
)

func ExampleSegment() {
	d := doc.New(doc.Article{Text: "Talks resume\n\nMr. Lavrov met U.S. envoys at 3 p.m. on Jan. 5. “We don’t want wars,” he said."})
	text.Segment(d)
	for _, s := range d.Sentences {
		fmt.Println(d.Slice(s))
	}
	// Output:
	// Talks resume
	// Mr. Lavrov met U.S. envoys at 3 p.m. on Jan. 5.
	// “We don’t want wars,” he said.
}
