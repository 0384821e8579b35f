package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"dyad/export"
	"dyad/store"
)

func newExportCmd() *cobra.Command {
	var (
		dsn, format, out, dyad string
		q                      store.Query
	)
	cmd := &cobra.Command{
		Use:   "export --format jsonl|csv|gdelt|plover|parquet [-o FILE]",
		Short: "Write the stored documents or events in a format other tools read",
		Long: `Export writes what the database holds:
  jsonl    one dyad record per document, every layer (the format "dyad code" writes)
  csv      one row per event with its article, actors, sentence and cluster counts
  gdelt    GDELT 2.0 event table rows (61 tab-separated columns, one row per event cluster;
           the columns dyad cannot fill, such as tone and geography, are empty)
  plover   PLOVER JSON event records, one per line (events without a PLOVER type are left out)
  parquet  the csv columns as a Parquet file (DuckDB, Spark, pandas)
The event formats take the filters of "dyad query" (--actor, --dyad, --either, --type, --root,
--quad, --from, --to, --text). Output goes to standard output unless -o names a file (parquet
needs -o).`,
		Example: `  dyad export --format gdelt -o events.tsv
  dyad export --format parquet -o events.parquet --from 2022-01-01
  dyad export --format jsonl -o corpus.jsonl`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			known := false
			for _, f := range export.Formats() {
				known = known || f == format
			}
			if !known {
				return fmt.Errorf("--format must be one of %s, not %q", strings.Join(export.Formats(), ", "), format)
			}
			if format == "parquet" && (out == "" || out == "-") {
				return fmt.Errorf("parquet needs a file: add -o FILE")
			}
			if dyad != "" {
				src, tgt, ok := strings.Cut(dyad, "-")
				if !ok {
					return fmt.Errorf("--dyad wants SOURCE-TARGET (USA-RUS), not %q", dyad)
				}
				q.Source, q.Target = strings.Trim(strings.ToUpper(src), "*"), strings.Trim(strings.ToUpper(tgt), "*")
			}
			q.Actor = strings.ToUpper(q.Actor)
			s, err := store.Open(ctx, dsn)
			if err != nil {
				return err
			}
			defer s.Close()
			var w io.Writer = cmd.OutOrStdout()
			var f *os.File
			if out != "" && out != "-" {
				// Write to a temporary file and rename, so that a failed export leaves no half file.
				f, err = os.CreateTemp(filepath.Dir(out), ".dyad-export-*")
				if err != nil {
					return err
				}
				defer os.Remove(f.Name())
				defer f.Close()
				w = f
			}
			bw := bufio.NewWriterSize(w, 1<<20)
			n, err := export.Export(ctx, s, format, q, bw)
			if err != nil {
				return err
			}
			if err := bw.Flush(); err != nil {
				return err
			}
			if f != nil {
				if err := f.Close(); err != nil {
					return err
				}
				if err := os.Rename(f.Name(), out); err != nil {
					return err
				}
			}
			what := "events"
			if format == "jsonl" {
				what = "documents"
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "dyad: exported %d %s as %s\n", n, what, format)
			return nil
		},
	}
	dbFlag(cmd, &dsn)
	fl := cmd.Flags()
	fl.StringVar(&format, "format", "jsonl", "jsonl, csv, gdelt, plover or parquet")
	fl.StringVarP(&out, "output", "o", "", "write to FILE instead of standard output")
	fl.StringVar(&q.Actor, "actor", "", "events with a source or target actor code starting with this")
	fl.StringVar(&dyad, "dyad", "", "events of a dyad SOURCE-TARGET (USA-RUS)")
	fl.BoolVar(&q.Either, "either", false, "with --dyad, also the other direction")
	fl.StringVar(&q.Plover, "type", "", "PLOVER event type")
	fl.StringVar(&q.Root, "root", "", "CAMEO root code")
	fl.IntVar(&q.Quad, "quad", 0, "QuadClass 1-4")
	fl.StringVar(&q.From, "from", "", "first event day (YYYY-MM-DD)")
	fl.StringVar(&q.To, "to", "", "last event day (YYYY-MM-DD)")
	fl.StringVar(&q.Text, "text", "", "words that the article must contain")
	return cmd
}
