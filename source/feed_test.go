package source

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestFeedFile(t *testing.T) {
	items := readItems(t, Options{}, "testdata/feed.xml", "testdata/atom.xml")
	want := []string{
		"testdata/feed.xml#item1 https://news.example.org/ferry-accord",
		"testdata/feed.xml#item2 https://news.example.org/2024/05/03/quota",
		"testdata/feed.xml#item3 testdata/feed.xml#item3",
		"testdata/feed.xml#item4 ERR",
		"testdata/atom.xml#item1 urn:example:water-talks",
	}
	if got := summary(items); !equalLists(got, want) {
		t.Fatalf("feeds gave\n%q\nwant\n%q", got, want)
	}
	a := items[0].Article
	if a.Title != "Finland and Estonia sign ferry accord" || a.Published != "2024-05-02T08:15:00Z" ||
		a.URL != "https://news.example.org/2024/05/02/ferry-accord" || a.Source != "Example Wire" || a.Language != "en" {
		t.Errorf("item 1 = %+v", a)
	}
	if want := "Finland and Estonia sign ferry accord\n\nThe transport ministers of Finland and Estonia signed an accord on Thursday to add night ferries between Helsinki and Tallinn.\n\nService is to begin in the autumn."; a.Text != want {
		t.Errorf("item 1 text = %q, want %q", a.Text, want)
	}
	if p := items[1].Article.Published; p != "2024-05-03T17:40:00-04:00" {
		t.Errorf("item 2 published = %q", p)
	}
	if items[2].Article.Text != "Headline only item" {
		t.Errorf("a headline-only item gave text %q", items[2].Article.Text)
	}
	if a := items[4].Article; a.Published != "2024-06-01T10:30:00+03:00" || !strings.HasSuffix(a.Text, "crosses three countries.") {
		t.Errorf("atom entry = %+v", a)
	}
}

func TestFeedURL(t *testing.T) {
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>
<item><title>Page one headline</title><link>%[1]s/page1</link><description>Short summary one.</description></item>
<item><title>Dead link item</title><link>%[1]s/gone</link><description>Summary of a page that is gone.</description></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/page1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><head><title>Page one headline</title></head><body><article>
<p>The full text of page one says that Portugal and Spain agreed on a water-sharing plan for the Tagus river on Monday.</p>
<p>The plan will be reviewed every year by a joint commission of engineers from both countries.</p></article></body></html>`)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv = httptest.NewServer(mux)
	defer srv.Close()

	items := readItems(t, Options{}, srv.URL+"/feed")
	if got := summary(items); len(got) != 2 || items[0].Article.Text != "Page one headline\n\nShort summary one." {
		t.Fatalf("feed URL gave %q: %+v", got, items)
	}
	items = readItems(t, Options{FetchLinks: true}, srv.URL+"/feed")
	if len(items) != 2 || items[0].Err != nil || items[1].Err != nil {
		t.Fatalf("feed with links gave %+v", items)
	}
	if a := items[0].Article; !strings.Contains(a.Text, "Tagus river") || !strings.HasPrefix(a.Text, "Page one headline\n\n") {
		t.Errorf("linked page text = %q", a.Text)
	}
	if it := items[1]; it.Article.Text != "Dead link item\n\nSummary of a page that is gone." || len(it.Warnings) != 1 || !strings.Contains(it.Warnings[0], "404") {
		t.Errorf("dead link item = %+v, want the summary and a warning naming the 404", it)
	}
	// A page URL is read as HTML.
	items = readItems(t, Options{}, srv.URL+"/page1")
	if len(items) != 1 || items[0].Err != nil || items[0].Article.URL != srv.URL+"/page1" {
		t.Fatalf("page URL gave %+v", items)
	}
	// Dead feeds: an HTTP error and a timeout, each an error item naming the URL.
	client := &http.Client{Timeout: 200 * time.Millisecond}
	items = readItems(t, Options{Client: client}, srv.URL+"/missing", srv.URL+"/slow", srv.URL+"/feed")
	if len(items) != 4 || items[0].Err == nil || items[1].Err == nil || items[2].Err != nil {
		t.Fatalf("dead feeds gave %q", summary(items))
	}
	if msg := items[0].Err.Error(); !strings.HasPrefix(msg, srv.URL+"/missing: ") || !strings.Contains(msg, "404") {
		t.Errorf("HTTP error item says %q", msg)
	}
	if msg := items[1].Err.Error(); !strings.HasPrefix(msg, srv.URL+"/slow: ") {
		t.Errorf("timeout item says %q", msg)
	}
}

func TestFeedBroken(t *testing.T) {
	items := collect(t, Options{}, "broken.rss", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>cut`))
	if len(items) != 1 || items[0].Err == nil || !strings.HasPrefix(items[0].Err.Error(), "broken.rss: feed") {
		t.Fatalf("a broken feed gave %+v", items)
	}
	items = collect(t, Options{}, "empty.xml", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>`))
	if len(items) != 1 || items[0].Err == nil {
		t.Fatalf("an empty feed gave %+v", items)
	}
}
