package events

import (
	"strings"
	"testing"

	"dyad/doc"
)

// benchDoc builds a document of n made-up news sentences with their entities.
func benchDoc(n int) *doc.Doc {
	sents := []string{
		"On Wednesday, the United States and NATO delivered written responses to the demands that Russia had put forward.",
		"Anna Smith said that France would not lift the sanctions it imposed on China last year.",
		"The rebels attacked an army base near Kafr Amir, killing five soldiers, officials said.",
		"Germany and France held talks with Ukraine about the ceasefire, which Russia rejected.",
		"The committee met for several hours but did not publish any statement about the budget.",
	}
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(sents[i%len(sents)])
		b.WriteByte(' ')
	}
	return mkDoc(b.String(), usa, nato, rus, smith, fra, chn, rebel, vill, ger, ukr, ent{"the United States", "USA", "GPE"})
}

func BenchmarkApply(b *testing.B) {
	s := newTestStage(b)
	d := benchDoc(200)
	ents := append([]doc.Entity(nil), d.Entities...)
	b.SetBytes(int64(len(d.Text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.Entities = ents
		if err := s.Apply(d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(d.Sentences))*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := New(Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
