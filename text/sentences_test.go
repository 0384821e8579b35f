package text

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"dyad/doc"
)

func sentences(s string) []string {
	d := doc.New(doc.Article{Text: s})
	Segment(d)
	out := make([]string, len(d.Sentences))
	for i, sp := range d.Sentences {
		out[i] = d.Slice(sp)
	}
	return out
}

func TestSentences(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "The talks failed. Both sides left.", []string{"The talks failed.", "Both sides left."}},
		{"title abbreviation", "Mr. Smith met Gen. Jones. They talked.", []string{"Mr. Smith met Gen. Jones.", "They talked."}},
		{"dotted acronym inside", "The U.S. and Russia met in Washington, D.C. on Friday.", []string{"The U.S. and Russia met in Washington, D.C. on Friday."}},
		{"dotted acronym at end", "Russia blamed the U.S. The embassy declined to comment.", []string{"Russia blamed the U.S.", "The embassy declined to comment."}},
		{"time", "The vote is at 3 p.m. Tuesday in the capital.", []string{"The vote is at 3 p.m. Tuesday in the capital."}},
		{"month abbreviation", "It began on Jan. 5 and ended in Sept. 2001.", []string{"It began on Jan. 5 and ended in Sept. 2001."}},
		{"initials", "John F. Kennedy was shot. Lee H. Oswald was arrested.", []string{"John F. Kennedy was shot.", "Lee H. Oswald was arrested."}},
		{"decimals", "Growth was 3.5 percent. Prices rose 1,200.5 points.", []string{"Growth was 3.5 percent.", "Prices rose 1,200.5 points."}},
		{"closing quote", `He said: "We will go." Then he left.`, []string{`He said: "We will go."`, "Then he left."}},
		{"curly closing quote", "He said: “We will go.” Then he left.", []string{"He said: “We will go.”", "Then he left."}},
		{"question inside quote", "“Why now?” he asked. Nobody answered.", []string{"“Why now?” he asked.", "Nobody answered."}},
		{"bracket", "The army withdrew (as promised.) Residents returned.", []string{"The army withdrew (as promised.)", "Residents returned."}},
		{"company", "He works for Acme Inc. The firm denied it.", []string{"He works for Acme Inc.", "The firm denied it."}},
		{"company inside", "Acme Inc. said profits rose.", []string{"Acme Inc. said profits rose."}},
		{"headline without stop", "Talks collapse in Geneva\n\nThe talks collapsed on Friday.", []string{"Talks collapse in Geneva", "The talks collapsed on Friday."}},
		{"dateline", "MOSCOW (Reuters) - Russia said on Monday it would respond. Kyiv disagreed.", []string{"MOSCOW (Reuters) - Russia said on Monday it would respond.", "Kyiv disagreed."}},
		{"url", "Read more at example.com today. Then act.", []string{"Read more at example.com today.", "Then act."}},
		{"exclamation", "Stop! Police said.", []string{"Stop!", "Police said."}},
		{"lowercase after stop", "It cost 5 vs. 6 units. ok then.", []string{"It cost 5 vs. 6 units. ok then."}},
		{"unclosed quote", "“He opened a quote. It never closed.\n\nA new paragraph starts.", []string{"“He opened a quote.", "It never closed.", "A new paragraph starts."}},
		{"ellipsis", "He paused… Then he spoke.", []string{"He paused…", "Then he spoke."}},
		{"crlf paragraphs", "Headline here\r\n\r\nBody one. Body two.", []string{"Headline here", "Body one.", "Body two."}},
		{"long run of marks", "Really?!?!?!?!?!?!?!?!?! Yes.", []string{"Really?!?!?!?!?!?!?!?!?!", "Yes."}},
		{"empty", "", nil},
		{"spaces only", "  \n\n \t ", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := sentences(c.in)
			if strings.Join(got, "|") != strings.Join(c.want, "|") || len(got) != len(c.want) {
				t.Errorf("sentences of %q:\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}

// The seed article: every boundary asserted.
func TestSeedSentences(t *testing.T) {
	b, err := os.ReadFile("../examples/lavrov.txt")
	if err != nil {
		t.Fatal(err)
	}
	// drop the dateline line, as the text reader does
	body := string(b)
	body = body[strings.Index(body, "\n")+1:]
	got := sentences(body)
	starts := []string{
		"Sergey Lavrov says he wants clarifications",
		"Despite the clamor of warnings about war",
		"“In an interview with four Russian radio stations",
		"While Lavrov’s point might seem esoteric",
		"At another point in the radio interview",
		"On Wednesday, the United States and NATO delivered",
		"In response to the written replies",
		"On the radio program, Lavrov complained",
		"It is under this principle that Washington insists",
		"In the interview, Lavrov alleged",
	}
	if len(got) != len(starts) {
		t.Fatalf("seed has %d sentences, want %d:\n%s", len(got), len(starts), strings.Join(got, "\n--\n"))
	}
	for i, s := range starts {
		if !strings.HasPrefix(got[i], s) {
			t.Errorf("sentence %d starts %q, want %q", i, got[i][:min(len(got[i]), 50)], s)
		}
	}
	if !strings.HasSuffix(got[len(got)-1], "writes the author.") {
		t.Errorf("last sentence ends %q", got[len(got)-1])
	}
	if !strings.HasSuffix(got[4], "“We don’t want wars”.") {
		t.Errorf("sentence 4 ends badly: %q", got[4])
	}
}

func TestTokens(t *testing.T) {
	cases := []struct {
		in   string
		want string
	}{
		{"The U.S. and NATO's plan.", "The|U.S.|and|NATO|'s|plan|."},
		{"Putin’s spokesman didn't say.", "Putin|’s|spokesman|did|n't|say|."},
		{"Co-operation in Euro-Atlantic security — now", "Co-operation|in|Euro-Atlantic|security|—|now"},
		{"At 04:19, 1,200 troops (3.5%) left...", "At|04:19|,|1,200|troops|(|3.5|%|)|left|..."},
		{"O'Brien met AT&T in the 1990s.", "O'Brien|met|AT&T|in|the|1990s|."},
		{"“We don’t want wars”", "“|We|do|n’t|want|wars|”"},
		{"Лавров сказал 🙂", "Лавров|сказал|🙂"},
	}
	for _, c := range cases {
		d := doc.New(doc.Article{Text: c.in})
		Segment(d)
		var parts []string
		for _, tk := range d.Tokens {
			parts = append(parts, d.Slice(tk.Span))
		}
		if got := strings.Join(parts, "|"); got != c.want {
			t.Errorf("tokens of %q:\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

func TestFoldRune(t *testing.T) {
	for in, want := range map[rune]rune{'“': '"', '”': '"', '’': '\'', '—': '-', '–': '-', '\u00a0': ' ', 'a': 'a', '«': '"'} {
		if got := FoldRune(in); got != want {
			t.Errorf("FoldRune(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzSegment(f *testing.F) {
	for _, s := range []string{"\x80", "a \xff\n\n\xc3", "Mr. A. B. said “hi.” Then\n\nX", "U.S. p.m. 3.5 ... !?", "\xff\xfe bad", "'s n't ’s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := doc.New(doc.Article{Text: s})
		Segment(d)
		prev := 0
		for _, sp := range d.Sentences {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("bad sentence span %v (prev end %d, len %d)", sp, prev, len(s))
			}
			if utf8.ValidString(s) && (!utf8.RuneStart(s[sp.Start]) || (sp.End < len(s) && !utf8.RuneStart(s[sp.End]))) {
				t.Fatalf("sentence span %v not on rune boundaries", sp)
			}
			prev = sp.End
		}
		prev = 0
		for _, tk := range d.Tokens {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s) {
				t.Fatalf("bad token span %v (prev end %d)", tk.Span, prev)
			}
			prev = tk.End
		}
	})
}
