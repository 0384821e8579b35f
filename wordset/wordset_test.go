package wordset

import (
	"slices"
	"testing"
)

func TestSet(t *testing.T) {
	s := New("the", "a", "of", "international", "")
	for _, w := range []string{"the", "a", "of", "international"} {
		if !s.Has(w) {
			t.Errorf("Has(%q) = false", w)
		}
	}
	for _, w := range []string{"th", "an", "off", "internationally", "The"} {
		if s.Has(w) {
			t.Errorf("Has(%q) = true for a word not in the set", w)
		}
	}
	got := slices.Sorted(s.All())
	if want := []string{"", "a", "international", "of", "the"}; !slices.Equal(got, want) {
		t.Errorf("All() = %q, want %q", got, want)
	}
}

func TestFilterHasNoFalseNegatives(t *testing.T) {
	var f Filter
	words := []string{"said", "told", "according", "x", "a-very-long-word-that-is-longer-than-sixty-three-bytes-in-all-of-it"}
	for _, w := range words {
		f.Add(w)
	}
	for _, w := range words {
		if !MayHold(&f, w) || !MayHold(&f, []byte(w)) {
			t.Errorf("the filter drops %q", w)
		}
	}
	if MayHold(&f, "zebra") || MayHold(&f, "saiz") {
		t.Error("the filter lets through words that share neither first and last byte nor length")
	}
}

func FuzzSet(f *testing.F) {
	f.Add("the of and", "of")
	f.Fuzz(func(t *testing.T, list, w string) {
		words := []string{list, w + "x", "q"}
		s := New(words...)
		var fl Filter
		for _, x := range words {
			fl.Add(x)
		}
		for _, x := range words {
			if !s.Has(x) || (x != "" && !MayHold(&fl, x)) {
				t.Fatalf("%q lost", x)
			}
		}
	})
}
