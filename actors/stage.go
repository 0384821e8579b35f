package actors

import (
	"dyad/wordset"
	"errors"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"dyad/doc"
)

// Options configure the actors stage.
type Options struct {
	// Dicts lists user dictionary files or directories (every *.txt below a directory). A file's
	// format is told by its name: countries*, regions*, orgs*, sectors*, people* (or any file in a
	// directory named people), firstnames*. User entries are added to the built-in ones and win
	// over them when both match the same words.
	Dicts []string
}

// Stage is the actors stage: it finds the people, organisations, countries, regions and groups in a
// Doc and codes the ones that can act. It is built once and safe for concurrent use.
type Stage struct {
	d       *dicts
	m       matcher
	genders map[string]byte // see genderTable
	pool    sync.Pool       // *scratch buffers reused between documents
}

// scratch holds the per-document buffers.
type scratch struct {
	f    folded
	toks []tok
	low  []byte
	hits []hit
	// per-hit flags, candidates, ordering and family names, reused between documents
	released, consumed []bool
	ents               []cand
	idx, newIdx        []int
	surnames           map[string]int
	actors             []doc.Actor
	catBuf             []byte
	interned           map[string]string
	known              map[string]string // names typed by rules in this document -> entity type
}

// New builds the actors stage from the built-in dictionaries and the user dictionaries named in
// opts. When a user dictionary has broken lines, New still returns a working Stage (those lines are
// skipped) together with an error of type Problems that names each file and line. Problems in the
// built-in dictionaries are not reported here; Lint reports them.
func New(opts Options) (*Stage, error) {
	fs_, err := builtinFiles()
	if err != nil {
		return nil, err
	}
	uf, err := userFiles(opts.Dicts)
	if err != nil {
		return nil, err
	}
	nb := len(fs_)
	d, probs := load(append(fs_, uf...))
	user := map[int]bool{}
	userSrc := map[string]bool{}
	for _, f := range uf {
		userSrc[f.name] = true
	}
	var userProbs Problems
	for _, p := range probs {
		if userSrc[p.File] {
			userProbs = append(userProbs, p)
		}
	}
	if nb < len(fs_)+len(uf) {
		for i, e := range d.entries {
			if p := problemAt(e.src, ""); userSrc[p.File] {
				user[i] = true
			}
		}
	}
	s := &Stage{d: d, m: newMatcher(d, user), genders: genderTable(d)}
	if len(userProbs) > 0 {
		return s, userProbs
	}
	return s, nil
}

// Name returns "actors".
func (s *Stage) Name() string { return "actors" }

// Requires returns the sentences layer.
func (s *Stage) Requires() []doc.Layer { return []doc.Layer{doc.LayerSentences} }

// Assigns returns the entities layer.
func (s *Stage) Assigns() []doc.Layer { return []doc.Layer{doc.LayerEntities} }

// ErrNilDoc is returned by Apply for a nil Doc.
var ErrNilDoc = errors.New("actors: nil Doc")

// Apply fills d.Entities with the mentions found in d.Text, in order and not overlapping, each with
// the rule or dictionary entry that found it and, when the mention can act, its coded Actor.
func (s *Stage) Apply(d *doc.Doc) error {
	if d == nil {
		return ErrNilDoc
	}
	sc, _ := s.pool.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	c := coder{s: s, dd: s.d, d: d, text: d.Text, sc: sc}
	if v, ok := isoDate(d.Published); ok {
		c.date = v
	} else if t, ok := d.PublishedTime(); ok {
		c.date = t.Year()*10000 + int(t.Month())*100 + t.Day()
	}
	c.run()
	if cap(sc.toks) < 1<<16 {
		s.pool.Put(sc)
	}
	return nil
}

// isoDate reads the yyyymmdd of a date that starts "YYYY-MM-DD" and is a date alone or a date-time
// ("2024-11-05T10:00:00Z"), without the allocations of time.Parse.
func isoDate(p string) (int, bool) {
	if len(p) < 10 || len(p) > 10 && p[10] != 'T' && p[10] != ' ' || p[4] != '-' || p[7] != '-' {
		return 0, false
	}
	v := 0
	for i, c := range []byte(p[:10]) {
		if i == 4 || i == 7 {
			continue
		}
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	if m, d := v/100%100, v%100; m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, false
	}
	return v, true
}

// coder holds the state of coding one Doc.
type coder struct {
	s     *Stage
	sc    *scratch
	dd    *dicts
	d     *doc.Doc
	text  string
	lower string // folded lower-case forms of the tokens (tok.lo, tok.hi)
	date  int

	hits      []hit
	titleCase map[int]bool   // sentences written in title case (headlines), where capitals say little
	surnames  map[string]int // family name (folded) -> last PERSON entity with it
	released  []bool         // given back to the name finder
	consumed  []bool         // part of another entity
	toks      []tok
	ents      []cand
}

// cand is an entity being built.
type cand struct {
	doc.Entity
	ante int // index into ents of the antecedent of a surname mention, or -1
}

func (c *coder) run() {
	c.sc.f = foldInto(c.text, c.sc.f)
	c.hits = c.s.m.find(c.dd, c.text, c.sc.f, c.sc.hits)
	c.sc.hits = c.hits
	if cap(c.sc.toks) < len(c.text)/5+4 {
		c.sc.toks = make([]tok, 0, len(c.text)/5+4)
	}
	c.toks, c.sc.low = tokenize(c.text, c.sc.toks, c.sc.low)
	c.sc.toks = c.toks
	c.lower = string(c.sc.low)
	c.assignSentences()
	// Mark the tokens that hits overlap (a hit may be part of a token: "pro-Russian"); drop hits
	// that no word token holds.
	kept := c.hits[:0]
	for _, h := range c.hits {
		if ti := c.tokAt(h.start); ti < len(c.toks) && c.toks[ti].word && c.toks[ti].start < h.end {
			kept = append(kept, h)
		}
	}
	c.hits = kept
	ti := 0
	for hi, h := range c.hits {
		for ti < len(c.toks) && c.toks[ti].end <= h.start {
			ti++
		}
		for k := ti; k < len(c.toks) && c.toks[k].start < h.end; k++ {
			if c.toks[k].hit < 0 {
				c.toks[k].hit = hi
			}
		}
	}
	c.markTitleCase()
	c.released = resetBools(c.sc.released, len(c.hits))
	c.consumed = resetBools(c.sc.consumed, len(c.hits))
	c.sc.released, c.sc.consumed = c.released, c.consumed
	c.ents = c.sc.ents[:0]
	if c.sc.surnames == nil {
		c.sc.surnames = map[string]int{}
	}
	clear(c.sc.surnames)
	c.surnames = c.sc.surnames
	clear(c.sc.known)
	c.releaseHits()
	for hi := range c.hits {
		if !c.released[hi] && !c.consumed[hi] {
			c.fromHit(hi)
		}
	}
	c.runs()
	c.headlineEcho()
	c.finish()
	clear(c.ents) // drop the references to actors before the buffer is reused
	c.sc.ents = c.ents[:0]
}

// resetBools returns b resized to n, all false.
func resetBools(b []bool, n int) []bool {
	if cap(b) < n {
		return make([]bool, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// cat concatenates parts, interning the result for the documents that follow: rules and codes
// repeat, and building them anew for every mention is the main cost of coding.
func (c *coder) cat(parts ...string) string {
	b := c.sc.catBuf[:0]
	for _, p := range parts {
		b = append(b, p...)
	}
	c.sc.catBuf = b
	if s, ok := c.sc.interned[string(b)]; ok {
		return s
	}
	s := string(b)
	if c.sc.interned == nil || len(c.sc.interned) > 1<<14 {
		c.sc.interned = make(map[string]string, 256)
	}
	c.sc.interned[s] = s
	return s
}

// actor returns a copy of v from the document's slab.
func (c *coder) actor(v doc.Actor) *doc.Actor {
	p := c.newActor()
	*p = v
	return p
}

// newActor returns a zero Actor from the document's slab: one allocation for many actors.
func (c *coder) newActor() *doc.Actor {
	if len(c.sc.actors) == cap(c.sc.actors) {
		c.sc.actors = make([]doc.Actor, 0, 32)
	}
	c.sc.actors = c.sc.actors[:len(c.sc.actors)+1]
	return &c.sc.actors[len(c.sc.actors)-1]
}

// assignSentences sets tok.sent and tok.first from d.Sentences (one sentence when there are none).
func (c *coder) assignSentences() {
	si := 0
	sents := c.d.Sentences
	prevSent := -1
	for i := range c.toks {
		t := &c.toks[i]
		for si < len(sents) && sents[si].End <= t.start {
			si++
		}
		t.sent = si
		if si != prevSent {
			prevSent = si
			t.first = true
		}
	}
	// A word after an opening quote or a dash at the start of a sentence is also first.
	for i := range c.toks {
		t := &c.toks[i]
		if !t.word && t.first && i+1 < len(c.toks) && c.toks[i+1].sent == t.sent {
			c.toks[i+1].first = true
		}
		// a line break starts a new sentence-like unit (headlines without stops)
		if i > 0 && t.word && strings.Contains(c.text[c.toks[i-1].end:t.start], "\n") {
			t.first = true
		}
	}
}

// markTitleCase finds the sentences in which nearly every word is capitalised.
func (c *coder) markTitleCase() {
	words, caps := 0, 0
	flush := func(sent int) {
		if words >= 4 && caps == words {
			if c.titleCase == nil {
				c.titleCase = map[int]bool{}
			}
			c.titleCase[sent] = true
		}
		words, caps = 0, 0
	}
	for i := range c.toks {
		t := &c.toks[i]
		if i > 0 && t.sent != c.toks[i-1].sent {
			flush(c.toks[i-1].sent)
		}
		if t.word && t.end-t.start > 3 && !(c.text[t.start] >= '0' && c.text[t.start] <= '9') {
			words++
			if t.cap {
				caps++
			}
		}
	}
	if len(c.toks) > 0 {
		flush(c.toks[len(c.toks)-1].sent)
	}
}

// tokAt returns the index of the token that contains off, or else of the first token after it.
func (c *coder) tokAt(off int) int {
	return sort.Search(len(c.toks), func(i int) bool { return c.toks[i].end > off })
}

// tokEnd returns the index of the token after the last one ending at or before off.
func (c *coder) tokEnd(off int) int {
	return sort.Search(len(c.toks), func(i int) bool { return c.toks[i].start >= off })
}

func (c *coder) word(i int) string {
	if i < 0 || i >= len(c.toks) {
		return ""
	}
	return c.text[c.toks[i].start:c.toks[i].end]
}

// lowerWord returns the folded lower-case form of token i.
func (c *coder) lowerWord(i int) string {
	if i < 0 || i >= len(c.toks) {
		return ""
	}
	t := &c.toks[i]
	if t.lo >= 0 {
		return c.lower[t.lo:t.hi]
	}
	return c.text[t.start:t.end]
}

// hitOf returns the hit index covering token i, or -1.
func (c *coder) hitOf(i int) int {
	if i < 0 || i >= len(c.toks) {
		return -1
	}
	return c.toks[i].hit
}

// adjacent reports whether only spaces separate offsets a and b.
func (c *coder) adjacent(a, b int) bool {
	if a > b {
		return false
	}
	for _, r := range c.text[a:b] {
		if !isSpace(r) {
			return false
		}
	}
	return b-a <= 3
}

// releaseHits gives dictionary hits back to the name finder when they are part of a longer name:
// a first name before a country or capital ("George Washington"), a capitalised institution word
// inside an unknown capitalised name ("Labour Party" is in the dictionary, but "Party of Regions"
// is not).
func (c *coder) releaseHits() {
	for hi, h := range c.hits {
		e := &c.dd.entries[h.e]
		ti := c.tokAt(h.start)
		// "Euro-Atlantic", "Austro-Hungarian": half of a compound is no mention.
		if e.kind != kDemonym && e.kind != kSector && c.capCompound(h.start) {
			c.consumed[hi] = true
			continue
		}
		// "the Western Region", "Northern Province": a region word before a place head.
		if e.kind == kDemonym || e.kind == kRegion {
			if k := c.tokEnd(h.end); k < len(c.toks) && c.toks[k].word && c.toks[k].cap && c.toks[k].hit < 0 && gpeHeads.Has(c.lowerWord(k)) && c.adjacent(h.end, c.toks[k].start) {
				c.released[hi] = true
				continue
			}
		}
		// "British Airways", "Russian Railways": a demonym that starts an organisation's name.
		if e.kind == kDemonym {
			k := c.tokEnd(h.end)
			for k < len(c.toks) && c.toks[k].word && c.toks[k].cap && c.toks[k].hit < 0 && !c.isStop(k) && c.adjacent(c.toks[k-1].end, c.toks[k].start) {
				k++
			}
			if k > c.tokEnd(h.end) && orgHeads.Has(c.lowerWord(k-1)) {
				c.released[hi] = true
				continue
			}
		}
		switch e.kind {
		case kCountry, kCapital, kPlace:
			// "the Istanbul Document", "the Minsk Agreements": a place inside a longer name.
			if te := c.tokEnd(h.end); te < len(c.toks) && c.toks[te].word && c.toks[te].cap && c.toks[te].hit < 0 && !c.isStop(te) && c.adjacent(h.end, c.toks[te].start) {
				c.released[hi] = true
			}
		}
		// "Social Democrats": a party's members with a word before.
		if e.kind == kOrg && e.typ == "NORP" {
			if p := ti - 1; p >= 0 && c.toks[p].word && c.toks[p].cap && c.toks[p].hit < 0 && !c.isStop(p) && !c.toks[p].first && c.adjacent(c.toks[p].end, h.start) {
				c.released[hi] = true
				continue
			}
		}
		// "Tata Motors": an organisation's name before a longer one.
		if e.kind == kOrg && c.capRunHead(c.tokEnd(h.end)) && c.adjacent(h.end, c.toks[c.tokEnd(h.end)].start) {
			c.released[hi] = true
			continue
		}
		switch e.kind {
		case kCountry, kCapital, kRegion, kOrg, kPlace:
			// A given name just before: part of a person's name.
			if p := ti - 1; p >= 0 && c.toks[p].word && c.toks[p].hit < 0 && c.toks[p].cap && c.adjacent(c.toks[p].end, h.start) {
				if g, ok := c.dd.firstName[c.lowerWord(p)]; ok && g != 0 && !c.isStop(p) {
					c.released[hi] = true
				}
			}
		case kSector:
			if e.skind == skGroup && orgHeads.Has(c.lowerWord(c.tokEnd(h.end)-1)) && c.allCap(h.start, h.end) {
				// "Social Democrats", "Free Democrats"
				if p := ti - 1; p >= 0 && c.toks[p].word && c.toks[p].cap && c.toks[p].hit < 0 && !c.isStop(p) && c.adjacent(c.toks[p].end, h.start) {
					c.released[hi] = true
				}
				continue
			}
			if e.skind != skBody || !c.allCap(h.start, h.end) {
				continue
			}
			// "Party of Regions", "Bharatiya Janata Party": a capitalised body word joined to
			// unknown capitalised words.
			te := c.tokEnd(h.end)
			prev, next := ti-1, te
			capNeighbour := func(k int) bool {
				return k >= 0 && k < len(c.toks) && c.toks[k].word && c.toks[k].cap && (c.toks[k].hit < 0 || c.released[c.toks[k].hit]) && !c.isStop(k)
			}
			if (capNeighbour(prev) && c.adjacent(c.toks[prev].end, h.start) && !c.toks[prev].first) ||
				(capNeighbour(prev) && c.adjacent(c.toks[prev].end, h.start) && c.toks[prev].first && !c.isStop(prev)) {
				c.released[hi] = true
			}
			if next+1 < len(c.toks) && c.lowerWord(next) == "of" && capNeighbour(next+1) {
				c.released[hi] = true
			}
			// "People's Party"
			if prev >= 2 && c.lowerWord(prev) == "s" && (c.word(prev-1) == "'" || c.word(prev-1) == "’") && capNeighbour(prev-2) {
				c.released[hi] = true
			}
			// "Central Bank of Kenya", "University of the Philippines"
			if next+1 < len(c.toks) && c.lowerWord(next) == "of" && c.placeAfterOf(next+1) > 0 {
				c.released[hi] = true
			}
			// "Senate Foreign Relations Committee": a body word before a name that ends in a head.
			if c.capRunHead(next) {
				c.released[hi] = true
			}
			// "Oxford University", "Kharkiv Regional Council": a place before an institution.
			if hi > 0 && prev >= 0 && c.toks[prev].hit == hi-1 && !c.released[hi-1] && c.adjacent(c.hits[hi-1].end, h.start) {
				if k := c.dd.entries[c.hits[hi-1].e].kind; k == kPlace || k == kCapital {
					c.released[hi-1], c.released[hi] = true, true
				}
			}
		}
	}
}

// capRunHead reports whether the unknown capitalised words from token k on end with an organisation
// head word ("Foreign Relations Committee", "Motors").
func (c *coder) capRunHead(k int) bool {
	j := k
	for j < len(c.toks) && c.toks[j].word && c.toks[j].cap && c.toks[j].hit < 0 && !c.isStop(j) && (j == k || c.adjacent(c.toks[j-1].end, c.toks[j].start)) {
		j++
	}
	return j > k && orgHeads.Has(c.lowerWord(j-1))
}

// capCompound reports whether a capitalised word and a hyphen come just before off ("Euro-").
func (c *coder) capCompound(off int) bool {
	if off < 2 || c.text[off-1] != '-' {
		return false
	}
	i := off - 1
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(c.text[:i])
		if !isWordRune(r) {
			break
		}
		i -= n
	}
	r, _ := utf8.DecodeRuneInString(c.text[i:])
	return i < off-1 && unicode.IsUpper(r)
}

// allCap reports whether every word in text[a:b] that is not a short function word is capitalised.
func (c *coder) allCap(a, b int) bool {
	t := c.text[a:b]
	ws := -1 // start of the current word
	for i := 0; i <= len(t); {
		r, n := rune(' '), 1
		if i < len(t) {
			if r = rune(t[i]); r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(t[i:])
			}
		}
		if !isSpace(r) {
			if ws < 0 {
				ws = i
			}
		} else if ws >= 0 {
			w := t[ws:i]
			ws = -1
			f, _ := utf8.DecodeRuneInString(w)
			if unicode.IsLetter(f) && !unicode.IsUpper(f) {
				switch w {
				case "of", "the", "and", "for", "on", "in":
				default:
					return false
				}
			}
		}
		i += n
	}
	return true
}

// add appends an entity.
func (c *coder) add(start, end int, typ, rule string, a *doc.Actor) int {
	c.ents = append(c.ents, cand{Entity: doc.Entity{Span: doc.Span{Start: start, End: end}, Type: typ, Rule: rule, Actor: a, Ref: -1}, ante: -1})
	k := len(c.ents) - 1
	if strings.HasPrefix(rule, "rule:") && (typ == "ORG" || typ == "GPE" || typ == "LOC") {
		c.remember(c.text[start:end], typ)
	}
	if typ == "PERSON" && a != nil {
		if sn := surnameOf(a.Name); sn != "" {
			key := foldKey(sn)
			// an uncoded name ("Ivanka Trump") does not take the family name from a coded one
			if old, ok := c.surnames[key]; !ok || a.Code != "" || c.ents[old].Actor.Code == "" {
				c.surnames[key] = k
			}
		}
	}
	return k
}

// spanOf returns the entity span of a hit: without a leading "the ".
func (c *coder) spanOf(h hit) (int, int) {
	e := &c.dd.entries[h.e]
	s := h.start
	if e.the {
		s += 4
		for s < h.end && c.text[s] == ' ' {
			s++
		}
	}
	return s, h.end
}

var locatives = map[string]bool{
	"in": true, "at": true, "near": true, "from": true, "to": true, "outside": true, "around": true,
	"across": true, "into": true, "via": true, "toward": true, "towards": true, "through": true,
	"throughout": true, "inside": true, "visit": true, "visited": true, "visiting": true, "of": true,
	"between": true, "arrived": true, "left": true,
}

// fromHit codes a dictionary hit.
func (c *coder) fromHit(hi int) {
	h := c.hits[hi]
	e := &c.dd.entries[h.e]
	ti := c.tokAt(h.start)
	switch e.kind {
	case kPerson:
		a := c.personActor(e.person, ti, c.tokEnd(h.end))
		c.add(h.start, h.end, "PERSON", e.src, a)
	case kCountry:
		s, en := c.spanOf(h)
		c.add(s, en, "GPE", e.src, c.actor(doc.Actor{Name: e.name, Country: e.country, Code: e.code, Rule: e.src}))
	case kCapital:
		if c.placeNominal(hi) {
			return
		}
		a := c.actor(doc.Actor{Name: e.name, Country: e.country, Code: e.country, Rule: e.src})
		rule := e.src
		p := ti - 1
		if allUpper(c.text[h.start:h.end]) && c.toks[ti].first {
			// a dateline ("MOSCOW (Reuters) -"): a place.
		} else if p >= 0 && c.toks[p].word && locatives[c.lowerWord(p)] && !(c.lowerWord(p) == "between" || c.lowerWord(p) == "of") {
			// "in Moscow": a place.
		} else if p >= 0 && c.lowerWord(p) == "between" {
			a.Sector, a.Code = "GOV", c.cat(e.country, "GOV")
			rule = c.cat(rule, "+metonym")
		} else {
			// "Moscow said": the government.
			a.Sector, a.Code = "GOV", c.cat(e.country, "GOV")
			rule = c.cat(rule, "+metonym")
		}
		a.Rule = rule
		c.add(h.start, h.end, "GPE", rule, a)
	case kPlace:
		if c.placeNominal(hi) {
			return
		}
		s, en := c.spanOf(h)
		var a *doc.Actor
		if e.country != "" {
			a = c.actor(doc.Actor{Name: e.name, Country: e.country, Code: e.country, Rule: e.src})
		}
		c.add(s, en, e.typ, e.src, a)
	case kRegion:
		s, en := c.spanOf(h)
		c.add(s, en, e.typ, e.src, c.actor(doc.Actor{Name: e.name, Code: e.code, Rule: e.src}))
	case kOrg:
		s, en := c.spanOf(h)
		a := c.actor(doc.Actor{Name: e.name, Country: e.country, Sector: e.sector, Code: e.code, Rule: e.src})
		if ps := c.orgPrefix(hi); ps >= 0 {
			// "U.N. Security Council", "Philippine Red Cross": one name.
			c.add(ps, en, e.typ, c.cat("rule:org-prefix+", e.src), a)
			return
		}
		if e.generic {
			if cty, src := c.countryBefore(ti); cty != "" && cty != e.country && len(e.code) >= 3 {
				a.Country = cty
				a.Code = c.cat(cty, e.code[3:])
				a.Rule = c.cat(e.src, "+", src)
			}
		}
		c.add(s, en, e.typ, e.src, a)
	case kDemonym:
		c.demonym(hi, ti)
	case kSector:
		// Context only: sector words alone are not entities (see ResolveMention). A capitalised
		// institution ("the Foreign Ministry") is an ORG.
		if e.skind == skBody && c.allCap(h.start, h.end) && !c.toks[ti].first && e.sector != "" {
			te := c.tokEnd(h.end)
			if !(te < len(c.toks) && c.toks[te].word && c.toks[te].cap) { // not a title before a name
				a := c.actor(doc.Actor{Name: c.text[h.start:h.end], Sector: e.sector, Code: e.sector, Role: e.role, Rule: e.src})
				start := h.start
				if cty, src := c.countryBefore(ti); cty != "" {
					a.Country, a.Code = cty, c.cat(cty, e.sector)
					a.Rule = c.cat(e.src, "+", src)
					// "Iraqi News Agency", "Saudi Press Agency": a national medium's own name.
					if p := hi - 1; e.sector == "MED" && p >= 0 && c.adjacent(c.hits[p].end, h.start) {
						if k := c.dd.entries[c.hits[p].e].kind; k == kDemonym || k == kCountry {
							start = c.hits[p].start
							a.Name = c.text[start:h.end]
						}
					}
				}
				c.add(start, h.end, "ORG", e.src, a)
				return
			}
		}
		if (e.skind == skGroup || e.skind == skBody) && e.sector != "" {
			c.nominal(hi, ti)
		}
	}
}

// placeNominal codes a known place or capital (hit hi) that qualifies the sector words right after
// it, as one NORP entity: "the New York businessman" (USABUS), "the Paris mayor" (FRAGOV), "Kharkiv
// officials" (UKRGOV), "Chicago police" (USACOP). The people or the institution act, not the place,
// and the place gives their country. A title before a name ("Paris Mayor Anne Hidalgo") is left
// to the person. It reports whether it coded the hit.
func (c *coder) placeNominal(hi int) bool {
	h := c.hits[hi]
	e := &c.dd.entries[h.e]
	k := hi + 1
	if e.country == "" || k >= len(c.hits) || c.released[k] || c.consumed[k] || !c.adjacent(h.end, c.hits[k].start) {
		return false
	}
	if se := &c.dd.entries[c.hits[k].e]; se.kind != kSector || se.sector == "" {
		return false
	}
	end, sec, role, rule := h.end, "", "", ""
	for ; k < len(c.hits) && !c.released[k] && !c.consumed[k] && c.adjacent(end, c.hits[k].start); k++ {
		se := &c.dd.entries[c.hits[k].e]
		if se.kind != kSector || se.sector == "" {
			break
		}
		sec, role, rule = se.sector, se.role, se.src // the head noun is the last one
		end = c.hits[k].end
	}
	if te := c.tokEnd(end); te < len(c.toks) && c.toks[te].word && c.toks[te].cap && !c.isStop(te) && c.adjacent(end, c.toks[te].start) {
		return false // a title before a name
	}
	for j := hi + 1; j < k; j++ {
		c.consumed[j] = true
	}
	start, _ := c.spanOf(h)
	a := c.actor(doc.Actor{Name: c.text[start:end], Country: e.country, Sector: sec, Code: c.cat(e.country, sec), Role: role,
		Rule: c.cat("rule:place-nominal+", e.src, "+", rule)})
	c.add(start, end, "NORP", a.Rule, a)
	return true
}

// nominalSectors are the sectors whose groups are worth an entity of their own.
var nominalSectors = toSet("GOV MIL COP JUD LEG OPP REB CVL REF SPY MED HRI CRM LAB AGR PTY")

// nominal codes a group or institution named by sector words alone ("government forces",
// "protesters", "Rohingya refugees"): a NORP entity with the sector and no country (the stages that
// follow may resolve the country with ResolveMention).
func (c *coder) nominal(hi, ti int) {
	h := c.hits[hi]
	e := &c.dd.entries[h.e]
	start, end := h.start, h.end
	sec, role, rule := e.sector, e.role, e.src
	k := hi + 1
	for k < len(c.hits) && !c.released[k] && !c.consumed[k] && c.adjacent(end, c.hits[k].start) {
		se := &c.dd.entries[c.hits[k].e]
		if se.kind != kSector || se.skind == skTitle || se.sector == "" {
			break
		}
		sec, role, rule = se.sector, se.role, se.src // the head noun is the last one
		end = c.hits[k].end
		c.consumed[k] = true
		k++
	}
	// Right after a proper name ("Hezbollah fighters", "Ukraine troops") the name is the actor.
	if p := ti - 1; p >= 0 && c.hitOf(p) >= 0 && c.adjacent(c.toks[p].end, start) {
		if pe := &c.dd.entries[c.hits[c.hitOf(p)].e]; pe.kind != kSector {
			return
		}
	}
	// An unknown capitalised word before: "Rohingya refugees".
	if p := ti - 1; p >= 0 && c.toks[p].word && c.toks[p].cap && c.toks[p].hit < 0 && !c.toks[p].first && !c.isStop(p) && !c.titleCase[c.toks[p].sent] && c.adjacent(c.toks[p].end, start) && !orgAfter.Has(c.lowerWord(c.tokEnd(end)-1)) && !placeAfter.Has(c.lowerWord(c.tokEnd(end)-1)) {
		start = c.toks[p].start
		c.toks[p].hit = hi // keep the name finder off it
	}
	if !nominalSectors.Has(sec) {
		return
	}
	a := c.actor(doc.Actor{Name: c.text[start:end], Sector: sec, Code: sec, Role: role, Rule: c.cat("rule:nominal+", rule)})
	if cty, src := c.countryBefore(ti); cty != "" && start == h.start {
		// "Russia's military"
		a.Country, a.Code, a.Rule = cty, c.cat(cty, sec), c.cat(a.Rule, "+", src)
	} else if cty, src := c.countryAfter(c.tokEnd(end)); cty != "" && start == h.start {
		// "the government of Cambodia"
		a.Country, a.Code, a.Rule = cty, c.cat(cty, sec), c.cat(a.Rule, "+", src)
	}
	c.add(start, end, "NORP", a.Rule, a)
}

// countryBefore finds the country that qualifies the words starting at token ti: a demonym or a
// country name just before ("Russian", "Russia's"), possibly through a possessive person or
// organisation ("Putin's"). It returns the ISO3 code and the rule.
func (c *coder) countryBefore(ti int) (string, string) {
	p := ti - 1
	// possessive 's
	if p >= 1 && c.lowerWord(p) == "s" && (c.word(p-1) == "'" || c.word(p-1) == "’") {
		p -= 2
	} else if p >= 0 && (c.word(p) == "'" || c.word(p) == "’") {
		p--
	}
	if p < 0 {
		return "", ""
	}
	hi := c.hitOf(p)
	if hi < 0 || c.released[hi] {
		// an entity found by the name finder ("Putin's")
		for k := len(c.ents) - 1; k >= 0; k-- {
			if x := &c.ents[k]; x.End == c.toks[p].end && x.Actor != nil && x.Actor.Country != "" {
				return x.Actor.Country, x.Rule
			}
		}
		return "", ""
	}
	e := &c.dd.entries[c.hits[hi].e]
	switch e.kind {
	case kDemonym, kCountry, kCapital, kOrg:
		if e.country != "" {
			return e.country, e.src
		}
		if e.kind == kDemonym || e.kind == kCountry {
			return e.code, e.src
		}
	case kPerson:
		if a := c.personActor(e.person, -1, -1); a != nil && a.Country != "" {
			return a.Country, e.src
		}
	}
	return "", ""
}

// notAcronyms are capitalised abbreviations that name no organisation.
var notAcronyms = toSet("TV AM PM EDT EST PST CST GMT UTC BST CET OK CEO CFO GDP GNP ID DNA HIV AIDS COVID USD EUR GBP II III IV VI VII VIII IX XI XII MP MPS PR IQ OMG LOL FAQ PDF URL AI IT IS US UK EU UN")

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// shouting reports whether the words around token i are in capitals too (a headline, a speaker
// label in a transcript), so that capitals say nothing.
func (c *coder) shouting(i int) bool {
	n := 0
	for k := i - 3; k <= i+3; k++ {
		if k != i && k >= 0 && k < len(c.toks) && c.toks[k].word && c.toks[k].sent == c.toks[i].sent && allUpper(c.word(k)) && len(c.word(k)) > 1 {
			n++
		}
	}
	return n >= 1 && (i == 0 || c.toks[i].first || n >= 2)
}

// countryAfter finds "of Poland" after token j.
func (c *coder) countryAfter(j int) (string, string) {
	if j+1 >= len(c.toks) || c.lowerWord(j) != "of" {
		return "", ""
	}
	k := j + 1
	if c.lowerWord(k) == "the" {
		k++
	}
	if hi := c.hitOf(k); hi >= 0 && !c.released[hi] {
		e := &c.dd.entries[c.hits[hi].e]
		if e.kind == kCountry && e.country != "" {
			return e.country, e.src
		}
	}
	return "", ""
}

// demonym codes "Russian", "Ukrainian soldiers", "the Russian side".
func (c *coder) demonym(hi, ti int) {
	h := c.hits[hi]
	e := &c.dd.entries[h.e]
	end := h.end
	country := e.country
	if country == "" {
		country = e.code
	}
	a := c.actor(doc.Actor{Name: e.name, Country: e.country, Code: country, Rule: e.src})
	rule := e.src
	// Following sector words: "Ukrainian soldiers", "Russian government officials".
	k := hi + 1
	for k < len(c.hits) && !c.released[k] && c.adjacent(end, c.hits[k].start) {
		se := &c.dd.entries[c.hits[k].e]
		if se.kind != kSector {
			break
		}
		if se.skind == skTitle {
			// A title before a name belongs to the name ("Russian Foreign Minister Sergey Lavrov").
			te := c.tokEnd(c.hits[k].end)
			if te < len(c.toks) && c.toks[te].word && c.toks[te].cap && c.adjacent(c.hits[k].end, c.toks[te].start) {
				break
			}
		}
		// A capitalised institution becomes its own ORG ("Russian Foreign Ministry").
		if se.skind == skBody && c.allCap(c.hits[k].start, c.hits[k].end) && se.sector != "" {
			break
		}
		if se.sector != "" {
			// the head noun (the last sector word) gives the sector
			a.Sector = se.sector
			a.Code = c.cat(country, se.sector)
			a.Role = se.role
			rule = c.cat(e.src, "+", se.src)
		} else if se.sector == "" && a.Role == "" {
			a.Role = se.role
			rule = c.cat(e.src, "+", se.src)
		}
		end = c.hits[k].end
		k++
	}
	a.Rule = rule
	if e.typ == "" {
		e.typ = "NORP"
	}
	c.add(h.start, end, "NORP", rule, a)
	for j := hi + 1; j < k; j++ {
		c.consumed[j] = true
	}
}

// personActor returns the actor of a dictionary person at the article's date. ti and te are the
// token range of the mention (-1 when unknown); the title around it is used when the person holds
// no role at the date.
func (c *coder) personActor(pi, ti, te int) *doc.Actor {
	p := &c.dd.people[pi]
	r, state := pickRole(p.roles, c.date)
	a := c.actor(doc.Actor{Name: p.name})
	switch state {
	case roleActive:
		a.Country, a.Sector, a.Code, a.Role, a.Rule = r.country, r.sector, r.code, r.title, r.src
	case roleFormer:
		// A former office holder: CAMEO's elites.
		a.Country, a.Sector, a.Role, a.Rule = r.country, "ELI", c.cat("former ", r.title), r.src
		a.Code = c.cat(r.country, "ELI")
		if r.country == "" {
			a.Code = r.code
			a.Sector = ""
		}
	case roleFuture:
		a.Country, a.Code, a.Rule = r.country, r.country, r.src
		if r.country == "" {
			a.Code = r.code
		}
	}
	if ti >= 0 && state == roleActive {
		// Record the title that agrees with the dictionary as evidence.
		if ev := c.titleEvidence(ti, te); ev.title && ev.src != "" && (ev.sector == "" || ev.sector == a.Sector) {
			a.Rule = c.cat(a.Rule, "+", ev.src)
		}
	}
	if ti >= 0 && state != roleActive {
		if ev := c.titleEvidence(ti, te); ev.sector != "" || ev.country != "" {
			if ev.country != "" {
				a.Country = ev.country
			}
			if ev.sector != "" && !ev.former {
				a.Sector = ev.sector
				a.Role = ev.role
			}
			a.Code = c.cat(a.Country, a.Sector)
			a.Rule = c.cat(a.Rule, "+", ev.src)
		}
	}
	return a
}

const (
	roleNone = iota
	roleActive
	roleFormer
	roleFuture
)

// pickRole chooses the role active at date (yyyymmdd; 0: the latest role). With several active
// roles, the one that began last wins.
func pickRole(roles []role, date int) (role, int) {
	if len(roles) == 0 {
		return role{}, roleNone
	}
	if date == 0 {
		best := roles[0]
		for _, r := range roles[1:] {
			if r.to == 0 && best.to != 0 || (r.to == 0) == (best.to == 0) && r.from >= best.from {
				best = r
			}
		}
		return best, roleActive
	}
	var best *role
	var former *role
	for i := range roles {
		r := &roles[i]
		if r.from <= date && (r.to == 0 || date <= r.to) {
			if best == nil || r.from >= best.from {
				best = r
			}
		} else if r.to != 0 && r.to < date {
			if former == nil || r.to >= former.to {
				former = r
			}
		}
	}
	if best != nil {
		return *best, roleActive
	}
	if former != nil {
		return *former, roleFormer
	}
	return roles[0], roleFuture
}

// evidence is what the words around a name say about its actor.
type evidence struct {
	country, sector, role, src string
	title                      bool // a title or honorific makes the name a PERSON
	former                     bool // "former President", "ex-minister"
	gender                     byte
}

var honorifics = map[string]string{
	"mr": "", "mrs": "", "ms": "", "miss": "", "dr": "", "sir": "", "dame": "", "lord": "", "lady": "",
	"gen": "MIL", "maj": "MIL", "col": "MIL", "lt": "MIL", "sgt": "MIL", "capt": "MIL", "adm": "MIL", "cpl": "MIL", "pvt": "MIL",
	"sen": "LEG", "rep": "LEG", "gov": "GOV", "pres": "GOV", "prof": "EDU", "rev": "REL", "sheikh": "", "president": "GOV",
}

// titleEvidence reads the title before a name ("Russian Foreign Minister", "Putin's spokesman,") or
// in apposition after it (", Russia's foreign minister").
func (c *coder) titleEvidence(ti, te int) evidence {
	var ev evidence
	p := ti - 1
	// honorific: Mr. / Gen.
	if p >= 1 && c.word(p) == "." && c.toks[p-1].word {
		if sec, ok := honorifics[c.lowerWord(p-1)]; ok {
			ev.title = true
			ev.sector = sec
			ev.src = c.cat("honorific:", c.word(p-1))
			switch c.lowerWord(p - 1) {
			case "mr":
				ev.gender = 'm'
			case "mrs", "ms", "miss":
				ev.gender = 'f'
			}
			p -= 2
		}
	} else if p >= 0 && c.toks[p].word && c.toks[p].hit < 0 {
		if sec, ok := honorifics[c.lowerWord(p)]; ok && c.lowerWord(p) != "president" {
			ev.title = true
			ev.sector = sec
			ev.src = c.cat("honorific:", c.word(p))
			switch c.lowerWord(p) {
			case "mr":
				ev.gender = 'm'
			case "mrs", "ms", "miss", "dame", "lady":
				ev.gender = 'f'
			}
			p--
		}
	}
	// apposition comma before: "Putin's spokesman, Dmitry Peskov"
	if p >= 0 && c.word(p) == "," && !ev.title {
		if hi := c.hitOf(p - 1); hi >= 0 && c.dd.entries[c.hits[hi].e].kind == kSector && c.dd.entries[c.hits[hi].e].skind == skTitle {
			p--
		}
	}
	// titles, right to left
	for p >= 0 {
		hi := c.hitOf(p)
		if hi < 0 {
			break
		}
		se := &c.dd.entries[c.hits[hi].e]
		if se.kind != kSector || se.skind != skTitle {
			break
		}
		ev.title = true
		if ev.sector == "" || ev.role == "" {
			if ev.sector == "" {
				ev.sector = se.sector
			}
			ev.role = se.role
			ev.src = c.cat("title:", se.src)
		}
		p = c.tokAt(c.hits[hi].start) - 1
	}
	if ev.title && p >= 0 {
		// "Former Italian prime minister": look past the qualifier.
		if hi := c.hitOf(p); hi >= 0 {
			if k := c.dd.entries[c.hits[hi].e].kind; k == kDemonym || k == kCountry {
				if q := c.tokAt(c.hits[hi].start) - 1; q >= 0 && formerWords.Has(c.lowerWord(q)) {
					ev.former = true
				}
			}
		}
		switch c.lowerWord(p) {
		case "former", "ex", "late", "then", "erstwhile", "onetime", "one-time":
			ev.former = true
		}
		if p >= 1 && c.word(p) == "-" && c.lowerWord(p-1) == "ex" {
			ev.former = true
		}
	}
	if ev.title {
		if cty, src := c.countryBefore(p + 1); cty != "" {
			ev.country = cty
			ev.src = c.cat(ev.src, "+", src)
		}
	}
	if ev.title || te < 0 {
		return ev
	}
	// apposition after: "X, Russia's foreign minister," / "X, the Ukrainian president,"
	q := te
	if q < len(c.toks) && c.word(q) == "," {
		q++
		if q < len(c.toks) && (c.lowerWord(q) == "the" || c.lowerWord(q) == "a") {
			q++
		}
		// qualifier: demonym / country 's
		cty, csrc := "", ""
		if hi := c.hitOf(q); hi >= 0 {
			e := &c.dd.entries[c.hits[hi].e]
			if e.kind == kDemonym || e.kind == kCountry {
				cty, csrc = e.country, e.src
				q = c.tokEnd(c.hits[hi].end)
				if q+1 < len(c.toks) && (c.word(q) == "'" || c.word(q) == "’") && c.lowerWord(q+1) == "s" {
					q += 2
				}
			}
		}
		for skip := 0; skip < 3 && q < len(c.toks) && c.toks[q].word && !c.toks[q].cap && c.hitOf(q) < 0; skip++ {
			q++
		}
		if hi := c.hitOf(q); hi >= 0 {
			e := &c.dd.entries[c.hits[hi].e]
			if e.kind == kSector && e.skind == skTitle {
				ev.title = true
				ev.sector, ev.role, ev.src = e.sector, e.role, c.cat("apposition:", e.src)
				if cty != "" {
					ev.country = cty
					ev.src = c.cat(ev.src, "+", csrc)
				}
			}
		}
	}
	return ev
}

var formerWords = toSet("former ex late then erstwhile onetime one-time")

// stopwords are capitalised words that start sentences but are not names.
var stopwords = toSet(`the a an in on at but and or if when while after before this that these those it he she we
they i his her its their our my your as for with from by to of despite although though meanwhile however yet so
some many all both each most more no not there here what who why how where which one two three four five six seven
eight nine ten first last next according also even just only still then thus than such other another every
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
god earth heaven hell satan lord today tomorrow yesterday mr mrs ms dr gen sen rep gov lt col maj sgt capt adm
prof rev st is was are were be been has have had do does did will would can could should may might must shall
you me him them us let please thank thanks dear hello yes oh ok okay ah well now later earlier during since until
because under over about against among amid without within upon into onto off up down out like unlike including
said says told asked added noted warned wrote reported announced stated insisted claimed argued explained
several few any none nothing everything something anything nobody everybody someone anyone everyone whether
again once twice always never sometimes often already soon instead indeed perhaps maybe almost`)

func toSet(s string) *wordset.Set { return wordset.New(strings.Fields(s)...) }

// isStop reports whether token i is a stopword (remembered on the token).
func (c *coder) isStop(i int) bool {
	if i < 0 || i >= len(c.toks) {
		return stopwords.Has(c.lowerWord(i))
	}
	t := &c.toks[i]
	if t.stop == 0 {
		t.stop = -1
		if stopwords.Has(c.lowerWord(i)) {
			t.stop = 1
		}
	}
	return t.stop > 0
}

var connectors = toSet("of for and the de del della di da dos das du des la le van von der den al el bin ibn bint abu ben y")

var orgHeads = toSet(`ministry department university bank agency commission committee council court office institute
union association organization organisation foundation fund federation league party front movement army
authority bureau board service corporation company group college school hospital church assembly parliament
government administration coalition alliance brigade brigades forces force corps guard network embassy
police centre center trust society academy club democrats republicans socialists conservatives
liberals greens communists airways railways motors petroleum telecom steel pharmaceuticals
electric energy airlines airline news times post journal tribunal senate
congress cabinet secretariat command navy caucus chamber inc inc. corp corp. ltd llc plc co co. holdings industries
laboratories labs systems technologies partners capital media press radio television tv agency exchange
sa ag nv gmbh spa bv pjsc jsc resources management fm mining networks services institution magazine associates`)

// headSectors gives the sector of an organisation from its head word.
var headSectors = map[string]string{
	"ministry": "GOV", "department": "GOV", "government": "GOV", "administration": "GOV", "cabinet": "GOV",
	"embassy": "GOV", "office": "GOV", "secretariat": "GOV", "agency": "GOV", "commission": "GOV",
	"army": "MIL", "forces": "MIL", "force": "MIL", "navy": "MIL", "brigade": "MIL", "brigades": "MIL",
	"corps": "MIL", "command": "MIL", "guard": "MIL",
	"police": "COP", "court": "JUD", "tribunal": "JUD",
	"parliament": "LEG", "assembly": "LEG", "senate": "LEG", "congress": "LEG",
	"party": "PTY", "university": "EDU", "college": "EDU", "school": "EDU", "academy": "EDU", "institute": "EDU",
	"bank": "BUS", "company": "BUS", "corporation": "BUS", "corp": "BUS", "inc": "BUS", "ltd": "BUS",
	"llc": "BUS", "plc": "BUS", "co": "BUS", "holdings": "BUS", "industries": "BUS", "airlines": "BUS",
	"airline": "BUS", "group": "BUS", "exchange": "BUS", "sa": "BUS", "ag": "BUS", "nv": "BUS", "gmbh": "BUS",
	"spa": "BUS", "bv": "BUS", "pjsc": "BUS", "jsc": "BUS", "resources": "BUS", "management": "BUS",
	"fm":   "MED",
	"news": "MED", "times": "MED", "post": "MED", "journal": "MED", "media": "MED", "radio": "MED",
	"television": "MED", "tv": "MED", "press": "MED",
	"church": "REL", "hospital": "HLH", "union": "LAB", "front": "REB", "movement": "", "council": "GOV",
	"democrats": "PTY", "republicans": "PTY", "socialists": "PTY", "conservatives": "PTY", "liberals": "PTY",
	"greens": "PTY", "communists": "PTY", "club": "SPR",
}

var orgFirst = toSet("government ministry department university bank office institute embassy council court commission committee bureau agency federation union league party academy movement coalition association organization organisation board school college chamber")

// miscHeads end names of laws, treaties, events and works, which are neither people nor places.
var miscHeads = toSet(`agreement agreements act treaty plan accord accords convention day war amendment document
protocol declaration law bill prize award awards cup games olympics summit conference show debate debates
doctrine initiative strategy program programme project festival election elections revolution crisis
deal pact charter resolution report index poll survey average partnership`)

var locHeads = toSet(`river sea ocean lake island islands mountains mountain peninsula bay gulf strait valley desert
province region oblast district county state city street square avenue road bridge airport port canal
border plain plateau coast heights hills forest park highway volcano springs monument strip falls beach
harbor harbour memorial cemetery stadium arena palace tower`)

var gpeHeads = toSet("province region oblast district county state city governorate prefecture municipality")

var placeNouns = toSet("town city village province district region port suburb capital oblast county state governorate settlement hamlet neighbourhood neighborhood area island")

var kinWords = toSet("wife husband son daughter mother father brother sister widow lawyer attorney family children parents aide")

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// releasedCountry returns the country of a place or country name that starts the name at token i
// and was given back to the name finder ("U.S. Chamber of Commerce", "Borno State").
func (c *coder) releasedCountry(i int) (string, string) {
	hi := c.hitOf(i)
	if hi < 0 || !c.released[hi] {
		return "", ""
	}
	e := &c.dd.entries[c.hits[hi].e]
	switch e.kind {
	case kCountry, kCapital, kPlace, kDemonym:
		return e.country, e.src
	}
	return "", ""
}

var speechVerbs = toSet(`said says told added stated wrote argued asked insisted claimed announced warned noted
explained replied responded urged called denied confirmed acknowledged admitted complained alleged`)

// runs finds capitalised sequences that no dictionary entry matched and types them from context.
func (c *coder) runs() {
	n := len(c.toks)
	free := func(i int) bool {
		if i < 0 || i >= n || !c.toks[i].word {
			return false
		}
		h := c.toks[i].hit
		// a hit inside a compound ("Movement-in-Opposition") leaves the word free
		return h < 0 || c.released[h] || c.hits[h].start > c.toks[i].start
	}
	for i := 0; i < n; {
		if !free(i) || !c.toks[i].cap {
			i++
			continue
		}
		// Drop leading stop words ("The", "In") and skip lone months/days.
		if c.isStop(i) {
			i++
			continue
		}
		j := i + 1
		for j < n {
			if free(j) && c.toks[j].cap && c.adjacent(c.toks[j-1].end, c.toks[j].start) && !c.isStop(j) {
				j++
				continue
			}
			// initials: "George W. Bush"
			if c.word(j) == "." && j-1 >= i && c.toks[j-1].end-c.toks[j-1].start == 1 && j+1 < n && free(j+1) && c.toks[j+1].cap && c.toks[j].end == c.toks[j].start+1 && c.toks[j-1].end == c.toks[j].start {
				j++
				continue
			}
			// "People's Party", "Sudan People's Liberation Movement": a possessive inside an
			// organisation's name.
			if (c.word(j) == "'" || c.word(j) == "’") && j+2 < n && c.lowerWord(j+1) == "s" && free(j+2) && c.toks[j+2].cap && !c.isStop(j+2) {
				k := j + 2
				for k < n && free(k) && c.toks[k].cap {
					k++
				}
				if orgHeads.Has(headWord(c.lowerWord(k - 1))) {
					j += 2
					continue
				}
			}
			// "Central Bank of Kenya", "University of the Philippines": a known place after "of"
			// in an organisation's name.
			if free(j) && (c.lowerWord(j) == "of" || c.lowerWord(j) == "for") && c.orgLike(i, j) {
				if end := c.placeAfterOf(j + 1); end > 0 && (orgFirst.Has(c.lowerWord(j-1)) || orgHeads.Has(c.lowerWord(j-1))) {
					j = c.tokEnd(end)
					continue
				}
			}
			// connectors inside names: "Bank of England", "Abu Bakr al-Baghdadi"
			if free(j) && connectors.Has(c.lowerWord(j)) && !c.toks[j].cap && j+1 < n && free(j+1) && c.toks[j+1].cap && !c.isStop(j+1) && c.adjacent(c.toks[j-1].end, c.toks[j].start) {
				lw := c.lowerWord(j)
				if lw == "and" || lw == "the" || lw == "of" || lw == "for" {
					// only inside organisation names
					k := j + 1
					for k < n && free(k) && c.toks[k].cap {
						k++
					}
					if !c.orgLike(i, k) {
						break
					}
				}
				j++
				continue
			}
			break
		}
		// a trailing initial dot belongs to no name
		for j > i && !c.toks[j-1].word {
			j--
		}
		// "West Darfur", "Lake Chad": a compass word before a known place.
		if j < n && compassWords.Has(c.lowerWord(j-1)) && c.adjacent(c.toks[j-1].end, c.toks[j].start) {
			if end, e := c.placeHitAt(j); end > 0 {
				start := c.toks[i].start
				if j-1 > i && !locFirst.Has(c.lowerWord(i)) {
					c.nameRun(i, j-1)
					start = c.toks[j-1].start
				}
				var a *doc.Actor
				if e.country != "" {
					a = c.actor(doc.Actor{Name: c.text[start:end], Country: e.country, Code: e.country, Rule: c.cat("rule:compass+", e.src)})
				}
				c.add(start, end, "GPE", c.cat("rule:compass+", e.src), a)
				i = c.tokEnd(end)
				continue
			}
		}
		// "Shares of Northwind Inc.": a sentence's first word before "of" is no part of the name
		// unless it heads one ("Bank of England"); "Follow Pam Key", "Candidate Trump": a first
		// word that is no given name before a name is no part of it.
		switch {
		case c.toks[i].first && i+2 < j && c.lowerWord(i+1) == "of" && !orgFirst.Has(c.lowerWord(i)) && !orgHeads.Has(c.lowerWord(i)):
			c.nameRun(i+2, j)
		case c.toks[i].first && i+1 < j && c.toks[i+1].word && c.leadingNonName(i, j):
			c.nameRun(i+1, j)
		default:
			c.nameRun(i, j)
		}
		i = j
	}
}

// knownFamilyName reports whether token i is the family name of a person in the article or in the
// dictionary.
func (c *coder) knownFamilyName(i int) bool {
	k := c.lowerWord(i)
	_, ok := c.surnames[k]
	return ok || len(c.dd.surname[k]) > 0
}

// leadingNonName reports whether the first word of the run [i, j) is a capitalised ordinary word
// before a name: it is no given name and no organisation word, and what follows starts with a given
// name or ends with a known family name.
func (c *coder) leadingNonName(i, j int) bool {
	w := c.lowerWord(i)
	if _, ok := c.dd.firstName[w]; ok || orgHeads.Has(w) || orgFirst.Has(w) || c.hitOf(i) >= 0 {
		return false
	}
	if _, ok := c.dd.firstName[c.lowerWord(i+1)]; ok {
		return true
	}
	lk := c.lowerWord(j - 1)
	_, known := c.surnames[lk]
	return known || len(c.dd.surname[lk]) > 0 && !commonSurnames.Has(lk)
}

// orgLike reports whether tokens [i, j) look like the start of an organisation name.
func (c *coder) orgLike(i, j int) bool {
	for k := i; k < j; k++ {
		if orgHeads.Has(c.lowerWord(k)) || c.toks[k].hit >= 0 {
			return true
		}
	}
	return false
}

// nameRun types the capitalised run of tokens [i, j).
func (c *coder) nameRun(i, j int) {
	if j <= i {
		return
	}
	start, end := c.toks[i].start, c.toks[j-1].end
	nw := 0
	for k := i; k < j; k++ {
		if c.toks[k].word {
			nw++
		}
	}
	first := c.lowerWord(i)
	last := headWord(c.lowerWord(j - 1))
	ev := c.titleEvidence(i, j)
	prev := c.lowerWord(i - 1)
	nextW := c.lowerWord(j)
	sentFirst := c.toks[i].first
	// Organisations.
	ofHead := ""
	for k := i; k+1 < j; k++ {
		if c.lowerWord(k+1) == "of" && orgFirst.Has(c.lowerWord(k)) {
			ofHead = c.lowerWord(k)
			break
		}
	}
	if orgHeads.Has(last) && nw >= 2 || ofHead != "" && nw >= 3 {
		a := c.actor(doc.Actor{Name: c.text[start:end], Rule: "rule:org-head"})
		head := last
		if ofHead != "" {
			head = ofHead
		}
		a.Sector = headSectors[head]
		cty, src := c.countryBefore(i)
		if cty == "" {
			cty, src = c.countryAfter(j)
		}
		if cty != "" {
			a.Country, a.Rule = cty, c.cat("rule:org-head+", src)
		}
		if cty == "" {
			if cty, src = c.releasedCountry(i); cty != "" {
				a.Country, a.Rule = cty, c.cat("rule:org-head+", src)
			}
		}
		if cty == "" {
			// "Central Bank of Kenya"
			for k := i + 1; k < j; k++ {
				if hi := c.hitOf(k); hi >= 0 && !c.released[hi] && c.lowerWord(k-1) == "of" {
					if e := &c.dd.entries[c.hits[hi].e]; e.kind == kCountry && e.country != "" {
						a.Country, a.Rule = e.country, c.cat("rule:org-head+", e.src)
					}
				}
			}
		}
		a.Code = c.cat(a.Country, a.Sector)
		c.add(start, end, "ORG", "rule:org-head", a)
		// "Halden Motors" ... "Halden": a company's own name.
		if businessHeads.Has(last) && nw >= 2 && c.toks[i].cap && c.hitOf(i) < 0 && !notNameFirst.Has(first) && !orgHeads.Has(first) && !orgFirst.Has(first) && !c.isStop(i) {
			c.remember(c.word(i), "ORG")
		}
		return
	}
	// An unknown acronym: an organisation; in brackets after one, the same one ("Nigerian Air
	// Force (NAF)").
	if nw == 1 && end-start >= 2 && (end-start <= 5 || end-start <= 7 && !sentFirst) && allUpper(c.word(i)) && !datelineNot.Has(first) && !c.datelineAt(i, j) && isLetters(c.word(i)) && !notAcronyms.Has(c.word(i)) && !c.shouting(i) && !c.knownFamilyName(i) && c.word(j) != ":" {
		if i >= 1 && c.word(i-1) == "(" {
			for k := len(c.ents) - 1; k >= 0; k-- {
				x := &c.ents[k]
				if x.End <= c.toks[i-1].start && c.toks[i-1].start-x.End <= 2 && x.Type == "ORG" && x.Actor != nil {
					a := c.actor(*x.Actor)
					a.Rule = "coref:acronym"
					y := c.add(start, end, "ORG", "coref:acronym", a)
					c.ents[y].ante = k
					return
				}
			}
		}
		c.add(start, end, "ORG", "rule:acronym", nil)
		return
	}
	// Laws, treaties, events.
	if miscHeads.Has(last) && nw >= 2 {
		c.add(start, end, "MISC", "rule:misc-head", nil)
		return
	}
	// Places by head word.
	if locHeads.Has(last) && nw >= 2 {
		typ := "LOC"
		var a *doc.Actor
		if cty, src := c.releasedCountry(i); cty != "" {
			a = c.actor(doc.Actor{Name: c.text[start:end], Country: cty, Code: cty, Rule: c.cat("rule:loc-head+", src)})
		}
		if gpeHeads.Has(last) {
			typ = "GPE"
		}
		c.add(start, end, typ, "rule:loc-head", a)
		return
	}
	// A name typed earlier in the article by a rule.
	if typ, ok := c.sc.known[c.text[start:end]]; ok {
		c.add(start, end, typ, "coref:name", nil)
		return
	}
	// Surname of a person already in the article, or in the dictionary.
	if nw == 1 {
		key := c.lowerWord(i)
		if k, ok := c.surnames[key]; ok {
			a := c.actor(*c.ents[k].Actor)
			a.Rule = "coref:surname"
			x := c.add(start, end, "PERSON", "coref:surname", a)
			c.ents[x].ante = k
			return
		}
		if ps := c.dd.surname[key]; len(ps) > 0 {
			possessive := j+1 < len(c.toks) && (c.word(j) == "'" || c.word(j) == "’") && c.lowerWord(j+1) == "s"
			pi := c.pickPerson(ps)
			if pi >= 0 && !(ev.title || speechVerbs.Has(nextW) || possessive || c.topOffice(pi) && !commonSurnames.Has(key)) {
				pi = -1
			}
			if pi >= 0 {
				a := c.personActor(pi, i, j)
				a.Rule = c.cat(a.Rule, "+surname")
				c.add(start, end, "PERSON", c.cat(c.dd.people[pi].src, "+surname"), a)
				return
			}
		}
	}
	// "NAIROBI, Kenya (AP) _": a dateline.
	if c.datelineAt(i, j) {
		c.add(start, end, "GPE", "rule:dateline", nil)
		return
	}
	if !ev.title {
		// "the Unite union", "the Yamuna river"; "oil company Ecopetrol", "analysts at Barclays".
		nextLower := j < len(c.toks) && c.toks[j].word && !c.toks[j].cap && c.adjacent(end, c.toks[j].start)
		prevLower := i >= 1 && c.toks[i-1].word && !c.toks[i-1].cap && c.adjacent(c.toks[i-1].end, start)
		switch {
		case nw >= 2 && orgLead.Has(first):
			c.add(start, end, "ORG", "rule:org-first", nil)
			return
		case nw == 1 && sentFirst && (orgAfter.Has(nextW) || placeAfter.Has(nextW)):
			// "Aid group X said": a capitalised common noun
		case c.adjectival(i, j):
			// "Kurdish fighters", "Islamist militants", "the Republican party"
			c.add(start, end, "NORP", "rule:adjective", nil)
			return
		case nextLower && orgAfter.Has(nextW):
			c.add(start, end, "ORG", c.cat("rule:org-noun:", nextW), nil)
			return
		case nextLower && placeAfter.Has(nextW):
			c.add(start, end, "GPE", c.cat("rule:place-noun:", nextW), nil)
			return
		case prevLower && orgBefore.Has(prev):
			c.add(start, end, "ORG", c.cat("rule:org-noun:", prev), nil)
			return
		case i >= 2 && (prev == "at" && orgAt.Has(c.lowerWord(i-2)) || (prev == "of" || prev == "in") && (c.lowerWord(i-2) == "shares" || c.lowerWord(i-2) == "stake")):
			c.add(start, end, "ORG", c.cat("rule:org-context:", c.lowerWord(i-2)), nil)
			return
		case nw >= 2 && locFirst.Has(first):
			c.add(start, end, "GPE", "rule:place-first", nil)
			return
		}
	}
	_, firstName := c.dd.firstName[first]
	if c.titleCase[c.toks[i].sent] {
		// In a headline in title case capitals say little: only a known family name (above) or a
		// title marks a person.
		return
	}
	isPerson := ev.title && !(ev.src != "" && strings.HasPrefix(ev.src, "apposition:") && nw < 2)
	if !isPerson && firstName && nw >= 2 && !orgHeads.Has(last) {
		isPerson = true
		ev.src = "rule:first-name"
	}
	if !isPerson && nw >= 2 && nw <= 4 && !orgHeads.Has(last) {
		// a known family name at the end ("Ivana Trump", "Mitt Romney" after "Romney")
		lk := c.lowerWord(j - 1)
		if k, ok := c.surnames[lk]; ok {
			// "Suu Kyi" after "Aung San Suu Kyi"; but "Ivana Trump" is not "Donald Trump" unless
			// the full name was given (then the earlier entity has this very name)
			if strings.HasSuffix(c.ents[k].Actor.Name, c.text[start:end]) {
				a := c.actor(*c.ents[k].Actor)
				a.Rule = "coref:family-name"
				x := c.add(start, end, "PERSON", "coref:family-name", a)
				c.ents[x].ante = k
				return
			}
			isPerson, ev.src = true, "rule:family-name"
		} else if ps := c.dd.surname[lk]; len(ps) > 0 && !commonSurnames.Has(lk) {
			if pi := c.pickPerson(ps); pi >= 0 && strings.HasSuffix(c.dd.people[pi].name, c.text[start:end]) {
				a := c.personActor(pi, i, j)
				a.Rule = c.cat(a.Rule, "+family-name")
				c.add(start, end, "PERSON", c.cat(c.dd.people[pi].src, "+family-name"), a)
				return
			}
			isPerson, ev.src = true, "rule:family-name"
		}
	}
	if !isPerson && nw >= 2 && nw <= 4 {
		switch {
		case j+2 < len(c.toks) && c.word(j) == "," && c.toks[j+1].word && isDigits(c.word(j+1)) && (c.word(j+2) == "," || c.word(j+2) == ")"):
			// "John Smith, 45,"
			isPerson, ev.src = true, "rule:age"
		case j+2 < len(c.toks) && (c.word(j) == "'" || c.word(j) == "’") && c.lowerWord(j+1) == "s" && kinWords.Has(c.lowerWord(j+2)):
			// "Smith's wife"
			isPerson, ev.src = true, "rule:kin"
		case i >= 2 && c.lowerWord(i-1) == "to" && c.lowerWord(i-2) == "according" && !orgHeads.Has(last):
			isPerson, ev.src = true, "rule:according-to"
		}
	}
	if cty, _ := c.releasedCountry(i); cty != "" && !ev.title {
		// a name that starts with a place is no person: a team, a company ("Minnesota Vikings")
		if g, ok := c.dd.firstName[first]; !(ok && g != 0) && nw >= 2 && !isPerson {
			a := c.actor(doc.Actor{Name: c.text[start:end], Country: cty, Code: cty, Rule: "rule:place-name"})
			c.add(start, end, "ORG", "rule:place-name", a)
			return
		}
	} else if !isPerson && speechVerbs.Has(nextW) && (nw >= 2 || !sentFirst) && !orgHeads.Has(last) {
		isPerson = true
		ev.src = "rule:speaker"
	} else if !isPerson && (prev == "said" || prev == "says") && nw >= 2 && !orgHeads.Has(last) {
		// "..., said Esperance Kavira, a mother of five"
		isPerson = true
		ev.src = "rule:speaker"
	} else if !isPerson && c.word(j) == "," && (c.lowerWord(j+1) == "who" || c.lowerWord(j+1) == "whose") && !orgHeads.Has(last) {
		// "Gambari, who", "Mahdi, whose"
		isPerson = true
		ev.src = "rule:who"
	}
	if !isPerson && ev.title {
		isPerson = true
	}
	if isPerson {
		a := c.actor(doc.Actor{Name: c.text[start:end]})
		if ev.country != "" || ev.sector != "" {
			a.Country, a.Sector, a.Role = ev.country, ev.sector, ev.role
			if ev.former {
				a.Sector, a.Role = "ELI", c.cat("former ", ev.role)
			}
			a.Code = c.cat(a.Country, a.Sector)
		}
		rule := ev.src
		if rule == "" {
			rule = "rule:title"
		}
		a.Rule = rule
		c.add(start, end, "PERSON", rule, a)
		return
	}
	// "the town of Bunagana", "Bunagana, a town on the border".
	if nw <= 3 {
		if i >= 2 && c.lowerWord(i-1) == "of" && placeNouns.Has(c.lowerWord(i-2)) {
			// "the town of Tel Afar": a known place name may end the name
			if pe, _ := c.placeHitAt(j); pe > 0 && c.adjacent(end, c.toks[j].start) {
				end = pe
			}
			c.add(start, end, "GPE", "rule:place-noun", nil)
			return
		}
		if j+2 < len(c.toks) && c.word(j) == "," && (c.lowerWord(j+1) == "a" || c.lowerWord(j+1) == "the") {
			k := j + 2
			for k < len(c.toks) && k < j+4 && c.toks[k].word && !placeNouns.Has(c.lowerWord(k)) && !c.toks[k].cap {
				k++
			}
			if k < len(c.toks) && placeNouns.Has(c.lowerWord(k)) {
				c.add(start, end, "GPE", "rule:place-noun", nil)
				return
			}
		}
	}
	// Places after a locative preposition ("in Kharkiv").
	adjective := j < len(c.toks) && c.toks[j].word && !c.toks[j].cap && !c.isStop(j) && !connectors.Has(nextW)
	if (prev == "in" || prev == "near" || prev == "from" || prev == "outside") && !sentFirst && nw <= 3 && !adjective && !firstName {
		c.add(start, end, "GPE", "rule:locative", nil)
		return
	}
	if typ := c.coordinated(i, j); typ != "" && (typ != "PERSON" || c.nameShaped(i, j) || nw == 1) {
		c.add(start, end, typ, "rule:coordination", nil)
		return
	}
	if !sentFirst && c.nameShaped(i, j) && !orgHeads.Has(last) && !locHeads.Has(last) && c.personContext(i, j) {
		// A name of two or three capitalised words in apposition, after a word for a person or
		// with an initial is a person's.
		c.add(start, end, "PERSON", "rule:name-shape", c.actor(doc.Actor{Name: c.text[start:end], Rule: "rule:name-shape"}))
		return
	}
	if nw >= 2 && !sentFirst {
		c.add(start, end, "MISC", "rule:capitalised", nil)
	}
}

// commonSurnames are family names that are also common words or first names; alone, without a title
// or a full mention earlier, they name nobody.
var commonSurnames = toSet(`may power rice brown black white green king young rich long hall wall price duke park lee kim
jordan bush ham wood stone rose hope love moon sun gray grey north south west east little strong
sharp cook smith baker miller carter johnson jackson james davis wilson thomas martin lewis scott
ward church castle ford lord page bell field fox hill lane marsh mills reed shaw bishop major
noble mason hunter fisher taylor walker turner cooper warren webb wells west rubio holmes banks`)

// topOffice reports whether a person holds (at the article's date, or last) an office whose holder
// is named by the family name alone: heads of state and government, foreign ministers, heads of
// major organisations.
func (c *coder) topOffice(pi int) bool {
	r, st := pickRole(c.dd.people[pi].roles, c.date)
	if st != roleActive {
		return false
	}
	t := strings.ToLower(r.title)
	for _, w := range []string{"president", "prime minister", "chancellor", "king", "queen", "leader", "foreign minister", "secretary of state", "secretary-general", "secretary general", "premier", "emir", "crown prince", "pope", "spokes", "press secretary", "defence minister", "defense minister", "defense secretary"} {
		if strings.Contains(t, w) && !strings.Contains(t, "vice") && !strings.Contains(t, "deputy") {
			return true
		}
	}
	return false
}

// pickPerson chooses among dictionary people sharing a surname: one already named in full in the
// article, else the only one holding a role at the article's date, else the only candidate.
func (c *coder) pickPerson(ps []int) int {
	if len(ps) == 1 {
		return ps[0]
	}
	active := -1
	for _, pi := range ps {
		if _, st := pickRole(c.dd.people[pi].roles, c.date); st == roleActive && c.date != 0 {
			if active >= 0 {
				return -1
			}
			active = pi
		}
	}
	return active
}

// finish sorts the entities, drops overlaps (the earlier, then the longer wins) and fills Text and
// Ref.
func (c *coder) finish() {
	idx := c.sc.idx[:0]
	for i := range c.ents {
		idx = append(idx, i)
	}
	c.sc.idx = idx
	slices.SortStableFunc(idx, func(a, b int) int {
		x, y := &c.ents[a], &c.ents[b]
		if x.Start != y.Start {
			return x.Start - y.Start
		}
		return y.End - x.End
	})
	newIdx := c.sc.newIdx[:0]
	for range c.ents {
		newIdx = append(newIdx, -1)
	}
	c.sc.newIdx = newIdx
	n := 0
	lastEnd := -1
	for _, k := range idx {
		if e := &c.ents[k]; e.Start >= lastEnd && e.Start < e.End {
			lastEnd = e.End
			n++
		}
	}
	out := make([]doc.Entity, 0, n)
	lastEnd = -1
	for _, k := range idx {
		e := c.ents[k]
		if e.Start < lastEnd || e.Start >= e.End {
			continue
		}
		lastEnd = e.End
		newIdx[k] = len(out)
		e.Text = c.text[e.Start:e.End]
		out = append(out, e.Entity)
	}
	for _, k := range idx {
		if ni := newIdx[k]; ni >= 0 && c.ents[k].ante >= 0 {
			out[ni].Ref = newIdx[c.ents[k].ante]
		}
	}
	c.d.Entities = out
}
