// Package ontology holds the event vocabularies dyad codes into: every CAMEO event code
// with its name, Goldstein score, QuadClass and PentaClass; the 16 PLOVER event types
// with their modes; and the CAMEO -> PLOVER conversion.
//
// # Sources
//
// The data are embedded text files in data/ (one record a line, '|'-separated fields,
// '#' starts a comment, blank lines are ignored):
//
//   - data/cameo.txt: code | name | Goldstein. The 311 codes of the CAMEO codebook v1.1b3
//     (Schrodt 2012): 20 roots and every 3- and 4-digit code. Goldstein scores from the
//     standard CAMEO Goldstein mapping (GDELT's CAMEO.goldsteinscale.txt).
//   - data/plover.txt: TYPE | | QuadClass | description for a type, TYPE | mode | description
//     for a mode. The PLOVER 2021 specification (Open Event Data Alliance); modes used only
//     by its CAMEO conversion table are added and marked so.
//   - data/cameo-plover.txt: CAMEO code | PLOVER type | mode | context. The PLOVER 2021
//     CAMEO conversion table, with the 2021 DEMAND written REQUEST (its later name) and the
//     house's additions: CAMEO 02 (appeals, requests for information or clarification)
//     maps to REQUEST and CAMEO 01 (statements) to no PLOVER type. A code without a line of
//     its own inherits its nearest parent's line (0214 -> 021 -> 02). Every departure from
//     the table is commented on its line (163 is SANCTION, as in the specification's text,
//     where the table says COERCE).
//
// # Classes
//
// QuadClass follows GDELT: 1 verbal cooperation (roots 01-05), 2 material cooperation
// (06-09), 3 verbal conflict (10-14), 4 material conflict (15-20). PentaClass follows
// ConfliBERT and the shared scorer: 0 statements and appeals (01-02), 1 verbal
// cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict (09-13),
// 4 material conflict (14-20).
//
// # Use
//
// The package-level functions (Cameo, Lookup, Codes, Plover, PloverTypes) read the
// embedded tables, parsed once on first use (Default); they are read-only afterwards and
// safe for concurrent use. Every Code records in Ref the data lines it came from, for
// explanations. New builds a separate Table extended by a user's own files (same names,
// same format; a line for an existing code or mode replaces it), and Lint checks files,
// reporting every problem as file:line.
package ontology

import (
	"cmp"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/*.txt
var dataFS embed.FS

// File names of the three tables, in data/ and in user directories passed to New.
const (
	CameoFile   = "cameo.txt"
	PloverFile  = "plover.txt"
	MappingFile = "cameo-plover.txt"
)

// Code is one CAMEO event code with everything derived from it.
type Code struct {
	Code      string  // two to four digits: "02", "020", "0214"
	Name      string  // the codebook's name, e.g. "Make an appeal or request, not specified below"
	Goldstein float64 // Goldstein score, -10 (most conflictual) to +10 (most cooperative)
	Quad      int     // QuadClass 1-4 (see the package comment)
	Penta     int     // PentaClass 0-4 (see the package comment)
	Plover    string  // PLOVER event type, e.g. "REQUEST"; empty for CAMEO 01 statements
	Mode      string  // PLOVER mode, e.g. "firearms"; often empty
	Context   string  // PLOVER context(s) from the conversion table, ';'-separated, e.g. "military"; often empty
	Ref       string  // the lines that made it: "data/cameo.txt:27 data/cameo-plover.txt:19" (the mapping line may be a parent's)
}

// Mode is one PLOVER mode: a subtype of an event type.
type Mode struct {
	Name        string // e.g. "firearms"
	Description string
}

// PloverType is one of the 16 PLOVER event types with its modes.
type PloverType struct {
	Name        string // upper case, e.g. "ASSAULT"
	Description string
	Quad        int    // the QuadClass PLOVER gives the type (1-4)
	Modes       []Mode // in the order of the specification
}

// Mode reports whether m is one of the type's modes and returns it.
func (t PloverType) Mode(m string) (Mode, bool) {
	for _, x := range t.Modes {
		if x.Name == m {
			return x, true
		}
	}
	return Mode{}, false
}

// ploverNames lists the 16 PLOVER event types in the specification's order; PloverTypes returns them with their modes.
var ploverNames = [...]string{
	"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}

// Table is a parsed ontology. It is read-only once built and safe for concurrent use.
type Table struct {
	codes  map[string]Code
	sorted []Code
	plover map[string]PloverType
	types  []PloverType
}

var (
	defOnce  sync.Once
	defTable *Table
)

// Default returns the table built from the embedded data, parsing it on the first call.
// It panics if the embedded data are invalid, which the package's tests rule out.
func Default() *Table {
	defOnce.Do(func() {
		t, err := New()
		if err != nil {
			panic("ontology: embedded data: " + err.Error())
		}
		defTable = t
	})
	return defTable
}

// Cameo returns the CAMEO code exactly as written ("02", "020", "0214") from the default table.
func Cameo(code string) (Code, bool) { return Default().Cameo(code) }

// Lookup returns code from the default table, or its nearest known parent with Code set to
// the code asked for (see Table.Lookup).
func Lookup(code string) Code { return Default().Lookup(code) }

// Plover returns the PLOVER event type named typ (upper case) from the default table.
func Plover(typ string) (PloverType, bool) { return Default().Plover(typ) }

// PloverTypes returns the 16 PLOVER types of the default table in the specification's order.
func PloverTypes() []PloverType { return Default().PloverTypes() }

// Codes returns every CAMEO code of the default table, sorted by code.
func Codes() []Code { return Default().Codes() }

// Root returns the CAMEO root (the first two digits) of code: "112" -> "11". It returns ""
// when code does not start with a root 01..20.
func Root(code string) string {
	if len(code) < 2 || !isDigits(code[:2]) {
		return ""
	}
	n, _ := strconv.Atoi(code[:2])
	if n < 1 || n > 20 {
		return ""
	}
	return code[:2]
}

// QuadClass returns the QuadClass (1-4) of a CAMEO code's root, or 0 without a valid root.
func QuadClass(code string) int {
	switch n := rootNum(code); {
	case n == 0:
		return 0
	case n <= 5:
		return 1
	case n <= 9:
		return 2
	case n <= 14:
		return 3
	default:
		return 4
	}
}

// PentaClass returns the PentaClass (0-4) of a CAMEO code's root, or -1 without a valid root.
func PentaClass(code string) int {
	switch n := rootNum(code); {
	case n == 0:
		return -1
	case n <= 2:
		return 0
	case n <= 5:
		return 1
	case n <= 8:
		return 2
	case n <= 13:
		return 3
	default:
		return 4
	}
}

func rootNum(code string) int {
	r := Root(code)
	if r == "" {
		return 0
	}
	n, _ := strconv.Atoi(r)
	return n
}

// Cameo returns the code exactly as written: "02", "020", "0214" (no trimming of zeros).
func (t *Table) Cameo(code string) (Code, bool) {
	c, ok := t.codes[code]
	return c, ok
}

// Lookup returns code if it is known; otherwise the nearest known parent (0214 -> 021 -> 02)
// with Code set to the code asked for. Without any known parent it returns a Code with only
// Code, Quad and Penta set (Quad 0 and Penta -1 when even the root is invalid).
func (t *Table) Lookup(code string) Code {
	for p := code; len(p) >= 2; p = p[:len(p)-1] {
		if c, ok := t.codes[p]; ok {
			c.Code = code
			return c
		}
	}
	return Code{Code: code, Quad: QuadClass(code), Penta: PentaClass(code)}
}

// Plover returns the PLOVER event type named typ (upper case); its Modes are a copy.
func (t *Table) Plover(typ string) (PloverType, bool) {
	p, ok := t.plover[typ]
	p.Modes = slices.Clone(p.Modes)
	return p, ok
}

// PloverTypes returns the PLOVER types in the specification's order; the result is a copy.
func (t *Table) PloverTypes() []PloverType {
	out := slices.Clone(t.types)
	for i := range out {
		out[i].Modes = slices.Clone(out[i].Modes)
	}
	return out
}

// Codes returns every CAMEO code sorted by code; the slice is a copy.
func (t *Table) Codes() []Code { return slices.Clone(t.sorted) }

// Error is one problem in a data file.
type Error struct {
	File string
	Line int
	Msg  string
}

// Error formats the problem as "file:line: message".
func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// ErrorList collects the problems found in data files; it implements error.
type ErrorList []*Error

// Error returns the problems one a line, in file and line order.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// New builds a table from the embedded data extended by the user's directories: each dir
// may hold any of cameo.txt, plover.txt and cameo-plover.txt, whose lines add to or replace
// (same code, same type and mode) the embedded ones. Every problem is reported, as an
// ErrorList naming file:line.
func New(dirs ...fs.FS) (*Table, error) {
	sub, err := fs.Sub(dataFS, "data")
	if err != nil {
		return nil, err
	}
	return build(append([]fs.FS{sub}, dirs...), []string{"data/", ""})
}

// Lint checks the embedded data and the given directories together and returns every problem
// found (nil when all is well).
func Lint(dirs ...fs.FS) ErrorList {
	_, err := New(dirs...)
	if err == nil {
		return nil
	}
	var l ErrorList
	if errors.As(err, &l) {
		return l
	}
	return ErrorList{{File: "?", Msg: err.Error()}}
}

type raw struct {
	ref     string
	plover  string
	mode    string
	context string
}

func build(dirs []fs.FS, prefixes []string) (*Table, error) {
	var errs ErrorList
	t := &Table{codes: map[string]Code{}, plover: map[string]PloverType{}}
	maps := map[string]raw{}
	for i, d := range dirs {
		pre := ""
		if i < len(prefixes) {
			pre = prefixes[i]
		}
		if b, err := fs.ReadFile(d, CameoFile); err == nil {
			parseCameo(pre+CameoFile, string(b), t, &errs)
		} else if i == 0 || !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, &Error{File: pre + CameoFile, Msg: err.Error()})
		}
		if b, err := fs.ReadFile(d, PloverFile); err == nil {
			parsePlover(pre+PloverFile, string(b), t, &errs)
		} else if i == 0 || !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, &Error{File: pre + PloverFile, Msg: err.Error()})
		}
		if b, err := fs.ReadFile(d, MappingFile); err == nil {
			parseMapping(pre+MappingFile, string(b), maps, &errs)
		} else if i == 0 || !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, &Error{File: pre + MappingFile, Msg: err.Error()})
		}
	}
	// PLOVER types: all 16, in order.
	for _, n := range ploverNames {
		p, ok := t.plover[n]
		if !ok {
			errs = append(errs, &Error{File: "plover.txt", Msg: "PLOVER type " + n + " is missing"})
			continue
		}
		t.types = append(t.types, p)
	}
	// Mappings must name known codes, types and modes.
	for code, m := range maps {
		file, line := splitRef(m.ref)
		if _, ok := t.codes[code]; !ok {
			errs = append(errs, &Error{File: file, Line: line, Msg: "CAMEO code " + code + " is not in cameo.txt"})
		}
		if m.plover == "" {
			if m.mode != "" {
				errs = append(errs, &Error{File: file, Line: line, Msg: "mode " + m.mode + " without a PLOVER type"})
			}
			if Root(code) != "01" {
				errs = append(errs, &Error{File: file, Line: line, Msg: "only CAMEO 01 may map to no PLOVER type"})
			}
			continue
		}
		p, ok := t.plover[m.plover]
		if !ok {
			errs = append(errs, &Error{File: file, Line: line, Msg: "unknown PLOVER type " + m.plover})
			continue
		}
		if m.mode != "" {
			if _, ok := p.Mode(m.mode); !ok {
				errs = append(errs, &Error{File: file, Line: line, Msg: "PLOVER type " + m.plover + " has no mode " + m.mode})
			}
		}
	}
	// Resolve each code's mapping from itself or its nearest parent.
	for code, c := range t.codes {
		found := false
		for p := code; len(p) >= 2; p = p[:len(p)-1] {
			if m, ok := maps[p]; ok {
				// A child inherits its parent's type and mode: 1951 is a kind of 195.
				c.Plover, c.Mode, c.Context = m.plover, m.mode, m.context
				c.Ref += " " + m.ref
				found = true
				break
			}
		}
		if !found {
			file, line := splitRef(c.Ref)
			errs = append(errs, &Error{File: file, Line: line, Msg: "CAMEO code " + code + " has no PLOVER mapping, nor has any parent"})
		}
		t.codes[code] = c
	}
	// Parents must exist.
	for code, c := range t.codes {
		if len(code) > 2 {
			if _, ok := t.codes[code[:len(code)-1]]; !ok {
				file, line := splitRef(c.Ref)
				errs = append(errs, &Error{File: file, Line: line, Msg: "CAMEO code " + code + " has no parent " + code[:len(code)-1]})
			}
		}
		t.sorted = append(t.sorted, c)
	}
	slices.SortFunc(t.sorted, func(a, b Code) int { return cmp.Compare(a.Code, b.Code) })
	if len(errs) > 0 {
		slices.SortStableFunc(errs, func(a, b *Error) int {
			return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
		})
		return nil, errs
	}
	return t, nil
}

func splitRef(ref string) (string, int) {
	ref, _, _ = strings.Cut(ref, " ")
	i := strings.LastIndexByte(ref, ':')
	if i < 0 {
		return ref, 0
	}
	n, _ := strconv.Atoi(ref[i+1:])
	return ref[:i], n
}

// lines calls f with the 1-based line number and the '|'-separated, trimmed fields of each
// line that is not blank or a comment. A '#' starts a comment anywhere on a line.
func lines(text string, f func(n int, fields []string)) {
	for n := 1; text != ""; n++ {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		fields := strings.Split(line, "|")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		f(n, fields)
	}
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func parseCameo(file, text string, t *Table, errs *ErrorList) {
	seen := map[string]bool{}
	lines(text, func(n int, f []string) {
		bad := func(msg string) { *errs = append(*errs, &Error{File: file, Line: n, Msg: msg}) }
		if len(f) != 3 {
			bad(fmt.Sprintf("want 3 fields (code | name | Goldstein), have %d", len(f)))
			return
		}
		code, name := f[0], f[1]
		if len(code) < 2 || len(code) > 4 || !isDigits(code) {
			bad("CAMEO code " + strconv.Quote(code) + " is not 2 to 4 digits")
			return
		}
		if Root(code) == "" {
			bad("CAMEO code " + code + " has no root 01..20")
			return
		}
		if seen[code] {
			bad("CAMEO code " + code + " appears twice")
			return
		}
		seen[code] = true
		if name == "" {
			bad("CAMEO code " + code + " has no name")
		}
		g, err := strconv.ParseFloat(f[2], 64)
		if err != nil || g < -10 || g > 10 {
			bad("Goldstein score " + strconv.Quote(f[2]) + " is not a number in [-10, 10]")
			return
		}
		t.codes[code] = Code{Code: code, Name: name, Goldstein: g, Quad: QuadClass(code), Penta: PentaClass(code),
			Ref: file + ":" + strconv.Itoa(n)}
	})
}

func parsePlover(file, text string, t *Table, errs *ErrorList) {
	known := map[string]bool{}
	for _, n := range ploverNames {
		known[n] = true
	}
	lines(text, func(n int, f []string) {
		bad := func(msg string) { *errs = append(*errs, &Error{File: file, Line: n, Msg: msg}) }
		if len(f) != 3 && len(f) != 4 {
			bad(fmt.Sprintf("want 3 fields (TYPE | mode | description) or 4 (TYPE | | quad | description), have %d", len(f)))
			return
		}
		typ, mode := f[0], f[1]
		if !known[typ] {
			bad("unknown PLOVER type " + strconv.Quote(typ))
			return
		}
		p := t.plover[typ]
		p.Name = typ
		if mode == "" {
			if len(f) != 4 {
				bad("a type line wants 4 fields: TYPE | | quad | description")
				return
			}
			q, err := strconv.Atoi(f[2])
			if err != nil || q < 1 || q > 4 {
				bad("QuadClass " + strconv.Quote(f[2]) + " is not 1 to 4")
				return
			}
			p.Quad, p.Description = q, f[3]
		} else {
			if len(f) != 3 {
				bad("a mode line wants 3 fields: TYPE | mode | description")
				return
			}
			if strings.ToLower(mode) != mode || strings.ContainsAny(mode, " \t") {
				bad("mode " + strconv.Quote(mode) + " is not a lower-case word")
				return
			}
			m := Mode{Name: mode, Description: f[2]}
			i := slices.IndexFunc(p.Modes, func(x Mode) bool { return x.Name == mode })
			p.Modes = slices.Clone(p.Modes)
			if i >= 0 {
				p.Modes[i] = m
			} else {
				p.Modes = append(p.Modes, m)
			}
		}
		if p.Description == "" && mode == "" {
			bad("PLOVER type " + typ + " has no description")
		}
		t.plover[typ] = p
	})
}

func parseMapping(file, text string, maps map[string]raw, errs *ErrorList) {
	seen := map[string]bool{}
	lines(text, func(n int, f []string) {
		bad := func(msg string) { *errs = append(*errs, &Error{File: file, Line: n, Msg: msg}) }
		if len(f) != 3 && len(f) != 4 {
			bad(fmt.Sprintf("want 4 fields (CAMEO code | PLOVER type | mode | context), have %d", len(f)))
			return
		}
		if seen[f[0]] {
			bad("CAMEO code " + f[0] + " is mapped twice")
			return
		}
		seen[f[0]] = true
		r := raw{ref: file + ":" + strconv.Itoa(n), plover: f[1], mode: f[2]}
		if len(f) == 4 {
			r.context = f[3]
		}
		maps[f[0]] = r
	})
}
