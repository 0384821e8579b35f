package store

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"dyad/doc"
)

var ctx = context.Background()

func firstDocID(t *testing.T, s Store) int64 {
	t.Helper()
	var id int64
	errStop := errors.New("stop")
	err := s.Docs(ctx, func(i int64, _ *doc.Doc) error { id = i; return errStop })
	if err != nil && !errors.Is(err, errStop) {
		t.Fatalf("Docs failed: %v", err)
	}
	if id == 0 {
		t.Fatal("the store has no documents")
	}
	return id
}

func encode(t *testing.T, d *doc.Doc) string {
	t.Helper()
	b, err := doc.Encode(d)
	if err != nil {
		t.Fatalf("Encode failed: %v", err)
	}
	return string(b)
}

func TestPutGetRoundTrip(t *testing.T) {
	forEach(t, func(t *testing.T, s Store) {
		d := sampleDoc(t, "https://example.org/a", "2022-05-25")
		r, id, err := s.Put(ctx, d)
		if err != nil || r != Inserted {
			t.Fatalf("Put = %v, %v; want inserted", r, err)
		}
		if id != firstDocID(t, s) {
			t.Errorf("Put returned id %d, the store holds %d", id, firstDocID(t, s))
		}
		got, err := s.Get(ctx, id)
		if err != nil {
			t.Fatalf("Get failed: %v", err)
		}
		if want, have := encode(t, d), encode(t, got); want != have {
			t.Errorf("the stored document differs from the one put:\nwant %s\nhave %s", want, have)
		}
		if got.Entities[3].Ref != 1 {
			t.Errorf("entity Ref = %d, want 1 (coreference link lost)", got.Entities[3].Ref)
		}
		if _, err := s.Get(ctx, 999999); !errors.Is(err, ErrNotFound) {
			t.Errorf("Get of an unknown id returned %v, want ErrNotFound", err)
		}
	})
}

func TestIdempotentAndReplace(t *testing.T) {
	forEach(t, func(t *testing.T, s Store) {
		d := sampleDoc(t, "https://example.org/a", "2022-05-25")
		res, err := s.PutBatch(ctx, []*doc.Doc{d, d})
		if err != nil {
			t.Fatal(err)
		}
		if res[0] != Inserted || res[1] != Unchanged {
			t.Fatalf("a batch with the same document twice gave %v, want [inserted unchanged]", res)
		}
		first := firstDocID(t, s)
		if r, id, _ := s.Put(ctx, sampleDoc(t, "https://example.org/a", "2022-05-25")); r != Unchanged || id != first {
			t.Fatalf("putting an identical document again gave %v id %d, want unchanged id %d", r, id, first)
		}
		// The same text and URL under another id and date is a duplicate: the first is kept.
		dup := sampleDoc(t, "https://example.org/a", "2022-05-26")
		if r, id, err := s.Put(ctx, dup); err != nil || r != Duplicate || id != first {
			t.Fatalf("putting another record with the same text and URL gave %v, %v; want duplicate", r, err)
		}
		st, _ := s.Stats(ctx)
		if st.Documents != 1 || st.Events != 2 || st.Quotes != 1 || st.Entities != 7 || st.Sentences != 5 || st.Timexes != 1 {
			t.Fatalf("after three puts of one document, stats are %+v", st)
		}
		if ok, _ := s.Has(ctx, Hash(d.Text)); !ok {
			t.Error("Has does not find the stored text")
		}
		if ok, _ := s.Has(ctx, Hash("other")); ok {
			t.Error("Has finds a text that was never stored")
		}
		// Re-code: the second event becomes a threat, the first is dropped.
		d2 := sampleDoc(t, "https://example.org/a", "2022-05-25")
		d2.Events = d2.Events[1:]
		d2.Events[0].Cameo, d2.Events[0].Plover, d2.Events[0].QuadClass, d2.Events[0].Goldstein = "130", "THREATEN", 3, -4.4
		d2.Quotes[0].Events = nil
		if r, id, err := s.Put(ctx, d2); err != nil || r != Replaced || id != first {
			t.Fatalf("putting a re-coded document gave %v, %v; want replaced", r, err)
		}
		st, _ = s.Stats(ctx)
		if st.Documents != 1 || st.Events != 1 || st.Quotes != 1 || st.Clusters != 1 {
			t.Fatalf("after replacing, stats are %+v; want 1 document, 1 event, 1 quote, 1 cluster", st)
		}
		got, _ := s.Get(ctx, firstDocID(t, s))
		if encode(t, got) != encode(t, d2) {
			t.Errorf("the replaced document differs from the re-coded one")
		}
		tl, err := s.Timeline(ctx, Query{}, Day)
		if err != nil {
			t.Fatal(err)
		}
		if len(tl) != 1 || tl[0].Events != 1 || tl[0].Quad[3] != 1 || tl[0].Goldstein != -4.4 {
			t.Errorf("after replacing, the timeline is %+v; want one event of quad 3 with Goldstein -4.4", tl)
		}
		tl, _ = s.Timeline(ctx, Query{Source: "IGO"}, Month)
		if len(tl) != 1 || tl[0].Events != 1 || tl[0].Quad[3] != 1 {
			t.Errorf("after replacing, the monthly timeline is %+v; want one event of quad 3", tl)
		}
		tl, _ = s.Timeline(ctx, Query{Source: "RUS"}, Month)
		if len(tl) != 0 {
			t.Errorf("after replacing, the monthly timeline of the removed RUS event is %+v; want none", tl)
		}
		n := 0
		s.Quotes(ctx, QuoteQuery{Text: "answers"}, func(*QuoteRow) error { n++; return nil })
		if n != 1 {
			t.Errorf("after replacing, a quote text search finds %d quotes, want 1", n)
		}
	})
}

func TestClustersCountArticlesAndSources(t *testing.T) {
	forEach(t, func(t *testing.T, s Store) {
		a := sampleDoc(t, "https://www.reuters.example/a", "2022-05-25")
		b := sampleDoc(t, "https://apnews.example/b", "2022-05-25") // same text, another outlet
		c := sampleDoc(t, "https://apnews.example/c", "2022-05-25")
		c.Text += " More."
		if _, err := s.PutBatch(ctx, []*doc.Doc{a, b, c}); err != nil {
			t.Fatal(err)
		}
		var rows []*EventRow
		err := s.Events(ctx, Query{Source: "RUS", Target: "USA"}, func(r *EventRow) error { rows = append(rows, r); return nil })
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 3 {
			t.Fatalf("found %d RUS->USA events, want 3", len(rows))
		}
		cl := rows[0].Cluster
		if cl.Articles != 3 || cl.Sources != 2 || cl.Events != 3 || cl.Key != "2022-05-23|RUSGOV|USA|02" {
			t.Errorf("cluster = %+v; want 3 articles from 2 sources, key 2022-05-23|RUSGOV|USA|02 (the Monday of 2022-05-24)", cl)
		}
		if rows[0].Outlet != "reuters.example" || !rows[0].IsRoot {
			t.Errorf("event row outlet %q root %v; want reuters.example, true", rows[0].Outlet, rows[0].IsRoot)
		}
		var cls []*Cluster
		s.Clusters(ctx, Query{Root: "11"}, func(c *Cluster) error { cls = append(cls, c); return nil })
		if len(cls) != 1 || cls[0].Articles != 3 || cls[0].Source != "IGOWSTNAT" {
			t.Errorf("clusters with root 11 = %+v; want one NATO cluster of 3 articles", cls)
		}
	})
}

func TestQueries(t *testing.T) {
	forEach(t, func(t *testing.T, s Store) {
		var ds []*doc.Doc
		for i, day := range []string{"2022-05-25", "2022-05-31", "2022-06-15", "2023-01-02"} {
			d := sampleDoc(t, "https://example.org/"+day, day)
			d.Text += strings.Repeat(" filler", i)
			ds = append(ds, d)
		}
		ds[3].Text += " Sanctions on wheat."
		if _, err := s.PutBatch(ctx, ds); err != nil {
			t.Fatal(err)
		}
		count := func(q Query) int {
			n := 0
			if err := s.Events(ctx, q, func(*EventRow) error { n++; return nil }); err != nil {
				t.Fatalf("Events(%+v) failed: %v", q, err)
			}
			return n
		}
		for _, c := range []struct {
			name string
			q    Query
			want int
		}{
			{"all", Query{}, 8},
			{"actor RUS on either side", Query{Actor: "RUS"}, 8},
			{"actor IGO", Query{Actor: "IGO"}, 4},
			{"actor USAGOV matches nothing", Query{Actor: "USAGOV"}, 0},
			{"dyad RUS->USA", Query{Source: "RUS", Target: "USA"}, 4},
			{"dyad USA->RUS", Query{Source: "USA", Target: "RUS"}, 0},
			{"dyad USA-RUS either way", Query{Source: "USA", Target: "RUS", Either: true}, 4},
			{"source only", Query{Source: "IGOWST"}, 4},
			{"plover", Query{Plover: "accuse"}, 4},
			{"cameo root from a full code", Query{Root: "0201"}, 4},
			{"quad 3", Query{Quad: 3}, 4},
			{"from", Query{From: "2022-06-01"}, 2},
			{"from and to", Query{From: "2022-05-24", To: "2022-05-31"}, 6},
			{"text", Query{Text: "wheat sanctions"}, 2},
			{"text stemmed", Query{Text: "exercise"}, 8},
			{"text with operators", Query{Text: `NOT "AND" OR*`}, 0},
			{"text and dyad", Query{Text: "wheat", Source: "RUS"}, 1},
			{"limit", Query{Limit: 3}, 3},
			{"offset", Query{Offset: 6}, 2},
		} {
			if got := count(c.q); got != c.want {
				t.Errorf("%s: %d events, want %d", c.name, got, c.want)
			}
		}
		// Keyset pagination walks all events once.
		var seen []int64
		after := int64(0)
		for {
			var page []int64
			s.Events(ctx, Query{Limit: 3, After: after}, func(r *EventRow) error { page = append(page, r.ID); return nil })
			seen = append(seen, page...)
			if len(page) < 3 {
				break
			}
			after = page[len(page)-1]
		}
		if len(seen) != 8 {
			t.Errorf("keyset pagination saw %d events, want 8", len(seen))
		}
		var ev *EventRow
		s.Events(ctx, Query{Source: "RUS", Limit: 1}, func(r *EventRow) error { ev = r; return nil })
		if ev == nil || len(ev.Source) != 1 || ev.Source[0].Code != "RUSGOV" || ev.Target[0].Code != "USA" ||
			ev.Trigger.Text != "asked" || !strings.HasPrefix(ev.SentenceText, "The Russian foreign minister") {
			t.Errorf("event row = %+v; want RUSGOV asked USA with its sentence", ev)
		}
		quotes := func(q QuoteQuery) int {
			n := 0
			if err := s.Quotes(ctx, q, func(*QuoteRow) error { n++; return nil }); err != nil {
				t.Fatalf("Quotes(%+v) failed: %v", q, err)
			}
			return n
		}
		for _, c := range []struct {
			q    QuoteQuery
			want int
		}{
			{QuoteQuery{}, 4}, {QuoteQuery{Speaker: "RUS"}, 4}, {QuoteQuery{Speaker: "lavrov"}, 4},
			{QuoteQuery{Speaker: "USA"}, 0}, {QuoteQuery{Text: "clear answers"}, 4}, {QuoteQuery{Text: "wheat"}, 0},
			{QuoteQuery{From: "2022-06-01"}, 2}, {QuoteQuery{Limit: 1, Offset: 1}, 1},
		} {
			if got := quotes(c.q); got != c.want {
				t.Errorf("quotes %+v: %d, want %d", c.q, got, c.want)
			}
		}
	})
}

func TestTimeline(t *testing.T) {
	forEach(t, func(t *testing.T, s Store) {
		var ds []*doc.Doc
		for _, day := range []string{"2022-05-23", "2022-05-29", "2022-05-30", "2022-06-02"} {
			d := sampleDoc(t, "https://example.org/"+day, day)
			d.Events[0].Date = day // the request happens on the publication day
			ds = append(ds, d)
		}
		if _, err := s.PutBatch(ctx, ds); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			q     Query
			by    Interval
			want  []string // start:events
			quad1 []int
		}{
			{Query{Source: "RUS", Target: "USA"}, Day, []string{"2022-05-23:1", "2022-05-29:1", "2022-05-30:1", "2022-06-02:1"}, nil},
			{Query{Source: "RUS", Target: "USA"}, Week, []string{"2022-05-23:2", "2022-05-30:2"}, nil},
			{Query{Source: "USA", Target: "RUS", Either: true}, Month, []string{"2022-05-01:3", "2022-06-01:1"}, nil},
			{Query{}, Month, []string{"2022-05-01:6", "2022-06-01:2"}, []int{3, 1}},
			{Query{Source: "RUS", Target: "USA", From: "2022-05-29"}, Month, []string{"2022-05-01:2", "2022-06-01:1"}, nil},
			{Query{Source: "RUS", Target: "USA", From: "2022-05-01", To: "2022-05-31"}, Month, []string{"2022-05-01:3"}, nil},
			{Query{Actor: "RUS", From: "2022-05-29"}, Week, []string{"2022-05-23:2", "2022-05-30:4"}, []int{1, 2}},
			{Query{Root: "11"}, Month, []string{"2022-05-01:3", "2022-06-01:1"}, []int{0, 0}},
		} {
			tl, err := s.Timeline(ctx, c.q, c.by)
			if err != nil {
				t.Fatalf("Timeline(%+v, %s) failed: %v", c.q, c.by, err)
			}
			var got []string
			for i, b := range tl {
				got = append(got, b.Start+":"+strconv.Itoa(b.Events))
				if c.quad1 != nil && b.Quad[1] != c.quad1[i] {
					t.Errorf("Timeline(%+v, %s) bucket %s has %d quad-1 events, want %d", c.q, c.by, b.Start, b.Quad[1], c.quad1[i])
				}
			}
			if strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("Timeline(%+v, %s) = %v, want %v", c.q, c.by, got, c.want)
			}
		}
		tl, _ := s.Timeline(ctx, Query{}, Month)
		if math.Abs(tl[0].Goldstein-0.5) > 1e-9 { // three requests (+3) and three criticisms (-2)
			t.Errorf("mean Goldstein in May = %v, want 0.5", tl[0].Goldstein)
		}
		if _, err := s.Timeline(ctx, Query{}, "year"); err == nil {
			t.Error("Timeline accepted the interval \"year\"")
		}
	})
}

func TestMalformedDocuments(t *testing.T) {
	forEach(t, func(t *testing.T, s Store) {
		good := sampleDoc(t, "", "2022-05-25")
		for _, c := range []struct {
			name string
			mod  func(d *doc.Doc)
			want string
		}{
			{"invalid UTF-8 text", func(d *doc.Doc) { d.Text = "bad \xff\xfe text" }, "not valid UTF-8"},
			{"NUL in text", func(d *doc.Doc) { d.Text += "\x00" }, "NUL"},
			{"invalid UTF-8 title", func(d *doc.Doc) { d.Title = "\xc3" }, "title is not valid UTF-8"},
			{"sentence past the end", func(d *doc.Doc) { d.Sentences[0].End = len(d.Text) + 1 }, "sentences[0]"},
			{"backwards entity", func(d *doc.Doc) { d.Entities[0].Start = 5; d.Entities[0].End = 2 }, "entities[0]"},
			{"actor mention outside", func(d *doc.Doc) { d.Events[0].Source[0].End = 1 << 20 }, "events[0].source[0]"},
			{"nil", nil, "nil document"},
		} {
			var d *doc.Doc
			if c.mod != nil {
				d = sampleDoc(t, "https://bad.example/"+c.name, "2022-05-25")
				c.mod(d)
			}
			_, err := s.PutBatch(ctx, []*doc.Doc{good, d})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%s: PutBatch returned %v, want an error about %q", c.name, err, c.want)
			}
		}
		st, _ := s.Stats(ctx)
		if st.Documents != 0 {
			t.Errorf("after rejected batches the store holds %d documents, want 0", st.Documents)
		}
	})
}

func TestLargeDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB document skipped in -short mode")
	}
	forEach(t, func(t *testing.T, s Store) {
		var b strings.Builder
		b.WriteString("Headline about ministers\n\nThe ministers met. ")
		for b.Len() < 50<<20 {
			b.WriteString("Delegates discussed grain corridors and ceasefire monitoring again today. ")
		}
		b.WriteString("Finally the zeppelin arrived.")
		d := doc.New(doc.Article{Text: b.String(), Published: "2022-05-25"})
		d.Sentences = doc.Spans{{Start: 0, End: 24}, {Start: 26, End: len(d.Text)}}
		d.Events = []doc.Event{{Sentence: d.Sentences[1], Trigger: doc.Mention{Span: doc.Span{Start: 40, End: 43}},
			Cameo: "040", Plover: "CONSULT", QuadClass: 1, Goldstein: 1, Date: "2022-05-25"}}
		if _, _, err := s.Put(ctx, d); err != nil {
			t.Fatalf("Put of a 50 MB document failed: %v", err)
		}
		got, err := s.Get(ctx, firstDocID(t, s))
		if err != nil {
			t.Fatal(err)
		}
		if got.Text != d.Text {
			t.Errorf("the 50 MB text came back with %d bytes, want %d", len(got.Text), len(d.Text))
		}
		word := "zeppelin" // at the very end; PostgreSQL indexes only the first 256 Ki characters
		if s.(*sqlStore).pg {
			word = "ministers"
		}
		n := 0
		s.Events(ctx, Query{Text: word}, func(*EventRow) error { n++; return nil })
		if n != 1 {
			t.Errorf("full-text search for %q finds %d events, want 1", word, n)
		}
	})
}

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	s, err := Open(ctx, "")
	if err != nil {
		t.Fatalf("Open(\"\") failed: %v", err)
	}
	s.Close()
	if _, err := filepath.Glob(filepath.Join(dir, DefaultPath)); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, "sqlite://"+filepath.Join(dir, "other.db"))
	if err != nil {
		t.Fatalf("Open(sqlite://...) failed: %v", err)
	}
	if _, _, err := s.Put(ctx, sampleDoc(t, "", "2022-05-25")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Reopening runs no migration twice and keeps the data.
	s, err = Open(ctx, filepath.Join(dir, "other.db"))
	if err != nil {
		t.Fatalf("reopening failed: %v", err)
	}
	st, _ := s.Stats(ctx)
	s.Close()
	if st.Documents != 1 {
		t.Errorf("after reopening, %d documents, want 1", st.Documents)
	}
	if _, err := Open(ctx, "mysql://localhost/x"); err == nil {
		t.Error("Open accepted a mysql:// DSN")
	}
}

func TestRebind(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"SELECT ?", "SELECT $1"}, {"a = ? AND b IN (?, ?)", "a = $1 AND b IN ($2, $3)"}, {"none", "none"},
	} {
		if got := rebind(c.in, true); got != c.want {
			t.Errorf("rebind(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := rebind(c.in, false); got != c.in {
			t.Errorf("rebind for SQLite changed %q to %q", c.in, got)
		}
	}
}

// FuzzFTSQuery checks that no user text makes the SQLite full-text query fail.
func FuzzFTSQuery(f *testing.F) {
	for _, s := range []string{"wheat", `"unbalanced`, "NOT AND OR", "a*", "col:x", "(x", "NEAR(a b)", "ü ß", "^x"} {
		f.Add(s)
	}
	st, err := OpenSQLite(filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer st.Close()
	if _, _, err := st.Put(ctx, sampleDoc(f, "", "2022-05-25")); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if err := st.Events(ctx, Query{Text: s, Limit: 1}, func(*EventRow) error { return nil }); err != nil {
			t.Errorf("Events with text %q failed: %v", s, err)
		}
		if err := st.Quotes(ctx, QuoteQuery{Text: s, Speaker: s, Limit: 1}, func(*QuoteRow) error { return nil }); err != nil {
			t.Errorf("Quotes with text %q failed: %v", s, err)
		}
	})
}

// TestConcurrentWriters puts overlapping batches from several goroutines: each document must be
// stored once and the aggregates must agree with the events.
func TestConcurrentWriters(t *testing.T) {
	forEach(t, func(t *testing.T, s Store) {
		r := rand.New(rand.NewPCG(5, 6))
		ds := make([]*doc.Doc, 200)
		for i := range ds {
			ds[i] = synthDoc(r, i, 3, synthCodes)
		}
		var wg sync.WaitGroup
		errs := make(chan error, 4)
		for w := 0; w < 4; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < len(ds); i += 25 {
					if _, err := s.PutBatch(ctx, ds[i:i+25]); err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Errorf("a concurrent PutBatch failed: %v", err)
		}
		st, _ := s.Stats(ctx)
		if st.Documents != 200 || st.Events != 600 {
			t.Errorf("after four writers, %d documents and %d events; want 200 and 600", st.Documents, st.Events)
		}
		tl, _ := s.Timeline(ctx, Query{}, Month)
		n := 0
		for _, b := range tl {
			n += b.Events
		}
		if n != 600 {
			t.Errorf("the monthly timeline counts %d events, want 600", n)
		}
	})
}
