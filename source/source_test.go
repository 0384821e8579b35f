package source

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"dyad/doc"
)

func write(t testing.TB, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDirectoryGlobAndDispatch(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "corpus")
	write(t, root, "a/one.txt", []byte("Talks resume\n\nDiplomats met."))
	write(t, root, "a/two.jsonl", []byte(`{"id": "j1", "text": "Ghana signed."}`+"\n"+`{"id": "j2", "text": "Togo signed."}`+"\n"))
	write(t, root, "b/page.htm", mustRead(t, "testdata/article.html"))
	write(t, root, "b/news.rss", mustRead(t, "testdata/atom.xml"))
	write(t, root, "c/notes", []byte("Untitled notes\n\nA body without an extension."))
	write(t, root, "c/image.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
	write(t, root, ".hidden/secret.txt", []byte("Hidden\n\nNot read."))
	write(t, root, "d/t.txt.gz", gzipBytes(t, []byte("Zipped headline\n\nZipped body.")))

	items := readItems(t, Options{}, root)
	want := []string{
		filepath.Join(root, "a/one.txt") + " corpus/a/one",
		filepath.Join(root, "a/two.jsonl") + ":1 j1",
		filepath.Join(root, "a/two.jsonl") + ":2 j2",
		filepath.Join(root, "b/news.rss") + "#item1 urn:example:water-talks",
		filepath.Join(root, "b/page.htm") + " corpus/b/page",
		filepath.Join(root, "c/notes") + " corpus/c/notes",
		filepath.Join(root, "d/t.txt.gz") + " corpus/d/t",
	}
	if got := summary(items); !equalLists(got, want) {
		t.Fatalf("directory walk gave\n%q\nwant\n%q", got, want)
	}
	if items[6].Article.Title != "Zipped headline" {
		t.Errorf("gzipped text title = %q", items[6].Article.Title)
	}

	items = readItems(t, Options{}, filepath.Join(root, "a", "*"), filepath.Join(root, "nothing*"), filepath.Join(root, "missing.txt"))
	got := summary(items)
	if len(got) != 5 || got[3] != filepath.Join(root, "nothing*")+" ERR" || got[4] != filepath.Join(root, "missing.txt")+" ERR" {
		t.Fatalf("glob and missing paths gave %q", got)
	}
	// A binary file named explicitly is an error, not silence.
	items = readItems(t, Options{}, filepath.Join(root, "c/image.png"))
	if len(items) != 1 || !errors.Is(items[0].Err, errBinary) {
		t.Fatalf("binary file gave %+v, want a binary-data error", items)
	}
}

func mustRead(t testing.TB, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestStdin(t *testing.T) {
	in := strings.NewReader(`{"id": "s1", "text": "From standard input."}` + "\n")
	items := readItems(t, Options{Stdin: in}, "-")
	if got := summary(items); !equalLists(got, []string{"-:1 s1"}) {
		t.Fatalf("stdin JSONL gave %q", got)
	}
	items = readItems(t, Options{Stdin: strings.NewReader("Headline here\n\nBody here.")}, "-")
	if len(items) != 1 || items[0].Article.ID != "stdin" || items[0].Article.Title != "Headline here" {
		t.Fatalf("stdin text gave %+v", items)
	}
}

func TestEncodingsAndBadFiles(t *testing.T) {
	utf16le := func(s string) []byte {
		b := []byte{0xff, 0xfe}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	tests := []struct {
		name     string
		data     []byte
		title    string
		text     string
		warnings int
		err      string
	}{
		{"empty.txt", nil, "", "", 0, "empty"},
		{"blank.txt", []byte("\n \n\t\n"), "", "", 0, "empty"},
		{"junk.txt", []byte("\x00\x01\x02\x03binary\x00junk\x7f\x00"), "", "", 0, "binary"},
		{"latin1.txt", []byte("Caf\xe9 summit\n\nLeaders met in S\xe3o Paulo \x96 and agreed.\n"), "Café summit",
			"Café summit\n\nLeaders met in São Paulo – and agreed.", 1, ""},
		{"utf16.txt", utf16le("Кремль responds\r\n\r\nThe Kremlin said no."), "Кремль responds",
			"Кремль responds\n\nThe Kremlin said no.", 1, ""},
		{"bom.txt", []byte("\xef\xbb\xbfHeadline\n\nBody."), "Headline", "Headline\n\nBody.", 0, ""},
		{"junk.bin", []byte{0x00, 0xff, 0x10, 0x00, 0x02}, "", "", 0, "binary"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := collect(t, Options{}, tt.name, tt.data)
			if len(items) != 1 {
				t.Fatalf("got %d items, want 1", len(items))
			}
			it := items[0]
			if tt.err != "" {
				if it.Err == nil || !strings.Contains(it.Err.Error(), tt.err) || !strings.HasPrefix(it.Err.Error(), tt.name+": ") {
					t.Fatalf("got error %v, want one naming %s and saying %q", it.Err, tt.name, tt.err)
				}
				return
			}
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			if it.Article.Title != tt.title || it.Article.Text != tt.text || len(it.Warnings) != tt.warnings {
				t.Errorf("got title %q text %q warnings %q", it.Article.Title, it.Article.Text, it.Warnings)
			}
		})
	}
}

func TestMaxBytesWholeFile(t *testing.T) {
	big := append([]byte("Big file\n\n"), bytes.Repeat([]byte("word "), 1000)...)
	items := collect(t, Options{MaxBytes: 1000}, "big.txt", big)
	if len(items) != 1 || !errors.Is(items[0].Err, ErrTooLarge) {
		t.Fatalf("a file over the limit gave %+v, want ErrTooLarge", items)
	}
	items = collect(t, Options{MaxBytes: 1000}, "big.html", append([]byte("<html><body><p>"), big...))
	if len(items) != 1 || !errors.Is(items[0].Err, ErrTooLarge) {
		t.Fatalf("an HTML file over the limit gave %+v, want ErrTooLarge", items)
	}
}

func TestStopAndCancel(t *testing.T) {
	var b bytes.Buffer
	for i := 0; i < 100; i++ {
		b.WriteString(`{"text": "A record."}` + "\n")
	}
	n := 0
	err := ReadStream(context.Background(), bytes.NewReader(b.Bytes()), "s.jsonl", Options{}, func(Item) bool {
		n++
		return n < 3
	})
	if err != nil || n != 3 {
		t.Fatalf("yield returning false after 3 items: got %d items, err %v", n, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = ReadStream(ctx, bytes.NewReader(b.Bytes()), "s.jsonl", Options{}, func(Item) bool {
		n++
		if n == 5 {
			cancel()
		}
		return true
	})
	if !errors.Is(err, context.Canceled) || n != 5 {
		t.Fatalf("cancel after 5 items: got %d items, err %v", n, err)
	}
	n = 0
	for it := range All(ctx, []string{"testdata/records.jsonl"}, Options{}) {
		n++
		if !errors.Is(it.Err, context.Canceled) {
			t.Errorf("All with a cancelled context gave %+v", it)
		}
	}
	if n != 1 {
		t.Errorf("All with a cancelled context gave %d items, want 1", n)
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"": Auto, "AUTO": Auto, "txt": Text, "jsonl": JSONL, "rss": Feed, "warc": WARC, "htm": HTML} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil {
		t.Error("ParseFormat(pdf) did not fail")
	}
}

func TestForcedFormat(t *testing.T) {
	// A .txt file read as JSONL because the caller said so.
	items := collect(t, Options{Format: JSONL}, "records.txt", []byte(`{"id": "f1", "text": "Forced."}`))
	if got := summary(items); !equalLists(got, []string{"records.txt:1 f1"}) {
		t.Fatalf("forced JSONL gave %q", got)
	}
}

// FuzzReadStream feeds arbitrary bytes to every reader: no panics, and every article has valid
// UTF-8 text that is not empty.
func FuzzReadStream(f *testing.F) {
	f.Add([]byte("28 May 2022, 04:19\nHeadline\n\nBody."), uint8(0))
	f.Add([]byte(`{"text": "x"}`+"\n{"), uint8(1))
	f.Add([]byte("<html><body><p>Some text here.</p></body></html>"), uint8(2))
	f.Add([]byte(`<rss version="2.0"><channel><item><title>T</title></item></channel></rss>`), uint8(3))
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n"), uint8(4))
	f.Add([]byte{0x1f, 0x8b, 0x08, 0x00}, uint8(5))
	names := []string{"a.txt", "a.jsonl", "a.html", "a.xml", "a.warc", "a", "a.txt.gz"}
	f.Fuzz(func(t *testing.T, b []byte, which uint8) {
		name := names[int(which)%len(names)]
		err := ReadStream(context.Background(), bytes.NewReader(b), name, Options{MaxBytes: 1 << 20}, func(it Item) bool {
			if it.Err != nil {
				if it.Origin == "" || !strings.HasPrefix(it.Err.Error(), it.Origin) {
					t.Fatalf("error %q does not name its origin %q", it.Err, it.Origin)
				}
				return true
			}
			if it.Article.Text == "" || !utf8.ValidString(it.Article.Text) {
				t.Fatalf("%s: article with empty or invalid text %q", name, it.Article.Text)
			}
			return true
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzParseText(f *testing.F) {
	f.Add("28 May 2022,   04:19\nHeadline\n\nBody.")
	f.Add("\r\n\r\nHeadline\r\nUpdated: 2022-05-28\r\n\r\nBody\r")
	f.Fuzz(func(t *testing.T, s string) {
		a := ParseText(s)
		if a.Title != "" && !strings.HasPrefix(a.Text, a.Title+"\n\n") {
			t.Fatalf("title %q does not open text %q", a.Title, a.Text)
		}
		if strings.Contains(a.Text, "\r") {
			t.Fatalf("text keeps a carriage return: %q", a.Text)
		}
		if a.Published != "" {
			if _, ok := doc.ParseTime(a.Published); !ok {
				t.Fatalf("published %q is not ISO 8601", a.Published)
			}
		}
	})
}

// TestSlowPipe checks that a record on a pipe is read as soon as it arrives, not when a buffer fills.
func TestSlowPipe(t *testing.T) {
	pr, pw := io.Pipe()
	got := make(chan Item)
	go Read(context.Background(), []string{"-"}, Options{Stdin: pr}, func(it Item) bool {
		got <- it
		return true
	})
	pw.Write([]byte(`{"id": "p1", "text": "First record on a pipe."}` + "\n"))
	select {
	case it := <-got:
		if it.Err != nil || it.Article.ID != "p1" {
			t.Fatalf("first record = %+v", it)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the first record on a pipe was not read before more input came")
	}
	pw.Close()
}
