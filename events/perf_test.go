package events

import (
	"dyad/wordset"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"dyad/text"
)

func TestTokenizeLowerForms(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"the talks ended", "the|talks|ended"},
		{"The U.S. Army said", "the|u.s.|army|said"},
		{"NATO's 20,000 troops", "nato|'s|20,000|troops"},
		{"Zürich talks didn't start", "zürich|talks|did|n't|start"},
		{"ÉLYSÉE and Kyiv-based “groups”", "élysée|and|kyiv-based|\"|groups|\""},
		{"well-known e.g. x", "well-known|e|.|g|.|x"},
		{"abc\xffdef", "abc|def"},
	} {
		var got []string
		for _, tk := range tokenize(nil, tc.text, 0) {
			got = append(got, tk.low)
			if tk.start < 0 || tk.end > len(tc.text) || tk.start >= tk.end {
				t.Errorf("%q: bad span %d-%d", tc.text, tk.start, tk.end)
			}
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("tokenize(%q) = %s, want %s", tc.text, g, tc.want)
		}
	}
}

var tokenizeSamples = []string{"the talks ended", "The U.S. Army said", "NATO's 20,000 troops", "Zürich didn't",
	"ÉLYSÉE and Kyiv-based “groups”", "well-known e.g. x", "abc\xffdef", "Iran ' s forces", "O’Neil’s AB-12 3.5 U.S.A.",
	"a,b 1,2 x1,y ΑΘΗΝΑ İstanbul ǅemal", "rock'n'roll—and-'quotes'.", "MiXeD cAsE wORDS U.S. 7.5%"}

func TestTokenizeRawAsBefore(t *testing.T) {
	for _, s := range tokenizeSamples {
		got, want := tokenizeRaw(nil, s, 3), tokenizeRawRef(nil, s, 3)
		if len(got) != len(want) {
			t.Fatalf("%q: %d tokens, want %d", s, len(got), len(want))
		}
		for k := range got {
			if got[k] != want[k] {
				t.Errorf("%q: token %d = %+v, want %+v", s, k, got[k], want[k])
			}
		}
	}
}

func FuzzTokenizeRawAsBefore(f *testing.F) {
	for _, s := range tokenizeSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := tokenizeRaw(nil, s, 0), tokenizeRawRef(nil, s, 0)
		if len(got) != len(want) {
			t.Fatalf("%q: %d tokens, want %d", s, len(got), len(want))
		}
		for k := range got {
			if got[k] != want[k] {
				t.Fatalf("%q: token %d = %+v, want %+v", s, k, got[k], want[k])
			}
		}
	})
}

func TestWordFilterAndSet(t *testing.T) {
	words := strings.Fields("of in at on 's n't & , towards")
	ws := set(strings.Join(words, " "))
	var f wordset.Filter
	for _, w := range words {
		f.Add(w)
	}
	for _, w := range words {
		if !ws.Has(w) || !wordset.MayHold(&f, w) || !wordset.MayHold(&f, []byte(w)) {
			t.Errorf("%q: lost", w)
		}
	}
	for _, w := range []string{"", "o", "ofs", "In", "toward", "'", "at,"} {
		if ws.Has(w) {
			t.Errorf("has(%q) = true", w)
		}
	}
	if wordset.MayHold(&f, "zebra") || wordset.MayHold(&f, "ox") {
		t.Errorf("the filter rejects nothing")
	}
}

func TestFirstIndexNumbersFirstWords(t *testing.T) {
	lex, err := LoadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, wi := range lex.words {
		for _, c := range []struct {
			ps []*Pattern
			fi firstIndex
		}{{wi.verbs, wi.vfirst}, {wi.nouns, wi.nfirst}} {
			for k, p := range c.ps {
				f := c.fi.of[k]
				if len(p.Words) == 0 || p.Words[0] == "" || p.Words[0] == objectSlot {
					if f >= 0 {
						t.Errorf("%s: a slot or no word numbered", p.ID)
					}
					continue
				}
				if f < 0 || c.fi.words[f] != p.Words[0] {
					t.Fatalf("%s: first word %q not indexed", p.ID, p.Words[0])
				}
				if id := c.fi.ids[f]; id > 0 && lex.words[p.Words[0]].id != id {
					t.Fatalf("%s: wrong id", p.ID)
				}
				n++
			}
		}
	}
	if n == 0 {
		t.Fatal("no pattern has a first word")
	}
}

// tokenizeRawRef is tokenizeRaw as first written (a lower-case buffer for every word), to check
// the faster one against.
func tokenizeRawRef(dst []tok, s string, base int) []tok {
	i := 0
	var buf []byte
	for i < len(s) {
		c := s[i]
		var r rune
		w := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		f := r
		if c >= utf8.RuneSelf {
			f = text.FoldRune(r)
		}
		if f == ' ' || f == '\n' || f == '\t' || f == '\r' || unicode.IsSpace(f) || r == utf8.RuneError && w <= 1 {
			i += w
			continue
		}
		if !isWordRune(f) {
			t := tok{start: base + i, end: base + i + w, punct: true, ment: -1}
			t.low = string(f)
			if f < utf8.RuneSelf {
				t.low = punctStr[f]
			}
			t.stem = t.low
			dst = append(dst, t)
			i += w
			continue
		}
		j := i
		plain := true // ASCII lower case: the text itself is the lower-case form
		buf = buf[:0]
		for j < len(s) {
			c := s[j]
			var r rune
			w := 1
			if c < utf8.RuneSelf {
				r = rune(c)
			} else {
				r, w = utf8.DecodeRuneInString(s[j:])
			}
			f := r
			if c >= utf8.RuneSelf {
				f = text.FoldRune(r)
			}
			if isWordRune(f) {
				if c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
					plain = false
				}
				buf = utf8.AppendRune(buf, unicode.ToLower(f))
				j += w
				continue
			}
			if f == ',' && j > i && s[j-1] >= '0' && s[j-1] <= '9' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
				buf = append(buf, ',') // 20,000
				j++
				continue
			}
			if (f == '\'' || f == '-' || f == '.') && j+w < len(s) {
				r2, _ := utf8.DecodeRuneInString(s[j+w:])
				if isWordRune(text.FoldRune(r2)) && !(f == '.' && !unicode.IsUpper(r2) && !unicode.IsDigit(r2)) {
					if c >= utf8.RuneSelf {
						plain = false
					}
					buf = utf8.AppendRune(buf, f)
					j += w
					continue
				}
			}
			// U.S. keeps its final dot when a letter-dot pair precedes
			if f == '.' && j-i >= 2 && s[j-2] == '.' {
				buf = append(buf, '.')
				j += w
			}
			break
		}
		var word string
		if plain {
			word = s[i:j]
		} else {
			word = string(buf)
		}
		first, _ := utf8.DecodeRuneInString(s[i:])
		end := j
		// split the clitics 's and n't
		if k := strings.LastIndexByte(word, '\''); k > 0 {
			suf := word[k:]
			if suf == "'s" {
				cut := i + byteIndexOfRuneCount(s[i:end], runeCount(word[:k]))
				dst = append(dst, mk(base, i, cut, word[:k], unicode.IsUpper(first)))
				dst = append(dst, mk(base, cut, end, "'s", false))
				i = j
				continue
			}
			if suf == "'t" && k > 1 && word[k-1] == 'n' {
				cut := i + byteIndexOfRuneCount(s[i:end], runeCount(word[:k-1]))
				dst = append(dst, mk(base, i, cut, word[:k-1], unicode.IsUpper(first)))
				dst = append(dst, mk(base, cut, end, "n't", false))
				i = j
				continue
			}
		}
		dst = append(dst, mk(base, i, end, word, unicode.IsUpper(first)))
		i = j
	}
	return dst
}
