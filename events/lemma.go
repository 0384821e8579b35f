package events

import (
	"bufio"
	"fmt"
	"strings"
)

// Lemmatizer maps English verb forms to their lemmas and lemmas to all their forms. Irregular forms
// come from a table (data/verb-irregular.txt, generated from WordNet's verb.exc); regular forms
// follow the spelling rules of English inflection (-s, -es, -ies; -d, -ed, -ied, doubled consonants;
// -ing, -ying, dropped e).
type Lemmatizer struct {
	irregular map[string][]string // form -> lemmas
	forms     map[string][]string // lemma -> irregular forms
}

// NewLemmatizer reads an irregular-verb table: lines `form|lemma`, `#` comments. name is used in
// error messages (name:line).
func NewLemmatizer(name, table string) (*Lemmatizer, error) {
	l := &Lemmatizer{irregular: map[string][]string{}, forms: map[string][]string{}}
	sc := bufio.NewScanner(strings.NewReader(table))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		form, lemma, ok := strings.Cut(line, "|")
		form, lemma = strings.TrimSpace(form), strings.TrimSpace(lemma)
		if !ok || form == "" || lemma == "" {
			return nil, fmt.Errorf("%s:%d: want `form|lemma`, got %q", name, n, line)
		}
		l.irregular[form] = append(l.irregular[form], lemma)
		l.forms[lemma] = append(l.forms[lemma], form)
	}
	return l, nil
}

// Lemmas returns the candidate lemmas of a lower-case verb form, most likely first: the irregular
// table's answers, then those of the regular rules. The form itself is always the last candidate.
func (l *Lemmatizer) Lemmas(w string) []string {
	var out []string
	add := func(s string) {
		if len(s) < 2 {
			return
		}
		for _, x := range out {
			if x == s {
				return
			}
		}
		out = append(out, s)
	}
	for _, s := range l.irregular[w] {
		add(s)
	}
	n := len(w)
	switch {
	case strings.HasSuffix(w, "ies") && n > 4:
		add(w[:n-3] + "y")
	case strings.HasSuffix(w, "es") && n > 3:
		add(w[:n-2])
		add(w[:n-1])
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && n > 2:
		add(w[:n-1])
	case strings.HasSuffix(w, "ied") && n > 4:
		add(w[:n-3] + "y")
	case strings.HasSuffix(w, "ed") && n > 3:
		st := w[:n-2]
		if len(st) > 2 && st[len(st)-1] == st[len(st)-2] && !isVowel(st[len(st)-1]) {
			add(st[:len(st)-1])
		}
		add(st)
		add(w[:n-1])
	case strings.HasSuffix(w, "ying") && n > 5:
		add(w[:n-4] + "ie")
		add(w[:n-3])
	case strings.HasSuffix(w, "ing") && n > 4:
		st := w[:n-3]
		if len(st) > 2 && st[len(st)-1] == st[len(st)-2] && !isVowel(st[len(st)-1]) {
			add(st[:len(st)-1])
		}
		add(st)
		add(st + "e")
	}
	add(w)
	return out
}

// Lemma returns the most likely lemma of a lower-case verb form.
func (l *Lemmatizer) Lemma(w string) string { return l.Lemmas(w)[0] }

// Forms returns every form of a verb lemma: the lemma, third person singular, past, past
// participle and present participle (regular and irregular), without duplicates.
func (l *Lemmatizer) Forms(lemma string) []string {
	out := []string{lemma}
	add := func(s string) {
		for _, x := range out {
			if x == s {
				return
			}
		}
		out = append(out, s)
	}
	n := len(lemma)
	if n == 0 {
		return nil
	}
	last := lemma[n-1]
	// third person singular
	switch {
	case strings.HasSuffix(lemma, "s") || strings.HasSuffix(lemma, "x") || strings.HasSuffix(lemma, "z") ||
		strings.HasSuffix(lemma, "ch") || strings.HasSuffix(lemma, "sh") || strings.HasSuffix(lemma, "o"):
		add(lemma + "es")
	case last == 'y' && n > 1 && !isVowel(lemma[n-2]):
		add(lemma[:n-1] + "ies")
	default:
		add(lemma + "s")
	}
	irr := l.forms[lemma]
	for _, f := range irr {
		add(f)
	}
	// past and participles
	switch {
	case last == 'e':
		add(lemma + "d")
	case last == 'y' && n > 1 && !isVowel(lemma[n-2]):
		add(lemma[:n-1] + "ied")
	default:
		add(lemma + "ed")
	}
	switch {
	case strings.HasSuffix(lemma, "ie"):
		add(lemma[:n-2] + "ying")
	case last == 'e' && !strings.HasSuffix(lemma, "ee") && !strings.HasSuffix(lemma, "ye") && !strings.HasSuffix(lemma, "oe") && n > 2:
		add(lemma[:n-1] + "ing")
	default:
		add(lemma + "ing")
	}
	// a final consonant after one vowel may double (ban, banned; stop, stopping); the irregular table
	// lists most such verbs, the rule covers the rest.
	if n >= 3 && !isVowel(last) && last != 'w' && last != 'x' && last != 'y' && isVowel(lemma[n-2]) && !isVowel(lemma[n-3]) {
		d := lemma + string(last)
		add(d + "ed")
		add(d + "ing")
	}
	return out
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}
