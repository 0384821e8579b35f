package server

import (
	"net/http"
	"slices"
	"sort"

	"dyad/doc"
	"dyad/store"
)

// actorPage is the data of the actor page.
type actorPage struct {
	basePage
	Code                   string
	Names                  []string
	Roles                  []roleSeen
	Partners               []string
	AsSource, AsTarget     []apiEvent
	MoreSource, MoreTarget bool
	Quotes                 []apiQuote
}

// roleSeen is a role an actor held in the articles, with the first and last publication dates.
type roleSeen struct {
	Name, Code, Role, First, Last string
}

// actorEvents is how many events of each side the actor page shows.
const actorEvents = 100

// pageActor shows an actor code: its events as (primary) source and target, the quotes its speakers
// said, the names and roles it was coded from, with the dates of the articles that show them.
func (s *Server) pageActor(w http.ResponseWriter, r *http.Request) error {
	if s.st == nil {
		return errNoStore
	}
	p := &params{v: r.URL.Query()}
	code := p.checkCode("{code}", upper(r.PathValue("code")))
	if p.err != nil {
		return p.err
	}
	if code == "" {
		return errorf(http.StatusBadRequest, "an actor page needs an actor code: /actors/RUSGOV")
	}
	pg := &actorPage{basePage: s.base(code), Code: code, AsSource: []apiEvent{}, AsTarget: []apiEvent{}, Quotes: []apiQuote{}}
	roles := map[roleSeen]*roleSeen{}
	names := map[string]bool{}
	partners := map[string]bool{}
	seen := func(as []doc.Actor, published string) {
		for _, a := range as {
			if len(a.Code) < len(code) || a.Code[:len(code)] != code {
				continue
			}
			if a.Name != "" {
				names[a.Name] = true
			}
			k := roleSeen{Name: a.Name, Code: a.Code, Role: a.Role}
			day := published
			if len(day) > 10 {
				day = day[:10]
			}
			x := roles[k]
			if x == nil {
				x = &roleSeen{Name: a.Name, Code: a.Code, Role: a.Role, First: day, Last: day}
				roles[k] = x
			}
			if day != "" && (x.First == "" || day < x.First) {
				x.First = day
			}
			if day > x.Last {
				x.Last = day
			}
		}
	}
	collect := func(q store.Query, out *[]apiEvent, more *bool, other func(*store.EventRow) []doc.Actor) error {
		q.Limit = actorEvents + 1
		return s.st.Events(r.Context(), q, func(e *store.EventRow) error {
			if len(*out) == actorEvents {
				*more = true
				return nil
			}
			seen(e.Source, e.Published)
			seen(e.Target, e.Published)
			if o := other(e); len(o) > 0 && o[0].Code != "" {
				partners[o[0].Code] = true
			}
			*out = append(*out, toEvent(e))
			return nil
		})
	}
	if err := collect(store.Query{Source: code}, &pg.AsSource, &pg.MoreSource, func(e *store.EventRow) []doc.Actor { return e.Target }); err != nil {
		return err
	}
	if err := collect(store.Query{Target: code}, &pg.AsTarget, &pg.MoreTarget, func(e *store.EventRow) []doc.Actor { return nil }); err != nil {
		return err
	}
	err := s.st.Quotes(r.Context(), store.QuoteQuery{Speaker: code, Limit: 100}, func(x *store.QuoteRow) error {
		if x.Speaker != nil && x.Speaker.Actor != nil {
			seen([]doc.Actor{*x.Speaker.Actor}, x.Published)
		}
		pg.Quotes = append(pg.Quotes, toQuote(x))
		return nil
	})
	if err != nil {
		return err
	}
	for n := range names {
		pg.Names = append(pg.Names, n)
	}
	slices.Sort(pg.Names)
	for _, x := range roles {
		if x.Role != "" || x.Name != "" {
			pg.Roles = append(pg.Roles, *x)
		}
	}
	sort.Slice(pg.Roles, func(i, j int) bool {
		a, b := pg.Roles[i], pg.Roles[j]
		if a.First != b.First {
			return a.First < b.First
		}
		return a.Name+a.Role < b.Name+b.Role
	})
	for c := range partners {
		pg.Partners = append(pg.Partners, c)
	}
	slices.Sort(pg.Partners)
	s.render(w, r, http.StatusOK, "actor", pg)
	return nil
}
