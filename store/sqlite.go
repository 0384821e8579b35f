package store

import (
	"cmp"
	"context"
	"database/sql"
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
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return nil, err
		}
		return &sqliteTx{tx: tx}, nil
	}
	return s, nil
}

// Close implements Store.
func (s *sqlStore) Close() error { return s.close() }

type sqliteTx struct{ tx *sql.Tx }

func (t *sqliteTx) exec(ctx context.Context, q string, args ...any) error {
	_, err := t.tx.ExecContext(ctx, q, args...)
	return err
}

func (t *sqliteTx) queryRow(ctx context.Context, q string, args ...any) scanner {
	return t.tx.QueryRowContext(ctx, q, args...)
}

func (t *sqliteTx) query(ctx context.Context, q string, args ...any) (rowsIter, error) {
	r, err := t.tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return sqlRows{r}, nil
}

type sqlRows struct{ *sql.Rows }

func (r sqlRows) Close() { r.Rows.Close() }

// insert writes rows with multi-row INSERT statements of up to 32,000 parameters.
func (t *sqliteTx) insert(ctx context.Context, table string, cols []string, rows [][]any) error {
	per := max(1, min(500, 32000/len(cols)))
	one := "(" + strings.Repeat("?,", len(cols)-1) + "?)"
	head := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES "
	var full string
	args := make([]any, 0, per*len(cols))
	for start := 0; start < len(rows); start += per {
		chunk := rows[start:min(len(rows), start+per)]
		var q string
		if len(chunk) == per && full != "" {
			q = full
		} else {
			q = head + strings.Repeat(one+",", len(chunk)-1) + one
			if len(chunk) == per {
				full = q
			}
		}
		args = args[:0]
		for _, r := range chunk {
			args = append(args, r...)
		}
		if _, err := t.tx.ExecContext(ctx, q, args...); err != nil {
			return err
		}
	}
	return nil
}

func (t *sqliteTx) commit(context.Context) error { return t.tx.Commit() }
func (t *sqliteTx) rollback(context.Context)     { t.tx.Rollback() }

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
	codes := map[string]bool{}
	for k := range agg {
		codes[k.src], codes[k.tgt] = true, true
	}
	for c := range codes {
		if err := tx.exec(ctx, `INSERT INTO dyad_codes (code) VALUES (?) ON CONFLICT DO NOTHING`, c); err != nil {
			return err
		}
	}
	for _, k := range keys {
		v := agg[k]
		if v.n == 0 && v.gsum == 0 {
			continue
		}
		if err := tx.exec(ctx, `INSERT INTO `+table+` (src, tgt, day, quad, n, gsum) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (src, tgt, day, quad) DO UPDATE SET n = `+table+`.n + excluded.n, gsum = `+table+`.gsum + excluded.gsum`,
			k.src, k.tgt, k.day, k.quad, v.n, v.gsum); err != nil {
			return err
		}
	}
	return nil
}
