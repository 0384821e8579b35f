//go:build linux

package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"dyad/store"
)

// TestFullDiskChild is the ingest of TestFullDisk, run in a process whose files may not grow past
// DYAD_FULLDISK_LIMIT bytes (RLIMIT_FSIZE: a write past it fails as on a full disk); it does
// nothing unless started by TestFullDisk.
func TestFullDiskChild(t *testing.T) {
	db, in := os.Getenv("DYAD_FULLDISK_DB"), os.Getenv("DYAD_FULLDISK_IN")
	if db == "" {
		t.Skip("run by TestFullDisk")
	}
	limit, err := strconv.ParseUint(os.Getenv("DYAD_FULLDISK_LIMIT"), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	signal.Ignore(syscall.SIGXFSZ) // the write fails with EFBIG instead of killing the process
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: limit, Max: limit}); err != nil {
		t.Fatal(err)
	}
	_, stderr, err := runCLI(t, "ingest", "--db", db, "--stages", "text,actors", in)
	fmt.Printf("ERR %v\n%s", err, stderr)
}

// TestFullDisk: an ingest that runs out of disk stops with the database's error, and leaves the
// store readable with what it had committed; run again with room, it completes the store with
// every document exactly once.
func TestFullDisk(t *testing.T) {
	if testing.Short() {
		t.Skip("subprocess test skipped in -short mode")
	}
	dir := t.TempDir()
	db, in := filepath.Join(dir, "full.db"), filepath.Join(dir, "in.jsonl")
	var b strings.Builder
	const n = 3000
	for i := range n {
		fmt.Fprintf(&b, `{"id": "a%d", "text": "Article %d: Ruritania asked Freedonia to talk, and officials in Strelsau agreed on %d points."}`+"\n", i, i, i)
	}
	if err := os.WriteFile(in, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run", "^TestFullDiskChild$", "-test.v")
	cmd.Env = append(os.Environ(), "DYAD_FULLDISK_DB="+db, "DYAD_FULLDISK_IN="+in, "DYAD_FULLDISK_LIMIT=1500000")
	out, _ := cmd.CombinedOutput()
	if !strings.Contains(string(out), "ERR ") || strings.Contains(string(out), "ERR <nil>") {
		t.Fatalf("the ingest past the file size limit did not fail:\n%s", out)
	}
	if !strings.Contains(string(out), "the database failed (store: commit: disk I/O error") || !strings.Contains(string(out), "the documents from "+in+":") {
		t.Errorf("the error does not say that the disk failed and which documents were not stored:\n%s", out)
	}
	if n := strings.Count(string(out), "\ndyad: "); n > 2 {
		t.Errorf("the failure was reported in %d lines, not one:\n%s", n, out)
	}
	s, err := store.OpenSQLite(db)
	if err != nil {
		t.Fatalf("the store does not open after the failed ingest: %v", err)
	}
	st, err := s.Stats(context.Background())
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents >= n {
		t.Fatalf("all %d documents were stored under the file size limit; the test did not fill the disk", n)
	}
	t.Logf("stored before the disk was full: %d documents; the ingest said:\n%s", st.Documents, out)

	if _, stderr, err := runCLI(t, "ingest", "--db", db, "--stages", "text,actors", in); err != nil {
		t.Fatalf("the second ingest failed: %v\n%s", err, stderr)
	}
	s, err = store.OpenSQLite(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if st, err = s.Stats(context.Background()); err != nil || st.Documents != n {
		t.Errorf("after the second ingest the store holds %d documents (%v), want %d", st.Documents, err, n)
	}
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var check string
	if err := raw.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity check: %q, %v", check, err)
	}
}
