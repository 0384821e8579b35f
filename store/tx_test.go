package store

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"dyad/doc"
)

// storeState is what queries see of a store, without ids (which depend on the order of writes).
type storeState struct {
	stats                  Stats
	timeline               []Bucket
	clusters, dyads, texts []string
}

func stateOf(t *testing.T, s Store) storeState {
	t.Helper()
	var st storeState
	var err error
	if st.stats, err = s.Stats(ctx); err != nil {
		t.Fatal(err)
	}
	if st.timeline, err = s.Timeline(ctx, Query{Source: "RUS", Target: "USA", Either: true}, Day); err != nil {
		t.Fatal(err)
	}
	s.Clusters(ctx, Query{}, func(c *Cluster) error { st.clusters = append(st.clusters, fmt.Sprintf("%+v", *c)); return nil })
	s.Dyads(ctx, Query{}, func(d *DyadCount) error { st.dyads = append(st.dyads, fmt.Sprintf("%+v", *d)); return nil })
	for _, w := range []string{"exercises", "rehearsal", "answers", "replies"} {
		var docs, quotes int
		s.Documents(ctx, DocQuery{Text: w}, func(*DocSummary) error { docs++; return nil })
		s.Quotes(ctx, QuoteQuery{Text: w}, func(*QuoteRow) error { quotes++; return nil })
		st.texts = append(st.texts, fmt.Sprintf("%s: %d documents, %d quotes", w, docs, quotes))
	}
	slices.Sort(st.clusters)
	slices.Sort(st.dyads)
	return st
}

// recoded is sampleDoc coded differently, as after a dictionary change: the same text, with its
// second event only.
func recoded(t *testing.T, url, published string) *doc.Doc {
	d := sampleDoc(t, url, published)
	d.Events = d.Events[1:]
	d.Quotes[0].Events = nil
	return d
}

// TestTxBatches stores documents in a transaction of several batches, as an ingest does: a batch
// with a bad document is refused whole and the transaction goes on, a document of an earlier batch
// is replaced by a later one, and what is committed reads exactly as the same documents put in one
// batch; a rolled-back transaction leaves nothing.
func TestTxBatches(t *testing.T) {
	for _, e := range engines(t) {
		t.Run(e.name, func(t *testing.T) {
			var docs []*doc.Doc
			for i := range 5 {
				docs = append(docs, sampleDoc(t, fmt.Sprintf("https://example.org/%d", i), fmt.Sprintf("2022-05-%02d", 20+i)))
			}
			again := recoded(t, "https://example.org/0", "2022-05-20")
			bad := sampleDoc(t, "https://example.org/bad", "2022-05-27")
			bad.Title = "broken \xff title"

			s := e.open(t)
			tx, err := s.Begin(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if res, err := tx.PutBatch(ctx, docs[:2]); err != nil || !slices.Equal(res, []Result{Inserted, Inserted}) {
				t.Fatalf("first batch: %v, %v", res, err)
			}
			_, err = tx.PutBatch(ctx, []*doc.Doc{docs[2], bad})
			if err == nil || errors.Is(err, ErrTxFailed) {
				t.Fatalf("a batch with invalid UTF-8 gave %v, want a validation error that leaves the transaction usable", err)
			}
			if res, err := tx.PutBatch(ctx, docs[2:]); err != nil || !slices.Equal(res, []Result{Inserted, Inserted, Inserted}) {
				t.Fatalf("third batch: %v, %v", res, err)
			}
			if res, err := tx.PutBatch(ctx, []*doc.Doc{again}); err != nil || !slices.Equal(res, []Result{Replaced}) {
				t.Fatalf("re-coded document of the first batch: %v, %v", res, err)
			}
			if err := tx.Commit(ctx); err != nil {
				t.Fatal(err)
			}
			if _, err := tx.PutBatch(ctx, docs[:1]); err == nil {
				t.Error("PutBatch after Commit did not fail")
			}

			ref := e.open(t)
			if _, err := ref.PutBatch(ctx, append([]*doc.Doc{again}, docs[1:]...)); err != nil {
				t.Fatal(err)
			}
			got, want := stateOf(t, s), stateOf(t, ref)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("a transaction of batches reads\n%+v\nthe same documents in one batch read\n%+v", got, want)
			}
			if got.stats.Documents != 5 || got.stats.Events != 9 {
				t.Errorf("stats %+v, want 5 documents and 9 events", got.stats)
			}

			tx, err = s.Begin(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := tx.PutBatch(ctx, []*doc.Doc{sampleDoc(t, "https://example.org/late", "2022-06-01")}); err != nil {
				t.Fatal(err)
			}
			tx.Rollback(ctx)
			if after := stateOf(t, s); fmt.Sprint(after) != fmt.Sprint(got) {
				t.Errorf("a rolled-back transaction changed the store:\n%+v\nwas\n%+v", after, got)
			}
		})
	}
}
