package events

import (
	"strings"
	"testing"
	"unicode/utf8"

	"dyad/doc"
)

// FuzzApply codes arbitrary text with entities on its capitalised words: no panics, every event
// inside its sentence, trigger and actor offsets in range and on rune boundaries.
func FuzzApply(f *testing.F) {
	for _, s := range []string{
		"Russia attacked Ukraine.",
		"The United States and NATO held talks with Russia on Wednesday.",
		"Anna Smith said: \u201cWe don\u2019t want wars\u201d.",
		"Ukraine was attacked by Russia, which denied it.",
		"France\u2019s airstrikes on Mali\u2014reported by Le Monde\u2014killed 5.",
		"", ".", "'s n't", "U.S. Sanctions", "\xff\xfe attacked",
	} {
		f.Add(s)
	}
	s := newTestStage(f)
	f.Fuzz(func(t *testing.T, text string) {
		d := doc.New(doc.Article{Text: text, Published: "2024-01-02"})
		d.Sentences = splitSentences(text)
		// an entity on every capitalised word
		for i := 0; i < len(text); {
			r, w := utf8.DecodeRuneInString(text[i:])
			if r >= 'A' && r <= 'Z' {
				j := i + w
				for j < len(text) && text[j] >= 'a' && text[j] <= 'z' {
					j++
				}
				d.Entities = append(d.Entities, doc.Entity{Span: doc.Span{Start: i, End: j}, Type: "GPE", Ref: -1,
					Actor: &doc.Actor{Code: strings.ToUpper(text[i:j])}})
				i = j
				continue
			}
			i += w
		}
		if err := s.Apply(d); err != nil {
			t.Fatal(err)
		}
		valid := utf8.ValidString(text) // rune boundaries are only defined for valid UTF-8
		ok := func(sp doc.Span) bool {
			return sp.Start >= 0 && sp.End <= len(text) && sp.Start <= sp.End && (!valid ||
				(sp.Start == len(text) || utf8.RuneStart(text[sp.Start])) && (sp.End == len(text) || utf8.RuneStart(text[sp.End])))
		}
		for _, e := range d.Events {
			if !ok(e.Trigger.Span) || !e.Sentence.Contains(e.Trigger.Span) || e.Trigger.Text != text[e.Trigger.Start:e.Trigger.End] {
				t.Fatalf("trigger %+v is not a span of its sentence %+v in %q", e.Trigger, e.Sentence, text)
			}
			for _, a := range append(append([]doc.Actor{}, e.Source...), e.Target...) {
				if !ok(a.Mention()) || a.End <= a.Start {
					t.Fatalf("actor mention %+v out of range in %q", a, text)
				}
			}
			if e.Cameo == "" || e.Rule == "" {
				t.Fatalf("event without code or rule: %+v", e)
			}
		}
	})
}
