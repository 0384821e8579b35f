package quotes

import (
	"testing"

	"dyad/wordset"
)

func TestLexiconFilterKeepsEveryWord(t *testing.T) {
	st, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for w := range st.lex.m {
		if !wordset.MayHold(&st.lex.filter, w) || !wordset.MayHold(&st.lex.filter, []byte(w)) {
			t.Errorf("filter drops %q", w)
		}
	}
	rejected := 0
	for _, w := range []string{"zzyzx", "qwertyuiop", "xylophones", "kumquat"} {
		if !wordset.MayHold(&st.lex.filter, w) {
			rejected++
		}
	}
	if rejected == 0 {
		t.Error("the filter rejects nothing")
	}
}
