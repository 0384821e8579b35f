package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// Event queries return events in id order a page at a time (ORDER BY id LIMIT n). A database
// planner left to itself either walks the events in id order checking every filter (fast when the
// matches are many, a scan of the whole table when they are few) or reads the matches of one
// filter from its index and sorts all of them (fast when they are few, a sort of hundreds of
// thousands of rows for a common dyad). Events therefore plans the query itself, once per call:
//
//   - it counts what each filter selects, cheaply: dyads and actor codes from the dyads and
//     actor_codes tables (exact counts kept on every write), the text search and the date range by
//     counting index entries up to a cap;
//   - an ordered plan drives the query by the dyad (one index range per code pair, or per code of
//     a one-sided dyad: events (src_code, tgt_code, id), (src_code, id), (tgt_code, id)), by the
//     actor codes (event_actors (code, event_id)) or by the primary key, each range read in id
//     order with the other filters checked per row and stopped after n matches; the ranges are
//     merged in Go;
//   - a gathering plan reads every match of a small filter (the documents of a rare word, a short
//     date range) through its index and sorts them; a date range with only PLOVER type, CAMEO root
//     or QuadClass filters is answered from the index (day, plover, root, quad) alone;
//   - the plan with the fewest expected row visits wins, estimating the share of rows that pass the
//     other filters as the product of their shares (counts over the number of events; fixed
//     guesses for PLOVER type, CAMEO root and QuadClass, which have no index).
const (
	// gatherCap is the most matches a gathering plan reads and sorts.
	gatherCap = 5000
	// dayIndexCap is the most entries of the date index a gathering plan reads when the index
	// answers every filter (only its matches are then sorted).
	dayIndexCap = 50000
	// textDocCap is the most documents a text search may match for the text to drive a gathering plan.
	textDocCap = 500
	// maxPairs is the most code pairs a dyad plan reads one range each; beyond, it reads a range
	// per code of its source side.
	maxPairs = 200
	// branchesPerStatement is how many ranges one SQL statement reads (SQLite allows 500 terms in
	// a compound SELECT).
	branchesPerStatement = 100
)

// branch reads the ids of one index range in id order: SQL with the placeholders "after" and
// "limit" appended last (id > ? ... LIMIT ?).
type branch struct {
	sql  string
	args []any
}

// eventPlan is how Events reads the ids of the matching events.
type eventPlan struct {
	name     string   // for tests and EXPLAIN: "scan", "dyad", "actor", "text", "day"
	branches []branch // ordered ranges (ordered plans), or one gathering query
}

// filterConds returns the row conditions of q over events e, leaving out the filter named skip
// ("dyad", "actor", "text" or "day").
func (s *sqlStore) filterConds(q Query, skip string) *where {
	w := &where{}
	if (q.Source != "" || q.Target != "") && skip != "dyad" {
		c, a := prefixDyad("e.src_code", "e.tgt_code", q.Source, q.Target, q.Either)
		w.add(c, a...)
	}
	if q.Actor != "" && skip != "actor" {
		c, a := prefix("ea.code", q.Actor)
		w.add(`EXISTS (SELECT 1 FROM event_actors ea WHERE ea.doc_id = e.doc_id AND ea.event_idx = e.idx AND `+c+`)`, a...)
	}
	if q.Plover != "" {
		w.add(`e.plover = ?`, strings.ToUpper(q.Plover))
	}
	if q.Root != "" {
		w.add(`e.root = ?`, cameoRoot(q.Root))
	}
	if q.Quad != 0 {
		w.add(`e.quad = ?`, q.Quad)
	}
	if skip != "day" {
		if q.From != "" {
			w.add(`e.day >= ?`, q.From)
		}
		if q.To != "" {
			w.add(`e.day <= ? AND e.day <> ''`, q.To)
		}
	}
	if s.hasText(q) && skip != "text" {
		c, a := s.docText("e.doc_id", q.Text)
		w.add(c, a...)
	}
	return w
}

func (s *sqlStore) hasText(q Query) bool {
	return q.Text != "" && (s.pg || ftsQuery(q.Text) != "")
}

// prefixDyad matches the primary codes by prefix, in one or both directions.
func prefixDyad(srcCol, tgtCol, src, tgt string, either bool) (string, []any) {
	one := func(a, b string) (string, []any) {
		var cs []string
		var args []any
		if a != "" {
			c, x := prefix(srcCol, a)
			cs, args = append(cs, c), append(args, x...)
		}
		if b != "" {
			c, x := prefix(tgtCol, b)
			cs, args = append(cs, c), append(args, x...)
		}
		return "(" + strings.Join(cs, " AND ") + ")", args
	}
	c1, a1 := one(src, tgt)
	if !either || src == tgt {
		return c1, a1
	}
	c2, a2 := one(tgt, src)
	return "(" + c1 + " OR " + c2 + ")", append(a1, a2...)
}

// and joins a condition list after a first condition.
func and(w *where) string {
	if len(w.conds) == 0 {
		return ""
	}
	return " AND " + strings.Join(w.conds, " AND ")
}

// indexed names an index for SQLite (INDEXED BY) and nothing for PostgreSQL, whose planner chooses.
func (s *sqlStore) indexed(name string) string {
	if s.pg {
		return ""
	}
	return " INDEXED BY " + name
}

// planEvents chooses how to read the events of q; need is how many ids the first page reads.
func (s *sqlStore) planEvents(ctx context.Context, q Query, need int) (*eventPlan, error) {
	var total, docs int64
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE((SELECT MAX(id) FROM events), 0), COALESCE((SELECT MAX(id) FROM documents), 0)`).Scan(&total, &docs); err != nil {
		return nil, fmt.Errorf("store: events: %w", err)
	}
	total, docs = max(total, 1), max(docs, 1)
	if need <= 0 {
		need = pageSize
	}
	// share of the events each filter keeps
	share := map[string]float64{}
	type cand struct {
		name  string
		cost  float64
		build func() []branch
	}
	var cands []cand
	frac := func(n int64) float64 { return min(1, float64(max(n, 1))/float64(total)) }

	var dyadBranches func() []branch
	if q.Source != "" || q.Target != "" {
		n, build, err := s.dyadDriver(ctx, q)
		if err != nil {
			return nil, err
		}
		share["dyad"], dyadBranches = frac(n), build
		cands = append(cands, cand{"dyad", float64(n), nil})
	}
	var actorCodes []string
	if q.Actor != "" {
		lo, hi := q.Actor, q.Actor+prefixHi
		rows, err := s.query(ctx, `SELECT code, n FROM actor_codes WHERE code >= ? AND code < ? ORDER BY code`, lo, hi)
		if err != nil {
			return nil, fmt.Errorf("store: events: %w", err)
		}
		var n int64
		for rows.Next() {
			var c string
			var k int64
			if err := rows.Scan(&c, &k); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: events: %w", err)
			}
			actorCodes, n = append(actorCodes, c), n+k
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("store: events: %w", err)
		}
		share["actor"] = frac(n)
		cands = append(cands, cand{"actor", float64(n), nil})
	}
	if s.hasText(q) {
		var n int64
		var err error
		if s.pg {
			err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM documents WHERE tsv @@ plainto_tsquery('english', $1) LIMIT $2) t`,
				q.Text, textDocCap+1).Scan(&n)
		} else {
			err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM docs_fts WHERE docs_fts MATCH ? LIMIT ?)`,
				ftsQuery(q.Text), textDocCap+1).Scan(&n)
		}
		if err != nil {
			return nil, fmt.Errorf("store: events: text search: %w", err)
		}
		events := n * total / docs // the documents' events, estimated
		share["text"] = frac(events)
		if n <= textDocCap {
			cands = append(cands, cand{"text", float64(events) * 1.5, nil})
		}
	}
	rest := 1.0 // share of the filters without an index
	if q.Plover != "" {
		rest *= 0.05
	}
	if q.Root != "" {
		rest *= 0.05
	}
	if q.Quad != 0 {
		rest *= 0.3
	}
	if q.From != "" || q.To != "" {
		lo, hi := q.From, q.To
		if hi == "" {
			hi = prefixHi
		}
		if lo == "" {
			lo = "0" // after '' (no day)
		}
		// Without a dyad, actor or text filter, the index (day, plover, root, quad) answers every
		// condition: its entries are cheap to read and only the matches are sorted.
		indexOnly := q.Source == "" && q.Target == "" && q.Actor == "" && !s.hasText(q)
		limit := int64(gatherCap)
		if indexOnly {
			limit = dayIndexCap
		}
		var n int64
		err := s.db.QueryRowContext(ctx, rebind(`SELECT COUNT(*) FROM (SELECT 1 FROM events`+s.indexed("events_day")+
			` WHERE day >= ? AND day <= ? LIMIT ?) t`, s.pg), lo, hi, limit+1).Scan(&n)
		if err != nil {
			return nil, fmt.Errorf("store: events: %w", err)
		}
		share["day"] = frac(n)
		if n <= limit {
			cost := float64(n) * 1.5
			if indexOnly {
				cost = float64(n)*0.1 + float64(n)*rest*1.5
			}
			cands = append(cands, cand{"day", cost, nil})
		}
	}
	cands = append(cands, cand{"scan", float64(total), nil})
	best := -1
	for i := range cands {
		c := &cands[i]
		if c.name == "text" || c.name == "day" {
			// gathering: every match is read (already in cost)
		} else {
			other := rest
			for f, x := range share {
				if f != c.name {
					other *= x
				}
			}
			// ordered: read until need matches, at most the whole range
			c.cost = min(c.cost, float64(need)/max(other, 1e-9))
		}
		if best < 0 || c.cost < cands[best].cost {
			best = i
		}
	}
	for i, c := range cands {
		if c.name == s.force {
			best = i
		}
	}
	p := &eventPlan{name: cands[best].name}
	switch p.name {
	case "scan":
		w := s.filterConds(q, "")
		from := "events e"
		if !s.pg {
			from = "events AS e NOT INDEXED"
		}
		p.branches = []branch{{`SELECT e.id FROM ` + from + ` WHERE ` + strings.Join(append(w.conds, `e.id > ?`), " AND ") + ` ORDER BY e.id LIMIT ?`, w.args}}
	case "dyad":
		p.branches = dyadBranches()
	case "actor":
		w := s.filterConds(q, "actor")
		for _, c := range actorCodes {
			if len(w.conds) == 0 {
				p.branches = append(p.branches, branch{`SELECT DISTINCT event_id AS id FROM event_actors` + s.indexed("event_actors_code") +
					` WHERE code = ? AND event_id > ? ORDER BY event_id LIMIT ?`, []any{c}})
				continue
			}
			join := " CROSS JOIN events e" // SQLite: the actor index drives, events are looked up
			if s.pg {
				join = " JOIN events e ON true"
			}
			p.branches = append(p.branches, branch{`SELECT DISTINCT ea.event_id AS id FROM event_actors AS ea` + s.indexed("event_actors_code") + join +
				` WHERE ea.code = ? AND e.id = ea.event_id` + and(w) + ` AND ea.event_id > ? ORDER BY ea.event_id LIMIT ?`,
				append([]any{c}, w.args...)})
		}
	case "text", "day":
		// The driving filter first, so that SQLite reads its index; "+ 0" keeps it from walking
		// the primary key for the order.
		w := s.filterConds(q, p.name)
		var drive *where
		if p.name == "text" {
			drive = s.filterConds(Query{Text: q.Text}, "")
		} else {
			drive = s.filterConds(Query{From: q.From, To: q.To}, "")
		}
		all := &where{conds: append(drive.conds, w.conds...), args: append(drive.args, w.args...)}
		from := "events e"
		if !s.pg && p.name == "day" {
			from = "events AS e INDEXED BY events_day"
		}
		p.branches = []branch{{`SELECT e.id FROM ` + from + all.String() + ` AND e.id > ? ORDER BY e.id + 0 LIMIT ?`, all.args}}
	}
	return p, nil
}

// dyadDriver counts the events of the dyad of q from the dyads table and returns a builder of its
// ordered ranges: one per code pair when both sides are given (and the pairs are few), else one per
// code of the source side, or of the target side.
func (s *sqlStore) dyadDriver(ctx context.Context, q Query) (int64, func() []branch, error) {
	type pair struct {
		src, tgt string
		n        int64
	}
	var pairs []pair
	read := func(src, tgt string) error {
		w := &where{}
		if src != "" {
			c, a := prefix("src", src)
			w.add(c, a...)
		}
		if tgt != "" {
			c, a := prefix("tgt", tgt)
			w.add(c, a...)
		}
		rows, err := s.query(ctx, `SELECT src, tgt, n FROM dyads`+w.String(), w.args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var p pair
			if err := rows.Scan(&p.src, &p.tgt, &p.n); err != nil {
				return err
			}
			pairs = append(pairs, p)
		}
		return rows.Err()
	}
	if err := read(q.Source, q.Target); err != nil {
		return 0, nil, fmt.Errorf("store: events: %w", err)
	}
	if q.Either && q.Source != q.Target {
		if err := read(q.Target, q.Source); err != nil {
			return 0, nil, fmt.Errorf("store: events: %w", err)
		}
	}
	// A pair read twice (both directions match it) is counted and read once.
	slices.SortFunc(pairs, func(a, b pair) int { return strings.Compare(a.src+"\x00"+a.tgt, b.src+"\x00"+b.tgt) })
	pairs = slices.CompactFunc(pairs, func(a, b pair) bool { return a.src == b.src && a.tgt == b.tgt })
	var n int64
	for _, p := range pairs {
		n += p.n
	}
	build := func() []branch {
		var out []branch
		if len(pairs) <= maxPairs && q.Source != "" && q.Target != "" {
			w := s.filterConds(q, "dyad")
			for _, p := range pairs {
				out = append(out, branch{`SELECT e.id FROM events e` + s.indexed("events_pair") +
					` WHERE e.src_code = ? AND e.tgt_code = ?` + and(w) + ` AND e.id > ? ORDER BY e.id LIMIT ?`,
					append([]any{p.src, p.tgt}, w.args...)})
			}
			return out
		}
		// One range per code of a side; the dyad itself stays a row condition.
		w := s.filterConds(q, "")
		side := func(col, index string, codes map[string]bool) {
			keys := make([]string, 0, len(codes))
			for c := range codes {
				keys = append(keys, c)
			}
			slices.Sort(keys)
			for _, c := range keys {
				out = append(out, branch{`SELECT e.id FROM events e` + s.indexed(index) +
					` WHERE e.` + col + ` = ?` + and(w) + ` AND e.id > ? ORDER BY e.id LIMIT ?`, append([]any{c}, w.args...)})
			}
		}
		srcs, tgts := map[string]bool{}, map[string]bool{}
		for _, p := range pairs {
			// Each pair is reached through the side that its direction constrains.
			switch {
			case q.Source != "" && strings.HasPrefix(p.src, q.Source) && (q.Target == "" || strings.HasPrefix(p.tgt, q.Target)):
				srcs[p.src] = true
			case q.Target != "" && q.Source == "" && strings.HasPrefix(p.tgt, q.Target):
				tgts[p.tgt] = true
			case q.Either && q.Target != "" && strings.HasPrefix(p.src, q.Target):
				srcs[p.src] = true
			case q.Either && q.Source != "" && strings.HasPrefix(p.tgt, q.Source):
				tgts[p.tgt] = true
			}
		}
		side("src_code", "events_src", srcs)
		side("tgt_code", "events_tgt", tgts)
		return out
	}
	return n, build, nil
}

// planIDs reads up to limit ids above after (skipping offset first) through the plan's ranges.
func (s *sqlStore) planIDs(ctx context.Context, p *eventPlan, after int64, limit, offset int) ([]int64, error) {
	need := limit + offset
	var ids []int64
	for start := 0; start < len(p.branches); start += branchesPerStatement {
		group := p.branches[start:min(len(p.branches), start+branchesPerStatement)]
		var sb strings.Builder
		var args []any
		for i, b := range group {
			if i > 0 {
				sb.WriteString(" UNION ALL ")
			}
			fmt.Fprintf(&sb, "SELECT id FROM (%s) AS b%d", b.sql, i)
			args = append(append(args, b.args...), after, need)
		}
		rows, err := s.query(ctx, sb.String(), args...)
		if err != nil {
			return nil, fmt.Errorf("store: events: %w", err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: events: %w", err)
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("store: events: %w", err)
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	if offset >= len(ids) {
		return nil, nil
	}
	ids = ids[offset:]
	return ids[:min(len(ids), limit)], nil
}
