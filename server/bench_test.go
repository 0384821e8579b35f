package server

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"dyad/doc"
	"dyad/ontology"
	"dyad/store"
)

// benchCodes are the actor codes of the synthetic events; the first ones are much more frequent,
// as in news.
var benchCodes = []string{"USAGOV", "RUSGOV", "CHNGOV", "UKRMIL", "USA", "RUS", "GBRGOV", "FRAGOV", "DEUGOV",
	"IRNGOV", "ISRMIL", "TURGOV", "INDGOV", "PAKMIL", "JPNGOV", "KORGOV", "PRKMIL", "SYRREB", "IRQGOV", "EGYGOV",
	"IGOWSTNAT", "IGOEURUN", "UKRGOV", "RUSMIL", "USAMIL"}

// benchDoc makes a synthetic coded article with n events.
func benchDoc(r *rand.Rand, i, n int, codes []ontology.Code) *doc.Doc {
	text := fmt.Sprintf("Synthetic article %d about talks, threats and agreements between capitals.", i)
	day := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(3650)).Format("2006-01-02")
	d := doc.New(doc.Article{ID: fmt.Sprint("bench-", i), Published: day, Text: text,
		URL: fmt.Sprintf("https://news%d.example/%d", i%50, i), Source: fmt.Sprint("outlet", i%50)})
	d.Sentences = doc.Spans{{Start: 0, End: len(text)}}
	pick := func() string { return benchCodes[min(len(benchCodes)-1, int(r.ExpFloat64()*5))] }
	for range n {
		c := codes[r.IntN(len(codes))]
		src, tgt := pick(), pick()
		d.Events = append(d.Events, doc.Event{Sentence: d.Sentences[0], Trigger: doc.Mention{Span: doc.Span{Start: 28, End: 33}, Text: "talks"},
			Cameo: c.Code, Plover: c.Plover, QuadClass: c.Quad, Goldstein: c.Goldstein,
			Source: []doc.Actor{{Code: src, Country: src[:3], Name: src}}, Target: []doc.Actor{{Code: tgt, Country: tgt[:3], Name: tgt}},
			Date: day, DateBasis: "published", Rule: "bench"})
	}
	return d
}

// benchStore opens (building it the first time) a SQLite store of total synthetic events, kept in
// the temporary directory for later runs (dyad-server-bench-N-vV.db; delete it to rebuild).
//
// With DYAD_BENCH_POSTGRES set to a database URL, the store is built in PostgreSQL instead, in the
// schema dyad_bench_N_vV (kept for later runs; drop it to rebuild).
func benchStore(b *testing.B, total int) store.Store {
	ctx := context.Background()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("dyad-server-bench-%d-v%d.db", total, store.SchemaVersion()))
	var st store.Store
	var err error
	if u := os.Getenv("DYAD_BENCH_POSTGRES"); u != "" {
		schema := fmt.Sprintf("dyad_bench_%d_v%d", total, store.SchemaVersion())
		conn, err := pgx.Connect(ctx, u)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := conn.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+schema); err != nil {
			b.Fatal(err)
		}
		conn.Close(ctx)
		pu, err := url.Parse(u)
		if err != nil {
			b.Fatal(err)
		}
		q := pu.Query()
		q.Set("search_path", schema)
		pu.RawQuery = q.Encode()
		path = "postgres schema " + schema
		st, err = store.OpenPostgres(ctx, pu.String())
		if err != nil {
			b.Fatal(err)
		}
	} else if st, err = store.OpenSQLite(path); err != nil {
		b.Fatal(err)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	const perDoc, batch = 10, 500
	if have := int(stats.Events); have < total {
		start := time.Now()
		var codes []ontology.Code
		for _, c := range ontology.Codes() {
			if len(c.Code) == 3 {
				codes = append(codes, c)
			}
		}
		r := rand.New(rand.NewPCG(7, uint64(have)))
		for i := have / perDoc; i*perDoc < total; i += batch {
			ds := make([]*doc.Doc, 0, batch)
			for j := i; j < i+batch && j*perDoc < total; j++ {
				ds = append(ds, benchDoc(r, j, perDoc, codes))
			}
			if _, err := st.PutBatch(ctx, ds); err != nil {
				b.Fatal(err)
			}
		}
		b.Logf("built a store of %d events in %s (%s)", total, time.Since(start).Round(time.Second), path)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// BenchmarkEventQuery measures filtered event queries through the API handler (GET /api/events,
// 50 events a page, JSON encoded) over a store of 1,000,000 synthetic events (DYAD_BENCH_EVENTS
// changes it). It reports the median and 99th percentile latency.
func BenchmarkEventQuery(b *testing.B) {
	total := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("DYAD_BENCH_EVENTS")); err == nil && v > 0 {
		total = v
	}
	st := benchStore(b, total)
	s, err := New(Config{Store: st})
	if err != nil {
		b.Fatal(err)
	}
	queries := []string{
		"actor=RUS", "actor=IGOWSTNAT", "dyad=USA-RUS", "dyad=RUSGOV-UKRMIL&either=true",
		"dyad=USA-CHN&from=2019-01-01&to=2019-12-31", "actor=IRN&type=THREATEN", "actor=USA&root=19",
		"actor=SYR&quad=4", "dyad=RUS-UKR&quad=4&from=2022-01-01", "actor=PRK&from=2020-06&to=2020-08",
		"type=ACCUSE&from=2021-03-01&to=2021-03-31", "root=02&quad=1", "actor=EGY&limit=100&after=500000",
	}
	lat := make([]time.Duration, 0, b.N)
	slowest := make([]time.Duration, len(queries))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		req := httptest.NewRequest("GET", "/api/events?"+queries[i%len(queries)], nil)
		req.Host = "127.0.0.1"
		w := httptest.NewRecorder()
		t0 := time.Now()
		s.ServeHTTP(w, req)
		d := time.Since(t0)
		lat = append(lat, d)
		slowest[i%len(queries)] = max(slowest[i%len(queries)], d)
		if w.Code != http.StatusOK {
			b.Fatalf("%s: %d %s", req.URL, w.Code, w.Body)
		}
	}
	b.StopTimer()
	for i, q := range queries {
		if slowest[i] > 0 {
			b.Logf("slowest %-45s %v", q, slowest[i].Round(time.Microsecond))
		}
	}
	slices.Sort(lat)
	q := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(q(0.5), "p50-ms")
	b.ReportMetric(q(0.99), "p99-ms")
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "max-ms")
}

// BenchmarkPages measures the pages and endpoints other than event queries over the store of
// BenchmarkEventQuery: actor pages, searches (a word every synthetic article has, and a rare one),
// the home page, the article list, a dyad page and the dyad and actor counts. Each reports its
// median and 99th percentile latency.
func BenchmarkPages(b *testing.B) {
	total := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("DYAD_BENCH_EVENTS")); err == nil && v > 0 {
		total = v
	}
	st := benchStore(b, total)
	for _, c := range []struct{ name, url string }{
		{"actor-RUSGOV", "/actors/RUSGOV"},
		{"actor-EGY", "/actors/EGY"},
		{"api-search-common", "/api/search?q=talks"},
		{"api-search-rare", "/api/search?q=article+4242"},
		{"search-page", "/search?q=agreements"},
		{"home", "/"},
		{"documents", "/documents?after=50000"},
		{"dyad-page", "/dyads/USA/RUS"},
		{"api-actors", "/api/actors?prefix=RUS"},
	} {
		b.Run(c.name, func(b *testing.B) {
			s, err := New(Config{Store: st}) // a new server: the home page's cache starts empty
			if err != nil {
				b.Fatal(err)
			}
			var lat []time.Duration
			var first time.Duration
			size := 0
			for b.Loop() {
				req := httptest.NewRequest("GET", c.url, nil)
				req.Host = "127.0.0.1"
				w := httptest.NewRecorder()
				t0 := time.Now()
				s.ServeHTTP(w, req)
				lat = append(lat, time.Since(t0))
				if w.Code != http.StatusOK {
					b.Fatalf("%s: %d %s", c.url, w.Code, w.Body)
				}
				if len(lat) == 1 {
					first, size = lat[0], w.Body.Len()
				}
			}
			slices.Sort(lat)
			q := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
			b.ReportMetric(first.Seconds()*1000, "first-ms")
			b.ReportMetric(q(0.5), "p50-ms")
			b.ReportMetric(q(0.99), "p99-ms")
			b.ReportMetric(float64(size), "bytes")
		})
	}
}

// BenchmarkCode measures POST /api/code on the example article.
func BenchmarkCode(b *testing.B) {
	s, err := New(Config{})
	if err != nil {
		b.Fatal(err)
	}
	body := []byte(readFile(b, "../examples/lavrov.txt"))
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		req := httptest.NewRequest("POST", "/api/code", bytesReader(body))
		req.Host = "127.0.0.1"
		req.Header.Set("Content-Type", "text/plain")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code != 200 {
			b.Fatalf("%d %s", w.Code, w.Body)
		}
	}
}

// BenchmarkArticlePage measures rendering the article page of the hand-made article.
func BenchmarkArticlePage(b *testing.B) {
	d := handDoc(b, "2022-05-02", "")
	for b.Loop() {
		v := newArticleView(d, 1, true)
		if len(v.Text) == 0 {
			b.Fatal("empty view")
		}
	}
}
