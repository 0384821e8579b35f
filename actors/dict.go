package actors

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed data
var dataFS embed.FS

// entryKind says what a dictionary pattern names.
type entryKind uint8

const (
	kPerson  entryKind = iota // a person's full name or alias
	kOrg                      // an organisation, a seat of power
	kCountry                  // a country's name or alias
	kCapital                  // a capital (metonym for the government)
	kPlace                    // a city, province or geographic place
	kRegion                   // a region or bloc
	kDemonym                  // a country's or region's adjective or people form
	kSector                   // a sector word or title
)

// sector word kinds (sectors.txt).
const (
	skTitle = "title"
	skGroup = "group"
	skBody  = "body"
)

// entry is one pattern of the dictionary with what it codes.
type entry struct {
	kind    entryKind
	text    string // the pattern as written in the file
	key     string // the folded, lower-case pattern
	name    string // canonical name (Actor.Name)
	code    string // full actor code (countries, regions, orgs); sector code for sector words
	country string // ISO3 when the code starts with a country
	sector  string // first sector code
	typ     string // entity type
	skind   string // sector word kind: title, group, body
	role    string // sector word role
	person  int    // index into dicts.people for kPerson
	src     string // file:line
	proper  bool   // has upper-case letters: must be capitalised in the text
	the     bool   // starts with "the ": required, but not part of the span
	generic bool   // an org whose country may come from a demonym before it
}

// role is one dated office of a person.
type role struct {
	country, sector, code, title string
	from, to                     int // yyyymmdd, inclusive; to == 0 means open
	src                          string
}

// person is one person of the people dictionary.
type person struct {
	name    string
	gender  byte // 'm', 'f' or '-'
	roles   []role
	aliases []string
	src     string
	core    bool // from people-core.txt (a fallback for the people/ directory)
}

// dicts is the compiled set of dictionaries.
type dicts struct {
	entries   []entry
	people    []person
	firstName map[string]byte // given name -> gender
	surname   map[string][]int
	countries map[string]string // ISO3 -> name
	regions   map[string]string // region code -> name
	// sectorWords maps the lower-case sector words of sectors.txt to what coreference needs of
	// them: their sector, and whether they are the title of one person ("the minister"). The
	// first line that lists a word wins.
	sectorWords map[string]sectorWord
}

// pluralIn reports whether w is the plural of another word of the same line ("ambassadors" beside
// "ambassador", "spokesmen" beside "spokesman"): a plural title names several people.
func pluralIn(w string, line []string) bool {
	for _, x := range line {
		x = strings.ToLower(x)
		if x != w && (w == x+"s" || w == x+"es" || strings.HasSuffix(x, "man") && w == x[:len(x)-3]+"men" ||
			strings.HasSuffix(x, "person") && w == x[:len(x)-6]+"people") {
			return true
		}
	}
	return false
}

// sectorWord is what coreference knows of a sector word (see ResolveMention).
type sectorWord struct {
	sector string
	person bool // the title of one person ("the minister"), not a group or a body
}

// Problem is one problem found in a dictionary file, located by file and line.
type Problem struct {
	File string
	Line int
	Msg  string
}

// Error formats the problem as "file:line: message".
func (p Problem) Error() string { return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg) }

// Problems is a list of dictionary problems, sorted by file and line.
type Problems []Problem

// Error lists the problems one per line (at most ten, then a count).
func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i == 10 && len(ps) > 11 {
			fmt.Fprintf(&b, "... and %d more", len(ps)-10)
			break
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

func (ps Problems) sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].File != ps[j].File {
			return ps[i].File < ps[j].File
		}
		return ps[i].Line < ps[j].Line
	})
}

// sectorCodes are the CAMEO sector codes a dictionary may use.
var sectorCodes = map[string]bool{
	"GOV": true, "MIL": true, "COP": true, "JUD": true, "LEG": true, "OPP": true, "REB": true,
	"PTY": true, "BUS": true, "MED": true, "CVL": true, "REL": true, "EDU": true, "HLH": true,
	"SPY": true, "LAB": true, "AGR": true, "HRI": true, "REF": true, "CRM": true, "ENV": true,
	"ELI": true, "INS": true, "SEP": true, "UAF": true, "MOD": true, "RAD": true, "DEV": true,
	"IGO": true, "NGO": true, "SPR": true,
}

// typeCodes are the CAMEO international and non-state types.
var typeCodes = map[string]bool{"IGO": true, "NGO": true, "IMG": true, "MNC": true, "NGM": true, "UIS": true}

// file is one dictionary file to load.
type file struct {
	name string // as reported in problems (data/countries.txt or a user path)
	base string // base name, which says the format
	text string
	user bool
}

// label names the file in rules and problems: a built-in file by its path below data/ ("orgs.txt",
// "people/europe.txt"), a user file by its path.
func (f file) label() string {
	if f.user {
		return f.name
	}
	return strings.TrimPrefix(f.name, "data/")
}

// builtinFiles lists the embedded dictionary files.
func builtinFiles() ([]file, error) {
	var fs_ []file
	err := fs.WalkDir(dataFS, "data", func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if de.IsDir() || !strings.HasSuffix(p, ".txt") {
			return nil
		}
		b, err := dataFS.ReadFile(p)
		if err != nil {
			return err
		}
		fs_ = append(fs_, file{name: p, base: baseKind(p), text: string(b)})
		return nil
	})
	return fs_, err
}

// baseKind names the format of a dictionary file from its path.
func baseKind(p string) string {
	b := filepath.Base(p)
	dir := filepath.Base(filepath.Dir(p))
	switch {
	case dir == "people" || strings.HasPrefix(b, "people"):
		return "people"
	case strings.HasPrefix(b, "countr"):
		return "countries"
	case strings.HasPrefix(b, "region"):
		return "regions"
	case strings.HasPrefix(b, "org"):
		return "orgs"
	case strings.HasPrefix(b, "sector"):
		return "sectors"
	case strings.HasPrefix(b, "firstname"):
		return "firstnames"
	case strings.HasPrefix(b, "place"):
		return "places"
	}
	return ""
}

// userFiles reads the user's dictionary files and directories (every *.txt below a directory).
func userFiles(paths []string) ([]file, error) {
	var out []file
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		var list []string
		if st.IsDir() {
			err := filepath.WalkDir(p, func(q string, de fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if !de.IsDir() && strings.HasSuffix(q, ".txt") {
					list = append(list, q)
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
		} else {
			list = []string{p}
		}
		for _, q := range list {
			b, err := os.ReadFile(q)
			if err != nil {
				return nil, err
			}
			k := baseKind(q)
			if k == "" {
				return nil, fmt.Errorf("%s: cannot tell the dictionary kind from the file name (want countries*, regions*, places*, orgs*, sectors*, people*, firstnames* or a people/ directory)", q)
			}
			out = append(out, file{name: q, base: k, text: string(b), user: true})
		}
	}
	return out, nil
}

// splitFields splits a line on '|' and trims the fields.
func splitFields(line string) []string {
	f := strings.Split(line, "|")
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	return f
}

// splitList splits a ';'-separated list, dropping empty items.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, x := range strings.Split(s, ";") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// lines calls fn for every non-comment, non-blank line with its 1-based number.
func lines(text string, fn func(n int, line string)) {
	n := 0
	for len(text) > 0 {
		n++
		i := strings.IndexByte(text, '\n')
		var l string
		if i < 0 {
			l, text = text, ""
		} else {
			l, text = text[:i], text[i+1:]
		}
		l = strings.TrimRight(l, "\r")
		if t := strings.TrimSpace(l); t == "" || t[0] == '#' {
			continue
		}
		fn(n, l)
	}
}

// foldKey returns the matching key of a pattern: folded punctuation, lower case.
func foldKey(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(foldLower(r))
	}
	return b.String()
}

// hasUpper reports whether s has an upper-case letter.
func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// parseDate parses YYYY, YYYY-MM or YYYY-MM-DD as yyyymmdd; end fills a missing month or day with
// the last one.
func parseDate(s string, end bool) (int, bool) {
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(parts[0])
	if err != nil || y < 1000 {
		return 0, false
	}
	m, d := 1, 1
	if end {
		m, d = 12, 31
	}
	if len(parts) > 1 {
		if len(parts[1]) != 2 {
			return 0, false
		}
		if m, err = strconv.Atoi(parts[1]); err != nil || m < 1 || m > 12 {
			return 0, false
		}
		if end {
			d = daysIn(y, m)
		}
	}
	if len(parts) > 2 {
		if len(parts[2]) != 2 {
			return 0, false
		}
		if d, err = strconv.Atoi(parts[2]); err != nil || d < 1 || d > daysIn(y, m) {
			return 0, false
		}
	}
	return y*10000 + m*100 + d, true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// validCode checks that a code is made of 3-character upper-case segments and starts with a known
// country, region or type.
func (d *dicts) validCode(code string) string {
	if code == "" || len(code)%3 != 0 {
		return fmt.Sprintf("code %q is not made of 3-letter segments", code)
	}
	for _, r := range code {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return fmt.Sprintf("code %q has a character other than A-Z and 0-9", code)
		}
	}
	h := code[:3]
	if _, ok := d.countries[h]; ok {
		return ""
	}
	if _, ok := d.regions[h]; ok {
		return ""
	}
	if typeCodes[h] {
		return ""
	}
	return fmt.Sprintf("code %q does not start with a known country, region or type", code)
}

// splitCode returns the country and first sector of a code.
func (d *dicts) splitCode(code string) (country, sector string) {
	if len(code) >= 3 {
		if _, ok := d.countries[code[:3]]; ok {
			country = code[:3]
		}
	}
	if len(code) >= 6 && sectorCodes[code[3:6]] {
		sector = code[3:6]
	}
	return
}

// load parses all files into d. Problems in built-in files and in user files are collected; a user
// line with a problem is skipped, and the rest still loads.
func load(files []file) (*dicts, Problems) {
	d := &dicts{
		firstName:   map[string]byte{},
		surname:     map[string][]int{},
		countries:   map[string]string{},
		regions:     map[string]string{},
		sectorWords: map[string]sectorWord{},
	}
	var probs Problems
	bad := func(f file, n int, format string, a ...any) {
		probs = append(probs, Problem{f.label(), n, fmt.Sprintf(format, a...)})
	}
	// Codes first, so that every other file can be checked against them.
	order := map[string]int{"countries": 0, "regions": 1, "places": 2, "sectors": 3, "orgs": 4, "people": 5, "firstnames": 6}
	sort.SliceStable(files, func(i, j int) bool { return order[files[i].base] < order[files[j].base] })
	for _, f := range files {
		if f.base == "countries" {
			lines(f.text, func(n int, l string) {
				fl := splitFields(l)
				if len(fl) < 2 || len(fl[0]) != 3 || strings.ToUpper(fl[0]) != fl[0] {
					bad(f, n, "want ISO3 | name | aliases | demonyms | capitals")
					return
				}
				d.countries[fl[0]] = fl[1]
			})
		}
		if f.base == "regions" {
			lines(f.text, func(n int, l string) {
				fl := splitFields(l)
				if len(fl) < 2 || len(fl[0]) != 3 {
					bad(f, n, "want CODE | name | aliases | demonyms | type")
					return
				}
				if _, ok := d.regions[fl[0]]; !ok {
					d.regions[fl[0]] = fl[1]
				}
			})
		}
	}
	people := map[string]int{} // name -> index
	fromDir := map[string]bool{}
	for _, f := range files {
		if f.base == "people" && !strings.HasSuffix(f.name, "people-core.txt") {
			lines(f.text, func(_ int, l string) { fromDir[splitFields(l)[0]] = true })
		}
	}
	for _, f := range files {
		src := func(n int) string { return f.label() + ":" + strconv.Itoa(n) }
		add := func(e entry) {
			e.key = foldKey(e.text)
			e.proper = hasUpper(e.text)
			if strings.HasPrefix(e.key, "the ") && len(e.key) > 4 {
				e.the = true
			}
			d.entries = append(d.entries, e)
		}
		switch f.base {
		case "countries":
			lines(f.text, func(n int, l string) {
				fl := splitFields(l)
				if len(fl) < 2 {
					return
				}
				for len(fl) < 5 {
					fl = append(fl, "")
				}
				if len(fl) > 5 {
					bad(f, n, "too many fields (want 5)")
				}
				code, name := fl[0], fl[1]
				for _, a := range append([]string{name}, splitList(fl[2])...) {
					add(entry{kind: kCountry, text: a, name: name, code: code, country: code, typ: "GPE", src: src(n)})
				}
				for _, a := range splitList(fl[3]) {
					add(entry{kind: kDemonym, text: a, name: name, code: code, country: code, typ: "NORP", src: src(n)})
				}
				for _, a := range splitList(fl[4]) {
					add(entry{kind: kCapital, text: a, name: a, code: code + "GOV", country: code, sector: "GOV", typ: "GPE", src: src(n)})
				}
			})
		case "regions":
			lines(f.text, func(n int, l string) {
				fl := splitFields(l)
				if len(fl) < 2 {
					return
				}
				for len(fl) < 5 {
					fl = append(fl, "")
				}
				typ := fl[4]
				if typ == "" {
					typ = "LOC"
				}
				if typ != "LOC" && typ != "NORP" {
					bad(f, n, "type %q is neither LOC nor NORP", typ)
					typ = "LOC"
				}
				for _, a := range append([]string{fl[1]}, splitList(fl[2])...) {
					add(entry{kind: kRegion, text: a, name: fl[1], code: fl[0], typ: typ, src: src(n)})
				}
				for _, a := range splitList(fl[3]) {
					add(entry{kind: kDemonym, text: a, name: fl[1], code: fl[0], typ: "NORP", src: src(n)})
				}
			})
		case "orgs":
			lines(f.text, func(n int, l string) {
				fl := splitFields(l)
				if len(fl) < 2 || fl[1] == "" {
					bad(f, n, "want CODE | name | aliases | type")
					return
				}
				for len(fl) < 4 {
					fl = append(fl, "")
				}
				if msg := d.validCode(fl[0]); msg != "" {
					bad(f, n, "%s", msg)
					if f.user {
						return
					}
				}
				typ, generic := fl[3], false
				if strings.HasSuffix(typ, "*") {
					typ, generic = strings.TrimSuffix(typ, "*"), true
				}
				if typ == "" {
					typ = "ORG"
				}
				switch typ {
				case "ORG", "FAC", "GPE", "LOC", "NORP":
				default:
					bad(f, n, "type %q is not ORG, FAC, GPE, LOC or NORP", typ)
					typ = "ORG"
				}
				c, s := d.splitCode(fl[0])
				for _, a := range append([]string{fl[1]}, splitList(fl[2])...) {
					add(entry{kind: kOrg, text: a, name: fl[1], code: fl[0], country: c, sector: s, typ: typ, generic: generic, src: src(n)})
				}
			})
		case "places":
			lines(f.text, func(n int, l string) {
				fl := splitFields(l)
				if len(fl) != 3 {
					bad(f, n, "want ISO3 | type | names")
					return
				}
				cty := fl[0]
				if cty == "-" {
					cty = ""
				} else if _, ok := d.countries[cty]; !ok {
					bad(f, n, "unknown country code %q", cty)
					return
				}
				if fl[1] != "GPE" && fl[1] != "LOC" {
					bad(f, n, "type %q is neither GPE nor LOC", fl[1])
					return
				}
				for _, a := range splitList(fl[2]) {
					add(entry{kind: kPlace, text: a, name: a, code: cty, country: cty, typ: fl[1], src: src(n)})
				}
			})
		case "sectors":
			lines(f.text, func(n int, l string) {
				fl := splitFields(l)
				if len(fl) != 4 {
					bad(f, n, "want SECTOR | kind | role | words")
					return
				}
				sec := fl[0]
				if sec == "-" {
					sec = ""
				} else if !sectorCodes[sec] {
					bad(f, n, "unknown sector code %q", sec)
					return
				}
				if fl[1] != skTitle && fl[1] != skGroup && fl[1] != skBody {
					bad(f, n, "kind %q is not title, group or body", fl[1])
					return
				}
				ws := splitList(fl[3])
				for _, w := range ws {
					add(entry{kind: kSector, text: w, code: sec, sector: sec, skind: fl[1], role: fl[2], src: src(n)})
					k := strings.ToLower(w)
					if _, ok := d.sectorWords[k]; !ok && sec != "" {
						d.sectorWords[k] = sectorWord{sector: sec, person: fl[1] == skTitle && !pluralIn(k, ws)}
					}
				}
			})
		case "people":
			core := strings.HasSuffix(f.name, "people-core.txt")
			lines(f.text, func(n int, l string) {
				fl := splitFields(l)
				if len(fl) < 6 || len(fl) > 7 {
					bad(f, n, "want Name | gender | country | sector | role | from..to | aliases")
					return
				}
				for len(fl) < 7 {
					fl = append(fl, "")
				}
				name := fl[0]
				if core && fromDir[name] {
					return
				}
				if name == "" || !hasUpper(name) {
					bad(f, n, "a person needs a capitalised name")
					return
				}
				g := byte('-')
				switch fl[1] {
				case "m", "f", "-", "":
					if fl[1] != "" {
						g = fl[1][0]
					}
				default:
					bad(f, n, "gender %q is not m, f or -", fl[1])
				}
				r := role{title: fl[4], src: src(n)}
				cty, sec := fl[2], fl[3]
				switch {
				case typeCodes[cty]:
					r.code = cty + sec
				case len(cty) == 3:
					if _, ok := d.countries[cty]; !ok {
						bad(f, n, "unknown country code %q", cty)
						return
					}
					r.country, r.sector, r.code = cty, sec, cty+sec
				case len(cty) > 3:
					if msg := d.validCode(cty); msg != "" {
						bad(f, n, "%s", msg)
						return
					}
					r.code = cty + sec
					r.country, _ = d.splitCode(cty)
				default:
					bad(f, n, "unknown country code %q", cty)
					return
				}
				if sec != "" && !typeCodes[cty] && !sectorCodes[sec] {
					bad(f, n, "unknown sector code %q", sec)
				}
				if r.sector == "" {
					_, r.sector = d.splitCode(r.code)
				}
				fr, to, ok := strings.Cut(fl[5], "..")
				if !ok && fl[5] != "" {
					bad(f, n, "dates %q are not from..to", fl[5])
					return
				}
				if fr != "" {
					if r.from, ok = parseDate(fr, false); !ok {
						bad(f, n, "bad date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", fr)
						return
					}
				}
				if to != "" {
					if r.to, ok = parseDate(to, true); !ok {
						bad(f, n, "bad date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", to)
						return
					}
					if r.to < r.from {
						bad(f, n, "role ends (%s) before it starts (%s)", to, fr)
					}
				}
				pi, seen := people[name]
				if !seen {
					pi = len(d.people)
					people[name] = pi
					d.people = append(d.people, person{name: name, gender: g, src: src(n), core: core})
				}
				p := &d.people[pi]
				if p.gender == '-' {
					p.gender = g
				}
				for _, q := range p.roles {
					if q.title == r.title && q.code == r.code && overlaps(q, r) {
						bad(f, n, "%s: role %q overlaps the one at %s", name, r.title, q.src)
					}
				}
				p.roles = append(p.roles, r)
				for _, a := range splitList(fl[6]) {
					if !contains(p.aliases, a) {
						p.aliases = append(p.aliases, a)
					}
				}
			})
		case "firstnames":
			lines(f.text, func(n int, l string) {
				fl := splitFields(l)
				if len(fl) != 2 || len(fl[0]) != 1 || !strings.Contains("mf-", fl[0]) {
					bad(f, n, "want gender | names")
					return
				}
				for _, nm := range splitList(fl[1]) {
					k := foldKey(nm)
					if g, ok := d.firstName[k]; ok && g != fl[0][0] {
						d.firstName[k] = '-'
					} else {
						d.firstName[k] = fl[0][0]
					}
				}
			})
		}
	}
	// People's names, aliases and surnames.
	for pi, p := range d.people {
		sort.SliceStable(p.roles, func(i, j int) bool { return p.roles[i].from < p.roles[j].from })
		for _, a := range append([]string{p.name}, p.aliases...) {
			if strings.IndexByte(a, ' ') < 0 && utf8.RuneCountInString(a) < 3 {
				continue
			}
			add := entry{kind: kPerson, text: a, key: foldKey(a), name: p.name, typ: "PERSON", person: pi, src: p.src, proper: true}
			d.entries = append(d.entries, add)
			if sn := surnameOf(a); sn != "" {
				k := foldKey(sn)
				if !containsInt(d.surname[k], pi) {
					d.surname[k] = append(d.surname[k], pi)
				}
			}
		}
	}
	// Duplicate keys: the same pattern coding two different things in one kind of file.
	type seenKey struct {
		key  string
		kind entryKind
	}
	first := map[seenKey]int{}
	for i, e := range d.entries {
		if e.kind == kSector || e.kind == kPerson {
			continue
		}
		k := seenKey{e.key, e.kind}
		if j, ok := first[k]; ok {
			o := d.entries[j]
			if o.code != e.code && o.src != e.src {
				probs = append(probs, problemAt(e.src, fmt.Sprintf("%q codes %s here and %s at %s", e.text, e.code, o.code, o.src)))
			}
			continue
		}
		first[k] = i
	}
	probs.sort()
	return d, probs
}

func problemAt(src, msg string) Problem {
	i := strings.LastIndexByte(src, ':')
	if i < 0 {
		return Problem{File: src, Msg: msg}
	}
	n, _ := strconv.Atoi(src[i+1:])
	return Problem{File: src[:i], Line: n, Msg: msg}
}

func overlaps(a, b role) bool {
	aTo, bTo := a.to, b.to
	if aTo == 0 {
		aTo = 99999999
	}
	if bTo == 0 {
		bTo = 99999999
	}
	return a.from < bTo && b.from < aTo
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func containsInt(l []int, v int) bool {
	for _, x := range l {
		if x == v {
			return true
		}
	}
	return false
}

// surnameOf returns the family name of a full name: its last word, or "" when the name has one word
// or the last word is too short to stand alone (Kim Jong Un).
func surnameOf(name string) string {
	// the last three words, without splitting the whole name (as strings.Fields would)
	var f [3]string
	n := 0
	end := len(name)
	for end > 0 && n < 3 {
		for end > 0 {
			r, w := utf8.DecodeLastRuneInString(name[:end])
			if !unicode.IsSpace(r) {
				break
			}
			end -= w
		}
		if end == 0 {
			break
		}
		start := end
		for start > 0 {
			r, w := utf8.DecodeLastRuneInString(name[:start])
			if unicode.IsSpace(r) {
				break
			}
			start -= w
		}
		f[n] = name[start:end]
		n++
		end = start
	}
	if n < 2 {
		return ""
	}
	last := f[0]
	if last == "Jr." || last == "Sr." || last == "II" || last == "III" {
		if n < 3 {
			return ""
		}
		last = f[1]
	}
	if utf8.RuneCountInString(last) < 3 || !hasUpper(last[:1]) {
		return ""
	}
	return last
}

// foldKeyIs reports whether foldKey(s) == key, without building foldKey(s).
func foldKeyIs(s, key string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		if len(s) != len(key) {
			return false
		}
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != key[i] {
				return false
			}
		}
		return true
	}
	j := 0
	var buf [utf8.UTFMax]byte
	for _, r := range s {
		n := utf8.EncodeRune(buf[:], foldLower(r))
		if j+n > len(key) || string(buf[:n]) != key[j:j+n] {
			return false
		}
		j += n
	}
	return j == len(key)
}

// Lint checks the built-in dictionaries and the given user files and directories, and returns the
// problems found (duplicate keys, overlapping dated roles of one person, unknown codes, malformed
// lines), each naming file and line. An empty result means the dictionaries are clean.
func Lint(userPaths ...string) (Problems, error) {
	fs_, err := builtinFiles()
	if err != nil {
		return nil, err
	}
	uf, err := userFiles(userPaths)
	if err != nil {
		return nil, err
	}
	_, probs := load(append(fs_, uf...))
	return probs, nil
}
