package store

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestDocumentFault tells the errors of a document (stored again, it would fail again; others can
// be stored) from those of the database.
func TestDocumentFault(t *testing.T) {
	for _, e := range engines(t) {
		t.Run(e.name, func(t *testing.T) {
			s := e.open(t)
			bad := sampleDoc(t, "https://example.org/bad", "2022-05-25")
			bad.Title = "broken \xff"
			if _, _, err := s.Put(ctx, bad); err == nil || !DocumentFault(err) {
				t.Errorf("invalid UTF-8: %v, DocumentFault = false; want a document fault", err)
			}
			// PostgreSQL cannot index a URL of 30 KB that does not compress (SQLSTATE 54000);
			// SQLite stores it.
			var u strings.Builder
			r := rand.New(rand.NewPCG(1, 2))
			for u.Len() < 30000 {
				fmt.Fprintf(&u, "%016x", r.Uint64())
			}
			huge := sampleDoc(t, "https://example.org/"+u.String(), "2022-05-25")
			_, _, err := s.Put(ctx, huge)
			if e.name == "postgres" && err == nil {
				t.Error("PostgreSQL stored a URL of 30 KB in its index")
			}
			if err != nil && !DocumentFault(err) {
				t.Errorf("a 30 KB URL: %v is not a document fault", err)
			}
			if _, _, err := s.Put(ctx, sampleDoc(t, "https://example.org/ok", "2022-05-25")); err != nil {
				t.Fatalf("a good document after the bad ones: %v", err)
			}
			s.Close()
			if _, _, err := s.Put(ctx, sampleDoc(t, "https://example.org/late", "2022-05-25")); err == nil || DocumentFault(err) {
				t.Errorf("a closed database: %v, DocumentFault = %v; want the database's fault", err, DocumentFault(err))
			}
		})
	}
}
