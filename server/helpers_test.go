package server

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"dyad/doc"
	"dyad/pipeline"
	"dyad/source"
	"dyad/store"
)

// at returns the span of the n-th (from 0) occurrence of sub in text, failing the test when absent.
func at(t testing.TB, text, sub string, n int) doc.Span {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(text[off:], sub)
		if j < 0 {
			t.Fatalf("%q does not occur %d times in the test text", sub, n+1)
		}
		if i == n {
			return doc.Span{Start: off + j, End: off + j + len(sub)}
		}
		off += j + len(sub)
	}
}

func mention(a doc.Actor, s doc.Span) doc.Actor {
	a.Start, a.End = s.Start, s.End
	return a
}

var (
	ruritania = doc.Actor{Name: "Ruritania", Country: "RUR", Sector: "GOV", Code: "RURGOV", Rule: "test-actors.txt:1"}
	minister  = doc.Actor{Name: "Anna Vell", Country: "RUR", Sector: "GOV", Code: "RURGOV", Role: "foreign minister", Rule: "test-actors.txt:2"}
	freedonia = doc.Actor{Name: "Freedonia", Country: "FRE", Sector: "", Code: "FRE", Rule: "test-actors.txt:3"}
)

// handDoc builds a coded article about two imaginary countries by hand, with every layer: a
// headline, a quote with its cue and speaker, a timex, entities, and two events (Ruritania accuses
// Freedonia; Freedonia rejects) dated on published.
func handDoc(t testing.TB, published, url string) *doc.Doc {
	title := "Ruritania accuses Freedonia of <border> violations"
	text := title + "\n\nOn Monday, Ruritania's foreign minister Anna Vell accused Freedonia of moving troops. " +
		"\"We will not accept threats,\" Vell said. Freedonia rejected the claim."
	d := doc.New(doc.Article{ID: "hand-" + published, Published: published, Title: title, URL: url, Source: "Test Wire", Text: text})
	s0 := doc.Span{Start: 0, End: len(title)}
	s1 := doc.Span{Start: at(t, text, "On Monday", 0).Start, End: at(t, text, "troops.", 0).End}
	s2 := doc.Span{Start: at(t, text, "\"We", 0).Start, End: at(t, text, "said.", 0).End}
	s3 := doc.Span{Start: at(t, text, "Freedonia rejected", 0).Start, End: len(text)}
	d.Sentences = doc.Spans{s0, s1, s2, s3}
	d.Paragraphs = doc.Spans{s0, {Start: s1.Start, End: len(text)}}
	ent := func(sub string, n int, typ string, a doc.Actor) doc.Entity {
		sp := at(t, text, sub, n)
		m := mention(a, sp)
		return doc.Entity{Span: sp, Type: typ, Actor: &m, Rule: a.Rule, Ref: -1}
	}
	d.Entities = []doc.Entity{
		ent("Ruritania", 0, "GPE", ruritania),
		ent("Freedonia", 0, "GPE", freedonia),
		ent("Ruritania", 1, "GPE", ruritania),
		ent("Anna Vell", 0, "PERSON", minister),
		ent("Freedonia", 1, "GPE", freedonia),
		ent("Vell", 1, "PERSON", minister),
		ent("Freedonia", 2, "GPE", freedonia),
	}
	d.Timexes = []doc.Timex{{Span: at(t, text, "On Monday", 0), Type: "DATE", Value: published, Rule: "test-weekday"}}
	vell := mention(minister, at(t, text, "Vell", 1))
	d.Quotes = []doc.Quote{{Span: at(t, text, "We will not accept threats,", 0), Kind: doc.Direct,
		Cue: &doc.Mention{Span: at(t, text, "said", 0)}, Speaker: &doc.Speaker{Span: vell.Mention(), Text: "Vell", Actor: &vell},
		Rule: "test-quote-direct"}}
	d.Events = []doc.Event{
		{Sentence: s1, Trigger: doc.Mention{Span: at(t, text, "accused", 0)}, Plover: "ACCUSE", Cameo: "112", Goldstein: -2,
			QuadClass: 3, Source: []doc.Actor{mention(minister, at(t, text, "Anna Vell", 0))},
			Target: []doc.Actor{mention(freedonia, at(t, text, "Freedonia", 1))}, Date: published, DateBasis: "timex",
			Modality: doc.Asserted, Rule: "test-verbs.txt:7"},
		{Sentence: s3, Trigger: doc.Mention{Span: at(t, text, "rejected", 0)}, Plover: "REJECT", Cameo: "120", Goldstein: -4,
			QuadClass: 3, Source: []doc.Actor{mention(freedonia, at(t, text, "Freedonia", 2))}, Target: []doc.Actor{ruritania},
			Date: published, DateBasis: "published", Modality: doc.Asserted, Rule: "test-verbs.txt:9"},
	}
	for i := range d.Events {
		d.Events[i].Trigger.Text = d.Slice(d.Events[i].Trigger.Span)
	}
	return d
}

// handDates are the publication days of the hand-made articles in the test store.
var handDates = []string{"2022-05-02", "2022-05-20", "2022-06-13"}

// lavrov reads the project's example article, coded by the default pipeline.
func lavrov(t testing.TB) *doc.Doc {
	t.Helper()
	var a doc.Article
	err := source.Read(context.Background(), []string{"../examples/lavrov.txt"}, source.Options{}, func(it source.Item) bool {
		if it.Err != nil {
			t.Fatalf("reading the example article: %v", it.Err)
		}
		a = it.Article
		return false
	})
	if err != nil || a.Text == "" {
		t.Fatalf("reading the example article: %v (text %d bytes)", err, len(a.Text))
	}
	p, err := pipeline.Default(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.Code(a)
	if err != nil {
		t.Logf("coding the example article: %v", err)
	}
	return d
}

// testStore opens a SQLite store in a temporary directory holding the example article (id 1) and
// the hand-made articles (ids 2, 3, 4).
func testStore(t testing.TB) store.Store {
	t.Helper()
	st, err := store.OpenSQLite(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	fill(t, st)
	return st
}

// forEachStore runs f with the test store of each engine: SQLite, and PostgreSQL when
// DYAD_TEST_POSTGRES names a database (in a schema of its own, dropped at the end).
func forEachStore(t *testing.T, f func(t *testing.T, st store.Store)) {
	t.Run("sqlite", func(t *testing.T) { f(t, testStore(t)) })
	base := os.Getenv("DYAD_TEST_POSTGRES")
	if base == "" {
		return
	}
	t.Run("postgres", func(t *testing.T) {
		ctx := context.Background()
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Fatalf("cannot connect to DYAD_TEST_POSTGRES: %v", err)
		}
		schema := fmt.Sprintf("dyad_server_test_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9)
		if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
			t.Fatalf("cannot create a schema: %v", err)
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
		st, err := store.OpenPostgres(ctx, u.String())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		fill(t, st)
		f(t, st)
	})
}

// fill stores the example article (id 1) and the hand-made articles (ids 2, 3, 4).
func fill(t testing.TB, st store.Store) {
	t.Helper()
	ctx := context.Background()
	if _, _, err := st.Put(ctx, lavrov(t)); err != nil {
		t.Fatalf("storing the example article: %v", err)
	}
	for i, day := range handDates {
		if _, _, err := st.Put(ctx, handDoc(t, day, "https://wire.example/"+day+"/"+string(rune('a'+i)))); err != nil {
			t.Fatalf("storing a hand-made article: %v", err)
		}
	}
}

// newTestServer starts an httptest server over cfg.
func newTestServer(t testing.TB, cfg Config) (*Server, *httptest.Server) {
	t.Helper()
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:0"
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return s, ts
}

// readFile returns the content of a file of the package.
func readFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// do sends a request and returns the status and body.
func do(t testing.TB, method, url, ctype string, body []byte, hdr ...string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// httptestRequest returns a bare GET request for unit tests of request parsing.
func httptestRequest() *http.Request { return httptest.NewRequest("GET", "/", nil) }

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }
