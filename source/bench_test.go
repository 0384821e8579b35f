package source

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"testing"
)

// syntheticJSONL makes n made-up records of about 2 KB each.
func syntheticJSONL(n int) []byte {
	var b bytes.Buffer
	para := "The foreign ministers of two neighbouring countries met on Tuesday to discuss trade, border crossings and a new rail link, officials said. "
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `{"id": "doc%d", "published": "2024-05-0%d", "title": "Ministers meet", "text": "`, i, 1+i%9)
		for j := 0; j < 15; j++ {
			b.WriteString(para)
		}
		b.WriteString("\"}\n")
	}
	return b.Bytes()
}

func BenchmarkJSONL(b *testing.B) {
	data := syntheticJSONL(2000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		n := 0
		ReadStream(context.Background(), bytes.NewReader(data), "bench.jsonl", Options{}, func(it Item) bool {
			if it.Err != nil {
				b.Fatal(it.Err)
			}
			n++
			return true
		})
		if n != 2000 {
			b.Fatalf("read %d records, want 2000", n)
		}
	}
}

// BenchmarkJSONLPolnear reads the PolNeAR training set when it is here (research data, read only).
func BenchmarkJSONLPolnear(b *testing.B) {
	data, err := os.ReadFile("/work/shared/eval/data/polnear-train.jsonl")
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		ReadStream(context.Background(), bytes.NewReader(data), "polnear.jsonl", Options{}, func(it Item) bool { return true })
	}
}

func BenchmarkText(b *testing.B) {
	data, err := os.ReadFile("testdata/lavrov-clarifications.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		ReadStream(context.Background(), bytes.NewReader(data), "seed.txt", Options{}, func(it Item) bool { return true })
	}
}

func BenchmarkHTML(b *testing.B) {
	data, err := os.ReadFile("testdata/article.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		ReadStream(context.Background(), bytes.NewReader(data), "a.html", Options{}, func(it Item) bool {
			if it.Err != nil {
				b.Fatal(it.Err)
			}
			return true
		})
	}
}

func BenchmarkWARC(b *testing.B) {
	data := makeWARC(b, true)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		ReadStream(context.Background(), bytes.NewReader(data), "c.warc.gz", Options{}, func(it Item) bool { return true })
	}
}

func BenchmarkParseDateline(b *testing.B) {
	for b.Loop() {
		ParseDateline("28 May 2022,\u00a0\u00a0 04:19")
	}
}

// bigPage makes a made-up news page of about 60 KB: navigation, 40 paragraphs, a footer.
func bigPage() []byte {
	var b bytes.Buffer
	b.WriteString(`<html><head><title>Long report</title><meta property="article:published_time" content="2024-01-05T10:00:00Z"></head><body><nav>`)
	for i := 0; i < 60; i++ {
		fmt.Fprintf(&b, `<a href="/section%d">Section %d</a> `, i, i)
	}
	b.WriteString(`</nav><article><h1>Long report</h1>`)
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, "<p>Paragraph %d: the delegations of the two countries met again on the %dth day of talks and discussed trade, fisheries, border crossings and a new rail link, officials from both sides said after the meeting in the capital.</p>\n", i, i)
	}
	b.WriteString(`</article><footer>`)
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&b, `<div class="footer-link"><a href="/f%d">Footer link %d</a></div>`, i, i)
	}
	b.WriteString(`</footer></body></html>`)
	return b.Bytes()
}

func BenchmarkHTMLBigPage(b *testing.B) {
	data := bigPage()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		ReadStream(context.Background(), bytes.NewReader(data), "big.html", Options{Workers: 1}, func(it Item) bool {
			if it.Err != nil {
				b.Fatal(it.Err)
			}
			return true
		})
	}
}
