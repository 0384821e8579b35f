package store

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"dyad/doc"
)

const crashDocs = 3000

// crashCorpus is the deterministic corpus that the crash test ingests.
func crashCorpus() []*doc.Doc {
	r := rand.New(rand.NewPCG(7, 7))
	ds := make([]*doc.Doc, crashDocs)
	for i := range ds {
		ds[i] = synthDoc(r, i, 5, synthCodes)
	}
	return ds
}

// TestCrashChild is the ingesting process of TestCrashAndResume; it does nothing unless started by it.
func TestCrashChild(t *testing.T) {
	dsn := os.Getenv("DYAD_CRASH_CHILD_DB")
	if dsn == "" {
		t.Skip("run by TestCrashAndResume")
	}
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ds := crashCorpus()
	for i := 0; i < len(ds); i += 50 {
		if _, err := s.PutBatch(ctx, ds[i:min(len(ds), i+50)]); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("batch %d\n", i/50)
	}
}

// TestCrashAndResume kills an ingesting process with SIGKILL in the middle of its work, runs the
// ingest again to the end, and checks that every document is stored exactly once and that the
// aggregates agree with the events.
func TestCrashAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("subprocess test skipped in -short mode")
	}
	t.Run("sqlite", func(t *testing.T) { crashAndResume(t, filepath.Join(t.TempDir(), "crash.db")) })
	if u := os.Getenv("DYAD_TEST_POSTGRES"); u != "" {
		t.Run("postgres", func(t *testing.T) { crashAndResume(t, pgSchemaURL(t, u)) })
	}
}

func crashAndResume(t *testing.T, path string) {
	child := func() *exec.Cmd {
		c := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		c.Env = append(os.Environ(), "DYAD_CRASH_CHILD_DB="+path)
		return c
	}
	c := child()
	out, err := c.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	batches := 0
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "batch ") {
			batches, _ = strconv.Atoi(strings.TrimPrefix(sc.Text(), "batch "))
			if batches >= 10 {
				break
			}
		}
	}
	time.Sleep(time.Duration(rand.IntN(30)) * time.Millisecond) // land anywhere in a transaction
	if err := c.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	c.Wait()
	if batches < 10 {
		t.Fatalf("the child stopped after %d batches before it was killed", batches)
	}
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("reopening after kill -9 failed: %v", err)
	}
	st, _ := s.Stats(ctx)
	s.Close()
	if st.Documents == 0 || st.Documents >= crashDocs || st.Documents%50 != 0 {
		t.Fatalf("after the kill the store holds %d documents; want a whole number of batches below %d", st.Documents, crashDocs)
	}
	t.Logf("killed after %d documents", st.Documents)
	if b, err := child().CombinedOutput(); err != nil {
		t.Fatalf("the resumed ingest failed: %v\n%s", err, b)
	}
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, _ = s.Stats(ctx)
	if st.Documents != crashDocs || st.Events != crashDocs*5 {
		t.Errorf("after resuming, %d documents and %d events; want %d and %d", st.Documents, st.Events, crashDocs, crashDocs*5)
	}
	db := s.(*sqlStore).db
	var dup, aggN, keys int
	db.QueryRow(`SELECT COUNT(*) FROM (SELECT hash, url FROM documents GROUP BY hash, url HAVING COUNT(*) > 1) AS dups`).Scan(&dup)
	db.QueryRow(`SELECT SUM(n) FROM dyad_daily`).Scan(&aggN)
	db.QueryRow(`SELECT SUM(n_events) FROM clusters`).Scan(&keys)
	if dup != 0 || aggN != crashDocs*5 || keys != crashDocs*5 {
		t.Errorf("duplicates %d, dyad_daily events %d, cluster events %d; want 0, %d, %d", dup, aggN, keys, crashDocs*5, crashDocs*5)
	}
	for _, d := range crashCorpus()[:100] {
		if ok, _ := s.Has(ctx, Hash(d.Text)); !ok {
			t.Fatalf("document %s is missing after resuming", d.ID)
		}
	}
}
