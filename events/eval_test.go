//go:build eval

package events

// The evaluation harness runs the other stages, so it is built only with -tags eval (the package's
// own tests must not break while another package is mid-edit):
//
//	DYAD_EVAL_GOLD=/work/shared/eval/data/conflibert-train.jsonl DYAD_EVAL_OUT=/tmp/ev.jsonl \
//	    go test -tags eval -run TestEvalGold -count=1 ./events/
//	python3 /work/shared/eval/score.py --gold $DYAD_EVAL_GOLD --pred /tmp/ev.jsonl

import (
	"bufio"
	"bytes"
	"os"
	"testing"
	"time"

	"dyad/actors"
	"dyad/doc"
	"dyad/quotes"
	"dyad/text"
	"dyad/timex"
)

// TestEvalGold codes a gold JSONL file (DYAD_EVAL_GOLD) with the text, actors, timex, quotes and
// events stages and writes the predictions to DYAD_EVAL_OUT. It skips unless DYAD_EVAL_OUT is set.
// DYAD_EVAL_LAYERS=gold keeps the gold entities, timexes and quotes instead of running those stages.
func TestEvalGold(t *testing.T) {
	out := os.Getenv("DYAD_EVAL_OUT")
	if out == "" {
		t.Skip("DYAD_EVAL_OUT is not set")
	}
	in, err := os.ReadFile(os.Getenv("DYAD_EVAL_GOLD"))
	if err != nil {
		t.Fatalf("cannot read the gold file: %v", err)
	}
	act, err := actors.New(actors.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tx, err := timex.New()
	if err != nil {
		t.Fatal(err)
	}
	var stages []interface{ Apply(*doc.Doc) error }
	stages = append(stages, act, tx)
	if qs, err := quotes.New(quotes.Options{}); err != nil {
		t.Logf("running without the quotes stage: %v", err)
	} else {
		stages = append(stages, qs)
	}
	ev, err := New(Options{EventDate: timex.EventDate, KeepUnattributed: os.Getenv("DYAD_EVAL_KEEP") != "", MainOnly: os.Getenv("DYAD_EVAL_MAIN") != ""})
	if err != nil {
		t.Fatal(err)
	}
	seg := text.New()
	keep := os.Getenv("DYAD_EVAL_LAYERS") == "gold"
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
		if err := seg.Apply(d); err != nil {
			t.Fatal(err)
		}
		if keep {
			d.Entities, d.Timexes, d.Quotes = g.Entities, g.Timexes, g.Quotes
			for i := range d.Entities {
				d.Entities[i].Ref = -1
			}
		} else {
			for _, st := range stages {
				if err := st.Apply(d); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := ev.Apply(d); err != nil {
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

// TestDebugText prints the entities and events of DYAD_DEBUG_TEXT (one sentence a line).
func TestDebugText(t *testing.T) {
	src := os.Getenv("DYAD_DEBUG_TEXT")
	if src == "" {
		t.Skip("DYAD_DEBUG_TEXT is not set")
	}
	act, _ := actors.New(actors.Options{})
	ev, err := New(Options{KeepUnattributed: os.Getenv("DYAD_EVAL_KEEP") != "", MainOnly: os.Getenv("DYAD_EVAL_MAIN") != ""})
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range bytes.Split([]byte(src), []byte("\n")) {
		d := doc.New(doc.Article{Text: string(line), Published: "2020-01-01"})
		text.New().Apply(d)
		act.Apply(d)
		ev.Apply(d)
		for _, e := range d.Entities {
			a := ""
			if e.Actor != nil {
				a = e.Actor.Code
			}
			t.Logf("  ent %q %s %s", e.Text, e.Type, a)
		}
		for _, e := range d.Events {
			t.Logf("  ev %s %q src=%s tgt=%s %s neg=%v %s", e.Cameo, e.Trigger.Text, codes(e.Source), codes(e.Target), e.Modality, e.Negated, e.Rule)
		}
	}
}

// TestEvalSpeed runs the other stages over DYAD_EVAL_GOLD, then times the events stage alone over
// the prepared documents and logs its throughput.
func TestEvalSpeed(t *testing.T) {
	if os.Getenv("DYAD_EVAL_SPEED") == "" {
		t.Skip("DYAD_EVAL_SPEED is not set")
	}
	in, err := os.ReadFile(os.Getenv("DYAD_EVAL_GOLD"))
	if err != nil {
		t.Fatal(err)
	}
	act, _ := actors.New(actors.Options{})
	tx, _ := timex.New()
	ev, err := New(Options{EventDate: timex.EventDate})
	if err != nil {
		t.Fatal(err)
	}
	var docs []*doc.Doc
	size, sents := 0, 0
	for _, line := range bytes.Split(in, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		g, err := doc.Decode(line)
		if err != nil {
			t.Fatal(err)
		}
		d := doc.New(g.Article)
		text.New().Apply(d)
		act.Apply(d)
		tx.Apply(d)
		docs = append(docs, d)
		size += len(d.Text)
		sents += len(d.Sentences)
	}
	const rounds = 5
	start := time.Now()
	n := 0
	for r := 0; r < rounds; r++ {
		n = 0
		for _, d := range docs {
			ev.Apply(d)
			n += len(d.Events)
		}
	}
	el := time.Since(start).Seconds() / rounds
	t.Logf("%d docs, %d sentences, %.1f MB, %d events: %.1f MB/s, %.0f sentences/s (one core)", len(docs), sents, float64(size)/1e6, n, float64(size)/1e6/el, float64(sents)/el)
}
