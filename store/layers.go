package store

import (
	"encoding/json"
	"fmt"

	"dyad/doc"
)

// Entities and timexes are stored with their document, each layer a JSON array of arrays, because
// no query selects them on their own (queries read events and quotes) and one value per document
// writes much faster than a row per mention (they were half the rows of an ingest):
//
//	entities: [[start, end, type, rule, ref, actor], ...], actor null or
//	          [name, country, sector, code, role, rule, start, end]
//	timexes:  [[start, end, type, value, rule], ...]
//
// Offsets are byte offsets into the text, as everywhere in the store.

func actorJSON(a *doc.Actor) any {
	if a == nil {
		return nil
	}
	return []any{a.Name, a.Country, a.Sector, a.Code, a.Role, a.Rule, a.Start, a.End}
}

// entitiesJSON encodes the entities of d.
func entitiesJSON(d *doc.Doc) (string, error) {
	if len(d.Entities) == 0 {
		return "[]", nil
	}
	rows := make([][]any, len(d.Entities))
	for i, e := range d.Entities {
		rows[i] = []any{e.Start, e.End, e.Type, e.Rule, e.Ref, actorJSON(e.Actor)}
	}
	b, err := json.Marshal(rows)
	return string(b), err
}

// timexesJSON encodes the timexes of d.
func timexesJSON(d *doc.Doc) (string, error) {
	if len(d.Timexes) == 0 {
		return "[]", nil
	}
	rows := make([][]any, len(d.Timexes))
	for i, t := range d.Timexes {
		rows[i] = []any{t.Start, t.End, t.Type, t.Value, t.Rule}
	}
	b, err := json.Marshal(rows)
	return string(b), err
}

// decodeEntities fills d.Entities from their JSON (the text must be set).
func decodeEntities(d *doc.Doc, s string) error {
	var rows [][]json.RawMessage
	if err := json.Unmarshal([]byte(s), &rows); err != nil {
		return err
	}
	for i, r := range rows {
		if len(r) != 6 {
			return fmt.Errorf("entity %d has %d fields, want 6", i, len(r))
		}
		var e doc.Entity
		for j, dst := range []any{&e.Start, &e.End, &e.Type, &e.Rule, &e.Ref} {
			if err := json.Unmarshal(r[j], dst); err != nil {
				return fmt.Errorf("entity %d: %w", i, err)
			}
		}
		if string(r[5]) != "null" {
			var a []json.RawMessage
			if err := json.Unmarshal(r[5], &a); err != nil || len(a) != 8 {
				return fmt.Errorf("entity %d: bad actor %s", i, r[5])
			}
			x := &doc.Actor{}
			for j, dst := range []any{&x.Name, &x.Country, &x.Sector, &x.Code, &x.Role, &x.Rule, &x.Start, &x.End} {
				if err := json.Unmarshal(a[j], dst); err != nil {
					return fmt.Errorf("entity %d actor: %w", i, err)
				}
			}
			e.Actor = x
		}
		e.Text = d.Slice(e.Span)
		d.Entities = append(d.Entities, e)
	}
	return nil
}

// decodeTimexes fills d.Timexes from their JSON (the text must be set).
func decodeTimexes(d *doc.Doc, s string) error {
	var rows [][]json.RawMessage
	if err := json.Unmarshal([]byte(s), &rows); err != nil {
		return err
	}
	for i, r := range rows {
		if len(r) != 5 {
			return fmt.Errorf("timex %d has %d fields, want 5", i, len(r))
		}
		var t doc.Timex
		for j, dst := range []any{&t.Start, &t.End, &t.Type, &t.Value, &t.Rule} {
			if err := json.Unmarshal(r[j], dst); err != nil {
				return fmt.Errorf("timex %d: %w", i, err)
			}
		}
		t.Text = d.Slice(t.Span)
		d.Timexes = append(d.Timexes, t)
	}
	return nil
}
