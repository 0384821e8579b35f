package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"dyad/doc"
)

// jsonl reads one record per line with doc.Decode. Blank lines are skipped; a line longer than
// MaxBytes is skipped without being held in memory.
func (r *reader) jsonl(in io.Reader, origin string, warn []string) {
	br, ok := in.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(in, 64<<10)
	}
	max := r.opts.maxBytes()
	var line []byte
	for n := 1; r.live(); n++ {
		var err error
		var tooLong bool
		line, tooLong, err = readLine(br, line[:0], max)
		at := origin + ":" + strconv.Itoa(n)
		if err != nil && err != io.EOF {
			r.fail(at, err)
			return
		}
		if tooLong {
			if !r.fail(at, fmt.Errorf("%w (%d bytes)", ErrTooLarge, max)) {
				return
			}
		} else if len(bytes.TrimSpace(line)) > 0 {
			if !r.emit(jsonlItem(line, at, warn)) {
				return
			}
		}
		if err == io.EOF {
			return
		}
	}
}

// jsonlItem decodes one JSONL line.
func jsonlItem(line []byte, at string, fileWarn []string) Item {
	var warn []string
	warn = append(warn, fileWarn...)
	if !utf8.Valid(line) {
		line = []byte(toUTF8(line, &warn))
	}
	d, err := doc.Decode(line)
	if err != nil {
		return Item{Origin: at, Err: &Error{Origin: at, Err: err}, Warnings: warn}
	}
	if d.ID == "" {
		d.ID = at
	}
	return Item{Article: d.Article, Doc: d, Origin: at, Warnings: warn}
}

// readLine reads one line (without its newline) into buf. When the line is longer than max, it reads
// on to the end of the line without keeping it and reports tooLong. err is io.EOF at the end of the
// input (line then holds the last line, which may be empty).
func readLine(br *bufio.Reader, buf []byte, max int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, e := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(buf)+len(chunk)) > max+1 {
				tooLong = true
				buf = buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if e == bufio.ErrBufferFull {
			continue
		}
		if e == nil {
			buf = bytes.TrimSuffix(buf, []byte{'\n'})
			buf = bytes.TrimSuffix(buf, []byte{'\r'})
		}
		return buf, tooLong, e
	}
}

// isJSONDocument reports whether the input that starts with head is a JSON array or a pretty-printed
// object rather than JSONL: its first non-blank line is "[" or "{" alone, or it opens with '['.
func isJSONDocument(head []byte) bool {
	s := bytes.TrimLeft(head, " \t\r\n")
	if len(s) == 0 {
		return false
	}
	if s[0] == '[' {
		return true
	}
	line, _, _ := bytes.Cut(s, []byte{'\n'})
	return string(bytes.TrimSpace(line)) == "{"
}

// jsonDocument reads a JSON array of records, or a sequence of (pretty-printed) objects, one record
// at a time. Records are named "file#N", counted from 1. A syntax error cannot be skipped in such a
// document: it is an error Item and the rest of the file is not read.
func (r *reader) jsonDocument(in io.Reader, origin string, warn []string) {
	dec := json.NewDecoder(in)
	array := false
	if br, ok := in.(*bufio.Reader); ok {
		if head, _ := peekAvail(br, 4096); len(bytes.TrimLeft(head, " \t\r\n")) > 0 && bytes.TrimLeft(head, " \t\r\n")[0] == '[' {
			if _, err := dec.Token(); err != nil {
				r.fail(origin, fmt.Errorf("malformed JSON: %w", err))
				return
			}
			array = true
		}
	}
	max := r.opts.maxBytes()
	for n := 1; r.live(); n++ {
		if array && !dec.More() {
			return
		}
		at := origin + "#" + strconv.Itoa(n)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err == io.EOF {
			return
		} else if err != nil {
			r.fail(at, fmt.Errorf("malformed JSON: %w", err))
			return
		}
		if int64(len(raw)) > max {
			if !r.fail(at, fmt.Errorf("%w (%d bytes)", ErrTooLarge, max)) {
				return
			}
			continue
		}
		if !r.emit(jsonlItem(raw, at, warn)) {
			return
		}
	}
}
