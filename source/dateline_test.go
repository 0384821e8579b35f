package source

import (
	"testing"

	"dyad/doc"
)

func TestParseDateline(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"28 May 2022,\u00a0\u00a0 04:19", "2022-05-28T04:19:00", true},
		{"28 May 2022,   04:19", "2022-05-28T04:19:00", true},
		{"May 28, 2022 4:19 AM", "2022-05-28T04:19:00", true},
		{"May 28, 2022 4:19 PM", "2022-05-28T16:19:00", true},
		{"May 28, 2022 at 12:05 a.m. EDT", "2022-05-28T00:05:00-04:00", true},
		{"May 28, 2022", "2022-05-28", true},
		{"Sept. 3, 2021", "2021-09-03", true},
		{"2022-05-28", "2022-05-28", true},
		{"2022-05-28T04:19:00Z", "2022-05-28T04:19:00Z", true},
		{"2022-05-28 04:19:07+03:00", "2022-05-28T04:19:07+03:00", true},
		{"2022/05/28 04:19", "2022-05-28T04:19:00", true},
		{"28.05.2022 04:19", "2022-05-28T04:19:00", true},
		{"28.05.2022", "2022-05-28", true},
		{"28-05-2022", "2022-05-28", true},
		{"28/05/2022", "2022-05-28", true},
		{"05/28/2022", "2022-05-28", true},
		{"Updated: 28 May 2022", "2022-05-28", true},
		{"Last updated on May 28, 2022 4:19 pm", "2022-05-28T16:19:00", true},
		{"Published 2022-05-28 | 09:00 UTC", "2022-05-28T09:00:00Z", true},
		{"Saturday, 28th May 2022", "2022-05-28", true},
		{"Sat 28 May 2022 04.19 BST", "2022-05-28T04:19:00+01:00", true},
		{"28 May 2022 16h19 (MSK)", "2022-05-28T16:19:00+03:00", true},
		{"28 May 2022 16:19 GMT+3", "2022-05-28T16:19:00+03:00", true},
		{"28 May 2022 16:19 -0500", "2022-05-28T16:19:00-05:00", true},
		{"29 Feb 2024", "2024-02-29", true},
		// Not datelines.
		{"29 Feb 2023", "", false},
		{"05/06/2022", "", false}, // ambiguous day and month
		{"May 28, 2022 was the day talks began", "", false},
		{"Sergey Lavrov says he wants clarifications", "", false},
		{"28 May", "", false},
		{"2022", "", false},
		{"31 June 2022", "", false},
		{"28 May 2022 25:00", "", false},
		{"28 May 2022 13:00 PM", "", false},
		{"28 May 2022 04:19 XYZ", "", false},
		{"", "", false},
		{"Updated:", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseDateline(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("ParseDateline(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
		if ok {
			if _, valid := doc.ParseTime(got); !valid {
				t.Errorf("ParseDateline(%q) = %q, which doc.ParseTime does not read", tt.in, got)
			}
		}
	}
}

func FuzzParseDateline(f *testing.F) {
	for _, s := range []string{"28 May 2022,   04:19", "May 28, 2022 4:19 p.m. EDT", "2022-05-28T04:19:00Z",
		"28.05.2022 04:19", "Updated: Sat 28 May 2022 04.19 BST", "28 May 2022 16:19 (GMT+03:00)", "1/2/2003"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ParseDateline(s)
		if !ok {
			if got != "" {
				t.Errorf("ParseDateline(%q) failed but returned %q", s, got)
			}
			return
		}
		if _, valid := doc.ParseTime(got); !valid {
			t.Errorf("ParseDateline(%q) = %q, which doc.ParseTime does not read", s, got)
		}
	})
}
