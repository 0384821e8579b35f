package timex

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"dyad/doc"
)

func newStage(t testing.TB) *Stage {
	t.Helper()
	st, err := New()
	if err != nil {
		t.Fatalf("New failed: %v", err)
	}
	return st
}

// one finds the single expression whose text is want in text, read against published.
func one(t *testing.T, st *Stage, published, text, want string) (doc.Timex, bool) {
	t.Helper()
	for _, x := range st.Find(text, nil, published, nil) {
		if x.Text == want {
			return x, true
		}
	}
	return doc.Timex{}, false
}

type tcase struct {
	published, text, span, typ, value string
}

func runCases(t *testing.T, cases []tcase) {
	t.Helper()
	st := newStage(t)
	for _, c := range cases {
		got, ok := one(t, st, c.published, c.text, c.span)
		if !ok {
			t.Errorf("%q (published %q): found no expression %q; found %+v", c.text, c.published, c.span, st.Find(c.text, nil, c.published, nil))
			continue
		}
		if got.Value != c.value || got.Type != c.typ {
			t.Errorf("%q (published %q): %q is %s %s (rule %s), want %s %s", c.text, c.published, c.span, got.Type, got.Value, got.Rule, c.typ, c.value)
		}
		if got.Rule == "" {
			t.Errorf("%q: %q has no rule", c.text, c.span)
		}
	}
}

// Saturday 28 May 2022, the seed's publication date.
const sat = "2022-05-28T04:19:00"

func TestAbsoluteDates(t *testing.T) {
	runCases(t, []tcase{
		{sat, "The treaty was signed on 28 May 2022 in Vienna.", "28 May 2022", "DATE", "2022-05-28"},
		{sat, "The treaty was signed on May 28, 2022, in Vienna.", "May 28, 2022", "DATE", "2022-05-28"},
		{sat, "The treaty was signed on 28.05.2022 in Vienna.", "28.05.2022", "DATE", "2022-05-28"},
		{sat, "The treaty was signed on 2022-05-28 in Vienna.", "2022-05-28", "DATE", "2022-05-28"},
		{sat, "The treaty was signed on 05/28/2022 in Vienna.", "05/28/2022", "DATE", "2022-05-28"},
		{sat, "The treaty was signed on 28/05/2022 in Vienna.", "28/05/2022", "DATE", "2022-05-28"},
		{sat, "The treaty was signed on May 28 in Vienna.", "May 28", "DATE", "2022-05-28"},
		{sat, "The ministers met on Sept. 30 in Geneva.", "Sept. 30", "DATE", "2021-09-30"},
		{sat, "The ministers meet again on June 3.", "June 3", "DATE", "2022-06-03"},
		{sat, "The talks open on the 3rd of June.", "3rd of June", "DATE", "2022-06-03"},
		{sat, "The charter was agreed in 1999 in Istanbul.", "1999", "DATE", "1999"},
		{sat, "The charter was agreed in July 1997 in Madrid.", "July 1997", "DATE", "1997-07"},
		{sat, "Tensions rose through the 1990s.", "the 1990s", "DATE", "199"},
		{sat, "Tensions eased in the early '90s.", "the early '90s", "DATE", "199"},
		{sat, "The base was built in nineteen ninety-six.", "nineteen ninety-six", "DATE", "1996"},
		{sat, "Turnout fell in fiscal 2021.", "fiscal 2021", "DATE", "2021"},
		{sat, "The army was founded in the 20th century.", "the 20th century", "DATE", "19"},
		{sat, "Friday, May 27, 2022 was a holiday.", "Friday, May 27, 2022", "DATE", "2022-05-27"},
		{sat, "The strike came in February this year.", "February this year", "DATE", "2022-02"},
		{sat, "The strike came in July last year.", "July last year", "DATE", "2021-07"},
		{sat, "The ceasefire began on Christmas Day.", "Christmas Day", "DATE", "2021-12-25"},
		{sat, "He was freed on Thanksgiving Day.", "Thanksgiving Day", "DATE", "2021-11-25"},
	})
}

func TestTimes(t *testing.T) {
	runCases(t, []tcase{
		{sat, "The blast happened at 04:19 near the embassy.", "04:19", "TIME", "2022-05-28T04:19"},
		{sat, "The blast happened at 10:35 a.m. near the embassy.", "10:35 a.m.", "TIME", "2022-05-28T10:35"},
		{sat, "Shots were heard at 10 p.m. Tuesday in the capital.", "10 p.m. Tuesday", "TIME", "2022-05-24T22:00"},
		{sat, "Shots were heard at 6 a.m. EDT in the capital.", "6 a.m. EDT", "TIME", "2022-05-28T06:00"},
		{sat, "Talks broke off at noon Thursday.", "noon Thursday", "TIME", "2022-05-26T12:00"},
		{sat, "The offer expired at midnight Friday.", "midnight Friday", "TIME", "2022-05-27T24"},
		{sat, "Protesters gathered Tuesday night outside parliament.", "Tuesday night", "TIME", "2022-05-24TNI"},
		{sat, "The minister spoke this morning on the radio.", "this morning", "TIME", "2022-05-28TMO"},
		{sat, "Rockets fell on the city last night.", "last night", "TIME", "2022-05-27TNI"},
		{sat, "The president will address the nation tonight.", "tonight", "TIME", "2022-05-28TNI"},
		{sat, "Troops moved in yesterday morning.", "yesterday morning", "TIME", "2022-05-27TMO"},
		// a clock time without a day is on the day the narrative is at
		{sat, "The bombs went off on Friday. The first one exploded at 10:35 a.m.", "10:35 a.m.", "TIME", "2022-05-27T10:35"},
		{sat, "He was shot on 23 October 1998 at 10 p.m. in his kitchen.", "10 p.m.", "TIME", "1998-10-23T22:00"},
	})
}

func TestRelativeDates(t *testing.T) {
	runCases(t, []tcase{
		// weekdays: the last one on or before a past-tense story, the next one in a future clause
		{sat, "On Wednesday, the allies delivered their replies.", "Wednesday", "DATE", "2022-05-25"},
		{sat, "The allies met on Saturday in Brussels.", "Saturday", "DATE", "2022-05-28"},
		{sat, "The allies said they will reply on Wednesday.", "Wednesday", "DATE", "2022-06-01"},
		{sat, "The ministers are scheduled to meet Monday in Rome.", "Monday", "DATE", "2022-05-30"},
		{sat, "The vote is set to take place Tuesday.", "Tuesday", "DATE", "2022-05-31"},
		{sat, "The envoy arrives next Monday.", "next Monday", "DATE", "2022-05-30"},
		{sat, "The envoy left last Saturday.", "last Saturday", "DATE", "2022-05-21"},
		{sat, "The envoy left last Friday.", "last Friday", "DATE", "2022-05-27"},
		{sat, "Russia had put the demands forward in December.", "December", "DATE", "2021-12"},
		{sat, "The summit will be held in December.", "December", "DATE", "2022-12"},
		{sat, "The talks resume in June.", "June", "DATE", "2022-06"},
		{sat, "The election will be held last December.", "last December", "DATE", "2021-12"},
		{sat, "He was elected last May.", "last May", "DATE", "2021-05"},
		{sat, "They agreed yesterday.", "yesterday", "DATE", "2022-05-27"},
		{sat, "They agree today.", "today", "DATE", "2022-05-28"},
		{sat, "They will agree tomorrow.", "tomorrow", "DATE", "2022-05-29"},
		{sat, "Fighting broke out last week.", "last week", "DATE", "2022-W20"},
		{sat, "Fighting broke out this week.", "this week", "DATE", "2022-W21"},
		{sat, "Talks resume next week.", "next week", "DATE", "2022-W22"},
		{sat, "Prices rose last month.", "last month", "DATE", "2022-04"},
		{sat, "Prices rose earlier this month.", "earlier this month", "DATE", "2022-05"},
		{sat, "Prices rose last year.", "last year", "DATE", "2021"},
		{sat, "Prices rose late last year.", "late last year", "DATE", "2021"},
		{sat, "Prices will rise next year.", "next year", "DATE", "2023"},
		{sat, "Prices will rise early next year.", "early next year", "DATE", "2023"},
		{sat, "Prices will rise this year.", "this year", "DATE", "2022"},
		{sat, "The border closed two days ago.", "two days ago", "DATE", "2022-05-26"},
		{sat, "The border closed three weeks ago.", "three weeks ago", "DATE", "2022-W18"},
		{sat, "The border closed two months ago.", "two months ago", "DATE", "2022-03"},
		{sat, "The border closed 41 years ago.", "41 years ago", "DATE", "1981"},
		{sat, "The border closed several years ago.", "several years ago", "DATE", "PAST_REF"},
		{sat, "The law passed last fall.", "last fall", "DATE", "2021-FA"},
		{sat, "The law passes this summer.", "this summer", "DATE", "2022-SU"},
		{sat, "The rebels regrouped over the weekend.", "the weekend", "DATE", "2022-W20-WE"},
		{sat, "Prices are now higher.", "now", "DATE", "PRESENT_REF"},
		{sat, "Prices are currently higher.", "currently", "DATE", "PRESENT_REF"},
		{sat, "Prices recently rose.", "recently", "DATE", "PAST_REF"},
		{sat, "Prices may rise in the future.", "in the future", "DATE", "FUTURE_REF"},
		{sat, "Prices are expected to rise soon.", "soon", "DATE", "FUTURE_REF"},
		{sat, "Prices rose at year-end.", "year-end", "DATE", "2022"},
		{sat, "Prices will rise over the next couple of years.", "the next couple of years", "DURATION", "P2Y"},
		{sat, "Prices will rise in the weeks ahead.", "the weeks ahead", "DURATION", "PXW"},
		{sat, "Prices rose over the years.", "the years", "DURATION", "PXY"},
		{sat, "The hearing is set for the week of June 6.", "the week of June 6", "DATE", "2022-W23"},
		{sat, "The rebels fled in June 2014 and returned later that year.", "later that year", "DATE", "2014"},
		{sat, "The rebels fled on 3 June 2014. That same day the army took the town.", "That same day", "DATE", "2014-06-03"},
		{sat, "Cities were founded more than two thousand years ago.", "more than two thousand years ago", "DATE", "0022"},
		{sat, "Prices rose in recent weeks.", "recent weeks", "DURATION", "PXW"},
		{sat, "Exports have grown in recent years.", "recent years", "DURATION", "PXY"},
		{sat, "Prices rose in recent days.", "recent days", "DURATION", "PXD"},
		{sat, "Prices fell over the past few months.", "the past few months", "DATE", "PAST_REF"},
		{sat, "Islam will one day be the largest religion there.", "one day", "DATE", "FUTURE_REF"},
		{sat, "The talks failed a week or so ago.", "a week or so ago", "DATE", "2022-W20"},
		{sat, "The index fell for the week.", "the week", "DATE", "2022-W21"},
	})
}

func TestQuarters(t *testing.T) {
	const oct = "1989-10-26"
	runCases(t, []tcase{
		{oct, "Profit rose in the third quarter.", "the third quarter", "DATE", "1989-Q3"},
		{oct, "Third-quarter profit rose.", "Third-quarter", "DATE", "1989-Q3"},
		{oct, "Profit will rise in the fourth quarter.", "the fourth quarter", "DATE", "1989-Q4"},
		{"1998-01-26", "Profit fell in the fourth quarter.", "the fourth quarter", "DATE", "1997-Q4"},
		{oct, "Profit rose in the latest quarter.", "the latest quarter", "DATE", "1989-Q3"},
		{oct, "Sales rose in the first half of 1990.", "the first half of 1990", "DATE", "1990-H1"},
		{oct, "Sales will rise in the current fiscal year.", "the current fiscal year", "DATE", "1989"},
		{oct, "Sales will rise in the second half of the year.", "the second half of the year", "DATE", "1989-H2"},
		{oct, "Sales rose in the second half of last year.", "the second half of last year", "DATE", "1988-H2"},
		{oct, "Sales rose in the fourth quarter of last year.", "the fourth quarter of last year", "DATE", "1988-Q4"},
		{oct, "Sales in the 1988 second quarter fell.", "1988 second quarter", "DATE", "1988-Q2"},
		{oct, "Profit rose in the third quarter. It was $4 a share a year earlier.", "a year earlier", "DATE", "1988-Q3"},
		{oct, "The loss was $2 million. It was $4 million a year ago.", "a year ago", "DATE", "1988"},
		{oct, "Sales rose in the first nine months.", "the first nine months", "DURATION", "P9M"},
	})
}

// TestTense checks that the tense of the clause picks the year of a month and the week of a weekday.
func TestTense(t *testing.T) {
	const oct = "1989-10-27" // a Friday
	const thu = "2013-03-14" // a Thursday
	runCases(t, []tcase{
		// a verb in the past tense after the expression
		{oct, "In January, the board brought in a new chief.", "January", "DATE", "1989-01"},
		// a regular past form before it; not a participle after "be", not an adjective before a noun
		{oct, "The firm changed its fiscal year in December.", "December", "DATE", "1988-12"},
		{oct, "The plant will be closed in December.", "December", "DATE", "1989-12"},
		{oct, "The bonds would be paid on an unspecified date in January.", "January", "DATE", "1990-01"},
		{oct, "The bank will redeem its preferred shares on Oct. 31.", "Oct. 31", "DATE", "1989-10-31"},
		{"1989-10-31", "In the fiscal year ended Jan. 31, sales rose.", "Jan. 31", "DATE", "1989-01-31"},
		// a past clause still allows a day just after the publication date
		{"2004-03-07", "The council said in a bulletin on Monday, March 8: be ready.", "Monday, March 8", "DATE", "2004-03-08"},
		// a past verb beyond an infinitive does not count; a deadline "by" is the future
		{oct, "The company agreed to buy the unit in January.", "January", "DATE", "1990-01"},
		{oct, "The company must repay the loan by February.", "February", "DATE", "1990-02"},
		{thu, "By April, the army had retaken the city.", "April", "DATE", "2012-04"},
		// a reporting verb after the expression does not govern it
		{"1999-02-10", "The alliance admits new members in early March, an official said.", "early March", "DATE", "1999-03"},
		// weekdays
		{sat, "Until Thursday, the police had not named a suspect.", "Thursday", "DATE", "2022-05-26"},
		{sat, "Students were planning to march on Monday.", "Monday", "DATE", "2022-05-30"},
		{sat, "Prosecutors told him they may indict him on Monday.", "Monday", "DATE", "2022-05-30"},
		{sat, "Prosecutors told him they may soon indict him.", "soon", "DATE", "FUTURE_REF"},
		{sat, "The offer expires Friday.", "Friday", "DATE", "2022-06-03"},
		{sat, "Prices hit a record on Monday and will keep rising.", "Monday", "DATE", "2022-05-23"},
		{sat, "On Monday and Tuesday, the ministers will meet.", "Monday", "DATE", "2022-05-30"},
		{sat, "The offer ran out Friday.", "Friday", "DATE", "2022-05-27"},
		{thu, "The trial began Monday and will last three weeks.", "three weeks", "DURATION", "P3W"},
	})
}

// TestReportingPeriods checks the periods of earnings reports compared with a year before.
func TestReportingPeriods(t *testing.T) {
	const oct = "1989-10-26"
	runCases(t, []tcase{
		{oct, "Profit rose in the third quarter. In the year-ago quarter, it fell.", "the year-ago quarter", "DATE", "1988-Q3"},
		{oct, "In the year-earlier third quarter, net was $2 million.", "the year-earlier third quarter", "DATE", "1988-Q3"},
		{oct, "Net fell in the third quarter. For the quarter a year ago, net was $4 million.", "the quarter a year ago", "DATE", "1988-Q3"},
		{oct, "Net fell in the third quarter, against $4 million for the corresponding period last year.", "the corresponding period last year", "DATE", "1988-Q3"},
		{oct, "Net fell in the third quarter. In the comparable year-ago quarter, it rose.", "the comparable year-ago quarter", "DATE", "1988-Q3"},
		{oct, "Net fell in the third quarter. In the 1988 quarter, net was $4 million.", "the 1988 quarter", "DATE", "1988-Q3"},
		{oct, "In the first nine months, net rose, against a loss in the 1988 period.", "the 1988 period", "DATE", "1988"},
		{oct, "Earnings will fall in the last half of 1989.", "the last half of 1989", "DATE", "1989-H2"},
		// a quarter to come is not the one compared with a year before
		{oct, "Profit rose in the third quarter. Analysts see losses through the third quarter of 1990. " +
			"In the year-ago period, it earned $1 million.", "the year-ago period", "DATE", "1988-Q3"},
		{oct, "Profit rose in the third quarter. Analysts expect the slump to last into the fourth quarter. " +
			"In the year-ago period, it earned $1 million.", "the year-ago period", "DATE", "1988-Q3"},
		{"1989-11-02", "The company reported lower fourth-quarter profit. It earned $3 a share a year earlier.", "a year earlier", "DATE", "1988-Q4"},
	})
}

// TestAnaphora checks expressions read against the last date of the narrative.
func TestAnaphora(t *testing.T) {
	runCases(t, []tcase{
		{sat, "He was promoted on May 22, 1995, and the following year he became attache.", "the following year", "DATE", "1996"},
		{sat, "The board met in March 1989. The following month, the firm was put up for sale.", "The following month", "DATE", "1989-04"},
		{sat, "He was arrested on 3 June 2014 and appeared in court the next morning.", "the next morning", "TIME", "2014-06-04TMO"},
		{sat, "The vote was on Friday, May 13, 2022, and the index fell from the previous Friday.", "the previous Friday", "DATE", "2022-05-06"},
		{sat, "He was arrested on 3 June 2014 and charged the next day.", "the next day", "DATE", "2014-06-04"},
		// without an earlier date: the publication date
		{sat, "Elections are due the following year.", "the following year", "DATE", "2023"},
	})
}

func TestDurationsAndSets(t *testing.T) {
	runCases(t, []tcase{
		{sat, "Shelling went on for the past three days.", "the past three days", "DURATION", "P3D"},
		{sat, "Shelling went on for two weeks.", "two weeks", "DURATION", "P2W"},
		{sat, "She arrived after a 16-hour flight.", "16-hour", "DURATION", "PT16H"},
		{sat, "She ended a five-day visit.", "five-day", "DURATION", "P5D"},
		{sat, "The siege lasted two and a half years.", "two and a half years", "DURATION", "P2Y6M"},
		{sat, "She spent 5 1/2 hours in Nairobi.", "5 1/2 hours", "DURATION", "PT5H30M"},
		{sat, "She spoke for more than four hours.", "more than four hours", "DURATION", "PT4H"},
		{sat, "The wall stood for four decades.", "four decades", "DURATION", "P40Y"},
		{sat, "The case dragged on for years.", "years", "DURATION", "PXY"},
		{sat, "Prices rose in the last twenty-four hours.", "the last twenty-four hours", "DURATION", "PT24H"},
		{sat, "They pray every Sunday.", "every Sunday", "SET", "XXXX-WXX-7"},
		{sat, "They pray every day.", "every day", "SET", "P1D"},
		{sat, "They rally daily.", "daily", "SET", "P1D"},
		{sat, "They march each July.", "each July", "SET", "XXXX-07"},
		{sat, "Interest is paid every quarter.", "every quarter", "SET", "P1Q"},
		{sat, "A minute and a half later, the pilot called.", "A minute and a half", "DURATION", "PT1M30S"},
		{sat, "Hate groups grew over the past year.", "the past year", "DATE", "2021"},
		{sat, "Hate groups grew in the last month.", "the last month", "DATE", "2022-04"},
		{sat, "Hate groups grew over the past decade.", "the past decade", "DURATION", "P10Y"},
		{sat, "Hate groups grew over past decade.", "past decade", "DURATION", "P10Y"},
		{sat, "The firm was founded weeks ago.", "weeks ago", "DATE", "PAST_REF"},
		{sat, "The firm was founded a century ago.", "a century ago", "DATE", "1922"},
	})
}

func TestBoundaries(t *testing.T) {
	const jan3 = "2022-01-03" // a Monday
	runCases(t, []tcase{
		{jan3, "Fighting broke out last week.", "last week", "DATE", "2021-W52"},
		{jan3, "Fighting broke out yesterday.", "yesterday", "DATE", "2022-01-02"},
		{jan3, "Fighting broke out last month.", "last month", "DATE", "2021-12"},
		{jan3, "Fighting broke out in December.", "December", "DATE", "2021-12"},
		{jan3, "Fighting broke out on Friday.", "Friday", "DATE", "2021-12-31"},
		{jan3, "Fighting broke out on Dec. 30.", "Dec. 30", "DATE", "2021-12-30"},
		{jan3, "Fighting broke out last year.", "last year", "DATE", "2021"},
		{"2021-12-30", "Talks resume on Jan. 2.", "Jan. 2", "DATE", "2022-01-02"},
		{"2021-12-30", "Talks resume next month.", "next month", "DATE", "2022-01"},
		{"2021-12-30", "Talks resume next week.", "next week", "DATE", "2022-W01"},
		{"2021-12-31", "Talks resume tomorrow.", "tomorrow", "DATE", "2022-01-01"},
		// leap days
		{"2024-03-01", "The deal was signed yesterday.", "yesterday", "DATE", "2024-02-29"},
		{"2023-03-01", "The deal was signed yesterday.", "yesterday", "DATE", "2023-02-28"},
		{"2024-03-05", "The deal was signed on Feb. 29.", "Feb. 29", "DATE", "2024-02-29"},
		{"2024-03-31", "The deal was signed a month ago.", "a month ago", "DATE", "2024-02"},
		{"2024-02-29", "The deal was signed two years ago.", "two years ago", "DATE", "2022"},
		{"2024-02-29", "The deal was signed two days ago.", "two days ago", "DATE", "2024-02-27"},
		// zones: the calendar date is the one written, not UTC's
		{"2022-05-28T01:00:00+03:00", "The deal was signed yesterday.", "yesterday", "DATE", "2022-05-27"},
		{"2022-05-27T23:30:00-05:00", "The deal is signed today.", "today", "DATE", "2022-05-27"},
		{"2022-05-28T04:19:00Z", "The deal was signed on Wednesday.", "Wednesday", "DATE", "2022-05-25"},
		// no or partial publication date: relative values stay underspecified
		{"", "The deal was signed on Wednesday.", "Wednesday", "DATE", "XXXX-WXX-3"},
		{"", "The deal was signed in December.", "December", "DATE", "XXXX-12"},
		{"", "The deal was signed yesterday.", "yesterday", "DATE", "XXXX-XX-XX"},
		{"", "The deal is signed today.", "today", "DATE", "PRESENT_REF"},
		{"", "The deal was signed last year.", "last year", "DATE", "XXXX"},
		{"", "The deal was signed on 28 May 2022.", "28 May 2022", "DATE", "2022-05-28"},
		{"2022", "The deal was signed in December.", "December", "DATE", "2022-12"},
		{"not a date", "The deal was signed last week.", "last week", "DATE", "XXXX-WXX"},
	})
}

func TestNotTimexes(t *testing.T) {
	st := newStage(t)
	for _, text := range []string{
		"He may come if asked.",
		"Some 1,500 troops crossed the river.",
		"About 2000 people marched.",
		"A 44-year-old man was arrested.",
		"The man, 52 years old, was arrested.",
		"It will be a second betrayal.",
		"Iraq imports three-quarters of its food.",
		"They watched 60 Minutes on television.",
		"The party daily Granma printed the letter.",
		"The price was $1999 a unit.",
		"Markets reacted as soon as possible.",
		"The recent moves surprised traders.",
		"Exports earn $1 billion a year.",
		"That year was hard.",
		"The Sunday Times reported the leak.",
		"He told USA Today the plan was dead.",
		"She told CBS This Morning the plan was dead.",
		"They celebrated the fall of the Berlin Wall.",
		"Theresa May said she would resign.",
		"The regime marked the fall in prices.",
		"He was soon released.",
		"The minister spoke on ABC's \"This Week\" program.",
		"The trickle of cash soon became a flood.",
	} {
		if got := st.Find(text, nil, sat, nil); len(got) != 0 {
			t.Errorf("%q: found %+v, want no expression", text, got)
		}
	}
}

func TestApplyUsesSentencesAndSpans(t *testing.T) {
	st := newStage(t)
	text := "Talks ended on Wednesday. Diplomats said they will resume on Wednesday."
	d := doc.New(doc.Article{Text: text, Published: sat})
	d.Sentences = doc.Spans{{Start: 0, End: 25}, {Start: 26, End: len(text)}}
	if err := st.Apply(d); err != nil {
		t.Fatal(err)
	}
	if len(d.Timexes) != 2 {
		t.Fatalf("found %d expressions, want 2: %+v", len(d.Timexes), d.Timexes)
	}
	if v := d.Timexes[0].Value; v != "2022-05-25" {
		t.Errorf("the past-tense Wednesday is %s, want 2022-05-25", v)
	}
	if v := d.Timexes[1].Value; v != "2022-06-01" {
		t.Errorf("the future Wednesday is %s, want 2022-06-01", v)
	}
	for _, x := range d.Timexes {
		if d.Slice(x.Span) != x.Text || x.Text != "Wednesday" {
			t.Errorf("span %v covers %q, text %q", x.Span, d.Slice(x.Span), x.Text)
		}
	}
	if st.Name() != "timex" || st.Requires()[0] != doc.LayerSentences || st.Assigns()[0] != doc.LayerTimexes {
		t.Errorf("stage declares %s %v %v", st.Name(), st.Requires(), st.Assigns())
	}
}

func TestSeedArticle(t *testing.T) {
	st := newStage(t)
	text := "On Wednesday, the United States and NATO delivered their written responses to a raft of demands for security guarantees that Russia had put forward in December in the form of two draft treaties. Lavrov cited the 1999 \u201cIstanbul Document\u201d."
	got := st.Find(text, nil, sat, nil)
	want := map[string]string{"Wednesday": "2022-05-25", "December": "2021-12", "1999": "1999"}
	if len(got) != len(want) {
		t.Fatalf("found %+v, want %v", got, want)
	}
	for _, x := range got {
		if want[x.Text] != x.Value {
			t.Errorf("%q is %s, want %s", x.Text, x.Value, want[x.Text])
		}
	}
}

func TestLexiconErrorsNameFileLine(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, []byte("# comment\nfortnight|unit|FN\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := NewWithOptions(Options{Lexicons: []string{dir}})
	if err == nil || !strings.Contains(err.Error(), "bad.txt:2") {
		t.Fatalf("error %v does not name bad.txt:2", err)
	}
	good := filepath.Join(t.TempDir(), "extra.txt")
	if err := os.WriteFile(good, []byte("sabado|weekday|6\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := NewWithOptions(Options{Lexicons: []string{good}})
	if err != nil {
		t.Fatal(err)
	}
	if x, ok := one(t, st, sat, "They met on Sabado.", "Sabado"); !ok || x.Value != "2022-05-28" {
		t.Errorf("an extra word list did not add Sabado: %+v", x)
	}
	for _, line := range []string{"x|month|13", "x|nonsense|1", "x|month", "|month|1"} {
		if err := (lexicon{}).load("t.txt", line); err == nil || !strings.Contains(err.Error(), "t.txt:1") {
			t.Errorf("line %q: error %v does not name t.txt:1", line, err)
		}
	}
}

func FuzzFind(f *testing.F) {
	st := newStage(f)
	for _, s := range []string{
		"On Wednesday, the allies replied.", "at 10 p.m. Tuesday", "the past three days", "28.05.2022",
		"every Sunday", "a year earlier", "5 1/2 hours", "the year two thousand", "Sept. 30, 1989",
		"\u201cNow\u201d \u2014 12:30", "a.m.", "1990s", "'90s", "nineteen", "last", "the", "x\xff\xfe",
	} {
		f.Add(s, sat)
	}
	f.Add("in December", "")
	f.Add("Friday night", "2024-02-29T23:59:59+14:00")
	f.Fuzz(func(t *testing.T, text, published string) {
		for _, x := range st.Find(text, nil, published, nil) {
			if x.Start < 0 || x.End > len(text) || x.Start >= x.End {
				t.Fatalf("span %v out of range for %d bytes", x.Span, len(text))
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(text[x.Start]) || x.End < len(text) && !utf8.RuneStart(text[x.End])) {
				t.Fatalf("span %v does not fall on rune boundaries of %q", x.Span, text)
			}
			if x.Value == "" || x.Type == "" || x.Rule == "" {
				t.Fatalf("expression %+v lacks a value, type or rule", x)
			}
		}
	})
}
