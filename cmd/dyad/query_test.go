package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"dyad/doc"
	"dyad/store"
)

func TestPrintEventsTable(t *testing.T) {
	ctx := context.Background()
	s, err := store.OpenSQLite(filepath.Join(t.TempDir(), "q.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	text := "Ruritania warns Freedonia\n\nThe Ruritanian president warned Freedonia on Monday."
	d := doc.New(doc.Article{ID: "w1", Published: "2024-03-04", Title: "Ruritania warns Freedonia", Text: text})
	d.Sentences = doc.Spans{{Start: 0, End: 25}, {Start: 27, End: len(text)}}
	at := strings.Index(text, "warned")
	d.Events = []doc.Event{{Sentence: d.Sentences[1], Trigger: doc.Mention{Span: doc.Span{Start: at, End: at + 6}},
		Cameo: "138", Plover: "THREATEN", QuadClass: 3, Goldstein: -7,
		Source: []doc.Actor{{Code: "RURGOV", Name: "Ruritanian president"}}, Target: []doc.Actor{{Code: "FRE", Name: "Freedonia"}},
		Date: "2024-03-04"}}
	if _, _, err := s.Put(ctx, d); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := printEvents(ctx, &b, s, store.Query{Source: "RUR", Target: "FRE", Limit: 1}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("the table has %d lines, want a header, a row and a footer:\n%s", len(lines), b.String())
	}
	for _, want := range []string{"DAY", "SOURCE", "TARGET", "GOLD", "ARTICLE"} {
		if !strings.Contains(lines[0], want) {
			t.Errorf("the header %q lacks %s", lines[0], want)
		}
	}
	for _, want := range []string{"2024-03-04", "RURGOV (Ruritanian president)", "FRE ", "138", "THREATEN", "-7.0", "warned", "Ruritania warns Freedonia"} {
		if !strings.Contains(lines[1], want) {
			t.Errorf("the row %q lacks %q", lines[1], want)
		}
	}
	// columns are aligned: the header's TARGET starts where the row's target does
	if strings.Index(lines[0], "TARGET") != strings.Index(lines[1], "FRE ") {
		t.Errorf("columns are not aligned:\n%s\n%s", lines[0], lines[1])
	}
	if !strings.Contains(lines[2], "--limit 0") {
		t.Errorf("a full page does not say how to see more: %q", lines[2])
	}
	b.Reset()
	if err := printEvents(ctx, &b, s, store.Query{Source: "FRE", Target: "RUR"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "No stored event matches") {
		t.Errorf("an empty result printed %q", b.String())
	}
}
