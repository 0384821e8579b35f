package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestIngestQueryExport(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	db := filepath.Join(dir, "test.db")
	lines := []string{
		`{"id": "a", "published": "2024-03-01", "title": "Talks", "text": "Talks\n\nRuritania asked Freedonia to talk. Officials agreed."}`,
		`{"id": "b", "published": "2024-03-02", "title": "More", "text": "More\n\nFreedonia rejected the offer."}`,
		`{"id": "c", "text": 12}`,
	}
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	exec := func(args ...string) (string, error) {
		c := newIngestCmd()
		switch args[0] {
		case "query":
			c = newQueryCmd()
		case "export":
			c = newExportCmd()
		}
		var out bytes.Buffer
		c.SetOut(&out)
		c.SetErr(&bytes.Buffer{})
		c.SetArgs(args[1:])
		err := c.Execute()
		return out.String(), err
	}
	// The third record is malformed: it is reported, the others are stored, and the status is an error.
	if _, err := exec("ingest", "--db", db, "-j", "1", in); err == nil {
		t.Error("ingest of a file with a bad record succeeded; want a non-zero status")
	}
	if _, err := exec("ingest", "--db", db, "-j", "1", in); err == nil {
		t.Error("the second ingest of the same file succeeded; want a non-zero status for the bad record")
	}
	out, err := exec("export", "--db", db, "--format", "jsonl")
	if err != nil {
		t.Fatalf("export failed: %v", err)
	}
	var ids []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var r struct{ ID string }
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("export wrote a bad record %q: %v", l, err)
		}
		ids = append(ids, r.ID)
	}
	if strings.Join(ids, ",") != "a,b" {
		t.Errorf("after ingesting twice, the export holds %v; want [a b] once each", ids)
	}
	if _, err := exec("query", "--db", db, "--timeline", "week", "--json"); err != nil {
		t.Errorf("query --timeline failed: %v", err)
	}
	if _, err := exec("query", "--db", db, "--dyad", "USA"); err == nil {
		t.Error("query --dyad USA (no target) succeeded; want an error")
	}
	if _, err := exec("export", "--db", db, "--format", "parquet"); err == nil {
		t.Error("export --format parquet without -o succeeded; want an error")
	}
	pq := filepath.Join(dir, "events.parquet")
	if _, err := exec("export", "--db", db, "--format", "parquet", "-o", pq); err != nil {
		t.Errorf("export to parquet failed: %v", err)
	} else if st, err := os.Stat(pq); err != nil || st.Size() == 0 {
		t.Errorf("the parquet file is missing or empty: %v", err)
	}
}
