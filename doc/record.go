package doc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

// Encode returns the JSON record of d on one line (no trailing newline). Offsets are converted from
// bytes to code points, and the text fields of spans are filled from Doc.Text, so a record always
// agrees with its text. Layers that are nil are written as empty lists.
func Encode(d *Doc) ([]byte, error) {
	r := d.remap(newOffsetMap(d.Text).toRunes, true)
	return json.Marshal(r)
}

// EncodeIndent is Encode with indentation, for people.
func EncodeIndent(d *Doc) ([]byte, error) {
	r := d.remap(newOffsetMap(d.Text).toRunes, true)
	return json.MarshalIndent(r, "", "  ")
}

// record is the wire form: a Doc plus the aliases that inputs may use.
type record struct {
	Doc
	Content *string `json:"content"`
	Body    *string `json:"body"`
	Date    *string `json:"date"`
}

// Decode parses one JSON record. It accepts "content" and "body" as aliases of "text" and "date" of
// "published"; layers present in the record are kept, with their offsets converted from code points
// to bytes. It fails when the record is not a JSON object, has no text, or has an offset outside the
// text.
func Decode(data []byte) (*Doc, error) {
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return nil, fmt.Errorf("empty record")
	}
	if data[0] != '{' {
		return nil, fmt.Errorf("record is not a JSON object")
	}
	var r record
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("malformed JSON: %w", err)
	}
	d := r.Doc
	if d.Text == "" {
		switch {
		case r.Content != nil:
			d.Text = *r.Content
		case r.Body != nil:
			d.Text = *r.Body
		}
	}
	if d.Published == "" && r.Date != nil {
		d.Published = *r.Date
	}
	if d.Text == "" {
		return nil, fmt.Errorf("record has no text (looked for \"text\", \"content\" and \"body\")")
	}
	if !utf8.ValidString(d.Text) {
		return nil, fmt.Errorf("record text is not valid UTF-8")
	}
	m := newOffsetMap(d.Text)
	var bad error
	conv := func(cp int) int {
		b, ok := m.toBytes(cp)
		if !ok && bad == nil {
			bad = fmt.Errorf("offset %d is outside the text (%d code points)", cp, m.runes)
		}
		return b
	}
	out := d.remap(conv, false)
	if bad != nil {
		return nil, bad
	}
	if err := out.check(); err != nil {
		return nil, err
	}
	for i := range out.Entities {
		out.Entities[i].Ref = -1 // coreference links are not part of the record
	}
	return out, nil
}

// check reports the first span that ends before it starts, and quote links to events that do not
// exist.
func (d *Doc) check() error {
	bad := func(what string, i int, s Span) error {
		if s.End < s.Start {
			return fmt.Errorf("%s %d: span [%d, %d] ends before it starts", what, i, s.Start, s.End)
		}
		return nil
	}
	var errs []error
	for i, e := range d.Entities {
		errs = append(errs, bad("entity", i, e.Span))
	}
	for i, t := range d.Timexes {
		errs = append(errs, bad("timex", i, t.Span))
	}
	for i, q := range d.Quotes {
		errs = append(errs, bad("quote", i, q.Span))
		for _, e := range q.Events {
			if e < 0 || e >= len(d.Events) {
				errs = append(errs, fmt.Errorf("quote %d: links to event %d, which does not exist", i, e))
			}
		}
	}
	for i, e := range d.Events {
		errs = append(errs, bad("event", i, e.Trigger.Span), bad("event sentence", i, e.Sentence))
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// offsetMap converts between byte offsets and code-point offsets of one text.
type offsetMap struct {
	ascii bool
	runes int
	// byteOf[i] is the byte offset of code point i; len(byteOf) = runes+1.
	byteOf []int
	// text is kept for byte -> rune conversion.
	text string
}

func newOffsetMap(text string) *offsetMap {
	m := &offsetMap{text: text}
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		m.ascii, m.runes = true, len(text)
		return m
	}
	m.byteOf = make([]int, 0, len(text)+1)
	for i := range text {
		m.byteOf = append(m.byteOf, i)
	}
	m.runes = len(m.byteOf)
	m.byteOf = append(m.byteOf, len(text))
	return m
}

// toRunes converts a byte offset to a code-point offset. An offset inside a rune counts as the rune
// that contains it; offsets out of range are clamped.
func (m *offsetMap) toRunes(b int) int {
	if b <= 0 {
		return 0
	}
	if m.ascii {
		return min(b, m.runes)
	}
	if b >= len(m.text) {
		return m.runes
	}
	// binary search for the last code point whose byte offset <= b
	lo, hi := 0, m.runes
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if m.byteOf[mid] <= b {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// toBytes converts a code-point offset to a byte offset, reporting false when it is out of range.
func (m *offsetMap) toBytes(cp int) (int, bool) {
	if cp < 0 || cp > m.runes {
		return 0, false
	}
	if m.ascii {
		return cp, true
	}
	return m.byteOf[cp], true
}

// RuneOffsets converts byte offsets of text to code-point offsets, for callers outside this package
// that talk to code-point consumers.
func RuneOffsets(text string, offs ...int) []int {
	m := newOffsetMap(text)
	out := make([]int, len(offs))
	for i, o := range offs {
		out[i] = m.toRunes(o)
	}
	return out
}

// remap returns a copy of d whose offsets have been passed through f. With fill, the text fields of
// spans are set from the text (f must then convert from bytes, so slicing uses the original offsets).
// Nil layers become empty ones, so that the record always lists every layer.
func (d *Doc) remap(f func(int) int, fill bool) *Doc {
	out := *d
	sp := func(s Span) Span { return Span{f(s.Start), f(s.End)} }
	txt := func(s Span, old string) string {
		if fill {
			return d.Slice(s)
		}
		return old
	}
	out.Sentences = make(Spans, len(d.Sentences))
	for i, s := range d.Sentences {
		out.Sentences[i] = sp(s)
	}
	if d.Paragraphs != nil {
		out.Paragraphs = make(Spans, len(d.Paragraphs))
		for i, s := range d.Paragraphs {
			out.Paragraphs[i] = sp(s)
		}
	}
	out.Tokens = nil
	actor := func(a *Actor) *Actor {
		if a == nil {
			return nil
		}
		c := *a
		if c.End > 0 {
			c.Start, c.End = f(a.Start), f(a.End)
		}
		return &c
	}
	out.Entities = make([]Entity, len(d.Entities))
	for i, e := range d.Entities {
		e.Text = txt(e.Span, e.Text)
		e.Span = sp(e.Span)
		e.Actor = actor(e.Actor)
		out.Entities[i] = e
	}
	out.Timexes = make([]Timex, len(d.Timexes))
	for i, t := range d.Timexes {
		t.Text = txt(t.Span, t.Text)
		t.Span = sp(t.Span)
		out.Timexes[i] = t
	}
	out.Quotes = make([]Quote, len(d.Quotes))
	for i, q := range d.Quotes {
		q.Text = txt(q.Span, q.Text)
		q.Span = sp(q.Span)
		if q.Parts != nil {
			parts := make(Spans, len(q.Parts))
			for j, p := range q.Parts {
				parts[j] = sp(p)
			}
			q.Parts = parts
		}
		if q.Cue != nil {
			c := *q.Cue
			c.Text = txt(c.Span, c.Text)
			c.Span = sp(c.Span)
			q.Cue = &c
		}
		if q.Speaker != nil {
			s := *q.Speaker
			s.Text = txt(s.Span, s.Text)
			s.Span = sp(s.Span)
			s.Actor = actor(s.Actor)
			q.Speaker = &s
		}
		if q.Events != nil {
			q.Events = append([]int(nil), q.Events...)
		}
		out.Quotes[i] = q
	}
	out.Events = make([]Event, len(d.Events))
	actors := func(as []Actor) []Actor {
		r := make([]Actor, len(as))
		for i := range as {
			r[i] = *actor(&as[i])
		}
		return r
	}
	for i, e := range d.Events {
		e.Sentence = sp(e.Sentence)
		e.Trigger.Text = txt(e.Trigger.Span, e.Trigger.Text)
		e.Trigger.Span = sp(e.Trigger.Span)
		e.Source = actors(e.Source)
		e.Target = actors(e.Target)
		out.Events[i] = e
	}
	if d.Warnings != nil {
		out.Warnings = append([]string(nil), d.Warnings...)
	}
	return &out
}
