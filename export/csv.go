package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"reflect"
	"strconv"

	"dyad/store"
)

// CSVColumns are the header of the csv format: the json names of Event's fields, in order.
var CSVColumns = func() []string {
	t := reflect.TypeFor[Event]()
	cols := make([]string, t.NumField())
	for i := range cols {
		cols[i] = t.Field(i).Tag.Get("json")
	}
	return cols
}()

type csvWriter struct {
	w      *csv.Writer
	header bool
	rec    []string
}

// NewCSV returns an EventWriter of CSV (RFC 4180) rows with a header row.
func NewCSV(w io.Writer) EventWriter { return &csvWriter{w: csv.NewWriter(w)} }

func (c *csvWriter) Write(r *store.EventRow) error {
	if !c.header {
		c.header = true
		if err := c.w.Write(CSVColumns); err != nil {
			return err
		}
	}
	e := Flatten(r)
	v := reflect.ValueOf(e)
	c.rec = c.rec[:0]
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.String:
			c.rec = append(c.rec, f.String())
		case reflect.Int64:
			c.rec = append(c.rec, strconv.FormatInt(f.Int(), 10))
		case reflect.Float64:
			c.rec = append(c.rec, strconv.FormatFloat(f.Float(), 'g', -1, 64))
		case reflect.Bool:
			c.rec = append(c.rec, strconv.FormatBool(f.Bool()))
		}
	}
	return c.w.Write(c.rec)
}

func (c *csvWriter) Close() error {
	if !c.header {
		c.header = true
		c.w.Write(CSVColumns)
	}
	c.w.Flush()
	return c.w.Error()
}

// ReadCSV reads rows written by NewCSV, naming the line of a bad row.
func ReadCSV(r io.Reader) ([]Event, error) {
	cr := csv.NewReader(r)
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("csv header: %w", err)
	}
	if len(head) != len(CSVColumns) {
		return nil, fmt.Errorf("csv header has %d columns, want %d", len(head), len(CSVColumns))
	}
	var out []Event
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		line, _ := cr.FieldPos(0)
		var e Event
		v := reflect.ValueOf(&e).Elem()
		for i, s := range rec {
			f := v.Field(i)
			var perr error
			switch f.Kind() {
			case reflect.String:
				f.SetString(s)
			case reflect.Int64:
				var n int64
				n, perr = strconv.ParseInt(s, 10, 64)
				f.SetInt(n)
			case reflect.Float64:
				var x float64
				x, perr = strconv.ParseFloat(s, 64)
				f.SetFloat(x)
			case reflect.Bool:
				var b bool
				b, perr = strconv.ParseBool(s)
				f.SetBool(b)
			}
			if perr != nil {
				return out, fmt.Errorf("csv line %d, column %s: %w", line, CSVColumns[i], perr)
			}
		}
		out = append(out, e)
	}
}
