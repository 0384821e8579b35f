package server

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"

	"dyad/store"
)

func TestPages(t *testing.T) { forEachStore(t, testPages) }

func testPages(t *testing.T, st store.Store) {
	_, ts := newTestServer(t, Config{Store: st})
	cases := []struct {
		path   string
		status int
		want   []string
	}{
		{"/", 200, []string{`<b class="stat-documents">4</b>`, `href="/dyads/RURGOV/FRE"`, `href="/actors/FRE"`, `href="/documents/1"`, "Sergey Lavrov says he wants clarifications"}},
		{"/documents", 200, []string{"Ruritania accuses Freedonia of &lt;border&gt; violations", `href="/documents/4"`}},
		{"/documents/2", 200, []string{
			`<span class="anchor" id="ev-0"></span><span class="quad-3 trg"`, `data-ann="ev-0">accused</span>`,
			`id="row-ev-0"`, "CAMEO 112", "PLOVER ACCUSE", "from a date in the sentence", "the publication date",
			`<code>test-verbs.txt:7</code>`, `<span class="anchor" id="spk-0"></span>`, `data-ann="spk-0 ent-5">Vell</span>`,
			"Ruritania accuses Freedonia of &lt;border&gt; violations", `<span class="count-events">2 events</span>`, `<span class="count-quotes">1 quote</span>`}},
		{"/documents/1", 200, []string{"Sergey Lavrov says he wants clarifications", "Dmitry Peskov"}},
		{"/documents/77", 404, []string{"no such document"}},
		{"/dyads/RURGOV/FRE?by=month", 200, []string{`<svg class="chart"`, `<rect class="q3"`, "2022-05-01: 2 events", `class="event-row quad-3"`, "accused"}},
		{"/dyads/RUR/FRE?by=day&either=true", 200, []string{"2022-06-13: 2 events", "RUR</a> ↔"}},
		{"/dyads/RUR/FRE?by=fortnight", 400, []string{"must be day, week or month"}},
		{"/actors/FRE", 200, []string{"Freedonia", `href="/dyads/FRE/RURGOV"`, "As source <small>(3)</small>", "As target <small>(3)</small>"}},
		{"/actors/RUR", 200, []string{"Anna Vell", "foreign minister", "2022-05-02", "2022-06-13", "We will not accept threats,"}},
		{"/search?q=threats", 200, []string{"Ruritania accuses Freedonia", "We will not accept threats,"}},
		{"/code", 200, []string{`<textarea id="code-text" name="text"`}},
		{"/dyads?source=rur&target=FRE&either=true", 200, []string{"RUR</a> ↔", "2022-05-01: 4 events"}},
		{"/dyads?source=RUR", 400, []string{"a dyad needs two actor codes"}},
		{"/no/such/page", 404, []string{"There is no page at /no/such/page."}},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			code, body := do(t, "GET", ts.URL+c.path, "", nil)
			if code != c.status {
				t.Fatalf("status %d, want %d:\n%s", code, c.status, trunc(body, 2000))
			}
			for _, w := range c.want {
				if !strings.Contains(body, w) {
					t.Errorf("the page lacks %s", w)
				}
			}
			if !strings.Contains(body, "</html>") {
				t.Errorf("the page is not complete")
			}
		})
	}
}

func TestCodePage(t *testing.T) {
	_, ts := newTestServer(t, Config{})
	form := url.Values{"text": {"Freedonia holds elections\n\nVoters in Freedonia chose a new parliament on Sunday."}, "published": {"2022-05-29"}}
	code, body := do(t, "POST", ts.URL+"/code", "application/x-www-form-urlencoded", []byte(form.Encode()))
	if code != 200 {
		t.Fatalf("status %d:\n%s", code, body)
	}
	for _, w := range []string{"<h1>Freedonia holds elections</h1>", "Published 2022-05-29", `<div class="text" id="text">`, "Voters in Freedonia chose"} {
		if !strings.Contains(body, w) {
			t.Errorf("the coded article lacks %s", w)
		}
	}
	bad := []struct {
		form   url.Values
		status int
		want   string
	}{
		{url.Values{"text": {"  "}}, 400, "Paste the text of an article"},
		{url.Values{"text": {"Some text."}, "published": {"yesterday"}}, 400, "is not an ISO date"},
		{url.Values{"url": {"/etc/passwd"}}, 400, "is not an http or https address"},
		{url.Values{"url": {"file:///etc/passwd"}}, 400, "is not an http or https address"},
	}
	for _, c := range bad {
		code, body := do(t, "POST", ts.URL+"/code", "application/x-www-form-urlencoded", []byte(c.form.Encode()))
		if code != c.status || !strings.Contains(body, c.want) {
			t.Errorf("posting %v answered %d, want %d with %q", c.form, code, c.status, c.want)
		}
	}
	// A page at a URL the user gives is fetched and coded.
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><head><title>Ruritania recalls envoy</title></head><body><article><h1>Ruritania recalls envoy</h1><p>`+
			strings.Repeat("Ruritania recalled its envoy from Freedonia after a week of tense talks over the border. ", 4)+`</p></article></body></html>`)
	}))
	defer site.Close()
	code, body = do(t, "POST", ts.URL+"/code", "application/x-www-form-urlencoded", []byte(url.Values{"url": {site.URL + "/news/1"}}.Encode()))
	if code != 200 || !strings.Contains(plain(body), "Ruritania recalled its envoy from Freedonia") || !strings.Contains(body, "Ruritania recalls envoy</h1>") {
		t.Errorf("fetching a page answered %d:\n%s", code, trunc(body, 3000))
	}
	// With a token, fetching needs it (and nothing is fetched without it).
	_, ts2 := newTestServer(t, Config{Addr: ":0", Token: "tok"})
	code, body = do(t, "POST", ts2.URL+"/code", "application/x-www-form-urlencoded", []byte(url.Values{"url": {"http://192.0.2.1/"}}.Encode()))
	if code != 401 || !strings.Contains(body, "needs the server&#39;s token") {
		t.Errorf("fetching without the token answered %d:\n%s", code, trunc(body, 1500))
	}
}

func TestTemplatesCompletenessCheck(t *testing.T) {
	good := fstest.MapFS{}
	for _, n := range sharedFiles {
		good[n] = &fstest.MapFile{Data: []byte(readFile(t, n))}
	}
	for _, n := range pageNames {
		good["templates/"+n+".html"] = &fstest.MapFile{Data: []byte(readFile(t, "templates/"+n+".html"))}
	}
	if _, err := parsePagesFS(good); err != nil {
		t.Fatalf("the real templates fail the check: %v", err)
	}
	missing := fstest.MapFS{}
	for k, v := range good {
		missing[k] = v
	}
	delete(missing, "templates/dyad.html")
	if _, err := parsePagesFS(missing); err == nil || !strings.Contains(err.Error(), "dyad") {
		t.Errorf("a missing page passed the check: %v", err)
	}
	noContent := fstest.MapFS{}
	for k, v := range good {
		noContent[k] = v
	}
	noContent["templates/home.html"] = &fstest.MapFile{Data: []byte(`{{define "other"}}x{{end}}`)}
	if _, err := parsePagesFS(noContent); err == nil || !strings.Contains(err.Error(), "content") {
		t.Errorf("a page without content passed the check: %v", err)
	}
}
