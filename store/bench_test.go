package store

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"dyad/doc"
)

// BenchmarkPutBatch measures ingestion into SQLite: batches of 100 small coded documents (5 events
// each). Reported as docs/s.
func BenchmarkPutBatch(b *testing.B) {
	s, err := OpenSQLite(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	benchPut(b, s)
}

// BenchmarkPutBatchPostgres is BenchmarkPutBatch on PostgreSQL (COPY); it needs DYAD_TEST_POSTGRES.
func BenchmarkPutBatchPostgres(b *testing.B) {
	u := os.Getenv("DYAD_TEST_POSTGRES")
	if u == "" {
		b.Skip("DYAD_TEST_POSTGRES is not set")
	}
	benchPut(b, openPGSchema(b, u))
}

func benchPut(b *testing.B, s Store) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ds := make([]*doc.Doc, 100)
		for j := range ds {
			ds[j] = synthDoc(r, n, 5, synthCodes)
			n++
		}
		if _, err := s.PutBatch(ctx, ds); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkTimeline measures daily, weekly and monthly dyad timelines (USA-RUS, either direction, every code under
// both prefixes) over a store of synthetic events: 1,000,000 by default, DYAD_BENCH_EVENTS to
// change it. The store is built once and kept in the temporary directory (dyad-bench-*.db) for
// later runs; delete it to rebuild. It is built by SQL inside SQLite (documents, events, then the
// aggregates, indexes made after loading), or through PutBatch when DYAD_BENCH_PUT is set.
func BenchmarkTimeline(b *testing.B) {
	total := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("DYAD_BENCH_EVENTS")); err == nil && v > 0 {
		total = v
	}
	viaPut := os.Getenv("DYAD_BENCH_PUT") != ""
	name := fmt.Sprintf("dyad-bench-bulk-%d.db", total)
	if viaPut {
		name = fmt.Sprintf("dyad-bench-%d.db", total)
	}
	s, err := OpenSQLite(filepath.Join(os.TempDir(), name))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	st, _ := s.Stats(ctx)
	if st.Events < int64(total) {
		start := time.Now()
		if viaPut {
			err = buildViaPut(s, int(st.Events), total)
		} else {
			err = buildBulk(s.(*sqlStore), total)
		}
		if err != nil {
			b.Fatal(err)
		}
		el := time.Since(start)
		b.Logf("built %d events in %v (%.0f events/s)", total, el.Round(time.Second), float64(total)/el.Seconds())
	}
	for _, c := range []struct {
		name string
		q    Query
		by   Interval
	}{
		{"day", Query{Source: "USA", Target: "RUS", Either: true}, Day},
		{"week", Query{Source: "USA", Target: "RUS", Either: true}, Week},
		{"month", Query{Source: "USA", Target: "RUS", Either: true}, Month},
		// A CAMEO root filter cannot use the aggregates: the matching events are grouped.
		{"month-root-19", Query{Source: "USA", Target: "RUS", Either: true, Root: "19"}, Month},
	} {
		q, by := c.q, c.by
		b.Run(c.name, func(b *testing.B) {
			var tl []Bucket
			for i := 0; i < b.N; i++ {
				tl, err = s.Timeline(ctx, q, by)
				if err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			n := 0
			for _, x := range tl {
				n += x.Events
			}
			b.ReportMetric(float64(n), "events-in-timeline")
		})
	}
}

func buildViaPut(s Store, have, total int) error {
	const perDoc = 20
	r := rand.New(rand.NewPCG(3, 4))
	for i := have / perDoc; i*perDoc < total; {
		ds := make([]*doc.Doc, 0, 500)
		for j := 0; j < 500 && i*perDoc < total; j++ {
			ds = append(ds, synthDoc(r, i, perDoc, synthCodes))
			i++
		}
		if _, err := s.PutBatch(ctx, ds); err != nil {
			return err
		}
	}
	return nil
}

// buildBulk fills an empty store with total synthetic events (20 per document, skewed actor codes,
// days over ten years) by SQL, then builds the indexes and the aggregates as writes would have.
func buildBulk(s *sqlStore, total int) error {
	codes := "'" + strings.Join(synthCodes, "','") + "'"
	stmts := []string{
		`DROP INDEX events_dyad`, `DROP INDEX events_cluster`, `DROP INDEX events_day`,
		`DROP INDEX events_pair`, `DROP INDEX events_src`, `DROP INDEX events_tgt`,
		`CREATE TEMP TABLE codes (n INTEGER PRIMARY KEY, code TEXT)`,
		`INSERT INTO codes (n, code) SELECT key, value FROM json_each('[` + strings.ReplaceAll(codes, "'", `"`) + `]')`,
		fmt.Sprintf(`WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < %d)
			INSERT INTO documents (hash, url, text, digest, added, published, pub_day, outlet, n_sentences)
			SELECT printf('%%064d', i), 'https://news' || (i %% 50) || '.example/' || i, 'Synthetic article ' || i, 'bulk',
				'2024-01-01T00:00:00Z', day, day, 'news' || (i %% 50) || '.example', 1
			FROM (SELECT i, date('2010-01-01', '+' || (abs(random()) %% 3650) || ' days') AS day FROM seq)`, total/20-1),
		`WITH RECURSIVE k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < 19)
			INSERT INTO events (doc_id, idx, sent_start, sent_end, trig_start, trig_end, cameo, root, goldstein, quad,
				date, negated, day, src_code, tgt_code, cluster, outlet, is_root)
			SELECT doc_id, j, 0, 20, 10, 17, root || '0', root, g, quad, day, 0, day, src, tgt,
				date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days') || '|' || src || '|' || tgt || '|' || root, outlet, 0
			FROM (SELECT d.id AS doc_id, k.j, d.pub_day AS day, d.outlet,
				printf('%02d', 1 + abs(random()) % 20) AS root, 1 + abs(random()) % 4 AS quad,
				(abs(random()) % 21) - 10.0 AS g,
				(SELECT code FROM codes WHERE n = (abs(random()) % 20) * (abs(random()) % 20) / 20 + 0 * k.j + 0 * d.id) AS src,
				(SELECT code FROM codes WHERE n = (abs(random()) % 20) * (abs(random()) % 20) / 20 + 0 * k.j + 0 * d.id) AS tgt
				FROM documents d, k)`,
		`CREATE INDEX events_dyad ON events (src_code, tgt_code, root, day, quad, goldstein)`,
		`CREATE INDEX events_cluster ON events (cluster, doc_id, outlet)`,
		`CREATE INDEX events_day ON events (day, plover, root, quad)`,
		`CREATE INDEX events_pair ON events (src_code, tgt_code, id)`,
		`CREATE INDEX events_src ON events (src_code, id)`,
		`CREATE INDEX events_tgt ON events (tgt_code, id)`,
		`INSERT INTO dyads (src, tgt, n) SELECT src_code, tgt_code, COUNT(*) FROM events GROUP BY 1, 2`,
		`INSERT INTO dyad_daily (src, tgt, day, quad, n, gsum)
			SELECT src_code, tgt_code, day, quad, COUNT(*), SUM(goldstein) FROM events GROUP BY 1, 2, 3, 4`,
		`INSERT INTO dyad_monthly (src, tgt, day, quad, n, gsum)
			SELECT src, tgt, substr(day, 1, 8) || '01', quad, SUM(n), SUM(gsum) FROM dyad_daily GROUP BY 1, 2, 3, 4`,
		`INSERT INTO dyad_codes (code) SELECT src FROM dyad_daily UNION SELECT tgt FROM dyad_daily`,
		`INSERT INTO clusters (key, day, src, tgt, root, n_events, n_articles, n_sources)
			SELECT cluster, MIN(substr(cluster, 1, 10)), MIN(src_code), MIN(tgt_code), MIN(root), COUNT(*), COUNT(DISTINCT doc_id),
				COUNT(DISTINCT outlet) FROM events GROUP BY cluster`,
		`DROP TABLE codes`,
	}
	for _, q := range stmts {
		if _, err := s.db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%w in %.80s", err, q)
		}
	}
	return nil
}

// BenchmarkPutCorpus measures ingestion into a fresh SQLite store of a coded corpus: the JSONL
// records that DYAD_BENCH_CORPUS names (the output of "dyad code"), written as "dyad ingest"
// writes them: batches of 64 documents in transactions of 512 (DYAD_BENCH_BATCH documents a
// transaction to change it), then the store closed (its log checkpointed). Reported as docs/s,
// CPU milliseconds per corpus and MB/s of text.
func BenchmarkPutCorpus(b *testing.B) {
	path := os.Getenv("DYAD_BENCH_CORPUS")
	if path == "" {
		b.Skip("DYAD_BENCH_CORPUS is not set")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var ds []*doc.Doc
	size := 0
	for line := range strings.SplitSeq(strings.TrimSpace(string(data)), "\n") {
		d, err := doc.Decode([]byte(line))
		if err != nil {
			b.Fatal(err)
		}
		ds = append(ds, d)
		size += len(d.Text)
	}
	var cpu time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := OpenSQLite(filepath.Join(b.TempDir(), fmt.Sprintf("corpus-%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		c0 := cpuTime()
		b.StartTimer()
		var tx Tx
		for start, n := 0, 0; start < len(ds); start += benchChunk {
			if tx == nil {
				if tx, err = s.Begin(ctx); err != nil {
					b.Fatal(err)
				}
			}
			chunk := ds[start:min(start+benchChunk, len(ds))]
			if _, err := tx.PutBatch(ctx, chunk); err != nil {
				b.Fatal(err)
			}
			if n += len(chunk); n >= benchBatch || start+benchChunk >= len(ds) {
				if err := tx.Commit(ctx); err != nil {
					b.Fatal(err)
				}
				tx, n = nil, 0
			}
		}
		s.Close()
		b.StopTimer()
		cpu += cpuTime() - c0
		b.StartTimer()
	}
	b.ReportMetric(float64(len(ds)*b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(cpu.Seconds()*1000/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(size*b.N)/b.Elapsed().Seconds()/1e6, "MB/s")
}

// benchChunk is the number of documents a PutBatch of BenchmarkPutCorpus writes: 64 as "dyad
// ingest" does, DYAD_BENCH_CHUNK to change it.
var benchChunk = func() int {
	if n, err := strconv.Atoi(os.Getenv("DYAD_BENCH_CHUNK")); err == nil && n > 0 {
		return n
	}
	return 64
}()

// benchBatch is the number of documents a transaction of BenchmarkPutCorpus writes: 512, about
// as "dyad ingest" does, DYAD_BENCH_BATCH to change it.
var benchBatch = func() int {
	if n, err := strconv.Atoi(os.Getenv("DYAD_BENCH_BATCH")); err == nil && n > 0 {
		return n
	}
	return 512
}()
