package timex

import (
	"strings"
	"testing"

	"dyad/doc"
)

// span finds the first occurrence of s in text.
func span(t *testing.T, text, s string) doc.Span {
	t.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q not in %q", s, text)
	}
	return doc.Span{Start: i, End: i + len(s)}
}

func TestEventDate(t *testing.T) {
	st := newStage(t)
	text := "On Wednesday, the allies delivered replies to demands that Russia had put forward in December. " +
		"Moscow says it is studying them. " +
		"The talks lasted three days and ended on 28 April 2022."
	d := doc.New(doc.Article{Text: text, Published: "2022-05-28T04:19:00+03:00"})
	s1 := strings.Index(text, "Moscow")
	s2 := strings.Index(text, "The talks")
	d.Sentences = doc.Spans{{Start: 0, End: s1 - 1}, {Start: s1, End: s2 - 1}, {Start: s2, End: len(text)}}
	if err := st.Apply(d); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		trigger, value, basis string
	}{
		{"delivered", "2022-05-25", "timex"},
		{"put forward", "2021-12", "timex"},
		{"studying", "2022-05-28", "published"},
		{"lasted", "2022-04-28", "timex"}, // a duration does not date an event; the date in the clause does
	}
	for _, c := range cases {
		v, b := EventDate(d, doc.Span{}, span(t, text, c.trigger))
		if v != c.value || b != c.basis {
			t.Errorf("%q: date %s (%s), want %s (%s)", c.trigger, v, b, c.value, c.basis)
		}
	}
	// a clause narrower than the sentence: only its own expressions count, then the sentence's
	tr := span(t, text, "put forward")
	clause := doc.Span{Start: strings.Index(text, "that Russia"), End: s1 - 1}
	if i := EventTimex(d, clause, tr); i < 0 || d.Timexes[i].Text != "December" {
		t.Errorf("the clause of %q is governed by timex %d, want December", "put forward", i)
	}
	// no timex and no publication date
	d2 := doc.New(doc.Article{Text: "They met."})
	if v, b := EventDate(d2, doc.Span{}, doc.Span{Start: 5, End: 8}); v != "" || b != "" {
		t.Errorf("without dates got %q %q", v, b)
	}
	d3 := doc.New(doc.Article{Text: "They met.", Published: "2022-05"})
	if v, b := EventDate(d3, doc.Span{}, doc.Span{Start: 5, End: 8}); v != "2022-05" || b != "published" {
		t.Errorf("with a month as publication date got %q %q", v, b)
	}
}

func TestDateOf(t *testing.T) {
	for in, want := range map[string]string{"2022-05-28TMO": "2022-05-28", "2022-05-28T04:19": "2022-05-28", "2021-12": "2021-12"} {
		if got := dateOf(in); got != want {
			t.Errorf("dateOf(%q) = %q, want %q", in, got, want)
		}
	}
}

// A date that names a thing ("the 2015 accord") or sits in a later clause does not date the event.
func TestEventDateSkipsModifiersAndLaterClauses(t *testing.T) {
	st := newStage(t)
	text := "The minister asked that the envoys explain their stance on the 2015 accord. " +
		"The army withdrew, which the rebels had demanded in March."
	d := doc.New(doc.Article{Text: text, Published: "2022-05-28"})
	s2 := strings.Index(text, "The army")
	d.Sentences = doc.Spans{{Start: 0, End: s2 - 1}, {Start: s2, End: len(text)}}
	if err := st.Apply(d); err != nil {
		t.Fatal(err)
	}
	if len(d.Timexes) < 2 {
		t.Fatalf("expected the year and the month to be found, got %+v", d.Timexes)
	}
	for _, c := range []struct{ trigger, value, basis string }{
		{"asked", "2022-05-28", "published"},
		{"withdrew", "2022-05-28", "published"},
		{"demanded", "2022-03", "timex"},
	} {
		v, b := EventDate(d, doc.Span{}, span(t, text, c.trigger))
		if v != c.value || b != c.basis {
			t.Errorf("EventDate(%q) = %q (%s), want %q (%s)", c.trigger, v, b, c.value, c.basis)
		}
	}
}
