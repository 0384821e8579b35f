package actors

import (
	"cmp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"dyad/doc"
)

// genderTable returns the given names and dictionary people of d with their gender, for genderOf
// (people under "\x00" + their name).
func genderTable(d *dicts) map[string]byte {
	m := make(map[string]byte, len(d.firstName)+len(d.people))
	for k, g := range d.firstName {
		m[k] = g
	}
	for _, p := range d.people {
		m["\x00"+p.name] = p.gender
	}
	return m
}

// genderOf guesses the gender of a PERSON entity: the people dictionary, an honorific before it,
// then its first name.
func genderOf(g map[string]byte, d *doc.Doc, e *doc.Entity) byte {
	if e.Actor != nil {
		if x, ok := g["\x00"+e.Actor.Name]; ok && x != '-' {
			return x
		}
	}
	before := strings.TrimRight(d.Text[max(0, e.Start-6):e.Start], " ")
	switch {
	case strings.HasSuffix(before, "Mr.") || strings.HasSuffix(before, "Mr"):
		return 'm'
	case strings.HasSuffix(before, "Mrs.") || strings.HasSuffix(before, "Ms.") || strings.HasSuffix(before, "Ms"):
		return 'f'
	}
	name := e.Text
	if name == "" {
		name = d.Slice(e.Span)
	}
	if e.Actor != nil && e.Actor.Name != "" {
		name = e.Actor.Name
	}
	if f := firstField(name); f != "" {
		var buf [32]byte
		if k, ok := asciiLower(f, buf[:]); ok {
			if x, ok := g[string(k)]; ok {
				return x
			}
		} else if x, ok := g[foldKey(f)]; ok {
			return x
		}
	}
	return '-'
}

// firstField returns the first word of s, as strings.Fields(s)[0] would ("" when s is blank).
func firstField(s string) string {
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += w
	}
	j := i
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		if unicode.IsSpace(r) {
			break
		}
		j += w
	}
	return s[i:j]
}

// asciiLower writes foldKey(s) into buf when s is ASCII and fits, and reports whether it did.
func asciiLower(s string, buf []byte) ([]byte, bool) {
	if len(s) > len(buf) {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(s)], true
}

var pronouns = map[string]byte{
	"he": 'm', "him": 'm', "his": 'm', "himself": 'm',
	"she": 'f', "her": 'f', "hers": 'f', "herself": 'f',
}

var groupPronouns = toSet("they them their theirs themselves we us our")

// orgNominals are the words that refer back to an organisation.
var orgNominals = toSet("alliance bloc union organization organisation agency group company firm body watchdog militia movement network")

// ResolveMention resolves a mention to an actor using only the entities already in d: the entity at
// the span itself; a pronoun ("he", "she") to the last PERSON before it of a fitting gender; a
// surname ("Lavrov") to the last PERSON with that family name; a title ("the minister", "the
// president", "the spokesman") to the last PERSON whose role or sector fits; a nominal ("the
// government", "the army") to the country last mentioned, with the nominal's sector. It reads d
// only, and reports false when nothing fits. The returned actor is a copy with Start and End set
// to span.
//
// Titles and nominals are the sector words of the built-in dictionaries (sectors.txt); the
// Stage's ResolveMention also knows those of its user dictionaries.
func ResolveMention(d *doc.Doc, span doc.Span) (*doc.Actor, bool) {
	return builtin().ResolveMention(d, span)
}

var (
	builtinOnce  sync.Once
	builtinStage *Stage
)

// builtin returns a stage with the built-in dictionaries only, built once.
func builtin() *Stage {
	builtinOnce.Do(func() {
		s, err := New(Options{})
		if err != nil {
			panic("actors: the built-in dictionaries do not load: " + err.Error()) // TestBuiltinDictionaries keeps this from happening
		}
		builtinStage = s
	})
	return builtinStage
}

// ResolveMention is the package's ResolveMention with the titles and nominals of this stage's
// dictionaries, built-in and user ones.
func (s *Stage) ResolveMention(d *doc.Doc, span doc.Span) (*doc.Actor, bool) {
	sectorWords := s.d.sectorWords
	if d == nil || span.Start < 0 || span.End > len(d.Text) || span.Start >= span.End {
		return nil, false
	}
	out := func(a *doc.Actor) (*doc.Actor, bool) {
		b := *a
		b.Start, b.End = span.Start, span.End
		return &b, true
	}
	// The entity at the span. When the span holds several ("Russian Foreign Minister Sergey
	// Lavrov"), the head wins: a person before anything else, else the rightmost.
	var at *doc.Entity
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Start >= span.End {
			break
		}
		if e.Overlaps(span) && e.Actor != nil && (e.Contains(span) || span.Contains(e.Span)) {
			if at == nil || e.Type == "PERSON" || at.Type != "PERSON" {
				at = e
			}
		}
	}
	if e := at; e != nil {
		if e.Ref >= 0 && e.Ref < len(d.Entities) && d.Entities[e.Ref].Actor != nil {
			return out(d.Entities[e.Ref].Actor)
		}
		if e.Actor.Country == "" && e.Actor.Sector != "" && strings.HasPrefix(e.Rule, "rule:nominal") {
			// "the government": the country last mentioned, with the nominal's sector.
			if c := lastCountry(d, e.Start); c != nil {
				return out(&doc.Actor{Name: c.Name, Country: c.Country, Sector: e.Actor.Sector, Code: c.Country + e.Actor.Sector, Role: e.Actor.Role, Rule: "coref:nominal"})
			}
		}
		return out(e.Actor)
	}
	words := strings.Fields(strings.ToLower(strings.Trim(foldKey(d.Text[span.Start:span.End]), " .,;:\"'")))
	if len(words) == 0 {
		return nil, false
	}
	// drop determiners and possessives: "the", "a", "his"
	for len(words) > 1 && (words[0] == "the" || words[0] == "a" || words[0] == "an" || words[0] == "its" || words[0] == "this" || words[0] == "that") {
		words = words[1:]
	}
	phrase := strings.Join(words, " ")
	if len(words) == 1 {
		if g, ok := pronouns[words[0]]; ok {
			for i := lastBefore(d, span.Start); i >= 0; i-- {
				e := &d.Entities[i]
				if e.Type != "PERSON" || e.Actor == nil {
					continue
				}
				if eg := genderOf(s.genders, d, e); eg == g || eg == '-' {
					return out(e.Actor)
				}
			}
			return nil, false
		}
		if groupPronouns.Has(words[0]) {
			for i := lastBefore(d, span.Start); i >= 0; i-- {
				e := &d.Entities[i]
				if e.Actor != nil && e.Type != "PERSON" && e.Actor.Code != "" {
					return out(e.Actor)
				}
			}
			return nil, false
		}
	}
	// A surname.
	raw := strings.TrimSpace(d.Text[span.Start:span.End])
	if len(words) == 1 && raw != "" && raw[0] >= 'A' && raw[0] <= 'Z' {
		for i := lastBefore(d, span.Start); i >= 0; i-- {
			e := &d.Entities[i]
			if e.Type == "PERSON" && e.Actor != nil && foldKeyIs(surnameOf(e.Actor.Name), words[0]) {
				return out(e.Actor)
			}
		}
	}
	// A title: the last word names the office ("the foreign minister", "the president").
	head := words[len(words)-1]
	if w := sectorWords[head]; w.person {
		// prefer a person whose role contains the phrase, then one whose sector fits
		sec := sectorWords[phrase].sector
		if sec == "" {
			sec = w.sector
		}
		fallback := -1
		for i := lastBefore(d, span.Start); i >= 0; i-- {
			e := &d.Entities[i]
			if e.Type != "PERSON" || e.Actor == nil {
				continue
			}
			role := strings.ToLower(e.Actor.Role)
			if role != "" && (strings.Contains(role, phrase) || strings.Contains(phrase, role)) {
				return out(e.Actor)
			}
			if head == "spokesman" || head == "spokeswoman" || head == "spokesperson" {
				if strings.Contains(role, "spokes") || strings.Contains(role, "press secretary") {
					return out(e.Actor)
				}
				continue
			}
			if fallback < 0 && e.Actor.Sector == sec && sec != "" {
				fallback = i
			}
		}
		if fallback >= 0 {
			return out(d.Entities[fallback].Actor)
		}
		return nil, false
	}
	// An organisation named by its kind ("the alliance", "the bloc", "the company").
	if len(words) <= 2 && orgNominals.Has(head) {
		for i := lastBefore(d, span.Start); i >= 0; i-- {
			e := &d.Entities[i]
			if e.Type == "ORG" && e.Actor != nil && e.Actor.Code != "" {
				igo := strings.HasPrefix(e.Actor.Code, "IGO")
				if (head == "alliance" || head == "bloc" || head == "union") && !igo {
					continue
				}
				return out(e.Actor)
			}
		}
		return nil, false
	}
	// A nominal: the last country mentioned, with the nominal's sector.
	if sec := cmp.Or(sectorWords[phrase].sector, sectorWords[head].sector); sec != "" {
		if c := lastCountry(d, span.Start); c != nil {
			return out(&doc.Actor{Name: c.Name, Country: c.Country, Sector: sec, Code: c.Country + sec, Rule: "coref:nominal"})
		}
	}
	return nil, false
}

// lastBefore returns the index of the last entity that ends at or before off, or -1.
func lastBefore(d *doc.Doc, off int) int {
	i := len(d.Entities) - 1
	for i >= 0 && d.Entities[i].End > off {
		i--
	}
	return i
}

// lastCountry returns the actor of the last country (GPE or NORP with a country) before off.
func lastCountry(d *doc.Doc, off int) *doc.Actor {
	for i := lastBefore(d, off); i >= 0; i-- {
		e := &d.Entities[i]
		if e.Actor != nil && e.Actor.Country != "" && (e.Type == "GPE" || e.Type == "NORP") {
			return e.Actor
		}
	}
	return nil
}
