package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	"dyad/doc"
)

// pageSize is how many rows a streaming query fetches at a time.
const pageSize = 1000

// prefixHi is an upper bound for codes that start with a prefix: codes are ASCII, and U+10FFFF
// sorts after every ASCII byte in SQLite's BINARY and PostgreSQL's "C" collation.
const prefixHi = "\U0010FFFF"

// where accumulates SQL conditions and their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// prefix adds "col starts with p" to a condition list, returning the SQL and arguments.
func prefix(col, p string) (string, []any) {
	return col + " >= ? AND " + col + " < ?", []any{p, p + prefixHi}
}

// ftsQuery turns words into an FTS5 query that needs all of them, each quoted so that no word is
// read as an operator.
func ftsQuery(s string) string {
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	return strings.Join(words, " ")
}

// docText returns the condition "document column col matches text".
func (s *sqlStore) docText(col, text string) (string, []any) {
	if s.pg {
		return col + ` IN (SELECT id FROM documents WHERE tsv @@ plainto_tsquery('english', ?))`, []any{text}
	}
	return col + ` IN (SELECT rowid FROM docs_fts WHERE docs_fts MATCH ?)`, []any{ftsQuery(text)}
}

// eventWhere builds the conditions of q over events e.
func (s *sqlStore) eventWhere(q Query) *where {
	w := &where{}
	if q.Actor != "" {
		c, a := prefix("code", q.Actor)
		w.add(`e.id IN (SELECT event_id FROM event_actors WHERE `+c+`)`, a...)
	}
	if q.Source != "" || q.Target != "" {
		c, a := codesDyad("e.src_code", "e.tgt_code", q.Source, q.Target, q.Either)
		w.add(c, a...)
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
	if q.From != "" {
		w.add(`e.day >= ?`, q.From)
	}
	if q.To != "" {
		w.add(`e.day <= ? AND e.day <> ''`, q.To)
	}
	if q.Text != "" && (s.pg || ftsQuery(q.Text) != "") {
		c, a := s.docText("e.doc_id", q.Text)
		w.add(c, a...)
	}
	return w
}

func (s *sqlStore) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, rebind(q, s.pg), args...)
}

// paginate runs page(after, limit, offset) until it returns fewer rows than asked or the limit is met.
// page returns the number of rows it delivered and the last id.
func paginate(limit, offset int, after int64, page func(after int64, n, offset int) (int, int64, error)) error {
	left := limit
	for {
		n := pageSize
		if limit > 0 {
			if left <= 0 {
				return nil
			}
			n = min(n, left)
		}
		got, last, err := page(after, n, offset)
		if err != nil {
			return err
		}
		offset = 0
		left -= got
		if got < n {
			return nil
		}
		after = last
	}
}

const eventSelect = `SELECT e.id, e.doc_id, e.idx, e.sent_start, e.sent_end, e.sentence_text, e.trig_start, e.trig_end,
	e.trigger_text, e.plover, e.mode, e.cameo, e.goldstein, e.quad, e.date, e.date_basis, e.negated, e.modality,
	e.rule, e.day, e.is_root, e.cluster, d.article_id, d.hash, d.url, d.title, d.published, d.outlet, d.added,
	COALESCE(c.day, ''), COALESCE(c.src, ''), COALESCE(c.tgt, ''), COALESCE(c.root, ''),
	COALESCE(c.n_events, 0), COALESCE(c.n_articles, 0), COALESCE(c.n_sources, 0)
	FROM events e JOIN documents d ON d.id = e.doc_id LEFT JOIN clusters c ON c.key = e.cluster`

// dest lists the scan destinations of eventSelect's columns.
func (r *EventRow) dest() []any {
	e := &r.Event
	return []any{&r.ID, &r.DocID, &r.Index, &e.Sentence.Start, &e.Sentence.End, &r.SentenceText,
		&e.Trigger.Start, &e.Trigger.End, &e.Trigger.Text, &e.Plover, &e.Mode, &e.Cameo, &e.Goldstein,
		&e.QuadClass, &e.Date, &e.DateBasis, &e.Negated, &e.Modality, &e.Rule, &r.Day, &r.IsRoot,
		&r.Cluster.Key, &r.ArticleID, &r.Hash, &r.URL, &r.Title, &r.Published, &r.Outlet, &r.Added,
		&r.Cluster.Day, &r.Cluster.Source, &r.Cluster.Target, &r.Cluster.Root,
		&r.Cluster.Events, &r.Cluster.Articles, &r.Cluster.Sources}
}

// Events implements Store. See planEvents for how the matching ids are read.
func (s *sqlStore) Events(ctx context.Context, q Query, fn func(*EventRow) error) error {
	plan, err := s.planEvents(ctx, q, q.Limit+q.Offset)
	if err != nil {
		return err
	}
	return paginate(q.Limit, q.Offset, q.After, func(after int64, n, offset int) (int, int64, error) {
		ids, err := s.planIDs(ctx, plan, after, n, offset)
		if err != nil || len(ids) == 0 {
			return 0, 0, err
		}
		rows, err := s.query(ctx, eventSelect+` WHERE e.id IN `+s.inIDs()+` ORDER BY e.id`, s.idsArg(ids))
		if err != nil {
			return 0, 0, fmt.Errorf("store: events: %w", err)
		}
		var page []*EventRow
		for rows.Next() {
			r := &EventRow{}
			if err := rows.Scan(r.dest()...); err != nil {
				rows.Close()
				return 0, 0, fmt.Errorf("store: events: %w", err)
			}
			page = append(page, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return 0, 0, fmt.Errorf("store: events: %w", err)
		}
		if err := s.loadActors(ctx, page); err != nil {
			return 0, 0, err
		}
		for _, r := range page {
			if err := fn(r); err != nil {
				return 0, 0, err
			}
		}
		// A page is full when the plan found n ids, even if one vanished meanwhile.
		return len(ids), ids[len(ids)-1], nil
	})
}

// loadActors fills the source and target actors of a page of events.
func (s *sqlStore) loadActors(ctx context.Context, page []*EventRow) error {
	if len(page) == 0 {
		return nil
	}
	type key struct {
		doc int64
		idx int
	}
	byKey := make(map[key]*EventRow, len(page))
	seen := map[int64]bool{}
	var docs []int64
	for _, r := range page {
		byKey[key{r.DocID, r.Index}] = r
		if !seen[r.DocID] {
			seen[r.DocID] = true
			docs = append(docs, r.DocID)
		}
	}
	rows, err := s.query(ctx, `SELECT doc_id, event_idx, role, name, country, sector, code, office, rule, m_start, m_end
		FROM event_actors WHERE doc_id IN `+s.inIDs()+` ORDER BY doc_id, event_idx, role, idx`, s.idsArg(docs))
	if err != nil {
		return fmt.Errorf("store: event actors: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k key
		var role string
		var a doc.Actor
		if err := rows.Scan(&k.doc, &k.idx, &role, &a.Name, &a.Country, &a.Sector, &a.Code, &a.Role, &a.Rule, &a.Start, &a.End); err != nil {
			return fmt.Errorf("store: event actors: %w", err)
		}
		r := byKey[k]
		if r == nil {
			continue
		}
		if role == "S" {
			r.Source = append(r.Source, a)
		} else {
			r.Target = append(r.Target, a)
		}
	}
	return rows.Err()
}

// Quotes implements Store.
func (s *sqlStore) Quotes(ctx context.Context, q QuoteQuery, fn func(*QuoteRow) error) error {
	base := &where{}
	if q.Speaker != "" {
		c, a := prefix("q.a_code", q.Speaker)
		like := "%" + strings.ToLower(q.Speaker) + "%"
		base.add(`((`+c+`) OR LOWER(q.a_name) LIKE ? OR LOWER(q.speaker_text) LIKE ?)`, append(a, like, like)...)
	}
	if q.Text != "" {
		if s.pg {
			base.add(`to_tsvector('english', left(q.text, 262144)) @@ plainto_tsquery('english', ?)`, q.Text)
		} else if fq := ftsQuery(q.Text); fq != "" {
			base.add(`q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)`, fq)
		}
	}
	if q.From != "" {
		base.add(`d.pub_day >= ?`, q.From)
	}
	if q.To != "" {
		base.add(`d.pub_day <= ? AND d.pub_day <> ''`, q.To)
	}
	return paginate(q.Limit, q.Offset, q.After, func(after int64, n, offset int) (int, int64, error) {
		w := &where{conds: append([]string(nil), base.conds...), args: append([]any(nil), base.args...)}
		if after > 0 {
			w.add(`q.id > ?`, after)
		}
		rows, err := s.query(ctx, `SELECT q.id, q.doc_id, q.idx, `+quoteFields+`,
			d.article_id, d.hash, d.url, d.title, d.published, d.outlet
			FROM quotes q JOIN documents d ON d.id = q.doc_id`+w.String()+` ORDER BY q.id LIMIT ? OFFSET ?`, append(w.args, n, offset)...)
		if err != nil {
			return 0, 0, fmt.Errorf("store: quotes: %w", err)
		}
		defer rows.Close()
		got, last := 0, int64(0)
		for rows.Next() {
			r := &QuoteRow{}
			dest := []any{&r.ID, &r.DocID, &r.Index}
			qs := &quoteScan{}
			dest = append(dest, qs.dest()...)
			dest = append(dest, &r.ArticleID, &r.Hash, &r.URL, &r.Title, &r.Published, &r.Outlet)
			if err := rows.Scan(dest...); err != nil {
				return 0, 0, fmt.Errorf("store: quotes: %w", err)
			}
			r.Quote = qs.quote()
			if err := fn(r); err != nil {
				return 0, 0, err
			}
			got, last = got+1, r.ID
		}
		return got, last, rows.Err()
	})
}

const quoteFields = `q.span_start, q.span_end, q.text, q.kind, q.parts, q.cue_start, q.cue_end, q.speaker_start,
	q.speaker_end, q.speaker_text, q.has_actor, q.a_name, q.a_country, q.a_sector, q.a_code, q.a_role, q.a_rule,
	q.a_start, q.a_end, q.events, q.rule, q.cue_text`

// quoteScan receives the quoteFields columns.
type quoteScan struct {
	q              doc.Quote
	parts, events  string
	cs, ce, ss, se int
	stext, cueText string
	hasActor       bool
	a              doc.Actor
}

func (x *quoteScan) dest() []any {
	return []any{&x.q.Start, &x.q.End, &x.q.Text, &x.q.Kind, &x.parts, &x.cs, &x.ce, &x.ss, &x.se, &x.stext,
		&x.hasActor, &x.a.Name, &x.a.Country, &x.a.Sector, &x.a.Code, &x.a.Role, &x.a.Rule, &x.a.Start, &x.a.End,
		&x.events, &x.q.Rule, &x.cueText}
}

func (x *quoteScan) quote() doc.Quote {
	q := x.q
	if x.parts != "null" {
		json.Unmarshal([]byte(x.parts), &q.Parts)
	}
	if x.events != "null" {
		json.Unmarshal([]byte(x.events), &q.Events)
	}
	if x.cs >= 0 {
		q.Cue = &doc.Mention{Span: doc.Span{Start: x.cs, End: x.ce}, Text: x.cueText}
	}
	if x.ss >= 0 {
		q.Speaker = &doc.Speaker{Span: doc.Span{Start: x.ss, End: x.se}, Text: x.stext}
		if x.hasActor {
			a := x.a
			q.Speaker.Actor = &a
		}
	}
	return q
}

// Clusters implements Store.
func (s *sqlStore) Clusters(ctx context.Context, q Query, fn func(*Cluster) error) error {
	w := &where{}
	if q.Source != "" || q.Target != "" {
		c, a := codesDyad("src", "tgt", q.Source, q.Target, q.Either)
		w.add(c, a...)
	}
	if q.Root != "" {
		w.add(`root = ?`, cameoRoot(q.Root))
	}
	if q.From != "" {
		w.add(`day >= ?`, q.From)
	}
	if q.To != "" {
		w.add(`day <= ?`, q.To)
	}
	lim := ""
	args := w.args
	if q.Limit > 0 {
		lim = ` LIMIT ? OFFSET ?`
		args = append(args, q.Limit, q.Offset)
	}
	rows, err := s.query(ctx, `SELECT key, day, src, tgt, root, n_events, n_articles, n_sources FROM clusters`+w.String()+
		` ORDER BY n_articles DESC, n_events DESC, key`+lim, args...)
	if err != nil {
		return fmt.Errorf("store: clusters: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		c := &Cluster{}
		if err := rows.Scan(&c.Key, &c.Day, &c.Source, &c.Target, &c.Root, &c.Events, &c.Articles, &c.Sources); err != nil {
			return fmt.Errorf("store: clusters: %w", err)
		}
		if err := fn(c); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Timeline implements Store. A query with only a dyad (or nothing) and dates reads the dyad_daily
// table; other filters aggregate the matching events.
func (s *sqlStore) Timeline(ctx context.Context, q Query, by Interval) ([]Bucket, error) {
	if _, err := ParseInterval(string(by)); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	var rows *sql.Rows
	var err error
	if q.Actor == "" && q.Plover == "" && q.Root == "" && q.Quad == 0 && q.Text == "" {
		table := "dyad_daily"
		if by == Month && monthAligned(q.From, q.To) {
			table = "dyad_monthly"
		}
		q, args := dailyQuery(q, table)
		rows, err = s.query(ctx, q, args...)
	} else {
		w := s.eventWhere(q)
		w.add(`e.day <> ''`)
		rows, err = s.query(ctx, `SELECT e.day, e.quad, COUNT(*), SUM(e.goldstein) FROM events e`+w.String()+` GROUP BY e.day, e.quad`, w.args...)
	}
	if err != nil {
		return nil, fmt.Errorf("store: timeline: %w", err)
	}
	defer rows.Close()
	type acc struct {
		b    Bucket
		gsum float64
	}
	buckets := map[string]*acc{}
	for rows.Next() {
		var day string
		var quad, n int
		var g float64
		if err := rows.Scan(&day, &quad, &n, &g); err != nil {
			return nil, fmt.Errorf("store: timeline: %w", err)
		}
		start, ok := bucketStart(day, by)
		if !ok {
			continue
		}
		a := buckets[start]
		if a == nil {
			a = &acc{b: Bucket{Start: start}}
			buckets[start] = a
		}
		a.b.Events += n
		if quad >= 1 && quad <= 4 {
			a.b.Quad[quad] += n
		} else {
			a.b.Quad[0] += n
		}
		a.gsum += g
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: timeline: %w", err)
	}
	out := make([]Bucket, 0, len(buckets))
	for _, a := range buckets {
		if a.b.Events > 0 {
			a.b.Goldstein = a.gsum / float64(a.b.Events)
		}
		out = append(out, a.b)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out, nil
}

// codesPair matches src/tgt columns against code prefixes through dyad_codes, so that an index
// on (src, tgt, ...) is searched by equality on each known code rather than scanned over a range.
func codesPair(srcCol, tgtCol, src, tgt string) (string, []any) {
	side := func(col, p string) (string, []any) {
		if p == "" {
			return "", nil
		}
		return col + ` IN (SELECT code FROM dyad_codes WHERE code >= ? AND code < ?)`, []any{p, p + prefixHi}
	}
	c1, a1 := side(srcCol, src)
	c2, a2 := side(tgtCol, tgt)
	switch {
	case c1 == "" && c2 == "":
		return "1 = 1", nil
	case c1 == "":
		return c2, a2
	case c2 == "":
		return c1, a1
	}
	return c1 + " AND " + c2, append(a1, a2...)
}

// codesDyad is codesPair in one or both directions.
func codesDyad(srcCol, tgtCol, src, tgt string, either bool) (string, []any) {
	c1, a1 := codesPair(srcCol, tgtCol, src, tgt)
	if !either || src == tgt {
		return "(" + c1 + ")", a1
	}
	c2, a2 := codesPair(srcCol, tgtCol, tgt, src)
	return "((" + c1 + ") OR (" + c2 + "))", append(a1, a2...)
}

// dailyQuery builds the query of a timeline over an aggregate table (dyad_daily, dyad_monthly).
// The reverse direction of an Either dyad is a second branch that skips rows already counted.
func dailyQuery(q Query, table string) (string, []any) {
	days := ""
	var dargs []any
	if q.From != "" {
		days += ` AND day >= ?`
		dargs = append(dargs, q.From)
	}
	if q.To != "" {
		days += ` AND day <= ?`
		dargs = append(dargs, q.To)
	}
	c1, a1 := codesPair("src", "tgt", q.Source, q.Target)
	sel := `SELECT day, quad, n, gsum FROM ` + table + ` WHERE `
	sqlText := sel + c1 + days
	args := append(append([]any(nil), a1...), dargs...)
	if q.Either && q.Source != q.Target {
		c2, a2 := codesPair("src", "tgt", q.Target, q.Source)
		sqlText += ` UNION ALL ` + sel + c2 + ` AND NOT (` + c1 + `)` + days
		args = append(append(append(args, a2...), a1...), dargs...)
	}
	return `SELECT day, quad, SUM(n), SUM(gsum) FROM (` + sqlText + `) AS t GROUP BY day, quad`, args
}

// monthAligned reports whether a date range covers whole months (a bound may be empty).
func monthAligned(from, to string) bool {
	if from != "" && !strings.HasSuffix(from, "-01") {
		return false
	}
	if to == "" {
		return true
	}
	t, err := time.Parse("2006-01-02", to)
	return err == nil && t.AddDate(0, 0, 1).Day() == 1
}

// bucketStart returns the first day of the bucket holding day.
func bucketStart(day string, by Interval) (string, bool) {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return "", false
	}
	switch by {
	case Week:
		wd := (int(t.Weekday()) + 6) % 7 // Monday = 0
		t = t.AddDate(0, 0, -wd)
	case Month:
		t = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return t.Format("2006-01-02"), true
}

// Has implements Store.
func (s *sqlStore) Has(ctx context.Context, hash string) (bool, error) {
	var one int
	err := s.db.QueryRowContext(ctx, rebind(`SELECT 1 FROM documents WHERE hash = ? LIMIT 1`, s.pg), hash).Scan(&one)
	if isNoRows(err) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: %w", err)
	}
	return true, nil
}

// Stats implements Store.
func (s *sqlStore) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM documents), (SELECT COALESCE(SUM(n_sentences), 0) FROM documents),
		(SELECT COALESCE(SUM(n_entities), 0) FROM documents), (SELECT COALESCE(SUM(n_timexes), 0) FROM documents),
		(SELECT COUNT(*) FROM quotes),
		(SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM clusters)`).Scan(
		&st.Documents, &st.Sentences, &st.Entities, &st.Timexes, &st.Quotes, &st.Events, &st.Clusters)
	if err != nil {
		return st, fmt.Errorf("store: stats: %w", err)
	}
	return st, nil
}

// Get implements Store.
func (s *sqlStore) Get(ctx context.Context, id int64) (*doc.Doc, error) {
	d := &doc.Doc{}
	var sents, paras, warns, ents, tmxs string
	err := s.db.QueryRowContext(ctx, rebind(`SELECT article_id, published, title, url, source, language, text,
		sentences, paragraphs, warnings, entities, timexes FROM documents WHERE id = ?`, s.pg), id).Scan(
		&d.ID, &d.Published, &d.Title, &d.URL, &d.Source, &d.Language, &d.Text, &sents, &paras, &warns, &ents, &tmxs)
	if isNoRows(err) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: get %d: %w", id, err)
	}
	if err := json.Unmarshal([]byte(sents), &d.Sentences); err != nil {
		return nil, fmt.Errorf("store: get %d: sentences: %w", id, err)
	}
	if paras != "[]" {
		json.Unmarshal([]byte(paras), &d.Paragraphs)
	}
	if warns != "[]" {
		json.Unmarshal([]byte(warns), &d.Warnings)
	}
	if err := decodeEntities(d, ents); err != nil {
		return nil, fmt.Errorf("store: get %d: entities: %w", id, err)
	}
	if err := decodeTimexes(d, tmxs); err != nil {
		return nil, fmt.Errorf("store: get %d: timexes: %w", id, err)
	}
	// quotes
	rows, err := s.query(ctx, `SELECT `+quoteFields+` FROM quotes q WHERE doc_id = ? ORDER BY idx`, id)
	if err != nil {
		return nil, fmt.Errorf("store: get %d: %w", id, err)
	}
	for rows.Next() {
		qs := &quoteScan{}
		if err := rows.Scan(qs.dest()...); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: get %d: %w", id, err)
		}
		q := qs.quote()
		if q.Cue != nil {
			q.Cue.Text = d.Slice(q.Cue.Span)
		}
		d.Quotes = append(d.Quotes, q)
	}
	rows.Close()
	// events
	evs, err := s.docEvents(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, r := range evs {
		d.Events = append(d.Events, r.Event)
	}
	return d, nil
}

// docEvents returns the events of one document in order, with their actors.
func (s *sqlStore) docEvents(ctx context.Context, id int64) ([]*EventRow, error) {
	rows, err := s.query(ctx, eventSelect+` WHERE e.doc_id = ? ORDER BY e.idx`, id)
	if err != nil {
		return nil, fmt.Errorf("store: get %d: %w", id, err)
	}
	var page []*EventRow
	for rows.Next() {
		r := &EventRow{}
		if err := rows.Scan(r.dest()...); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: get %d: %w", id, err)
		}
		page = append(page, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return page, s.loadActors(ctx, page)
}

// Docs implements Store.
func (s *sqlStore) Docs(ctx context.Context, fn func(id int64, d *doc.Doc) error) error {
	var after int64
	for {
		rows, err := s.query(ctx, `SELECT id FROM documents WHERE id > ? ORDER BY id LIMIT ?`, after, pageSize)
		if err != nil {
			return fmt.Errorf("store: docs: %w", err)
		}
		var page []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			page = append(page, id)
		}
		rows.Close()
		for _, id := range page {
			d, err := s.Get(ctx, id)
			if err != nil {
				return err
			}
			if err := fn(id, d); err != nil {
				return err
			}
		}
		if len(page) < pageSize {
			return nil
		}
		after = page[len(page)-1]
	}
}
