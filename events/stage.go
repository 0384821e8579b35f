// Package events codes who did what to whom: it matches a pattern lexicon of verb and noun triggers
// (each with a CAMEO code) against the sentences of a Doc, finds the source and target actors among
// the entities (clause segmentation, subjects before the verb, objects and prepositions after it,
// passive voice, relative clauses, compound actors, reported speech), decides negation and modality,
// dates each event, and records the lexicon entry that fired. PLOVER type, mode, Goldstein score and
// QuadClass come from the ontology package.
package events

import (
	"sync"

	"dyad/doc"
	"dyad/ontology"
)

// Options configure the events stage.
type Options struct {
	// Extra lists additional lexicon files or directories (every *.txt inside) to load after the
	// embedded lexicon.
	Extra []string
	// EventDate, when set, dates an event from its clause and trigger; it returns the value and the
	// basis ("timex" or "published"). When nil, the nearest DATE timex in the sentence (preferring the
	// trigger's clause) is used, else the publication date.
	EventDate func(d *doc.Doc, clause, trigger doc.Span) (value, basis string)
	// Resolve, when set, resolves a pronoun or nominal mention ("he", "it", "the minister") to an
	// actor, or nil. When nil, the nearest preceding entity with an actor (of a fitting kind) is used.
	Resolve func(d *doc.Doc, mention doc.Span) *doc.Actor
	// KeepUnattributed keeps events for which neither a source nor a target actor was found (they
	// are dropped by default, as dictionary coders do).
	KeepUnattributed bool
	// CodedOnly drops the uncoded mentions that the stage otherwise gives as source or target when
	// no coded actor fills that role: the subject or object noun phrase of the trigger ("a car bomb",
	// "148 students"), as an Actor with an empty Code, its Name the words and Rule "events:np".
	CodedOnly bool
	// MainOnly keeps one event per sentence, the main one: a verb trigger of the main clause with
	// coded actors is preferred over events in subordinate or relative clauses and nominal triggers.
	// Sentence-level event data (one event per sentence) wants this; by default the distinct
	// happenings of a sentence are kept (see KeepAll).
	MainOnly bool
	// KeepAll keeps every event found in a sentence. By default, once a sentence has an event in
	// its main clause, the events that are parts of it are pruned: triggers in infinitives and
	// participles ("met X to discuss trade"), nominal triggers ("rejected the request"), events of
	// relative or adverbial clauses ("who was arrested last year") unless reached through their
	// antecedent with a coded agent of their own, conjoined verbs that retell the main event, a
	// general statement beside a specific one by the same speaker; of overlapping triggers the
	// longer stays (see prune.go).
	KeepAll bool
	// NoStatements turns off CAMEO 01 statements for reported speech.
	NoStatements bool
}

// Stage is the events stage; it implements pipeline.Stage (this package does not import pipeline,
// which imports the stages). It is safe for concurrent use.
type Stage struct {
	lex  *Lexicon
	opts Options
	pool sync.Pool // *worker, to reuse token buffers across documents
}

// New compiles the lexicon and returns the stage.
func New(opts Options) (*Stage, error) {
	lex, err := LoadLexicon(opts.Extra...)
	if err != nil {
		return nil, err
	}
	return &Stage{lex: lex, opts: opts}, nil
}

// Lexicon returns the compiled lexicon.
func (s *Stage) Lexicon() *Lexicon { return s.lex }

// Name returns "events".
func (s *Stage) Name() string { return "events" }

// Requires lists the layers the stage reads.
func (s *Stage) Requires() []doc.Layer {
	return []doc.Layer{doc.LayerSentences, doc.LayerEntities, doc.LayerTimexes, doc.LayerQuotes}
}

// Assigns lists the layer the stage fills.
func (s *Stage) Assigns() []doc.Layer { return []doc.Layer{doc.LayerEvents} }

// Apply codes the events of d. It replaces d.Events and changes nothing else.
func (s *Stage) Apply(d *doc.Doc) error {
	d.Events = nil
	w, _ := s.pool.Get().(*worker)
	if w == nil {
		w = &worker{}
	}
	w.reset(s, d)
	defer s.pool.Put(w)
	for _, sent := range d.Sentences {
		if sent.Start < 0 || sent.End > len(d.Text) || sent.Start >= sent.End {
			continue
		}
		w.sentence(sent)
	}
	return nil
}

// fill sets the fields that follow from the CAMEO code.
func fill(e *doc.Event, code string) {
	c := ontology.Lookup(code)
	e.Cameo = code
	e.Plover = c.Plover
	e.Mode = c.Mode
	e.Goldstein = c.Goldstein
	e.QuadClass = c.Quad
}
