package pipeline_test

import (
	"context"
	"fmt"

	"dyad/doc"
	"dyad/pipeline"
)

// A whole run: articles in, coded documents out in input order.
func ExamplePipeline_Run() {
	p, err := pipeline.Default(pipeline.Options{})
	if err != nil {
		panic(err)
	}
	in := make(chan pipeline.Input)
	go func() {
		defer close(in)
		in <- pipeline.Input{Article: doc.Article{ID: "a", Published: "2022-05-28",
			Text: "NATO criticised Russia on Wednesday."}, Origin: "example:1"}
	}()
	_ = p.Run(context.Background(), in, 2, func(r pipeline.Result) error {
		for _, e := range r.Doc.Events {
			fmt.Println(r.Origin, e.Source[0].Code, e.Plover, e.Target[0].Code, e.Date, e.DateBasis)
		}
		return nil
	})
	// Output:
	// example:1 IGOWSTNAT ACCUSE RUS 2022-05-25 timex
}
