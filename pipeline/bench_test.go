package pipeline

import (
	"testing"

	"dyad/doc"
	"dyad/source"
)

// BenchmarkDefault codes the example article with every stage.
func BenchmarkDefault(b *testing.B) {
	p, err := Default(Options{})
	if err != nil {
		b.Fatal(err)
	}
	var arts []doc.Article
	for it := range source.All(b.Context(), []string{"../examples"}, source.Options{}) {
		if it.Err == nil {
			arts = append(arts, it.Article)
		}
	}
	if len(arts) == 0 {
		b.Skip("no example articles")
	}
	size, sents := 0, 0
	for _, a := range arts {
		size += len(a.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			d, _ := p.Code(a)
			sents += len(d.Sentences)
		}
	}
	b.ReportMetric(float64(sents)/b.Elapsed().Seconds(), "sentences/s")
}
