package main

import (
	"bufio"
	"context"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"dyad/doc"
	"dyad/pipeline"
)

func newCodeCmd() *cobra.Command {
	var (
		in     inputFlags
		out    string
		pretty bool
	)
	cmd := &cobra.Command{
		Use:   "code FILE... | -",
		Short: "Code articles and write one JSON record per document",
		Long: `Code reads articles and writes one JSON record per document (the dyad record: text, sentences,
entities with actors, timexes, quotes and events; offsets are Unicode code points) to standard output
or to -o FILE, in input order.

Inputs are files, directories (read recursively), glob patterns, http(s) URLs of feeds or pages, or -
for standard input. The format is chosen by extension (or forced with --format):
  .txt         one article: an optional dateline line ("28 May 2022, 04:19"), the headline, a blank
               line, then the body
  .jsonl/.gz   one JSON record per line: {"id":..., "published":..., "title":..., "text":...}
               ("content" or "body" for text, "date" for published are accepted)
  .html/.htm   a web page: main text, title and date are extracted
  .xml/.rss    an RSS or Atom feed: each item is an article (--fetch-links codes the linked pages)
  .warc/.gz    a WARC archive: each HTML response is an article

A record that cannot be read is reported on standard error with its file and line; the others are
still coded, and the exit status is 1.`,
		Example: `  dyad code examples/lavrov.txt
  dyad code --pretty examples/lavrov.txt
  cat articles.jsonl | dyad code - -o coded.jsonl
  dyad code -j 2 'news/*.jsonl'`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts, err := in.options()
			if err != nil {
				return err
			}
			p, err := in.pipeline()
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			var file *os.File
			if out != "" && out != "-" {
				if file, err = os.Create(out); err != nil {
					return err
				}
				defer file.Close() // the error of the first Close is checked below
				w = file
			}
			ctx, cancel := context.WithCancel(cmd.Context())
			defer cancel() // stops the reader when coding stops early
			bw := bufio.NewWriterSize(w, 1<<16)
			failed := 0
			err = p.Run(ctx, feed(ctx, args, opts), in.workers, func(r pipeline.Result) error {
				if r.Err != nil {
					reportErr(cmd, r.Origin, r.Err)
					failed++
					if r.Doc == nil {
						return nil
					}
				}
				var b []byte
				var err error
				if pretty {
					b, err = doc.EncodeIndent(r.Doc)
				} else {
					b, err = doc.Encode(r.Doc)
				}
				if err != nil {
					reportErr(cmd, r.Origin, err)
					failed++
					return nil
				}
				b = append(b, '\n')
				if _, err := bw.Write(b); err != nil {
					return fmt.Errorf("writing output: %w", err)
				}
				return nil
			})
			if ferr := bw.Flush(); err == nil && ferr != nil {
				err = fmt.Errorf("writing output: %w", ferr)
			}
			if file != nil {
				if cerr := file.Close(); err == nil && cerr != nil {
					err = fmt.Errorf("writing %s: %w", out, cerr)
				}
			}
			if err != nil {
				return err
			}
			if failed > 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "dyad: %d record(s) failed\n", failed)
				return silentError{"records failed"}
			}
			return nil
		},
	}
	in.add(cmd)
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to FILE instead of standard output")
	cmd.Flags().BoolVar(&pretty, "pretty", false, "indent the JSON records")
	return cmd
}
