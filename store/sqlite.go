package store

import (
	"cmp"
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"net/url"
	"slices"
	"strings"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver
)

// sqlStore implements Store over database/sql for both dialects; PostgreSQL writes go through pgx
// (COPY), SQLite writes through database/sql transactions.
type sqlStore struct {
	db    *sql.DB
	pg    bool
	force string // tests: the event plan to use when it applies (see planEvents)
	begin func(ctx context.Context) (wtx, error)
	close func() error
}

// OpenSQLite opens (creating it if needed) the SQLite database at path and brings its schema up to
// date. The database runs in WAL mode with synchronous=NORMAL (a crashed process loses nothing that
// was committed), a busy timeout of 30 s, and write transactions that take the write lock at BEGIN.
func OpenSQLite(path string) (Store, error) {
	if path == "" {
		path = DefaultPath
	}
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "synchronous(NORMAL)", "busy_timeout(30000)",
		"foreign_keys(OFF)", "cache_size(-65536)", "temp_store(MEMORY)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	dsn := "file:" + strings.ReplaceAll(path, "?", "%3F") + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: opening %s: %w", path, err)
	}
	db.SetMaxOpenConns(4)
	ctx := context.Background()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: opening %s: %w", path, err)
	}
	if err := migrate(ctx, db, false); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: %s: %w", path, err)
	}
	s := &sqlStore{db: db, close: db.Close}
	s.begin = func(ctx context.Context) (wtx, error) {
		conn, err := db.Conn(ctx)
		if err != nil {
			return nil, err
		}
		if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
			conn.Close()
			return nil, err
		}
		return &sqliteTx{conn: conn, stmts: map[string]*sql.Stmt{}, raw: map[string]driver.Stmt{}}, nil
	}
	return s, nil
}

// Close implements Store.
func (s *sqlStore) Close() error { return s.close() }

// sqliteTx is a write transaction. Its statements are prepared once per transaction (the driver
// parses the SQL of every call again otherwise, which took a fifth of the time of an ingest); they
// are prepared on the transaction's connection, since preparing on another one could wait for a
// connection that waits for this transaction's lock.
//
// The transaction runs on a connection of its own (BEGIN IMMEDIATE ... COMMIT), so that the bulk
// inserts can bind their values through the driver itself (see insertThen): database/sql converts
// every argument of every call into a new slice, which for rows of 64 events x 26 columns was the
// largest allocation of an ingest.
type sqliteTx struct {
	conn  *sql.Conn
	stmts map[string]*sql.Stmt
	raw   map[string]driver.Stmt // insert statements prepared on the driver's connection
	args  []driver.NamedValue    // reused between inserts
	done  bool
}

// stmt returns the statement of q prepared in this transaction.
func (t *sqliteTx) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st := t.stmts[q]; st != nil {
		return st, nil
	}
	st, err := t.conn.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	t.stmts[q] = st
	return st, nil
}

func (t *sqliteTx) exec(ctx context.Context, q string, args ...any) error {
	st, err := t.stmt(ctx, q)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(ctx, args...)
	return err
}

type errScanner struct{ err error }

func (e errScanner) Scan(...any) error { return e.err }

func (t *sqliteTx) queryRow(ctx context.Context, q string, args ...any) scanner {
	st, err := t.stmt(ctx, q)
	if err != nil {
		return errScanner{err}
	}
	return st.QueryRowContext(ctx, args...)
}

func (t *sqliteTx) query(ctx context.Context, q string, args ...any) (rowsIter, error) {
	st, err := t.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	r, err := st.QueryContext(ctx, args...)
	if err != nil {
		return nil, err
	}
	return sqlRows{r}, nil
}

type sqlRows struct{ *sql.Rows }

func (r sqlRows) Close() { r.Rows.Close() }

// insertChunks are the numbers of rows that one multi-row INSERT writes, largest first: rows are
// written 64 at a time, then what is left 16, 4 and 1 at a time, so that a table has four
// statements to prepare and a batch at most nine short ones.
var insertChunks = [...]int{64, 16, 4, 1}

// insert writes rows with multi-row INSERT statements.
func (t *sqliteTx) insert(ctx context.Context, table string, cols []string, rows [][]any) error {
	return t.insertThen(ctx, table, cols, rows, "")
}

// insertThen is insert with a clause after the rows (an upsert's ON CONFLICT).
func (t *sqliteTx) insertThen(ctx context.Context, table string, cols []string, rows [][]any, then string) error {
	one := "(" + strings.Repeat("?,", len(cols)-1) + "?)"
	head := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES "
	var args []driver.NamedValue
	start := 0
	for _, n := range insertChunks {
		if start+n > len(rows) {
			continue
		}
		q := head + strings.Repeat(one+",", n-1) + one + then
		for ; start+n <= len(rows); start += n {
			args = t.args[:0]
			for _, r := range rows[start : start+n] {
				for _, v := range r {
					if i, ok := v.(int); ok {
						v = int64(i)
					}
					args = append(args, driver.NamedValue{Ordinal: len(args) + 1, Value: v})
				}
			}
			t.args = args
			if err := t.rawExec(ctx, q, args); err != nil {
				return err
			}
		}
	}
	return nil
}

// rawExec runs insert statement q, prepared once on the driver's connection, with args.
func (t *sqliteTx) rawExec(ctx context.Context, q string, args []driver.NamedValue) error {
	return t.conn.Raw(func(dc any) error {
		st := t.raw[q]
		if st == nil {
			var err error
			if st, err = dc.(driver.ConnPrepareContext).PrepareContext(ctx, q); err != nil {
				return err
			}
			t.raw[q] = st
		}
		_, err := st.(driver.StmtExecContext).ExecContext(ctx, args)
		return err
	})
}

// end closes the statements and gives the connection back; bad drops it from the pool (its
// transaction may still be open).
func (t *sqliteTx) end(bad bool) {
	t.done = true
	for _, st := range t.stmts {
		st.Close()
	}
	t.conn.Raw(func(any) error {
		for _, st := range t.raw {
			st.Close()
		}
		if bad {
			return driver.ErrBadConn
		}
		return nil
	})
	t.conn.Close()
}

func (t *sqliteTx) commit(ctx context.Context) error {
	if _, err := t.conn.ExecContext(ctx, `COMMIT`); err != nil {
		_, rerr := t.conn.ExecContext(context.Background(), `ROLLBACK`)
		t.end(rerr != nil)
		return err
	}
	t.end(false)
	return nil
}

func (t *sqliteTx) rollback(context.Context) {
	if t.done {
		return
	}
	_, err := t.conn.ExecContext(context.Background(), `ROLLBACK`)
	t.end(err != nil)
}

// applyAgg adds deltas to an aggregate table (dyad_daily or dyad_monthly) and records new codes.
func (s *sqlStore) applyAgg(ctx context.Context, tx wtx, table string, agg map[aggKey]aggVal) error {
	// Keys in a fixed order, so that concurrent writers lock rows in the same order.
	keys := make([]aggKey, 0, len(agg))
	for k := range agg {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b aggKey) int {
		return cmp.Or(cmp.Compare(a.src, b.src), cmp.Compare(a.tgt, b.tgt), cmp.Compare(a.day, b.day), cmp.Compare(a.quad, b.quad))
	})
	if s.pg {
		var src, tgt, day []string
		var quad, n []int64
		var g []float64
		for _, k := range keys {
			v := agg[k]
			if v.n == 0 && v.gsum == 0 {
				continue
			}
			src, tgt, day = append(src, k.src), append(tgt, k.tgt), append(day, k.day)
			quad, n, g = append(quad, int64(k.quad)), append(n, v.n), append(g, v.gsum)
		}
		if len(src) == 0 {
			return nil
		}
		if err := tx.exec(ctx, `INSERT INTO dyad_codes (code) SELECT DISTINCT unnest(?::text[] || ?::text[])
			ON CONFLICT DO NOTHING`, src, tgt); err != nil {
			return err
		}
		return tx.exec(ctx, `INSERT INTO `+table+` (src, tgt, day, quad, n, gsum)
			SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::float8[])
			ON CONFLICT (src, tgt, day, quad) DO UPDATE SET n = `+table+`.n + excluded.n, gsum = `+table+`.gsum + excluded.gsum`,
			src, tgt, day, quad, n, g)
	}
	// Upserts of many rows a statement: a statement per row cost more than the rows.
	codes := map[string]bool{}
	for k := range agg {
		codes[k.src], codes[k.tgt] = true, true
	}
	sorted := make([]string, 0, len(codes))
	for c := range codes {
		sorted = append(sorted, c)
	}
	slices.Sort(sorted)
	st := tx.(*sqliteTx)
	rows := make([][]any, len(sorted))
	for i, c := range sorted {
		rows[i] = []any{c}
	}
	if err := st.insertThen(ctx, "dyad_codes", []string{"code"}, rows, " ON CONFLICT DO NOTHING"); err != nil {
		return err
	}
	rows = rows[:0]
	for _, k := range keys {
		v := agg[k]
		if v.n == 0 && v.gsum == 0 {
			continue
		}
		rows = append(rows, []any{k.src, k.tgt, k.day, int64(k.quad), v.n, v.gsum})
	}
	return st.insertThen(ctx, table, []string{"src", "tgt", "day", "quad", "n", "gsum"}, rows,
		` ON CONFLICT (src, tgt, day, quad) DO UPDATE SET n = `+table+`.n + excluded.n, gsum = `+table+`.gsum + excluded.gsum`)
}

// applyCounts adds the batch's deltas to the dyads and actor_codes tables, in key order (so that
// concurrent writers lock rows in the same order), and drops the rows that fall to zero.
func (s *sqlStore) applyCounts(ctx context.Context, tx wtx, b *batch) error {
	pairs := make([][2]string, 0, len(b.dyads))
	for k, n := range b.dyads {
		if n != 0 {
			pairs = append(pairs, k)
		}
	}
	slices.SortFunc(pairs, func(x, y [2]string) int { return cmp.Or(cmp.Compare(x[0], y[0]), cmp.Compare(x[1], y[1])) })
	codes := make([]string, 0, len(b.codes))
	for c, n := range b.codes {
		if n != 0 {
			codes = append(codes, c)
		}
	}
	slices.Sort(codes)
	neg := false
	if s.pg {
		if len(pairs) > 0 {
			src, tgt, n := make([]string, len(pairs)), make([]string, len(pairs)), make([]int64, len(pairs))
			for i, p := range pairs {
				src[i], tgt[i], n[i] = p[0], p[1], b.dyads[p]
				neg = neg || n[i] < 0
			}
			if err := tx.exec(ctx, `INSERT INTO dyads (src, tgt, n) SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[])
				ON CONFLICT (src, tgt) DO UPDATE SET n = dyads.n + excluded.n`, src, tgt, n); err != nil {
				return fmt.Errorf("updating dyads: %w", err)
			}
		}
		if len(codes) > 0 {
			n := make([]int64, len(codes))
			for i, c := range codes {
				n[i] = b.codes[c]
				neg = neg || n[i] < 0
			}
			if err := tx.exec(ctx, `INSERT INTO actor_codes (code, n) SELECT * FROM unnest(?::text[], ?::bigint[])
				ON CONFLICT (code) DO UPDATE SET n = actor_codes.n + excluded.n`, codes, n); err != nil {
				return fmt.Errorf("updating actor codes: %w", err)
			}
		}
	} else {
		st := tx.(*sqliteTx)
		rows := make([][]any, len(pairs))
		for i, p := range pairs {
			n := b.dyads[p]
			neg = neg || n < 0
			rows[i] = []any{p[0], p[1], n}
		}
		if err := st.insertThen(ctx, "dyads", []string{"src", "tgt", "n"}, rows,
			` ON CONFLICT (src, tgt) DO UPDATE SET n = dyads.n + excluded.n`); err != nil {
			return fmt.Errorf("updating dyads: %w", err)
		}
		rows = rows[:0]
		for _, c := range codes {
			n := b.codes[c]
			neg = neg || n < 0
			rows = append(rows, []any{c, n})
		}
		if err := st.insertThen(ctx, "actor_codes", []string{"code", "n"}, rows,
			` ON CONFLICT (code) DO UPDATE SET n = actor_codes.n + excluded.n`); err != nil {
			return fmt.Errorf("updating actor codes: %w", err)
		}
	}
	if !neg {
		return nil
	}
	for _, p := range pairs {
		if b.dyads[p] < 0 {
			if err := tx.exec(ctx, `DELETE FROM dyads WHERE src = ? AND tgt = ? AND n <= 0`, p[0], p[1]); err != nil {
				return err
			}
		}
	}
	for _, c := range codes {
		if b.codes[c] < 0 {
			if err := tx.exec(ctx, `DELETE FROM actor_codes WHERE code = ? AND n <= 0`, c); err != nil {
				return err
			}
		}
	}
	return nil
}
