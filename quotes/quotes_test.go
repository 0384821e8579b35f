package quotes

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"dyad/doc"
	"dyad/text"
)

// code runs the text stage and the quotes stage over s.
func code(t testing.TB, st *Stage, s string) *doc.Doc {
	t.Helper()
	d := doc.New(doc.Article{Text: s})
	if err := text.New().Apply(d); err != nil {
		t.Fatal(err)
	}
	if err := st.Apply(d); err != nil {
		t.Fatal(err)
	}
	return d
}

func newStage(t testing.TB, opts Options) *Stage {
	t.Helper()
	st, err := New(opts)
	if err != nil {
		t.Fatalf("New failed: %v", err)
	}
	return st
}

// want describes one expected quote: its content (as written, quote marks included for direct
// quotes), kind, speaker and cue; an empty speaker or cue is not checked.
type want struct {
	content, kind, speaker, cue string
}

func find(d *doc.Doc, content string) *doc.Quote {
	for i := range d.Quotes {
		if d.Slice(d.Quotes[i].Span) == content {
			return &d.Quotes[i]
		}
	}
	return nil
}

func describe(d *doc.Doc) string {
	var b strings.Builder
	for _, q := range d.Quotes {
		spk := ""
		if q.Speaker != nil {
			spk = q.Speaker.Text
		}
		b.WriteString("\n  " + q.Kind + " " + q.Rule + " [" + d.Slice(q.Span) + "] speaker=" + spk)
	}
	return b.String()
}

func TestPatterns(t *testing.T) {
	st := newStage(t, Options{})
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"said colon", `The mayor of Ostrava said: "We will rebuild the bridge by spring."`,
			[]want{{`"We will rebuild the bridge by spring."`, doc.Direct, "The mayor of Ostrava", "said"}}},
		{"quote then speaker said", `“Nobody will be left behind,” Kowalski said on Monday.`,
			[]want{{`“Nobody will be left behind,”`, doc.Direct, "Kowalski", "said"}}},
		{"quote then said speaker", `"The harvest was the worst in a decade," said Ana Petrova, a farmer from Varna.`,
			[]want{{`"The harvest was the worst in a decade,"`, doc.Direct, "Ana Petrova", "said"}}},
		{"told reporters", `The general told reporters "Our troops are ready for any task."`,
			[]want{{`"Our troops are ready for any task."`, doc.Direct, "The general", "told"}}},
		{"interrupted", `“We are not at war,” he said, “but we are not at peace either.”`,
			[]want{{`“We are not at war,” he said, “but we are not at peace either.”`, doc.Direct, "he", "said"}}},
		{"following sentence joins", `“The talks failed,” the envoy said. “We will try again next month.”`,
			[]want{{`“The talks failed,” the envoy said. “We will try again next month.”`, doc.Direct, "the envoy", "said"}}},
		{"according to first", `According to the health ministry, three hospitals ran out of oxygen.`,
			[]want{{`three hospitals ran out of oxygen`, doc.Indirect, "the health ministry", "According to"}}},
		{"according to last", `Three hospitals ran out of oxygen, according to local officials.`,
			[]want{{`Three hospitals ran out of oxygen`, doc.Indirect, "local officials", "according to"}}},
		{"said that", `The minister said that the border would reopen on Friday.`,
			[]want{{`that the border would reopen on Friday`, doc.Indirect, "The minister", "said"}}},
		{"said he would", `Petrov said he would resign if the budget failed.`,
			[]want{{`he would resign if the budget failed`, doc.Indirect, "Petrov", "said"}}},
		{"warned", `The central bank warned that inflation could double next year.`,
			[]want{{`that inflation could double next year`, doc.Indirect, "The central bank", "warned"}}},
		{"insisted", `She insisted the vote had been fair.`,
			[]want{{`the vote had been fair`, doc.Indirect, "She", "insisted"}}},
		{"in a statement", `In a statement, the ministry denied that any soldiers had crossed the river.`,
			[]want{{`that any soldiers had crossed the river`, doc.Indirect, "the ministry", "denied"}}},
		{"sentence final", `The convoy will leave at dawn, the minister said.`,
			[]want{{`The convoy will leave at dawn`, doc.Indirect, "the minister", "said"}}},
		{"sentence final inverted", `The convoy will leave at dawn, said a spokesman for the army.`,
			[]want{{`The convoy will leave at dawn`, doc.Indirect, "a spokesman for the army", "said"}}},
		{"split", `The convoy, he said, will leave at dawn.`,
			[]want{{`The convoy, he said, will leave at dawn`, doc.Indirect, "he", "said"}}},
		{"mixed", `The senator said the plan was "dead on arrival" in the chamber.`,
			[]want{{`the plan was "dead on arrival" in the chamber`, doc.Mixed, "The senator", "said"}}},
		{"tweeted", `The governor tweeted that the roads were closed.`,
			[]want{{`that the roads were closed`, doc.Indirect, "The governor", "tweeted"}}},
		{"colon speaker", `Reyes: "We were never told about the plan."`,
			[]want{{`"We were never told about the plan."`, doc.Direct, "Reyes", ":"}}},
		{"dash speaker", "“A shameful day for the city.” ― Lena Varga\n“We expected better.” ― Omar Haddad",
			[]want{{`“A shameful day for the city.”`, doc.Direct, "Lena Varga", "―"}, {`“We expected better.”`, doc.Direct, "Omar Haddad", "―"}}},
		{"unknown verb after pronoun", `“This is the end of an era,” she sighed.`,
			[]want{{`“This is the end of an era,”`, doc.Direct, "she", ""}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := code(t, st, tc.text)
			for _, w := range tc.want {
				q := find(d, w.content)
				if q == nil {
					t.Fatalf("no quote %q in %q; found:%s", w.content, tc.text, describe(d))
				}
				if q.Kind != w.kind {
					t.Errorf("quote %q has kind %q, want %q", w.content, q.Kind, w.kind)
				}
				if w.speaker != "" && (q.Speaker == nil || q.Speaker.Text != w.speaker) {
					t.Errorf("quote %q: speaker %+v, want %q", w.content, q.Speaker, w.speaker)
				}
				if w.cue != "" && (q.Cue == nil || q.Cue.Text != w.cue) {
					t.Errorf("quote %q: cue %+v, want %q", w.content, q.Cue, w.cue)
				}
				if q.Rule == "" {
					t.Errorf("quote %q records no rule", w.content)
				}
			}
		})
	}
}

func TestStyles(t *testing.T) {
	st := newStage(t, Options{})
	tests := []struct{ name, text, content string }{
		{"straight", `"The border stays closed," the minister said.`, `"The border stays closed,"`},
		{"curly", `“The border stays closed,” the minister said.`, `“The border stays closed,”`},
		{"single curly", `‘The border stays closed,’ the minister said.`, `‘The border stays closed,’`},
		{"single straight", `'The border stays closed,' the minister said.`, `'The border stays closed,'`},
		{"guillemets", `«The border stays closed», the minister said.`, `«The border stays closed»`},
		{"german", `„The border stays closed“, the minister said.`, `„The border stays closed“`},
		{"tex", "``The border stays closed,'' the minister said.", "``The border stays closed,''"},
		{"two apostrophes", "''The border stays closed,'' the minister said.", "''The border stays closed,''"},
		{"spanning sentences", `"The border stays closed. It will not open this year," the minister said.`,
			`"The border stays closed. It will not open this year,"`},
		{"apostrophes inside", `“We don’t know, and the farmers’ union doesn’t either,” the minister said.`,
			`“We don’t know, and the farmers’ union doesn’t either,”`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := code(t, st, tc.text)
			q := find(d, tc.content)
			if q == nil || q.Kind != doc.Direct {
				t.Fatalf("no direct quote %q; found:%s", tc.content, describe(d))
			}
			if q.Speaker == nil || q.Speaker.Text != "the minister" {
				t.Errorf("speaker %+v, want the minister", q.Speaker)
			}
		})
	}
}

func TestMultiParagraph(t *testing.T) {
	st := newStage(t, Options{})
	s := "The envoy said: “We came here to listen.\n\n“We leave with a plan for the spring.”\n\nThe talks resume in March."
	d := code(t, st, s)
	q := find(d, "“We came here to listen.\n\n“We leave with a plan for the spring.”")
	if q == nil {
		t.Fatalf("the two-paragraph quote was not found:%s", describe(d))
	}
	if q.Speaker == nil || q.Speaker.Text != "The envoy" {
		t.Errorf("speaker %+v, want The envoy", q.Speaker)
	}
}

func TestUnclosedQuote(t *testing.T) {
	st := newStage(t, Options{})
	// the second paragraph opens a quote that never closes
	s := "Talks resume.\n\n“In an interview, Lavrov said that his letter would ask about “indivisibility” in Europe.\n\n" +
		"While the point seems esoteric, it matters.\n\nAt another point, Lavrov said: “We don’t want wars”."
	d := code(t, st, s)
	third := strings.Index(s, "While")
	for _, q := range d.Quotes {
		if q.Start < third && q.End > third {
			t.Errorf("quote %q swallows the next paragraph", d.Slice(q.Span))
		}
	}
	q := find(d, "“We don’t want wars”")
	if q == nil || q.Kind != doc.Direct || q.Speaker == nil || q.Speaker.Text != "Lavrov" {
		t.Fatalf("the closing direct quote was not found with its speaker:%s", describe(d))
	}
	for _, q := range d.Quotes {
		if q.Kind == doc.Direct && strings.HasPrefix(d.Slice(q.Span), "“In an interview") {
			t.Errorf("the unclosed quote became a direct quote: %q", d.Slice(q.Span))
		}
	}
	// the reported speech inside it is still found, and its scare quote makes it mixed
	q = find(d, "that his letter would ask about “indivisibility” in Europe")
	if q == nil || q.Kind != doc.Mixed {
		t.Errorf("the reported speech with a scare quote was not found as mixed:%s", describe(d))
	}
}

func TestScareQuotesAreNotSpeech(t *testing.T) {
	st := newStage(t, Options{})
	s := `The treaty mentions the “indivisibility” of security. Critics focus on “one slogan” from the 1999 “Istanbul Document” of the organisation.`
	d := code(t, st, s)
	for _, q := range d.Quotes {
		if q.Kind == doc.Direct {
			t.Errorf("scare quote %q became a direct quote", d.Slice(q.Span))
		}
	}
}

func TestApostrophesAreNotQuotes(t *testing.T) {
	st := newStage(t, Options{})
	s := `The '90s were hard for the states' budgets, and the mayor's office didn't say why. Rock 'n' roll 'em all.`
	d := code(t, st, s)
	for _, q := range d.Quotes {
		if q.Kind == doc.Direct {
			t.Errorf("apostrophes made a direct quote: %q", d.Slice(q.Span))
		}
	}
}

func TestResolve(t *testing.T) {
	s := `Maria Novak arrived late. “The budget is balanced,” she said.`
	novak := &doc.Actor{Name: "Maria Novak", Country: "SVN", Sector: "GOV", Code: "SVNGOV"}
	// the fallback: a pronoun goes to the nearest PERSON before it
	st := newStage(t, Options{})
	d := doc.New(doc.Article{Text: s})
	if err := text.New().Apply(d); err != nil {
		t.Fatal(err)
	}
	d.Entities = []doc.Entity{{Span: doc.Span{Start: 0, End: 11}, Type: "PERSON", Actor: novak}}
	if err := st.Apply(d); err != nil {
		t.Fatal(err)
	}
	q := find(d, "“The budget is balanced,”")
	if q == nil || q.Speaker == nil || q.Speaker.Actor == nil || q.Speaker.Actor.Code != "SVNGOV" {
		t.Fatalf("the pronoun speaker was not resolved to Maria Novak:%s", describe(d))
	}
	if q.Speaker.Actor.Start != q.Speaker.Start || q.Speaker.Actor.End != q.Speaker.End {
		t.Errorf("the speaker actor does not record its mention: %+v", q.Speaker.Actor)
	}
	// a resolver given in Options wins
	calls := 0
	st = newStage(t, Options{Resolve: func(d *doc.Doc, m doc.Span) *doc.Actor {
		calls++
		if d.Slice(m) == "she" {
			return &doc.Actor{Name: "Someone Else", Code: "XXX"}
		}
		return nil
	}})
	d = code(t, st, s)
	q = find(d, "“The budget is balanced,”")
	if calls == 0 || q == nil || q.Speaker.Actor == nil || q.Speaker.Actor.Name != "Someone Else" {
		t.Errorf("Options.Resolve was not used (%d calls):%s", calls, describe(d))
	}
}

func TestSeed(t *testing.T) {
	st := newStage(t, Options{})
	s := "At another point in the radio interview, Lavrov said: “We don’t want wars”.\n\n" +
		"In the interview, Lavrov alleged that the U.S. and NATO were purposely ignoring another part of the same paragraph, " +
		"where he said: “It is stipulated by the condition and obligation of each country, under which the Westerners signed, " +
		"not to strengthen their security at the expense of the security of others”, - writes the author."
	d := code(t, st, s)
	for _, w := range []want{
		{"“We don’t want wars”", doc.Direct, "Lavrov", "said"},
		{"“It is stipulated by the condition and obligation of each country, under which the Westerners signed, not to strengthen their security at the expense of the security of others”", doc.Direct, "he", "said"},
	} {
		q := find(d, w.content)
		if q == nil || q.Kind != w.kind || q.Speaker == nil || q.Speaker.Text != w.speaker || q.Cue == nil || q.Cue.Text != w.cue {
			t.Errorf("seed quote %q not found as %s by %s:%s", w.content, w.kind, w.speaker, describe(d))
		}
	}
}

func TestExtraLexicon(t *testing.T) {
	dir := t.TempDir()
	if err := writeFile(dir+"/more.txt", "# extra cues\nopine|speech\n"); err != nil {
		t.Fatal(err)
	}
	st := newStage(t, Options{Extra: []string{dir}})
	d := code(t, st, `The critic opined that the film was too long.`)
	if q := find(d, "that the film was too long"); q == nil {
		t.Errorf("a cue from an extra file was not used:%s", describe(d))
	}
	if err := writeFile(dir+"/dup.txt", "# say is already a verb of saying\nsay|think\n"); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Options{Extra: []string{dir + "/dup.txt"}}); err == nil || !strings.Contains(err.Error(), "dup.txt:2") {
		t.Errorf("a cue defined twice with two classes gave error %v, want one naming dup.txt:2", err)
	}
	if err := writeFile(dir+"/bad.txt", "opine|shouting\n"); err != nil {
		t.Fatal(err)
	}
	_, err := New(Options{Extra: []string{dir + "/bad.txt"}})
	if err == nil || !strings.Contains(err.Error(), "bad.txt:1") {
		t.Errorf("a bad class gave error %v, want one naming bad.txt:1", err)
	}
}

func TestStageContract(t *testing.T) {
	st := newStage(t, Options{})
	if st.Name() != "quotes" {
		t.Errorf("Name() = %q", st.Name())
	}
	if got := st.Assigns(); len(got) != 1 || got[0] != doc.LayerQuotes {
		t.Errorf("Assigns() = %v", got)
	}
	req := st.Requires()
	if len(req) != 2 || req[0] != doc.LayerSentences || req[1] != doc.LayerEntities {
		t.Errorf("Requires() = %v", req)
	}
	// no sentences at all: the stage still works, paragraph by paragraph
	d := doc.New(doc.Article{Text: `"We will win," the coach said.`})
	if err := st.Apply(d); err != nil {
		t.Fatal(err)
	}
	if len(d.Quotes) != 1 {
		t.Errorf("without sentences got %d quotes:%s", len(d.Quotes), describe(d))
	}
}

func TestInflect(t *testing.T) {
	for _, tc := range []struct {
		lemma string
		want  []string
	}{
		{"say", []string{"say", "says", "sayed", "saying"}},
		{"deny", []string{"deny", "denies", "denied", "denying"}},
		{"note", []string{"note", "notes", "noted", "noting"}},
		{"stress", []string{"stress", "stresses", "stressed", "stressing"}},
	} {
		got, _ := inflect(tc.lemma, nil)
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("inflect(%q) = %v, want %v", tc.lemma, got, tc.want)
		}
	}
	// an irregular past replaces the regular one
	st := newStage(t, Options{})
	if e := st.lex.m["sayed"]; e != nil && len(e.phrases) > 0 {
		t.Errorf("the lexicon has the regular past of say")
	}
	if e := st.lex.m["said"]; e == nil || len(e.phrases) == 0 {
		t.Errorf("the lexicon lacks said")
	}
}

func FuzzApply(f *testing.F) {
	for _, s := range []string{
		`"We will win," the coach said.`,
		"“Open\n\n“and open again",
		"„Hallo“, sagte er. «Bonjour», dit-il. ``Hi,'' she said. 'Hey,' he said.",
		"According to , .",
		"\"\"\"''''``''",
		"Lavrov said: “We don’t want wars”.",
		"x\xffy \"a",
	} {
		f.Add(s)
	}
	st, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		d := doc.New(doc.Article{Text: s})
		_ = text.New().Apply(d)
		if err := st.Apply(d); err != nil {
			t.Fatal(err)
		}
		check := func(sp doc.Span, what string) {
			if sp.Start < 0 || sp.End > len(s) || sp.Start > sp.End {
				t.Fatalf("%s span %v out of range for %d bytes", what, sp, len(s))
			}
			if !utf8.RuneStart(s[sp.Start]) && sp.Start < len(s) || sp.End < len(s) && !utf8.RuneStart(s[sp.End]) {
				t.Fatalf("%s span %v is not on rune boundaries", what, sp)
			}
		}
		for _, q := range d.Quotes {
			check(q.Span, "quote")
			if q.Len() == 0 {
				t.Fatalf("empty quote at %v", q.Span)
			}
			for _, p := range q.Parts {
				check(p, "part")
				if !q.Span.Contains(p) {
					t.Fatalf("part %v outside quote %v", p, q.Span)
				}
			}
			if q.Cue != nil {
				check(q.Cue.Span, "cue")
			}
			if q.Speaker != nil {
				check(q.Speaker.Span, "speaker")
			}
		}
		if _, err := doc.Encode(d); err != nil {
			t.Fatalf("the coded doc does not encode: %v", err)
		}
	})
}

func writeFile(name, s string) error { return os.WriteFile(name, []byte(s), 0o644) }

func TestLink(t *testing.T) {
	st := newStage(t, Options{})
	s := `“We will attack at dawn,” the general said, “and we will win.” The army retreated, the minister said.`
	d := code(t, st, s)
	attack := strings.Index(s, "attack")
	said := strings.Index(s, "said")
	retreated := strings.Index(s, "retreated")
	d.Events = []doc.Event{
		{Trigger: doc.Mention{Span: doc.Span{Start: attack, End: attack + 6}}},
		{Trigger: doc.Mention{Span: doc.Span{Start: said, End: said + 4}}},
		{Trigger: doc.Mention{Span: doc.Span{Start: retreated, End: retreated + 9}}},
	}
	Link(d)
	if len(d.Quotes) != 2 {
		t.Fatalf("got %d quotes, want 2:%s", len(d.Quotes), describe(d))
	}
	if got := d.Quotes[0].Events; len(got) != 1 || got[0] != 0 {
		t.Errorf("the direct quote links events %v, want [0] (the cue between its parts is not content)", got)
	}
	if got := d.Quotes[1].Events; len(got) != 1 || got[0] != 2 {
		t.Errorf("the indirect quote links events %v, want [2]", got)
	}
	if Covering(d, doc.Span{Start: said, End: said + 4}) != -1 {
		t.Errorf("the cue of an interrupted quote counts as its content")
	}
}

func TestStandalone(t *testing.T) {
	s := "“The harbour will reopen,” the mayor said.\n\nThe port has been shut since May.\n\n“Ships are already waiting outside the port.”"
	second := "“Ships are already waiting outside the port.”"
	if d := code(t, newStage(t, Options{}), s); find(d, second) != nil {
		t.Errorf("a quote without a cue was kept by default:%s", describe(d))
	}
	d := code(t, newStage(t, Options{Standalone: true}), s)
	q := find(d, second)
	if q == nil || q.Speaker == nil || q.Speaker.Text != "the mayor" || q.Rule != RuleDirectStandalone {
		t.Errorf("with Standalone the quote should take the mayor as speaker:%s", describe(d))
	}
}

func TestConcurrentApply(t *testing.T) {
	st := newStage(t, Options{})
	s := "“We will not move,” the farmers said, “until the price is fair.”\n\nAccording to the union, talks resume Monday."
	want := len(code(t, st, s).Quotes)
	done := make(chan int)
	for g := 0; g < 4; g++ {
		go func() {
			n := 0
			for i := 0; i < 50; i++ {
				d := doc.New(doc.Article{Text: s})
				_ = text.New().Apply(d)
				_ = st.Apply(d)
				n = len(d.Quotes)
			}
			done <- n
		}()
	}
	for g := 0; g < 4; g++ {
		if n := <-done; n != want {
			t.Errorf("a goroutine found %d quotes, want %d", n, want)
		}
	}
}

// TestPatternsMore covers the attribution patterns added after the first error analysis: passive
// "quoted as saying", sayer nouns ("the statement said", "a new poll shows"), relative clauses
// between speaker and cue, "but said", long titles before a final cue, polls named with "in",
// reported questions and "seem".
func TestPatternsMore(t *testing.T) {
	st := newStage(t, Options{})
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"quoted as saying", `"The vote was rigged," Marek Novak is quoted as saying.`,
			[]want{{`"The vote was rigged,"`, doc.Direct, "Marek Novak", "quoted as"}}},
		{"statement said", `"The factory will stay open," the statement said.`,
			[]want{{`"The factory will stay open,"`, doc.Direct, "the statement", "said"}}},
		{"new report said", `The new report said the river was badly polluted.`,
			[]want{{`the river was badly polluted`, doc.Indirect, "The new report", "said"}}},
		{"poll shows", `A new poll shows the mayor with a twelve-point lead.`,
			[]want{{`the mayor with a twelve-point lead`, doc.Indirect, "A new poll", "shows"}}},
		{"relative clause", `Lena Varga, who has refused to back the governor, said the budget was a disgrace.`,
			[]want{{`the budget was a disgrace`, doc.Indirect, "Lena Varga, who has refused to back the governor", "said"}}},
		{"relative clause dashes", `The farmers' union — which organised the march — said it would strike again.`,
			[]want{{`it would strike again`, doc.Indirect, "The farmers' union — which organised the march", "said"}}},
		{"long appositive", `Omar Haddad, a retired judge who led the inquiry into the fire, said the city ignored every warning.`,
			[]want{{`the city ignored every warning`, doc.Indirect, "", "said"}}},
		{"but said", `The mayor toured the flooded streets on Monday but said the dams had held.`,
			[]want{{`the dams had held`, doc.Indirect, "The mayor", "said"}}},
		{"long title before final cue", `The border stays closed, Moldovan interior ministry spokesman Ion Rusu said Friday.`,
			[]want{{`The border stays closed`, doc.Indirect, "Moldovan interior ministry spokesman Ion Rusu", "said"}}},
		{"in a poll, after", `Kowalski leads the race by nine points in a new Gallup poll.`,
			[]want{{`Kowalski leads the race by nine points`, doc.Indirect, "a new Gallup poll", "in"}}},
		{"in a poll, before", `In a Marist poll released Sunday, most farmers backed the tariff.`,
			[]want{{`most farmers backed the tariff`, doc.Indirect, "a Marist poll", "In"}}},
		{"asked whether", `Asked whether she would run again, the senator only smiled.`,
			[]want{{`whether she would run again`, doc.Indirect, "", "Asked"}}},
		{"asked about", `The minister, when asked about the pension reform, left the room.`,
			[]want{{`the pension reform`, doc.Indirect, "", "asked about"}}},
		{"seemed", `The coach seemed shaken by the defeat.`,
			[]want{{`The coach seemed shaken by the defeat`, doc.Indirect, "", "seemed"}}},
		{"poll showed", `The survey showed the governor far behind in the north.`,
			[]want{{`the governor far behind in the north`, doc.Indirect, "The survey", "showed"}}},
		{"stated", `The ministry stated that the border would reopen.`,
			[]want{{`that the border would reopen`, doc.Indirect, "The ministry", "stated"}}},
		{"sought", `The union sought a new vote on the contract.`,
			[]want{{`a new vote on the contract`, doc.Indirect, "The union", "sought"}}},
		{"sees", `Kowalski sees the tariff as a threat to farmers.`,
			[]want{{`the tariff as a threat to farmers`, doc.Indirect, "Kowalski", "sees"}}},
		{"touted", `The governor touted the new rail link as a success.`,
			[]want{{`the new rail link as a success`, doc.Indirect, "The governor", "touted"}}},
		{"emailed", `A spokeswoman emailed that the talks had ended.`,
			[]want{{`that the talks had ended`, doc.Indirect, "A spokeswoman", "emailed"}}},
		{"went on to say", `The coach praised the fans but went on to say, "We were not good enough."`,
			[]want{{`"We were not good enough."`, doc.Direct, "The coach", "say"}}},
		{"said one of", `"There is no money left," said one of the mayor's advisers.`,
			[]want{{`"There is no money left,"`, doc.Direct, "one of the mayor's advisers", "said"}}},
		{"noun cue in appositive", `"The plan is unlawful," Ana Petrova, one of the states suing the agency, said on Monday.`,
			[]want{{`"The plan is unlawful,"`, doc.Direct, "Ana Petrova, one of the states suing the agency", "said"}}},
		{"relative clause double hyphens", `The ruling party -- which has run the country for years -- said it would accept the result.`,
			[]want{{`it would accept the result`, doc.Indirect, "The ruling party -- which has run the country for years", "said"}}},
		{"told a panel, final", `The plant will close next year, the company chief told a Senate panel Wednesday.`,
			[]want{{`The plant will close next year`, doc.Indirect, "the company chief", "told"}}},
		{"said during, final", `The tax plan is dead, Kowalski said during a rally in the capital.`,
			[]want{{`The tax plan is dead`, doc.Indirect, "Kowalski", "said"}}},
		{"said yes", `Asked about the merger, most shareholders said yes.`,
			[]want{{`yes`, doc.Indirect, "most shareholders", "said"}}},
		{"according to, mid-sentence", `The new bridge, according to the city engineer, will cost twice as much.`,
			[]want{{`The new bridge, according to the city engineer, will cost twice as much`, doc.Indirect, "the city engineer", "according to"}}},
		{"according to after an introduction", `In addition, according to the ministry, nine hundred workers will lose their jobs.`,
			[]want{{`nine hundred workers will lose their jobs`, doc.Indirect, "the ministry", "according to"}}},
		{"content goes on after including", `The council said the repairs would take a year – including the new bridge.`,
			[]want{{`the repairs would take a year – including the new bridge`, doc.Indirect, "The council", "said"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := code(t, st, tc.text)
			for _, w := range tc.want {
				q := find(d, w.content)
				if q == nil {
					t.Fatalf("no quote %q in %q; found:%s", w.content, tc.text, describe(d))
				}
				if q.Kind != w.kind {
					t.Errorf("quote %q has kind %q, want %q", w.content, q.Kind, w.kind)
				}
				if w.speaker != "" && (q.Speaker == nil || q.Speaker.Text != w.speaker) {
					t.Errorf("quote %q: speaker %+v, want %q", w.content, q.Speaker, w.speaker)
				}
				if w.cue != "" && (q.Cue == nil || q.Cue.Text != w.cue) {
					t.Errorf("quote %q: cue %+v, want %q", w.content, q.Cue, w.cue)
				}
			}
		})
	}
}

// TestNotSpeakers checks that the new speaker rules do not take content for a speaker.
func TestNotSpeakers(t *testing.T) {
	st := newStage(t, Options{})
	for _, tc := range []struct{ text, notSpeaker string }{
		// an object clause after the cue is no inverted speaker
		{`Jane Doe, who chairs the board, said the family deserved better.`, "the family deserved better"},
		// a heading is no speaker
		{`Correction: An earlier version of this story misspelled the mayor's name.`, "Correction"},
		// a cue form used as a noun before "is"
		{`Kowalski support is strong among farmers in the south.`, "Kowalski"},
		// a poll named inside a subordinate clause is not a source of the sentence
		{`If the mayor wins in a new poll, nothing changes.`, "a new poll"},
	} {
		d := code(t, st, tc.text)
		for _, q := range d.Quotes {
			if q.Speaker != nil && q.Speaker.Text == tc.notSpeaker {
				t.Errorf("%q: %q taken as a speaker:%s", tc.text, tc.notSpeaker, describe(d))
			}
		}
	}
}

// TestNextParagraphJoins checks that a paragraph that is only a quotation, right after a paragraph
// ending with an attributed quote, continues that quote; a paragraph with other words does not.
func TestNextParagraphJoins(t *testing.T) {
	st := newStage(t, Options{})
	d := code(t, st, "\"The bridge is closed,\" the mayor said.\n\n\"We will open it in May.\"\n\n\"The cost is high.\"\n\nThe council met later.")
	if len(d.Quotes) != 1 {
		t.Fatalf("want one quote, got:%s", describe(d))
	}
	q := d.Quotes[0]
	if got := d.Slice(q.Span); !strings.HasSuffix(got, `"The cost is high."`) || len(q.Parts) != 3 {
		t.Errorf("quote %q with %d parts, want it to run through the third paragraph in 3 parts", got, len(q.Parts))
	}
	d = code(t, st, "\"The bridge is closed,\" the mayor said.\n\nThe council met later. \"We will wait,\" a member said.")
	for _, q := range d.Quotes {
		if strings.Contains(d.Slice(q.Span), "bridge") && strings.Contains(d.Slice(q.Span), "wait") {
			t.Errorf("quote joined across an attributed paragraph:%s", describe(d))
		}
	}
}

// TestTitlesAreNotDirectQuotes checks that a short title-case quotation inside a sentence (a show,
// a book) is no direct quote, while a short exclamation is.
func TestTitlesAreNotDirectQuotes(t *testing.T) {
	st := newStage(t, Options{})
	d := code(t, st, `The senator told "Morning Radio Hour," on Sunday that the bill was dead.`)
	for _, q := range d.Quotes {
		if q.Kind == doc.Direct {
			t.Errorf("a show title taken as a direct quote:%s", describe(d))
		}
	}
	d = code(t, st, `The crowd chanted "Out With Them!" as the minister left.`)
	if q := find(d, `"Out With Them!"`); q == nil || q.Kind != doc.Direct {
		t.Errorf("a chanted exclamation is a direct quote:%s", describe(d))
	}
}
