package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"dyad/doc"
)

// TestListsAndCounts checks Documents, Dyads, Actors, the cue text of quotes and week clusters,
// and that re-coding keeps the counts right.
func TestListsAndCounts(t *testing.T) {
	forEach(t, func(t *testing.T, s Store) {
		a := sampleDoc(t, "https://www.reuters.example/a", "2022-05-25")
		b := sampleDoc(t, "https://apnews.example/b", "2022-05-27") // same text, another outlet
		c := sampleDoc(t, "https://apnews.example/c", "2022-05-30") // the next ISO week
		c.Text += " Sanctions followed."
		if _, err := s.PutBatch(ctx, []*doc.Doc{a, b, c}); err != nil {
			t.Fatal(err)
		}
		var docs []*DocSummary
		if err := s.Documents(ctx, DocQuery{}, func(d *DocSummary) error { docs = append(docs, d); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(docs) != 3 || docs[0].URL != a.URL || docs[0].Outlet != "reuters.example" || docs[2].Published != "2022-05-30" {
			t.Fatalf("documents = %+v", docs)
		}
		if d := docs[1]; d.Events != 2 || d.Quotes != 1 || d.Entities != 7 || d.Timexes != 1 || d.Sentences != 5 || d.Hash != Hash(b.Text) {
			t.Errorf("summary of b = %+v; want 2 events, 1 quote, 7 entities, 1 timex, 5 sentences", d)
		}
		ids := func(q DocQuery) []int64 {
			var out []int64
			if err := s.Documents(ctx, q, func(d *DocSummary) error { out = append(out, d.ID); return nil }); err != nil {
				t.Fatal(err)
			}
			return out
		}
		if got := ids(DocQuery{Text: "sanctions"}); !slices.Equal(got, []int64{docs[2].ID}) {
			t.Errorf("documents with the word 'sanctions': %v, want [%d]", got, docs[2].ID)
		}
		if got := ids(DocQuery{From: "2022-05-26", To: "2022-05-29"}); !slices.Equal(got, []int64{docs[1].ID}) {
			t.Errorf("documents published 26-29 May: %v, want [%d]", got, docs[1].ID)
		}
		if got := ids(DocQuery{Limit: 1, After: docs[0].ID}); !slices.Equal(got, []int64{docs[1].ID}) {
			t.Errorf("one document after the first: %v, want [%d]", got, docs[1].ID)
		}

		dyads := func(q Query) string {
			out := ""
			if err := s.Dyads(ctx, q, func(d *DyadCount) error { out += fmt.Sprintf("%s-%s:%d ", d.Source, d.Target, d.Events); return nil }); err != nil {
				t.Fatal(err)
			}
			return out
		}
		if got := dyads(Query{}); got != "IGOWSTNAT-RUS:3 RUSGOV-USA:3 " {
			t.Errorf("dyads = %q", got)
		}
		if got := dyads(Query{Source: "USA", Target: "RUS", Either: true}); got != "RUSGOV-USA:3 " {
			t.Errorf("dyads USA-RUS either way = %q", got)
		}
		if got := dyads(Query{Source: "USA", Target: "RUS"}); got != "" {
			t.Errorf("dyads USA->RUS = %q, want none", got)
		}
		actors := func(q ActorQuery) string {
			out := ""
			if err := s.Actors(ctx, q, func(a *ActorCount) error {
				out += fmt.Sprintf("%s:%d/%d/%d/%d ", a.Code, a.AsSource, a.AsTarget, a.Events, a.Mentions)
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			return out
		}
		if got := actors(ActorQuery{}); got != "IGOWSTNAT:3/0/3/3 RUS:0/3/3/3 RUSGOV:3/0/3/3 USA:0/3/3/3 " {
			t.Errorf("actors = %q", got)
		}
		if got := actors(ActorQuery{Prefix: "RUS", Limit: 1, Offset: 1}); got != "RUSGOV:3/0/3/3 " {
			t.Errorf("second actor under RUS = %q", got)
		}

		var cues []string
		s.Quotes(ctx, QuoteQuery{}, func(q *QuoteRow) error { cues = append(cues, q.Cue.Text); return nil })
		if !slices.Equal(cues, []string{"told", "told", "told"}) {
			t.Errorf("quote cues = %q, want told x3", cues)
		}

		var cls []string
		s.Clusters(ctx, Query{Root: "11"}, func(c *Cluster) error {
			cls = append(cls, fmt.Sprintf("%s %d/%d", c.Key, c.Articles, c.Sources))
			return nil
		})
		if !slices.Equal(cls, []string{"2022-05-23|IGOWSTNAT|RUS|11 2/2", "2022-05-30|IGOWSTNAT|RUS|11 1/1"}) {
			t.Errorf("NATO clusters = %q; want the week of 23 May (2 articles) and of 30 May (1)", cls)
		}

		// Re-coding without the NATO event, then without events, takes them out of the counts.
		a.Events = a.Events[:1]
		if _, _, err := s.Put(ctx, a); err != nil {
			t.Fatal(err)
		}
		if got := dyads(Query{}); got != "RUSGOV-USA:3 IGOWSTNAT-RUS:2 " {
			t.Errorf("after re-coding, dyads = %q", got)
		}
		for _, d := range []*doc.Doc{a, b, c} {
			d.Events = nil
			if _, _, err := s.Put(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
		if got := dyads(Query{}) + actors(ActorQuery{}); got != "" {
			t.Errorf("without events, dyads and actors = %q, want none", got)
		}
	})
}

// TestMigrateV1 upgrades a store written with the first schema, on both engines: event actors get
// their event ids, the dyad and actor counts are built, clusters widen to weeks, quotes get their
// cue text, entities and timexes move into their documents.
func TestMigrateV1(t *testing.T) {
	c := context.Background()
	type target struct {
		name string
		pg   bool
		db   func() *sql.DB
		open func() Store
	}
	path := filepath.Join(t.TempDir(), "v1.db")
	targets := []target{{"sqlite", false,
		func() *sql.DB { db, _ := sql.Open("sqlite", "file:"+path); return db },
		func() Store {
			st, err := OpenSQLite(path)
			if err != nil {
				t.Fatal(err)
			}
			return st
		}}}
	if u := os.Getenv("DYAD_TEST_POSTGRES"); u != "" {
		pu := pgSchemaURL(t, u)
		targets = append(targets, target{"postgres", true,
			func() *sql.DB { db, _ := sql.Open("pgx", pu); return db },
			func() Store {
				st, err := OpenPostgres(c, pu)
				if err != nil {
					t.Fatal(err)
				}
				return st
			}})
	}
	for _, tg := range targets {
		t.Run(tg.name, func(t *testing.T) { migrateV1Case(t, tg.pg, tg.db(), tg.open) })
	}
}

func migrateV1Case(t *testing.T, pg bool, db *sql.DB, open func() Store) {
	c := context.Background()
	tx, err := db.BeginTx(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := migrateV1(c, tx, pg); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`CREATE TABLE schema_version (version INTEGER NOT NULL)`, `INSERT INTO schema_version VALUES (1)`,
		`INSERT INTO documents (id, hash, text, digest, added) VALUES (1, 'h', 'Ruritania told Freedonia: "go".', 'd', 'now')`,
		`INSERT INTO events (id, doc_id, idx, sent_start, sent_end, trig_start, trig_end, cameo, root, negated, day, src_code, tgt_code, cluster, is_root)
			VALUES (7, 1, 0, 0, 31, 10, 14, '111', '11', FALSE, '2022-05-27', 'RURGOV', 'FRE', '2022-05-27|RURGOV|FRE|11', TRUE)`,
		`INSERT INTO event_actors (doc_id, event_idx, role, idx, code) VALUES (1, 0, 'S', 0, 'RURGOV'), (1, 0, 'T', 0, 'FRE')`,
		`INSERT INTO clusters VALUES ('2022-05-27|RURGOV|FRE|11', '2022-05-27', 'RURGOV', 'FRE', '11', 1, 1, 0)`,
		`INSERT INTO quotes (doc_id, idx, span_start, span_end, cue_start, cue_end, has_actor) VALUES (1, 0, 26, 28, 10, 14, FALSE)`,
		`INSERT INTO entities (doc_id, idx, span_start, span_end, type, rule, ref, has_actor, a_name, a_code, a_start, a_end)
			VALUES (1, 1, 15, 24, 'GPE', 'r2', 0, FALSE, '', '', 0, 0), (1, 0, 0, 9, 'GPE', 'r1', -1, TRUE, 'Ruritania', 'RUR', 0, 9)`,
		`INSERT INTO timexes (doc_id, idx, span_start, span_end, type, value, rule) VALUES (1, 0, 0, 9, 'DATE', '2022', 't1')`,
	} {
		if _, err := tx.ExecContext(c, q); err != nil {
			t.Fatalf("%v in %s", err, q)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	db.Close()
	st := open()
	defer st.Close()
	var got []string
	err = st.Events(ctx, Query{Actor: "FRE"}, func(e *EventRow) error {
		got = append(got, fmt.Sprintf("%d %s %d", e.ID, e.Cluster.Key, e.Cluster.Articles))
		return nil
	})
	if err != nil || !slices.Equal(got, []string{"7 2022-05-23|RURGOV|FRE|11 1"}) {
		t.Errorf("after migrating, events of FRE = %q, %v; want event 7 in the cluster of the week of 23 May", got, err)
	}
	var dy []string
	st.Dyads(ctx, Query{}, func(d *DyadCount) error { dy = append(dy, fmt.Sprint(d.Source, d.Target, d.Events)); return nil })
	if !slices.Equal(dy, []string{"RURGOVFRE1"}) {
		t.Errorf("after migrating, dyads = %q", dy)
	}
	d, err := st.Get(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Entities) != 2 || d.Entities[0].Text != "Ruritania" || d.Entities[0].Actor == nil || d.Entities[0].Actor.Code != "RUR" ||
		d.Entities[1].Text != "Freedonia" || d.Entities[1].Actor != nil || d.Entities[1].Ref != 0 {
		t.Errorf("after migrating, entities = %+v", d.Entities)
	}
	if len(d.Timexes) != 1 || d.Timexes[0].Value != "2022" || d.Timexes[0].Rule != "t1" {
		t.Errorf("after migrating, timexes = %+v", d.Timexes)
	}
	if sts, _ := st.Stats(ctx); sts.Entities != 2 || sts.Timexes != 1 {
		t.Errorf("after migrating, stats = %+v; want 2 entities, 1 timex", sts)
	}
	var cue string
	st.Quotes(ctx, QuoteQuery{}, func(q *QuoteRow) error { cue = q.Cue.Text; return nil })
	if cue != "told" {
		t.Errorf("after migrating, the quote's cue is %q, want told", cue)
	}
}
