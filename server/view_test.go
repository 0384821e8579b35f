package server

import (
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"dyad/doc"
	"dyad/store"
)

var tagRE = regexp.MustCompile(`<[^>]*>`)

// plain strips the markup of highlighted text and unescapes it.
func plain(h string) string { return html.UnescapeString(tagRE.ReplaceAllString(h, "")) }

func TestHighlight(t *testing.T) {
	text := "Vell said <no> to Freedonia."
	sp := func(sub string) doc.Span { return at(t, text, sub, 0) }
	cases := []struct {
		name string
		anns []annotation
		want string
	}{
		{"nothing", nil, "Vell said &lt;no&gt; to Freedonia."},
		{"one", []annotation{{Span: sp("Vell"), kind: "ent", id: "ent-0", title: "PERSON"}},
			`<span class="anchor" id="ent-0"></span><span class="ent" title="PERSON" data-ann="ent-0">Vell</span> said &lt;no&gt; to Freedonia.`},
		{"nested: a trigger inside a quote", []annotation{
			{Span: doc.Span{Start: 5, End: 14}, kind: "quote", id: "q-0"},
			{Span: sp("said"), kind: "trg", class: "quad-3", id: "ev-0"}},
			`Vell <span class="anchor" id="q-0"></span><span class="anchor" id="ev-0"></span><span class="quad-3 quote trg" title="" data-ann="q-0 ev-0">said</span><span class="quote" title="" data-ann="q-0"> &lt;no&gt;</span> to Freedonia.`},
		{"crossing spans", []annotation{
			{Span: doc.Span{Start: 0, End: 9}, kind: "a"},
			{Span: doc.Span{Start: 5, End: 14}, kind: "b"}},
			`<span class="a" title="" data-ann="">Vell </span><span class="a b" title="" data-ann="">said</span><span class="b" title="" data-ann=""> &lt;no&gt;</span> to Freedonia.`},
		{"touching spans", []annotation{
			{Span: sp("Vell"), kind: "a"}, {Span: doc.Span{Start: 4, End: 9}, kind: "b"}},
			`<span class="a" title="" data-ann="">Vell</span><span class="b" title="" data-ann=""> said</span> &lt;no&gt; to Freedonia.`},
		{"escaped title", []annotation{{Span: sp("Vell"), kind: "ent", title: `"x" <y>`}},
			`<span class="ent" title="&#34;x&#34; &lt;y&gt;" data-ann="">Vell</span> said &lt;no&gt; to Freedonia.`},
	}
	for _, c := range cases {
		got := string(highlight(text, c.anns))
		if got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
		if plain(got) != text {
			t.Errorf("%s: the text shown is not the text: %q", c.name, plain(got))
		}
	}
}

func TestAnnotationsSkipInvalidSpans(t *testing.T) {
	d := doc.New(doc.Article{Text: "Zürich talks"})
	d.Entities = []doc.Entity{
		{Span: doc.Span{Start: 0, End: 7}, Type: "GPE"},   // Zürich: valid
		{Span: doc.Span{Start: 0, End: 2}, Type: "GPE"},   // ends inside ü
		{Span: doc.Span{Start: 8, End: 99}, Type: "MISC"}, // past the end
		{Span: doc.Span{Start: 5, End: 3}, Type: "MISC"},  // backwards
	}
	anns, bad := annotations(d)
	if len(anns) != 1 || bad != 3 {
		t.Fatalf("kept %d annotations and left out %d, want 1 and 3", len(anns), bad)
	}
	v := newArticleView(d, 0, false)
	if v.Left != 3 || !strings.Contains(string(v.Text), `data-ann="ent-0">Zürich</span>`) {
		t.Fatalf("view: left %d, text %s", v.Left, v.Text)
	}
}

func TestArticleViewExplainsEvents(t *testing.T) {
	d := handDoc(t, "2022-05-02", "")
	v := newArticleView(d, 2, true)
	if len(v.Events) != 2 || len(v.Quotes) != 1 || len(v.Entities) != 7 || len(v.Timexes) != 1 {
		t.Fatalf("layers: %d events, %d quotes, %d entities, %d timexes", len(v.Events), len(v.Quotes), len(v.Entities), len(v.Timexes))
	}
	e := v.Events[0]
	if e.Trigger != "accused" || e.CameoName == "" || e.QuadName != "verbal conflict" || e.PloverDesc == "" || e.CameoRef == "" {
		t.Errorf("the first event is not explained: %+v", e)
	}
	if v.Timexes[0].Text != "On Monday" {
		t.Errorf("timex text %q, want the words of the text", v.Timexes[0].Text)
	}
	if n := strings.Count(string(v.Text), `<span class="anchor" id="ev-`); n != 2 {
		t.Errorf("%d trigger anchors, want 2", n)
	}
	if plain(string(v.Text)) != d.Text {
		t.Errorf("the highlighted text differs from the text")
	}
}

func FuzzHighlight(f *testing.F) {
	f.Add("Vell said no to Freedonia.", 0, 4, 5, 9, 2, 20)
	f.Add("Zürich «talks» — ok", 0, 7, 1, 3, 8, 16)
	f.Add("", 0, 0, 0, 1, 1, 1)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d, e, g int) {
		if !utf8.ValidString(text) {
			return
		}
		dd := doc.New(doc.Article{Text: text})
		dd.Entities = []doc.Entity{{Span: doc.Span{Start: a, End: b}, Type: "PERSON"}}
		dd.Timexes = []doc.Timex{{Span: doc.Span{Start: c, End: d}}}
		dd.Quotes = []doc.Quote{{Span: doc.Span{Start: e, End: g}, Kind: "direct", Speaker: &doc.Speaker{Span: doc.Span{Start: a, End: d}}}}
		dd.Events = []doc.Event{{Trigger: doc.Mention{Span: doc.Span{Start: b, End: g}}}}
		v := newArticleView(dd, 0, false)
		if got := plain(string(v.Text)); got != text {
			t.Fatalf("the highlighted text reads %q, want %q", got, text)
		}
		if !utf8.ValidString(string(v.Text)) {
			t.Fatalf("the highlighted text is not valid UTF-8")
		}
	})
}

func FuzzParseArticle(f *testing.F) {
	f.Add([]byte(`{"text":"a","sentences":[[0,1]]}`), "application/json")
	f.Add([]byte("Headline\n\nBody text."), "text/plain")
	f.Add([]byte("<html><body><p>x</p></body></html>"), "text/html")
	f.Add([]byte("{\"text\":\n}"), "application/json")
	f.Fuzz(func(t *testing.T, body []byte, mt string) {
		r := httptestRequest()
		in, err := parseArticle(r, body, mt)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("a bad article gave an error without a status: %v", err)
			}
			return
		}
		if in.doc != nil {
			for _, s := range in.doc.Sentences {
				if !validSpan(in.doc.Text, s) {
					t.Fatalf("sentence %v is not a valid span of the text", s)
				}
			}
		}
	})
}

func FuzzParams(f *testing.F) {
	f.Add("actor=RUS&dyad=RUS-USA&quad=3&from=2022&to=2022-05&limit=10&after=5&type=accuse&root=02&text=x")
	f.Add("from=2022-13&quad=x&either=maybe")
	f.Fuzz(func(t *testing.T, raw string) {
		r := httptestRequest()
		r.URL.RawQuery = raw
		p := newParams(r, eventParams...)
		q := p.eventQuery()
		if p.err != nil {
			return
		}
		if q.Limit < 1 || q.Limit > maxLimit || q.Offset < 0 || q.Quad < 0 || q.Quad > 4 {
			t.Fatalf("accepted out-of-range values: %+v", q)
		}
		for _, d := range []string{q.From, q.To} {
			if d != "" && len(d) != 10 {
				t.Fatalf("accepted a date %q that is not a day", d)
			}
		}
	})
}

func TestWidenDate(t *testing.T) {
	cases := []struct {
		in   string
		end  bool
		want string
		ok   bool
	}{
		{"2022-05-28", false, "2022-05-28", true},
		{"2022-05", false, "2022-05-01", true},
		{"2022-02", true, "2022-02-28", true},
		{"2024-02", true, "2024-02-29", true},
		{"2022", true, "2022-12-31", true},
		{"2022-13", false, "", false},
		{"22-05-01", false, "", false},
		{"May 2022", false, "", false},
	}
	for _, c := range cases {
		got, ok := widenDate(c.in, c.end)
		if got != c.want || ok != c.ok {
			t.Errorf("widenDate(%q, %v) = %q, %v; want %q, %v", c.in, c.end, got, ok, c.want, c.ok)
		}
	}
}

func TestTimelineChart(t *testing.T) {
	bs := []store.Bucket{
		{Start: "2022-01-01", Events: 3, Quad: [5]int{0, 1, 0, 2, 0}, Goldstein: -1},
		{Start: "2022-04-01", Events: 1, Quad: [5]int{0, 0, 0, 0, 1}, Goldstein: -9},
	}
	filled := fillBuckets(bs, store.Month)
	if len(filled) != 4 || filled[1].Start != "2022-02-01" || filled[1].Events != 0 || filled[3].Events != 1 {
		t.Fatalf("filled months: %+v", filled)
	}
	svg := string(timelineSVG(filled, store.Month))
	for _, w := range []string{`<rect class="q1"`, `<rect class="q3"`, `<rect class="q4"`, `<polyline class="goldstein"`, "2022-01-01: 3 events", ">2022-04<"} {
		if !strings.Contains(svg, w) {
			t.Errorf("the chart lacks %s", w)
		}
	}
	if strings.Count(svg, `<g class="bar">`) != 4 {
		t.Errorf("the chart has %d columns, want 4", strings.Count(svg, `<g class="bar">`))
	}
	if strings.Contains(svg, "http:") && !strings.Contains(svg, `xmlns="http://www.w3.org/2000/svg"`) {
		t.Errorf("the chart refers to the network")
	}
	if w := fillBuckets([]store.Bucket{{Start: "2022-05-02"}, {Start: "2022-05-16"}}, store.Week); len(w) != 3 {
		t.Errorf("filled weeks: %+v", w)
	}
	if e := string(timelineSVG(nil, store.Day)); !strings.Contains(e, "No dated events") {
		t.Errorf("an empty chart does not say so: %s", e)
	}
}
