package actors

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLintBuiltin fails when the built-in dictionaries have problems.
func TestLintBuiltin(t *testing.T) {
	probs, err := Lint()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		t.Errorf("%v", p)
	}
}

// TestLintUser checks that problems in a user dictionary name the file and line, and that New still
// builds a working stage from the built-in dictionaries and the good lines.
func TestLintUser(t *testing.T) {
	dir := t.TempDir()
	people := filepath.Join(dir, "people-mine.txt")
	body := "# my people\n" +
		"Ana Testova | f | RUS | GOV | governor | 2020..2022 |\n" +
		"Ana Testova | f | RUS | GOV | governor | 2021..2023 |\n" +
		"Bad Date | m | RUS | GOV | mayor | 2020-13.. |\n" +
		"Bad Country | m | XXX | GOV | mayor | 2020.. |\n" +
		"Bad Sector | m | RUS | ZZZ | mayor | 2020.. |\n" +
		"Too | few\n"
	if err := os.WriteFile(people, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	orgs := filepath.Join(dir, "orgs-mine.txt")
	if err := os.WriteFile(orgs, []byte("QQQGOV | Nowhere Office |\nUSAGOV | Testing Bureau Of Things | TBOT\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	probs, err := Lint(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"people-mine.txt:3: Ana Testova: role \"governor\" overlaps",
		"people-mine.txt:4: bad date",
		"people-mine.txt:5: unknown country code \"XXX\"",
		"people-mine.txt:6: unknown sector code \"ZZZ\"",
		"people-mine.txt:7: want Name",
		"orgs-mine.txt:1: code \"QQQGOV\" does not start",
	}
	got := probs.Error()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("lint output lacks %q; it says:\n%s", w, got)
		}
	}
	st, err := New(Options{Dicts: []string{dir}})
	if err == nil {
		t.Fatal("New accepted a broken user dictionary without an error")
	}
	if st == nil {
		t.Fatal("New returned no stage for a broken user dictionary; the good lines should still load")
	}
	d := mkdoc("The Testing Bureau Of Things said Ana Testova resigned.", "2021-06-01")
	st.Apply(d)
	if got := entString(d); !strings.Contains(got, "ORG:Testing Bureau Of Things=USAGOV") || !strings.Contains(got, "PERSON:Ana Testova=RUSGOV") {
		t.Errorf("user entries not used: %s", got)
	}
}

// TestUserOverride checks that a user entry wins over the built-in one for the same words, and that
// a duplicate key coding two things is reported.
func TestUserOverride(t *testing.T) {
	dir := t.TempDir()
	orgs := filepath.Join(dir, "orgs-override.txt")
	if err := os.WriteFile(orgs, []byte("# mine\nRUSGOVPRS | the Kremlin | Kremlin\nUSAMED | Daily Bugle |\nGBRMED | Daily Bugle |\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := New(Options{Dicts: []string{orgs}})
	if err == nil || !strings.Contains(err.Error(), "orgs-override.txt:4:") {
		t.Errorf("want a duplicate-key problem at orgs-override.txt:4, got %v", err)
	}
	d := mkdoc("A statement from the Kremlin followed.", "")
	st.Apply(d)
	if got := entString(d); got != "ORG:Kremlin=RUSGOVPRS" {
		t.Errorf("user entry did not win: %s", got)
	}
	if _, err := New(Options{Dicts: []string{filepath.Join(dir, "missing.txt")}}); err == nil {
		t.Error("a missing user dictionary gave no error")
	}
}
