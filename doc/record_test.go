package doc

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestRoundTripNonASCII(t *testing.T) {
	// "“Мы” 🙂 said Лавров." with spans in code points.
	text := "“Мы” 🙂 said Лавров."
	rec := `{"id":"x","published":"2022-05-28T04:19:00","text":"` + text + `",` +
		`"sentences":[[0,19]],` +
		`"entities":[{"start":12,"end":18,"text":"Лавров","type":"PERSON"}],` +
		`"quotes":[{"start":0,"end":4,"text":"“Мы”","kind":"direct","cue":{"start":7,"end":11,"text":"said"},` +
		`"speaker":{"start":12,"end":18,"text":"Лавров"}}],"timexes":[],"events":[]}`
	d, err := Decode([]byte(rec))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Slice(d.Entities[0].Span); got != "Лавров" {
		t.Fatalf("entity span decodes to %q, want Лавров", got)
	}
	if got := d.Slice(d.Quotes[0].Cue.Span); got != "said" {
		t.Fatalf("cue decodes to %q, want said", got)
	}
	if got := d.Slice(d.Sentences[0]); got != text {
		t.Fatalf("sentence decodes to %q", got)
	}
	out, err := Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	var a, b map[string]any
	if err := json.Unmarshal([]byte(rec), &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out, &b); err != nil {
		t.Fatal(err)
	}
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Fatalf("round trip changed the record:\n in: %s\nout: %s", ja, jb)
	}
}

// Sentences in the JSON record are [start, end] pairs, as the contract says.
func TestSpanListsArePairs(t *testing.T) {
	d := New(Article{Text: "A b. C d."})
	d.Sentences = []Span{{0, 4}, {5, 9}}
	out, err := Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `"sentences":[[0,4],[5,9]]`) {
		t.Fatalf("sentences not written as pairs: %s", out)
	}
}

func TestDecodeAliasesAndErrors(t *testing.T) {
	d, err := Decode([]byte(`{"content":"Hello.","date":"2020-01-02"}`))
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != "Hello." || d.Published != "2020-01-02" {
		t.Fatalf("aliases not read: %+v", d.Article)
	}
	d, err = Decode([]byte(`{"body":"Hi."}`))
	if err != nil || d.Text != "Hi." {
		t.Fatalf("body alias not read: %v %+v", err, d)
	}
	for _, bad := range []string{``, `[1]`, `{"text":`, `{"id":"a"}`, `{"text":"abc","sentences":[[0,9]]}`, "\x00\x01"} {
		if _, err := Decode([]byte(bad)); err == nil {
			t.Errorf("Decode(%q) succeeded, want an error", bad)
		}
	}
}

func TestSentenceAt(t *testing.T) {
	d := New(Article{Text: "One. Two. Three."})
	d.Sentences = []Span{{0, 4}, {5, 9}, {10, 16}}
	for _, c := range []struct{ off, want int }{{0, 0}, {3, 0}, {4, -1}, {5, 1}, {12, 2}, {16, -1}} {
		if got := d.SentenceAt(c.off); got != c.want {
			t.Errorf("SentenceAt(%d) = %d, want %d", c.off, got, c.want)
		}
	}
}

func TestParseTime(t *testing.T) {
	for _, s := range []string{"2022-05-28", "2022-05-28T04:19:00", "2022-05-28T04:19:00Z", "2022-05-28T04:19:00+03:00", "1998-08-07"} {
		if _, ok := ParseTime(s); !ok {
			t.Errorf("ParseTime(%q) failed", s)
		}
	}
	if _, ok := ParseTime("28 May"); ok {
		t.Error("ParseTime accepted a non-ISO date")
	}
}

// An event actor whose mention starts the text keeps "start": 0 in the record.
func TestActorMentionAtZero(t *testing.T) {
	d := New(Article{Text: "Russia warned Ukraine."})
	d.Events = []Event{{Source: []Actor{{Name: "Russia", Code: "RUS", Start: 0, End: 6}}, Target: []Actor{{Name: "Ukraine", Code: "UKR"}}}}
	out, err := Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `"code":"RUS","start":0,"end":6`) {
		t.Fatalf("the mention at offset 0 lost its start: %s", out)
	}
	if strings.Contains(string(out), `"code":"UKR","start"`) {
		t.Fatalf("an actor without a mention got offsets: %s", out)
	}
	back, err := Decode(out)
	if err != nil {
		t.Fatal(err)
	}
	if a := back.Events[0].Source[0]; a.Start != 0 || a.End != 6 {
		t.Fatalf("decoded mention is %d-%d, want 0-6", a.Start, a.End)
	}
}

func TestDecodeRejectsBadLinks(t *testing.T) {
	for _, rec := range []string{
		`{"text":"abcdef","entities":[{"start":4,"end":2,"type":"ORG"}]}`,
		`{"text":"abcdef","quotes":[{"start":0,"end":3,"kind":"direct","events":[2]}]}`,
	} {
		if _, err := Decode([]byte(rec)); err == nil {
			t.Errorf("Decode(%s) succeeded, want an error", rec)
		}
	}
	d, err := Decode([]byte(`{"text":"NATO met.","entities":[{"start":0,"end":4,"type":"ORG"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if d.Entities[0].Ref != -1 {
		t.Errorf("a decoded entity refers to entity %d, want -1 (none)", d.Entities[0].Ref)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"text":"“Мы” said Лавров.","sentences":[[0,17]],"entities":[{"start":10,"end":16,"type":"PERSON"}]}`))
	f.Add([]byte(`{"content":"x","quotes":[{"start":0,"end":1,"parts":[[0,1]],"cue":{"start":0,"end":1}}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := Decode(b)
		if err != nil {
			return
		}
		for _, e := range d.Entities {
			if e.Start < 0 || e.End > len(d.Text) || e.Start > e.End {
				t.Fatalf("entity span %v outside the text", e.Span)
			}
		}
		out, err := Encode(d)
		if err != nil {
			t.Fatalf("a decoded record does not encode: %v", err)
		}
		again, err := Decode(out)
		if err != nil {
			t.Fatalf("an encoded record does not decode: %v\n%s", err, out)
		}
		out2, _ := Encode(again)
		if string(out) != string(out2) {
			t.Fatalf("encode(decode(encode(x))) differs:\n%s\n%s", out, out2)
		}
	})
}
