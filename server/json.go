package server

import (
	"encoding/json"
	"net/http"

	"dyad/doc"
	"dyad/ontology"
	"dyad/store"
)

// writeJSON answers v as JSON with the status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b, _ = json.Marshal(map[string]any{"error": "encoding the answer: " + err.Error(), "status": status})
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

// writeRaw answers an already encoded JSON value.
func writeRaw(w http.ResponseWriter, status int, b []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

// page is the answer of a list endpoint: the items, and the cursor of the next page when there may
// be one (pass it as after=).
type page[T any] struct {
	Items []T `json:"items"`
	// NextAfter is the id to pass as after= for the next page; absent on the last page.
	NextAfter int64 `json:"next_after,omitempty"`
}

// apiActor is an actor in API answers. Mention offsets are left out: they are byte offsets of the
// stored text; the document record (/api/documents/{id}) has them in code points.
type apiActor struct {
	Name    string `json:"name"`
	Country string `json:"country"`
	Sector  string `json:"sector"`
	Code    string `json:"code"`
	Role    string `json:"role,omitempty"`
	Rule    string `json:"rule,omitempty"`
}

func toActors(as []doc.Actor) []apiActor {
	out := make([]apiActor, len(as))
	for i, a := range as {
		out[i] = apiActor{a.Name, a.Country, a.Sector, a.Code, a.Role, a.Rule}
	}
	return out
}

// apiArticle names the article an event or quote came from.
type apiArticle struct {
	DocID     int64  `json:"doc_id"`
	ID        string `json:"id,omitempty"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
}

// apiEvent is an event in API answers.
type apiEvent struct {
	ID        int64      `json:"id"`
	Index     int        `json:"index"`
	Article   apiArticle `json:"article"`
	Sentence  string     `json:"sentence"`
	Trigger   string     `json:"trigger"`
	Cameo     string     `json:"cameo"`
	CameoName string     `json:"cameo_name,omitempty"`
	Plover    string     `json:"plover"`
	Mode      string     `json:"mode"`
	Goldstein float64    `json:"goldstein"`
	QuadClass int        `json:"quad_class"`
	Source    []apiActor `json:"source"`
	Target    []apiActor `json:"target"`
	Date      string     `json:"date"`
	DateBasis string     `json:"date_basis,omitempty"`
	Day       string     `json:"day,omitempty"`
	Negated   bool       `json:"negated"`
	Modality  string     `json:"modality,omitempty"`
	Rule      string     `json:"rule,omitempty"`
	IsRoot    bool       `json:"is_root"`
	Cluster   apiCluster `json:"cluster"`
}

// apiCluster is the cluster of an event: the reports of the same event.
type apiCluster struct {
	Key      string `json:"key"`
	Events   int    `json:"events"`
	Articles int    `json:"articles"`
	Sources  int    `json:"sources"`
}

func toEvent(r *store.EventRow) apiEvent {
	e := apiEvent{
		ID: r.ID, Index: r.Index,
		Article:  apiArticle{r.DocID, r.ArticleID, r.Title, r.URL, r.Published, r.Outlet},
		Sentence: r.SentenceText, Trigger: r.Trigger.Text, Cameo: r.Cameo, Plover: r.Plover, Mode: r.Mode,
		Goldstein: r.Goldstein, QuadClass: r.QuadClass, Source: toActors(r.Source), Target: toActors(r.Target),
		Date: r.Date, DateBasis: r.DateBasis, Day: r.Day, Negated: r.Negated, Modality: r.Modality, Rule: r.Rule,
		IsRoot:  r.IsRoot,
		Cluster: apiCluster{r.Cluster.Key, r.Cluster.Events, r.Cluster.Articles, r.Cluster.Sources},
	}
	if c, ok := ontology.Cameo(r.Cameo); ok {
		e.CameoName = c.Name
	}
	return e
}

// apiQuote is a quote in API answers.
type apiQuote struct {
	ID      int64      `json:"id"`
	Index   int        `json:"index"`
	Article apiArticle `json:"article"`
	Text    string     `json:"text"`
	Kind    string     `json:"kind"`
	Speaker string     `json:"speaker,omitempty"`
	Cue     string     `json:"cue,omitempty"`
	Actor   *apiActor  `json:"actor,omitempty"`
	Events  []int      `json:"events,omitempty"`
	Rule    string     `json:"rule,omitempty"`
}

func toQuote(r *store.QuoteRow) apiQuote {
	q := apiQuote{ID: r.ID, Index: r.Index, Article: apiArticle{r.DocID, r.ArticleID, r.Title, r.URL, r.Published, r.Outlet},
		Text: r.Text, Kind: r.Kind, Events: r.Events, Rule: r.Rule}
	if r.Cue != nil {
		q.Cue = r.Cue.Text
	}
	if r.Speaker != nil {
		q.Speaker = r.Speaker.Text
		if a := r.Speaker.Actor; a != nil {
			q.Actor = &apiActor{a.Name, a.Country, a.Sector, a.Code, a.Role, a.Rule}
		}
	}
	return q
}
