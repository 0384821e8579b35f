package actors

import (
	"testing"
)

// nerCases are made-up news sentences with their CoNLL-style PER / ORG / LOC mentions (LOC covers
// GPE, LOC and FAC; NORP and MISC are not listed).
var nerCases = []struct {
	text string
	ents []string // "TYPE:text"
}{
	{"LONDON 1997-03-12 - British Airways said on Wednesday it would cut 500 jobs at Heathrow.",
		[]string{"LOC:LONDON", "ORG:British Airways", "LOC:Heathrow"}},
	{"Greek Prime Minister Kostas Andrianos met his Turkish counterpart in Ankara to discuss Cyprus.",
		[]string{"PER:Kostas Andrianos", "LOC:Ankara", "LOC:Cyprus"}},
	{"Shares of Volkswagen fell 2 percent in Frankfurt after the carmaker warned on profits.",
		[]string{"ORG:Volkswagen", "LOC:Frankfurt"}},
	{"The United Nations Security Council will meet on Friday, a U.N. spokesman said.",
		[]string{"ORG:United Nations Security Council", "ORG:U.N."}},
	{"Police in Karachi arrested 14 people after clashes between rival groups, officials said.",
		[]string{"LOC:Karachi"}},
	{"Oil prices rose after OPEC agreed to extend output cuts, analysts at Goldman Sachs said.",
		[]string{"ORG:OPEC", "ORG:Goldman Sachs"}},
	{"Ukrainian President Volodymyr Zelensky spoke with Emmanuel Macron by phone, the Elysee said.",
		[]string{"PER:Volodymyr Zelensky", "PER:Emmanuel Macron", "ORG:Elysee"}},
	{"Rebels of the M23 movement seized Bunagana, a town on the border with Uganda.",
		[]string{"ORG:M23", "LOC:Bunagana", "LOC:Uganda"}},
	{"Israel's military said it struck Hezbollah targets in southern Lebanon overnight.",
		[]string{"LOC:Israel", "ORG:Hezbollah", "LOC:Lebanon"}},
	{"Chinese Foreign Ministry spokeswoman Hua Liang told reporters in Beijing that Washington should stop interfering.",
		[]string{"ORG:Foreign Ministry", "PER:Hua Liang", "LOC:Beijing", "LOC:Washington"}},
	{"Amnesty International accused the Nigerian army of killing civilians in Borno State.",
		[]string{"ORG:Amnesty International", "LOC:Borno State"}},
	{"Mr. Oyelaran, a lawyer for the family, said they would appeal to the Supreme Court.",
		[]string{"PER:Oyelaran", "ORG:Supreme Court"}},
	{"Real Madrid beat Juventus 3-1 in the Champions League final in Cardiff on Saturday.",
		[]string{"ORG:Real Madrid", "ORG:Juventus", "LOC:Cardiff"}},
	{"The European Commission fined Google 2.4 billion euros, Competition Commissioner Greta Lindqvist said.",
		[]string{"ORG:European Commission", "ORG:Google", "PER:Greta Lindqvist"}},
	{"Thousands of protesters marched through central Tbilisi demanding the resignation of the government.",
		[]string{"LOC:Tbilisi"}},
	{"NATO Secretary General Jens Stoltenberg said the alliance would not send troops to Ukraine.",
		[]string{"ORG:NATO", "PER:Jens Stoltenberg", "LOC:Ukraine"}},
	{"The Kremlin said Putin and Erdogan discussed the situation in Idlib province.",
		[]string{"ORG:Kremlin", "PER:Putin", "PER:Erdogan", "LOC:Idlib"}},
	{"Fighting between the army and the Rapid Support Forces spread to Khartoum and Omdurman.",
		[]string{"ORG:Rapid Support Forces", "LOC:Khartoum", "LOC:Omdurman"}},
	{"Speaking to the BBC, Labour leader Keir Starmer criticised the Conservative Party.",
		[]string{"ORG:BBC", "ORG:Labour", "PER:Keir Starmer", "ORG:Conservative Party"}},
	{"The International Monetary Fund approved a $3 billion loan for Egypt, the IMF said in Washington.",
		[]string{"ORG:International Monetary Fund", "LOC:Egypt", "ORG:IMF", "LOC:Washington"}},
}

// TestNER measures entity precision and recall on made-up sentences, as the shared scorer does
// (exact span and type over PER, ORG, LOC), and fails below F1 0.85.
func TestNER(t *testing.T) {
	st := testStage(t)
	tp, fp, fn := 0, 0, 0
	for _, tc := range nerCases {
		d := mkdoc(tc.text, "2022-06-01")
		if err := st.Apply(d); err != nil {
			t.Fatal(err)
		}
		want := map[string]bool{}
		for _, w := range tc.ents {
			want[w] = true
		}
		got := map[string]bool{}
		for _, e := range d.Entities {
			var ty string
			switch e.Type {
			case "PERSON":
				ty = "PER"
			case "ORG":
				ty = "ORG"
			case "GPE", "LOC", "FAC":
				ty = "LOC"
			default:
				continue
			}
			got[ty+":"+e.Text] = true
		}
		for g := range got {
			if want[g] {
				tp++
			} else {
				fp++
				t.Logf("false positive %s in %q", g, tc.text)
			}
		}
		for w := range want {
			if !got[w] {
				fn++
				t.Logf("missed %s in %q", w, tc.text)
			}
		}
	}
	p := float64(tp) / float64(max(1, tp+fp))
	r := float64(tp) / float64(max(1, tp+fn))
	f := 2 * p * r / max(1e-9, p+r)
	t.Logf("entities: P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", p, r, f, tp, fp, fn)
	if f < 0.85 {
		t.Errorf("entity F1 %.3f is below 0.85", f)
	}
}
