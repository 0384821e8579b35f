package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// summary renders items as "origin id" for articles and "origin ERR" for errors.
func summary(items []Item) []string {
	var out []string
	for _, it := range items {
		if it.Err != nil {
			out = append(out, it.Origin+" ERR")
		} else {
			out = append(out, it.Origin+" "+it.Article.ID)
		}
	}
	return out
}

func equalLists(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestJSONL(t *testing.T) {
	items := readItems(t, Options{}, "testdata/records.jsonl")
	want := []string{
		"testdata/records.jsonl:1 a1",
		"testdata/records.jsonl:3 a2",
		"testdata/records.jsonl:4 ERR",
		"testdata/records.jsonl:5 ERR",
		"testdata/records.jsonl:6 ERR",
		"testdata/records.jsonl:8 testdata/records.jsonl:8",
	}
	if got := summary(items); !equalLists(got, want) {
		t.Fatalf("items = %q, want %q", got, want)
	}
	if a := items[1].Article; a.Text != "Ghana signed a trade deal with Togo." || a.Published != "2021-09-07" {
		t.Errorf("aliases content/date were not read: %+v", a)
	}
	if items[0].Doc == nil || items[0].Doc.Title != "Peru and Bolivia open border post" {
		t.Errorf("item 1 has no Doc or the wrong one: %+v", items[0].Doc)
	}
	if msg := items[2].Err.Error(); !strings.HasPrefix(msg, "testdata/records.jsonl:4: ") {
		t.Errorf("error %q does not start with file:line", msg)
	}
	if msg := items[4].Err.Error(); !strings.Contains(msg, "no text") {
		t.Errorf("a record without text gave %q, want it to say there is no text", msg)
	}
}

func gzipBytes(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func TestJSONLGzipAndTruncated(t *testing.T) {
	dir := t.TempDir()
	var src bytes.Buffer
	for i := 0; i < 2000; i++ {
		src.WriteString(`{"text": "Line number ` + strings.Repeat("x", i%50) + ` of a test corpus."}` + "\n")
	}
	z := gzipBytes(t, src.Bytes())
	full := filepath.Join(dir, "c.jsonl.gz")
	cut := filepath.Join(dir, "cut.jsonl.gz")
	os.WriteFile(full, z, 0o644)
	os.WriteFile(cut, z[:len(z)/2], 0o644)

	items := readItems(t, Options{}, full)
	if len(items) != 2000 || items[1999].Err != nil || items[1999].Article.ID != full+":2000" {
		t.Fatalf("gzipped JSONL gave %d items, last %+v; want 2000 articles", len(items), items[len(items)-1])
	}
	items = readItems(t, Options{}, cut, full)
	var errs []Item
	ok := 0
	for _, it := range items {
		if it.Err != nil {
			errs = append(errs, it)
		} else {
			ok++
		}
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Err.Error(), "gzip") || !strings.HasPrefix(errs[0].Origin, cut+":") {
		t.Fatalf("truncated gzip gave errors %v; want one gzip error naming the file and line", summary(errs))
	}
	if ok < 2000+1 || ok >= 4000 {
		t.Errorf("read %d articles from a half file and a whole one; want the whole one and the good part of the other", ok)
	}
}

func TestJSONLLongLinesAndLimit(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("word ", 40000) // 200 KB, beyond bufio.Scanner's 64 KB
	huge := strings.Repeat("y", 3000)
	p := filepath.Join(dir, "long.jsonl")
	os.WriteFile(p, []byte(`{"text": "`+big+`"}`+"\n"+`{"text": "`+huge+`"}`+"\r\n"+`{"text": "short"}`), 0o644)
	items := readItems(t, Options{}, p)
	if len(items) != 3 || items[0].Err != nil || len(items[0].Article.Text) != len(big) || items[2].Article.Text != "short" {
		t.Fatalf("long lines: got %q", summary(items))
	}
	items = readItems(t, Options{MaxBytes: 2048}, p)
	got := summary(items)
	want := []string{p + ":1 ERR", p + ":2 ERR", p + ":3 " + p + ":3"}
	if !equalLists(got, want) {
		t.Fatalf("with a 2 KB limit got %q, want %q", got, want)
	}
	if !errors.Is(items[0].Err, ErrTooLarge) {
		t.Errorf("error %v is not ErrTooLarge", items[0].Err)
	}
}

func TestJSONLInvalidUTF8(t *testing.T) {
	items := collect(t, Options{Format: JSONL}, "x.jsonl", []byte("{\"text\": \"Caf\xe9 talks in S\xe3o Paulo\"}\n"))
	if len(items) != 1 || items[0].Err != nil || items[0].Article.Text != "Café talks in São Paulo" || len(items[0].Warnings) != 1 {
		t.Fatalf("Latin-1 JSONL line gave %+v", items)
	}
}

// collect reads b as a stream named name.
func collect(t testing.TB, opts Options, name string, b []byte) []Item {
	t.Helper()
	var items []Item
	err := ReadStream(context.Background(), bytes.NewReader(b), name, opts, func(it Item) bool {
		items = append(items, it)
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	return items
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"text": "Ghana signed a deal.", "sentences": [[0, 5]]}` + "\n\n{\"body\": \"x\"}\n"))
	f.Add([]byte("{\"text\": \"\xff\"}\r\n[1]\n{"))
	f.Add([]byte(`{"text": "Кремль 😀", "entities": [{"start": 0, "end": 6, "type": "ORG"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		lines := 0
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(nil, len(b)+1)
		for sc.Scan() {
			lines++
		}
		items := collect(t, Options{Format: JSONL, MaxBytes: 1 << 16}, "f.jsonl", b)
		if len(items) > lines+1 {
			t.Fatalf("%d items from %d lines", len(items), lines)
		}
		for _, it := range items {
			if it.Err == nil {
				if it.Article.Text == "" || it.Doc == nil {
					t.Fatalf("article without text or Doc from %q", b)
				}
				for _, s := range it.Doc.Sentences {
					if s.Start < 0 || s.End > len(it.Doc.Text) || s.Start > s.End {
						t.Fatalf("sentence %v out of range", s)
					}
				}
			} else if !strings.HasPrefix(it.Origin, "f.jsonl:") {
				t.Fatalf("error origin %q does not name the line", it.Origin)
			}
		}
	})
}

// lineSource produces n JSONL lines without holding them.
type lineSource struct {
	n, i int
	buf  []byte
}

func (s *lineSource) Read(p []byte) (int, error) {
	if len(s.buf) == 0 {
		if s.i == s.n {
			return 0, io.EOF
		}
		s.i++
		s.buf = fmt.Appendf(s.buf[:0], `{"id": "l%d", "text": "Record %d says that a minister met a counterpart on Monday to talk about trade and borders."}`+"\n", s.i, s.i)
	}
	n := copy(p, s.buf)
	s.buf = s.buf[n:]
	return n, nil
}

// TestJSONLStreams reads 300,000 lines (about 35 MB) and checks that the live heap stays flat.
func TestJSONLStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	const lines = 300000
	var peak uint64
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc // the dependencies' tables (language profiles, date locales)
	n := 0
	err := ReadStream(context.Background(), &lineSource{n: lines}, "big.jsonl", Options{}, func(it Item) bool {
		n++
		if n%50000 == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc-min(base, ms.HeapAlloc))
		}
		return it.Err == nil
	})
	if err != nil || n != lines {
		t.Fatalf("read %d of %d lines, err %v", n, lines, err)
	}
	if peak > 4<<20 {
		t.Errorf("the live heap grew by %d MB while streaming; want it flat (< 4 MB)", peak>>20)
	}
	t.Logf("live heap growth: %.2f MB over a base of %.1f MB", float64(peak)/(1<<20), float64(base)/(1<<20))
}

func TestJSONDocuments(t *testing.T) {
	tests := []struct {
		name, data string
		want       []string
	}{
		{"array.json", `[{"id": "a", "text": "One."}, {"text": "Two."}, {"id": "c"}, {"id": "d", "text": "Four."}]`,
			[]string{"array.json#1 a", "array.json#2 array.json#2", "array.json#3 ERR", "array.json#4 d"}},
		{"pretty.json", "{\n  \"id\": \"p\",\n  \"text\": \"Pretty.\"\n}\n{\n  \"id\": \"q\",\n  \"text\": \"Again.\"\n}\n",
			[]string{"pretty.json#1 p", "pretty.json#2 q"}},
		{"noext", "[\n {\"id\": \"n\", \"text\": \"Sniffed.\"}\n]", []string{"noext#1 n"}},
		{"broken.json", `[{"id": "a", "text": "One."}, {"id": "b", "text": "Tw`, []string{"broken.json#1 a", "broken.json#2 ERR"}},
		{"notes", "[Updated] Talks resume\n\nDiplomats met.", []string{"notes notes"}},
	}
	for _, tt := range tests {
		if got := summary(collect(t, Options{}, tt.name, []byte(tt.data))); !equalLists(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}
