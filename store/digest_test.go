package store

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"
	"unicode/utf8"

	"dyad/doc"
)

// TestDigestFields fails when a type of package doc gains or loses a field, so that digest (which
// writes the fields one by one) is brought up to date with it.
func TestDigestFields(t *testing.T) {
	for _, c := range []struct {
		v    any
		want int
	}{
		{doc.Article{}, 7}, {doc.Doc{}, 9}, {doc.Span{}, 2}, {doc.Entity{}, 6}, {doc.Timex{}, 5},
		{doc.Quote{}, 8}, {doc.Mention{}, 2}, {doc.Speaker{}, 3}, {doc.Actor{}, 8}, {doc.Event{}, 14},
	} {
		if got := reflect.TypeOf(c.v).NumField(); got != c.want {
			t.Errorf("%T has %d fields, digest knows %d: update digest (write.go) and this test", c.v, got, c.want)
		}
	}
}

// TestDigestChanges checks that a change to any stored field changes the digest, and that the
// texts derived from spans do not.
func TestDigestChanges(t *testing.T) {
	base := func() *doc.Doc {
		d := &doc.Doc{Article: doc.Article{ID: "a1", Text: "Paris said the talks would resume on Monday."}}
		d.Sentences = doc.Spans{{Start: 0, End: 44}}
		d.Entities = []doc.Entity{{Span: doc.Span{Start: 0, End: 5}, Text: "Paris", Type: "GPE",
			Actor: &doc.Actor{Name: "France", Country: "FRA", Code: "FRA"}}}
		d.Timexes = []doc.Timex{{Span: doc.Span{Start: 37, End: 43}, Text: "Monday", Type: "DATE", Value: "2024-05-06"}}
		d.Quotes = []doc.Quote{{Span: doc.Span{Start: 11, End: 43}, Kind: doc.Indirect,
			Cue: &doc.Mention{Span: doc.Span{Start: 6, End: 10}}, Speaker: &doc.Speaker{Span: doc.Span{Start: 0, End: 5}, Text: "Paris"}}}
		d.Events = []doc.Event{{Sentence: doc.Span{Start: 0, End: 44}, Trigger: doc.Mention{Span: doc.Span{Start: 6, End: 10}},
			Plover: "CONSULT", Cameo: "040", Goldstein: 1, QuadClass: 1,
			Source: []doc.Actor{{Name: "France", Code: "FRA"}}}}
		return d
	}
	ref, _ := digest(base())
	for name, change := range map[string]func(d *doc.Doc){
		"title":           func(d *doc.Doc) { d.Title = "Talks" },
		"url":             func(d *doc.Doc) { d.URL = "https://example.org/a" },
		"sentence":        func(d *doc.Doc) { d.Sentences[0].End = 43 },
		"paragraphs":      func(d *doc.Doc) { d.Paragraphs = doc.Spans{} },
		"entity ref":      func(d *doc.Doc) { d.Entities[0].Ref = 2 },
		"entity actor":    func(d *doc.Doc) { d.Entities[0].Actor.Sector = "GOV" },
		"no actor":        func(d *doc.Doc) { d.Entities[0].Actor = nil },
		"timex value":     func(d *doc.Doc) { d.Timexes[0].Value = "2024-05-13" },
		"quote events":    func(d *doc.Doc) { d.Quotes[0].Events = []int{0} },
		"no cue":          func(d *doc.Doc) { d.Quotes[0].Cue = nil },
		"speaker text":    func(d *doc.Doc) { d.Quotes[0].Speaker.Text = "France" },
		"goldstein":       func(d *doc.Doc) { d.Events[0].Goldstein = 1.5 },
		"negated":         func(d *doc.Doc) { d.Events[0].Negated = true },
		"actor mention":   func(d *doc.Doc) { d.Events[0].Source[0].End = 5 },
		"source → target": func(d *doc.Doc) { d.Events[0].Target, d.Events[0].Source = d.Events[0].Source, nil },
		"warning":         func(d *doc.Doc) { d.Warnings = []string{"w"} },
	} {
		d := base()
		change(d)
		if got, _ := digest(d); got == ref {
			t.Errorf("%s: digest unchanged", name)
		}
	}
	d := base()
	d.Entities[0].Text, d.Tokens = "", []doc.Token{{Span: doc.Span{Start: 0, End: 5}}}
	if got, _ := digest(d); got != ref {
		t.Errorf("derived text or tokens changed the digest")
	}
}

// TestAppendJSONString checks the hand-written JSON strings against encoding/json's reading.
func TestAppendJSONString(t *testing.T) {
	for _, s := range []string{"", "plain", `quote " and \ backslash`, "tab\tnew\nline\r", "\x01\x1f ctl", "<a&b>",
		"Лавров said «нет»", "emoji 🙂 and \u2028"} {
		var got string
		b := appendJSONString(nil, s)
		if err := json.Unmarshal(b, &got); err != nil || got != s {
			t.Errorf("appendJSONString(%q) = %s, reads back as %q (%v)", s, b, got, err)
		}
	}
}

// FuzzAppendJSONString checks that any valid UTF-8 string reads back unchanged.
func FuzzAppendJSONString(f *testing.F) {
	f.Add("a\"b\\c\n\x00")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		var got string
		if err := json.Unmarshal(appendJSONString(nil, s), &got); err != nil || got != s {
			t.Fatalf("%q reads back as %q (%v)", s, got, err)
		}
	})
}

// TestReplaceWithinBatch puts a document and its re-coded version in one batch, then again: the
// full-text rows (written once per batch) and the clusters must follow the last version.
func TestReplaceWithinBatch(t *testing.T) {
	forEach(t, func(t *testing.T, s Store) {
		d := sampleDoc(t, "https://example.org/b", "2022-05-25")
		d2 := sampleDoc(t, "https://example.org/b", "2022-05-25")
		d2.Events = d2.Events[1:]
		d2.Quotes[0].Events = nil
		other := sampleDoc(t, "https://example.org/c", "2022-05-26")
		for round := range 2 {
			res, err := s.PutBatch(ctx, []*doc.Doc{d, other, d2})
			if err != nil {
				t.Fatal(err)
			}
			want := []Result{Inserted, Inserted, Replaced}
			if round == 1 {
				want = []Result{Replaced, Unchanged, Replaced}
			}
			if !slices.Equal(res, want) {
				t.Fatalf("round %d: results %v, want %v", round, res, want)
			}
			var docs, quotes int
			s.Documents(ctx, DocQuery{Text: "exercises"}, func(*DocSummary) error { docs++; return nil })
			s.Quotes(ctx, QuoteQuery{Text: "answers"}, func(*QuoteRow) error { quotes++; return nil })
			if docs != 2 || quotes != 2 {
				t.Errorf("round %d: text searches find %d documents and %d quotes, want 2 and 2", round, docs, quotes)
			}
			var cs []Cluster
			s.Clusters(ctx, Query{}, func(c *Cluster) error { cs = append(cs, *c); return nil })
			// The RUS-USA request of other, and the IGOWSTNAT-RUS criticism of both articles.
			if len(cs) != 2 || cs[0].Source != "IGOWSTNAT" || cs[0].Target != "RUS" || cs[0].Root != "11" ||
				cs[0].Articles != 2 || cs[0].Day != "2022-05-23" || cs[1].Source != "RUSGOV" || cs[1].Target != "USA" ||
				cs[1].Root != "02" || cs[1].Events != 1 {
				t.Errorf("round %d: clusters %+v", round, cs)
			}
		}
	})
}
