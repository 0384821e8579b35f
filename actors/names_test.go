package actors

import (
	"strings"
	"testing"
)

// TestNameRules checks each context rule for unknown names on made-up sentences: want lists
// entities as TYPE:text that must be found, not lists those that must not.
func TestNameRules(t *testing.T) {
	st := testStage(t)
	cases := []struct {
		name, text string
		want, not  []string
	}{
		{"dateline in capitals", "ZORVANE, Kenya (AP) _ Police said on Monday.", []string{"GPE:ZORVANE", "GPE:Kenya", "ORG:AP"}, nil},
		{"dateline with a date", "KELMARSH 1996-08-30\n\nThe talks ended.", []string{"GPE:KELMARSH"}, nil},
		{"wire prefix is no dateline", "UPDATE 2-Talks end without a deal\n\nLONDON (Reuters) - Talks ended.", []string{"GPE:LONDON"}, []string{"GPE:UPDATE", "ORG:UPDATE"}},
		{"noun after: union", "Members of the Varnok union walked out.", []string{"ORG:Varnok"}, nil},
		{"noun after: river", "Water in the Zelmira river rose overnight.", []string{"GPE:Zelmira"}, nil},
		{"noun before: company", "The oil company Petrandia said output fell.", []string{"ORG:Petrandia"}, nil},
		{"analysts at", "Analysts at Brackwell expect a cut.", []string{"ORG:Brackwell"}, nil},
		{"organisation of a country", "The Central Bank of Kenya held rates.", []string{"ORG:Central Bank of Kenya"}, []string{"GPE:Kenya"}},
		{"university of the", "She teaches at the University of the Philippines.", []string{"ORG:University of the Philippines"}, nil},
		{"possessive in a party name", "The People's Renewal Party won.", []string{"ORG:People's Renewal Party"}, nil},
		{"acronym prefix", "The U.N. Security Council met.", []string{"ORG:U.N. Security Council"}, nil},
		{"national society", "The Philippine Red Cross sent teams.", []string{"ORG:Philippine Red Cross"}, nil},
		{"national news agency", "The official Iraqi News Agency reported the strike.", []string{"ORG:Iraqi News Agency"}, nil},
		{"compass and place", "Fighting spread in West Darfur.", []string{"GPE:West Darfur"}, nil},
		{"town of a known place", "A bomb hit the town of Tel Afar.", []string{"GPE:Tel Afar"}, []string{"GPE:Afar", "LOC:Afar"}},
		{"ethnic adjective is no organisation", "Kurdish fighters held the town.", nil, []string{"ORG:Kurdish"}},
		{"coordination", "Rescuers reached Kisumu and Ombeyi on Friday.", []string{"GPE:Kisumu", "GPE:Ombeyi"}, nil},
		{"a company's name later", "Tovalis Holdings Inc said profit rose. Shares in Tovalis fell.", []string{"ORG:Tovalis Holdings Inc", "ORG:Tovalis"}, nil},
		{"adjective compound is no name", "Far-right Freedom Party wins vote", []string{"ORG:Freedom Party"}, []string{"ORG:Far-right Freedom Party"}},
		{"Arabic article in a name", "Brigadier General Haider al-Rubaie said troops advanced.", []string{"PERSON:Haider al-Rubaie"}, nil},
		{"apposition between commas", "The governor of the state, Khamis Abakar, was killed.", []string{"PERSON:Khamis Abakar"}, nil},
		{"speaker after said", `"It fell," said Esperance Kavira, a mother of five.`, []string{"PERSON:Esperance Kavira"}, nil},
		{"headline in capitals takes the body's types", "VARNOK STRIKE SPREADS TO PORTS\n\nMembers of the Varnok union walked out.", []string{"ORG:VARNOK", "ORG:Varnok"}, nil},
		{"title-case headline makes no people", "Police Fire Tear Gas As Fuel Protests Spread\n\nPolice fired tear gas.", nil, []string{"PERSON:Fuel Protests", "PERSON:Tear Gas"}},
		{"state abbreviation", "He spoke at a rally in Tulsa, Okla., on Monday.", []string{"GPE:Tulsa", "GPE:Okla."}, nil},
	}
	for _, tc := range cases {
		d := mkdoc(tc.text, "2023-05-01")
		if err := st.Apply(d); err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, e := range d.Entities {
			got[e.Type+":"+e.Text] = true
		}
		for _, w := range tc.want {
			if !got[w] {
				t.Errorf("%s: %s not found in %s", tc.name, w, entString(d))
			}
		}
		for _, w := range tc.not {
			if got[w] {
				t.Errorf("%s: %s found in %s", tc.name, w, entString(d))
			}
		}
		for _, e := range d.Entities {
			if !strings.HasPrefix(e.Rule, "rule:") && !strings.HasPrefix(e.Rule, "coref:") && !strings.Contains(e.Rule, ".txt:") {
				t.Errorf("%s: entity %q has no rule or source: %q", tc.name, e.Text, e.Rule)
			}
		}
	}
}
