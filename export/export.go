// Package export writes stored documents and events in the formats that event-data tools read:
//
//   - jsonl: one document record per line (doc.Encode), the same contract as the engine's input
//     and output; every layer, offsets in code points.
//   - csv: one row per event, columns as the fields of Event (header row first).
//   - gdelt: GDELT 2.0 event table rows (tab-separated, 61 columns, no header), one row per event
//     cluster; see GDELTColumns for what is filled.
//   - plover: PLOVER JSON event records, one per line; see PLOVEREvent.
//   - parquet: one row per event with the columns of Event (readable by DuckDB, Spark, pandas).
//
// Every event row carries its cluster (the same ISO week, dyad and CAMEO root across articles) with its
// counts of events, articles and sources. Offsets in csv and parquet rows are byte offsets into
// the article text; the sentence and trigger texts are included.
package export

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"dyad/doc"
	"dyad/store"
)

// Formats lists the format names that Export accepts.
func Formats() []string { return []string{"jsonl", "csv", "gdelt", "plover", "parquet"} }

// EventWriter writes event rows in one format. Close flushes what is buffered and writes any
// trailer; it does not close the underlying writer.
type EventWriter interface {
	Write(r *store.EventRow) error
	Close() error
}

// NewEventWriter returns the EventWriter of a format (all but jsonl).
func NewEventWriter(format string, w io.Writer) (EventWriter, error) {
	switch format {
	case "csv":
		return NewCSV(w), nil
	case "gdelt":
		return NewGDELT(w), nil
	case "plover":
		return NewPLOVER(w), nil
	case "parquet":
		return NewParquet(w), nil
	}
	return nil, fmt.Errorf("export: unknown event format %q (want csv, gdelt, plover or parquet)", format)
}

// Export writes what s holds to w in format and returns the number of records written. The jsonl
// format writes every document (q is ignored); the others write the events matching q.
func Export(ctx context.Context, s store.Store, format string, q store.Query, w io.Writer) (int, error) {
	n := 0
	if format == "jsonl" {
		jw := NewJSONL(w)
		err := s.Docs(ctx, func(_ int64, d *doc.Doc) error {
			n++
			return jw.Write(d)
		})
		if err != nil {
			return n, err
		}
		return n, jw.Close()
	}
	ew, err := NewEventWriter(format, w)
	if err != nil {
		return 0, err
	}
	err = s.Events(ctx, q, func(r *store.EventRow) error {
		n++
		return ew.Write(r)
	})
	if err != nil {
		return n, err
	}
	return n, ew.Close()
}

// JSONLWriter writes document records, one per line.
type JSONLWriter struct{ w *bufio.Writer }

// NewJSONL returns a JSONLWriter on w.
func NewJSONL(w io.Writer) *JSONLWriter { return &JSONLWriter{bufio.NewWriterSize(w, 1<<16)} }

// Write writes one record.
func (j *JSONLWriter) Write(d *doc.Doc) error {
	b, err := doc.Encode(d)
	if err != nil {
		return err
	}
	j.w.Write(b)
	return j.w.WriteByte('\n')
}

// Close flushes the writer.
func (j *JSONLWriter) Close() error { return j.w.Flush() }

// ReadJSONL reads document records, one per line, reporting the line of a bad record.
func ReadJSONL(r io.Reader) ([]*doc.Doc, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	var out []*doc.Doc
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if len(strings.TrimSpace(string(b))) > 0 {
			d, derr := doc.Decode(b)
			if derr != nil {
				return out, fmt.Errorf("line %d: %w", line, derr)
			}
			out = append(out, d)
		}
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
	}
}

// Event is the flat event row of the csv and parquet formats.
type Event struct {
	ID            int64   `parquet:"id" json:"id"`
	DocID         int64   `parquet:"doc_id" json:"doc_id"`
	Index         int64   `parquet:"index" json:"index"`
	ArticleID     string  `parquet:"article_id" json:"article_id"`
	URL           string  `parquet:"url" json:"url"`
	Title         string  `parquet:"title" json:"title"`
	Published     string  `parquet:"published" json:"published"`
	Outlet        string  `parquet:"outlet" json:"outlet"`
	Day           string  `parquet:"day" json:"day"`
	Date          string  `parquet:"date" json:"date"`
	DateBasis     string  `parquet:"date_basis" json:"date_basis"`
	Cameo         string  `parquet:"cameo" json:"cameo"`
	Root          string  `parquet:"root" json:"root"`
	Plover        string  `parquet:"plover" json:"plover"`
	Mode          string  `parquet:"mode" json:"mode"`
	QuadClass     int64   `parquet:"quad_class" json:"quad_class"`
	Goldstein     float64 `parquet:"goldstein" json:"goldstein"`
	SourceCode    string  `parquet:"source_code" json:"source_code"`
	SourceName    string  `parquet:"source_name" json:"source_name"`
	SourceCountry string  `parquet:"source_country" json:"source_country"`
	SourceSector  string  `parquet:"source_sector" json:"source_sector"`
	TargetCode    string  `parquet:"target_code" json:"target_code"`
	TargetName    string  `parquet:"target_name" json:"target_name"`
	TargetCountry string  `parquet:"target_country" json:"target_country"`
	TargetSector  string  `parquet:"target_sector" json:"target_sector"`
	// Sources and Targets list every actor code of the event, separated by ';'.
	Sources       string `parquet:"sources" json:"sources"`
	Targets       string `parquet:"targets" json:"targets"`
	Trigger       string `parquet:"trigger" json:"trigger"`
	TriggerStart  int64  `parquet:"trigger_start" json:"trigger_start"`
	TriggerEnd    int64  `parquet:"trigger_end" json:"trigger_end"`
	Sentence      string `parquet:"sentence" json:"sentence"`
	SentenceStart int64  `parquet:"sentence_start" json:"sentence_start"`
	SentenceEnd   int64  `parquet:"sentence_end" json:"sentence_end"`
	Negated       bool   `parquet:"negated" json:"negated"`
	Modality      string `parquet:"modality" json:"modality"`
	Rule          string `parquet:"rule" json:"rule"`
	IsRoot        bool   `parquet:"is_root" json:"is_root"`
	Cluster       string `parquet:"cluster" json:"cluster"`
	NumEvents     int64  `parquet:"num_events" json:"num_events"`
	NumArticles   int64  `parquet:"num_articles" json:"num_articles"`
	NumSources    int64  `parquet:"num_sources" json:"num_sources"`
}

// Flatten turns a stored event into a flat row.
func Flatten(r *store.EventRow) Event {
	e := Event{ID: r.ID, DocID: r.DocID, Index: int64(r.Index), ArticleID: r.ArticleID, URL: r.URL, Title: r.Title,
		Published: r.Published, Outlet: r.Outlet, Day: r.Day, Date: r.Date, DateBasis: r.DateBasis,
		Cameo: r.Cameo, Plover: r.Plover, Mode: r.Mode, QuadClass: int64(r.QuadClass), Goldstein: r.Goldstein,
		Trigger: r.Trigger.Text, TriggerStart: int64(r.Trigger.Start), TriggerEnd: int64(r.Trigger.End),
		Sentence: r.SentenceText, SentenceStart: int64(r.Sentence.Start), SentenceEnd: int64(r.Sentence.End),
		Negated: r.Negated, Modality: r.Modality, Rule: r.Rule, IsRoot: r.IsRoot, Cluster: r.Cluster.Key,
		NumEvents: int64(r.Cluster.Events), NumArticles: int64(r.Cluster.Articles), NumSources: int64(r.Cluster.Sources)}
	if len(r.Cameo) >= 2 {
		e.Root = r.Cameo[:2]
	}
	if len(r.Source) > 0 {
		a := r.Source[0]
		e.SourceCode, e.SourceName, e.SourceCountry, e.SourceSector = a.Code, a.Name, a.Country, a.Sector
	}
	if len(r.Target) > 0 {
		a := r.Target[0]
		e.TargetCode, e.TargetName, e.TargetCountry, e.TargetSector = a.Code, a.Name, a.Country, a.Sector
	}
	e.Sources, e.Targets = codes(r.Source), codes(r.Target)
	return e
}

func codes(as []doc.Actor) string {
	var b strings.Builder
	for i, a := range as {
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(a.Code)
	}
	return b.String()
}
