package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
)

// OpenPostgres connects to the PostgreSQL database at url (postgres://user:pass@host:port/db) and
// brings its schema up to date. Writes load layers with COPY inside one transaction per batch;
// full-text search uses generated tsvector columns ('english' configuration, first 256 Ki
// characters of each document) with GIN indexes.
func OpenPostgres(ctx context.Context, url string) (Store, error) {
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("store: connecting to PostgreSQL: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("store: connecting to PostgreSQL: %w", err)
	}
	db := stdlib.OpenDBFromPool(pool)
	if err := migrate(ctx, db, true); err != nil {
		db.Close()
		pool.Close()
		return nil, err
	}
	s := &sqlStore{db: db, pg: true}
	s.close = func() error {
		err := db.Close()
		pool.Close()
		return err
	}
	s.begin = func(ctx context.Context) (wtx, error) {
		tx, err := pool.Begin(ctx)
		if err != nil {
			return nil, err
		}
		return &pgTx{tx: tx}, nil
	}
	return s, nil
}

type pgTx struct{ tx pgx.Tx }

func (t *pgTx) exec(ctx context.Context, q string, args ...any) error {
	_, err := t.tx.Exec(ctx, rebind(q, true), args...)
	return err
}

func (t *pgTx) queryRow(ctx context.Context, q string, args ...any) scanner {
	return t.tx.QueryRow(ctx, rebind(q, true), args...)
}

func (t *pgTx) query(ctx context.Context, q string, args ...any) (rowsIter, error) {
	r, err := t.tx.Query(ctx, rebind(q, true), args...)
	if err != nil {
		return nil, err
	}
	return r, nil
}

func (t *pgTx) insert(ctx context.Context, table string, cols []string, rows [][]any) error {
	_, err := t.tx.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows))
	return err
}

func (t *pgTx) commit(ctx context.Context) error { return t.tx.Commit(ctx) }
func (t *pgTx) rollback(ctx context.Context)     { t.tx.Rollback(ctx) }
