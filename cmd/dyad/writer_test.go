package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"dyad/doc"
	"dyad/pipeline"
	"dyad/store"
)

// refusing is a real SQLite store whose database refuses the document with ID bad, as PostgreSQL
// refuses a value too large for an index: a transaction that meets it is lost (ErrTxFailed), and
// Put refuses it with an error that is the document's fault (store.DocumentFault).
type refusing struct {
	store.Store
	bad string
}

type refusingTx struct {
	store.Tx
	bad string
}

func (s refusing) Begin(ctx context.Context) (store.Tx, error) {
	tx, err := s.Store.Begin(ctx)
	return refusingTx{tx, s.bad}, err
}

func (s refusing) Put(ctx context.Context, d *doc.Doc) (store.Result, int64, error) {
	if d.ID == s.bad {
		return 0, 0, &store.ValidationError{Name: d.ID, Err: errors.New("index row size exceeds the maximum")}
	}
	return s.Store.Put(ctx, d)
}

func (t refusingTx) PutPrepared(ctx context.Context, p *store.Prepared) ([]store.Result, error) {
	for _, d := range p.Docs() {
		if d.ID == t.bad {
			t.Tx.Rollback(ctx)
			return nil, fmt.Errorf("%w: disk I/O error", store.ErrTxFailed)
		}
	}
	return t.Tx.PutPrepared(ctx, p)
}

// TestWriterSalvage: when a document fails a transaction, the documents that the transaction held
// are stored again, one by one, and only the one the database refuses is lost and reported.
func TestWriterSalvage(t *testing.T) {
	s, err := store.OpenSQLite(filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st := &ingestStats{}
	w := &writer{s: refusing{s, "d5"}, st: st, prog: &progress{}}
	chunks := make(chan readyChunk, 10)
	var all []coded
	for i := range 8 {
		d := doc.New(doc.Article{ID: fmt.Sprintf("d%d", i), Text: fmt.Sprintf("Article number %d.", i)})
		all = append(all, coded{d, fmt.Sprintf("in.jsonl:%d", i+1)})
	}
	chunks <- prepareChunk(s, all[:3])
	chunks <- prepareChunk(s, all[3:6]) // d5 fails the transaction that holds d0 to d4
	chunks <- prepareChunk(s, all[6:])
	close(chunks)
	if err := w.run(context.Background(), chunks); err != nil {
		t.Fatalf("the writer stopped: %v", err)
	}
	got, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got.Documents != 7 || st.failed != 1 || st.results[store.Inserted] != 7 {
		t.Errorf("stored %d documents, counted %+v; want 7 inserted and 1 failed", got.Documents, *st)
	}
}

// TestWriterStopsWhenNothingCanBeStored: a database that refuses everything stops the ingest with
// its error instead of reporting every document as bad.
func TestWriterStopsWhenNothingCanBeStored(t *testing.T) {
	s, err := store.OpenSQLite(filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close() // every statement now fails
	w := &writer{s: s, st: &ingestStats{}, prog: &progress{}}
	chunks := make(chan readyChunk, 1)
	chunks <- prepareChunk(s, []coded{{doc.New(doc.Article{ID: "a", Text: "A."}), "in.jsonl:1"}})
	close(chunks)
	if err := w.run(context.Background(), chunks); err == nil {
		t.Error("the writer went on with a closed database")
	}
}

// TestIngestStopsWhenTheStoreFails: an ingest into a database that fails stops coding and reports
// the database's error, instead of coding all its input first.
func TestIngestStopsWhenTheStoreFails(t *testing.T) {
	s, err := store.OpenSQLite(filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	p, err := pipeline.Default(pipeline.Options{Stages: []string{"text"}})
	if err != nil {
		t.Fatal(err)
	}
	in := make(chan pipeline.Input)
	done := make(chan struct{})
	var sent atomic.Int64
	go func() {
		defer close(in)
		for i := range 100_000 {
			select {
			case in <- pipeline.Input{Article: doc.Article{ID: fmt.Sprint(i), Text: "A short article."}, Origin: fmt.Sprintf("in.jsonl:%d", i+1)}:
				sent.Add(1)
			case <-done: // the ingest returned
				return
			}
		}
	}()
	err = ingest(context.Background(), s, p, in, 1, -1)
	close(done)
	if err == nil {
		t.Fatal("an ingest into a closed database succeeded")
	}
	if n := sent.Load(); n >= 100_000 {
		t.Errorf("the ingest read all %d inputs before it stopped: %v", n, err)
	}
}

// TestSlowInputIsCommitted: documents that trickle in (a feed, a pipe) are committed after the
// chunk wait and the commit interval, while the input is still open, not when 64 or 500 have come.
func TestSlowInputIsCommitted(t *testing.T) {
	defer func(c, w time.Duration) { ingestCommitEvery, ingestChunkWait = c, w }(ingestCommitEvery, ingestChunkWait)
	ingestCommitEvery, ingestChunkWait = 100*time.Millisecond, 20*time.Millisecond
	db := filepath.Join(t.TempDir(), "slow.db")
	s, err := store.OpenSQLite(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, err := pipeline.Default(pipeline.Options{Stages: []string{"text"}})
	if err != nil {
		t.Fatal(err)
	}
	in := make(chan pipeline.Input)
	done := make(chan error, 1)
	go func() { done <- ingest(context.Background(), s, p, in, 1, -1) }()
	for i := range 3 {
		in <- pipeline.Input{Article: doc.Article{ID: fmt.Sprint(i), Text: fmt.Sprintf("Slow article %d.", i)}, Origin: fmt.Sprintf("feed:%d", i)}
	}
	reader, err := store.OpenSQLite(db)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	deadline := time.Now().Add(10 * time.Second)
	for {
		st, err := reader.Stats(context.Background())
		if err == nil && st.Documents == 3 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("3 documents sent and the input still open: %d committed after 10 s (%v)", st.Documents, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	close(in)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
