package source

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

func TestHTMLArticle(t *testing.T) {
	items := readItems(t, Options{}, "testdata/article.html")
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("article.html gave %+v", items)
	}
	a := items[0].Article
	if a.Title != "Ministers agree on rail link" {
		t.Errorf("title = %q", a.Title)
	}
	if a.Published != "2023-03-14T09:30:00+01:00" {
		t.Errorf("published = %q, want 2023-03-14T09:30:00+01:00", a.Published)
	}
	paras := strings.Split(a.Text, "\n\n")
	if len(paras) != 4 || paras[0] != a.Title || !strings.HasPrefix(paras[1], "The foreign ministers of Austria and Hungary met in Vienna") ||
		!strings.HasPrefix(paras[2], "“We agreed") || !strings.HasSuffix(paras[3], "a detailed cost estimate.") {
		t.Errorf("text is not the title and three paragraphs:\n%s", a.Text)
	}
	for _, junk := range []string{"tracking", "Home", "Copyright", "\n "} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("text holds %q, which is not article text", junk)
		}
	}
	if a.Source != "The Daily Example" || a.Language != "en" || a.ID != "testdata/article" {
		t.Errorf("source %q, language %q, id %q", a.Source, a.Language, a.ID)
	}
}

func TestHTMLBad(t *testing.T) {
	tests := []struct{ name, page string }{
		{"nobody.html", "<html><head><title>Nothing here</title></head></html>"},
		{"emptybody.html", "<html><head><title>Nothing</title></head><body>  </body></html>"},
		{"scriptonly.html", "<html><body><script>var a = 1;</script></body></html>"},
	}
	for _, tt := range tests {
		items := collect(t, Options{}, tt.name, []byte(tt.page))
		if len(items) != 1 || !errors.Is(items[0].Err, errNoMainText) {
			t.Errorf("%s gave %+v, want a no-main-text error", tt.name, items)
		}
	}
	// Broken markup still yields its text: HTML parsers repair it.
	broken := `<html><body><div><p>Norway and Iceland signed a fisheries agreement on Friday after two years of talks<p>The deal covers mackerel and herring stocks in the North Atlantic</b></i></div></span>`
	items := collect(t, Options{}, "broken.html", []byte(broken))
	if len(items) != 1 || items[0].Err != nil || !strings.Contains(items[0].Article.Text, "mackerel and herring") {
		t.Errorf("broken.html gave %+v", items)
	}
}

func TestHTMLCharset(t *testing.T) {
	page := "<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 diplomacy</title></head><body><article>" +
		"<p>Ministers met at a caf\xe9 in S\xe3o Paulo on Monday and talked about trade \x96 mostly about coffee and soy beans, their aides said.</p>" +
		"<p>Both sides called the meeting useful and agreed to meet again in the autumn in Lisbon.</p></article></body></html>"
	items := collect(t, Options{}, "latin.html", []byte(page))
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("latin.html gave %+v", items)
	}
	a := items[0].Article
	if a.Title != "Café diplomacy" || !strings.Contains(a.Text, "café in São Paulo") || !strings.Contains(a.Text, "trade – mostly") {
		t.Errorf("windows-1252 page read as title %q text %q", a.Title, a.Text)
	}
}

func TestHTMLText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain summary", "plain summary"},
		{"<p>One.</p><p>Two &amp; three.</p>", "One.\n\nTwo & three."},
		{"Line one<br>line two", "Line one\n\nline two"},
		{"  spaced \n  out  ", "spaced out"},
		{"<script>x()</script>", ""},
	}
	for _, tt := range tests {
		if got := htmlText(tt.in); got != tt.want {
			t.Errorf("htmlText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestWorkersKeepOrder extracts pages on several workers and checks that items come out in input
// order, mixed with the errors and the JSONL records between them.
func TestWorkersKeepOrder(t *testing.T) {
	dir := t.TempDir()
	page := string(mustRead(t, "testdata/article.html"))
	var want []string
	for i := 0; i < 30; i++ {
		name := fmt.Sprintf("p%02d.html", i)
		switch i % 3 {
		case 0:
			write(t, dir, name, []byte(strings.Replace(page, "Ministers agree on rail link", fmt.Sprintf("Ministers agree on rail link %d", i), 2)))
			want = append(want, filepath.Join(dir, name)+" "+filepath.Base(dir)+"/"+strings.TrimSuffix(name, ".html"))
		case 1:
			write(t, dir, name, []byte("<html><body></body></html>"))
			want = append(want, filepath.Join(dir, name)+" ERR")
		case 2:
			name = fmt.Sprintf("p%02d.jsonl", i)
			write(t, dir, name, []byte(fmt.Sprintf(`{"id": "j%d", "text": "Record."}`, i)))
			want = append(want, filepath.Join(dir, name)+fmt.Sprintf(":1 j%d", i))
		}
	}
	for _, workers := range []int{1, 4} {
		items := readItems(t, Options{Workers: workers}, dir)
		if got := summary(items); !equalLists(got, want) {
			t.Fatalf("with %d workers got\n%q\nwant\n%q", workers, got, want)
		}
		for i := 0; i < len(items); i += 3 {
			if title := fmt.Sprintf("Ministers agree on rail link %d", i); items[i].Article.Title != title {
				t.Errorf("with %d workers item %d has title %q, want %q", workers, i, items[i].Article.Title, title)
			}
		}
	}
	n := 0
	Read(context.Background(), []string{dir}, Options{Workers: 4}, func(Item) bool { n++; return n < 5 })
	if n != 5 {
		t.Errorf("yield returning false at item 5 with 4 workers: called %d times", n)
	}
}
