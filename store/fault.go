package store

import (
	"errors"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// DocumentFault reports whether an error from Put or PutBatch is the document's own fault: the
// document cannot be stored (it fails validation, or the database refuses its values: a value too
// large, a constraint), and storing it again would fail the same way while other documents can be
// stored. Any other error is the database's (a full disk, an I/O error, a lost connection, a lock
// held too long): it would fail for every document, and a later run may succeed.
func DocumentFault(err error) bool {
	if err == nil {
		return false
	}
	var v *ValidationError
	if errors.As(err, &v) {
		return true
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff { // the primary result code
		case sqlite3.SQLITE_TOOBIG, sqlite3.SQLITE_CONSTRAINT, sqlite3.SQLITE_MISMATCH, sqlite3.SQLITE_RANGE:
			return true
		}
		return false
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		// 22 data exception, 23 integrity constraint violation, 54 program limit exceeded (a value
		// too large for an index)
		return strings.HasPrefix(pe.Code, "22") || strings.HasPrefix(pe.Code, "23") || strings.HasPrefix(pe.Code, "54")
	}
	return false
}
