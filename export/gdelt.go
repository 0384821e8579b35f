package export

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"dyad/doc"
	"dyad/store"
)

// GDELTColumns are the 61 columns of the GDELT 2.0 event table, in order. The gdelt format fills:
//
//   - GLOBALEVENTID: the store id of the cluster's first event; SQLDATE, MonthYear, Year,
//     FractionDate: the event day (YYYYMMDD, YYYYMM, YYYY, YYYY.FFFF with FFFF the day of the year
//     over 365);
//   - Actor1*/Actor2*: Code, Name and CountryCode of the primary source/target actor, and
//     Type1Code..Type3Code from the three-letter parts of its code after the country (or after the
//     first part for international and non-state actors, whose Type1Code is that part: IGO, NGO, ...);
//   - IsRootEvent: 1 when the event is in the lead (headline and first paragraph);
//   - EventCode, EventBaseCode (three digits), EventRootCode (two digits), QuadClass, GoldsteinScale;
//   - NumMentions, NumSources, NumArticles: the cluster's events, distinct outlets, and articles;
//   - DATEADDED: when the article was stored (YYYYMMDDHHMMSS, UTC); SOURCEURL: the article's URL.
//
// Left empty, as dyad does not produce them: KnownGroupCode, EthnicCode, Religion1Code,
// Religion2Code, AvgTone, and every geography column (Actor1Geo_*, Actor2Geo_*, ActionGeo_*).
//
// GDELT's event table has one row per event cluster, so the writer emits the first event of each
// cluster and skips the others (their counts are in NumMentions and NumArticles); events without a
// day have no cluster and are written each on its own row.
var GDELTColumns = [61]string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// tsvClean keeps fields on one line and in one column.
var tsvClean = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

// GDELTColumn returns the index of a GDELT column name, or -1.
func GDELTColumn(name string) int {
	for i, c := range GDELTColumns {
		if c == name {
			return i
		}
	}
	return -1
}

type gdeltWriter struct {
	w    *bufio.Writer
	seen map[string]bool
}

// NewGDELT returns an EventWriter of GDELT 2.0 event rows (see GDELTColumns).
func NewGDELT(w io.Writer) EventWriter {
	return &gdeltWriter{w: bufio.NewWriterSize(w, 1<<16), seen: map[string]bool{}}
}

// GDELTRecord returns the 61 fields of an event's GDELT row.
func GDELTRecord(r *store.EventRow) [61]string {
	var f [61]string
	set := func(name, v string) { f[GDELTColumn(name)] = v }
	set("GLOBALEVENTID", strconv.FormatInt(r.ID, 10))
	if t, err := time.Parse("2006-01-02", r.Day); err == nil {
		set("SQLDATE", t.Format("20060102"))
		set("MonthYear", t.Format("200601"))
		set("Year", t.Format("2006"))
		set("FractionDate", fmt.Sprintf("%.4f", float64(t.Year())+float64(t.YearDay())/365))
	}
	actor := func(n string, as []doc.Actor) {
		if len(as) == 0 {
			return
		}
		a := as[0]
		set("Actor"+n+"Code", a.Code)
		set("Actor"+n+"Name", a.Name)
		set("Actor"+n+"CountryCode", a.Country)
		for i, t := range actorTypes(a) {
			set(fmt.Sprintf("Actor%sType%dCode", n, i+1), t)
		}
	}
	actor("1", r.Source)
	actor("2", r.Target)
	if r.IsRoot {
		set("IsRootEvent", "1")
	} else {
		set("IsRootEvent", "0")
	}
	set("EventCode", r.Cameo)
	set("EventBaseCode", r.Cameo[:min(3, len(r.Cameo))])
	set("EventRootCode", r.Cameo[:min(2, len(r.Cameo))])
	set("QuadClass", strconv.Itoa(r.QuadClass))
	set("GoldsteinScale", strconv.FormatFloat(r.Goldstein, 'f', 1, 64))
	set("NumMentions", strconv.Itoa(max(1, r.Cluster.Events)))
	set("NumSources", strconv.Itoa(r.Cluster.Sources))
	set("NumArticles", strconv.Itoa(max(1, r.Cluster.Articles)))
	if t, err := time.Parse(time.RFC3339, r.Added); err == nil {
		set("DATEADDED", t.UTC().Format("20060102150405"))
	}
	set("SOURCEURL", r.URL)
	for i := range f {
		f[i] = tsvClean.Replace(f[i])
	}
	return f
}

// actorTypes returns up to three type codes of an actor: the three-letter parts of its code after
// the country, or, for an actor without a country, its first part (IGO, NGO, ...) and the next two.
func actorTypes(a doc.Actor) []string {
	c := a.Code
	if a.Country != "" && strings.HasPrefix(c, a.Country) {
		c = c[len(a.Country):]
	}
	var out []string
	for len(c) >= 3 && len(out) < 3 {
		out = append(out, c[:3])
		c = c[3:]
	}
	return out
}

func (g *gdeltWriter) Write(r *store.EventRow) error {
	if k := r.Cluster.Key; k != "" {
		if g.seen[k] {
			return nil
		}
		g.seen[k] = true
	}
	f := GDELTRecord(r)
	for i, v := range f {
		if i > 0 {
			g.w.WriteByte('\t')
		}
		g.w.WriteString(v)
	}
	return g.w.WriteByte('\n')
}

func (g *gdeltWriter) Close() error { return g.w.Flush() }

// ReadGDELT reads GDELT 2.0 event rows, checking that each has 61 columns.
func ReadGDELT(r io.Reader) ([][61]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	var out [][61]string
	for line := 1; sc.Scan(); line++ {
		if sc.Text() == "" {
			continue
		}
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) != 61 {
			return out, fmt.Errorf("gdelt line %d has %d columns, want 61", line, len(parts))
		}
		var rec [61]string
		copy(rec[:], parts)
		out = append(out, rec)
	}
	return out, sc.Err()
}
