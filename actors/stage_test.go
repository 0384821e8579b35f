package actors

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"dyad/doc"
	"dyad/text"
)

var (
	stageOnce sync.Once
	stage     *Stage
	stageErr  error
)

func testStage(t testing.TB) *Stage {
	stageOnce.Do(func() { stage, stageErr = New(Options{}) })
	if stageErr != nil {
		t.Fatal(stageErr)
	}
	return stage
}

// mkdoc builds a Doc with sentences from the text stage.
func mkdoc(s, published string) *doc.Doc {
	d := doc.New(doc.Article{Text: s, Published: published})
	text.New().Apply(d)
	return d
}

// entString lists the entities as TYPE:text=CODE, separated by "; ".
func entString(d *doc.Doc) string {
	var b []string
	for _, e := range d.Entities {
		code := ""
		if e.Actor != nil {
			code = "=" + e.Actor.Code
		}
		b = append(b, fmt.Sprintf("%s:%s%s", e.Type, d.Slice(e.Span), code))
	}
	return strings.Join(b, "; ")
}

// TestRules checks every coding rule on made-up sentences. want lists the entities as
// TYPE:text=CODE in order; a listed entity must be found exactly, others may appear unless the case
// sets exact.
func TestRules(t *testing.T) {
	st := testStage(t)
	cases := []struct {
		name, text, date string
		want             []string
		exact            bool
	}{
		{"title and demonym are context", "Russian Foreign Minister Sergey Lavrov arrived on Monday.", "2022-05-28",
			[]string{"NORP:Russian=RUS", "PERSON:Sergey Lavrov=RUSGOV"}, true},
		{"possessive title apposition, known", "Putin's spokesman, Dmitry Peskov, declined to comment.", "2022-05-28",
			[]string{"PERSON:Putin=RUSGOV", "PERSON:Dmitry Peskov=RUSGOV"}, true},
		{"possessive title apposition, unknown", "Putin’s spokesman, Ivan Zorkin, declined to comment.", "2022-05-28",
			[]string{"PERSON:Putin=RUSGOV", "PERSON:Ivan Zorkin=RUSGOV"}, true},
		{"demonym with group", "Ukrainian soldiers held the line.", "", []string{"NORP:Ukrainian soldiers=UKRMIL"}, true},
		{"the Russian side", "He said the Russian side was not optimistic.", "", []string{"NORP:Russian side=RUS"}, true},
		{"surname after full name", "Olaf Scholz spoke first. Later Scholz left.", "2022-01-10",
			[]string{"PERSON:Olaf Scholz=DEUGOV", "PERSON:Scholz=DEUGOV"}, true},
		{"date picks the role", "Vladimir Putin met the governors.", "2010-03-01", []string{"PERSON:Vladimir Putin=RUSGOV"}, true},
		{"former office holder", "Barack Obama toured a school.", "2019-06-01", []string{"PERSON:Barack Obama=USAELI"}, true},
		{"capital as metonym", "Moscow rejected the proposal, and Washington insisted.", "",
			[]string{"GPE:Moscow=RUSGOV", "GPE:Washington=USAGOV"}, true},
		{"capital as place", "The talks were held in Moscow.", "", []string{"GPE:Moscow=RUS"}, true},
		{"place qualifies a title", "The New York businessman praised him.", "", []string{"NORP:New York businessman=USABUS"}, true},
		{"capital qualifies a title", "The Paris mayor met the envoys.", "", []string{"NORP:Paris mayor=FRAGOV"}, true},
		{"place qualifies a group", "Chicago police and Kharkiv officials spoke.", "",
			[]string{"NORP:Chicago police=USACOP", "NORP:Kharkiv officials=UKRGOV"}, true},
		{"place before a title and a name", "New York Mayor Eric Adams spoke.", "2023-01-10", []string{"GPE:New York=USA"}, false},
		{"place before another noun still acts", "A Chicago lawyer criticised the plan.", "", []string{"GPE:Chicago=USA"}, true},
		{"nominal with its country after", "The government of Cambodia released them.", "",
			[]string{"NORP:government=KHMGOV", "GPE:Cambodia=KHM"}, true},
		{"capital in a dateline", "MOSCOW (Reuters) - Talks resumed.", "", []string{"GPE:MOSCOW=RUS", "ORG:Reuters=GBRMED"}, true},
		{"seat of power without the article", "A statement from the Kremlin followed.", "", []string{"ORG:Kremlin=RUSGOV"}, true},
		{"IGO and region", "NATO and the West answered.", "", []string{"ORG:NATO=IGOWSTNAT", "NORP:West=WST"}, true},
		{"OSCE long name", "It cited the Organization for Security and Co-operation in Europe.", "",
			[]string{"ORG:Organization for Security and Co-operation in Europe=IGOEUROSC"}, true},
		{"U.S. with dots", "The U.S. and Britain agreed.", "", []string{"GPE:U.S.=USA", "GPE:Britain=GBR"}, true},
		{"media org in capitals", "The report was first published by POLITICO.", "", []string{"ORG:POLITICO=USAMED"}, true},
		{"lower-case proper name does not match", "They told us about the turkey and the nato plans.", "", nil, true},
		{"no match inside words", "The Iranian-made drones were Chadian in origin, not Iranians.", "",
			[]string{"NORP:Iranian=IRN", "NORP:Chadian=TCD", "NORP:Iranians=IRN"}, true},
		{"generic org takes the demonym's country", "The Russian Supreme Court banned it.", "",
			[]string{"NORP:Russian=RUS", "ORG:Supreme Court=RUSJUD"}, true},
		{"capitalised institution after a possessive", "Iran's Foreign Ministry condemned the strike.", "",
			[]string{"GPE:Iran=IRN", "ORG:Foreign Ministry=IRNGOV"}, true},
		{"org by head word, country after", "The Ministry of Foreign Affairs of Poland summoned him.", "",
			[]string{"ORG:Ministry of Foreign Affairs=POLGOV", "GPE:Poland=POL"}, true},
		{"company suffix", "Shares of Northwind Logistics Inc. fell.", "", []string{"ORG:Northwind Logistics Inc=BUS"}, true},
		{"honorific makes a person", "Mr. Hollis declined to answer.", "", []string{"PERSON:Hollis="}, true},
		{"first name gazetteer", "Yesterday Marta Kowalenko arrived in Kharkiv.", "",
			[]string{"PERSON:Marta Kowalenko=", "GPE:Kharkiv=UKR"}, true},
		{"relative clause marks a person", "The envoy met Gambari, who left soon.", "", []string{"PERSON:Gambari="}, true},
		{"speaker before said", "The plan is bad, Bergstrom said.", "", []string{"PERSON:Bergstrom="}, true},
		{"apposition title after the name", "Jonas Verholt, the Danish foreign minister, resigned.", "",
			[]string{"PERSON:Jonas Verholt=DNKGOV", "NORP:Danish foreign minister=DNKGOV"}, false},
		{"first name releases a capital", "George Washington University hosted the debate.", "",
			[]string{"ORG:George Washington University=EDU"}, true},
		{"acronym in brackets", "The Nigerian Air Force (NAF) said it struck a camp.", "",
			[]string{"NORP:Nigerian=NGA", "ORG:Air Force=NGAMIL", "ORG:NAF=NGAMIL"}, true},
		{"half of a compound", "They discussed Euro-Atlantic security.", "", nil, true},
		{"place inside a longer name", "He cited the Istanbul Document again.", "", []string{"MISC:Istanbul Document"}, true},
		{"armed group", "Hamas and Hezbollah fighters fired rockets.", "",
			[]string{"ORG:Hamas=PSEREBHMS", "ORG:Hezbollah=LBNREBHZB"}, true},
		{"national institution", "The State Department and the Pentagon disagreed.", "",
			[]string{"ORG:State Department=USAGOV", "ORG:Pentagon=USAMIL"}, true},
		{"region", "Aid to Africa and the Middle East grew.", "", []string{"LOC:Africa=AFR", "LOC:Middle East=MEA"}, true},
		{"sentence-initial stop word is no name", "The Ukrainian army advanced.", "", []string{"NORP:Ukrainian army=UKRMIL"}, true},
		{"misc head", "The Paris Agreement took effect.", "", []string{"MISC:Paris Agreement"}, true},
		{"shorter match after a case rejection", "He said the Russian armed forces left.", "",
			[]string{"NORP:Russian armed forces=RUSMIL"}, true},
		{"nominal without a country, head noun sector", "Later government forces shelled the town.", "",
			[]string{"NORP:government forces=MIL"}, true},
		{"nominal with a possessive country", "He said Russia's military was ready.", "",
			[]string{"GPE:Russia=RUS", "NORP:military=RUSMIL"}, true},
		{"group word after an armed group is part of it", "Then Hezbollah fighters fired.", "",
			[]string{"ORG:Hezbollah=LBNREBHZB"}, true},
		{"place with its country", "Shelling hit Kharkiv and Odesa.", "", []string{"GPE:Kharkiv=UKR", "GPE:Odesa=UKR"}, true},
		{"place name then state head word", "Fighting in Borno State continued.", "", []string{"GPE:Borno State=NGA"}, true},
		{"country starts an organisation name", "Then the U.S. Chamber of Commerce objected.", "",
			[]string{"ORG:U.S. Chamber of Commerce=USA"}, true},
		{"title-case headline names nobody unknown", "Senator Vows To Fight Harder For Local Farmers", "", []string{"NORP:Farmers=AGR"}, true},
		{"coded name keeps the family name", "Donald Trump and Ivanka Trump arrived. Trump spoke.", "2018-01-01",
			[]string{"PERSON:Donald Trump=USAGOV", "PERSON:Ivanka Trump=", "PERSON:Trump=USAGOV"}, true},
		{"family name alone for a top office", "Macron called Scholz.", "2022-06-01",
			[]string{"PERSON:Macron=FRAGOV", "PERSON:Scholz=DEUGOV"}, true},
		{"common word surname alone is nobody", "May is here and Power matters.", "2017-06-01", nil, true},
		{"short form of a full name", "Aung San Suu Kyi arrived. Crowds cheered Suu Kyi.", "2018-01-01",
			[]string{"PERSON:Aung San Suu Kyi=MMRGOV", "PERSON:Suu Kyi=MMRGOV"}, false},
		{"a leading ordinary word is no part of a name", "Follow Pam Key on the radio.", "", []string{"PERSON:Pam Key="}, true},
		{"age apposition", "Yesterday Qorvan Wrobel, 45, was detained.", "", []string{"PERSON:Qorvan Wrobel="}, true},
		{"curly possessive", "It was Lavrov’s letter.", "2022-05-28", []string{"PERSON:Lavrov=RUSGOV"}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := mkdoc(tc.text, tc.date)
			if err := st.Apply(d); err != nil {
				t.Fatal(err)
			}
			got := entString(d)
			if tc.exact {
				if w := strings.Join(tc.want, "; "); got != w {
					t.Errorf("%q:\n got %s\nwant %s", tc.text, got, w)
				}
				return
			}
			for _, w := range tc.want {
				if !strings.Contains("; "+got+"; ", "; "+w+"; ") {
					t.Errorf("%q: want %s among %s", tc.text, w, got)
				}
			}
		})
	}
}

// TestInvariants checks that entities are sorted, do not overlap, lie on rune boundaries and carry a
// rule.
func TestInvariants(t *testing.T) {
	st := testStage(t)
	d := mkdoc(benchText, "2024-11-05")
	if err := st.Apply(d); err != nil {
		t.Fatal(err)
	}
	checkEntities(t, d)
	if len(d.Entities) < 20 {
		t.Errorf("only %d entities in the benchmark text: %s", len(d.Entities), entString(d))
	}
}

func checkEntities(t *testing.T, d *doc.Doc) {
	t.Helper()
	last := 0
	for i, e := range d.Entities {
		if e.Start < last || e.End <= e.Start || e.End > len(d.Text) {
			t.Fatalf("entity %d [%d,%d) is out of order or range (previous end %d, text %d bytes)", i, e.Start, e.End, last, len(d.Text))
		}
		if utf8.ValidString(d.Text) && (!utf8.RuneStart(d.Text[e.Start]) || e.End < len(d.Text) && !utf8.RuneStart(d.Text[e.End])) {
			t.Fatalf("entity %d [%d,%d) is not on rune boundaries", i, e.Start, e.End)
		}
		if e.Rule == "" {
			t.Errorf("entity %d %q has no rule", i, e.Text)
		}
		if e.Text != d.Text[e.Start:e.End] {
			t.Errorf("entity %d text %q does not match its span", i, e.Text)
		}
		if e.Ref >= i {
			t.Errorf("entity %d refers forward to %d", i, e.Ref)
		}
		last = e.End
	}
}

// FuzzApply checks that no text makes the stage panic or produce bad spans.
func FuzzApply(f *testing.F) {
	for _, s := range []string{benchText, "U.S.", "Putin’s", "the West-", "Mr.", "(NAF)", "Euro-Atlantic", "\xff\xfeLavrov", "A B C D E F", "’s", "Kim Jong Un’s U.N. envoy, Mr. X, said"} {
		f.Add(s)
	}
	st := testStage(f)
	f.Fuzz(func(t *testing.T, s string) {
		// Sentences by hand (one per line), so that the fuzzer tests this package alone.
		d := doc.New(doc.Article{Text: s})
		for off := 0; off < len(s); {
			e := strings.IndexByte(s[off:], '\n')
			if e < 0 {
				e = len(s) - off
			}
			d.Sentences = append(d.Sentences, doc.Span{Start: off, End: off + e})
			off += e + 1
		}
		if err := st.Apply(d); err != nil {
			t.Fatal(err)
		}
		checkEntities(t, d)
		for _, e := range d.Entities {
			ResolveMention(d, e.Span)
		}
	})
}

// TestApplyConcurrent runs one Stage from many goroutines (go test -race finds shared state).
func TestApplyConcurrent(t *testing.T) {
	st := testStage(t)
	var wg sync.WaitGroup
	want := ""
	{
		d := mkdoc(benchText, "2024-11-05")
		st.Apply(d)
		want = entString(d)
	}
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 5; i++ {
				d := mkdoc(benchText, "2024-11-05")
				st.Apply(d)
				if got := entString(d); got != want {
					t.Errorf("concurrent Apply gave a different result")
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestExplain checks that actors record the dictionary line and the title evidence behind them.
func TestExplain(t *testing.T) {
	d := mkdoc("Russian Foreign Minister Sergey Lavrov spoke.", "2022-05-28")
	testStage(t).Apply(d)
	var lavrov *doc.Entity
	for i := range d.Entities {
		if d.Entities[i].Text == "Sergey Lavrov" {
			lavrov = &d.Entities[i]
		}
	}
	if lavrov == nil || lavrov.Actor == nil {
		t.Fatalf("no Lavrov in %s", entString(d))
	}
	r := lavrov.Actor.Rule
	if !strings.Contains(r, ".txt:") || !strings.Contains(r, "title:sectors.txt:") || lavrov.Actor.Role != "foreign minister" {
		t.Errorf("actor rule %q / role %q lacks the dictionary line, the title evidence or the role", r, lavrov.Actor.Role)
	}
}
