package export

import (
	"io"

	"github.com/parquet-go/parquet-go"

	"dyad/store"
)

type parquetWriter struct {
	w   *parquet.GenericWriter[Event]
	buf []Event
}

// NewParquet returns an EventWriter of a Parquet file with the columns of Event (snappy pages,
// row groups of up to 64 Ki rows). The file is complete only after Close.
func NewParquet(w io.Writer) EventWriter {
	return &parquetWriter{w: parquet.NewGenericWriter[Event](w, parquet.Compression(&parquet.Snappy))}
}

func (p *parquetWriter) Write(r *store.EventRow) error {
	p.buf = append(p.buf, Flatten(r))
	if len(p.buf) >= 1<<16 {
		return p.flush()
	}
	return nil
}

func (p *parquetWriter) flush() error {
	if len(p.buf) == 0 {
		return nil
	}
	if _, err := p.w.Write(p.buf); err != nil {
		return err
	}
	p.buf = p.buf[:0]
	return p.w.Flush()
}

func (p *parquetWriter) Close() error {
	if err := p.flush(); err != nil {
		return err
	}
	return p.w.Close()
}

// ReadParquet reads a file written by NewParquet.
func ReadParquet(r io.ReaderAt, size int64) ([]Event, error) {
	return parquet.Read[Event](r, size)
}
