package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"dyad/doc"
	"dyad/pipeline"
	"dyad/store"
)

// dbFlag is the --db flag shared by ingest, query and export.
func dbFlag(cmd *cobra.Command, dsn *string) {
	cmd.Flags().StringVar(dsn, "db", "", "database: a SQLite file (default ./"+store.DefaultPath+") or a postgres:// URL")
}

// ingestBatch is how many documents are written in one transaction, at most; a transaction also
// ends after ingestBatchBytes of text. Larger transactions cost the store less per document (its
// indexes, full-text segments and aggregates are written once per transaction); 500 documents
// cost a fifth less CPU than 200, 1000 little less than 500.
const (
	ingestBatch      = 500
	ingestBatchBytes = 64 << 20
)

type coded struct {
	d      *doc.Doc
	origin string
}

func newIngestCmd() *cobra.Command {
	var (
		in        inputFlags
		dsn       string
		skipKnown bool
		profile   string
	)
	cmd := &cobra.Command{
		Use:   "ingest PATH|URL...",
		Short: "Code articles and store them in a database",
		Long: `Ingest reads and codes articles like "dyad code" and stores the coded documents in a database:
a SQLite file (./` + store.DefaultPath + ` unless --db names another) or PostgreSQL (--db postgres://...).

A document is identified by the SHA-256 of its text and its URL: ingesting the same input twice stores
nothing twice, and a document coded differently (after a dictionary change) has its layers replaced.
Documents are written in transactions of up to ` + fmt.Sprint(ingestBatch) + `: an ingest that is killed can simply be run
again. A record that cannot be read or coded is reported with its file and line and skipped; the
exit status is then 1. On a terminal a progress line shows documents per second; otherwise a log
line is printed every 10 seconds.`,
		Example: `  dyad ingest ../shared/eval/data/polnear-train.jsonl
  dyad ingest --db postgres://dyad@localhost/dyad 'news/*.warc.gz'
  dyad ingest --skip-known feeds.txt`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			opts, err := in.options()
			if err != nil {
				return err
			}
			p, err := in.pipeline()
			if err != nil {
				return err
			}
			s, err := store.Open(ctx, dsn)
			if err != nil {
				return err
			}
			defer s.Close()
			if profile != "" {
				f, err := os.Create(profile)
				if err != nil {
					return err
				}
				defer f.Close()
				if err := pprof.StartCPUProfile(f); err != nil {
					return err
				}
				defer pprof.StopCPUProfile()
			}
			return ingest(ctx, s, p, feedFiltered(ctx, s, feed(ctx, args, opts), skipKnown), in.workers, estimateTotal(args))
		},
	}
	in.add(cmd)
	dbFlag(cmd, &dsn)
	cmd.Flags().StringVar(&profile, "cpuprofile", "", "write a CPU profile to FILE (go tool pprof)")
	cmd.Flags().BoolVar(&skipKnown, "skip-known", false, "do not re-code articles whose text is already stored (faster resume; layers are not refreshed)")
	return cmd
}

// feedFiltered passes the inputs on, dropping those whose text is stored when skip is set.
func feedFiltered(ctx context.Context, s store.Store, in <-chan pipeline.Input, skip bool) <-chan pipeline.Input {
	if !skip {
		return in
	}
	out := make(chan pipeline.Input, cap(in))
	go func() {
		defer close(out)
		for it := range in {
			if it.Err == nil {
				if ok, err := s.Has(ctx, store.Hash(it.Article.Text)); err == nil && ok {
					continue
				}
			}
			select {
			case out <- it:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// ingestStats counts what an ingest did.
type ingestStats struct {
	results [4]int // by store.Result
	failed  int
}

func (st *ingestStats) add(r store.Result) { st.results[r]++ }

func (st *ingestStats) done() int {
	return st.results[0] + st.results[1] + st.results[2] + st.results[3]
}

func (st *ingestStats) String() string {
	return fmt.Sprintf("%d documents (%d new, %d replaced, %d unchanged, %d duplicates), %d failed",
		st.done(), st.results[store.Inserted], st.results[store.Replaced], st.results[store.Unchanged],
		st.results[store.Duplicate], st.failed)
}

// ingest codes the inputs and writes them in batches from a goroutine of its own, so that coding
// and writing overlap.
func ingest(ctx context.Context, s store.Store, p *pipeline.Pipeline, in <-chan pipeline.Input, workers int, total int64) error {
	st := &ingestStats{}
	prog := newProgress(total)
	batches := make(chan []coded, 2)
	werr := make(chan error, 1)
	go func() {
		var first error
		for b := range batches {
			if first != nil {
				continue // drain
			}
			if err := writeBatch(ctx, s, b, st); err != nil {
				first = err
			}
			prog.set(st)
		}
		werr <- first
	}()
	var batch []coded
	var batchBytes int
	var readFailed int
	runErr := p.Run(ctx, in, workers, func(r pipeline.Result) error {
		if r.Err != nil {
			warn(r.Origin, r.Err)
			readFailed++
			if r.Doc == nil {
				return nil
			}
		}
		batch = append(batch, coded{r.Doc, r.Origin})
		batchBytes += len(r.Doc.Text)
		if len(batch) >= ingestBatch || batchBytes >= ingestBatchBytes {
			select {
			case batches <- batch:
			case <-ctx.Done():
				return ctx.Err()
			}
			batch, batchBytes = nil, 0
		}
		return nil
	})
	if len(batch) > 0 && runErr == nil {
		batches <- batch
	}
	close(batches)
	err := <-werr
	st.failed += readFailed
	prog.finish(st)
	if runErr != nil {
		return runErr
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "dyad: ingested %s\n", st)
	if st.failed > 0 {
		return silentError{"records failed"}
	}
	return nil
}

// writeBatch stores a batch in one transaction; when that fails, it stores the documents one by one
// so that only the bad ones are reported and skipped. A database error (the database is gone) stops
// the ingest.
func writeBatch(ctx context.Context, s store.Store, b []coded, st *ingestStats) error {
	ds := make([]*doc.Doc, len(b))
	for i, c := range b {
		ds[i] = c.d
	}
	res, err := s.PutBatch(ctx, ds)
	if err == nil {
		for _, r := range res {
			st.add(r)
		}
		return nil
	}
	bad := 0
	for _, c := range b {
		r, _, err := s.Put(ctx, c.d)
		if err != nil {
			warn(c.origin, err)
			st.failed++
			bad++
			continue
		}
		st.add(r)
	}
	if bad == len(b) && len(b) > 1 {
		return fmt.Errorf("no document of a batch could be stored; last error: %w", err)
	}
	return nil
}

// estimateTotal counts the documents of the inputs when that is cheap (plain .jsonl files: their
// lines; .txt files: one each), so that the progress bar can show an ETA; -1 when unknown.
func estimateTotal(paths []string) int64 {
	var n int64
	for _, p := range paths {
		switch strings.ToLower(filepath.Ext(p)) {
		case ".txt":
			n++
		case ".jsonl":
			f, err := os.Open(p)
			if err != nil {
				return -1
			}
			buf := make([]byte, 1<<20)
			for {
				k, err := f.Read(buf)
				n += int64(bytes.Count(buf[:k], []byte{'\n'}))
				if err != nil {
					break
				}
			}
			f.Close()
		default:
			return -1
		}
	}
	return n
}

// progress shows documents per second: a progress bar on a terminal (with an ETA when the total is
// known), a log line every 10 s otherwise.
type progress struct {
	bar   *progressbar.ProgressBar
	start time.Time
	last  time.Time
}

func newProgress(total int64) *progress {
	p := &progress{start: time.Now(), last: time.Now()}
	if term.IsTerminal(int(os.Stderr.Fd())) {
		p.bar = progressbar.NewOptions64(total,
			progressbar.OptionSetPredictTime(total > 0),
			progressbar.OptionSetWriter(os.Stderr),
			progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("docs"),
			progressbar.OptionSpinnerType(14),
			progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

func (p *progress) set(st *ingestStats) {
	if p.bar != nil {
		p.bar.Set(st.done())
		return
	}
	if time.Since(p.last) >= 10*time.Second {
		p.last = time.Now()
		fmt.Fprintf(os.Stderr, "dyad: %s, %.0f docs/s\n", st, float64(st.done())/time.Since(p.start).Seconds())
	}
}

func (p *progress) finish(st *ingestStats) {
	if p.bar != nil {
		p.bar.Set(st.done())
		p.bar.Finish()
	}
}
