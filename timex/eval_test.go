package timex

import (
	"bufio"
	"bytes"
	"os"
	"testing"

	"dyad/doc"
	"dyad/text"
)

// TestEvalGold writes predictions for a gold JSONL file (DYAD_EVAL_GOLD) to DYAD_EVAL_OUT, for the
// evaluation kit's score.py. It skips unless both are set. To reproduce the reported numbers:
//
//	DYAD_EVAL_GOLD=/work/shared/eval/data/tbaq-timex.jsonl DYAD_EVAL_OUT=/tmp/tbaq.jsonl \
//	    go test -count=1 -run TestEvalGold ./timex/
//	python3 /work/shared/eval/score.py --gold /work/shared/eval/data/tbaq-timex.jsonl --pred /tmp/tbaq.jsonl
//
// The text stage splits sentences; the gold layers are not read (doc.New keeps only the Article).
func TestEvalGold(t *testing.T) {
	out := os.Getenv("DYAD_EVAL_OUT")
	gold := os.Getenv("DYAD_EVAL_GOLD")
	if out == "" || gold == "" {
		t.Skip("set DYAD_EVAL_GOLD and DYAD_EVAL_OUT to write predictions")
	}
	st, err := New()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(gold)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var buf bytes.Buffer
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	seg := text.New()
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
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
