package export

import (
	"bytes"
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"dyad/doc"
	"dyad/store"
)

var ctx = context.Background()

// article builds a coded article by hand: Ruritania asks Freedonia for talks; a statement with
// no PLOVER type; an attack with two sources.
func article(t testing.TB, url, day, extra string) *doc.Doc {
	text := "Ruritania asks Freedonia for talks\n\nThe Ruritanian foreign minister asked Freedonia\tto talk, \"now\", he said. " +
		"Officials commented on the weather. Rebels and soldiers attacked the Zürich convoy." + extra
	at := func(s string) doc.Span {
		i := strings.Index(text, s)
		if i < 0 {
			t.Fatalf("%q not in text", s)
		}
		return doc.Span{Start: i, End: i + len(s)}
	}
	d := doc.New(doc.Article{ID: "a-" + day, Published: day, Title: "Ruritania asks Freedonia for talks", URL: url, Text: text})
	s1, s2 := at("Ruritania asks Freedonia for talks"), doc.Span{Start: at("The Ruritanian").Start, End: at("he said.").End}
	s3, s4 := at("Officials commented on the weather."), doc.Span{Start: at("Rebels").Start, End: len(text)}
	d.Sentences = doc.Spans{s1, s2, s3, s4}
	d.Paragraphs = doc.Spans{s1, {Start: s2.Start, End: s3.End}, s4}
	rur := doc.Actor{Name: "Ruritania", Country: "RUR", Sector: "GOV", Code: "RURGOV", Role: "foreign minister",
		Start: at("Ruritanian foreign minister").Start, End: at("Ruritanian foreign minister").End}
	fre := doc.Actor{Name: "Freedonia", Country: "FRE", Code: "FRE", Start: at("Freedonia\t").Start, End: at("Freedonia\t").End - 1}
	d.Entities = []doc.Entity{{Span: rur.Mention(), Type: "PERSON", Actor: &rur, Ref: -1}, {Span: fre.Mention(), Type: "GPE", Actor: &fre, Ref: -1}}
	d.Quotes = []doc.Quote{{Span: at("now"), Kind: doc.Direct, Cue: &doc.Mention{Span: at("said")},
		Speaker: &doc.Speaker{Span: at("he said"), Text: "he", Actor: &rur}}}
	d.Quotes[0].Speaker.End = d.Quotes[0].Speaker.Start + 2
	d.Events = []doc.Event{
		{Sentence: s2, Trigger: doc.Mention{Span: at("asked")}, Plover: "REQUEST", Cameo: "0211", Goldstein: 3.4, QuadClass: 1,
			Source: []doc.Actor{rur}, Target: []doc.Actor{fre}, Date: day, Modality: doc.Asserted, Rule: "verbs.txt:7"},
		{Sentence: s3, Trigger: doc.Mention{Span: at("commented")}, Cameo: "010", QuadClass: 1,
			Source: []doc.Actor{{Name: "Freedonia", Country: "FRE", Code: "FRE"}}, Date: day},
		{Sentence: s4, Trigger: doc.Mention{Span: at("attacked")}, Plover: "ASSAULT", Cameo: "190", Goldstein: -10, QuadClass: 4,
			Source: []doc.Actor{{Name: "rebels", Country: "FRE", Sector: "REB", Code: "FREREB"}, {Name: "army", Country: "FRE", Sector: "MIL", Code: "FREMIL"}},
			Target: []doc.Actor{{Name: "NATO", Code: "IGOWSTNAT"}}, Date: day, Negated: true, Rule: "verbs.txt:99"},
	}
	return d
}

func testStore(t *testing.T) (store.Store, []*doc.Doc) {
	s, err := store.OpenSQLite(filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ds := []*doc.Doc{
		article(t, "https://news.example/1", "2024-03-01", ""),
		article(t, "https://other.example/2", "2024-03-01", " Again."),
		article(t, "", "2024-04-09", " Later."),
	}
	if _, err := s.PutBatch(ctx, ds); err != nil {
		t.Fatal(err)
	}
	return s, ds
}

func events(t *testing.T, s store.Store) []*store.EventRow {
	var rows []*store.EventRow
	if err := s.Events(ctx, store.Query{}, func(r *store.EventRow) error { rows = append(rows, r); return nil }); err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestJSONLRoundTrip(t *testing.T) {
	s, ds := testStore(t)
	var b bytes.Buffer
	n, err := Export(ctx, s, "jsonl", store.Query{}, &b)
	if err != nil || n != 3 {
		t.Fatalf("Export jsonl = %d, %v; want 3 records", n, err)
	}
	got, err := ReadJSONL(&b)
	if err != nil {
		t.Fatal(err)
	}
	for i := range ds {
		want, _ := doc.Encode(ds[i])
		have, _ := doc.Encode(got[i])
		if !bytes.Equal(want, have) {
			t.Errorf("record %d differs after export:\nwant %s\nhave %s", i, want, have)
		}
	}
	if _, err := ReadJSONL(strings.NewReader("{\"text\": \"ok\"}\n{broken\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("a broken second record gave %v, want an error naming line 2", err)
	}
}

func TestCSVAndParquetRoundTrip(t *testing.T) {
	s, _ := testStore(t)
	rows := events(t, s)
	var want []Event
	for _, r := range rows {
		want = append(want, Flatten(r))
	}
	if want[2].Sources != "FREREB;FREMIL" || want[0].NumArticles != 2 || want[0].NumSources != 2 || want[0].Root != "02" {
		t.Fatalf("flattened rows are wrong: %+v", want[0])
	}
	for _, format := range []string{"csv", "parquet"} {
		var b bytes.Buffer
		n, err := Export(ctx, s, format, store.Query{}, &b)
		if err != nil || n != 9 {
			t.Fatalf("Export %s = %d, %v; want 9 events", format, n, err)
		}
		var got []Event
		if format == "csv" {
			got, err = ReadCSV(&b)
		} else {
			got, err = ReadParquet(bytes.NewReader(b.Bytes()), int64(b.Len()))
		}
		if err != nil {
			t.Fatalf("reading back %s failed: %v", format, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s round trip differs:\nwant %+v\nhave %+v", format, want, got)
		}
	}
	// An empty export still has a CSV header.
	var b bytes.Buffer
	Export(ctx, s, "csv", store.Query{Source: "NOBODY"}, &b)
	if got, err := ReadCSV(&b); err != nil || len(got) != 0 {
		t.Errorf("an empty CSV export reads back as %v, %v", got, err)
	}
}

func TestGDELTRoundTrip(t *testing.T) {
	s, _ := testStore(t)
	rows := events(t, s)
	var b bytes.Buffer
	if _, err := Export(ctx, s, "gdelt", store.Query{}, &b); err != nil {
		t.Fatal(err)
	}
	got, err := ReadGDELT(&b)
	if err != nil {
		t.Fatal(err)
	}
	// 9 events in 6 clusters: the two March articles report the same three events.
	if len(got) != 6 {
		t.Fatalf("GDELT export has %d rows, want one per cluster (6)", len(got))
	}
	if got[0] != GDELTRecord(rows[0]) {
		t.Errorf("first GDELT row differs from its event:\nwant %q\nhave %q", GDELTRecord(rows[0]), got[0])
	}
	col := func(rec [61]string, name string) string { return rec[GDELTColumn(name)] }
	checks := map[string]string{"SQLDATE": "20240301", "MonthYear": "202403", "Year": "2024", "FractionDate": "2024.1671",
		"Actor1Code": "RURGOV", "Actor1CountryCode": "RUR", "Actor1Type1Code": "GOV", "Actor2Code": "FRE",
		"IsRootEvent": "1", "EventCode": "0211", "EventBaseCode": "021", "EventRootCode": "02", "QuadClass": "1",
		"GoldsteinScale": "3.4", "NumMentions": "2", "NumSources": "2", "NumArticles": "2", "AvgTone": "",
		"SOURCEURL": "https://news.example/1"}
	for name, want := range checks {
		if v := col(got[0], name); v != want {
			t.Errorf("GDELT %s = %q, want %q", name, v, want)
		}
	}
	if v := col(got[2], "Actor2Type1Code"); v != "IGO" || col(got[2], "Actor2Type2Code") != "WST" || col(got[2], "IsRootEvent") != "0" {
		t.Errorf("NATO row: Actor2Type1Code %q, Type2 %q, root %q; want IGO, WST, 0", v, col(got[2], "Actor2Type2Code"), col(got[2], "IsRootEvent"))
	}
	if len(col(got[0], "DATEADDED")) != 14 {
		t.Errorf("DATEADDED = %q, want 14 digits", col(got[0], "DATEADDED"))
	}
	if _, err := ReadGDELT(strings.NewReader("a\tb\n")); err == nil {
		t.Error("ReadGDELT accepted a row of 2 columns")
	}
}

func TestPLOVERRoundTrip(t *testing.T) {
	s, _ := testStore(t)
	rows := events(t, s)
	var b bytes.Buffer
	if _, err := Export(ctx, s, "plover", store.Query{}, &b); err != nil {
		t.Fatal(err)
	}
	got, err := ReadPLOVER(&b)
	if err != nil {
		t.Fatal(err)
	}
	var want []PLOVEREvent
	for _, r := range rows {
		if p, ok := ToPLOVER(r); ok {
			want = append(want, p)
		}
	}
	if len(got) != 6 || !reflect.DeepEqual(got, want) {
		t.Fatalf("PLOVER round trip: %d records, want 6 equal to the converted events:\nwant %+v\nhave %+v", len(got), want, got)
	}
	p := got[0]
	if p.Event[0] != "REQUEST" || p.Source[0].Code != "RUR" || p.Source[0].Sector != "GOV" ||
		p.Source[0].ActorText != "Ruritanian foreign minister" || p.Recipient[0].Code != "FRE" || p.Date != "2024-03-01" || p.NumArticles != 2 {
		t.Errorf("first PLOVER record = %+v", p)
	}
	if got[1].Recipient[0].Code != "IGO" || got[1].Recipient[0].Sector != "WSTNAT" || len(got[1].Source) != 2 || !got[1].Negated {
		t.Errorf("second PLOVER record = %+v", got[1])
	}
}

func TestUnknownFormat(t *testing.T) {
	s, _ := testStore(t)
	if _, err := Export(ctx, s, "xml", store.Query{}, &bytes.Buffer{}); err == nil {
		t.Error("Export accepted the format xml")
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add(strings.Join(CSVColumns, ",") + "\n1,2\n")
	f.Add("\"unterminated")
	f.Fuzz(func(t *testing.T, s string) {
		ReadCSV(strings.NewReader(s))
		ReadGDELT(strings.NewReader(s))
		ReadPLOVER(strings.NewReader(s))
		ReadJSONL(strings.NewReader(s))
	})
}
