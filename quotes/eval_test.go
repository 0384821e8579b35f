package quotes

import (
	"bufio"
	"bytes"
	"os"
	"testing"

	"dyad/doc"
	"dyad/text"
)

// TestEvalGold codes a gold JSONL file (DYAD_EVAL_GOLD) with the text stage and this stage and
// writes the predictions to DYAD_EVAL_OUT, for /work/shared/eval/score.py. It skips unless
// DYAD_EVAL_OUT is set. Gold entities are dropped unless DYAD_EVAL_ENTITIES=gold.
func TestEvalGold(t *testing.T) {
	out := os.Getenv("DYAD_EVAL_OUT")
	if out == "" {
		t.Skip("DYAD_EVAL_OUT is not set")
	}
	gold := os.Getenv("DYAD_EVAL_GOLD")
	in, err := os.ReadFile(gold)
	if err != nil {
		t.Fatalf("cannot read the gold file: %v", err)
	}
	st, err := New(Options{Standalone: os.Getenv("DYAD_STANDALONE") != ""})
	if err != nil {
		t.Fatal(err)
	}
	seg := text.New()
	var buf bytes.Buffer
	sc := bufio.NewScanner(bytes.NewReader(in))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		g, err := doc.Decode(sc.Bytes())
		if err != nil {
			t.Fatalf("gold record does not decode: %v", err)
		}
		d := doc.New(g.Article)
		if os.Getenv("DYAD_EVAL_ENTITIES") == "gold" {
			d.Entities = g.Entities
		}
		if err := seg.Apply(d); err != nil {
			t.Fatal(err)
		}
		if err := st.Apply(d); err != nil {
			t.Fatal(err)
		}
		b, err := doc.Encode(d)
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(b)
		buf.WriteByte('\n')
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
