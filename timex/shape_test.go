package timex

import (
	"testing"
	"time"
)

func TestMayBeWordKeepsEveryLexiconWord(t *testing.T) {
	st, err := NewWithOptions(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for w := range st.lex {
		if w != "" && !st.mayBeWord(w) {
			t.Errorf("mayBeWord(%q) = false", w)
		}
	}
	for _, w := range []string{"zzyzx", "kumquats", "qwerty"} {
		if st.mayBeWord(w) {
			t.Errorf("mayBeWord(%q) = true", w)
		}
	}
}

func TestParsePublishedAsEveryLayout(t *testing.T) {
	for _, s := range []string{"2015-11-11", "2015-11", "2015", "2015-11-11T10:00:00Z", "2015-11-11T10:00:00.5+02:00",
		"2015-11-11T10:00:00+0200", "2015-11-11T10:00:00", "2015-11-11T10:00Z", "2015-11-11T10:00", "2015-11-11 10:00:00Z",
		"2015-11-11 10:00:00", "2015-11-11  10:00", "2015-11-11 10:00", "15-11-11", "2015-1-1", "", "x", "2015-11-11x",
		"2015-11-11t10:00:00z", "20151111"} {
		var want time.Time
		wantOK := false
		for _, l := range publishedLayouts {
			if tm, err := time.Parse(l, s); err == nil {
				want, wantOK = tm, true
				break
			}
		}
		got, ok := parsePublished(s)
		if ok != wantOK || !got.Equal(want) {
			t.Errorf("parsePublished(%q) = %v %v, want %v %v", s, got, ok, want, wantOK)
		}
	}
}

func FuzzParsePublishedAsEveryLayout(f *testing.F) {
	for _, s := range []string{"2015-11-11", "2015-11-11T10:00:00Z", "2015-11-11 10:00", "2015"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want time.Time
		wantOK := false
		for _, l := range publishedLayouts {
			if tm, err := time.Parse(l, s); err == nil {
				want, wantOK = tm, true
				break
			}
		}
		if got, ok := parsePublished(s); ok != wantOK || !got.Equal(want) {
			t.Errorf("parsePublished(%q) = %v %v, want %v %v", s, got, ok, want, wantOK)
		}
	})
}
