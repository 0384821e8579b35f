package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI executes the CLI in-process and returns its standard output, standard error and error.
func runCLI(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	root := newRootCmd()
	root.SetOut(&out)
	root.SetErr(&errOut)
	root.SetArgs(args)
	err := root.ExecuteContext(t.Context())
	return out.String(), errOut.String(), err
}

func TestCodeSeed(t *testing.T) {
	out, _, err := runCLI(t, "code", "../../examples/lavrov.txt")
	if err != nil {
		t.Fatal(err)
	}
	var rec struct {
		Published string
		Title     string
		Text      string
		Sentences [][2]int
		Entities  []struct{ Text string }
		Timexes   []struct{ Value string }
		Quotes    []struct{ Kind string }
	}
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatalf("output is not one JSON record: %v\n%s", err, out)
	}
	if rec.Published != "2022-05-28T04:19:00" {
		t.Errorf("published = %q, want 2022-05-28T04:19:00", rec.Published)
	}
	if rec.Title != "Sergey Lavrov says he wants clarifications from Western powers on security" {
		t.Errorf("title = %q", rec.Title)
	}
	if !strings.HasPrefix(rec.Text, rec.Title+"\n\nDespite") {
		t.Errorf("text does not start with the headline and a blank line: %q", rec.Text[:80])
	}
	if len(rec.Sentences) != 10 {
		t.Errorf("%d sentences, want 10", len(rec.Sentences))
	}
	if len(rec.Entities) == 0 || len(rec.Timexes) == 0 || len(rec.Quotes) == 0 {
		t.Errorf("layers missing: %d entities, %d timexes, %d quotes", len(rec.Entities), len(rec.Timexes), len(rec.Quotes))
	}
}

func TestCodeReportsBadRecordsAndGoesOn(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	lines := `{"id":"a","text":"Russia criticised NATO on Monday."}
{"id":"b","text":
{"id":"c","text":"Ukraine welcomed the decision."}
`
	if err := os.WriteFile(in, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, err := runCLI(t, "code", in)
	var se silentError
	if !errors.As(err, &se) {
		t.Fatalf("a bad record did not make the command fail: %v", err)
	}
	if !strings.Contains(errOut, "in.jsonl:2") {
		t.Errorf("the error does not name file and line: %q", errOut)
	}
	recs := strings.Split(strings.TrimSpace(out), "\n")
	if len(recs) != 2 || !strings.Contains(recs[0], `"id":"a"`) || !strings.Contains(recs[1], `"id":"c"`) {
		t.Errorf("the good records were not all coded in order: %q", out)
	}
}

func TestDictLint(t *testing.T) {
	out, _, err := runCLI(t, "dict", "lint")
	if err != nil || !strings.Contains(out, "ok") {
		t.Fatalf("the built-in dictionaries do not lint clean: %v\n%s", err, out)
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "actors"), 0o755); err != nil {
		t.Fatal(err)
	}
	bad := "Jane Roe | f | QQQ | GOV | president | 2020.. |\n"
	if err := os.WriteFile(filepath.Join(dir, "actors", "people-mine.txt"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err = runCLI(t, "dict", "lint", dir)
	if err == nil || !strings.Contains(out, "people-mine.txt:1:") {
		t.Fatalf("a broken user line was not reported with file:line: %v\n%s", err, out)
	}
}

func TestMistypedDictDirFails(t *testing.T) {
	_, _, err := runCLI(t, "code", "--dict", filepath.Join(t.TempDir(), "no-such-dir"), "../../examples/lavrov.txt")
	if err == nil || !strings.Contains(err.Error(), "no-such-dir") {
		t.Fatalf("a missing dictionary directory was not reported: %v", err)
	}
	out, _, err := runCLI(t, "dict", "lint", filepath.Join(t.TempDir(), "typo"))
	if err == nil {
		t.Fatalf("dict lint accepted a missing directory: %s", out)
	}
}

func TestCodeWritesOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "seed.jsonl")
	if _, _, err := runCLI(t, "code", "-o", out, "../../examples/lavrov.txt"); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.Contains(b, []byte(`"published":"2022-05-28T04:19:00"`)) {
		t.Fatalf("the output file does not hold the record: %v %.80s", err, b)
	}
}

// TestBenchStore: bench --store codes the example and stores it into the database it is given,
// and reports both costs.
func TestBenchStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "bench.db")
	out, _, err := runCLI(t, "bench", "--rounds", "1", "-j", "1", "--store", "--db", db, "../../examples/lavrov.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"throughput", "store       1 documents", "1 new", "storing", "coding"} {
		if !strings.Contains(out, want) {
			t.Errorf("bench output lacks %q:\n%s", want, out)
		}
	}
	q, _, err := runCLI(t, "query", "--db", db, "--dyad", "RUS-USA")
	if err != nil || !strings.Contains(q, "REQUEST") {
		t.Errorf("the benchmark's store does not answer a dyad query (%v):\n%s", err, q)
	}
}
