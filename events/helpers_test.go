package events

import (
	"os"
	"strings"
	"sync"
	"testing"
	"unicode"

	"dyad/doc"
)

var (
	stageOnce sync.Once
	testStage *Stage
	stageErr  error
)

func newTestStage(t testing.TB) *Stage {
	t.Helper()
	stageOnce.Do(func() { testStage, stageErr = New(Options{}) })
	if stageErr != nil {
		t.Fatal(stageErr)
	}
	return testStage
}

// splitSentences is a crude splitter for tests: a full stop, question or exclamation mark followed
// by a space and an upper-case letter or a quote, and blank lines.
func splitSentences(s string) doc.Spans {
	var out doc.Spans
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		end := -1
		if c == '\n' && i+1 < len(s) && s[i+1] == '\n' {
			end = i
		}
		if (c == '.' || c == '?' || c == '!') && i+2 < len(s) && s[i+1] == ' ' {
			r := rune(s[i+2])
			if unicode.IsUpper(r) || r == '"' || s[i+2] == 0xe2 {
				end = i + 1
			}
		}
		if end >= 0 {
			if strings.TrimSpace(s[start:end]) != "" {
				out = append(out, trimSpan(s, start, end))
			}
			start = end
		}
	}
	if strings.TrimSpace(s[start:]) != "" {
		out = append(out, trimSpan(s, start, len(s)))
	}
	return out
}

func trimSpan(s string, a, b int) doc.Span {
	for a < b && (s[a] == ' ' || s[a] == '\n') {
		a++
	}
	for b > a && (s[b-1] == ' ' || s[b-1] == '\n') {
		b--
	}
	return doc.Span{Start: a, End: b}
}

// ent describes an entity for a made-up test sentence: the words and the actor code.
type ent struct {
	words, code, typ string
}

// mkDoc builds a Doc from text and entities given by their words (every occurrence is marked).
func mkDoc(text string, ents ...ent) *doc.Doc {
	d := doc.New(doc.Article{Text: text, Published: "2024-03-05"})
	d.Sentences = splitSentences(text)
	for _, e := range ents {
		from := 0
		for {
			i := strings.Index(text[from:], e.words)
			if i < 0 {
				break
			}
			i += from
			from = i + len(e.words)
			typ := e.typ
			if typ == "" {
				typ = "GPE"
			}
			country := ""
			if len(e.code) >= 3 && !(len(e.code) == 3 && typ == "NORP") && !strings.HasPrefix(e.code, "IGO") && !strings.HasPrefix(e.code, "NGO") && e.code[:3] != "WST" {
				country = e.code[:3]
			}
			d.Entities = append(d.Entities, doc.Entity{Span: doc.Span{Start: i, End: i + len(e.words)}, Text: e.words, Type: typ, Ref: -1,
				Actor: &doc.Actor{Name: e.words, Code: e.code, Country: country}})
		}
	}
	sortEntities(d)
	return d
}

func sortEntities(d *doc.Doc) {
	es := d.Entities
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && es[j].Start < es[j-1].Start; j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
}

func codes(as []doc.Actor) string {
	var s []string
	for _, a := range as {
		s = append(s, a.Code)
	}
	return strings.Join(s, "+")
}

func readFileOrSkip(t *testing.T, p string) []byte {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Skipf("%s not available: %v", p, err)
	}
	return b
}
