// Package doc defines dyad's document record: the Article that comes in, the Doc that the pipeline
// stages annotate with stand-off layers, and the JSON record that carries both (see the evaluation
// contract). Inside Go every offset is a byte offset into Doc.Text that falls on a UTF-8 boundary; the
// JSON record speaks Unicode code points. The conversion happens once, in this package, when a record
// is encoded or decoded (the alignment policy: offsets that do not fall on a rune boundary are invalid,
// never silently moved).
package doc

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// Layer names one annotation layer of a Doc. Pipeline stages declare which layers they require and
// which they assign, and the pipeline checks the order when it is built.
type Layer string

// The layers of a Doc, in the order the standard pipeline fills them.
const (
	LayerText      Layer = "text"      // Text, Title, Published (the Article)
	LayerSentences Layer = "sentences" // Sentences, Paragraphs, Tokens
	LayerEntities  Layer = "entities"  // Entities with their Actors
	LayerTimexes   Layer = "timexes"   // Timexes
	LayerQuotes    Layer = "quotes"    // Quotes
	LayerEvents    Layer = "events"    // Events
	LayerLinks     Layer = "links"     // cross-references between layers: Quote.Events
)

// Span is a half-open range [Start, End) of byte offsets into Doc.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Article is one document as it arrives: what a source reader yields and what the pipeline codes.
type Article struct {
	// ID identifies the article in its collection; readers make one from the file name and line
	// when the input has none.
	ID string `json:"id,omitempty"`
	// Published is the publication date or date-time, ISO 8601 ("2022-05-28" or "2022-05-28T04:19:00",
	// with a zone when the source gave one). Relative dates are resolved against it.
	Published string `json:"published,omitempty"`
	// Title is the headline.
	Title string `json:"title,omitempty"`
	// URL is where the article was found, when known.
	URL string `json:"url,omitempty"`
	// Source names the publisher or feed ("Reuters", "POLITICO"), when known.
	Source string `json:"source,omitempty"`
	// Language is a BCP 47 tag ("en") when known.
	Language string `json:"language,omitempty"`
	// Text is the full text that every offset indexes. For plain-text articles it is the headline, a
	// blank line, then the body.
	Text string `json:"text"`
}

// PublishedTime parses Published. It accepts the ISO 8601 forms that Article.Published may hold and
// reports false when Published is empty or not understood. A date-time without a zone is taken as UTC.
func (a Article) PublishedTime() (time.Time, bool) {
	return ParseTime(a.Published)
}

var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006-01",
	"2006",
}

// ParseTime parses an ISO 8601 date or date-time as Article.Published holds it.
func ParseTime(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// Doc is an Article with the annotation layers that the pipeline stages add. Each stage reads the
// layers before it and adds its own; none changes an earlier layer.
type Doc struct {
	Article
	// Sentences are the sentence spans, in order, not overlapping. The title is one sentence when it is
	// part of Text.
	Sentences Spans `json:"sentences"`
	// Paragraphs are the paragraph spans (text between blank lines), in order.
	Paragraphs Spans `json:"paragraphs,omitempty"`
	// Tokens are the word and punctuation tokens, in order. They are not part of the JSON record.
	Tokens []Token `json:"-"`
	// Entities are named and nominal mentions (PERSON, ORG, GPE, LOC, NORP, ...), in order, not
	// overlapping; those that can act carry an Actor.
	Entities []Entity `json:"entities"`
	// Timexes are temporal expressions with their normalised values.
	Timexes []Timex `json:"timexes"`
	// Quotes are direct and indirect quotations with their speakers.
	Quotes []Quote `json:"quotes"`
	// Events are the coded events.
	Events []Event `json:"events"`
	// Warnings are problems a stage met while coding this document that did not stop it.
	Warnings []string `json:"warnings,omitempty"`
}

// New returns a Doc for the article with every layer empty.
func New(a Article) *Doc { return &Doc{Article: a} }

// Slice returns the text under s, or "" when s is out of range.
func (d *Doc) Slice(s Span) string {
	if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
		return ""
	}
	return d.Text[s.Start:s.End]
}

// SentenceAt returns the index of the sentence that contains byte offset off, or -1.
func (d *Doc) SentenceAt(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case off < d.Sentences[m].Start:
			hi = m
		case off >= d.Sentences[m].End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// TokenKind classifies a token.
type TokenKind uint8

// Token kinds.
const (
	Word   TokenKind = iota // letters, digits, and words with inner apostrophes, hyphens or dots (U.S.)
	Number                  // digits with inner separators (1,200; 3.5)
	Punct                   // punctuation, one mark or a run of the same mark (..., --)
	Symbol                  // other symbols ($, %, emoji)
)

// Token is one token of the text.
type Token struct {
	Span
	Kind TokenKind
}

// Actor is who acts: a country, an organisation or a person, coded in CAMEO's composition (country or
// international type, then sector codes).
type Actor struct {
	// Name is the canonical name ("Sergey Lavrov", "United States", "NATO").
	Name string `json:"name"`
	// Country is the ISO 3166-1 alpha-3 code, empty for international and non-state actors.
	Country string `json:"country"`
	// Sector is the first sector code (GOV, MIL, OPP, ...), or empty.
	Sector string `json:"sector"`
	// Code is the full CAMEO actor code ("RUSGOV", "IGOWSTNAT", "WST").
	Code string `json:"code"`
	// Role describes the office that the article's date selects ("foreign minister"), when known.
	Role string `json:"role,omitempty"`
	// Rule names the dictionary entry (file:line) or rule that coded this actor.
	Rule string `json:"rule,omitempty"`
	// Start and End locate the mention this actor came from, when the actor belongs to an event or a
	// quote; both are zero otherwise (and then left out of the JSON record).
	Start int `json:"-"`
	End   int `json:"-"`
}

// actorJSON is the wire form of Actor: the mention offsets are written only when there is a mention
// (End > 0), so that a mention at offset 0 keeps its start.
type actorJSON struct {
	Name    string `json:"name"`
	Country string `json:"country"`
	Sector  string `json:"sector"`
	Code    string `json:"code"`
	Role    string `json:"role,omitempty"`
	Rule    string `json:"rule,omitempty"`
	Start   *int   `json:"start,omitempty"`
	End     *int   `json:"end,omitempty"`
}

// MarshalJSON writes the actor, with its mention offsets when it has a mention.
func (a Actor) MarshalJSON() ([]byte, error) {
	w := actorJSON{Name: a.Name, Country: a.Country, Sector: a.Sector, Code: a.Code, Role: a.Role, Rule: a.Rule}
	if a.End > 0 {
		w.Start, w.End = &a.Start, &a.End
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads an actor.
func (a *Actor) UnmarshalJSON(b []byte) error {
	var w actorJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*a = Actor{Name: w.Name, Country: w.Country, Sector: w.Sector, Code: w.Code, Role: w.Role, Rule: w.Rule}
	if w.Start != nil && w.End != nil {
		a.Start, a.End = *w.Start, *w.End
	}
	return nil
}

// Mention returns the mention span of the actor.
func (a Actor) Mention() Span { return Span{a.Start, a.End} }

// IsZero reports whether the actor is empty.
func (a Actor) IsZero() bool { return a.Code == "" && a.Name == "" }

// Entity is a mention of a person, organisation, place or group.
type Entity struct {
	Span
	// Text is the mention as written; the encoder fills it from the span.
	Text string `json:"text"`
	// Type is PERSON, ORG, GPE, LOC, FAC, NORP or MISC.
	Type string `json:"type"`
	// Actor is the coded actor, when the mention can act.
	Actor *Actor `json:"actor,omitempty"`
	// Rule names the dictionary entry or rule that found the mention.
	Rule string `json:"rule,omitempty"`
	// Ref, for a coreferent mention ("Lavrov" after "Sergey Lavrov"), is the index of the entity it
	// refers to, or -1. Stages that make entities set it; Decode sets -1, as it is not part of the
	// JSON record.
	Ref int `json:"-"`
}

// Mention is a span of text with the text it covers (a cue, a trigger).
type Mention struct {
	Span
	Text string `json:"text"`
}

// Speaker is the speaker of a quote as written ("he", "the spokesman", "Lavrov") and the actor it
// resolves to.
type Speaker struct {
	Span
	Text  string `json:"text"`
	Actor *Actor `json:"actor,omitempty"`
}

// Quote kinds.
const (
	Direct   = "direct"   // the words in quote marks
	Indirect = "indirect" // reported speech without quote marks
	Mixed    = "mixed"    // reported speech with quoted fragments
)

// Quote is a quotation: its content span, kind, cue and speaker.
type Quote struct {
	Span
	// Text is the content as written; the encoder fills it from the span.
	Text string `json:"text"`
	// Kind is Direct, Indirect or Mixed.
	Kind string `json:"kind"`
	// Parts lists the content pieces of a quotation interrupted by its cue; empty for one piece.
	Parts Spans `json:"parts,omitempty"`
	// Cue is the verb or phrase that introduces the quote ("said", "according to").
	Cue *Mention `json:"cue,omitempty"`
	// Speaker is who spoke.
	Speaker *Speaker `json:"speaker,omitempty"`
	// Events lists the indexes (into Doc.Events) of the events that this quote reports; it belongs to
	// the links layer, filled after the events.
	Events []int `json:"events,omitempty"`
	// Rule names the pattern that found the quote.
	Rule string `json:"rule,omitempty"`
}

// Timex is a temporal expression with its TIMEX3 type and normalised value.
type Timex struct {
	Span
	Text string `json:"text"`
	// Type is DATE, TIME, DURATION or SET.
	Type string `json:"type"`
	// Value is the normalised value ("2022-05-25", "2021-12", "P3D", "PRESENT_REF", "XXXX-WXX-7").
	Value string `json:"value"`
	// Rule names the pattern that found the expression and how it was anchored.
	Rule string `json:"rule,omitempty"`
}

// Modalities of an event.
const (
	Asserted     = "asserted"
	Intended     = "intended"
	Hypothetical = "hypothetical"
	Reported     = "reported"
	Denied       = "denied"
)

// Event is one coded event: who did what to whom, when, and which rule said so.
type Event struct {
	// Sentence is the span of the sentence the event was coded from.
	Sentence Span `json:"sentence"`
	// Trigger is the word or words the event rests on.
	Trigger Mention `json:"trigger"`
	// Plover is the PLOVER event type, empty for a CAMEO 01 statement.
	Plover string `json:"plover"`
	// Mode is the PLOVER mode, when the pattern gives one.
	Mode string `json:"mode"`
	// Cameo is the CAMEO event code (two to four digits).
	Cameo string `json:"cameo"`
	// Goldstein is the Goldstein score of the CAMEO code.
	Goldstein float64 `json:"goldstein"`
	// QuadClass is CAMEO's quad class (1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
	// 4 material conflict).
	QuadClass int `json:"quad_class"`
	// Source and Target are the actors, each with the mention it came from.
	Source []Actor `json:"source"`
	Target []Actor `json:"target"`
	// Date is the event date (ISO 8601, as precise as known) and DateBasis how it was found
	// ("timex" or "published").
	Date      string `json:"date"`
	DateBasis string `json:"date_basis,omitempty"`
	// Negated reports a negated event ("did not attack").
	Negated bool `json:"negated"`
	// Modality is asserted, intended, hypothetical, reported or denied.
	Modality string `json:"modality,omitempty"`
	// Rule is the id of the lexicon entry or rule that fired.
	Rule string `json:"rule,omitempty"`
}

// Spans is a list of spans written in JSON as [start, end] pairs (sentences, paragraphs, quote parts).
type Spans []Span

// MarshalJSON writes the spans as a list of [start, end] pairs.
func (s Spans) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 2+len(s)*12)
	b = append(b, '[')
	for i, x := range s {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(x.Start), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(x.End), 10)
		b = append(b, ']')
	}
	return append(b, ']'), nil
}

// UnmarshalJSON reads a list of [start, end] pairs.
func (s *Spans) UnmarshalJSON(b []byte) error {
	var pairs [][2]int
	if err := json.Unmarshal(b, &pairs); err != nil {
		return err
	}
	*s = make(Spans, len(pairs))
	for i, p := range pairs {
		if p[1] < p[0] {
			return fmt.Errorf("span [%d, %d] ends before it starts", p[0], p[1])
		}
		(*s)[i] = Span{p[0], p[1]}
	}
	return nil
}
