package actors

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// newsArticle is a made-up wire story with its mentions marked inline.
type newsArticle struct {
	name, date, text string
}

// newsArticles are made-up wire stories (Reuters, AP and AFP style: headlines, datelines, unknown
// people, companies, towns, ministries, parties and militias) with their CoNLL-style mentions
// marked inline as [PER ...], [ORG ...] and [LOC ...] (LOC covers GPE, LOC and FAC). Nationality
// adjectives and other MISC mentions are left unmarked: the scorer ignores them, so only a wrong
// PER/ORG/LOC on them counts. Every name here is made up unless it is a well-known place or body.
var newsArticles = []newsArticle{
	{"kenya-protests", "2023-07-11", `Police Fire Tear Gas As Fuel Price Protests Spread

[LOC NAIROBI], [LOC Kenya] ([ORG AP]) _ Kenyan police fired tear gas on Tuesday at hundreds of protesters in the capital and in the western city of [LOC Kisumu], a day after the government raised fuel prices by 12 percent.

Opposition leader [PER Joseph Wambugu], who heads the [ORG People's Progress Alliance], urged supporters to stay off the streets until the [ORG Energy Regulatory Commission] reviews the increase. "We will not accept this burden," [PER Wambugu] told reporters outside his home in [LOC Machakos].

Interior Minister [PER Samuel Kiprono] said 43 people had been arrested in [LOC Nairobi] and [LOC Kisumu]. [ORG Amnesty International] said at least two people were shot dead in the [LOC Kibera] slum, a claim police spokeswoman [PER Grace Atieno] denied.

Shares of [ORG Mavuno Telecom] fell 3 percent on the [ORG Nairobi Securities Exchange]. The [ORG Central Bank of Kenya] said it would keep its benchmark rate unchanged.`},

	{"uk-carmaker", "2024-03-06", `UPDATE 2-[LOC Britain]'s [ORG Halden Motors] To Cut 1,200 Jobs As Demand Slumps

[LOC LONDON], March 6 ([ORG Reuters]) - British carmaker [ORG Halden Motors] said on Wednesday it would cut 1,200 jobs at its plant in [LOC Sunderland] and close a parts depot near [LOC Coventry], blaming weak demand in [LOC Europe] and rising costs.

Chief Executive [PER Fiona Marchetti] told analysts on a conference call that the company had lost market share to Chinese rivals such as [ORG Zhenxing Auto Group]. "This is a painful decision," she said.

The [ORG Unite] union said it would ballot members on strike action. Business Secretary [PER Alan Pryce-Jones] said the government was in talks with the firm.

Shares in [ORG Halden] fell 6.2 percent to 184 pence in [LOC London], valuing the company at 2.1 billion pounds. Analysts at [ORG Barclays] and [ORG Berenberg] cut their price targets.`},

	{"iraq-bomb", "2019-10-20", `[LOC BAGHDAD] ([ORG Reuters]) - A roadside bomb killed four soldiers near the northern town of [LOC Tel Afar] on Sunday, the [ORG Defence Ministry] said, in the deadliest attack in the area this year.

No group claimed responsibility, but security officials blamed remnants of [ORG Islamic State], which still operates in the desert between [LOC Nineveh] and the Syrian border.

Brigadier General [PER Haider al-Rubaie], a spokesman for the [ORG Joint Operations Command], said troops backed by [ORG Kataib Sayyid al-Shuhada] fighters had begun a sweep of villages south of [LOC Mosul].

[LOC Iraq]'s parliament speaker, [PER Khalid al-Jubouri], called on Prime Minister [PER Adel Abdul Mahdi] to replace the commander of the [ORG Nineveh Operations Command]. The [ORG United Nations Assistance Mission for Iraq] condemned the attack.`},

	{"us-state-dept", "2018-05-15", `[LOC WASHINGTON] ([ORG AP]) _ The [ORG U.S. State Department] on Monday ordered non-emergency staff to leave the embassy in [LOC Juba], citing rising violence in [LOC South Sudan].

"The security situation has deteriorated," department spokeswoman [PER Karen Holloway] told reporters. She said Secretary of State [PER Mike Pompeo] had spoken with President [PER Salva Kiir] by phone.

Sen. [PER Robert Kessler], a Democrat from [LOC Oregon], said the decision came too late. Republicans on the [ORG Senate Foreign Relations Committee] have asked the administration to suspend aid to the government in [LOC Juba] until it opens talks with the [ORG Sudan People's Liberation Movement-in-Opposition].

[PER Kessler] said he would travel to [LOC Nairobi] next week with Rep. [PER Diane Okafor], a Republican from [LOC Texas]. A [ORG White House] official said the president had not been briefed.`},

	{"colombia-eln", "2021-02-09", `[LOC BOGOTA] ([ORG Reuters]) - Rebels of the [ORG National Liberation Army] kidnapped two engineers working for the oil company [ORG Ecopetrol] in the northeastern province of [LOC Arauca], the army said on Tuesday.

Governor [PER Ricardo Alfonso Pinzón] said the men, both contractors for [ORG Petrotécnica Andina SA], were seized on a road near the town of [LOC Saravena] close to the border with [LOC Venezuela].

The [ORG ELN], as the group is known, has stepped up attacks since peace talks with the government of President [PER Iván Duque] collapsed in 2019. Defence Minister [PER Diego Molano] said troops had been sent to the area.

Dissidents of the former [ORG Revolutionary Armed Forces of Colombia] also operate in [LOC Arauca], according to the ombudsman's office. Human rights group [ORG Indepaz] said 21 social leaders had been killed in the region this year.`},

	{"philippines-typhoon", "2022-10-31", `[LOC MANILA], [LOC Philippines] ([ORG AFP]) - Typhoon Nalgae killed at least 98 people in the southern [LOC Philippines], the disaster agency said Monday, as rescuers dug through mud in the province of [LOC Maguindanao].

[PER Bernardo Rafaelito Alejandro], a spokesman for the [ORG National Disaster Risk Reduction and Management Council], said 63 people were still missing. Most died in landslides in the village of [LOC Kusiong].

President [PER Ferdinand Marcos Jr.] flew over the worst-hit areas and promised aid. The [ORG Department of Social Welfare and Development] said more than 200,000 people had fled their homes.

Scientists at the [ORG University of the Philippines] warned that storms in the [LOC Pacific] were becoming stronger. The [ORG Philippine Red Cross] sent teams to [LOC Cotabato City] and [LOC Datu Odin Sinsuat].`},

	{"austria-election", "2024-09-30", `Far-right [ORG Freedom Party] wins Austrian election

[LOC VIENNA], Sept 30 ([ORG Reuters]) - The far-right [ORG Freedom Party] won [LOC Austria]'s parliamentary election on Sunday, official results showed, but its leader [PER Herbert Kickl] may struggle to find a coalition partner.

The [ORG Freedom Party] took 28.8 percent of the vote, ahead of Chancellor [PER Karl Nehammer]'s conservative [ORG People's Party] on 26.3 percent. The [ORG Social Democrats] came third.

"The voters have spoken," said [PER Marlene Huber-Strasser], a party official in [LOC Carinthia]. Political analyst [PER Thomas Hofinger] of the [ORG University of Vienna] said [PER Nehammer] had ruled out serving in a government led by [PER Kickl].

The [ORG Greens], junior partner in the outgoing coalition, lost more than five points. President [PER Alexander Van der Bellen] is expected to ask the leader of the largest party to form a government.`},

	{"drc-m23", "2024-02-08", `[LOC GOMA], [LOC Congo] ([ORG AP]) _ [ORG M23] rebels shelled the outskirts of [LOC Sake], a town 25 kilometers (15 miles) west of [LOC Goma], forcing thousands of families to flee toward the city, residents and aid workers said Thursday.

"The bombs fell on the market," said [PER Esperance Kavira], a mother of five who walked all night to reach a camp in [LOC Bulengo]. The [ORG Norwegian Refugee Council] said the camps around [LOC Goma] now hold more than 500,000 people.

[LOC Congo]'s army spokesman, Lt. Col. [PER Guillaume Ndjike Kaiko], accused [LOC Rwanda] of sending troops to fight alongside the rebels, a charge [LOC Kigali] denies. Fighters from the [ORG Wazalendo] militias and soldiers of the [ORG Southern African Development Community] mission have joined the defense of the town.

The [ORG U.N. Security Council] will meet Friday on the crisis, diplomats said.`},

	{"business-deal", "2023-05-22", `[LOC NEW YORK] ([ORG Reuters]) - [ORG Corvana Holdings Inc] agreed to buy medical device maker [ORG Ashgrove Surgical Corp] for about $4.3 billion in cash, the companies said on Monday, as the [LOC Minneapolis] company seeks to expand in heart surgery tools.

[ORG Corvana] Chief Executive [PER Daniel Whitcombe] said the deal would add to earnings within two years. [ORG Ashgrove], based in [LOC Raleigh], [LOC North Carolina], makes stents and catheters.

[ORG Goldman Sachs] advised [ORG Corvana], while [ORG Lazard] and the law firm [ORG Pell, Hartigan & Moss LLP] advised [ORG Ashgrove]. The deal needs approval from the [ORG Federal Trade Commission] and regulators in the [ORG European Union].

Shares of [ORG Ashgrove] jumped 31 percent to $58.10 on the [ORG New York Stock Exchange].`},

	{"court-ruling", "2020-11-17", `[LOC ISLAMABAD] ([ORG AP]) _ [LOC Pakistan]'s [ORG Supreme Court] on Tuesday ordered the release of [PER Tariq Mehmood Jatoi], a journalist held for three months on charges of defaming the army, his lawyer said.

Chief Justice [PER Gulzar Ahmed] said the prosecution had failed to produce evidence. "The court cannot keep a man in jail on suspicion," he wrote in the order.

[PER Jatoi]'s lawyer, [PER Asma Rehman], told The [ORG Associated Press] that her client would return to his newspaper, the [ORG Daily Awam], in [LOC Karachi]. The [ORG Committee to Protect Journalists] welcomed the decision.

The [ORG Interior Ministry] and the [ORG Federal Investigation Agency] did not respond to requests for comment. Mr. [PER Jatoi] was arrested in [LOC Hyderabad] in August.`},

	{"sudan-rsf", "2023-06-15", `[LOC SUDAN]'S [ORG RSF] ACCUSED OF KILLINGS IN [LOC WEST DARFUR]

[LOC CAIRO] ([ORG Reuters]) - [LOC Sudan]'s paramilitary [ORG Rapid Support Forces] and allied Arab militias killed dozens of civilians in [LOC El Geneina], the capital of [LOC West Darfur] state, witnesses and a local rights group said on Thursday.

The [ORG Darfur Bar Association] said the governor of the state, [PER Khamis Abakar], was killed hours after he accused the [ORG RSF] of genocide in an interview with [ORG Al Hadath] television.

[ORG RSF] commander [PER Mohamed Hamdan Dagalo] denied the accusations and blamed "tribal fighting". Army chief General [PER Abdel Fattah al-Burhan] said the killing of the governor was a crime.

Aid group [ORG Medecins Sans Frontieres] said its staff had treated more than 300 wounded people who reached [LOC Adre] across the border in [LOC Chad].`},

	{"spain-fire", "2022-07-18", `[LOC MADRID] ([ORG AFP]) - Firefighters battled a wildfire near the town of [LOC Losacio] in the northwestern province of [LOC Zamora] on Monday after it killed a shepherd and a firefighter, regional authorities said.

[PER Juan Carlos Suárez-Quiñones], the head of environment in the [LOC Castilla y León] region, said strong winds had pushed the flames across the [LOC A-52] motorway.

Prime Minister [PER Pedro Sanchez], who visited the area with [PER Maria Jesus Montero], said climate change was "killing people". The [ORG State Meteorological Agency] warned that temperatures in [LOC Seville] and [LOC Cordoba] could reach 44 Celsius.

Spanish rail operator [ORG Renfe] suspended trains between [LOC Madrid] and [LOC Galicia].`},

	{"india-floods", "2023-07-12", `[LOC NEW DELHI], July 12 ([ORG Reuters]) - The [LOC Yamuna] river rose to a record level in the Indian capital on Wednesday, flooding low-lying neighbourhoods and forcing the evacuation of thousands of people, officials said.

[LOC Delhi] Chief Minister [PER Arvind Kejriwal] asked Home Minister [PER Amit Shah] to stop the release of water from the [LOC Hathnikund] barrage in neighbouring [LOC Haryana] state. "The situation is worrying," [PER Kejriwal] said in a statement.

The [ORG India Meteorological Department] forecast more rain in [LOC Himachal Pradesh], where landslides have killed at least 80 people. Opposition [ORG Congress] party leader [PER Rahul Gandhi] visited relief camps in [LOC Shimla].

Shares of [ORG Tata Motors] and other carmakers fell after dealers in [LOC Punjab] reported damage to stock.`},

	{"balkans", "2023-05-30", `[LOC ZVECAN], [LOC Kosovo] ([ORG AP]) _ Dozens of [ORG NATO] peacekeepers were injured on Monday in clashes with Serb protesters in northern [LOC Kosovo], the alliance said, as tensions rose over the installation of ethnic Albanian mayors.

[ORG KFOR], the [ORG NATO] mission, said 30 Italian and Hungarian soldiers were hurt when protesters threw rocks and firebombs outside the town hall in [LOC Zvecan].

Serbian President [PER Aleksandar Vucic] put the army on high alert and ordered troops closer to the border. [LOC Kosovo] Prime Minister [PER Albin Kurti] said the mayors, elected in April with a turnout of 3.5 percent, would stay.

[ORG European Union] foreign policy chief [PER Josep Borrell] urged both sides to calm tensions. The [ORG Srpska Lista] party, backed by [LOC Belgrade], called for a boycott of institutions.`},
}

// newsHeldOut are more made-up wire stories, written after the rules were tuned on newsArticles and
// kept apart to check that the gains carry over to unseen text.
var newsHeldOut = []newsArticle{
	{"ghana-mine", "2024-08-14", `[LOC ACCRA] ([ORG Reuters]) - Ghanaian police arrested 37 illegal miners after a pit collapsed near the town of [LOC Prestea] in the [LOC Western Region], killing at least nine people, a police spokesman said on Wednesday.

[PER Kwabena Osei-Bonsu], the district chief executive, said rescue teams from [ORG Golden Star Resources] and the [ORG National Disaster Management Organisation] were searching for survivors. "We have recovered nine bodies so far," he told local radio station [ORG Adom FM].

Lands Minister [PER Abena Asantewaa Mensah] said the government would deploy soldiers to the [LOC Ankobra] river basin. The [ORG Ghana Chamber of Mines] has urged the authorities to act against unlicensed mining, known locally as galamsey.`},

	{"taiwan-drills", "2023-04-10", `[LOC China] Ends Drills Around [LOC Taiwan], Warns Of Further Action

[LOC BEIJING]/[LOC TAIPEI], April 10 ([ORG Reuters]) - [LOC China]'s military said on Monday it had completed three days of war games around [LOC Taiwan], after President [PER Tsai Ing-wen] met [ORG U.S. House] Speaker [PER Kevin McCarthy] in [LOC California].

The [ORG Eastern Theater Command] of the [ORG People's Liberation Army] said its forces had "fully tested" their ability to fight. [LOC Taiwan]'s defence ministry said it had spotted 70 Chinese aircraft and 11 ships on Monday.

[PER Wang Wenbin], a spokesman for [LOC China]'s foreign ministry, told reporters in [LOC Beijing] that [LOC Washington] should stop arming the island. In [LOC Taipei], opposition [ORG Kuomintang] lawmaker [PER Lin Wei-chou] called for calm.`},

	{"peru-protest", "2023-01-20", `[LOC LIMA], [LOC Peru] ([ORG AP]) _ Thousands of protesters from [LOC Peru]'s southern [LOC Andes] marched through the capital on Thursday demanding the resignation of President [PER Dina Boluarte], as clashes in the city of [LOC Arequipa] left one man dead.

"We came from [LOC Puno] because nobody listens to us," said [PER Rosa Quispe Mamani], a farmer who traveled for two days by bus. Police fired tear gas near the [LOC Plaza San Martin] and arrested 27 people, the interior ministry said.

The [ORG Ombudsman's Office] said 55 people have died since protests began in December. Former President [PER Pedro Castillo], whose ouster sparked the unrest, remains in jail. [ORG Congress] leader [PER Jose Williams] rejected calls to bring elections forward to this year.`},

	{"fed-bank", "2022-11-02", `[LOC WASHINGTON] ([ORG Reuters]) - The [ORG Federal Reserve] raised interest rates by three quarters of a percentage point on Wednesday, and [ORG Fed] Chair [PER Jerome Powell] said it was "very premature" to think about pausing.

Stocks fell after [PER Powell]'s remarks. The Dow Jones Industrial Average lost 1.6 percent, while shares of [ORG Meridian Trust Bancorp] and other regional lenders dropped more than 4 percent.

"The [ORG Fed] is not done," said [PER Carla Brennan-Ruiz], chief economist at [ORG Hartwell Capital Management] in [LOC Boston]. Treasury Secretary [PER Janet Yellen] said in [LOC New York] that the economy remained strong. The [ORG European Central Bank] and the [ORG Bank of England] are also expected to raise rates.`},

	{"yemen-houthis", "2024-01-12", `[LOC SANAA], [LOC Yemen] ([ORG AFP]) - [LOC US] and British warplanes struck more than 60 targets in [LOC Yemen] overnight, hitting [ORG Houthi] bases around [LOC Sanaa], [LOC Hodeida] and [LOC Saada], the rebels' [ORG Al-Masirah] television said on Friday.

[ORG Houthi] spokesman [PER Yahya Saree] said five fighters had been killed and vowed that the group would retaliate. "The American and British enemy will pay a heavy price," he said.

[LOC Saudi Arabia], which has observed a truce with the [ORG Houthis] since 2022, called for restraint. [LOC Oman]'s foreign ministry said it was in contact with both sides. The strikes followed weeks of attacks on ships in the [LOC Red Sea], including a vessel operated by [ORG Maersk].`},

	{"nigeria-kidnap", "2024-03-09", `Gunmen Seize Pupils From School In Northwest [LOC Nigeria]

[LOC KADUNA], [LOC Nigeria] ([ORG AP]) _ Gunmen abducted more than 280 pupils and teachers from a school in the town of [LOC Kuriga] in [LOC Nigeria]'s northwestern [LOC Kaduna] state on Thursday, residents and officials said.

[PER Uba Sani], the state governor, told reporters the army and police had launched a search. [PER Musa Ibrahim Kuriga], a community leader whose grandchildren were among those taken, said the attackers arrived on motorcycles.

No group claimed the kidnapping. Armed gangs known locally as bandits have carried out similar attacks in [LOC Zamfara] and [LOC Katsina]. [ORG UNICEF] and [ORG Amnesty International Nigeria] condemned the abduction, and President [PER Bola Tinubu] ordered security agencies to rescue the children.`},

	{"germany-rail", "2024-01-10", `[LOC BERLIN] ([ORG Reuters]) - German train drivers began a three-day strike on Wednesday, halting most long-distance services run by [ORG Deutsche Bahn], as the [ORG GDL] union pressed for a shorter working week.

[ORG GDL] leader [PER Claus Weselsky] said talks had failed because management refused to move. [ORG Deutsche Bahn] personnel chief [PER Martin Seiler] called the strike "completely unnecessary".

Transport Minister [PER Volker Wissing] urged both sides to accept mediation. Freight operator [ORG Rhenus Logistik] said deliveries to factories in [LOC Bavaria] and [LOC Saxony] would be delayed. The [ORG Ifo Institute] in [LOC Munich] estimated the cost of the strike at up to 100 million euros a day.`},

	{"mexico-election", "2024-06-03", `[LOC MEXICO CITY] ([ORG AP]) _ [PER Claudia Sheinbaum] was elected [LOC Mexico]'s first woman president on Sunday, winning about 58 percent of the vote for the ruling [ORG Morena] party, according to a quick count by the [ORG National Electoral Institute].

Opposition candidate [PER Xochitl Galvez], backed by the [ORG National Action Party] and the [ORG Institutional Revolutionary Party], conceded defeat. "I recognize the result," [PER Galvez] told supporters at a hotel in [LOC Mexico City].

In the state of [LOC Guerrero], gunmen killed a local candidate in the town of [LOC Malinaltepec] hours before polls opened, state prosecutor [PER Sandra Luz Valdovinos] said. Outgoing President [PER Andres Manuel Lopez Obrador] congratulated his successor.`},
	{"conll-soccer", "1996-09-02", `SOCCER - [LOC BRAZIL] HOLD [LOC URUGUAY] TO GOALLESS DRAW .

[LOC MONTEVIDEO] 1996-09-01

[LOC Brazil] were held to a 0-0 draw by [LOC Uruguay] in a friendly international on Sunday , with striker [PER Renato Gaucho] missing two chances in the second half .

Coach [PER Mario Zagallo] said his side had lacked sharpness after a long flight from [LOC Sao Paulo] . " We created enough to win , " he told reporters .

[ORG Nacional] defender [PER Gustavo Mendez] was sent off in the 78th minute for a second bookable offence .`},

	{"conll-markets", "1996-08-28", `[LOC Hungary] forint weakens , central bank intervenes .

[LOC BUDAPEST] 1996-08-28

The [ORG National Bank of Hungary] sold dollars on Wednesday to support the forint , which slipped 0.4 percent against the basket , dealers said .

" The bank was in the market at around 158.20 , " said a dealer at [ORG Budapest Bank] . Traders at [ORG Creditanstalt] in [LOC Vienna] said demand for Hungarian treasury bills remained strong .

Finance Minister [PER Peter Medgyessy] told the [ORG MTI] news agency the government would not change its crawling peg policy . -- [ORG Budapest Newsroom] +36 1 266 2410`},

	{"conll-politics", "1996-08-30", `[LOC Iraq] warns [LOC Kuwait] over border incident .

[LOC BAGHDAD] 1996-08-30

[LOC Iraq] accused [LOC Kuwait] on Friday of violating its airspace and said it would hold the emirate responsible for any consequences , the official [ORG Iraqi News Agency] reported .

The agency quoted a [ORG Foreign Ministry] spokesman as saying two Kuwaiti helicopters had flown over the [LOC Safwan] area near the border . The spokesman said [LOC Baghdad] had informed the [ORG United Nations] .

A [ORG U.N.] spokesman in [LOC New York] , [PER Farhan Haq] , said the [ORG UNIKOM] observer mission had no report of the incident .`},
}

// conllTokenize spaces a marked-up article the way CoNLL data are written ("Kenya 's", "( AP )",
// "said ."), keeping the marks around their mentions.
func conllTokenize(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		prev, next := ' ', ' '
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch {
		case r == '\'' && (next == 's' || next == 'S') && unicode.IsLetter(prev) && (i+2 >= len(rs) || !unicode.IsLetter(rs[i+2])):
			b.WriteString(" '")
		case r == ',' || r == ';' || r == ':' || r == '(' || r == ')' || r == '"':
			if unicode.IsDigit(prev) && unicode.IsDigit(next) {
				b.WriteRune(r) // 1,200
				continue
			}
			b.WriteByte(' ')
			b.WriteRune(r)
			b.WriteByte(' ')
		case r == '.' && (next == ' ' || next == '\n' || next == '"' || i+1 == len(rs)) && unicode.IsLower(prev):
			b.WriteString(" .")
		default:
			b.WriteRune(r)
		}
	}
	// collapse the doubled spaces, keep line breaks
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Join(lines, "\n")
}

// parseMarked strips the [TYPE text] marks of a marked-up text and returns the plain text with the
// gold mentions as "TYPE@start:text".
func parseMarked(t *testing.T, s string) (string, []string) {
	var b strings.Builder
	var gold []string
	for i := 0; i < len(s); {
		if s[i] != '[' {
			b.WriteByte(s[i])
			i++
			continue
		}
		end := strings.IndexByte(s[i:], ']')
		sp := strings.IndexByte(s[i:], ' ')
		if end < 0 || sp < 0 || sp > end {
			t.Fatalf("bad mark at %q", s[i:min(len(s), i+30)])
		}
		typ, name := s[i+1:i+sp], strings.TrimSpace(s[i+sp+1:i+end])
		switch typ {
		case "PER", "ORG", "LOC":
		default:
			t.Fatalf("bad type %q", typ)
		}
		gold = append(gold, fmt.Sprintf("%s@%d:%s", typ, b.Len(), name))
		b.WriteString(name)
		i += end + 1
	}
	return b.String(), gold
}

// nerScore counts true positives, false positives and false negatives by type.
type nerScore map[string]*[3]int

func (s nerScore) add(typ string, k int) {
	if s[typ] == nil {
		s[typ] = &[3]int{}
	}
	s[typ][k]++
}

func prf(c [3]int) (p, r, f float64) {
	p = float64(c[0]) / float64(max(1, c[0]+c[1]))
	r = float64(c[0]) / float64(max(1, c[0]+c[2]))
	return p, r, 2 * p * r / max(1e-9, p+r)
}

// scoreNews codes the news articles (as written, or spaced CoNLL-style) and scores the PER, ORG and
// LOC mentions by exact span and type, logging every error.
func scoreNews(t *testing.T, arts []newsArticle, tokenized bool) nerScore {
	st := testStage(t)
	sc := nerScore{}
	for _, a := range arts {
		src := a.text
		if tokenized {
			src = conllTokenize(src)
		}
		txt, gold := parseMarked(t, src)
		d := mkdoc(txt, a.date)
		if err := st.Apply(d); err != nil {
			t.Fatal(err)
		}
		want := map[string]bool{}
		for _, g := range gold {
			want[g] = true
		}
		got := map[string]bool{}
		for _, e := range d.Entities {
			if !utf8.ValidString(e.Text) {
				t.Fatalf("bad entity text %q", e.Text)
			}
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
			got[fmt.Sprintf("%s@%d:%s", ty, e.Start, e.Text)] = true
		}
		var errs []string
		for g := range got {
			ty := g[:3]
			if want[g] {
				sc.add(ty, 0)
				sc.add("all", 0)
			} else {
				sc.add(ty, 1)
				sc.add("all", 1)
				errs = append(errs, "false "+g)
			}
		}
		for w := range want {
			if !got[w] {
				sc.add(w[:3], 2)
				sc.add("all", 2)
				errs = append(errs, "missed "+w)
			}
		}
		sort.Strings(errs)
		for _, e := range errs {
			t.Logf("%s (tokenized %v): %s", a.name, tokenized, e)
		}
	}
	return sc
}

// TestNERNews measures PER/ORG/LOC precision, recall and F1 on the made-up wire stories, as
// written and spaced CoNLL-style, and fails below the floor.
func TestNERNews(t *testing.T) {
	sets := []struct {
		name  string
		arts  []newsArticle
		floor float64
	}{{"dev", newsArticles, 0.95}, {"held-out", newsHeldOut, 0.85}}
	for _, set := range sets {
		for _, tokenized := range []bool{false, true} {
			sc := scoreNews(t, set.arts, tokenized)
			for _, ty := range []string{"PER", "ORG", "LOC", "all"} {
				if sc[ty] == nil {
					continue
				}
				p, r, f := prf(*sc[ty])
				t.Logf("%-8s tokenized %-5v %-3s P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", set.name, tokenized, ty, p, r, f, sc[ty][0], sc[ty][1], sc[ty][2])
			}
			if _, _, f := prf(*sc["all"]); f < set.floor {
				t.Errorf("%s, tokenized %v: F1 %.3f is below %.2f", set.name, tokenized, f, set.floor)
			}
		}
	}
}
