package main

import (
	"bytes"
	"context"
	"errors"
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

// Documents go to the store in chunks as they are coded, so that storing overlaps coding, and
// the chunks of a transaction are committed together: a transaction ends after ingestBatch
// documents, ingestBatchBytes of text or ingestCommitEvery, whichever comes first. Larger
// transactions cost the store less per document (their commit and the index pages they write to
// the log are paid once); 500 documents cost a fifth less CPU than 200, 1000 little less than 500.
// A chunk ends after ingestChunk documents or ingestChunkBytes of text, or ingestChunkWait after its
// first document: smaller chunks start the writer sooner and leave less to write after the last
// document is coded, larger ones cost the store a little less.
const (
	ingestBatch      = 500
	ingestBatchBytes = 64 << 20
	ingestChunk      = 64
	ingestChunkBytes = 8 << 20
)

// The time limits of chunks and transactions (variables for the tests).
var (
	ingestCommitEvery = 5 * time.Second
	ingestChunkWait   = time.Second
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
Documents are stored as they are coded, in transactions of up to ` + fmt.Sprint(ingestBatch) + ` documents or 5 seconds:
an ingest that is killed loses at most that much, and can simply be run again. A record that cannot
be read, coded or stored is reported with its file and line and skipped; the exit status is then 1.
When the database itself fails (a full disk, a lost connection), the ingest stops and names the
first document that was not stored. On a terminal a progress line shows documents per second;
otherwise a log line is printed every 10 seconds.`,
		Example: `  dyad ingest ../shared/eval/data/polnear-train.jsonl
  dyad ingest --db postgres://dyad@localhost/dyad 'news/*.warc.gz'
  dyad ingest --skip-known feeds.txt`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			// Cancelled on return, so that the readers stop when the ingest stops early.
			ctx, cancel := context.WithCancel(cmd.Context())
			defer cancel()
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

// ingest codes the inputs, groups them into chunks, prepares the chunks for the store and writes
// them, each in goroutines of its own (see chunkDocs, prepareChunks and writer), so that coding,
// preparing and writing overlap.
func ingest(ctx context.Context, s store.Store, p *pipeline.Pipeline, in <-chan pipeline.Input, workers int, total int64) error {
	st := &ingestStats{}
	w := &writer{s: s, st: st, prog: newProgress(total), stopped: make(chan struct{})}
	docs := make(chan coded, ingestChunk)
	chunks := make(chan []coded, 2)
	go chunkDocs(docs, chunks)
	ready := prepareChunks(s, chunks)
	werr := make(chan error, 1)
	go func() { werr <- w.run(ctx, ready) }()
	var readFailed int
	runErr := p.Run(ctx, in, workers, func(r pipeline.Result) error {
		if r.Err != nil {
			warn(r.Origin, r.Err) // a record that cannot be read or coded is reported and skipped
			readFailed++
			return nil
		}
		select {
		case docs <- coded{r.Doc, r.Origin}:
			return nil
		case <-w.stopped: // the writer failed: stop coding (its error is reported below)
			return errWriterStopped
		case <-ctx.Done():
			return ctx.Err()
		}
	})
	close(docs)
	err := <-werr
	st.failed += readFailed
	w.prog.finish(st)
	if runErr != nil && runErr != errWriterStopped {
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

// chunkDocs groups the coded documents into chunks of ingestChunk documents or ingestChunkBytes of
// text, in order, and sends a smaller chunk once its first document has waited ingestChunkWait
// (slow input: a feed, a pipe), so that no document waits long to be stored. It closes chunks when
// docs is closed.
func chunkDocs(docs <-chan coded, chunks chan<- []coded) {
	defer close(chunks)
	var chunk []coded
	size := 0
	wait := time.NewTimer(ingestChunkWait)
	wait.Stop()
	flush := func() {
		wait.Stop()
		if len(chunk) > 0 {
			chunks <- chunk
			chunk, size = nil, 0
		}
	}
	for {
		select {
		case d, ok := <-docs:
			if !ok {
				flush()
				return
			}
			if len(chunk) == 0 {
				wait.Reset(ingestChunkWait)
			}
			chunk = append(chunk, d)
			size += len(d.d.Text)
			if len(chunk) >= ingestChunk || size >= ingestChunkBytes {
				flush()
			}
		case <-wait.C:
			flush()
		}
	}
}

// errWriterStopped stops coding when the writer has stopped; the writer's error is reported.
var errWriterStopped = errors.New("the writer stopped")

// readyChunk is a chunk of coded documents prepared for the store: those that can be stored, and
// the number of those that cannot (reported when they were found).
type readyChunk struct {
	p      *store.Prepared
	docs   []coded
	failed int
}

// prepareChunks prepares the chunks from a goroutine of its own, in order, until chunks is closed.
func prepareChunks(s store.Store, chunks <-chan []coded) <-chan readyChunk {
	ready := make(chan readyChunk, 2)
	go func() {
		defer close(ready)
		for c := range chunks {
			ready <- prepareChunk(s, c)
		}
	}()
	return ready
}

// prepareChunk prepares a chunk for the store (store.Store.Prepare). When a document cannot be
// stored, it is reported with its origin and left out.
func prepareChunk(s store.Store, c []coded) readyChunk {
	p, err := s.Prepare(docsOf(c))
	if err == nil {
		return readyChunk{p: p, docs: c}
	}
	r := readyChunk{}
	for _, x := range c {
		if _, err := s.Prepare([]*doc.Doc{x.d}); err != nil {
			warn(x.origin, err)
			r.failed++
			continue
		}
		r.docs = append(r.docs, x)
	}
	r.p, err = s.Prepare(docsOf(r.docs))
	if err != nil { // cannot happen: each document passed alone
		r.p, r.failed, r.docs = nil, len(c), nil
		warn(c[0].origin, err)
	}
	return r
}

func docsOf(c []coded) []*doc.Doc {
	ds := make([]*doc.Doc, len(c))
	for i, x := range c {
		ds[i] = x.d
	}
	return ds
}

// writer stores prepared chunks in transactions of several chunks.
type writer struct {
	s       store.Store
	st      *ingestStats // what committed transactions did
	prog    *progress
	stopped chan struct{} // closed when the writer fails (nil: not signalled)

	tx      store.Tx
	pending ingestStats // what the open transaction did
	held    []coded     // the documents stored in the open transaction, and their bytes of text
	bytes   int
	began   time.Time
}

// run writes every chunk and commits the last transaction; it commits a transaction that is
// ingestCommitEvery old even when no chunk comes (slow input). After an error it drains the chunks.
func (w *writer) run(ctx context.Context, chunks <-chan readyChunk) error {
	tick := time.NewTicker(min(time.Second, ingestCommitEvery/2))
	defer tick.Stop()
	var first error
	fail := func(err error) {
		first = err
		if w.tx != nil {
			w.tx.Rollback(ctx)
			w.tx = nil
		}
		if w.stopped != nil {
			close(w.stopped)
		}
	}
	for {
		select {
		case c, ok := <-chunks:
			switch {
			case !ok:
				if first == nil {
					first = w.commit(ctx)
				}
				return first
			case first != nil: // drain
			default:
				if err := w.chunk(ctx, c); err != nil {
					fail(err)
				}
			}
		case <-tick.C:
			if first == nil && w.tx != nil && time.Since(w.began) >= ingestCommitEvery {
				if err := w.commit(ctx); err != nil {
					fail(err)
				}
			}
		}
	}
}

// chunk stores one chunk in the open transaction (opening one if needed) and commits it when it is
// big or old enough. When the database fails, the transaction is lost: its documents are stored
// again one per transaction (see salvage).
func (w *writer) chunk(ctx context.Context, c readyChunk) error {
	w.st.failed += c.failed
	if len(c.docs) == 0 {
		return nil
	}
	if w.tx == nil {
		tx, err := w.s.Begin(ctx)
		if err != nil {
			return w.failed(ctx, err, c.docs[0].origin)
		}
		w.tx, w.pending, w.held, w.bytes, w.began = tx, ingestStats{}, w.held[:0], 0, time.Now()
	}
	res, err := w.tx.PutPrepared(ctx, c.p)
	if err != nil {
		return w.salvage(ctx, c.docs)
	}
	for i, r := range res {
		w.pending.add(r)
		w.hold(c.docs[i])
	}
	if len(w.held) >= ingestBatch || w.bytes >= ingestBatchBytes || time.Since(w.began) >= ingestCommitEvery {
		return w.commit(ctx)
	}
	w.prog.set(w.st.done() + w.pending.done())
	return nil
}

// hold keeps a document of the open transaction until it commits.
func (w *writer) hold(x coded) {
	w.held = append(w.held, x)
	w.bytes += len(x.d.Text)
}

// salvage handles a transaction that the database failed: it is rolled back, and the documents
// it held and those of the chunk are stored again, each in a transaction of its own, so that a
// document the database refuses (store.DocumentFault: a value too large for it) is reported and
// skipped. When the database fails again (a full disk, a lost connection), the ingest stops with
// its error, naming the first document that was not stored.
func (w *writer) salvage(ctx context.Context, c []coded) error {
	if w.tx != nil {
		w.tx.Rollback(ctx)
		w.tx = nil
	}
	all := append(w.held, c...)
	w.held = nil
	for _, x := range all {
		r, _, err := w.s.Put(ctx, x.d)
		switch {
		case err == nil:
			w.st.add(r)
		case store.DocumentFault(err):
			warn(x.origin, err)
			w.st.failed++
		default:
			return w.failed(ctx, err, x.origin)
		}
	}
	w.prog.set(w.st.done())
	return nil
}

// failed is the error that stops an ingest when the database fails, from the document at origin on.
func (w *writer) failed(ctx context.Context, err error, origin string) error {
	if ctx.Err() != nil {
		return ctx.Err() // interrupted, not failed
	}
	return fmt.Errorf("the database failed (%w): the documents from %s on were not stored (what was stored before is kept; run the ingest again once the database works)", err, origin)
}

// commit commits the open transaction, if any, and counts what it did.
func (w *writer) commit(ctx context.Context) error {
	if w.tx == nil {
		return nil
	}
	err := w.tx.Commit(ctx)
	w.tx = nil
	if err != nil {
		return w.salvage(ctx, nil)
	}
	for i, n := range w.pending.results {
		w.st.results[i] += n
	}
	w.prog.set(w.st.done())
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

// set shows that done documents have been stored.
func (p *progress) set(done int) {
	if p.bar != nil {
		p.bar.Set(done)
		return
	}
	if time.Since(p.last) >= 10*time.Second {
		p.last = time.Now()
		fmt.Fprintf(os.Stderr, "dyad: %d documents written, %.0f docs/s\n", done, float64(done)/time.Since(p.start).Seconds())
	}
}

func (p *progress) finish(st *ingestStats) {
	if p.bar != nil {
		p.bar.Set(st.done())
		p.bar.Finish()
	}
}
