package store

import (
	"encoding/json"
	"fmt"
	"strconv"

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

// The layers are encoded by hand (the same JSON as encoding/json would write, but for the escaping
// of <, > and &): encoding/json spent more on them than SQLite on the rest of the document.

// appendJSONString appends s as a JSON string. s is valid UTF-8 (see validate).
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendActorJSON appends an actor as [name, country, sector, code, role, rule, start, end], or null.
func appendActorJSON(b []byte, a *doc.Actor) []byte {
	if a == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for _, f := range [...]string{a.Name, a.Country, a.Sector, a.Code, a.Role, a.Rule} {
		b = appendJSONString(b, f)
		b = append(b, ',')
	}
	b = strconv.AppendInt(b, int64(a.Start), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(a.End), 10)
	return append(b, ']')
}

// entitiesJSON encodes the entities of d.
func entitiesJSON(d *doc.Doc) (string, error) {
	if len(d.Entities) == 0 {
		return "[]", nil
	}
	b := make([]byte, 0, 96*len(d.Entities))
	b = append(b, '[')
	for i := range d.Entities {
		e := &d.Entities[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(e.Start), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(e.End), 10)
		b = append(b, ',')
		b = appendJSONString(b, e.Type)
		b = append(b, ',')
		b = appendJSONString(b, e.Rule)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(e.Ref), 10)
		b = append(b, ',')
		b = appendActorJSON(b, e.Actor)
		b = append(b, ']')
	}
	return string(append(b, ']')), nil
}

// timexesJSON encodes the timexes of d.
func timexesJSON(d *doc.Doc) (string, error) {
	if len(d.Timexes) == 0 {
		return "[]", nil
	}
	b := make([]byte, 0, 64*len(d.Timexes))
	b = append(b, '[')
	for i := range d.Timexes {
		t := &d.Timexes[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(t.Start), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(t.End), 10)
		for _, f := range [...]string{t.Type, t.Value, t.Rule} {
			b = append(b, ',')
			b = appendJSONString(b, f)
		}
		b = append(b, ']')
	}
	return string(append(b, ']')), nil
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
