package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"

	"dyad/doc"
	"dyad/store"
)

func TestNewRefusesPublicAddressWithoutToken(t *testing.T) {
	cases := []struct {
		addr, token string
		ok          bool
	}{
		{"127.0.0.1:8080", "", true},
		{"localhost:0", "", true},
		{"[::1]:8080", "", true},
		{":8080", "", false},
		{"0.0.0.0:8080", "", false},
		{"192.0.2.7:80", "", false},
		{"news.example:80", "", false},
		{":8080", "secret", true},
		{"nonsense", "", false},
	}
	for _, c := range cases {
		_, err := New(Config{Addr: c.addr, Token: c.token})
		if (err == nil) != c.ok {
			t.Errorf("New(Addr %q, token %q): error %v, want ok=%v", c.addr, c.token, err, c.ok)
		}
	}
}

func TestAPICode(t *testing.T) {
	_, ts := newTestServer(t, Config{MaxBodyBytes: 4096})
	article := "Ruritania and Freedonia hold talks\n\nThe two governments met in a border town. They agreed to meet again."
	cases := []struct {
		name, ctype, body string
		status            int
		want              string // a substring of the answer
	}{
		{"plain text", "text/plain; charset=utf-8", article, 200, `"title":"Ruritania and Freedonia hold talks"`},
		{"no content type is plain text", "", article, 200, `"sentences":[[0,34]`},
		{"json record", "application/json", `{"title":"T","text":"Freedonia protested.","published":"2022-05-02"}`, 200, `"published":"2022-05-02"`},
		{"html page", "text/html", "<html><head><title>Border talks</title></head><body><article><p>" + strings.Repeat("The two governments met in a border town and talked for a long time. ", 5) + "</p></article></body></html>", 200, "border town"},
		{"malformed json", "application/json", "{\"text\": \"a\",\n \"title\": }", 400, "malformed JSON at line 2, column"},
		{"json without text", "application/json", `{"title":"only a title"}`, 400, "has no text"},
		{"json offsets out of range", "application/json", `{"text":"abc","sentences":[[0,9]]}`, 400, "outside the text"},
		{"empty body", "application/json", "", 400, "body is empty"},
		{"empty text", "text/plain", "   \n ", 400, "no text"},
		{"too large", "text/plain", strings.Repeat("word ", 1000), 413, "larger than the limit of 4096 bytes"},
		{"unsupported type", "image/png", "xx", 415, "cannot read an article of type"},
		{"bad content type", "text/", "xx", 400, "Content-Type"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, body := do(t, "POST", ts.URL+"/api/code", c.ctype, []byte(c.body))
			if code != c.status || !strings.Contains(body, c.want) {
				t.Fatalf("got %d %s\nwant %d with %q", code, body, c.status, c.want)
			}
			if code == 200 {
				if _, err := doc.Decode([]byte(body)); err != nil {
					t.Fatalf("the answer is not a readable record: %v", err)
				}
			} else {
				var e struct {
					Error  string
					Status int
				}
				if err := json.Unmarshal([]byte(body), &e); err != nil || e.Status != code || e.Error == "" {
					t.Fatalf("the error answer is not {error, status}: %s", body)
				}
			}
		})
	}
	if code, body := do(t, "GET", ts.URL+"/api/code", "", nil); code != http.StatusMethodNotAllowed {
		t.Errorf("GET /api/code answered %d %s, want 405", code, body)
	}
	if code, _ := do(t, "GET", ts.URL+"/api/events", "", nil); code != http.StatusServiceUnavailable {
		t.Errorf("a store endpoint of a server without a store answered %d, want 503", code)
	}
}

func TestAPIStore(t *testing.T) { forEachStore(t, testAPIStore) }

func testAPIStore(t *testing.T, st store.Store) {
	_, ts := newTestServer(t, Config{Store: st})
	cases := []struct {
		path   string
		status int
		want   []string // substrings of the answer
		items  int      // the number of items, when >= 0
	}{
		{"/api/events?dyad=RURGOV-FRE", 200, []string{`"trigger":"accused"`, `"cameo":"112"`, `"cameo_name":`, `"date_basis":"timex"`}, 3},
		{"/api/events?dyad=*-FRE", 200, []string{`"trigger":"accused"`}, 3},
		{"/api/events?dyad=RUR-FRE&either=true", 200, []string{`"trigger":"rejected"`}, 6},
		{"/api/events?actor=FRE&type=reject", 200, []string{`"plover":"REJECT"`}, 3},
		{"/api/events?actor=RUR&from=2022-05&to=2022-05", 200, nil, 4},
		{"/api/events?actor=RUR&from=2022-06-01", 200, []string{`"day":"2022-06-13"`}, 2},
		{"/api/events?actor=RUR&quad=3&root=11", 200, nil, 3},
		{"/api/events?actor=RUR&text=threats", 200, nil, 6},
		{"/api/events?actor=RUR&limit=4", 200, []string{`"next_after":`}, 4},
		{"/api/events?actor=ZZZ", 200, []string{`"items":[]`}, 0},
		{"/api/events?quad=5", 400, []string{"quad=\\\"5\\\" must be a whole number from 1 to 4"}, -1},
		{"/api/events?colour=red", 400, []string{`unknown parameter \"colour\"`}, -1},
		{"/api/events?from=May", 400, []string{"is not a date"}, -1},
		{"/api/events?from=2022-06-01&to=2022-05-01", 400, []string{"is after"}, -1},
		{"/api/events?dyad=RUS", 400, []string{"two actor codes"}, -1},
		{"/api/events?actor=R%27U", 400, []string{"not an actor code"}, -1},
		{"/api/events?limit=0", 400, []string{"limit"}, -1},
		{"/api/documents", 200, []string{`"title":"Ruritania accuses Freedonia of \u003cborder\u003e violations"`, `"doc_id":4`}, 4},
		{"/api/documents?limit=2", 200, []string{`"next_after":2`}, 2},
		{"/api/documents?limit=2&after=2", 200, []string{`"doc_id":3`}, 2},
		{"/api/documents/2", 200, []string{`"events":[{`, `"quotes":[{`, `"kind":"direct"`}, -1},
		{"/api/documents/1", 200, []string{`"title":"Sergey Lavrov says he wants clarifications from Western powers on security"`}, -1},
		{"/api/documents/99", 404, []string{"no such document"}, -1},
		{"/api/documents/abc", 400, []string{"not a document id"}, -1},
		{"/api/actors", 200, []string{`"code":"FRE","as_source":3,"as_target":3`, `"code":"RURGOV"`}, -1},
		{"/api/actors?prefix=fr", 200, []string{`"code":"FRE"`}, 1},
		{"/api/quotes?speaker=RUR", 200, []string{`"text":"We will not accept threats,"`, `"speaker":"Vell","cue":"said"`, `"code":"RURGOV"`}, 3},
		{"/api/quotes?speaker=vell&from=2022-06", 200, nil, 1},
		{"/api/quotes?text=threats&limit=1", 200, []string{`"next_after"`}, 1},
		{"/api/dyads/RUR/FRE/timeline?by=month", 200, []string{`"start":"2022-05-01","events":2,"quad":[0,0,0,2,0],"goldstein":-2`, `"start":"2022-06-01"`}, -1},
		{"/api/dyads/rur/fre/timeline?by=week&either=true", 200, []string{`"start":"2022-05-16","events":2`, `"either":true`}, -1},
		{"/api/dyads/RUR/FRE/timeline?by=year", 400, []string{"by=\\\"year\\\" must be day, week or month"}, -1},
		{"/api/search?q=threats", 200, []string{`"documents":[{`, `"quotes":[{`, `"query":"threats"`}, -1},
		{"/api/search", 400, []string{"parameter q is missing"}, -1},
		{"/api/nothing", 404, []string{"no endpoint GET /api/nothing"}, -1},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			code, body := do(t, "GET", ts.URL+c.path, "", nil)
			if code != c.status {
				t.Fatalf("status %d, want %d: %s", code, c.status, body)
			}
			for _, w := range c.want {
				if !strings.Contains(body, w) {
					t.Errorf("the answer lacks %s:\n%s", w, trunc(body, 3000))
				}
			}
			if c.items >= 0 {
				var p struct{ Items []json.RawMessage }
				if err := json.Unmarshal([]byte(body), &p); err != nil {
					t.Fatal(err)
				}
				if len(p.Items) != c.items {
					t.Errorf("%d items, want %d:\n%s", len(p.Items), c.items, trunc(body, 3000))
				}
			}
		})
	}
}

func TestAPIPaginationWalksEveryEvent(t *testing.T) {
	_, ts := newTestServer(t, Config{Store: testStore(t)})
	seen := map[int64]bool{}
	next := int64(0)
	for pages := 0; pages < 10; pages++ {
		var p page[apiEvent]
		_, body := do(t, "GET", ts.URL+"/api/events?actor=RUR&limit=4&after="+jsonNum(next), "", nil)
		if err := json.Unmarshal([]byte(body), &p); err != nil {
			t.Fatal(err)
		}
		for _, e := range p.Items {
			if seen[e.ID] {
				t.Fatalf("event %d came twice", e.ID)
			}
			seen[e.ID] = true
		}
		if p.NextAfter == 0 {
			break
		}
		next = p.NextAfter
	}
	if len(seen) != 6 {
		t.Fatalf("pages gave %d events, want the 6 events of Ruritania", len(seen))
	}
}

func jsonNum(n int64) string { b, _ := json.Marshal(n); return string(b) }

func TestIngestNeedsTokenAndIsIdempotent(t *testing.T) {
	st := testStore(t)
	_, ts := newTestServer(t, Config{Addr: "0.0.0.0:0", Token: "s3cret", Store: st})
	article := []byte("Freedonia opens its border\n\nFreedonia reopened the border with Ruritania on Friday.")
	if code, body := do(t, "POST", ts.URL+"/api/ingest", "text/plain", article); code != 401 || !strings.Contains(body, "token") {
		t.Fatalf("an ingest without the token answered %d %s, want 401", code, body)
	}
	if code, _ := do(t, "POST", ts.URL+"/api/ingest", "text/plain", article, "Authorization", "Bearer wrong"); code != 401 {
		t.Fatalf("an ingest with a wrong token answered %d, want 401", code)
	}
	code, body := do(t, "POST", ts.URL+"/api/ingest", "text/plain", article, "Authorization", "Bearer s3cret")
	if code != 201 || !strings.Contains(body, `"result":"inserted"`) || !strings.Contains(body, `"id":"api:`) || !strings.Contains(body, `"doc_id":5`) {
		t.Fatalf("the first ingest answered %d %s, want 201 inserted with an id and doc_id 5", code, body)
	}
	code, body = do(t, "POST", ts.URL+"/api/ingest", "text/plain", article, "Authorization", "Bearer s3cret")
	if code != 200 || !strings.Contains(body, `"result":"unchanged"`) || !strings.Contains(body, `"doc_id":5`) {
		t.Fatalf("the second ingest answered %d %s, want 200 unchanged, doc_id 5", code, body)
	}
	_, body = do(t, "GET", ts.URL+"/api/documents", "", nil)
	if !strings.Contains(body, `"title":"Freedonia opens its border"`) || strings.Count(body, `"doc_id"`) != 5 {
		t.Fatalf("the ingested article is not listed once among 5 documents: %s", body)
	}
	// A record stored as it is, with its own layers.
	rec, _ := doc.Encode(handDoc(t, "2022-07-01", "https://wire.example/july"))
	code, body = do(t, "POST", ts.URL+"/api/ingest?code=false", "application/json", rec, "Authorization", "Bearer s3cret")
	if code != 201 || !strings.Contains(body, `"events":2`) {
		t.Fatalf("storing a coded record answered %d %s", code, body)
	}
	if code, body := do(t, "POST", ts.URL+"/api/ingest?code=false", "text/plain", article, "Authorization", "Bearer s3cret"); code != 400 {
		t.Fatalf("code=false with plain text answered %d %s, want 400", code, body)
	}
	// Browsers' cross-site form posts are refused even with no token needed.
	_, ts2 := newTestServer(t, Config{Store: st})
	if code, _ := do(t, "POST", ts2.URL+"/api/ingest", "text/plain", article, "Sec-Fetch-Site", "cross-site"); code != 403 {
		t.Fatalf("a cross-site POST answered %d, want 403", code)
	}
	if code, _ := do(t, "POST", ts2.URL+"/api/ingest", "text/plain", article, "Origin", "https://evil.example"); code != 403 {
		t.Fatalf("a POST from another origin answered %d, want 403", code)
	}
}

func TestLoopbackServerRefusesForeignHost(t *testing.T) {
	_, ts := newTestServer(t, Config{})
	req, _ := http.NewRequest("GET", ts.URL+"/code", nil)
	req.Host = "attacker.example"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMisdirectedRequest {
		t.Fatalf("a request for host attacker.example answered %d, want 421", resp.StatusCode)
	}
	if code, _ := do(t, "GET", strings.Replace(ts.URL, "127.0.0.1", "localhost", 1)+"/code", "", nil); code != 200 {
		t.Fatalf("a request for localhost answered %d, want 200", code)
	}
}

func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	_, ts := newTestServer(t, Config{})
	code, body := do(t, "GET", ts.URL+"/api/openapi.json", "", nil)
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	var spec struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal([]byte(body), &spec); err != nil {
		t.Fatalf("the description is not JSON: %v", err)
	}
	if !strings.HasPrefix(spec.OpenAPI, "3.") {
		t.Errorf("openapi version %q, want 3.x", spec.OpenAPI)
	}
	// Every API route registered in routes() is described, with its method.
	src := readFile(t, "server.go")
	re := regexp.MustCompile(`api\("(GET|POST) (/api/[^"]*)"`)
	n := 0
	for _, m := range re.FindAllStringSubmatch(src, -1) {
		n++
		ops, ok := spec.Paths[m[2]]
		if !ok {
			t.Errorf("route %s %s is not described", m[1], m[2])
			continue
		}
		if _, ok := ops[strings.ToLower(m[1])]; !ok {
			t.Errorf("route %s %s is described without its method", m[1], m[2])
		}
	}
	if n < 9 || len(spec.Paths) != n {
		t.Errorf("%d routes registered, %d described", n, len(spec.Paths))
	}
}

func TestConcurrentRequests(t *testing.T) {
	_, ts := newTestServer(t, Config{Store: testStore(t), Workers: 2})
	errs := make(chan string, 40)
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			text := fmt.Sprintf("Freedonia and Ruritania talk, round %d\n\nThe two governments met for round %d of talks.", i, i)
			if code, body := do(t, "POST", ts.URL+"/api/ingest", "text/plain", []byte(text)); code != 201 {
				errs <- fmt.Sprintf("ingest %d: %d %s", i, code, body)
			}
		}()
		go func() {
			defer wg.Done()
			if code, body := do(t, "GET", ts.URL+"/", "", nil); code != 200 {
				errs <- fmt.Sprintf("home: %d %s", code, trunc(body, 300))
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	_, body := do(t, "GET", ts.URL+"/api/documents?limit=100", "", nil)
	if n := strings.Count(body, `"doc_id"`); n != 24 {
		t.Errorf("%d documents stored, want 4 + 20", n)
	}
}
