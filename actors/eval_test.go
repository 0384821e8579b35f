package actors

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"dyad/doc"
	"dyad/text"
)

// TestEvalSeed writes the entities that the text and actors stages find in gold records to the
// JSONL file named by DYAD_EVAL_OUT, for the shared scorer. It reads DYAD_EVAL_GOLD (default: the
// seed) and skips unless DYAD_EVAL_OUT is set and the gold file exists.
func TestEvalSeed(t *testing.T) {
	out := os.Getenv("DYAD_EVAL_OUT")
	if out == "" {
		t.Skip("DYAD_EVAL_OUT is not set")
	}
	gold := os.Getenv("DYAD_EVAL_GOLD")
	if gold == "" {
		gold = filepath.Join("/work/shared/eval/data", "seed.jsonl")
	}
	in, err := os.ReadFile(gold)
	if err != nil {
		t.Skipf("no gold data: %v", err)
	}
	st, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	seg := text.New()
	var buf bytes.Buffer
	sc := bufio.NewScanner(bytes.NewReader(in))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		g, err := doc.Decode(sc.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		d := doc.New(g.Article)
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
