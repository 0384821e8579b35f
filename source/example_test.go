package source_test

import (
	"context"
	"fmt"
	"strings"

	"dyad/source"
)

// Read a plain-text article, a JSONL stream with a bad line, and report errors by record.
func ExampleRead() {
	stdin := strings.NewReader(`{"id": "r1", "text": "Ghana signed a trade deal with Togo.", "date": "2021-09-07"}
{"id": "r2", "text": "this line is cut
{"body": "Norway sent aid to Iceland."}
`)
	opts := source.Options{Stdin: stdin}
	err := source.Read(context.Background(), []string{"testdata/lavrov-clarifications.txt", "-"}, opts,
		func(it source.Item) bool {
			if it.Err != nil {
				fmt.Println("error:", it.Err)
				return true
			}
			a := it.Article
			fmt.Printf("%s | %s | %s | %.40q\n", it.Origin, a.ID, a.Published, a.Text)
			return true
		})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// testdata/lavrov-clarifications.txt | testdata/lavrov-clarifications | 2022-05-28T04:19:00 | "Sergey Lavrov says he wants clarificatio"
	// -:1 | r1 | 2021-09-07 | "Ghana signed a trade deal with Togo."
	// error: -:2: malformed JSON: unexpected end of JSON input
	// -:3 | -:3 |  | "Norway sent aid to Iceland."
}

func ExampleParseDateline() {
	for _, line := range []string{"28 May 2022,   04:19", "May 28, 2022 4:19 PM EDT", "Updated: 28.05.2022", "May 28, 2022 was a Saturday"} {
		fmt.Println(source.ParseDateline(line))
	}
	// Output:
	// 2022-05-28T04:19:00 true
	// 2022-05-28T16:19:00-04:00 true
	// 2022-05-28 true
	//  false
}
