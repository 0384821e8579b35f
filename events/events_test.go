package events

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dyad/doc"
)

// The actors used in the made-up sentences below.
var (
	rus   = ent{"Russia", "RUS", "GPE"}
	ukr   = ent{"Ukraine", "UKR", "GPE"}
	usa   = ent{"the United States", "USA", "GPE"}
	nato  = ent{"NATO", "IGOWSTNAT", "ORG"}
	fra   = ent{"France", "FRA", "GPE"}
	ger   = ent{"Germany", "DEU", "GPE"}
	chn   = ent{"China", "CHN", "GPE"}
	rebel = ent{"rebels", "SYRREB", "ORG"}
	army  = ent{"the army", "SYRMIL", "ORG"}
	smith = ent{"Anna Smith", "FRAGOV", "PERSON"}
	jones = ent{"Tom Jones", "GBRGOV", "PERSON"}
	vill  = ent{"Kafr Amir", "SYR", "GPE"}
)

type want struct {
	cameo, src, tgt string // CAMEO code, source and target codes joined by +
	mod             string // modality, "" for any
	neg             bool
}

func run(t *testing.T, text string, ents ...ent) []doc.Event {
	t.Helper()
	d := mkDoc(text, ents...)
	if err := newTestStage(t).Apply(d); err != nil {
		t.Fatal(err)
	}
	return d.Events
}

func TestRules(t *testing.T) {
	tests := []struct {
		name string
		text string
		ents []ent
		want []want // every event, in order
	}{
		{"active verb with object", "Russia attacked Ukraine on Monday.", []ent{rus, ukr},
			[]want{{"180", "RUS", "UKR", "asserted", false}}},
		{"inflection and slot", "France is imposing new economic sanctions on China.", []ent{fra, chn},
			[]want{{"163", "FRA", "CHN", "asserted", false}}},
		{"passive with by", "Ukraine was attacked by Russia.", []ent{rus, ukr},
			[]want{{"180", "RUS", "UKR", "asserted", false}}},
		{"passive without agent", "Kafr Amir was shelled overnight.", []ent{vill},
			[]want{{"194", "", "SYR", "asserted", false}}},
		{"compound subject", "The United States and NATO held talks with Russia.", []ent{{"The United States", "USA", "GPE"}, nato, rus},
			[]want{{"046", "USA+IGOWSTNAT", "RUS", "asserted", false}}},
		{"compound object with comma list", "China accused France, Germany and the United States of spying.", []ent{chn, fra, ger, usa},
			[]want{{"1125", "CHN", "FRA+DEU+USA", "asserted", false}}},
		{"negation", "Russia did not attack Ukraine.", []ent{rus, ukr},
			[]want{{"180", "RUS", "UKR", "asserted", true}}},
		{"never", "The rebels never met the army.", []ent{rebel, army},
			[]want{{"040", "SYRREB", "SYRMIL", "asserted", true}}},
		{"intention becomes intent to cooperate", "Germany plans to send aid to Ukraine.", []ent{ger, ukr},
			[]want{{"033", "DEU", "UKR", "asserted", false}}},
		{"hypothetical", "If China attacked, France might impose sanctions on China.", []ent{chn, fra},
			[]want{{"163", "FRA", "CHN", "hypothetical", false}}}, // the "if" clause's attack is pruned (see TestKeepAll)
		{"threatened to", "Russia threatened to invade Ukraine.", []ent{rus, ukr},
			[]want{{"138", "RUS", "UKR", "asserted", false}}},
		{"refused to meet is a rejection", "The rebels refused to meet with the army.", []ent{rebel, army},
			[]want{{"125", "SYRREB", "SYRMIL", "asserted", false}}},
		{"will not lift is a refusal", "France will not lift the sanctions on China.", []ent{fra, chn},
			[]want{{"124", "FRA", "CHN", "asserted", false}}},
		{"reported speech keeps the inner actors", "Anna Smith said Russia attacked Ukraine.", []ent{smith, rus, ukr},
			[]want{{"180", "RUS", "UKR", "reported", false}}},
		{"statement only without a specific event", "Anna Smith said the weather was fine.", []ent{smith},
			[]want{{"010", "FRAGOV", "", "asserted", false}}},
		{"denied", "Russia denied that it had attacked Ukraine.", []ent{rus, ukr},
			[]want{{"180", "RUS", "UKR", "denied", true}}},
		{"relative clause subject", "Tom Jones met Anna Smith, who criticized China.", []ent{jones, smith, chn},
			[]want{{"040", "GBRGOV", "FRAGOV", "asserted", false}}}, // the relative clause: see TestKeepAll
		{"relative clause with fronted object", "Germany rejected the demands that Russia had put forward.", []ent{ger, rus},
			[]want{{"120", "DEU", "RUS", "asserted", false}, {"100", "RUS", "DEU", "asserted", false}}},
		{"apposition", "Anna Smith, the envoy of France, visited China.", []ent{smith, fra, chn},
			[]want{{"042", "FRAGOV", "CHN", "asserted", false}}},
		{"conjoined verb inherits the subject", "Russia massed troops near Ukraine and then invaded Ukraine.", []ent{rus, ukr},
			[]want{{"154", "RUS", "UKR", "asserted", false}, {"190", "RUS", "UKR", "asserted", false}}},
		{"pronoun subject", "Tom Jones arrived in France. He praised Germany.", []ent{jones, fra, ger},
			[]want{{"042", "GBRGOV", "FRA", "asserted", false}, {"051", "GBRGOV", "DEU", "asserted", false}}},
		{"nominal with possessive and target", "Russia's invasion of Ukraine continued.", []ent{rus, ukr},
			[]want{{"190", "RUS", "UKR", "asserted", false}}},
		{"nominal with by-agent", "The airstrikes by the army on Kafr Amir killed two people.", []ent{army, vill},
			[]want{{"1823", "SYRMIL", "", "asserted", false}}}, // the noun's agent acts in the main event
		{"nominal between", "Talks between France and Germany ended.", []ent{fra, ger},
			[]want{{"046", "FRA", "DEU", "asserted", false}}},
		{"nominal without actor is no event", "Fears of war grew in the region.", nil, nil},
		{"we don't want wars", "Anna Smith said: \"We don't want wars.\"", []ent{smith},
			[]want{{"010", "FRAGOV", "", "asserted", false}}},
		{"call on someone to", "France called on China to release the prisoners.", []ent{fra, chn},
			[]want{{"0253", "FRA", "CHN", "asserted", false}}},
		{"must in reported speech is a demand", "Anna Smith said France must withdraw its troops from Germany.", []ent{smith, fra, ger},
			[]want{{"100", "FRAGOV", "FRA", "reported", false}}},
		{"a place before a noun is not its actor", "The Kafr Amir attacks by the army continued.", []ent{vill, army},
			[]want{}},
		{"sector word in a gap", "France cut military aid to Germany.", []ent{fra, ger, {"military", "MIL", "NORP"}},
			[]want{{"162", "FRA", "DEU", "asserted", false}}},
		{"multi-word pattern with particle", "Russia put forward new demands.", []ent{rus},
			[]want{{"100", "RUS", "", "asserted", false}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := run(t, tc.text, tc.ents...)
			var got []string
			for _, e := range evs {
				got = append(got, e.Cameo+" "+codes(e.Source)+"->"+codes(e.Target)+" "+e.Modality)
			}
			if len(evs) != len(tc.want) {
				t.Fatalf("%q: got %d events %q, want %d", tc.text, len(evs), got, len(tc.want))
			}
			for i, w := range tc.want {
				e := evs[i]
				if e.Cameo != w.cameo || codes(e.Source) != w.src || codes(e.Target) != w.tgt {
					t.Errorf("%q: event %d is %s %s->%s, want %s %s->%s (all: %q)", tc.text, i, e.Cameo, codes(e.Source), codes(e.Target), w.cameo, w.src, w.tgt, got)
				}
				if w.mod != "" && e.Modality != w.mod {
					t.Errorf("%q: event %d has modality %s, want %s", tc.text, i, e.Modality, w.mod)
				}
				if e.Negated != w.neg {
					t.Errorf("%q: event %d negated=%v, want %v", tc.text, i, e.Negated, w.neg)
				}
			}
		})
	}
}

func TestEventFields(t *testing.T) {
	text := "On Tuesday, Russia attacked Ukraine."
	d := mkDoc(text, rus, ukr)
	d.Timexes = []doc.Timex{{Span: doc.Span{Start: 0, End: 10}, Text: "On Tuesday", Type: "DATE", Value: "2024-03-05"}}
	if err := newTestStage(t).Apply(d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 {
		t.Fatalf("got %d events, want 1", len(d.Events))
	}
	e := d.Events[0]
	if e.Plover != "ASSAULT" || e.QuadClass != 4 || e.Goldstein >= 0 {
		t.Errorf("ontology fields: plover %q quad %d goldstein %v, want ASSAULT, 4 and a negative score", e.Plover, e.QuadClass, e.Goldstein)
	}
	if e.Trigger.Text != "attacked" || d.Text[e.Trigger.Start:e.Trigger.End] != "attacked" {
		t.Errorf("trigger is %q, want %q", e.Trigger.Text, "attacked")
	}
	if e.Date != "2024-03-05" || e.DateBasis != "timex" {
		t.Errorf("date %q (%s), want 2024-03-05 from the timex", e.Date, e.DateBasis)
	}
	if !strings.HasPrefix(e.Rule, "18-assault.txt:") {
		t.Errorf("rule %q, want an entry of 18-assault.txt", e.Rule)
	}
	if e.Sentence != d.Sentences[0] {
		t.Errorf("sentence %v, want %v", e.Sentence, d.Sentences[0])
	}
	if s := e.Source[0]; d.Text[s.Start:s.End] != "Russia" {
		t.Errorf("source mention %q, want Russia", d.Text[s.Start:s.End])
	}
	if tg := e.Target[0]; d.Text[tg.Start:tg.End] != "Ukraine" {
		t.Errorf("target mention %q, want Ukraine", d.Text[tg.Start:tg.End])
	}
	// without a timex the publication date is used
	d2 := mkDoc("Russia attacked Ukraine.", rus, ukr)
	newTestStage(t).Apply(d2)
	if len(d2.Events) != 1 || d2.Events[0].Date != "2024-03-05" || d2.Events[0].DateBasis != "published" {
		t.Errorf("got %+v, want the publication date", d2.Events)
	}
}

func TestOptionsHooks(t *testing.T) {
	s, err := New(Options{
		EventDate: func(d *doc.Doc, clause, trigger doc.Span) (string, string) { return "1999-01-01", "timex" },
		Resolve: func(d *doc.Doc, m doc.Span) *doc.Actor {
			return &doc.Actor{Name: "the minister", Code: "DEUGOV", Country: "DEU"}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	d := mkDoc("He condemned Russia.", rus)
	if err := s.Apply(d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 || codes(d.Events[0].Source) != "DEUGOV" || d.Events[0].Date != "1999-01-01" {
		t.Fatalf("got %+v, want a DEUGOV source from Resolve and the date from EventDate", d.Events)
	}
}

func TestLemmatizer(t *testing.T) {
	lex, err := LoadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	l := lex.Lemmatizer()
	for _, tc := range []struct{ form, lemma string }{
		{"sent", "send"}, {"held", "hold"}, {"seized", "seize"}, {"carries", "carry"}, {"banned", "ban"},
		{"stopping", "stop"}, {"imposes", "impose"}, {"met", "meet"}, {"fought", "fight"}, {"accusing", "accuse"},
	} {
		found := false
		for _, x := range l.Lemmas(tc.form) {
			found = found || x == tc.lemma
		}
		if !found {
			t.Errorf("Lemmas(%q) = %q, want it to include %q", tc.form, l.Lemmas(tc.form), tc.lemma)
		}
		forms := strings.Join(l.Forms(tc.lemma), " ")
		if !strings.Contains(" "+forms+" ", " "+tc.form+" ") {
			t.Errorf("Forms(%q) = %s, want it to include %q", tc.lemma, forms, tc.form)
		}
	}
}

func TestLexiconErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "mine.txt")
	for _, tc := range []struct{ src, want string }{
		{"[verb]\n999 | frobnicate TARGET\n", "mine.txt:2: unknown CAMEO code"},
		{"[weird]\n", "mine.txt:1: unknown section"},
		{"# comment\n180 attack\n", "mine.txt:2: want `code | pattern`"},
		{"180 | TARGET attack\n", "mine.txt:1:"},
		{"[verb]\n0842 | return to OBJECT\n", "mine.txt:2: OBJECT must be followed"},
		{"[verb]\n0842 | return OBJECT TARGET\n", "mine.txt:2: OBJECT must be followed"},
	} {
		os.WriteFile(bad, []byte(tc.src), 0o644)
		_, err := LoadLexicon(bad)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("loading %q: error %v, want one containing %q", tc.src, err, tc.want)
		}
	}
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("[verb]\n# a user pattern\n180 | frobnicate TARGET\n"), 0o644)
	s, err := New(Options{Extra: []string{dir + "/good.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	d := mkDoc("Russia frobnicated Ukraine.", rus, ukr)
	s.Apply(d)
	if len(d.Events) != 1 || d.Events[0].Rule != "good.txt:3" {
		t.Errorf("got %+v, want one event from good.txt:3", d.Events)
	}
}

// stage is pipeline.Stage, restated so that this package need not import pipeline (which imports
// the stages).
type stage interface {
	Name() string
	Requires() []doc.Layer
	Assigns() []doc.Layer
	Apply(d *doc.Doc) error
}

var _ stage = (*Stage)(nil)

func TestStageContract(t *testing.T) {
	s := newTestStage(t)
	if s.Name() != "events" {
		t.Errorf("Name() = %q", s.Name())
	}
	if got := s.Assigns(); len(got) != 1 || got[0] != doc.LayerEvents {
		t.Errorf("Assigns() = %v, want [events]", got)
	}
	if len(s.Requires()) != 4 {
		t.Errorf("Requires() = %v, want sentences, entities, timexes, quotes", s.Requires())
	}
	d := mkDoc("Russia attacked Ukraine.", rus, ukr)
	before := len(d.Entities)
	s.Apply(d)
	s.Apply(d) // applying twice gives the same events, not twice as many
	if len(d.Events) != 1 || len(d.Entities) != before {
		t.Errorf("after two Apply calls: %d events, %d entities; want 1 and %d", len(d.Events), len(d.Entities), before)
	}
}

func TestUncodedAndOptions(t *testing.T) {
	text := "A car bomb killed five soldiers in the market."
	evs := run(t, text)
	if len(evs) != 1 || evs[0].Cameo != "1823" {
		t.Fatalf("got %+v, want one killing", evs)
	}
	e := evs[0]
	if len(e.Source) != 1 || e.Source[0].Code != "" || e.Source[0].Name != "car bomb" || e.Source[0].Rule != "events:np" {
		t.Errorf("source %+v, want the uncoded phrase %q", e.Source, "car bomb")
	}
	// the target is the whole noun phrase, with its attached prepositional phrase
	if len(e.Target) != 1 || e.Target[0].Name != "five soldiers in the market" {
		t.Errorf("target %+v, want the uncoded phrase %q", e.Target, "five soldiers in the market")
	}
	// CodedOnly: no uncoded phrases, and no event without a coded actor
	s, err := New(Options{CodedOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	d := mkDoc(text)
	s.Apply(d)
	if len(d.Events) != 0 {
		t.Errorf("CodedOnly: got %+v, want no event", d.Events)
	}
	d = mkDoc("The rebels attacked a convoy near the border.", rebel)
	s.Apply(d)
	if len(d.Events) != 1 || len(d.Events[0].Target) != 0 {
		t.Errorf("CodedOnly: got %+v, want one event without target", d.Events)
	}
}

func TestCompoundSubjectOfCooperation(t *testing.T) {
	evs := run(t, "France and Germany signed a treaty.", fra, ger)
	if len(evs) != 1 || codes(evs[0].Source) != "FRA" || codes(evs[0].Target) != "DEU" {
		t.Fatalf("got %+v, want FRA -> DEU", evs)
	}
	// conflict is not split: both attacked someone unnamed
	evs = run(t, "France and Germany attacked.", fra, ger)
	if len(evs) != 1 || codes(evs[0].Source) != "FRA+DEU" {
		t.Fatalf("got %+v, want FRA+DEU as the source", evs)
	}
}

func TestMainOnly(t *testing.T) {
	s, err := New(Options{MainOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	d := mkDoc("Germany rejected the demands that Russia had put forward.", ger, rus)
	s.Apply(d)
	if len(d.Events) != 1 || d.Events[0].Cameo != "120" {
		t.Fatalf("got %+v, want only the main clause's rejection", d.Events)
	}
}

func TestStatementSource(t *testing.T) {
	// "..., said Anna Smith": the speaker after the verb
	evs := run(t, "The weather was fine, said Anna Smith.", smith)
	if len(evs) != 1 || evs[0].Cameo != "010" || codes(evs[0].Source) != "FRAGOV" {
		t.Fatalf("got %+v, want a statement by FRAGOV", evs)
	}
	// a quote's speaker answers for "we" inside the quote
	text := "Anna Smith said: \"We condemned China.\""
	d := mkDoc(text, smith, chn)
	i := strings.Index(text, "\"We")
	d.Quotes = []doc.Quote{{Span: doc.Span{Start: i, End: len(text)}, Kind: doc.Direct,
		Speaker: &doc.Speaker{Span: doc.Span{Start: 0, End: 10}, Text: "Anna Smith", Actor: &doc.Actor{Code: "FRAGOV", Country: "FRA"}}}}
	newTestStage(t).Apply(d)
	if len(d.Events) != 1 || d.Events[0].Cameo != "111" || codes(d.Events[0].Source) != "FRAGOV" || d.Events[0].Modality != doc.Reported {
		t.Fatalf("got %+v, want a reported condemnation by FRAGOV", d.Events)
	}
}

// TestAttributiveParticiple: a past participle between a determiner and a noun is an adjective of
// the object, not a verb that ends it ("released the detained leaders"); after "that" it is still
// a verb ("an attack that killed 20 people").
func TestAttributiveParticiple(t *testing.T) {
	evs := run(t, "The rebels released the detained soldiers on Monday.", rebel)
	if len(evs) != 1 || evs[0].Cameo != "0841" || len(evs[0].Target) != 1 || evs[0].Target[0].Name != "detained soldiers" {
		t.Errorf("got %+v, want a release of the detained soldiers", evs)
	}
	evs = run(t, "The rebels claimed an attack that killed 20 soldiers.", rebel)
	found := false
	for _, e := range evs {
		found = found || e.Cameo[:2] == "18" || e.Cameo[:2] == "19" || e.Cameo[:2] == "20"
	}
	if !found {
		t.Errorf("got %+v, want the killing coded", evs)
	}
}

// TestCoordinatedModifiers: modifiers joined by "and" between two pattern words count as one word of
// the gap, so "gave urgent financial and technical assistance to" is the pattern "give aid to
// TARGET" with its words; a verb after "and" still ends the gap.
func TestCoordinatedModifiers(t *testing.T) {
	const s = "France gave urgent financial and technical assistance to Kafr Amir."
	evs := run(t, s, fra, vill)
	if len(evs) != 1 || evs[0].Cameo != "070" || !strings.HasSuffix(s[evs[0].Trigger.Start:evs[0].Trigger.End], "assistance to") ||
		len(evs[0].Target) != 1 || evs[0].Target[0].Code != "SYR" {
		t.Errorf("got %+v, want France's assistance to Kafr Amir through the words of the pattern", evs)
	}
	const v = "France gave urgent help and criticised assistance to Kafr Amir."
	for _, e := range run(t, v, fra, vill) {
		if e.Cameo == "070" && strings.Contains(v[e.Trigger.Start:e.Trigger.End], "criticised") {
			t.Errorf("the pattern crossed a verb: %q", v[e.Trigger.Start:e.Trigger.End])
		}
	}
}
