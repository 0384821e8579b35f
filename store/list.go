package store

import (
	"context"
	"fmt"
)

// Documents implements Store.
func (s *sqlStore) Documents(ctx context.Context, q DocQuery, fn func(*DocSummary) error) error {
	base := &where{}
	if q.Text != "" && (s.pg || ftsQuery(q.Text) != "") {
		c, a := s.docText("d.id", q.Text)
		base.add(c, a...)
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
			w.add(`d.id > ?`, after)
		}
		rows, err := s.query(ctx, `SELECT d.id, d.article_id, d.hash, d.url, d.title, d.published, d.source, d.outlet,
			d.language, d.added, d.n_sentences,
			d.n_entities, d.n_timexes,
			(SELECT COUNT(*) FROM quotes x WHERE x.doc_id = d.id), (SELECT COUNT(*) FROM events x WHERE x.doc_id = d.id)
			FROM documents d`+w.String()+` ORDER BY d.id LIMIT ? OFFSET ?`, append(w.args, n, offset)...)
		if err != nil {
			return 0, 0, fmt.Errorf("store: documents: %w", err)
		}
		defer rows.Close()
		got, last := 0, int64(0)
		for rows.Next() {
			d := &DocSummary{}
			if err := rows.Scan(&d.ID, &d.ArticleID, &d.Hash, &d.URL, &d.Title, &d.Published, &d.Source, &d.Outlet,
				&d.Language, &d.Added, &d.Sentences, &d.Entities, &d.Timexes, &d.Quotes, &d.Events); err != nil {
				return 0, 0, fmt.Errorf("store: documents: %w", err)
			}
			if err := fn(d); err != nil {
				return 0, 0, err
			}
			got, last = got+1, d.ID
		}
		return got, last, rows.Err()
	})
}

// limitOffset returns the LIMIT clause of a limit and an offset (none for limit 0) and its arguments.
func limitOffset(limit, offset int) (string, []any) {
	if limit <= 0 {
		if offset > 0 {
			return ` LIMIT -1 OFFSET ?`, []any{offset}
		}
		return "", nil
	}
	return ` LIMIT ? OFFSET ?`, []any{limit, offset}
}

// Dyads implements Store.
func (s *sqlStore) Dyads(ctx context.Context, q Query, fn func(*DyadCount) error) error {
	w := &where{}
	w.add(`src <> '' AND tgt <> ''`)
	if q.Source != "" || q.Target != "" {
		c, a := prefixDyad("src", "tgt", q.Source, q.Target, q.Either)
		w.add(c, a...)
	}
	lim, largs := limitOffset(q.Limit, q.Offset)
	if s.pg && q.Limit <= 0 && q.Offset > 0 {
		lim = ` OFFSET ?`
	}
	rows, err := s.query(ctx, `SELECT src, tgt, n FROM dyads`+w.String()+` ORDER BY n DESC, src, tgt`+lim, append(w.args, largs...)...)
	if err != nil {
		return fmt.Errorf("store: dyads: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		d := &DyadCount{}
		if err := rows.Scan(&d.Source, &d.Target, &d.Events); err != nil {
			return fmt.Errorf("store: dyads: %w", err)
		}
		if err := fn(d); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Actors implements Store.
func (s *sqlStore) Actors(ctx context.Context, q ActorQuery, fn func(*ActorCount) error) error {
	src, tgt := &where{}, &where{}
	src.add(`src <> ''`)
	tgt.add(`tgt <> ''`)
	if q.Prefix != "" {
		c, a := prefix("src", q.Prefix)
		src.add(c, a...)
		c, a = prefix("tgt", q.Prefix)
		tgt.add(c, a...)
	}
	lim, largs := limitOffset(q.Limit, q.Offset)
	if s.pg && q.Limit <= 0 && q.Offset > 0 {
		lim = ` OFFSET ?`
	}
	args := append(append(src.args, tgt.args...), largs...)
	rows, err := s.query(ctx, `SELECT x.code, SUM(x.s), SUM(x.t), SUM(x.s) + SUM(x.t) - SUM(x.self),
		COALESCE(MAX(a.n), 0)
		FROM (SELECT src AS code, n AS s, 0 AS t, CASE WHEN src = tgt THEN n ELSE 0 END AS self FROM dyads`+src.String()+`
			UNION ALL SELECT tgt, 0, n, 0 FROM dyads`+tgt.String()+`) AS x
		LEFT JOIN actor_codes a ON a.code = x.code
		GROUP BY x.code ORDER BY 4 DESC, x.code`+lim, args...)
	if err != nil {
		return fmt.Errorf("store: actors: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a := &ActorCount{}
		if err := rows.Scan(&a.Code, &a.AsSource, &a.AsTarget, &a.Events, &a.Mentions); err != nil {
			return fmt.Errorf("store: actors: %w", err)
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return rows.Err()
}
