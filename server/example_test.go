package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"dyad/server"
)

// A server without a store codes posted articles: here a plain-text article (headline, blank line,
// body) posted to /api/code comes back as a dyad record.
func Example() {
	s, err := server.New(server.Config{Addr: "127.0.0.1:8080"})
	if err != nil {
		panic(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()

	article := "Freedonia recalls its ambassador\n\nFreedonia recalled its ambassador to Ruritania on Tuesday."
	resp, err := http.Post(ts.URL+"/api/code", "text/plain", strings.NewReader(article))
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	var rec struct {
		Title     string
		Text      string
		Sentences [][2]int
	}
	if err := json.NewDecoder(resp.Body).Decode(&rec); err != nil {
		panic(err)
	}
	fmt.Println(resp.StatusCode, rec.Title)
	for _, s := range rec.Sentences {
		fmt.Printf("%q\n", rec.Text[s[0]:s[1]])
	}

	// A server that listens beyond this machine needs a token.
	_, err = server.New(server.Config{Addr: ":8080"})
	fmt.Println(err != nil)
	// Output:
	// 200 Freedonia recalls its ambassador
	// "Freedonia recalls its ambassador"
	// "Freedonia recalled its ambassador to Ruritania on Tuesday."
	// true
}
