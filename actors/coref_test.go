package actors

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dyad/doc"
)

// TestResolveMention resolves pronouns, titles, surnames and nominals against the entities of a Doc.
func TestResolveMention(t *testing.T) {
	st := testStage(t)
	text := "Russian Foreign Minister Sergey Lavrov met Annalena Baerbock in Berlin. " +
		"He said the talks were useful. She disagreed. " +
		"The minister later left, and the Kremlin's spokesman, Dmitry Peskov, said Lavrov would return. " +
		"Russia said the government would respond. The spokesman declined to comment. Germany and Russia then cut contacts; they regret it. " +
		"NATO met in Brussels, and the alliance agreed."
	d := mkdoc(text, "2022-03-01")
	if err := st.Apply(d); err != nil {
		t.Fatal(err)
	}
	at := func(s string, nth int) doc.Span {
		off := -1
		for k := 0; k <= nth; k++ {
			i := strings.Index(text[off+1:], s)
			if i < 0 {
				t.Fatalf("%q not in text", s)
			}
			off += 1 + i
		}
		return doc.Span{Start: off, End: off + len(s)}
	}
	cases := []struct {
		mention string
		nth     int
		want    string // actor name, or "" for none
		code    string
	}{
		{"He", 0, "Sergey Lavrov", "RUSGOV"},
		{"She", 0, "Annalena Baerbock", "DEUGOV"},
		{"The minister", 0, "Annalena Baerbock", "DEUGOV"},
		{"Lavrov", 1, "Sergey Lavrov", "RUSGOV"},
		{"Kremlin", 0, "the Kremlin", "RUSGOV"},
		{"the government", 0, "Russia", "RUSGOV"},
		{"The spokesman", 0, "Dmitry Peskov", "RUSGOV"},
		{"they", 0, "Russia", "RUS"},
		{"talks", 0, "", ""},
		{"the alliance", 0, "NATO", "IGOWSTNAT"},
		// a span holding several entities resolves to its head: the person, not the demonym
		{"Russian Foreign Minister Sergey Lavrov", 0, "Sergey Lavrov", "RUSGOV"},
		{"the Kremlin's spokesman, Dmitry Peskov", 0, "Dmitry Peskov", "RUSGOV"},
	}
	for _, tc := range cases {
		sp := at(tc.mention, tc.nth)
		a, ok := ResolveMention(d, sp)
		if tc.want == "" {
			if ok {
				t.Errorf("%q resolved to %+v; want nothing", tc.mention, a)
			}
			continue
		}
		if !ok {
			t.Errorf("%q did not resolve; want %s (entities: %s)", tc.mention, tc.want, entString(d))
			continue
		}
		if a.Name != tc.want || a.Code != tc.code {
			t.Errorf("%q resolved to %s %s; want %s %s", tc.mention, a.Name, a.Code, tc.want, tc.code)
		}
		if a.Start != sp.Start || a.End != sp.End {
			t.Errorf("%q: actor mention [%d,%d), want [%d,%d)", tc.mention, a.Start, a.End, sp.Start, sp.End)
		}
	}
	if _, ok := ResolveMention(nil, doc.Span{}); ok {
		t.Error("a nil Doc resolved")
	}
	if _, ok := ResolveMention(d, doc.Span{Start: 5, End: len(text) + 1}); ok {
		t.Error("a span out of range resolved")
	}
}

// TestUserTitlesResolve: coreference takes its titles from the sector words of the dictionaries, so
// a title that a user adds (here "hetman", a military title) resolves like a built-in one to the
// person, and its plural, a group, to the country's military.
func TestUserTitlesResolve(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "sectors-mine.txt")
	if err := os.WriteFile(f, []byte("MIL | title | hetman | hetman; hetmans\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := New(Options{Dicts: []string{f}})
	if err != nil {
		t.Fatal(err)
	}
	text := "Ukrainian General Valerii Zaluzhnyi met reporters. The hetman said little. The hetmans left."
	for _, c := range []struct {
		s          *Stage
		title      string
		name, code string
	}{
		{st, "The hetman", "Valerii Zaluzhnyi", "UKRMIL"},
		{st, "The hetmans", "Ukraine", "UKRMIL"},
		{testStage(t), "The hetman", "", ""}, // the built-in dictionaries do not know the title
	} {
		d := mkdoc(text, "2023-01-10")
		if err := c.s.Apply(d); err != nil {
			t.Fatal(err)
		}
		i := strings.Index(text, c.title+" ")
		a, ok := c.s.ResolveMention(d, doc.Span{Start: i, End: i + len(c.title)})
		switch {
		case c.name == "" && ok:
			t.Errorf("%q resolved to %s; want nothing", c.title, a.Name)
		case c.name != "" && (!ok || a.Name != c.name || a.Code != c.code):
			t.Errorf("%q resolved to %+v, %v; want %s %s", c.title, a, ok, c.name, c.code)
		}
	}
}
