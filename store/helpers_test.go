package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"dyad/doc"
)

// engine is a store under test with the name of its engine.
type engine struct {
	name string
	open func(t testing.TB) Store
}

// engines returns SQLite always and PostgreSQL when DYAD_TEST_POSTGRES holds a database URL. Each
// PostgreSQL store lives in a schema of its own that is dropped after the test.
func engines(t testing.TB) []engine {
	es := []engine{{"sqlite", func(t testing.TB) Store {
		s, err := OpenSQLite(filepath.Join(t.TempDir(), "test.db"))
		if err != nil {
			t.Fatalf("OpenSQLite failed: %v", err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}}}
	if u := os.Getenv("DYAD_TEST_POSTGRES"); u != "" {
		es = append(es, engine{"postgres", func(t testing.TB) Store { return openPGSchema(t, u) }})
	}
	return es
}

var schemaSeq = rand.IntN(1 << 30)

// pgSchemaURL creates a schema of its own for a test and returns base with that search_path.
func pgSchemaURL(t testing.TB, base string) string {
	ctx := context.Background()
	schemaSeq++
	schema := fmt.Sprintf("dyad_test_%d_%d", os.Getpid(), schemaSeq)
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("cannot connect to DYAD_TEST_POSTGRES: %v", err)
	}
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("cannot create schema: %v", err)
	}
	t.Cleanup(func() {
		conn.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		conn.Close(context.Background())
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func openPGSchema(t testing.TB, base string) Store {
	s, err := OpenPostgres(context.Background(), pgSchemaURL(t, base))
	if err != nil {
		t.Fatalf("OpenPostgres failed: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// forEach runs f as a subtest on every engine.
func forEach(t *testing.T, f func(t *testing.T, s Store)) {
	for _, e := range engines(t) {
		t.Run(e.name, func(t *testing.T) { f(t, e.open(t)) })
	}
}

// span returns the byte span of the n-th (0-based) occurrence of sub in text.
func span(t testing.TB, text, sub string, n int) doc.Span {
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(text[off:], sub)
		if j < 0 {
			t.Fatalf("%q does not occur %d times in the text", sub, n+1)
		}
		if i == n {
			return doc.Span{Start: off + j, End: off + j + len(sub)}
		}
		off += j + len(sub)
	}
}

func actor(name, country, sector string, m doc.Span) doc.Actor {
	return doc.Actor{Name: name, Country: country, Sector: sector, Code: country + sector, Rule: "test.txt:1",
		Start: m.Start, End: m.End}
}

// sampleDoc builds a small coded article by hand: a request from Russia to the United States, a
// criticism of Russia by NATO, a quote and a timex. The published date and the URL vary with the
// arguments so that tests can make distinct articles about the same events.
func sampleDoc(t testing.TB, url, published string) *doc.Doc {
	text := "Moscow asks Washington to explain\n\nThe Russian foreign minister asked the United States on Tuesday " +
		"to explain its plans. \"We expect clear answers,\" Lavrov told reporters. NATO criticised Russia " +
		"over the exercises. Zürich talks were not mentioned."
	d := doc.New(doc.Article{ID: "sample-" + published, Published: published, Title: "Moscow asks Washington to explain",
		URL: url, Source: "", Language: "en", Text: text})
	s1 := doc.Span{Start: 0, End: span(t, text, "explain", 0).End}
	s2 := doc.Span{Start: span(t, text, "The Russian", 0).Start, End: span(t, text, "plans.", 0).End}
	s3 := doc.Span{Start: span(t, text, "\"We", 0).Start, End: span(t, text, "reporters.", 0).End}
	s4 := doc.Span{Start: span(t, text, "NATO", 0).Start, End: span(t, text, "exercises.", 0).End}
	s5 := doc.Span{Start: span(t, text, "Zürich", 0).Start, End: len(text)}
	d.Sentences = doc.Spans{s1, s2, s3, s4, s5}
	d.Paragraphs = doc.Spans{s1, {Start: s2.Start, End: len(text)}}
	rus := actor("Sergey Lavrov", "RUS", "GOV", span(t, text, "Russian foreign minister", 0))
	usa := actor("United States", "USA", "", span(t, text, "United States", 0))
	nato := doc.Actor{Name: "NATO", Code: "IGOWSTNAT", Rule: "igos.txt:3", Start: span(t, text, "NATO", 0).Start, End: span(t, text, "NATO", 0).End}
	russia := actor("Russia", "RUS", "", span(t, text, "Russia ", 0))
	russia.End--
	d.Entities = []doc.Entity{
		{Span: span(t, text, "Moscow", 0), Type: "GPE", Actor: &doc.Actor{Name: "Russia", Country: "RUS", Sector: "GOV", Code: "RUSGOV"}, Rule: "capitals.txt:1", Ref: -1},
		{Span: rus.Mention(), Type: "PERSON", Actor: &rus, Ref: -1},
		{Span: usa.Mention(), Type: "GPE", Actor: &usa, Ref: -1},
		{Span: span(t, text, "Lavrov", 0), Type: "PERSON", Actor: &rus, Ref: 1},
		{Span: nato.Mention(), Type: "ORG", Actor: &nato, Ref: -1},
		{Span: russia.Mention(), Type: "GPE", Actor: &russia, Ref: -1},
		{Span: span(t, text, "Zürich", 0), Type: "GPE", Ref: -1},
	}
	d.Timexes = []doc.Timex{{Span: span(t, text, "on Tuesday", 0), Type: "DATE", Value: "2022-05-24", Rule: "weekday"}}
	cue := span(t, text, "told", 0)
	d.Quotes = []doc.Quote{{Span: span(t, text, "We expect clear answers,", 0), Kind: doc.Direct,
		Cue: &doc.Mention{Span: cue}, Speaker: &doc.Speaker{Span: span(t, text, "Lavrov", 0), Text: "Lavrov", Actor: &rus},
		Events: []int{0}, Rule: "q-direct-1"}}
	d.Events = []doc.Event{
		{Sentence: s2, Trigger: doc.Mention{Span: span(t, text, "asked", 0)}, Plover: "REQUEST", Cameo: "020",
			Goldstein: 3.0, QuadClass: 1, Source: []doc.Actor{rus}, Target: []doc.Actor{usa},
			Date: "2022-05-24", DateBasis: "timex", Modality: doc.Asserted, Rule: "verbs.txt:12"},
		{Sentence: s4, Trigger: doc.Mention{Span: span(t, text, "criticised", 0)}, Plover: "ACCUSE", Mode: "criticize",
			Cameo: "111", Goldstein: -2.0, QuadClass: 3, Source: []doc.Actor{nato}, Target: []doc.Actor{russia},
			Date: published, DateBasis: "published", Modality: doc.Asserted, Rule: "verbs.txt:40"},
	}
	d.Warnings = []string{"test warning"}
	return d
}

// synthDoc makes a document with n synthetic events for benchmarks.
func synthDoc(r *rand.Rand, i, n int, codes []string) *doc.Doc {
	text := fmt.Sprintf("Synthetic article %d about talks between capitals.", i)
	day := fmt.Sprintf("20%02d-%02d-%02d", 10+r.IntN(10), 1+r.IntN(12), 1+r.IntN(28))
	d := doc.New(doc.Article{ID: fmt.Sprint(i), Published: day, Text: text, URL: fmt.Sprintf("https://news%d.example/%d", i%50, i)})
	d.Sentences = doc.Spans{{Start: 0, End: len(text)}}
	for j := 0; j < n; j++ {
		q := 1 + r.IntN(4)
		// Skewed actors: the first codes are much more frequent, as in news.
		src := codes[min(len(codes)-1, int(r.ExpFloat64()*4))]
		tgt := codes[min(len(codes)-1, int(r.ExpFloat64()*4))]
		d.Events = append(d.Events, doc.Event{Sentence: d.Sentences[0], Trigger: doc.Mention{Span: doc.Span{Start: 10, End: 17}},
			Cameo: fmt.Sprintf("%02d%d", 1+r.IntN(20), r.IntN(10)), QuadClass: q, Goldstein: float64(r.IntN(21) - 10),
			Source: []doc.Actor{{Code: src, Country: src[:3]}}, Target: []doc.Actor{{Code: tgt, Country: tgt[:3]}},
			Date: day, Rule: "synth"})
	}
	return d
}

var synthCodes = []string{"USAGOV", "RUSGOV", "CHNGOV", "UKRMIL", "USA", "RUS", "GBRGOV", "FRAGOV", "DEUGOV",
	"IRNGOV", "ISRMIL", "TURGOV", "INDGOV", "PAKMIL", "JPNGOV", "KORGOV", "PRKMIL", "SYRREB", "IRQGOV", "EGYGOV"}
