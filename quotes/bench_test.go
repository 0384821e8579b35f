package quotes

import (
	"bufio"
	"bytes"
	"os"
	"strings"
	"testing"

	"dyad/doc"
	"dyad/text"
)

// benchDocs returns segmented documents to code: the records of DYAD_BENCH_FILE (JSONL) when it is
// set, otherwise made-up news paragraphs.
func benchDocs(b *testing.B) ([]*doc.Doc, int) {
	var texts []string
	if f := os.Getenv("DYAD_BENCH_FILE"); f != "" {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 1<<20), 1<<26)
		for sc.Scan() {
			if d, err := doc.Decode(sc.Bytes()); err == nil {
				texts = append(texts, d.Text)
			}
		}
	} else {
		paras := []string{
			`“We will not accept any deal that leaves our farmers behind,” the agriculture minister said on Tuesday, “and we will say so in Brussels.”`,
			`According to officials in the capital, the talks could resume next week, although neither side has confirmed a date.`,
			`The opposition leader said that the government had misled parliament about the cost of the bridge, and called for an inquiry.`,
			`Prices rose by 4 percent in March, the statistics office said. Economists had expected a smaller rise.`,
			`In a statement, the company denied that it had been told about the leak before the storm reached the coast.`,
			`"It's a disgrace," said Maria Lopez, 54, who has lived in the town for thirty years. "Nobody asked us."`,
			`The mayor's office didn't respond to questions about the '90s contracts or the workers' union.`,
		}
		var sb strings.Builder
		for i := 0; i < 40; i++ {
			for _, p := range paras {
				sb.WriteString(p)
				sb.WriteString("\n\n")
			}
			texts = append(texts, sb.String())
			sb.Reset()
		}
	}
	seg := text.New()
	docs := make([]*doc.Doc, len(texts))
	n := 0
	for i, s := range texts {
		docs[i] = doc.New(doc.Article{Text: s})
		if err := seg.Apply(docs[i]); err != nil {
			b.Fatal(err)
		}
		n += len(s)
	}
	return docs, n
}

func BenchmarkApply(b *testing.B) {
	st, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	docs, n := benchDocs(b)
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if err := st.Apply(d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
