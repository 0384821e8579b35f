package text

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"dyad/doc"
)

// corpus returns the texts of the PolNeAR training set when the evaluation kit is beside the checkout
// (it is research data and is not shipped), else the seed article repeated.
func corpus(b *testing.B) []string {
	var texts []string
	if f, err := os.Open("../../shared/eval/data/polnear-train.jsonl"); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<26)
		for sc.Scan() {
			var r struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &r) == nil {
				texts = append(texts, r.Text)
			}
		}
	}
	if len(texts) == 0 {
		seed, err := os.ReadFile("../examples/lavrov.txt")
		if err != nil {
			b.Fatal(err)
		}
		for range 100 {
			texts = append(texts, string(seed))
		}
	}
	return texts
}

func BenchmarkSegment(b *testing.B) {
	texts := corpus(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	d := doc.New(doc.Article{})
	sents := 0
	for b.Loop() {
		sents = 0
		for _, t := range texts {
			d.Text = t
			Segment(d)
			sents += len(d.Sentences)
		}
	}
	b.ReportMetric(float64(sents)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// Hostile input must stay linear: 40 KB of "!?" once took seconds.
func BenchmarkSegmentMarks(b *testing.B) {
	s := strings.Repeat("!?", 20000) + "x"
	d := doc.New(doc.Article{Text: s})
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Segment(d)
	}
}
