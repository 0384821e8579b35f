package events

import (
	"strings"
	"testing"

	"dyad/doc"
)

// TestPrune checks which events of a multi-trigger sentence the default stage keeps.
func TestPrune(t *testing.T) {
	tests := []struct {
		name string
		text string
		ents []ent
		want []string // "cameo src->tgt", in order
	}{
		{"noun complement of the main verb", "France rejected the request to extradite Tom Jones.", []ent{fra, jones},
			[]string{"120 FRA->"}},
		{"purpose infinitive", "Anna Smith met Tom Jones to discuss the sanctions.", []ent{smith, jones},
			[]string{"040 FRAGOV->GBRGOV"}},
		{"participle after a comma", "Germany condemned China, accusing it of spying.", []ent{ger, chn},
			[]string{"111 DEU->CHN"}},
		{"background relative clause without an agent", "Russia freed Tom Jones, who was arrested last year.", []ent{rus, jones},
			[]string{"0841 RUS->GBRGOV"}},
		{"relative clause through its antecedent stays", "Germany rejected the demands that Russia had put forward.", []ent{ger, rus},
			[]string{"120 DEU->RUS", "100 RUS->DEU"}},
		{"conjoined verbs of one attack", "The rebels killed six soldiers and wounded four others.", []ent{rebel},
			[]string{"1823 SYRREB->", "180 SYRREB->"}[:1]},
		{"conjoined verbs in sequence stay", "Russia massed troops near Ukraine and then invaded Ukraine.", []ent{rus, ukr},
			[]string{"154 RUS->UKR", "190 RUS->UKR"}},
		{"conjoined verbs of different kinds stay", "France praised Germany and attacked China.", []ent{fra, ger, chn},
			[]string{"051 FRA->DEU", "180 FRA->CHN"}},
		{"fronted adverbial clause ends at its comma", "After France met China, Russia attacked Ukraine.", []ent{fra, chn, rus, ukr},
			[]string{"180 RUS->UKR"}},
		{"agentless outcome yields to the act", "Two people were killed when the army shelled Kafr Amir.", []ent{army, vill},
			[]string{"194 SYRMIL->SYR"}},
		{"overlapping triggers: the longer stays", "The rebels refused to meet with the army.", []ent{rebel, army},
			[]string{"125 SYRREB->SYRMIL"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := run(t, tc.text, tc.ents...)
			var got []string
			for _, e := range evs {
				got = append(got, e.Cameo+" "+codes(e.Source)+"->"+codes(e.Target))
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestKeepAll checks that Options.KeepAll keeps the events that the default prunes, with their
// own actors.
func TestKeepAll(t *testing.T) {
	s, err := New(Options{KeepAll: true})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		ents []ent
		want string
	}{
		{"If China attacked, France might impose sanctions on China.", []ent{chn, fra}, "180 CHN->|163 FRA->CHN"},
		{"Tom Jones met Anna Smith, who criticized China.", []ent{jones, smith, chn}, "040 GBRGOV->FRAGOV|111 FRAGOV->CHN"},
		{"The airstrikes by the army on Kafr Amir killed two people.", []ent{army, vill}, "195 SYRMIL->SYR|1823 ->"},
		{"Anna Smith met Tom Jones to discuss the sanctions.", []ent{smith, jones}, "040 FRAGOV->GBRGOV|040 FRAGOV->"},
	}
	for _, tc := range tests {
		d := mkDoc(tc.text, tc.ents...)
		if err := s.Apply(d); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range d.Events {
			got = append(got, e.Cameo+" "+codes(e.Source)+"->"+codes(e.Target))
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("%q: got %q, want %q", tc.text, strings.Join(got, "|"), tc.want)
		}
	}
}

// TestObjects checks the objects that fill a TARGET slot or a statement's target.
func TestObjects(t *testing.T) {
	tests := []struct {
		name            string
		text            string
		ents            []ent
		cameo, src, tgt string // tgt: the target's code, or its words for an uncoded noun phrase
	}{
		{"uncoded object fills a final slot", "The rebels released at least 19 hostages on Sunday.", []ent{rebel},
			"0841", "SYRREB", "19 hostages"},
		{"passive fills the slot with its subject", "Tom Jones was released by the rebels.", []ent{jones, rebel},
			"0841", "SYRREB", "GBRGOV"},
		{"an actor modifying a noun does not break a pattern", "France lifted the US embargo on China.", []ent{fra, {"US", "USA", "GPE"}, chn},
			"085", "FRA", "CHN"},
		{"amounts with a currency sign", "Germany gave $2 million to Ukraine.", []ent{ger, ukr},
			"070", "DEU", "UKR"},
		{"a statement is about its clause's subject", "Anna Smith expressed hope that China would change course.", []ent{smith, chn},
			"013", "FRAGOV", "CHN"},
		{"the same sector word names two actors", "The army attacked a military base.", []ent{{"army", "MIL", "NORP"}, {"military", "MIL", "NORP"}},
			"180", "MIL", "MIL"},
		{"the phrase in a middle slot is the target, not the prepositional phrase", "The rebels freed prisoners from a jail.", []ent{rebel},
			"0841", "SYRREB", "prisoners"},
		{"an uncoded phrase in a middle slot", "France accused the new law of hurting farmers.", []ent{fra},
			"112", "FRA", "new law"},
		{"a parenthesis inside a pattern", "France provided the Ukrainian army (UA) with weapons.", []ent{fra, {"Ukrainian army", "UKRMIL", "NORP"}},
			"070", "FRA", "UKRMIL"},
		{"an approximate number opens the object", "The rebels freed about 30 hostages.", []ent{rebel},
			"0841", "SYRREB", "30 hostages"},
		{"the place is the target when no one is acted upon", "France eased the curfew in Kafr Amir.", []ent{fra, vill},
			"0813", "FRA", "SYR"},
		{"an attitude is about its object", "Tom Jones said he is pessimistic about the talks with China.", []ent{jones, chn},
			"012", "GBRGOV", "CHN"},
		{"the tightest of equally long patterns", "Germany agreed to a ceasefire with the rebels.", []ent{ger, rebel},
			"0356", "DEU", "SYRREB"},
		{"a support verb in its past form governs the noun", "Germany announced a suspension of aid to Ukraine.", []ent{ger, ukr},
			"162", "DEU", "UKR"},
		{"a participle is no object", "The rebels violated agreements regulating the border.", []ent{rebel},
			"128", "SYRREB", ""},
		{"an OBJECT slot takes a phrase", "France returned the stolen paintings to Germany.", []ent{fra, ger},
			"0842", "FRA", "DEU"},
		{"a statement's topic past the speaker's pronoun", "Anna Smith said she was sure China would change course.", []ent{smith, chn},
			"010", "FRAGOV", "CHN"},
		{"the more specific of two statements by one speaker", "Anna Smith said she hoped China would change course.", []ent{smith, chn},
			"013", "FRAGOV", "CHN"},
		{"a statement's topic after an attitude", "Anna Smith said she is skeptical of that death toll.", []ent{smith},
			"012", "FRAGOV", "death toll"},
		{"a reported obligation is a demand", "Anna Smith said China must ensure security.", []ent{smith, chn},
			"100", "FRAGOV", "CHN"},
		{"a decision is an act, not an intent", "France decided to lift the sanctions on China.", []ent{fra, chn},
			"085", "FRA", "CHN"},
		{"new lexicon: withdrawing peacekeepers", "France withdrew peacekeepers from Ukraine.", []ent{fra, ukr},
			"1661", "FRA", "UKR"},
		{"new lexicon: resignation", "Tom Jones resigned on Thursday.", []ent{jones},
			"0831", "GBRGOV", ""},
		{"with no object, the party after against is the target", "The rebels called off their strike against the port authority.", []ent{rebel},
			"080", "SYRREB", "port authority"},
		{"with no object, a coded party after against", "The rebels called off their strike against the army.", []ent{rebel, army},
			"080", "SYRREB", "SYRMIL"},
		{"a place at the end of an of-phrase", "France eased the curfew in parts of Kafr Amir.", []ent{fra, vill},
			"0813", "FRA", "SYR"},
		{"resigning an office names its country", "Tom Jones resigned as prime minister of France.", []ent{jones, fra},
			"0831", "GBRGOV", "FRA"},
		{"a pattern's last word names the party acted upon", "Ukraine expelled the top diplomat over a spying affair involving Russia.", []ent{ukr, rus},
			"166", "UKR", "top diplomat"},
		{"an actor inside a middle slot's phrase", "Germany urged old friends such as France to act.", []ent{ger, fra},
			"020", "DEU", "FRA"},
		{"new lexicon: sharing evidence", "France shared evidence with Germany.", []ent{fra, ger},
			"064", "FRA", "DEU"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := mkDoc(tc.text, tc.ents...)
			if err := newTestStage(t).Apply(d); err != nil {
				t.Fatal(err)
			}
			if len(d.Events) != 1 {
				t.Fatalf("%q: got %d events %+v, want 1", tc.text, len(d.Events), d.Events)
			}
			e := d.Events[0]
			if e.Cameo != tc.cameo || codes(e.Source) != tc.src {
				t.Errorf("%q: got %s %s, want %s %s", tc.text, e.Cameo, codes(e.Source), tc.cameo, tc.src)
			}
			if got := target(e); got != tc.tgt {
				t.Errorf("%q: target %q, want %q", tc.text, got, tc.tgt)
			}
			for _, a := range append(e.Source, e.Target...) {
				if a.Start < 0 || a.End > len(tc.text) || a.Start >= a.End {
					t.Errorf("%q: actor %+v has a bad span", tc.text, a)
				}
			}
		})
	}
}

func target(e doc.Event) string {
	if len(e.Target) == 0 {
		return ""
	}
	if e.Target[0].Code != "" {
		return codes(e.Target)
	}
	return e.Target[0].Name
}

// TestWiden checks that a coded actor's mention covers its noun phrase.
func TestWiden(t *testing.T) {
	tests := []struct {
		text string
		ents []ent
		src  string
		tgt  string
	}{
		{"The rebels killed six French army soldiers near the border.", []ent{rebel, {"French", "FRA", "NORP"}, {"army", "MIL", "NORP"}},
			"The rebels", "six French army soldiers near the border"},
		{"The rebels shelled a school in the northern district.", []ent{rebel},
			"The rebels", "school in the northern district"},
		{"The rebels attacked an army post of the Kafr Amir garrison on Monday.", []ent{rebel, vill},
			"The rebels", "army post of the Kafr Amir garrison"},
		{"Germany criticized the top Russian envoy.", []ent{ger, {"Russian", "RUS", "NORP"}},
			"Germany", "the top Russian envoy"},
		{"France attacked Ukraine's army.", []ent{fra, ukr, {"army", "MIL", "NORP"}}, "France", "Ukraine"},
	}
	for _, tc := range tests {
		evs := run(t, tc.text, tc.ents...)
		if len(evs) != 1 || len(evs[0].Source) == 0 || len(evs[0].Target) == 0 {
			t.Errorf("%q: got %+v, want one event with source and target", tc.text, evs)
			continue
		}
		s, g := evs[0].Source[0], evs[0].Target[0]
		if got := tc.text[s.Start:s.End]; got != tc.src {
			t.Errorf("%q: source span %q, want %q", tc.text, got, tc.src)
		}
		if got := tc.text[g.Start:g.End]; got != tc.tgt {
			t.Errorf("%q: target span %q, want %q", tc.text, got, tc.tgt)
		}
	}
}

// TestTokenizeClitic checks that a clitic written apart ("Iran ' s", "Iran ’ s") is one token.
func TestTokenizeClitic(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"Iran's army", "iran|'s|army"},
		{"Iran ' s army", "iran|'s|army"},
		{"Iran ’ s army", "iran|'s|army"},
		{"the ' S ' key", "the|'|s|'|key"},
		{"' s", "'|s"},
	}
	for _, tc := range tests {
		var got []string
		for _, tk := range tokenize(nil, tc.text, 0) {
			got = append(got, tk.low)
			if tk.start < 0 || tk.end > len(tc.text) || tk.start >= tk.end {
				t.Errorf("%q: token %q has a bad span", tc.text, tk.low)
			}
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("%q: got %s, want %s", tc.text, g, tc.want)
		}
	}
}

// TestObjectSlotNeedsAPhrase checks that OBJECT does not match an empty phrase ("returned to": going
// back is no return of property).
func TestObjectSlotNeedsAPhrase(t *testing.T) {
	for _, e := range run(t, "France returned to Germany.", fra, ger) {
		if e.Cameo == "0842" {
			t.Errorf("got %+v, want no return of property", e)
		}
	}
}
