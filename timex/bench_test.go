package timex

import (
	"os"
	"strings"
	"testing"

	"dyad/doc"
	"dyad/text"
)

// benchDoc builds a news-like document of about 1 MB from the seed article (or, without it, from
// sentences made up here), with sentences split by the text stage.
func benchDoc(b *testing.B) *doc.Doc {
	b.Helper()
	src, err := os.ReadFile("../examples/lavrov.txt")
	if err != nil {
		src = []byte("On Wednesday, the allies delivered their replies. Talks will resume next Monday. " +
			"Prices rose 3% in the third quarter from a year earlier, the ministry said on Tuesday. ")
	}
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		sb.Write(src)
		sb.WriteString("\n\n")
	}
	d := doc.New(doc.Article{Text: sb.String(), Published: "2022-05-28T04:19:00"})
	if err := text.New().Apply(d); err != nil {
		b.Fatal(err)
	}
	return d
}

func BenchmarkApply(b *testing.B) {
	st := newStage(b)
	d := benchDoc(b)
	b.SetBytes(int64(len(d.Text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		d.Timexes = d.Timexes[:0]
		if err := st.Apply(d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApplyJSONL measures the stage on the texts of a JSONL file named by DYAD_BENCH_JSONL
// (for instance a gold set), sentences split by the text stage.
func BenchmarkApplyJSONL(b *testing.B) {
	path := os.Getenv("DYAD_BENCH_JSONL")
	if path == "" {
		b.Skip("set DYAD_BENCH_JSONL to a JSONL file of documents")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var docs []*doc.Doc
	var n int64
	for _, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		g, err := doc.Decode([]byte(line))
		if err != nil {
			b.Fatal(err)
		}
		d := doc.New(g.Article)
		if err := text.New().Apply(d); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		n += int64(len(d.Text))
	}
	st := newStage(b)
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			d.Timexes = d.Timexes[:0]
			if err := st.Apply(d); err != nil {
				b.Fatal(err)
			}
		}
	}
}
