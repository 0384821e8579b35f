package server

import (
	"fmt"
	"html"
	"html/template"
	"slices"
	"strings"
	"unicode/utf8"

	"dyad/doc"
	"dyad/ontology"
)

// An annotation is one highlighted span of the article view.
type annotation struct {
	doc.Span
	kind  string // ent, tmx, quote, cue, spk, trg
	class string // extra CSS class (the entity type, the quote kind, the event's quad class)
	id    string // the anchor id of its first piece ("ent-3", "ev-0")
	title string // the tooltip
}

// quadNames names CAMEO's QuadClasses.
var quadNames = [...]string{"", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}

// quadName returns the name of a QuadClass, or "" for an unknown one.
func quadName(q int) string {
	if q < 1 || q > 4 {
		return ""
	}
	return quadNames[q]
}

// actorLabel describes an actor for a tooltip: "RUSGOV Sergey Lavrov (foreign minister)".
func actorLabel(a *doc.Actor) string {
	if a == nil {
		return ""
	}
	s := a.Code
	if a.Name != "" {
		s += " " + a.Name
	}
	if a.Role != "" {
		s += " (" + a.Role + ")"
	}
	return strings.TrimSpace(s)
}

func actorsLabel(as []doc.Actor) string {
	var parts []string
	for i := range as {
		parts = append(parts, actorLabel(&as[i]))
	}
	if len(parts) == 0 {
		return "?"
	}
	return strings.Join(parts, ", ")
}

// annotations lists the spans of every layer of d that are valid (in range, on rune boundaries);
// it reports how many it had to leave out.
func annotations(d *doc.Doc) ([]annotation, int) {
	var out []annotation
	bad := 0
	add := func(a annotation) {
		if !validSpan(d.Text, a.Span) || a.Start == a.End {
			bad++
			return
		}
		out = append(out, a)
	}
	for i, q := range d.Quotes {
		t := "quote (" + q.Kind + ")"
		if q.Speaker != nil {
			t += " by " + q.Speaker.Text
			if q.Speaker.Actor != nil {
				t += " = " + actorLabel(q.Speaker.Actor)
			}
		}
		if q.Rule != "" {
			t += "\nrule " + q.Rule
		}
		id := fmt.Sprintf("q-%d", i)
		if len(q.Parts) > 0 {
			for j, p := range q.Parts {
				a := annotation{Span: p, kind: "quote", class: "quote-" + q.Kind, title: t}
				if j == 0 {
					a.id = id
				}
				add(a)
			}
		} else {
			add(annotation{Span: q.Span, kind: "quote", class: "quote-" + q.Kind, id: id, title: t})
		}
		if q.Cue != nil {
			add(annotation{Span: q.Cue.Span, kind: "cue", id: fmt.Sprintf("cue-%d", i), title: "quotation cue of quote " + fmt.Sprint(i+1)})
		}
		if q.Speaker != nil {
			st := "speaker of quote " + fmt.Sprint(i+1)
			if q.Speaker.Actor != nil {
				st += ": " + actorLabel(q.Speaker.Actor)
			}
			add(annotation{Span: q.Speaker.Span, kind: "spk", id: fmt.Sprintf("spk-%d", i), title: st})
		}
	}
	for i, e := range d.Entities {
		t := e.Type
		if e.Actor != nil {
			t += " · " + actorLabel(e.Actor)
		}
		if e.Rule != "" {
			t += "\nrule " + e.Rule
		}
		add(annotation{Span: e.Span, kind: "ent", class: "ent-" + strings.ToLower(e.Type), id: fmt.Sprintf("ent-%d", i), title: t})
	}
	for i, x := range d.Timexes {
		t := x.Type + " = " + x.Value
		if x.Rule != "" {
			t += "\nrule " + x.Rule
		}
		add(annotation{Span: x.Span, kind: "tmx", id: fmt.Sprintf("tmx-%d", i), title: t})
	}
	for i, e := range d.Events {
		add(annotation{Span: e.Trigger.Span, kind: "trg", class: fmt.Sprintf("quad-%d", e.QuadClass), id: fmt.Sprintf("ev-%d", i), title: eventTitle(&e)})
	}
	return out, bad
}

// eventTitle is the tooltip of an event trigger: who did what to whom, the codes and the rule.
func eventTitle(e *doc.Event) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s -> %s: CAMEO %s", actorsLabel(e.Source), actorsLabel(e.Target), e.Cameo)
	if c, ok := ontology.Cameo(e.Cameo); ok {
		fmt.Fprintf(&b, " %s", c.Name)
	}
	if e.Plover != "" {
		fmt.Fprintf(&b, " · PLOVER %s", e.Plover)
	}
	fmt.Fprintf(&b, " · Goldstein %.1f", e.Goldstein)
	if e.Date != "" {
		fmt.Fprintf(&b, "\ndate %s (%s)", e.Date, e.DateBasis)
	}
	if e.Negated {
		b.WriteString(" · negated")
	}
	if e.Rule != "" {
		fmt.Fprintf(&b, "\nrule %s", e.Rule)
	}
	return b.String()
}

// validSpan reports whether s lies inside text and starts and ends on rune boundaries.
func validSpan(text string, s doc.Span) bool {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return false
	}
	onBoundary := func(i int) bool { return i == len(text) || utf8.RuneStart(text[i]) }
	return onBoundary(s.Start) && onBoundary(s.End)
}

// highlight renders text with the annotations as nested-free HTML: the text is cut at every
// annotation boundary, and each piece is one <span> whose classes are those of the annotations
// covering it (so overlapping layers, such as an entity inside a quote, show both). Each annotation
// also puts an empty anchor <span class="anchor" id="..."> where it starts. Everything from the text
// is escaped.
func highlight(text string, anns []annotation) template.HTML {
	type edge struct {
		at    int
		start bool
		i     int
	}
	edges := make([]edge, 0, 2*len(anns))
	for i, a := range anns {
		edges = append(edges, edge{a.Start, true, i}, edge{a.End, false, i})
	}
	slices.SortStableFunc(edges, func(x, y edge) int {
		if x.at != y.at {
			return x.at - y.at
		}
		if x.start != y.start { // ends before starts at the same offset
			if x.start {
				return 1
			}
			return -1
		}
		return 0
	})
	var b strings.Builder
	b.Grow(len(text) * 2)
	var active []int
	pos := 0
	flush := func(to int) {
		if to <= pos {
			return
		}
		piece := html.EscapeString(text[pos:to])
		if len(active) == 0 {
			b.WriteString(piece)
		} else {
			var cls, titles, refs []string
			for _, i := range active {
				a := &anns[i]
				cls = append(cls, a.kind)
				if a.class != "" {
					cls = append(cls, a.class)
				}
				if a.title != "" {
					titles = append(titles, a.title)
				}
				if a.id != "" {
					refs = append(refs, a.id)
				}
			}
			slices.Sort(cls)
			cls = slices.Compact(cls)
			fmt.Fprintf(&b, `<span class="%s" title="%s" data-ann="%s">%s</span>`,
				html.EscapeString(strings.Join(cls, " ")), html.EscapeString(strings.Join(titles, "\n")),
				html.EscapeString(strings.Join(refs, " ")), piece)
		}
		pos = to
	}
	for _, e := range edges {
		flush(e.at)
		if e.start {
			active = append(active, e.i)
			if id := anns[e.i].id; id != "" {
				fmt.Fprintf(&b, `<span class="anchor" id="%s"></span>`, html.EscapeString(id))
			}
		} else if k := slices.Index(active, e.i); k >= 0 {
			active = slices.Delete(active, k, k+1)
		}
	}
	flush(len(text))
	return template.HTML(b.String())
}

// articleView is what the article template shows: the highlighted text and the layers as tables.
type articleView struct {
	Doc       *doc.Doc
	DocID     int64 // the store id, 0 for an unstored article
	Text      template.HTML
	Events    []eventView
	Quotes    []quoteView
	Entities  []entityView
	Timexes   []doc.Timex
	Left      int // annotations left out because their offsets were invalid
	Linkable  bool
	CodedInMs float64
}

// eventView is one event of the article with everything explained.
type eventView struct {
	N          int
	Anchor     string
	E          *doc.Event
	Trigger    string
	CameoName  string
	CameoRef   string
	PloverDesc string
	QuadName   string
	Source     []doc.Actor
	Target     []doc.Actor
	Sentence   string
}

// quoteView is one quote of the article.
type quoteView struct {
	N       int
	Anchor  string
	Q       *doc.Quote
	Text    string
	Cue     string
	Speaker string
	Actor   *doc.Actor
}

// entityView is one entity of the article.
type entityView struct {
	N      int
	Anchor string
	E      *doc.Entity
	Text   string
}

// newArticleView builds the view of d.
func newArticleView(d *doc.Doc, docID int64, linkable bool) *articleView {
	anns, bad := annotations(d)
	v := &articleView{Doc: d, DocID: docID, Text: highlight(d.Text, anns), Left: bad, Linkable: linkable}
	for _, t := range d.Timexes {
		if s := d.Slice(t.Span); s != "" {
			t.Text = s
		}
		v.Timexes = append(v.Timexes, t)
	}
	for i := range d.Events {
		e := &d.Events[i]
		ev := eventView{N: i + 1, Anchor: fmt.Sprintf("ev-%d", i), E: e, Trigger: d.Slice(e.Trigger.Span),
			QuadName: quadName(e.QuadClass), Source: e.Source, Target: e.Target, Sentence: d.Slice(e.Sentence)}
		if ev.Trigger == "" {
			ev.Trigger = e.Trigger.Text
		}
		if c, ok := ontology.Cameo(e.Cameo); ok {
			ev.CameoName, ev.CameoRef = c.Name, c.Ref
		}
		if t, ok := ontology.Plover(e.Plover); ok {
			ev.PloverDesc = t.Description
		}
		v.Events = append(v.Events, ev)
	}
	for i := range d.Quotes {
		q := &d.Quotes[i]
		qv := quoteView{N: i + 1, Anchor: fmt.Sprintf("q-%d", i), Q: q, Text: d.Slice(q.Span)}
		if q.Cue != nil {
			qv.Cue = d.Slice(q.Cue.Span)
		}
		if q.Speaker != nil {
			qv.Speaker, qv.Actor = q.Speaker.Text, q.Speaker.Actor
		}
		v.Quotes = append(v.Quotes, qv)
	}
	for i := range d.Entities {
		e := &d.Entities[i]
		v.Entities = append(v.Entities, entityView{N: i + 1, Anchor: fmt.Sprintf("ent-%d", i), E: e, Text: d.Slice(e.Span)})
	}
	return v
}
