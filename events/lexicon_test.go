package events

import "testing"

func TestLoadLexicon(t *testing.T) {
	x, err := LoadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	if x.Len() < 1500 {
		t.Errorf("the lexicon has %d patterns, want at least 1,500", x.Len())
	}
	roots := map[string]bool{}
	for _, ps := range x.verbs {
		for _, p := range ps {
			roots[p.Code[:2]] = true
		}
	}
	for _, ps := range x.nouns {
		for _, p := range ps {
			roots[p.Code[:2]] = true
		}
	}
	for _, p := range x.speech {
		roots[p.Code[:2]] = true
	}
	if len(roots) != 20 {
		t.Errorf("the lexicon covers %d CAMEO roots, want 20", len(roots))
	}
	t.Logf("%d lines, %d patterns", x.Lines(), x.Len())
}
