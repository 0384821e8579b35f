package store

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"dyad/doc"
)

// TestEventPlans checks every event plan (ordered by primary key, dyad ranges, actor ranges;
// gathering by text or dates) against a filter written in Go, page by page, on a store whose event
// ids are out of document order (documents re-coded after others).
func TestEventPlans(t *testing.T) {
	forEach(t, func(t *testing.T, st Store) {
		s := st.(*sqlStore)
		r := rand.New(rand.NewPCG(5, 6))
		codes := []string{"USAGOV", "RUSGOV", "RUS", "UKRMIL", "USA", "CHNGOV", "RUSMIL", "IGOWSTNAT"}
		var ds []*doc.Doc
		for i := range 60 {
			d := synthDoc(r, i, 6, codes)
			// a second source or target actor for some events, so that the actor filter differs
			// from the dyad
			for j := range d.Events {
				if j%3 == 0 {
					c := codes[r.IntN(len(codes))]
					d.Events[j].Target = append(d.Events[j].Target, doc.Actor{Code: c, Country: c[:3]})
				}
			}
			ds = append(ds, d)
		}
		if _, err := s.PutBatch(ctx, ds); err != nil {
			t.Fatal(err)
		}
		// re-code a few early documents: their events get the highest ids
		for _, i := range []int{3, 10, 11} {
			d := ds[i]
			d.Events = d.Events[:4]
			d.Events[0].Source = []doc.Actor{{Code: "RUSMIL", Country: "RUS"}}
			if _, _, err := s.Put(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
		var all []*EventRow
		if err := s.Events(ctx, Query{}, func(e *EventRow) error { all = append(all, e); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(all) != 57*6+3*4 {
			t.Fatalf("%d events stored, want %d", len(all), 57*6+3*4)
		}
		has := func(as []doc.Actor, p string) bool {
			for _, a := range as {
				if strings.HasPrefix(a.Code, p) {
					return true
				}
			}
			return false
		}
		code := func(as []doc.Actor) string {
			if len(as) == 0 {
				return ""
			}
			return as[0].Code
		}
		match := func(q Query, e *EventRow) bool {
			src, tgt := code(e.Source), code(e.Target)
			dy := func(a, b string) bool { return strings.HasPrefix(src, a) && strings.HasPrefix(tgt, b) }
			switch {
			case q.Actor != "" && !has(e.Source, q.Actor) && !has(e.Target, q.Actor),
				(q.Source != "" || q.Target != "") && !dy(q.Source, q.Target) && !(q.Either && dy(q.Target, q.Source)),
				q.Root != "" && e.Cameo[:2] != q.Root,
				q.Quad != 0 && e.QuadClass != q.Quad,
				q.From != "" && (e.Day == "" || e.Day < q.From),
				q.To != "" && (e.Day == "" || e.Day > q.To),
				q.Text != "" && !slices.Contains(strings.Fields(strings.TrimSuffix(e.SentenceText, ".")), q.Text):
				return false
			}
			return true
		}
		queries := []Query{
			{}, {Actor: "RUS"}, {Actor: "IGO"}, {Source: "USA", Target: "RUS"}, {Source: "RUS", Target: "USA", Either: true},
			{Source: "RUS"}, {Target: "UKR"}, {Source: "RUS", Either: true}, {Target: "RUS", Either: true},
			{Actor: "USA", Quad: 4}, {Source: "RUS", Target: "UKR", From: "2014-01-01", To: "2016-12-31"},
			{From: "2012-03-01", To: "2013-06-30"}, {Text: "17"}, {Text: "17", Actor: "RUS"}, {Root: "05", Quad: 2},
			{Actor: "RUSMIL", Source: "USA", Either: true}, {Source: "ZZZ"}, {Actor: "ZZZ"},
		}
		for _, q := range queries {
			var want []int64
			for _, e := range all {
				if match(q, e) {
					want = append(want, e.ID)
				}
			}
			for _, plan := range []string{"", "scan", "dyad", "actor", "text", "day"} {
				s.force = plan
				name := fmt.Sprintf("%+v plan %q", q, plan)
				// all at once
				var got []int64
				if err := s.Events(ctx, q, func(e *EventRow) error { got = append(got, e.ID); return nil }); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s: got %d events %v, want %d %v", name, len(got), got, len(want), want)
					continue
				}
				// pages of 7 by keyset, and an offset
				got = got[:0]
				pq := q
				pq.Limit = 7
				for {
					n := 0
					if err := s.Events(ctx, pq, func(e *EventRow) error { got = append(got, e.ID); pq.After = e.ID; n++; return nil }); err != nil {
						t.Fatal(err)
					}
					if n < 7 {
						break
					}
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s: by pages of 7 got %v, want %v", name, got, want)
				}
				got = got[:0]
				oq := q
				oq.Limit, oq.Offset = 5, 3
				s.Events(ctx, oq, func(e *EventRow) error { got = append(got, e.ID); return nil })
				if w := want[min(3, len(want)):min(8, len(want))]; !slices.Equal(got, w) {
					t.Errorf("%s: limit 5 offset 3 got %v, want %v", name, got, w)
				}
			}
			s.force = ""
		}
	})
}
