// Package store keeps coded documents in a SQL database and answers questions about them: events by
// actor, dyad, type and date, quotes by speaker, dyad timelines, and cross-article event clusters.
//
// There is one schema and two implementations of the Store interface: SQLite (pure Go, the embedded
// default, OpenSQLite) and PostgreSQL (OpenPostgres, bulk loading with COPY). Open picks one from a DSN.
// The schema is created and upgraded by an append-only list of migrations, each run in a transaction
// and recorded in the schema_version table.
//
// # Identity, idempotency and crash safety
//
// A document is identified by the SHA-256 of its text (Hash) together with its URL (empty when
// unknown): the same text at two URLs is two articles, as a syndicated story is. Putting a document
// whose key is stored and whose layers are unchanged writes nothing (Unchanged); putting it with
// changed layers (re-coded after a dictionary change) replaces all of its layers in one transaction
// (Replaced). A different record with the same key (another id, publication date, title, source or
// language: a corpus that holds one article twice) is not stored and the first one is kept
// (Duplicate), so that ingesting such a corpus again changes nothing. Every write is a transaction, so a process killed at any moment leaves each document
// either wholly stored or absent, and running the same ingest again completes the store.
//
// # What is stored
//
// Everything in a Doc except Tokens (which the text stage recomputes cheaply): the article fields,
// sentence and paragraph offsets, entities with their actors, timexes, quotes with cues and speakers,
// events with all their source and target actors, rule ids and warnings. Offsets in the database are
// byte offsets into documents.text, as inside Go. The text must be valid UTF-8 without NUL bytes
// (PostgreSQL cannot store NUL in text); Put rejects other documents with an error naming the field.
//
// # Dyads, days and clusters
//
// An event's dyad is its primary (first) source actor code and primary (first) target actor code;
// dyad filters and timelines use these. An actor filter matches any source or target actor of the
// event. Actor codes are matched as prefixes ("RUS" matches "RUSGOV"). An event's day is its date
// when that is a full day (YYYY-MM-DD), else the article's publication day, else it has no day and
// is left out of timelines. A cluster is the set of events with the same dyad and CAMEO root whose
// days fall in the same ISO week (Monday to Sunday; GDELT's event deduplication, over a date window
// because reports of one event are dated by their publication, a day or two apart): its counts of
// events, distinct articles and distinct outlets (Article.Source, else the URL's host) are
// maintained on every write. A fixed calendar window, rather than a sliding "within a day of
// another report", keeps clusters independent of the order in which articles are stored, and
// costs a write nothing more than the exact day did; its price is that two reports on either side
// of a Sunday midnight fall in two clusters.
package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"dyad/doc"
)

// Store is a database of coded documents. Implementations are safe for concurrent use.
type Store interface {
	// Put stores one document in one transaction and reports what it did and the document's id
	// (for Unchanged and Duplicate, the id of the document already stored).
	Put(ctx context.Context, d *doc.Doc) (Result, int64, error)
	// PutBatch stores several documents in one transaction (faster than Put in a loop): either all
	// of them are written or, on error, none. Results are in the order of ds.
	PutBatch(ctx context.Context, ds []*doc.Doc) ([]Result, error)
	// Prepare validates documents and does the work of storing them that needs no database
	// (hashes, fingerprints, encodings), on every core, for PutPrepared. It fails when a
	// document cannot be stored, naming it.
	Prepare(ds []*doc.Doc) (*Prepared, error)
	// Begin starts a write transaction that stores several batches and commits them together (see
	// Tx). While it is open, other writers wait.
	Begin(ctx context.Context) (Tx, error)
	// Has reports whether a document with this text hash (see Hash) is stored, under any URL.
	Has(ctx context.Context, hash string) (bool, error)
	// Get returns the stored document with this id, its layers rebuilt (Tokens are not stored).
	Get(ctx context.Context, id int64) (*doc.Doc, error)
	// Docs calls fn for every stored document in id order; an error from fn stops the walk.
	Docs(ctx context.Context, fn func(id int64, d *doc.Doc) error) error
	// Events calls fn for each event matching q, in id order.
	Events(ctx context.Context, q Query, fn func(*EventRow) error) error
	// Quotes calls fn for each quote matching q, in id order.
	Quotes(ctx context.Context, q QuoteQuery, fn func(*QuoteRow) error) error
	// Clusters calls fn for each event cluster matching q (its Source, Target, Either, Root, From,
	// To, Limit and Offset), most reported first.
	Clusters(ctx context.Context, q Query, fn func(*Cluster) error) error
	// Timeline aggregates the events matching q by day, week or month.
	Timeline(ctx context.Context, q Query, by Interval) ([]Bucket, error)
	// Documents calls fn for each stored document matching q, in id order, without its layers.
	Documents(ctx context.Context, q DocQuery, fn func(*DocSummary) error) error
	// Dyads calls fn for each primary dyad (both codes known) matching q's Source and Target
	// prefixes (and Either), most events first, with q's Limit and Offset. Counts come from a
	// table kept on every write.
	Dyads(ctx context.Context, q Query, fn func(*DyadCount) error) error
	// Actors calls fn for each primary actor code matching q's Prefix, most events first, with its
	// Limit and Offset. Counts come from tables kept on every write.
	Actors(ctx context.Context, q ActorQuery, fn func(*ActorCount) error) error
	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)
	// Close releases the database.
	Close() error
}

// Tx is a write transaction of several batches: an ingest stores documents in small batches as
// they are coded, so that storing overlaps coding, and commits every few hundred documents, so that
// it pays for a transaction (its commit, its index pages written to the log) once per few hundred.
// A batch with a document that cannot be stored (invalid UTF-8, a span outside the text) is
// rejected before anything is written, and the transaction goes on. A batch that fails in the
// database (a full disk, a lost connection) fails the transaction: every later call returns
// ErrTxFailed, nothing it wrote is kept, and it can only be rolled back. Nothing is visible to
// readers, or survives a crash, before Commit. A Tx is used by one goroutine.
type Tx interface {
	// PutBatch stores documents as Store.PutBatch does, inside the transaction.
	PutBatch(ctx context.Context, ds []*doc.Doc) ([]Result, error)
	// PutPrepared is PutBatch of documents prepared by the store's Prepare: an ingest prepares a
	// batch while the one before it is written.
	PutPrepared(ctx context.Context, p *Prepared) ([]Result, error)
	// Commit makes the transaction's batches durable and visible.
	Commit(ctx context.Context) error
	// Rollback discards what the transaction wrote; after Commit it does nothing.
	Rollback(ctx context.Context)
}

// Prepared is a batch of documents made ready to store by Store.Prepare.
type Prepared struct {
	docs []*doc.Doc
	keys []docKey
}

// Docs returns the documents, in the order given to Prepare.
func (p *Prepared) Docs() []*doc.Doc { return p.docs }

// Result says what Put did with a document.
type Result int

// Results of Put.
const (
	Inserted  Result = iota // the document was new
	Replaced                // the document was stored with other layers, which were replaced
	Unchanged               // the document was stored with the same layers: nothing was written
	Duplicate               // another record (other id, date or title) with the same text and URL is stored: kept
)

// String returns the result's name.
func (r Result) String() string {
	switch r {
	case Inserted:
		return "inserted"
	case Replaced:
		return "replaced"
	case Unchanged:
		return "unchanged"
	case Duplicate:
		return "duplicate"
	}
	return fmt.Sprintf("Result(%d)", int(r))
}

// Hash returns the content hash that identifies a text: the lower-case hex SHA-256 of its bytes.
func Hash(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:])
}

// Query selects events. Zero fields do not filter.
type Query struct {
	// Actor matches events with any source or target actor whose code starts with it ("RUS").
	Actor string
	// Source and Target match the primary source and target actor codes by prefix (a dyad).
	Source, Target string
	// Either also matches the dyad the other way round (Target acting on Source).
	Either bool
	// Plover is a PLOVER event type ("REQUEST").
	Plover string
	// Root is a CAMEO root code, two digits ("02"); a longer code is cut to its root.
	Root string
	// Quad is a QuadClass, 1 to 4.
	Quad int
	// From and To bound the event day, inclusive (ISO dates, "2022-05-01").
	From, To string
	// Text is a full-text search over document titles and texts (words, all of which must occur).
	Text string
	// Limit caps the number of results (0: no limit); Offset skips results first.
	Limit, Offset int
	// After returns only results with an id greater than it (keyset pagination: pass the last id
	// of the previous page).
	After int64
}

// QuoteQuery selects quotes. Zero fields do not filter.
type QuoteQuery struct {
	// Speaker matches the speaker's actor code by prefix, or the speaker's actor name or mention
	// text containing it (case-insensitive).
	Speaker string
	// Text is a full-text search over quote contents.
	Text string
	// From and To bound the publication day of the article, inclusive.
	From, To string
	// Limit, Offset and After paginate as in Query.
	Limit, Offset int
	After         int64
}

// EventRow is one stored event with the article it came from and its cluster.
type EventRow struct {
	doc.Event
	// ID is the event's id in the store; DocID the id of its document; Index its position in
	// Doc.Events.
	ID    int64
	DocID int64
	Index int
	// ArticleID, Hash, URL, Title, Published and Outlet describe the article. Outlet is
	// Article.Source, or the URL's host when Source is empty.
	ArticleID, Hash, URL, Title, Published, Outlet string
	// Added is when the document was stored (RFC 3339, UTC).
	Added string
	// Day is the event day used for timelines and clusters ("" when unknown).
	Day string
	// SentenceText and the Trigger text are copied from the document.
	SentenceText string
	// IsRoot reports an event in the lead of the article (the first paragraph, or the first two
	// sentences when there are no paragraphs), as GDELT's IsRootEvent.
	IsRoot bool
	// Cluster is the cluster the event belongs to.
	Cluster Cluster
}

// Cluster is the set of events of the same ISO week with the same dyad and CAMEO root.
type Cluster struct {
	// Key is "week|source|target|root", week being the Monday of the ISO week.
	Key string
	// Day is the Monday of the cluster's ISO week; Source and Target the primary actor codes.
	Day, Source, Target       string
	Root                      string
	Events, Articles, Sources int
}

// ClusterKey returns the cluster key of an event with this day, primary codes and CAMEO code: the
// Monday of the day's ISO week, the codes and the CAMEO root ("2022-05-23|RUSGOV|USAGOV|04").
func ClusterKey(day, source, target, cameo string) string {
	return WeekOf(day) + "|" + source + "|" + target + "|" + cameoRoot(cameo)
}

// WeekOf returns the Monday of the ISO week of an ISO day ("2022-05-28" -> "2022-05-23"), or day
// itself when it is not an ISO day.
func WeekOf(day string) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return day
	}
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)).Format("2006-01-02")
}

// QuoteRow is one stored quote with the article it came from.
type QuoteRow struct {
	doc.Quote
	ID, DocID                                      int64
	Index                                          int
	ArticleID, Hash, URL, Title, Published, Outlet string
}

// DocQuery selects documents. Zero fields do not filter.
type DocQuery struct {
	// Text is a full-text search over titles and texts (words, all of which must occur).
	Text string
	// From and To bound the publication day, inclusive (ISO dates).
	From, To string
	// Limit, Offset and After paginate as in Query.
	Limit, Offset int
	After         int64
}

// DocSummary is a stored document without its text and layers, with the number of each layer's
// items.
type DocSummary struct {
	// ID is the document's id in the store.
	ID int64
	// ArticleID, Hash, URL, Title, Published, Source, Outlet and Language describe the article;
	// Added is when it was stored (RFC 3339, UTC).
	ArticleID, Hash, URL, Title, Published, Source, Outlet, Language, Added string
	// Sentences, Entities, Timexes, Quotes and Events count the layers' items.
	Sentences, Entities, Timexes, Quotes, Events int
}

// DyadCount is a primary dyad with its number of events.
type DyadCount struct {
	Source, Target string
	Events         int64
}

// ActorQuery selects actor codes for Actors.
type ActorQuery struct {
	// Prefix keeps the codes that start with it ("RUS").
	Prefix string
	// Limit caps the number of codes (0: no limit); Offset skips codes first.
	Limit, Offset int
}

// ActorCount is an actor code with its numbers of events.
type ActorCount struct {
	Code string
	// AsSource and AsTarget count the events with the code as primary source and as primary
	// target; Events those with it as either (an event with the code on both sides counts once).
	AsSource, AsTarget, Events int64
	// Mentions counts the code among all the source and target actors of events, primary or not.
	Mentions int64
}

// Interval is the width of a timeline bucket.
type Interval string

// Timeline intervals.
const (
	Day   Interval = "day"
	Week  Interval = "week" // ISO weeks, starting on Monday
	Month Interval = "month"
)

// ParseInterval reads "day", "week" or "month".
func ParseInterval(s string) (Interval, error) {
	switch Interval(strings.ToLower(s)) {
	case Day, Week, Month:
		return Interval(strings.ToLower(s)), nil
	}
	return "", fmt.Errorf("unknown timeline interval %q (want day, week or month)", s)
}

// Bucket is one step of a timeline.
type Bucket struct {
	// Start is the first day of the bucket (ISO date; a Monday for weeks, the 1st for months).
	Start string `json:"start"`
	// Events is the number of events; Quad counts them by QuadClass (index 1 to 4; index 0 holds
	// events without a QuadClass).
	Events int    `json:"events"`
	Quad   [5]int `json:"quad"`
	// Goldstein is the mean Goldstein score of the events.
	Goldstein float64 `json:"goldstein"`
}

// Stats counts what a store holds.
type Stats struct {
	Documents, Sentences, Entities, Timexes, Quotes, Events, Clusters int64
}

// ErrTxFailed is returned by a Tx whose database failed: the transaction is lost, and what it
// wrote must be written again.
var ErrTxFailed = errors.New("store: the transaction failed")

// ErrNotFound is returned by Get for an unknown id.
var ErrNotFound = errors.New("store: no such document")

// DefaultPath is the SQLite file that Open uses for an empty DSN.
const DefaultPath = "dyad.db"

// Open opens the store that dsn names: a postgres:// or postgresql:// URL opens PostgreSQL; a
// sqlite:// URL, a file path, or "" (DefaultPath in the working directory) opens SQLite.
func Open(ctx context.Context, dsn string) (Store, error) {
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return OpenPostgres(ctx, dsn)
	case strings.HasPrefix(dsn, "sqlite://"):
		return OpenSQLite(strings.TrimPrefix(dsn, "sqlite://"))
	case strings.HasPrefix(dsn, "sqlite:"):
		return OpenSQLite(strings.TrimPrefix(dsn, "sqlite:"))
	case dsn == "":
		return OpenSQLite(DefaultPath)
	case strings.Contains(dsn, "://"):
		return nil, fmt.Errorf("store: unknown database scheme in %q (want postgres://, sqlite:// or a file path)", dsn)
	}
	return OpenSQLite(dsn)
}

func cameoRoot(c string) string {
	if len(c) >= 2 {
		return c[:2]
	}
	return c
}
