package server

import (
	"context"
	"errors"
	"sort"
	"time"

	"dyad/doc"
	"dyad/store"
)

// aggTTL is how long the aggregates are kept before they are computed again.
const aggTTL = 30 * time.Second

// aggClusters is how many event clusters (the most reported first) the aggregates read. A store with
// more clusters gets counts of its most reported events only (aggregates.Partial), which keeps the
// home page fast on big stores (0.3 s for 1 million events) until the store counts dyads itself.
const aggClusters = 20000

// dyadCount is a dyad (primary source and target codes) with its numbers of events and reports.
type dyadCount struct {
	Source   string `json:"source"`
	Target   string `json:"target"`
	Events   int    `json:"events"`
	Clusters int    `json:"clusters"`
}

// actorCount is an actor code with its numbers of events as primary source and as primary target.
type actorCount struct {
	Code     string `json:"code"`
	AsSource int    `json:"as_source"`
	AsTarget int    `json:"as_target"`
	Events   int    `json:"events"`
}

// aggregates are the counts the home page and the actor list show.
type aggregates struct {
	Stats  store.Stats
	Dyads  []dyadCount
	Actors []actorCount
	// Partial reports counts made from the aggClusters most reported clusters only.
	Partial bool
}

// aggregates returns the counts, computed from the event clusters at most every aggTTL.
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
	type pair struct{ s, t string }
	dy := map[pair]*dyadCount{}
	ac := map[string]*actorCount{}
	actor := func(code string) *actorCount {
		a := ac[code]
		if a == nil {
			a = &actorCount{Code: code}
			ac[code] = a
		}
		return a
	}
	seen := 0
	err = s.st.Clusters(ctx, store.Query{Limit: aggClusters}, func(cl *store.Cluster) error {
		seen++
		if cl.Source != "" && cl.Target != "" {
			k := pair{cl.Source, cl.Target}
			d := dy[k]
			if d == nil {
				d = &dyadCount{Source: cl.Source, Target: cl.Target}
				dy[k] = d
			}
			d.Events += cl.Events
			d.Clusters++
		}
		if cl.Source != "" {
			a := actor(cl.Source)
			a.AsSource += cl.Events
			a.Events += cl.Events
		}
		if cl.Target != "" && cl.Target != cl.Source {
			a := actor(cl.Target)
			a.AsTarget += cl.Events
			a.Events += cl.Events
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	a := &aggregates{Stats: st, Partial: seen == aggClusters && st.Clusters > aggClusters}
	for _, d := range dy {
		a.Dyads = append(a.Dyads, *d)
	}
	sort.Slice(a.Dyads, func(i, j int) bool {
		x, y := a.Dyads[i], a.Dyads[j]
		if x.Events != y.Events {
			return x.Events > y.Events
		}
		return x.Source+" "+x.Target < y.Source+" "+y.Target
	})
	for _, x := range ac {
		a.Actors = append(a.Actors, *x)
	}
	sort.Slice(a.Actors, func(i, j int) bool {
		x, y := a.Actors[i], a.Actors[j]
		if x.Events != y.Events {
			return x.Events > y.Events
		}
		return x.Code < y.Code
	})
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

func summarize(id int64, d *doc.Doc) docSummary {
	return docSummary{DocID: id, ID: d.ID, Title: d.Title, URL: d.URL, Published: d.Published, Source: d.Source,
		Sentences: len(d.Sentences), Entities: len(d.Entities), Timexes: len(d.Timexes), Quotes: len(d.Quotes), Events: len(d.Events)}
}

// maxIDGap is how many missing ids in a row listDocuments passes before it decides that no document
// follows.
const maxIDGap = 1000

// listDocuments returns up to limit documents with ids above after, in id order, and the cursor of
// the next page (0 when this page is not full). The store has no listing without layers yet, so it
// reads the documents by id (ids are dense integers in both databases): its cost grows with limit,
// not with after.
func (s *Server) listDocuments(ctx context.Context, after int64, limit int) ([]docSummary, int64, error) {
	out := []docSummary{}
	for id, gap := after+1, 0; len(out) < limit && gap < maxIDGap; id++ {
		d, err := s.st.Get(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			gap++
			continue
		}
		if err != nil {
			return nil, 0, err
		}
		gap = 0
		out = append(out, summarize(id, d))
	}
	if len(out) == limit {
		return out, out[len(out)-1].DocID, nil
	}
	return out, 0, nil
}
