package quotes

import (
	"bufio"
	"bytes"
	"dyad/wordset"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

//go:embed data/*.txt
var dataFS embed.FS

// CueClass says what a cue can attribute.
type CueClass uint8

// Cue classes, as written in the second field of cues.txt.
const (
	ClassSpeech     CueClass = iota + 1 // a verb of saying ("said", "warned")
	ClassTell                           // a verb of saying with a hearer as object ("told")
	ClassWrite                          // a verb of writing or posting ("wrote", "tweeted")
	ClassSource                         // a phrase naming the source ("according to")
	ClassThink                          // a verb of thought or intention: indirect quotes only
	ClassFixed                          // a phrase that is not inflected ("in a statement")
	ClassDirect                         // a verb that attributes direct quotes only ("continued")
	ClassStance                         // a verb of stance whose object is the content ("endorsed Cruz")
	ClassEvidential                     // a verb of appearance or expectation: the sentence is the content ("seems")
	ClassNoun                           // a noun of saying or stance ("claim that", "criticism of")
)

var classNames = map[string]CueClass{
	"speech": ClassSpeech, "tell": ClassTell, "write": ClassWrite, "source": ClassSource,
	"think": ClassThink, "fixed": ClassFixed, "direct": ClassDirect, "stance": ClassStance,
	"evidential": ClassEvidential,
	"noun":       ClassNoun,
}

// String returns the name of the class as written in cues.txt.
func (c CueClass) String() string {
	for k, v := range classNames {
		if v == c {
			return k
		}
	}
	return "unknown"
}

// speechLike reports whether the class may attribute a direct quote.
func (c CueClass) speechLike() bool {
	return c == ClassSpeech || c == ClassTell || c == ClassWrite || c == ClassDirect || c == ClassSource
}

// phrase is one inflected cue: its words (lower case) and where it came from.
type phrase struct {
	words []string
	class CueClass
	lemma string
	src   string   // file:line
	ing   bool     // the -ing form ("saying")
	preps []string // for a noun cue, the prepositions that introduce its object ("criticism of")
	// rules holds the Quote.Rule strings of this cue, made once ("indirect.svo;cue=file:line").
	rules map[string]string
}

// ruleIDs lists the pattern ids that a cue can fire.
var ruleIDs = []string{RuleDirectBefore, RuleDirectAfter, RuleDirectMerged, RuleDirectStandalone, RuleDirectUnclosed,
	RuleIndirect, RuleIndirectFinal, RuleIndirectInverted, RuleIndirectSplit, RuleAccording, RuleColon, RuleEvidential, RuleNoun, RuleSurvey}

// word classes of words.txt
const (
	wPronoun uint16 = 1 << iota
	wSkip
	wStop
	wAbbrev
	wElision
	wNoun   // a cue form that is also a common noun ("states", "report", "plans")
	wTime   // a time word that may follow a cue ("said Monday")
	wSayer  // a noun that can say or show ("poll", "statement"): the subject of a cue
	wSurvey // a noun of a poll or study: "in a new poll" names a source
	wLabel  // a heading word that is no speaker before a colon ("Correction:", "The Latest:")
)

// lexicon holds the compiled cue phrases and word classes.
type lexicon struct {
	// m maps a lower-case word to its classes and the cue phrases that start with it.
	m map[string]*entry
	// filter holds the keys of m, to skip most look-ups of words it does not have
	filter wordset.Filter
}

// entry is what the lexicon knows about one word.
type entry struct {
	flags   uint16
	phrases []*phrase // longest first
}

func newLexicon() *lexicon {
	return &lexicon{m: map[string]*entry{}}
}

func (lx *lexicon) get(w string) *entry {
	e := lx.m[w]
	if e == nil {
		e = &entry{}
		lx.m[w] = e
		lx.filter.Add(w)
	}
	return e
}

// inflect returns the forms of a verb lemma: the lemma, -s, -ed and -ing forms (regular), plus extra.
// It reports which forms are -ing forms.
func inflect(lemma string, extra []string) (forms []string, ing map[string]bool) {
	ing = map[string]bool{}
	add := func(f string, isIng bool) {
		for _, x := range forms {
			if x == f {
				return
			}
		}
		forms = append(forms, f)
		if isIng {
			ing[f] = true
		}
	}
	add(lemma, false)
	n := len(lemma)
	last := lemma[n-1]
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	switch {
	case last == 'e':
		add(lemma+"s", false)
		add(lemma+"d", false)
		if strings.HasSuffix(lemma, "ee") {
			add(lemma+"ing", true)
		} else {
			add(lemma[:n-1]+"ing", true)
		}
	case last == 'y' && n > 1 && !vowel(lemma[n-2]):
		add(lemma[:n-1]+"ies", false)
		add(lemma[:n-1]+"ied", false)
		add(lemma+"ing", true)
	case strings.HasSuffix(lemma, "s") || strings.HasSuffix(lemma, "sh") || strings.HasSuffix(lemma, "ch") ||
		strings.HasSuffix(lemma, "x") || strings.HasSuffix(lemma, "z"):
		add(lemma+"es", false)
		add(lemma+"ed", false)
		add(lemma+"ing", true)
	default:
		add(lemma+"s", false)
		add(lemma+"ed", false)
		add(lemma+"ing", true)
	}
	for _, x := range extra {
		add(x, strings.HasSuffix(x, "ing"))
	}
	// irregular pasts replace the regular -ed form when given
	if len(extra) > 0 {
		reg := lemma + "ed"
		if last == 'e' {
			reg = lemma + "d"
		} else if last == 'y' && n > 1 && !vowel(lemma[n-2]) {
			reg = lemma[:n-1] + "ied"
		}
		keep := forms[:0]
		for _, f := range forms {
			if f != reg {
				keep = append(keep, f)
			}
		}
		forms = keep
	}
	return forms, ing
}

// loadCues reads one cue file.
func (lx *lexicon) loadCues(name string, data []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	ln := 0
	for sc.Scan() {
		ln++
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) < 2 || len(f) > 3 {
			return fmt.Errorf("%s:%d: want lemma|class|extra forms, got %q", name, ln, line)
		}
		lemma := strings.ToLower(strings.TrimSpace(f[0]))
		class, ok := classNames[strings.TrimSpace(f[1])]
		if lemma == "" || !ok {
			return fmt.Errorf("%s:%d: empty lemma or unknown class %q", name, ln, f[1])
		}
		var extra []string
		if len(f) == 3 && strings.TrimSpace(f[2]) != "" {
			for _, x := range strings.Split(f[2], ",") {
				extra = append(extra, strings.ToLower(strings.TrimSpace(x)))
			}
		}
		src := fmt.Sprintf("%s:%d", name, ln)
		words := strings.Fields(lemma)
		if class == ClassNoun {
			if err := lx.addPhrase(&phrase{words: words, class: class, lemma: lemma, src: src, preps: extra}); err != nil {
				return err
			}
			continue
		}
		if class == ClassFixed || class == ClassSource || class == ClassEvidential && len(words) > 1 {
			if err := lx.addPhrase(&phrase{words: words, class: class, lemma: lemma, src: src}); err != nil {
				return err
			}
			continue
		}
		forms, ing := inflect(words[0], nil)
		if len(extra) > 0 {
			// extra forms may be phrases ("went on"); their first word is the inflected form
			for _, x := range extra {
				xw := strings.Fields(x)
				if len(xw) > 1 {
					if err := lx.addPhrase(&phrase{words: xw, class: class, lemma: lemma, src: src, ing: strings.HasSuffix(xw[0], "ing")}); err != nil {
						return err
					}
					continue
				}
				forms = append(forms, xw[0])
				if strings.HasSuffix(xw[0], "ing") {
					ing[xw[0]] = true
				}
			}
			forms, ing = dedupIrregular(words[0], forms, ing, extra)
		}
		for _, fm := range forms {
			w := append([]string{fm}, words[1:]...)
			if err := lx.addPhrase(&phrase{words: w, class: class, lemma: lemma, src: src, ing: ing[fm]}); err != nil {
				return err
			}
		}
	}
	return sc.Err()
}

// dedupIrregular drops the regular past of a lemma when an irregular past is listed.
func dedupIrregular(lemma string, forms []string, ing map[string]bool, extra []string) ([]string, map[string]bool) {
	hasPast := false
	for _, x := range extra {
		if !strings.HasSuffix(x, "ing") && !strings.Contains(x, " ") {
			hasPast = true
		}
	}
	seen := map[string]bool{}
	out := forms[:0]
	for _, f := range forms {
		if seen[f] {
			continue
		}
		seen[f] = true
		if hasPast && !slices.Contains(extra, f) && (f == lemma+"ed" || f == lemma+"d" || (strings.HasSuffix(lemma, "y") && f == lemma[:len(lemma)-1]+"ied")) {
			continue
		}
		out = append(out, f)
	}
	return out, ing
}

// addPhrase adds a cue phrase. A phrase already present with the same class is skipped; with
// another class it is an error (the first entry would silently win).
func (lx *lexicon) addPhrase(p *phrase) error {
	e := lx.get(p.words[0])
	list := e.phrases
	for _, q := range list {
		if strings.Join(q.words, " ") == strings.Join(p.words, " ") {
			if q.class != p.class {
				return fmt.Errorf("%s: %q is already a %s cue (%s)", p.src, strings.Join(p.words, " "), q.class, q.src)
			}
			return nil
		}
	}
	p.rules = make(map[string]string, len(ruleIDs))
	for _, id := range ruleIDs {
		p.rules[id] = id + ";cue=" + p.src
	}
	list = append(list, p)
	// longest first
	for i := len(list) - 1; i > 0 && len(list[i].words) > len(list[i-1].words); i-- {
		list[i], list[i-1] = list[i-1], list[i]
	}
	e.phrases = list
	return nil
}

// loadWords reads one word-class file.
func (lx *lexicon) loadWords(name string, data []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	ln := 0
	for sc.Scan() {
		ln++
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		cls, w, ok := strings.Cut(line, "|")
		w = strings.ToLower(strings.TrimSpace(w))
		if !ok || w == "" {
			return fmt.Errorf("%s:%d: want class|word, got %q", name, ln, line)
		}
		var b uint16
		switch strings.TrimSpace(cls) {
		case "pronoun":
			b = wPronoun
		case "skip":
			b = wSkip
		case "stop":
			b = wStop
		case "abbrev":
			b = wAbbrev
		case "elision":
			b = wElision
		case "noun":
			b = wNoun
		case "time":
			b = wTime
		case "sayer":
			b = wSayer
		case "survey":
			b = wSurvey | wSayer
		case "label":
			b = wLabel
		default:
			return fmt.Errorf("%s:%d: unknown word class %q", name, ln, cls)
		}
		lx.get(w).flags |= b
	}
	return sc.Err()
}

// loadExtra reads user files: a file or a directory of *.txt files; files named words*.txt are word
// classes, all others are cue files.
func (lx *lexicon) loadExtra(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	files := []string{path}
	if st.IsDir() {
		files, err = filepath.Glob(filepath.Join(path, "*.txt"))
		if err != nil {
			return err
		}
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		if strings.HasPrefix(filepath.Base(f), "words") {
			err = lx.loadWords(f, b)
		} else {
			err = lx.loadCues(f, b)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func loadEmbedded(lx *lexicon) error {
	for _, n := range []string{"cues.txt", "words.txt"} {
		b, err := fs.ReadFile(dataFS, "data/"+n)
		if err != nil {
			return err
		}
		name := "quotes/data/" + n
		if n == "words.txt" {
			err = lx.loadWords(name, b)
		} else {
			err = lx.loadCues(name, b)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// flags returns the word classes of w (any case).
func (lx *lexicon) flags(w string) uint16 {
	var kb keyBuf
	k := kb.key(w)
	if !wordset.MayHold(&lx.filter, k) {
		return 0
	}
	if e := lx.m[string(k)]; e != nil {
		return e.flags
	}
	return 0
}
