package server

import (
	"context"
	"time"

	"dyad/store"
)

// aggTTL is how long the aggregates are kept before they are read again.
const aggTTL = 30 * time.Second

// aggDyads and aggActors are how many of the most active dyads and actors the aggregates hold.
const (
	aggDyads  = 50
	aggActors = 50
)

// dyadCount is a dyad (primary source and target codes) with its number of events.
type dyadCount struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Events int64  `json:"events"`
}

// actorCount is an actor code with its numbers of events as primary source, as primary target,
// as either (once), and among all the actors of events.
type actorCount struct {
	Code     string `json:"code"`
	AsSource int64  `json:"as_source"`
	AsTarget int64  `json:"as_target"`
	Events   int64  `json:"events"`
	Mentions int64  `json:"mentions"`
}

func toActorCount(a *store.ActorCount) actorCount {
	return actorCount{Code: a.Code, AsSource: a.AsSource, AsTarget: a.AsTarget, Events: a.Events, Mentions: a.Mentions}
}

// aggregates are the counts the home page shows.
type aggregates struct {
	Stats  store.Stats
	Dyads  []dyadCount
	Actors []actorCount
}

// aggregates returns the counts, read from the store's pre-aggregated tables at most every aggTTL.
func (s *Server) aggregates(ctx context.Context) (*aggregates, error) {
	c := &s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.aggs != nil && time.Since(c.at) < aggTTL {
		return c.aggs, nil
	}
	st, err := s.st.Stats(ctx)
	if err != nil {
		return nil, err
	}
	a := &aggregates{Stats: st, Dyads: []dyadCount{}, Actors: []actorCount{}}
	err = s.st.Dyads(ctx, store.Query{Limit: aggDyads}, func(d *store.DyadCount) error {
		a.Dyads = append(a.Dyads, dyadCount{Source: d.Source, Target: d.Target, Events: d.Events})
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = s.st.Actors(ctx, store.ActorQuery{Limit: aggActors}, func(x *store.ActorCount) error {
		a.Actors = append(a.Actors, toActorCount(x))
		return nil
	})
	if err != nil {
		return nil, err
	}
	c.aggs, c.at = a, time.Now()
	return a, nil
}

// docSummary describes a stored document without its layers.
type docSummary struct {
	DocID     int64  `json:"doc_id"`
	ID        string `json:"id,omitempty"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Source    string `json:"source,omitempty"`
	Sentences int    `json:"sentences"`
	Entities  int    `json:"entities"`
	Timexes   int    `json:"timexes"`
	Quotes    int    `json:"quotes"`
	Events    int    `json:"events"`
}

func summarize(d *store.DocSummary) docSummary {
	return docSummary{DocID: d.ID, ID: d.ArticleID, Title: d.Title, URL: d.URL, Published: d.Published, Source: d.Source,
		Sentences: d.Sentences, Entities: d.Entities, Timexes: d.Timexes, Quotes: d.Quotes, Events: d.Events}
}

// listDocuments returns up to limit documents with ids above after, in id order, and the cursor of
// the next page (0 when this page is not full).
func (s *Server) listDocuments(ctx context.Context, after int64, limit int) ([]docSummary, int64, error) {
	out := []docSummary{}
	err := s.st.Documents(ctx, store.DocQuery{After: after, Limit: limit}, func(d *store.DocSummary) error {
		out = append(out, summarize(d))
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	if len(out) == limit {
		return out, out[len(out)-1].DocID, nil
	}
	return out, 0, nil
}
