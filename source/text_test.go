package source

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"dyad/doc"
)

func TestParseText(t *testing.T) {
	tests := []struct {
		name, in               string
		published, title, text string
	}{
		{"dateline and headline",
			"28 May 2022,\u00a0 04:19\nTalks resume in Geneva\n\nDiplomats met again.\n\nThey spoke for hours.\n",
			"2022-05-28T04:19:00", "Talks resume in Geneva", "Talks resume in Geneva\n\nDiplomats met again.\n\nThey spoke for hours."},
		{"headline only structure",
			"Talks resume in Geneva\n\nDiplomats met again.",
			"", "Talks resume in Geneva", "Talks resume in Geneva\n\nDiplomats met again."},
		{"CRLF and BOM",
			"\uFEFF2022-05-28\r\nTalks resume in Geneva\r\n\r\nDiplomats met again.\r\nA second line.\r\n",
			"2022-05-28", "Talks resume in Geneva", "Talks resume in Geneva\n\nDiplomats met again.\nA second line."},
		{"lone CR",
			"Talks resume\r\rDiplomats met.", "", "Talks resume", "Talks resume\n\nDiplomats met."},
		{"dateline after headline",
			"Talks resume in Geneva\nUpdated: May 28, 2022 4:19 PM\n\nDiplomats met again.",
			"2022-05-28T16:19:00", "Talks resume in Geneva", "Talks resume in Geneva\n\nDiplomats met again."},
		{"leading blank lines and headline with question mark",
			"\n\n  \nWill the talks resume?\n\nDiplomats hope so.",
			"", "Will the talks resume?", "Will the talks resume?\n\nDiplomats hope so."},
		{"no headline: first line ends with a full stop",
			"Diplomats met again on Monday.\n\nThey spoke for hours.",
			"", "", "Diplomats met again on Monday.\n\nThey spoke for hours."},
		{"no headline: first paragraph has two lines",
			"Diplomats met again\non Monday in Geneva\n\nThey spoke.",
			"", "", "Diplomats met again\non Monday in Geneva\n\nThey spoke."},
		{"dateline then body without headline",
			"2022-05-28\n\nDiplomats met again on Monday.",
			"2022-05-28", "", "Diplomats met again on Monday."},
		{"one line", "Diplomats met again", "", "", "Diplomats met again"},
		{"empty", "", "", "", ""},
		{"only spaces", " \n\t\n", "", "", ""},
		{"a date that is a headline",
			"May 28, 2022 was the day talks began\n\nDiplomats met.", "", "May 28, 2022 was the day talks began",
			"May 28, 2022 was the day talks began\n\nDiplomats met."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := ParseText(tt.in)
			if a.Published != tt.published || a.Title != tt.title || a.Text != tt.text {
				t.Errorf("ParseText(%q) = published %q, title %q, text %q; want %q, %q, %q",
					tt.in, a.Published, a.Title, a.Text, tt.published, tt.title, tt.text)
			}
		})
	}
}

// readItems reads paths and returns every item.
func readItems(t testing.TB, opts Options, paths ...string) []Item {
	t.Helper()
	var items []Item
	if err := Read(context.Background(), paths, opts, func(it Item) bool {
		items = append(items, it)
		return true
	}); err != nil {
		t.Fatalf("Read(%v) returned %v", paths, err)
	}
	return items
}

func TestSeedFile(t *testing.T) {
	items := readItems(t, Options{}, "testdata/lavrov-clarifications.txt")
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("reading the seed gave %d items (%v), want one article", len(items), items)
	}
	a := items[0].Article
	if a.Published != "2022-05-28T04:19:00" {
		t.Errorf("published = %q, want 2022-05-28T04:19:00", a.Published)
	}
	const title = "Sergey Lavrov says he wants clarifications from Western powers on security"
	if a.Title != title {
		t.Errorf("title = %q, want the headline", a.Title)
	}
	if !strings.HasPrefix(a.Text, title+"\n\nDespite the clamor") || !strings.HasSuffix(a.Text, "- writes the author.") {
		t.Errorf("text does not run from the headline to the end of the body: %q ... %q", a.Text[:80], a.Text[len(a.Text)-40:])
	}
	if a.ID != "testdata/lavrov-clarifications" {
		t.Errorf("id = %q, want testdata/lavrov-clarifications", a.ID)
	}
}

// TestSeedMatchesGold checks the evaluation contract: the seed file read as plain text gives exactly
// the text and title of the gold record.
func TestSeedMatchesGold(t *testing.T) {
	const gold = "/work/shared/eval/data/seed.jsonl"
	const seed = "/work/shared/seed/lavrov-clarifications.txt"
	f, err := os.Open(gold)
	if err != nil {
		t.Skip("no evaluation data here:", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	if !sc.Scan() {
		t.Fatal("the gold file is empty")
	}
	var rec struct{ ID, Title, Text, Published string }
	if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
		t.Fatal(err)
	}
	items := readItems(t, Options{}, seed)
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("reading %s gave %v", seed, items)
	}
	a := items[0].Article
	if a.Text != rec.Text {
		t.Errorf("text differs from the gold text:\n got %q\nwant %q", a.Text, rec.Text)
	}
	if a.Title != rec.Title {
		t.Errorf("title = %q, want %q", a.Title, rec.Title)
	}
	if a.ID != rec.ID {
		t.Errorf("id = %q, want %q", a.ID, rec.ID)
	}
	gp, _ := doc.ParseTime(rec.Published)
	ap, _ := doc.ParseTime(a.Published)
	if !gp.Equal(ap) {
		t.Errorf("published = %q, want %q", a.Published, rec.Published)
	}
}
