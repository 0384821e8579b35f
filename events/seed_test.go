package events

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"

	"dyad/doc"
)

const seedGold = "/work/shared/eval/data/seed.jsonl"

// seedDoc reads the seed article with its gold entities, timexes and quotes, adds the mentions of
// the West that the actors stage finds ("Western powers"), and splits sentences.
func seedDoc(t *testing.T) *doc.Doc {
	b := readFileOrSkip(t, seedGold)
	d, err := doc.Decode(bytes.TrimSpace(b))
	if err != nil {
		t.Fatal(err)
	}
	d.Events = nil
	for i := range d.Entities {
		d.Entities[i].Ref = -1
	}
	for _, w := range []string{"Western powers", "Western counterparts", "Western nations", "the West"} {
		from := 0
		for {
			i := strings.Index(d.Text[from:], w)
			if i < 0 {
				break
			}
			i += from
			from = i + len(w)
			d.Entities = append(d.Entities, doc.Entity{Span: doc.Span{Start: i, End: from}, Text: w, Type: "NORP", Ref: -1,
				Actor: &doc.Actor{Name: "the West", Code: "WST"}})
		}
	}
	sortEntities(d)
	d.Sentences = splitSentences(d.Text)
	return d
}

func triple(e doc.Event) string {
	side := func(as []doc.Actor) string {
		m := map[string]bool{}
		for _, a := range as {
			c := a.Country
			if c == "" && len(a.Code) >= 3 {
				c = a.Code[:3]
			}
			m[c] = true
		}
		var s []string
		for c := range m {
			s = append(s, c)
		}
		sort.Strings(s)
		return strings.Join(s, "+")
	}
	return fmt.Sprintf("%s %s->%s", e.Plover, side(e.Source), side(e.Target))
}

func TestSeed(t *testing.T) {
	d := seedDoc(t)
	s := newTestStage(t)
	if err := s.Apply(d); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range d.Events {
		t.Logf("%-8s %-5s %-22s %-10s %-12s %q %s", e.Plover, e.Cameo, triple(e), e.Date, e.Modality, e.Trigger.Text, e.Rule)
		if e.Plover != "" {
			got[triple(e)] = e.Date
		}
		if e.Plover == "ASSAULT" || e.Plover == "THREATEN" {
			t.Errorf("the seed has no %s event, got one from %q", e.Plover, e.Trigger.Text)
		}
	}
	want := map[string]string{
		"REQUEST RUS->USA+WST": "2022-05-28",
		"REQUEST RUS->IGO+USA": "2021-12",
		"CONSULT IGO+USA->RUS": "2022-05-25",
		"ACCUSE RUS->WST":      "2022-05-28",
		"ACCUSE RUS->IGO+USA":  "2022-05-28",
	}
	for k, v := range want {
		if date, ok := got[k]; !ok {
			t.Errorf("missing the gold event %s", k)
		} else if date != v {
			t.Errorf("event %s is dated %s, want %s", k, date, v)
		}
	}
}
