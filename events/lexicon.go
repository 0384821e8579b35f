package events

import (
	"bufio"
	"dyad/wordset"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"dyad/ontology"
)

//go:embed data/*.txt
var dataFS embed.FS

// irregularFile is the name of the irregular-verb table in data/; it is not a pattern file.
const irregularFile = "verb-irregular.txt"

// Kind says how a pattern's first word is matched and what the pattern codes.
type Kind uint8

// Pattern kinds, one per lexicon section.
const (
	Verb    Kind = iota // [verb]: the head is a verb lemma, matched in every inflection
	Noun                // [noun]: the head is a nominal trigger
	Speech              // [speech]: a verb of saying; a statement only when nothing more specific is reported
	Support             // [support]: a support verb for nominal triggers; no code
)

var kindNames = map[string]Kind{"verb": Verb, "noun": Noun, "speech": Speech, "support": Support}

// Pattern is one expanded lexicon entry.
type Pattern struct {
	// ID is file:line of the entry.
	ID string
	// Code is the CAMEO code ("046"), empty for support verbs.
	Code string
	// Kind is the section the entry is in.
	Kind Kind
	// Words are the words of the pattern after the head, normalised (lower case, singular); "" marks
	// the TARGET slot and "*" the OBJECT slot.
	Words []string
	// Head is the head word: a verb lemma or a singular noun.
	Head string
}

// HasTarget reports whether the pattern has a TARGET slot.
func (p *Pattern) HasTarget() bool {
	for _, w := range p.Words {
		if w == "" {
			return true
		}
	}
	return false
}

// Lexicon is the compiled pattern lexicon: patterns indexed by the forms of their head words.
type Lexicon struct {
	lem     *Lemmatizer
	verbs   map[string][]*Pattern // verb form -> patterns, longest first
	nouns   map[string][]*Pattern // noun stem -> patterns, longest first
	speech  map[string]*Pattern   // verb form -> speech pattern
	support map[string]bool       // verb form -> support verb
	n       int
	lines   int
	classes map[string]uint16 // closed-class words -> cl* bits
	words   map[string]*wordInfo
	nIDs    int32          // the highest wordInfo.id
	filter  wordset.Filter // the keys of words
	entries map[string]wordEntry
}

// wordEntry is what matching reads of a word's wordInfo for every token, kept in the map itself so
// that most tokens need not follow the pointer.
type wordEntry struct {
	wi         *wordInfo
	id         int32
	cls        uint16
	verb, noun bool // len(wi.verbs) > 0, len(wi.nouns) > 0
}

// wordInfo is everything the lexicon knows about one word form, found with one map lookup.
type wordInfo struct {
	verbs   []*Pattern // verb patterns whose head has this form
	nouns   []*Pattern // noun patterns whose head has this stem
	speech  *Pattern
	support bool
	cls     uint16
	vfirst  firstIndex // the first words after the head of verbs
	nfirst  firstIndex // the first words after the head of nouns
	id      int32      // for a first word after a head (not punctuation), its number (1...); else 0
}

// firstIndex numbers the distinct first words (after the head) of a pattern list, so that matching
// finds each of them once per head token.
type firstIndex struct {
	of    []int16  // per pattern: index into words, or -1 when the pattern starts with a slot or is the head alone
	words []string // the distinct first words
	ids   []int32  // their wordInfo.id
}

func newFirstIndex(ps []*Pattern) firstIndex {
	var fi firstIndex
	fi.of = make([]int16, len(ps))
	for k, p := range ps {
		fi.of[k] = -1
		if len(p.Words) == 0 || p.Words[0] == "" || p.Words[0] == objectSlot {
			continue
		}
		n := -1
		for j, w := range fi.words {
			if w == p.Words[0] {
				n = j
				break
			}
		}
		if n < 0 {
			n = len(fi.words)
			fi.words = append(fi.words, p.Words[0])
		}
		fi.of[k] = int16(n)
	}
	return fi
}

func (x *Lexicon) buildWords() {
	x.words = map[string]*wordInfo{}
	get := func(w string) *wordInfo {
		wi := x.words[w]
		if wi == nil {
			wi = &wordInfo{}
			x.words[w] = wi
		}
		return wi
	}
	for w, ps := range x.verbs {
		get(w).verbs = ps
	}
	for w, ps := range x.nouns {
		get(w).nouns = ps
	}
	for w, p := range x.speech {
		get(w).speech = p
	}
	for w := range x.support {
		get(w).support = true
	}
	for w, c := range x.classes {
		get(w).cls = c
	}
	for _, wi := range x.words {
		wi.vfirst = newFirstIndex(wi.verbs)
		wi.nfirst = newFirstIndex(wi.nouns)
	}
	// number the first words, so that matching knows which of them a sentence holds (an entry
	// that exists only for its number is the same as no entry to everything else)
	var firsts []string
	for _, wi := range x.words {
		firsts = append(firsts, wi.vfirst.words...)
		firsts = append(firsts, wi.nfirst.words...)
	}
	sort.Strings(firsts)
	for _, f := range firsts {
		if r, n := utf8.DecodeRuneInString(f); n == len(f) && !isWordRune(r) {
			continue // it could be a punctuation token, which has no entry
		}
		if wi := get(f); wi.id == 0 {
			x.nIDs++
			wi.id = x.nIDs
		}
	}
	x.entries = make(map[string]wordEntry, len(x.words))
	for w, wi := range x.words {
		x.filter.Add(w)
		x.entries[w] = wordEntry{wi: wi, id: wi.id, cls: wi.cls, verb: len(wi.verbs) > 0, noun: len(wi.nouns) > 0}
	}
	for _, wi := range x.words {
		for _, fi := range []*firstIndex{&wi.vfirst, &wi.nfirst} {
			fi.ids = make([]int32, len(fi.words))
			for k, f := range fi.words {
				if e := x.words[f]; e != nil {
					fi.ids[k] = e.id
				}
			}
		}
	}
}

// Closed word classes, looked up once per token.
const (
	clOpt uint16 = 1 << iota
	clAuxBe
	clNum
	clPrep
	clDet
	clNounPrev
)

func (x *Lexicon) buildClasses() {
	x.classes = map[string]uint16{}
	for w := range optional {
		x.classes[w] |= clOpt
	}
	for _, c := range []struct {
		set *wordset.Set
		bit uint16
	}{{aux, clAuxBe}, {beForms, clAuxBe}, {preps, clPrep}, {dets, clDet}, {nounPrev, clNounPrev}} {
		for w := range c.set.All() {
			x.classes[w] |= c.bit
		}
	}
	for _, w := range []string{"$", "€", "£", "million", "billion", "thousand", "hundreds", "thousands", "millions", "billions",
		"us$", "nearly", "about", "some", "around", "over", "more", "than", "least", "at"} {
		x.classes[w] |= clNum
	}
}

// Len returns the number of expanded patterns (alternatives counted one by one).
func (x *Lexicon) Len() int { return x.n }

// Lines returns the number of pattern lines read.
func (x *Lexicon) Lines() int { return x.lines }

// Lemmatizer returns the lexicon's verb lemmatiser.
func (x *Lexicon) Lemmatizer() *Lemmatizer { return x.lem }

// optional words in patterns: dropped from patterns, skipped freely in text.
var optional = map[string]bool{"a": true, "an": true, "the": true, "its": true, "their": true, "his": true,
	"her": true, "our": true, "my": true, "your": true}

// LoadLexicon compiles the embedded lexicon plus the extra files and directories given (every *.txt
// in a directory). Errors name file:line.
func LoadLexicon(extra ...string) (*Lexicon, error) {
	irr, err := dataFS.ReadFile("data/" + irregularFile)
	if err != nil {
		return nil, err
	}
	lem, err := NewLemmatizer(irregularFile, string(irr))
	if err != nil {
		return nil, err
	}
	x := &Lexicon{lem: lem, verbs: map[string][]*Pattern{}, nouns: map[string][]*Pattern{},
		speech: map[string]*Pattern{}, support: map[string]bool{}}
	ents, err := fs.ReadDir(dataFS, "data")
	if err != nil {
		return nil, err
	}
	for _, e := range ents {
		name := e.Name()
		if name == irregularFile || name == "README.txt" || !strings.HasSuffix(name, ".txt") {
			continue
		}
		b, err := dataFS.ReadFile("data/" + name)
		if err != nil {
			return nil, err
		}
		if err := x.parse(name, string(b)); err != nil {
			return nil, err
		}
	}
	for _, p := range extra {
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		files := []string{p}
		if st.IsDir() {
			files, _ = filepath.Glob(filepath.Join(p, "*.txt"))
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			if err := x.parse(f, string(b)); err != nil {
				return nil, err
			}
		}
	}
	x.buildClasses()
	for _, m := range []map[string][]*Pattern{x.verbs, x.nouns} {
		for _, ps := range m {
			sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].Words) > len(ps[j].Words) })
		}
	}
	x.buildWords()
	return x, nil
}

// parse adds the patterns in src (named name in errors) to the lexicon.
func (x *Lexicon) parse(name, src string) error {
	sc := bufio.NewScanner(strings.NewReader(src))
	kind := Verb
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if line[0] == '[' {
			k, ok := kindNames[strings.Trim(line, "[] ")]
			if !ok {
				return fmt.Errorf("%s:%d: unknown section %s (want [verb], [noun], [speech] or [support])", name, n, line)
			}
			kind = k
			continue
		}
		code, pat, ok := strings.Cut(line, "|")
		code, pat = strings.TrimSpace(code), strings.TrimSpace(pat)
		if i := strings.IndexByte(pat, '|'); i >= 0 { // a third field is a note
			pat = strings.TrimSpace(pat[:i])
		}
		if !ok || pat == "" {
			return fmt.Errorf("%s:%d: want `code | pattern`, got %q", name, n, line)
		}
		if kind == Support {
			code = ""
		} else if _, ok := ontology.Cameo(code); !ok {
			return fmt.Errorf("%s:%d: unknown CAMEO code %q", name, n, code)
		}
		id := fmt.Sprintf("%s:%d", filepath.Base(name), n)
		x.lines++
		for _, words := range expand(strings.Fields(pat)) {
			if err := x.add(id, code, kind, words); err != nil {
				return fmt.Errorf("%s:%d: %v", name, n, err)
			}
		}
	}
	return sc.Err()
}

// expand turns a pattern with `a/b` alternatives and `a_b` multi-word alternatives into its word lists.
func expand(fields []string) [][]string {
	out := [][]string{nil}
	for _, f := range fields {
		alts := strings.Split(f, "/")
		var next [][]string
		for _, prefix := range out {
			for _, a := range alts {
				if a == "" {
					continue
				}
				w := append(append([]string(nil), prefix...), strings.Split(a, "_")...)
				next = append(next, w)
			}
		}
		out = next
	}
	return out
}

func (x *Lexicon) add(id, code string, kind Kind, words []string) error {
	var ws []string
	for _, w := range words {
		switch {
		case w == "TARGET":
			ws = append(ws, "")
		case w == "OBJECT":
			ws = append(ws, objectSlot)
		case optional[strings.ToLower(w)]:
		default:
			ws = append(ws, stem(strings.ToLower(w)))
		}
	}
	if len(ws) == 0 || ws[0] == "" || ws[0] == objectSlot {
		return fmt.Errorf("a pattern must start with its trigger word")
	}
	for i, w := range ws {
		if w == objectSlot && (i == len(ws)-1 || ws[i+1] == "" || ws[i+1] == objectSlot) {
			return fmt.Errorf("OBJECT must be followed by a word of the pattern")
		}
	}
	head := strings.ToLower(words[0])
	if optional[head] {
		return fmt.Errorf("a pattern must not start with %q", head)
	}
	p := &Pattern{ID: id, Code: code, Kind: kind, Head: head, Words: ws[1:]}
	x.n++
	switch kind {
	case Verb:
		for _, f := range x.lem.Forms(head) {
			x.verbs[f] = append(x.verbs[f], p)
		}
	case Noun:
		p.Head = stem(head)
		x.nouns[p.Head] = append(x.nouns[p.Head], p)
	case Speech:
		for _, f := range x.lem.Forms(head) {
			if _, dup := x.speech[f]; !dup {
				x.speech[f] = p
			}
		}
	case Support:
		x.n--
		for _, f := range x.lem.Forms(head) {
			x.support[f] = true
		}
	}
	return nil
}

// stem normalises a noun for matching: lower case, plural -s/-ies removed. It is applied to pattern
// words and text words alike, so it need only be consistent.
func stem(w string) string {
	if strings.IndexByte(w, '-') > 0 {
		w = strings.ReplaceAll(w, "-", "") // cease-fire, ceasefire; air-strike, airstrike
	}
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i':
		return w[:n-1]
	}
	return w
}

// objectSlot stands for OBJECT in Pattern.Words: a phrase of one to six words that is not the
// target ("return OBJECT to TARGET": "returned the stolen paintings to Italy").
const objectSlot = "*"
