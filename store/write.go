package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"dyad/doc"
)

// wtx is a write transaction of one dialect: SQL with ? placeholders, plus a bulk insert.
type wtx interface {
	exec(ctx context.Context, q string, args ...any) error
	queryRow(ctx context.Context, q string, args ...any) scanner
	query(ctx context.Context, q string, args ...any) (rowsIter, error)
	// insert appends rows to a table (multi-row INSERT on SQLite, COPY on PostgreSQL).
	insert(ctx context.Context, table string, cols []string, rows [][]any) error
	commit(ctx context.Context) error
	rollback(ctx context.Context)
}

type scanner interface{ Scan(dest ...any) error }

type rowsIter interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close()
}

func isNoRows(err error) bool {
	return errors.Is(err, sql.ErrNoRows) || errors.Is(err, pgx.ErrNoRows)
}

// Table columns written by batches, in the order rows are built.
var (
	quoteCols = []string{"doc_id", "idx", "span_start", "span_end", "text", "kind", "parts",
		"cue_start", "cue_end", "speaker_start", "speaker_end", "speaker_text", "has_actor",
		"a_name", "a_country", "a_sector", "a_code", "a_role", "a_rule", "a_start", "a_end", "events", "rule", "cue_text"}
	eventCols = []string{"id", "doc_id", "idx", "sent_start", "sent_end", "sentence_text", "trig_start", "trig_end",
		"trigger_text", "plover", "mode", "cameo", "root", "goldstein", "quad", "date", "date_basis",
		"negated", "modality", "rule", "day", "src_code", "tgt_code", "cluster", "outlet", "is_root"}
	actorCols = []string{"doc_id", "event_idx", "role", "idx", "name", "country", "sector", "code",
		"office", "rule", "m_start", "m_end", "event_id"}
)

type aggKey struct {
	src, tgt, day string
	quad          int
}

type aggVal struct {
	n    int64
	gsum float64
}

// batch collects the rows of one transaction so that they are written in bulk.
type batch struct {
	quotes, events, actors [][]any
	actorEvent             []int // for each row of actors, its row in events
	dyads                  map[[2]string]int64
	codes                  map[string]int64
	pending                map[int64]bool // documents with rows or full-text rows not yet written
	ftsDocs, ftsQuoteDocs  []int64        // SQLite: documents, and documents with quotes, not yet in the full-text indexes
	agg                    map[aggKey]aggVal
	neg                    map[aggKey]bool
	clusters               map[string][3]string // touched clusters: their source, target and root
}

func newBatch() *batch {
	return &batch{pending: map[int64]bool{}, agg: map[aggKey]aggVal{}, neg: map[aggKey]bool{}, clusters: map[string][3]string{},
		dyads: map[[2]string]int64{}, codes: map[string]int64{}}
}

func (b *batch) addAgg(k aggKey, n int64, g float64) {
	v := b.agg[k]
	v.n += n
	v.gsum += g
	b.agg[k] = v
	if n < 0 {
		b.neg[k] = true
	}
}

// validate rejects what a database cannot store faithfully: invalid UTF-8 or NUL bytes in any text,
// and spans outside the text.
func validate(d *doc.Doc) error {
	// The names of fields are only formatted to report an error: most documents are valid.
	if d != nil && valid(d) {
		return nil
	}
	return validateNamed(d, true)
}

// valid reports whether validate accepts d, without saying why not, and without allocating.
func valid(d *doc.Doc) bool {
	n := len(d.Text)
	str := func(s string) bool { return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 }
	span := func(s doc.Span) bool { return s.Start >= 0 && s.End <= n && s.Start <= s.End }
	actor := func(a *doc.Actor) bool {
		return a == nil || str(a.Name) && str(a.Country) && str(a.Sector) && str(a.Code) && str(a.Role) && str(a.Rule) &&
			(a.Start == 0 && a.End == 0 || span(doc.Span{Start: a.Start, End: a.End}))
	}
	if !str(d.Text) || !str(d.ID) || !str(d.Published) || !str(d.Title) || !str(d.URL) || !str(d.Source) || !str(d.Language) {
		return false
	}
	for _, w := range d.Warnings {
		if !str(w) {
			return false
		}
	}
	for _, s := range d.Sentences {
		if !span(s) {
			return false
		}
	}
	for _, s := range d.Paragraphs {
		if !span(s) {
			return false
		}
	}
	for i := range d.Entities {
		e := &d.Entities[i]
		if !span(e.Span) || !str(e.Type) || !str(e.Rule) || !actor(e.Actor) {
			return false
		}
	}
	for i := range d.Timexes {
		t := &d.Timexes[i]
		if !span(t.Span) || !str(t.Type) || !str(t.Value) || !str(t.Rule) {
			return false
		}
	}
	for i := range d.Quotes {
		q := &d.Quotes[i]
		if !span(q.Span) || !str(q.Kind) || !str(q.Rule) {
			return false
		}
		for _, p := range q.Parts {
			if !span(p) {
				return false
			}
		}
		if q.Cue != nil && !span(q.Cue.Span) {
			return false
		}
		if q.Speaker != nil && (!span(q.Speaker.Span) || !str(q.Speaker.Text) || !actor(q.Speaker.Actor)) {
			return false
		}
	}
	for i := range d.Events {
		e := &d.Events[i]
		if !span(e.Sentence) || !span(e.Trigger.Span) {
			return false
		}
		for _, f := range [...]string{e.Plover, e.Mode, e.Cameo, e.Date, e.DateBasis, e.Modality, e.Rule} {
			if !str(f) {
				return false
			}
		}
		for j := range e.Source {
			if !actor(&e.Source[j]) {
				return false
			}
		}
		for j := range e.Target {
			if !actor(&e.Target[j]) {
				return false
			}
		}
	}
	return true
}

// validateNamed is validate, naming the fields in its errors when named is set.
func validateNamed(d *doc.Doc, named bool) error {
	sprintf := func(format string, args ...any) string {
		if !named {
			return ""
		}
		return fmt.Sprintf(format, args...)
	}
	if d == nil {
		return errors.New("nil document")
	}
	check := func(field, s string) error {
		if !utf8.ValidString(s) {
			return fmt.Errorf("%s is not valid UTF-8", field)
		}
		if strings.IndexByte(s, 0) >= 0 {
			return fmt.Errorf("%s contains a NUL byte", field)
		}
		return nil
	}
	n := len(d.Text)
	span := func(field string, s doc.Span) error {
		if s.Start < 0 || s.End > n || s.Start > s.End {
			return fmt.Errorf("%s [%d, %d] is outside the text (%d bytes)", field, s.Start, s.End, n)
		}
		return nil
	}
	actor := func(field string, a *doc.Actor) error {
		if a == nil {
			return nil
		}
		fields := [...][2]string{{"name", a.Name}, {"country", a.Country}, {"sector", a.Sector}, {"code", a.Code}, {"role", a.Role}, {"rule", a.Rule}}
		for _, f := range fields {
			if err := check(sprintf("%s.%s", field, f[0]), f[1]); err != nil {
				return err
			}
		}
		if a.Start != 0 || a.End != 0 {
			return span(sprintf("%s mention", field), a.Mention())
		}
		return nil
	}
	for _, f := range [][2]string{{"text", d.Text}, {"id", d.ID}, {"published", d.Published}, {"title", d.Title},
		{"url", d.URL}, {"source", d.Source}, {"language", d.Language}} {
		if err := check(f[0], f[1]); err != nil {
			return err
		}
	}
	for i, w := range d.Warnings {
		if err := check(sprintf("warnings[%d]", i), w); err != nil {
			return err
		}
	}
	for i, s := range d.Sentences {
		if err := span(sprintf("sentences[%d]", i), s); err != nil {
			return err
		}
	}
	for i, s := range d.Paragraphs {
		if err := span(sprintf("paragraphs[%d]", i), s); err != nil {
			return err
		}
	}
	for i, e := range d.Entities {
		f := sprintf("entities[%d]", i)
		if err := span(f, e.Span); err != nil {
			return err
		}
		if err := check(f+".type", e.Type+e.Rule); err != nil {
			return err
		}
		if err := actor(f+".actor", e.Actor); err != nil {
			return err
		}
	}
	for i, t := range d.Timexes {
		f := sprintf("timexes[%d]", i)
		if err := span(f, t.Span); err != nil {
			return err
		}
		if err := check(f, t.Type+t.Value+t.Rule); err != nil {
			return err
		}
	}
	for i, q := range d.Quotes {
		f := sprintf("quotes[%d]", i)
		if err := span(f, q.Span); err != nil {
			return err
		}
		if err := check(f, q.Kind+q.Rule); err != nil {
			return err
		}
		for j, p := range q.Parts {
			if err := span(sprintf("%s.parts[%d]", f, j), p); err != nil {
				return err
			}
		}
		if q.Cue != nil {
			if err := span(f+".cue", q.Cue.Span); err != nil {
				return err
			}
		}
		if q.Speaker != nil {
			if err := span(f+".speaker", q.Speaker.Span); err != nil {
				return err
			}
			if err := check(f+".speaker.text", q.Speaker.Text); err != nil {
				return err
			}
			if err := actor(f+".speaker.actor", q.Speaker.Actor); err != nil {
				return err
			}
		}
	}
	for i, e := range d.Events {
		f := sprintf("events[%d]", i)
		if err := span(f+".sentence", e.Sentence); err != nil {
			return err
		}
		if err := span(f+".trigger", e.Trigger.Span); err != nil {
			return err
		}
		if err := check(f, e.Plover+e.Mode+e.Cameo+e.Date+e.DateBasis+e.Modality+e.Rule); err != nil {
			return err
		}
		for j := range e.Source {
			if err := actor(sprintf("%s.source[%d]", f, j), &e.Source[j]); err != nil {
				return err
			}
		}
		for j := range e.Target {
			if err := actor(sprintf("%s.target[%d]", f, j), &e.Target[j]); err != nil {
				return err
			}
		}
	}
	return nil
}

// digest fingerprints everything stored about a document except its text (which the key covers)
// and the texts of its spans (which the text and the spans determine): the article fields and
// every layer but Tokens, field by field in a binary form (length-prefixed strings, varints), which
// costs a tenth of encoding the record as JSON. TestDigestFields fails when a type of package doc
// gains a field that this does not write. (Digests written before this form, SHA-256 of the JSON
// record, differ from it: the first re-ingest of such a store replaces each document's layers with
// the same layers, once.)
func digest(d *doc.Doc) (string, error) {
	w := digester{buf: make([]byte, 0, 4096)}
	w.str("dyad-digest-2")
	for _, f := range []string{d.ID, d.Published, d.Title, d.URL, d.Source, d.Language} {
		w.str(f)
	}
	w.spans(d.Sentences)
	w.spans(d.Paragraphs)
	w.int(len(d.Entities))
	for i := range d.Entities {
		e := &d.Entities[i]
		w.span(e.Span)
		w.str(e.Type)
		w.actor(e.Actor)
		w.str(e.Rule)
		w.int(e.Ref)
	}
	w.int(len(d.Timexes))
	for i := range d.Timexes {
		t := &d.Timexes[i]
		w.span(t.Span)
		w.str(t.Type)
		w.str(t.Value)
		w.str(t.Rule)
	}
	w.int(len(d.Quotes))
	for i := range d.Quotes {
		q := &d.Quotes[i]
		w.span(q.Span)
		w.str(q.Kind)
		w.spans(q.Parts)
		if q.Cue == nil {
			w.int(0)
		} else {
			w.int(1)
			w.span(q.Cue.Span)
		}
		if q.Speaker == nil {
			w.int(0)
		} else {
			w.int(1)
			w.span(q.Speaker.Span)
			w.str(q.Speaker.Text)
			w.actor(q.Speaker.Actor)
		}
		if q.Events == nil {
			w.int(-1)
		} else {
			w.int(len(q.Events))
			for _, x := range q.Events {
				w.int(x)
			}
		}
		w.str(q.Rule)
	}
	w.int(len(d.Events))
	for i := range d.Events {
		e := &d.Events[i]
		w.span(e.Sentence)
		w.span(e.Trigger.Span)
		for _, f := range []string{e.Plover, e.Mode, e.Cameo, e.Date, e.DateBasis, e.Modality, e.Rule} {
			w.str(f)
		}
		w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(e.Goldstein))
		w.int(e.QuadClass)
		if e.Negated {
			w.int(1)
		} else {
			w.int(0)
		}
		for _, as := range [2][]doc.Actor{e.Source, e.Target} {
			w.int(len(as))
			for j := range as {
				w.actor(&as[j])
			}
		}
	}
	if d.Warnings == nil {
		w.int(-1)
	} else {
		w.int(len(d.Warnings))
		for _, x := range d.Warnings {
			w.str(x)
		}
	}
	h := sha256.Sum256(w.buf)
	return hex.EncodeToString(h[:]), nil
}

// digester writes the binary form that digest hashes.
type digester struct{ buf []byte }

func (w *digester) int(n int)       { w.buf = binary.AppendVarint(w.buf, int64(n)) }
func (w *digester) span(s doc.Span) { w.int(s.Start); w.int(s.End) }

func (w *digester) str(s string) {
	w.int(len(s))
	w.buf = append(w.buf, s...)
}

func (w *digester) spans(s doc.Spans) {
	if s == nil {
		w.int(-1)
		return
	}
	w.int(len(s))
	for _, x := range s {
		w.span(x)
	}
}

func (w *digester) actor(a *doc.Actor) {
	if a == nil {
		w.int(0)
		return
	}
	w.int(1)
	for _, f := range []string{a.Name, a.Country, a.Sector, a.Code, a.Role, a.Rule} {
		w.str(f)
	}
	w.span(doc.Span{Start: a.Start, End: a.End})
}

// metaOf fingerprints the article fields that tell two records with the same text and URL apart.
func metaOf(d *doc.Doc) string {
	h := sha256.New()
	for _, f := range []string{d.ID, d.Published, d.Title, d.Source, d.Language} {
		h.Write([]byte(f))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// outletOf names the publisher of an article: Source, else the URL's host without "www.".
func outletOf(a *doc.Article) string {
	if a.Source != "" {
		return a.Source
	}
	if a.URL == "" {
		return ""
	}
	u, err := url.Parse(a.URL)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// dayOf returns the ISO day of an ISO date or date-time, or "".
func dayOf(s string) string {
	if len(s) < 10 {
		return ""
	}
	if _, err := time.Parse("2006-01-02", s[:10]); err != nil {
		return ""
	}
	return s[:10]
}

func spansJSON(s doc.Spans) string {
	if s == nil {
		return "[]"
	}
	b, _ := s.MarshalJSON()
	return string(b)
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil || string(b) == "null" {
		return "[]"
	}
	return string(b)
}

func actorFields(a *doc.Actor) []any {
	if a == nil {
		return []any{false, "", "", "", "", "", "", int64(0), int64(0)}
	}
	return []any{true, a.Name, a.Country, a.Sector, a.Code, a.Role, a.Rule, int64(a.Start), int64(a.End)}
}

// add queues the layer rows of document id.
func (b *batch) add(id int64, d *doc.Doc) {
	b.pending[id] = true
	b.ftsDocs = append(b.ftsDocs, id)
	if len(d.Quotes) > 0 {
		b.ftsQuoteDocs = append(b.ftsQuoteDocs, id)
	}
	for i, q := range d.Quotes {
		cs, ce, ct := -1, -1, ""
		if q.Cue != nil {
			cs, ce, ct = q.Cue.Start, q.Cue.End, d.Slice(q.Cue.Span)
		}
		ss, se, st := -1, -1, ""
		var sa *doc.Actor
		if q.Speaker != nil {
			ss, se, st, sa = q.Speaker.Start, q.Speaker.End, q.Speaker.Text, q.Speaker.Actor
		}
		var parts string
		if q.Parts == nil {
			parts = "null"
		} else {
			parts = spansJSON(q.Parts)
		}
		events := "null"
		if q.Events != nil {
			events = jsonText(q.Events)
		}
		row := []any{id, int64(i), int64(q.Start), int64(q.End), d.Slice(q.Span), q.Kind, parts, int64(cs), int64(ce), int64(ss), int64(se), st}
		row = append(row, actorFields(sa)...)
		b.quotes = append(b.quotes, append(row, events, q.Rule, ct))
	}
	outlet := outletOf(&d.Article)
	pubDay := dayOf(d.Published)
	lead := doc.Span{Start: 0, End: 0}
	if len(d.Paragraphs) > 0 {
		lead = d.Paragraphs[0]
		if len(d.Paragraphs) > 1 && d.Title != "" && strings.TrimSpace(d.Slice(lead)) == strings.TrimSpace(d.Title) {
			lead.End = d.Paragraphs[1].End // the headline and the first paragraph of the body
		}
	} else if len(d.Sentences) > 0 {
		lead = d.Sentences[min(1, len(d.Sentences)-1)]
		lead.Start = 0
	}
	for i, e := range d.Events {
		day := dayOf(e.Date)
		if day == "" || len(e.Date) > 10 && e.Date[10] != 'T' && e.Date[10] != ' ' {
			day = pubDay
		}
		src, tgt := "", ""
		if len(e.Source) > 0 {
			src = e.Source[0].Code
		}
		if len(e.Target) > 0 {
			tgt = e.Target[0].Code
		}
		key := ""
		if day != "" {
			key = ClusterKey(day, src, tgt, e.Cameo)
			b.clusters[key] = [3]string{src, tgt, cameoRoot(e.Cameo)}
			b.addAgg(aggKey{src, tgt, day, e.QuadClass}, 1, e.Goldstein)
		}
		isRoot := lead.End > 0 && lead.Contains(e.Sentence)
		b.dyads[[2]string{src, tgt}]++
		row := len(b.events)
		b.events = append(b.events, []any{int64(0), id, int64(i), int64(e.Sentence.Start), int64(e.Sentence.End), d.Slice(e.Sentence),
			int64(e.Trigger.Start), int64(e.Trigger.End), d.Slice(e.Trigger.Span), e.Plover, e.Mode, e.Cameo, cameoRoot(e.Cameo),
			e.Goldstein, int64(e.QuadClass), e.Date, e.DateBasis, e.Negated, e.Modality, e.Rule,
			day, src, tgt, key, outlet, isRoot})
		for j, a := range e.Source {
			b.actors = append(b.actors, []any{id, int64(i), "S", int64(j), a.Name, a.Country, a.Sector, a.Code, a.Role, a.Rule, int64(a.Start), int64(a.End), int64(0)})
			b.actorEvent = append(b.actorEvent, row)
			if a.Code != "" {
				b.codes[a.Code]++
			}
		}
		for j, a := range e.Target {
			b.actors = append(b.actors, []any{id, int64(i), "T", int64(j), a.Name, a.Country, a.Sector, a.Code, a.Role, a.Rule, int64(a.Start), int64(a.End), int64(0)})
			b.actorEvent = append(b.actorEvent, row)
			if a.Code != "" {
				b.codes[a.Code]++
			}
		}
	}
}

// flush writes the queued rows; with fts, also the queued full-text rows (see indexText).
func (s *sqlStore) flush(ctx context.Context, tx wtx, b *batch, fts bool) error {
	if len(b.events) > 0 {
		// Event ids are assigned here, so that the actor rows can carry them.
		ids, err := s.eventIDs(ctx, tx, len(b.events))
		if err != nil {
			return fmt.Errorf("assigning event ids: %w", err)
		}
		for i, r := range b.events {
			r[0] = ids[i]
		}
		for i, r := range b.actors {
			r[len(r)-1] = ids[b.actorEvent[i]]
		}
	}
	b.actorEvent = b.actorEvent[:0]
	for _, t := range []struct {
		name string
		cols []string
		rows *[][]any
	}{
		{"quotes", quoteCols, &b.quotes},
		{"events", eventCols, &b.events},
		{"event_actors", actorCols, &b.actors},
	} {
		if len(*t.rows) == 0 {
			continue
		}
		if err := tx.insert(ctx, t.name, t.cols, *t.rows); err != nil {
			return fmt.Errorf("writing %s: %w", t.name, err)
		}
		*t.rows = (*t.rows)[:0]
	}
	if fts {
		return s.indexText(ctx, tx, b)
	}
	return nil
}

// indexText writes the queued full-text rows (SQLite), all the documents in one statement and all
// the quotes in another: FTS5 writes its pending terms to disk as a new segment at the start of
// every statement of the transaction after one that added to it, and merges segments later, so a
// statement per document, or per batch of a transaction, costs more than one per transaction.
// It is called once the rows are written, and leaves no document pending.
func (s *sqlStore) indexText(ctx context.Context, tx wtx, b *batch) error {
	clear(b.pending)
	if s.pg { // PostgreSQL indexes the texts by itself (generated tsvector columns)
		b.ftsDocs, b.ftsQuoteDocs = b.ftsDocs[:0], b.ftsQuoteDocs[:0]
		return nil
	}
	if len(b.ftsQuoteDocs) > 0 {
		err := tx.exec(ctx, `INSERT INTO quotes_fts (rowid, text) SELECT id, text FROM quotes WHERE doc_id IN `+s.inIDs(), s.idsArg(b.ftsQuoteDocs))
		b.ftsQuoteDocs = b.ftsQuoteDocs[:0]
		if err != nil {
			return fmt.Errorf("indexing quotes: %w", err)
		}
	}
	if len(b.ftsDocs) > 0 {
		err := tx.exec(ctx, `INSERT INTO docs_fts (rowid, title, text) SELECT id, title, text FROM documents WHERE id IN `+s.inIDs(), s.idsArg(b.ftsDocs))
		b.ftsDocs = b.ftsDocs[:0]
		if err != nil {
			return fmt.Errorf("indexing documents: %w", err)
		}
	}
	return nil
}

// eventIDs reserves n new event ids, in increasing order. SQLite holds the write lock for the whole
// transaction, so the ids above the largest one are free; PostgreSQL draws them from the column's
// sequence.
func (s *sqlStore) eventIDs(ctx context.Context, tx wtx, n int) ([]int64, error) {
	ids := make([]int64, 0, n)
	if !s.pg {
		var top int64
		if err := tx.queryRow(ctx, `SELECT COALESCE(MAX(id), 0) FROM events`).Scan(&top); err != nil {
			return nil, err
		}
		for i := range n {
			ids = append(ids, top+1+int64(i))
		}
		return ids, nil
	}
	rows, err := tx.query(ctx, `SELECT nextval(pg_get_serial_sequence('events', 'id')) FROM generate_series(1, ?::int)`, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(ids) != n {
		return nil, fmt.Errorf("got %d ids for %d events", len(ids), n)
	}
	slices.Sort(ids)
	return ids, nil
}

// inIDs is inList for a list of ids passed as one argument (idsArg).
func (s *sqlStore) inIDs() string {
	if s.pg {
		return `(SELECT unnest(?::bigint[]))`
	}
	return `(SELECT value FROM json_each(?))`
}

// idsArg encodes a list of ids for inIDs.
func (s *sqlStore) idsArg(xs []int64) any {
	if s.pg {
		return xs
	}
	b, _ := json.Marshal(xs)
	return string(b)
}

// inList returns "(...)" matching a column against a list passed as one argument (listArg).
func (s *sqlStore) inList() string {
	if s.pg {
		return `(SELECT unnest(?::text[]))`
	}
	return `(SELECT value FROM json_each(?))`
}

// listArg encodes a list for inList.
func (s *sqlStore) listArg(xs []string) any {
	if s.pg {
		return xs
	}
	b, _ := json.Marshal(xs)
	return string(b)
}

// PutBatch implements Store.
func (s *sqlStore) PutBatch(ctx context.Context, ds []*doc.Doc) ([]Result, error) {
	res, _, err := s.putBatch(ctx, ds)
	return res, err
}

// putBatch stores documents in one transaction and returns what it did and their ids.
func (s *sqlStore) putBatch(ctx context.Context, ds []*doc.Doc) ([]Result, []int64, error) {
	p, err := s.Prepare(ds)
	if err != nil {
		return nil, nil, err
	}
	tx, err := s.begin(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("store: %w", err)
	}
	defer tx.rollback(ctx)
	b := newBatch()
	res, ids, err := s.putIn(ctx, tx, b, p.docs, p.keys)
	if err != nil {
		return nil, nil, err
	}
	if err := s.finish(ctx, tx, b); err != nil {
		return nil, nil, fmt.Errorf("store: %w", err)
	}
	if err := tx.commit(ctx); err != nil {
		return nil, nil, fmt.Errorf("store: commit: %w", err)
	}
	return res, ids, nil
}

// putIn writes the rows of documents inside transaction tx, and adds to b what finish will do
// to the aggregates and the clusters.
func (s *sqlStore) putIn(ctx context.Context, tx wtx, b *batch, ds []*doc.Doc, keys []docKey) ([]Result, []int64, error) {
	known, err := s.lookup(ctx, tx, keys)
	if err != nil {
		return nil, nil, fmt.Errorf("store: %w", err)
	}
	res := make([]Result, len(ds))
	ids := make([]int64, len(ds))
	now := time.Now().UTC().Format(time.RFC3339)
	for i, d := range ds {
		r, id, err := s.putOne(ctx, tx, b, d, &keys[i], known, now)
		if err != nil {
			return nil, nil, fmt.Errorf("store: document %d (%s): %w", i, docName(d), err)
		}
		res[i], ids[i] = r, id
	}
	if err := s.flush(ctx, tx, b, false); err != nil {
		return nil, nil, fmt.Errorf("store: %w", err)
	}
	return res, ids, nil
}

// Begin implements Store.
func (s *sqlStore) Begin(ctx context.Context) (Tx, error) {
	tx, err := s.begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return &sqlTx{s: s, tx: tx, b: newBatch()}, nil
}

// sqlTx is a transaction of several batches. Their rows are written as they come; the aggregates
// and the clusters they touch are updated once, at Commit.
type sqlTx struct {
	s      *sqlStore
	tx     wtx
	b      *batch
	broken error // set when a batch failed in the database: the transaction can only be rolled back
	done   bool
}

// PutBatch implements Tx.
func (t *sqlTx) PutBatch(ctx context.Context, ds []*doc.Doc) ([]Result, error) {
	p, err := t.s.Prepare(ds)
	if err != nil {
		return nil, err // nothing was written: the transaction goes on
	}
	return t.PutPrepared(ctx, p)
}

// PutPrepared implements Tx.
func (t *sqlTx) PutPrepared(ctx context.Context, p *Prepared) ([]Result, error) {
	switch {
	case t.done:
		return nil, errors.New("store: the transaction has ended")
	case t.broken != nil:
		return nil, fmt.Errorf("%w: %w", ErrTxFailed, t.broken)
	}
	res, _, err := t.s.putIn(ctx, t.tx, t.b, p.docs, p.keys)
	if err != nil {
		// A savepoint around each batch would let the transaction go on, but SQLite then copies
		// every page a batch changes to a journal (a sixth of the time of a write); a batch
		// that passed validation fails only when the database does, or when it refuses a value
		// (DocumentFault), and the caller then stores the documents one by one.
		t.broken = err
		return nil, fmt.Errorf("%w: %w", ErrTxFailed, err)
	}
	return res, nil
}

// Commit implements Tx.
func (t *sqlTx) Commit(ctx context.Context) error {
	switch {
	case t.done:
		return errors.New("store: the transaction has ended")
	case t.broken != nil:
		t.Rollback(ctx)
		return fmt.Errorf("%w: %w", ErrTxFailed, t.broken)
	}
	t.done = true
	if err := t.s.finish(ctx, t.tx, t.b); err != nil {
		t.tx.rollback(ctx)
		return fmt.Errorf("%w: %w", ErrTxFailed, err)
	}
	if err := t.tx.commit(ctx); err != nil {
		t.tx.rollback(ctx)
		return fmt.Errorf("%w: commit: %w", ErrTxFailed, err)
	}
	return nil
}

// Rollback implements Tx.
func (t *sqlTx) Rollback(ctx context.Context) {
	if !t.done {
		t.done = true
		t.tx.rollback(ctx)
	}
}

// Prepare implements Store.
func (s *sqlStore) Prepare(ds []*doc.Doc) (*Prepared, error) {
	keys, err := prepareKeys(ds)
	if err != nil {
		return nil, err
	}
	return &Prepared{docs: ds, keys: keys}, nil
}

// ValidationError is returned for a document that cannot be stored as it is (invalid UTF-8, a NUL
// byte, a span outside its text); Index is its position in the batch, Name its id, URL or hash.
type ValidationError struct {
	Index int
	Name  string
	Err   error
}

// Error implements error.
func (e *ValidationError) Error() string {
	return fmt.Sprintf("store: document %d (%s): %v", e.Index, e.Name, e.Err)
}

// Unwrap returns the reason.
func (e *ValidationError) Unwrap() error { return e.Err }

// docKey is what putBatch computes about a document before its transaction.
type docKey struct {
	hash, digest, meta string
	entities, timexes  string // JSON, see layers.go
}

// prepareKeys validates the documents and computes their hashes and digests, on every core: this
// is a good part of the work of a write and needs no database.
func prepareKeys(ds []*doc.Doc) ([]docKey, error) {
	keys := make([]docKey, len(ds))
	errs := make([]error, len(ds))
	one := func(i int) {
		d := ds[i]
		if err := validate(d); err != nil {
			errs[i] = err
			return
		}
		dg, err := digest(d)
		if err != nil {
			errs[i] = err
			return
		}
		ents, err := entitiesJSON(d)
		if err != nil {
			errs[i] = err
			return
		}
		tmxs, err := timexesJSON(d)
		if err != nil {
			errs[i] = err
			return
		}
		keys[i] = docKey{hash: Hash(d.Text), digest: dg, meta: metaOf(d), entities: ents, timexes: tmxs}
	}
	if n := min(runtime.GOMAXPROCS(0), len(ds)); n <= 1 {
		for i := range ds {
			one(i)
		}
	} else {
		var wg sync.WaitGroup
		var next atomic.Int64
		for range n {
			wg.Go(func() {
				for i := int(next.Add(1) - 1); i < len(ds); i = int(next.Add(1) - 1) {
					one(i)
				}
			})
		}
		wg.Wait()
	}
	for i, err := range errs {
		if err != nil {
			return nil, &ValidationError{Index: i, Name: docName(ds[i]), Err: err}
		}
	}
	return keys, nil
}

// stored is a document found by lookup.
type stored struct {
	id           int64
	digest, meta string
}

// lookup finds the stored documents with the hashes of keys, by hash and URL, in one query.
func (s *sqlStore) lookup(ctx context.Context, tx wtx, keys []docKey) (map[[2]string]stored, error) {
	hashes := make([]string, 0, len(keys))
	for _, k := range keys {
		hashes = append(hashes, k.hash)
	}
	rows, err := tx.query(ctx, `SELECT hash, url, id, digest, meta FROM documents WHERE hash IN `+s.inList(), s.listArg(hashes))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[[2]string]stored{}
	for rows.Next() {
		var h, u string
		var x stored
		if err := rows.Scan(&h, &u, &x.id, &x.digest, &x.meta); err != nil {
			return nil, err
		}
		out[[2]string{h, u}] = x
	}
	return out, rows.Err()
}

// Put implements Store.
func (s *sqlStore) Put(ctx context.Context, d *doc.Doc) (Result, int64, error) {
	r, ids, err := s.putBatch(ctx, []*doc.Doc{d})
	if err != nil {
		return 0, 0, err
	}
	return r[0], ids[0], nil
}

func docName(d *doc.Doc) string {
	if d == nil {
		return "nil"
	}
	switch {
	case d.ID != "":
		return "id " + d.ID
	case d.URL != "":
		return d.URL
	}
	return "hash " + Hash(d.Text)[:12]
}

// putOne stores one document of a batch. known holds the documents stored before the batch began,
// by hash and URL; a key that putOne writes is taken out of it, so that the same key met again in
// the batch is looked up afresh.
func (s *sqlStore) putOne(ctx context.Context, tx wtx, b *batch, d *doc.Doc, k *docKey, known map[[2]string]stored, now string) (Result, int64, error) {
	hash, dg, meta := k.hash, k.digest, k.meta
	outlet := outletOf(&d.Article)
	key := [2]string{hash, d.URL}
	for attempt := 0; ; attempt++ {
		var id int64
		var old, oldMeta string
		var err error
		if x, ok := known[key]; ok && attempt == 0 {
			id, old, oldMeta = x.id, x.digest, x.meta
		} else if attempt == 0 {
			err = sql.ErrNoRows // not stored when the batch began, nor written by it
		} else {
			err = tx.queryRow(ctx, `SELECT id, digest, meta FROM documents WHERE hash = ? AND url = ?`, hash, d.URL).Scan(&id, &old, &oldMeta)
		}
		if err == nil && old != dg && oldMeta == meta {
			delete(known, key) // about to be replaced
		}
		switch {
		case err == nil && old == dg:
			return Unchanged, id, nil
		case err == nil && oldMeta != meta:
			return Duplicate, id, nil
		case err == nil:
			if b.pending[id] {
				if err := s.flush(ctx, tx, b, true); err != nil {
					return 0, 0, err
				}
			}
			if err := s.removeLayers(ctx, tx, b, id); err != nil {
				return 0, 0, err
			}
			if err := tx.exec(ctx, `UPDATE documents SET article_id = ?, published = ?, pub_day = ?, title = ?, source = ?,
				outlet = ?, language = ?, sentences = ?, n_sentences = ?, paragraphs = ?, warnings = ?, digest = ?, added = ?,
				entities = ?, n_entities = ?, timexes = ?, n_timexes = ?
				WHERE id = ?`, d.ID, d.Published, dayOf(d.Published), d.Title, d.Source, outlet, d.Language,
				spansJSON(d.Sentences), len(d.Sentences), spansJSON(d.Paragraphs), jsonText(d.Warnings), dg, now,
				k.entities, len(d.Entities), k.timexes, len(d.Timexes), id); err != nil {
				return 0, 0, err
			}
			b.add(id, d)
			return Replaced, id, nil
		case !isNoRows(err):
			return 0, 0, err
		}
		err = tx.queryRow(ctx, `INSERT INTO documents (hash, url, article_id, published, pub_day, title, source, outlet,
			language, text, sentences, n_sentences, paragraphs, warnings, digest, meta, added,
			entities, n_entities, timexes, n_timexes)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hash, url) DO NOTHING RETURNING id`,
			hash, d.URL, d.ID, d.Published, dayOf(d.Published), d.Title, d.Source, outlet, d.Language, d.Text,
			spansJSON(d.Sentences), len(d.Sentences), spansJSON(d.Paragraphs), jsonText(d.Warnings), dg, meta, now,
			k.entities, len(d.Entities), k.timexes, len(d.Timexes)).Scan(&id)
		if isNoRows(err) && attempt == 0 {
			continue // another writer stored it meanwhile: compare with theirs
		}
		if err != nil {
			return 0, 0, err
		}
		b.add(id, d)
		return Inserted, id, nil
	}
}

// removeLayers deletes the layers of document id, taking its events out of the aggregates.
func (s *sqlStore) removeLayers(ctx context.Context, tx wtx, b *batch, id int64) error {
	rows, err := tx.query(ctx, `SELECT day, src_code, tgt_code, quad, goldstein, cluster, root FROM events WHERE doc_id = ?`, id)
	if err != nil {
		return err
	}
	for rows.Next() {
		var k aggKey
		var g float64
		var c, root string
		if err := rows.Scan(&k.day, &k.src, &k.tgt, &k.quad, &g, &c, &root); err != nil {
			rows.Close()
			return err
		}
		if k.day != "" {
			b.addAgg(k, -1, -g)
			b.clusters[c] = [3]string{k.src, k.tgt, root}
		}
		b.dyads[[2]string{k.src, k.tgt}]--
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = tx.query(ctx, `SELECT code FROM event_actors WHERE doc_id = ? AND code <> ''`, id)
	if err != nil {
		return err
	}
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			rows.Close()
			return err
		}
		b.codes[c]--
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	stmts := []string{
		`DELETE FROM event_actors WHERE doc_id = ?`,
		`DELETE FROM events WHERE doc_id = ?`,
		`DELETE FROM quotes WHERE doc_id = ?`,
	}
	if !s.pg {
		stmts = append([]string{
			`DELETE FROM quotes_fts WHERE rowid IN (SELECT id FROM quotes WHERE doc_id = ?)`,
			`DELETE FROM docs_fts WHERE rowid = ?`,
		}, stmts...)
	}
	for _, q := range stmts {
		if err := tx.exec(ctx, q, id); err != nil {
			return err
		}
	}
	return nil
}

// finish writes the batch's full-text rows, applies its aggregate deltas and recomputes the
// clusters it touched.
func (s *sqlStore) finish(ctx context.Context, tx wtx, b *batch) error {
	if err := s.indexText(ctx, tx, b); err != nil {
		return err
	}
	if err := s.applyCounts(ctx, tx, b); err != nil {
		return err
	}
	if len(b.agg) > 0 {
		monthly := make(map[aggKey]aggVal, len(b.agg))
		for k, v := range b.agg {
			m := k
			m.day = k.day[:8] + "01"
			x := monthly[m]
			x.n += v.n
			x.gsum += v.gsum
			monthly[m] = x
		}
		for _, t := range []struct {
			table string
			agg   map[aggKey]aggVal
		}{{"dyad_daily", b.agg}, {"dyad_monthly", monthly}} {
			if err := s.applyAgg(ctx, tx, t.table, t.agg); err != nil {
				return fmt.Errorf("updating %s: %w", t.table, err)
			}
		}
		for k := range b.neg {
			for _, del := range []struct{ table, day string }{{"dyad_daily", k.day}, {"dyad_monthly", k.day[:8] + "01"}} {
				if err := tx.exec(ctx, `DELETE FROM `+del.table+` WHERE src = ? AND tgt = ? AND day = ? AND quad = ? AND n <= 0`,
					k.src, k.tgt, del.day, k.quad); err != nil {
					return err
				}
			}
		}
	}
	if len(b.clusters) == 0 {
		return nil
	}
	keys := make([]string, 0, len(b.clusters))
	for k := range b.clusters {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	arg := s.listArg(keys)
	if s.pg {
		if err := tx.exec(ctx, `INSERT INTO clusters (key, day, src, tgt, root, n_events, n_articles, n_sources)
		SELECT cluster, MIN(substr(cluster, 1, 10)), MIN(src_code), MIN(tgt_code), MIN(root), COUNT(*), COUNT(DISTINCT doc_id),
			COUNT(DISTINCT NULLIF(outlet, ''))
		FROM events WHERE cluster IN `+s.inList()+` GROUP BY cluster ORDER BY cluster
		ON CONFLICT (key) DO UPDATE SET n_events = excluded.n_events, n_articles = excluded.n_articles,
			n_sources = excluded.n_sources`, arg); err != nil {
			return fmt.Errorf("updating clusters: %w", err)
		}
	} else {
		// The counts from the index alone (events_cluster holds the document and the outlet); the
		// codes and the root come with the keys.
		rows := make([][4]string, len(keys))
		for i, k := range keys {
			c := b.clusters[k]
			rows[i] = [4]string{k, c[0], c[1], c[2]}
		}
		js, err := json.Marshal(rows)
		if err != nil {
			return err
		}
		if err := tx.exec(ctx, `INSERT INTO clusters (key, day, src, tgt, root, n_events, n_articles, n_sources)
		SELECT k.key, substr(k.key, 1, 10), k.src, k.tgt, k.root, COUNT(*), COUNT(DISTINCT e.doc_id), COUNT(DISTINCT NULLIF(e.outlet, ''))
		FROM (SELECT value ->> 0 AS key, value ->> 1 AS src, value ->> 2 AS tgt, value ->> 3 AS root FROM json_each(?)) AS k
			JOIN events AS e INDEXED BY events_cluster ON e.cluster = k.key
		GROUP BY k.key ORDER BY k.key
		ON CONFLICT (key) DO UPDATE SET n_events = excluded.n_events, n_articles = excluded.n_articles,
			n_sources = excluded.n_sources`, string(js)); err != nil {
			return fmt.Errorf("updating clusters: %w", err)
		}
	}
	if len(b.neg) > 0 {
		if err := tx.exec(ctx, `DELETE FROM clusters WHERE key IN `+s.inList()+`
			AND NOT EXISTS (SELECT 1 FROM events WHERE events.cluster = clusters.key)`, arg); err != nil {
			return fmt.Errorf("updating clusters: %w", err)
		}
	}
	return nil
}
