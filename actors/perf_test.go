package actors

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// surnameRef is surnameOf as it was written first, with strings.Fields.
func surnameRef(name string) string {
	f := strings.Fields(name)
	if len(f) < 2 {
		return ""
	}
	last := f[len(f)-1]
	if last == "Jr." || last == "Sr." || last == "II" || last == "III" {
		if len(f) < 3 {
			return ""
		}
		last = f[len(f)-2]
	}
	if utf8.RuneCountInString(last) < 3 || !hasUpper(last[:1]) {
		return ""
	}
	return last
}

func TestFastHelpersAgreeWithPlainOnes(t *testing.T) {
	names := []string{"", " ", "Anna", "Anna Berg", "  Anna   Berg  ", "Tom Hale Jr.", "Jr.", "Tom Jr.",
		"Olaf Nystrøm", "Émile Zéro", "Li Xu", "Ana\u00a0Perez Gil", "Bad\xffName Here", "Ivo Kral III", "Ivo\tKral\nIII",
		"jan de vries", "Anna O'Neil", "x Ab", "A Bcd\u2003Efg"}
	for _, n := range names {
		if got, want := surnameOf(n), surnameRef(n); got != want {
			t.Errorf("surnameOf(%q) = %q, want %q", n, got, want)
		}
		var want string
		if f := strings.Fields(n); len(f) > 0 {
			want = f[0]
		}
		if got := firstField(n); got != want {
			t.Errorf("firstField(%q) = %q, want %q", n, got, want)
		}
	}
	words := []string{"", "Berg", "berg", "BERG", "Nystrøm", "NYSTRØM", "O’Neil", "o'neil", "a`b", "ÉMILE", "\xff", "Bergs"}
	for _, a := range words {
		for _, b := range words {
			k := foldKey(b)
			if got, want := foldKeyIs(a, k), foldKey(a) == k; got != want {
				t.Errorf("foldKeyIs(%q, %q) = %v, want %v", a, k, got, want)
			}
		}
		var buf [32]byte
		if k, ok := asciiLower(a, buf[:]); ok && string(k) != foldKey(a) {
			t.Errorf("asciiLower(%q) = %q, want %q", a, k, foldKey(a))
		}
	}
}

func TestWordSetHasItsWordsOnly(t *testing.T) {
	ws := toSet("of the and de van al y")
	for _, w := range []string{"of", "the", "and", "de", "van", "al", "y"} {
		if !ws.Has(w) {
			t.Errorf("has(%q) = false", w)
		}
	}
	for _, w := range []string{"", "o", "ofs", "The", "an", "yy", "va"} {
		if ws.Has(w) {
			t.Errorf("has(%q) = true", w)
		}
	}
}

func TestFirstWordsHasNoFalseNegatives(t *testing.T) {
	names := []string{"Anna Berg", "U.S.", "Berg", "Nystrøm Ltd", "Corp."}
	var pats []string
	for _, n := range names {
		pats = append(pats, patternKey(n))
	}
	var fw firstWords
	fw.build(pats)
	for _, n := range names {
		for _, text := range []string{n, n + " and more", n + ". Then", "So " + n} {
			hay := fold(text).b
			i := bytes.Index(hay, []byte(patternKey(n)))
			if i < 0 {
				t.Fatalf("%q: pattern not in the folded text", text)
			}
			if !fw.may(hay, i) {
				t.Errorf("%q: the start of %q is rejected", text, n)
			}
		}
	}
	misses := 0
	for _, w := range []string{"zebra", "kettle", "annas", "ber", "anna karenina", "nystrøm plc"} {
		if !fw.may(fold(w).b, 0) {
			misses++
		}
	}
	if misses == 0 {
		t.Errorf("the set rejects nothing")
	}
}
