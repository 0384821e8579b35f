package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"dyad/store"
)

// duckDB runs SQL in DuckDB through its Node.js client, installed from npm in the directory that
// DYAD_DUCKDB names (node_modules/@duckdb/node-api; .ci/run installs it), and returns the rows as
// JSON objects. The test is skipped when DYAD_DUCKDB is not set, and fails when it is set but
// DuckDB does not run, so that CI cannot skip it silently.
func duckDB(t *testing.T, query string) []map[string]any {
	t.Helper()
	dir := os.Getenv("DYAD_DUCKDB")
	if dir == "" {
		t.Skip("DYAD_DUCKDB is not set (a directory with node_modules/@duckdb/node-api)")
	}
	script := filepath.Join(t.TempDir(), "q.mjs")
	src := fmt.Sprintf(`import { DuckDBInstance } from %q;
const con = await (await DuckDBInstance.create(':memory:')).connect();
const r = await con.runAndReadAll(process.argv[2]);
console.log(JSON.stringify(r.getRowObjectsJson()));
`, filepath.Join(dir, "node_modules", "@duckdb", "node-api", "lib", "index.js"))
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("node", script, query).CombinedOutput()
	if err != nil {
		t.Fatalf("DuckDB failed: %v\n%s", err, out)
	}
	var rows []map[string]any
	if err := json.Unmarshal(out, &rows); err != nil {
		t.Fatalf("DuckDB printed %s: %v", out, err)
	}
	return rows
}

// TestDuckDBReadsExports reads the Parquet, CSV and GDELT exports with DuckDB itself, the reader
// analysts use, and checks its counts and values against the store.
func TestDuckDBReadsExports(t *testing.T) {
	if os.Getenv("DYAD_DUCKDB") == "" {
		t.Skip("DYAD_DUCKDB is not set (a directory with node_modules/@duckdb/node-api)")
	}
	s, _ := testStore(t)
	rows := events(t, s)
	dir := t.TempDir()
	for _, f := range []string{"parquet", "csv", "gdelt"} {
		var b bytes.Buffer
		if _, err := Export(ctx, s, f, store.Query{}, &b); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "events."+f), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gsum := 0.0
	for _, r := range rows {
		gsum += r.Goldstein
	}
	for _, f := range []string{"parquet", "csv"} {
		from := fmt.Sprintf("read_parquet('%s')", filepath.Join(dir, "events.parquet"))
		if f == "csv" {
			from = fmt.Sprintf("read_csv('%s', header = true)", filepath.Join(dir, "events.csv"))
		}
		got := duckDB(t, `SELECT count(*) AS n, sum(goldstein) AS g, count(*) FILTER (WHERE source_code = 'RURGOV' AND target_code = 'FRE') AS dyad,
			max(num_articles) AS articles, min(sentence) AS sentence FROM `+from)
		if len(got) != 1 {
			t.Fatalf("%s: DuckDB returned %v", f, got)
		}
		r := got[0]
		if fmt.Sprint(r["n"]) != fmt.Sprint(len(rows)) || fmt.Sprint(r["dyad"]) != "3" || fmt.Sprint(r["articles"]) != "2" {
			t.Errorf("%s: DuckDB reads %v; want %d events, 3 RURGOV-FRE, at most 2 articles a cluster", f, r, len(rows))
		}
		if g, ok := r["g"].(float64); !ok || math.Abs(g-gsum) > 1e-9 {
			t.Errorf("%s: DuckDB sums Goldstein to %v, want %v", f, r["g"], gsum)
		}
		if s, _ := r["sentence"].(string); s == "" {
			t.Errorf("%s: DuckDB reads no sentence text: %v", f, r)
		}
	}
	got := duckDB(t, fmt.Sprintf(`SELECT count(*) AS n, count(*) FILTER (WHERE Actor1Code = 'RURGOV') AS rur, sum(NumArticles) AS articles
		FROM read_csv('%s', delim = '\t', header = false, quote = '', columns = {%s})`, filepath.Join(dir, "events.gdelt"), gdeltColumnsSQL()))
	if len(got) != 1 || fmt.Sprint(got[0]["n"]) != "6" || fmt.Sprint(got[0]["rur"]) != "2" || fmt.Sprint(got[0]["articles"]) != "9" {
		t.Errorf("DuckDB reads the GDELT table as %v; want 6 rows (clusters), 2 with Actor1Code RURGOV (March and April), 9 articles in all", got)
	}
}

// gdeltColumnsSQL lists the 61 GDELT columns by name for DuckDB's read_csv, all text but
// NumArticles, an integer.
func gdeltColumnsSQL() string {
	var b bytes.Buffer
	for i, name := range GDELTColumns {
		if i > 0 {
			b.WriteString(", ")
		}
		typ := "VARCHAR"
		if name == "NumArticles" {
			typ = "BIGINT"
		}
		fmt.Fprintf(&b, "'%s': '%s'", name, typ)
	}
	return b.String()
}
