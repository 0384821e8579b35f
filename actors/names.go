package actors

import (
	"strings"
	"unicode"

	"dyad/doc"
)

// Context rules for capitalised names that no dictionary knows: the words around a name say whether
// it is an organisation ("the Unite union", "oil company Ecopetrol"), a place ("the Yamuna river",
// "NAIROBI, Kenya (AP)"), or a person (a name-shaped run of two or three capitalised words).

// orgAfter are lower-case nouns that, right after an unknown name, make it an organisation.
var orgAfter = toSet(`party union militia militias militiamen fighters rebels insurgents militants guerrillas
group movement television tv radio newspaper daily agency network broadcaster company firm bank airline
carrier brigade battalion faction channel magazine website club lender insurer conglomerate shares
alliance coalition academy university college school institute hospital`)

// placeAfter are lower-case nouns that, right after an unknown name, make it a place.
var placeAfter = toSet(`river lake state province region district county slum barrage dam valley mountains
camp airport town village neighbourhood neighborhood municipality governorate oblast island peninsula desert
forest highway motorway township suburb area border refinery countryside mine`)

// orgBefore are lower-case nouns that, right before an unknown name, make it an organisation ("oil
// company Ecopetrol", "rights group Indepaz").
var orgBefore = toSet(`company firm group operator maker carmaker automaker lender insurer broadcaster
newspaper daily airline carrier retailer miner producer giant conglomerate manufacturer developer startup
start-up supplier party movement militia organisation organization charity agency outlet network regulator
watchdog monitor union channel exchange fund bank station opposition`)

// orgAt are the people who work at an organisation: "analysts at Barclays".
var orgAt = toSet(`analysts economists strategists traders researchers executives employees workers staff
spokesman spokeswoman spokesperson analyst economist strategist trader researcher executive employee`)

// compassWords before a known place make one place with it ("West Darfur", "Lake Chad").
var compassWords = toSet(`north south east west northern southern eastern western central upper lower greater
lake mount port cape fort camp`)

// locFirst are first words of unknown place names ("Mount Sinjar", "Camp Bulengo").
var locFirst = toSet("mount lake port cape fort camp san santa saint st sierra plaza piazza rue avenida")

// notNameFirst are capitalised words that start names that are not people's.
var notNameFirst = toSet(`typhoon hurricane cyclone storm tropical operation project new old upper lower greater
great little north south east west northern southern eastern western central middle grand royal national
international federal state supreme united islamic democratic republican social christian muslim catholic
holy high higher first second third world global european african asian arab american general public
special civil free independent liberal conservative popular people people's republic republics revolutionary
senior junior chief deputy acting interim former late premier prime mount lake port cape fort camp san santa
saint st sierra plaza piazza rue avenida foreign house news human daytime deutsche banco banque grupo groupe credit crédit société compagnie`)

// businessHeads end company names whose first word names the company on its own later ("Halden
// Motors" ... "Halden").
var businessHeads = toSet(`motors motor holdings inc inc. corp corp. ltd llc plc co co. industries laboratories labs
systems technologies partners capital group airways airlines telecom petroleum energy steel pharmaceuticals
electric media sa ag nv gmbh spa surgical`)

// nameShaped reports whether tokens [i, j) look like a person's name: capitalised words (not in
// capitals), the particles of names between them.
func (c *coder) nameShaped(i, j int) bool {
	nw := 0
	long := false // a word of three letters or more
	for k := i; k < j; k++ {
		t := &c.toks[k]
		if !t.word {
			if c.word(k) == "." && k > i && c.toks[k-1].end-c.toks[k-1].start == 1 {
				continue // an initial
			}
			return false
		}
		w := c.word(k)
		if !t.cap {
			if connectors.Has(c.lowerWord(k)) && !orgConnectors.Has(c.lowerWord(k)) {
				continue
			}
			return false
		}
		if len(w) >= 3 {
			long = true
		}
		if len(w) > 1 && allUpper(w) {
			return false
		}
		for _, r := range w {
			if unicode.IsDigit(r) {
				return false
			}
		}
		nw++
	}
	return nw >= 2 && nw <= 4 && long && !notNameFirst.Has(c.lowerWord(i)) && !c.adjectival(i, j)
}

// personContext reports whether the words around the name-shaped run [i, j) say it is a person: an
// apposition between commas (", Khamis Abakar, was"), a lower-case word for a person before it
// ("blogger Razan Ghazzawi", "large holder M. Lee Pearce") or an initial inside it.
func (c *coder) personContext(i, j int) bool {
	for k := i + 1; k < j; k++ {
		if c.word(k) == "." {
			return true
		}
	}
	if i == 0 {
		return false
	}
	if c.word(i-1) == "," && c.word(j) == "," {
		return i < 2 || c.toks[i-2].word // not ", , "
	}
	p := c.lowerWord(i - 1)
	if !c.toks[i-1].word || c.toks[i-1].cap || c.isStop(i-1) {
		return false
	}
	if personNouns.Has(p) {
		return true
	}
	for _, s := range []string{"er", "or", "ist", "ian", "ant", "ent"} {
		if len(p) > len(s)+2 && strings.HasSuffix(p, s) {
			return true
		}
	}
	return false
}

// personNouns are lower-case words for people that come before a name ("host Rush Limbaugh").
var personNouns = toSet(`host star chief head candidate nominee coach leader member widow son daughter wife husband
mother father brother sister aide envoy official captain rival cousin friend colleague deputy successor
predecessor boss fellow resident victim hostage detainee suspect veteran pilot nurse doctor priest imam
cleric bishop poet artist novelist comedian`)

// adjectival reports whether every word of [i, j) is a nationality, ethnic, religious or political
// adjective ("Kurdish", "Islamist", "Rohingya Muslim"), which CoNLL counts as MISC.
func (c *coder) adjectival(i, j int) bool {
	n := 0
	for k := i; k < j; k++ {
		if !c.toks[k].word {
			return false
		}
		w := c.lowerWord(k)
		if !norpWords.Has(w) && !adjSuffix(w) {
			return false
		}
		n++
	}
	return n > 0
}

func adjSuffix(w string) bool {
	for _, s := range []string{"ish", "ist", "ists", "ian", "ians", "ese", "ite", "ites"} {
		if len(w) > len(s)+2 && strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// norpWords are ethnic, religious and political group words.
var norpWords = toSet(`kurd kurds kurdish tamil tamils shia shiite shiites sunni sunnis islamist islamists christian
christians muslim muslims jewish jew jews hindu hindus buddhist buddhists catholic catholics protestant
protestants communist communists marxist maoist maoists republican democratic democrat arab arabs berber
pashtun pashtuns baloch hazara hazaras uighur uighurs uyghur uyghurs yazidi yazidis druze alawite alawites
tutsi tutsis hutu hutus fulani hausa igbo yoruba kikuyu luo amhara tigrayan tigrayans oromo rohingya
houthi houthis huthi huthis sikh sikhs coptic copt copts orthodox evangelical salafist jihadist jihadists
palestinian palestinians latino latinos hispanic asian african european western eastern northern southern
islamic sufi wahhabi chechen chechens tatar tatars serb serbs croat croats bosniak bosniaks albanian`)

// datelineAt reports whether the capitalised run [i, j) opens a dateline: words in capitals at the
// start of a paragraph, then a comma and a place or date ("NAIROBI, Kenya (AP) _"), an opening
// bracket ("LONDON (Reuters) -") or a date ("LONDON 1996-08-30").
func (c *coder) datelineAt(i, j int) bool {
	if !c.toks[i].first || j-i > 3 || j >= len(c.toks) {
		return false
	}
	if i > 0 && !strings.Contains(c.text[c.toks[i-1].end:c.toks[i].start], "\n") {
		return false
	}
	for k := i; k < j; k++ {
		if w := c.word(k); c.toks[k].word && !allUpper(w) {
			return false
		}
	}
	if datelineNot.Has(c.lowerWord(i)) {
		return false
	}
	w := c.word(j)
	switch {
	case w == "(":
		return true
	case w == ",":
		if j+1 >= len(c.toks) {
			return false
		}
		if hi := c.hitOf(j + 1); hi >= 0 {
			switch c.dd.entries[c.hits[hi].e].kind {
			case kCountry, kPlace, kCapital, kRegion:
				return true
			}
		}
		nw := c.lowerWord(j + 1)
		return isMonth(nw) || c.toks[j+1].word && isDigits(nw)
	case c.toks[j].word:
		return isDate(w) || isMonth(c.lowerWord(j))
	}
	return false
}

// datelineNot are words in capitals that start wire headlines, not datelines.
var datelineNot = toSet("update exclusive wrapup rpt corrected correction factbox analysis refile insight breakingviews column urgent flash")

// isDate reports whether w is written like a date: digits with - / or . between them.
func isDate(w string) bool {
	digits := 0
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			digits++
		case r == '-' || r == '/' || r == '.':
		default:
			return false
		}
	}
	return digits >= 4
}

func isMonth(w string) bool {
	switch strings.TrimSuffix(w, ".") {
	case "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul",
		"july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december":
		return true
	}
	return false
}

// coordinated returns the type of a named entity coordinated with the run [i, j) ("Kisumu and
// Nakuru", "Barclays and Berenberg"), or "".
func (c *coder) coordinated(i, j int) string {
	if i >= 2 {
		if w := c.lowerWord(i - 1); w == "and" || w == "or" || w == "," {
			end := c.toks[i-2].end
			for k := len(c.ents) - 1; k >= 0; k-- {
				if x := &c.ents[k]; x.End == end {
					t := coordType(x.Type)
					if j < len(c.toks) && c.toks[j].word && c.toks[j].cap || j-i == 1 && colorWords.Has(c.lowerWord(i)) {
						return "" // "Blue Nile", "Black and Brown communities"
					}
					if w == "," {
						// "Kisumu, Nakuru and Eldoret", "Tulsa, Okla.": one word, a list goes on
						nx := c.lowerWord(j)
						if t != "GPE" || j-i != 1 || nx != "," && nx != "and" && nx != "or" {
							return ""
						}
					}
					return t
				}
			}
		}
	}
	if j+1 < len(c.toks) {
		if w := c.lowerWord(j); w == "and" || w == "or" {
			start := c.toks[j+1].start
			for k := range c.ents {
				if x := &c.ents[k]; x.Start == start {
					return coordType(x.Type)
				}
			}
		}
	}
	return ""
}

func coordType(t string) string {
	switch t {
	case "GPE", "LOC":
		return "GPE"
	case "ORG", "PERSON":
		return t
	}
	return ""
}

// remember records the type of a name typed by a rule, for its later mentions.
func (c *coder) remember(name, typ string) {
	if c.sc.known == nil {
		c.sc.known = map[string]string{}
	}
	c.sc.known[name] = typ
}

// headWord returns the head of a hyphenated last word ("Movement-in-Opposition" -> "movement") when
// it is an organisation head word, else w.
func headWord(w string) string {
	if h := strings.IndexByte(w, '-'); h > 0 && orgHeads.Has(w[:h]) {
		return w[:h]
	}
	return w
}

var colorWords = toSet("black white brown blue red green yellow orange")

// orgConnectors join the words of organisations' names, not people's.
var orgConnectors = toSet("of for and the")

// orgLead are first words that make an unknown name an organisation ("Daily Awam").
var orgLead = toSet("daily radio deutsche banco banque grupo groupe société compagnie")

// orgPrefixes are the short names that join the organisation after them into one name ("U.N.
// Security Council", "EU Commission").
var orgPrefixes = toSet("U.N. UN U.S. US EU E.U. AU")

// orgPrefix returns the start of a name that joins the organisation of hit hi: an acronym prefix
// ("U.N. Security Council") or a demonym or country before a national society ("Philippine Red
// Cross", "Kenya Red Cross"); -1 when there is none.
func (c *coder) orgPrefix(hi int) int {
	if hi == 0 || c.released[hi-1] {
		return -1
	}
	h, p := c.hits[hi], c.hits[hi-1]
	e, pe := &c.dd.entries[h.e], &c.dd.entries[p.e]
	if e.the || !c.adjacent(p.end, h.start) || !c.allCap(h.start, h.end) {
		return -1
	}
	ps, _ := c.spanOf(p)
	switch {
	case orgPrefixes.Has(c.text[ps:p.end]) && (pe.kind == kOrg || pe.kind == kCountry):
		return ps
	case (pe.kind == kDemonym || pe.kind == kCountry) && !pe.the && (strings.HasPrefix(e.text, "Red Cross") || strings.HasPrefix(e.text, "Red Crescent")):
		return p.start
	}
	return -1
}

// placeAfterOf returns the end of a known place right after "of" at token k ("of Kenya", "of the
// Philippines"), or -1.
func (c *coder) placeAfterOf(k int) int {
	if end, _ := c.placeHitAt(k); end > 0 {
		return end
	}
	if c.lowerWord(k) == "the" {
		end, _ := c.placeHitAt(k + 1)
		return end
	}
	return -1
}

// placeHitAt returns the end offset of a known place, country or region that starts at token k and
// is capitalised, or -1.
func (c *coder) placeHitAt(k int) (int, *entry) {
	hi := c.hitOf(k)
	if hi < 0 || c.released[hi] || c.consumed[hi] || c.hits[hi].start != c.toks[k].start {
		return -1, nil
	}
	e := &c.dd.entries[c.hits[hi].e]
	if !c.toks[k].cap && !(e.the && c.lowerWord(k) == "the") {
		return -1, nil
	}
	switch e.kind {
	case kCountry, kPlace, kCapital, kRegion:
		return c.hits[hi].end, e
	}
	return -1, nil
}

// headlineEcho types the words of title-case and capitals headlines that the body names: "SUDAN'S
// RSF ACCUSED" when the body has the ORG "RSF".
func (c *coder) headlineEcho() {
	if len(c.titleCase) == 0 {
		return
	}
	known := map[string]int{}
	for k := range c.ents {
		x := &c.ents[k]
		if coordType(x.Type) == "" || c.titleCase[c.toks[c.tokAt(x.Start)].sent] {
			continue
		}
		known[foldKey(c.text[x.Start:x.End])] = k
	}
	covered := func(a, b int) bool {
		for k := range c.ents {
			if x := &c.ents[k]; x.Type != "MISC" && x.Start < b && a < x.End {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(c.toks); i++ {
		t := &c.toks[i]
		if !t.word || !t.cap || !c.titleCase[t.sent] {
			continue
		}
		for j := min(len(c.toks), i+4); j > i; j-- {
			if c.toks[j-1].sent != t.sent || !c.toks[j-1].word {
				continue
			}
			s, e := t.start, c.toks[j-1].end
			k, ok := known[foldKey(c.text[s:e])]
			if !ok || covered(s, e) {
				continue
			}
			for m := range c.ents {
				// a MISC run in capitals over it gives way
				if x := &c.ents[m]; x.Type == "MISC" && x.Start < e && s < x.End {
					x.End = x.Start
				}
			}
			x := c.ents[k]
			var a *doc.Actor
			if x.Actor != nil {
				a = c.actor(*x.Actor)
				a.Rule = "coref:headline"
			}
			c.add(s, e, x.Type, "coref:headline", a)
			i = j - 1
			break
		}
	}
}
