package ontology

import (
	"errors"
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

func TestEmbeddedDataLintsClean(t *testing.T) {
	if errs := Lint(); errs != nil {
		t.Fatalf("the embedded data should lint clean, but:\n%v", errs)
	}
}

func TestEveryCodeIsWellFormed(t *testing.T) {
	known := map[string]bool{}
	for _, n := range ploverNames {
		known[n] = true
	}
	codes := Codes()
	if len(codes) < 300 {
		t.Fatalf("want about 300 CAMEO codes, have %d", len(codes))
	}
	roots := 0
	for i, c := range codes {
		if i > 0 && codes[i-1].Code >= c.Code {
			t.Errorf("Codes() is not sorted: %s before %s", codes[i-1].Code, c.Code)
		}
		if c.Name == "" {
			t.Errorf("%s has no name", c.Code)
		}
		if c.Goldstein < -10 || c.Goldstein > 10 {
			t.Errorf("%s has Goldstein %v, outside [-10, 10]", c.Code, c.Goldstein)
		}
		r := Root(c.Code)
		if r == "" {
			t.Errorf("%s has no root in 01..20", c.Code)
			continue
		}
		if len(c.Code) == 2 {
			roots++
		}
		n, _ := strconv.Atoi(r)
		wantQuad := map[bool]int{true: 1}[n <= 5]
		switch {
		case n >= 6 && n <= 9:
			wantQuad = 2
		case n >= 10 && n <= 14:
			wantQuad = 3
		case n >= 15:
			wantQuad = 4
		}
		if c.Quad != wantQuad {
			t.Errorf("%s has QuadClass %d, want %d for root %s", c.Code, c.Quad, wantQuad, r)
		}
		// PentaClass exactly as the shared scorer derives it from the root.
		wantPenta := 4
		switch {
		case n <= 2:
			wantPenta = 0
		case n <= 5:
			wantPenta = 1
		case n <= 8:
			wantPenta = 2
		case n <= 13:
			wantPenta = 3
		}
		if c.Penta != wantPenta {
			t.Errorf("%s has PentaClass %d, want %d for root %s", c.Code, c.Penta, wantPenta, r)
		}
		if c.Plover == "" {
			if r != "01" {
				t.Errorf("%s has no PLOVER type; only root 01 may lack one", c.Code)
			}
		} else if !known[c.Plover] {
			t.Errorf("%s maps to %q, not one of the 16 PLOVER types", c.Code, c.Plover)
		}
		if r == "01" && c.Plover != "" {
			t.Errorf("%s is a statement but maps to %s", c.Code, c.Plover)
		}
		if c.Mode != "" {
			p, _ := Plover(c.Plover)
			if _, ok := p.Mode(c.Mode); !ok {
				t.Errorf("%s has mode %q, which %s does not have", c.Code, c.Mode, c.Plover)
			}
		}
		if !strings.HasPrefix(c.Ref, "data/cameo.txt:") || !strings.Contains(c.Ref, " data/cameo-plover.txt:") {
			t.Errorf("%s has Ref %q, want both of its lines", c.Code, c.Ref)
		}
	}
	if roots != 20 {
		t.Errorf("want 20 roots, have %d", roots)
	}
}

func TestSpotChecks(t *testing.T) {
	tests := []struct {
		code      string
		plover    string
		mode      string
		goldstein float64
		quad      int
		penta     int
	}{
		{"010", "", "", 0, 1, 0},
		{"020", "REQUEST", "", 3.0, 1, 0},
		{"0243", "REQUEST", "change", -0.3, 1, 0},
		{"036", "AGREE", "", 4.0, 1, 1},
		{"042", "CONSULT", "visit", 1.9, 1, 1},
		{"046", "CONSULT", "", 7.0, 1, 1},
		{"057", "SUPPORT", "", 8.0, 1, 1},
		{"061", "COOPERATE", "", 6.4, 2, 2},
		{"073", "AID", "humanitarian", 7.4, 2, 2},
		{"0831", "CONCEDE", "", 5.0, 2, 2},
		{"0841", "RETREAT", "release", 7.0, 2, 2},
		{"0874", "RETREAT", "disarm", 10.0, 2, 2},
		{"091", "ACCUSE", "investigate", -2.0, 2, 3},
		{"100", "REQUEST", "", -5.0, 3, 3},
		{"1053", "REQUEST", "yield", -5.0, 3, 3},
		{"111", "ACCUSE", "disapprove", -2.0, 3, 3},
		{"112", "ACCUSE", "disapprove", -2.0, 3, 3},
		{"125", "REJECT", "meet", -5.0, 3, 3},
		{"138", "THREATEN", "violence", -7.0, 3, 3},
		{"141", "PROTEST", "demo", -6.5, 3, 4},
		{"145", "PROTEST", "riot", -7.5, 3, 4},
		{"154", "MOBILIZE", "troops", -7.2, 4, 4},
		{"161", "SANCTION", "withdraw", -4.0, 4, 4},
		{"163", "SANCTION", "sever", -8.0, 4, 4},
		{"173", "COERCE", "arrest", -5.0, 4, 4},
		{"1712", "ASSAULT", "destroy", -9.2, 4, 4},
		{"182", "ASSAULT", "beat", -9.5, 4, 4},
		{"190", "ASSAULT", "", -10.0, 4, 4},
		{"191", "COERCE", "restrict", -9.5, 4, 4},
		{"193", "ASSAULT", "firearms", -10.0, 4, 4},
		{"2042", "ASSAULT", "unconventional", -10.0, 4, 4},
	}
	for _, tt := range tests {
		c, ok := Cameo(tt.code)
		if !ok {
			t.Errorf("Cameo(%q) is missing", tt.code)
			continue
		}
		if c.Plover != tt.plover || c.Mode != tt.mode || c.Goldstein != tt.goldstein || c.Quad != tt.quad || c.Penta != tt.penta {
			t.Errorf("Cameo(%q) = %s/%s Goldstein %v quad %d penta %d, want %s/%s %v %d %d",
				tt.code, c.Plover, c.Mode, c.Goldstein, c.Quad, c.Penta, tt.plover, tt.mode, tt.goldstein, tt.quad, tt.penta)
		}
	}
}

func TestCameoIsExact(t *testing.T) {
	for _, code := range []string{"20", "020", "0214", "112"} {
		if _, ok := Cameo(code); !ok {
			t.Errorf("Cameo(%q) should be known", code)
		}
	}
	for _, code := range []string{"", "2", "0", "21", "00", "0215", "1213", "12a", "11200", " 112"} {
		if c, ok := Cameo(code); ok {
			t.Errorf("Cameo(%q) = %+v, want unknown", code, c)
		}
	}
}

func TestLookupFallsBackToParent(t *testing.T) {
	tests := []struct {
		code, name, plover string
		quad, penta        int
	}{
		{"0214", "Appeal for intelligence", "REQUEST", 1, 0},
		{"0219", "Appeal for material cooperation, not specified below", "REQUEST", 1, 0},
		{"1959", "Employ aerial weapons", "ASSAULT", 4, 4},
		{"099", "Investigate", "ACCUSE", 2, 3},
		{"21", "", "", 0, -1},
		{"x", "", "", 0, -1},
		{"", "", "", 0, -1},
	}
	for _, tt := range tests {
		c := Lookup(tt.code)
		if c.Code != tt.code || c.Name != tt.name || c.Plover != tt.plover || c.Quad != tt.quad || c.Penta != tt.penta {
			t.Errorf("Lookup(%q) = %+v, want name %q plover %q quad %d penta %d", tt.code, c, tt.name, tt.plover, tt.quad, tt.penta)
		}
	}
}

func TestRoot(t *testing.T) {
	tests := map[string]string{"112": "11", "0214": "02", "20": "20", "01": "01", "00": "", "21": "", "1": "", "": "", "a1": "", "1x": ""}
	for in, want := range tests {
		if got := Root(in); got != want {
			t.Errorf("Root(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPloverTypes(t *testing.T) {
	types := PloverTypes()
	if len(types) != 16 {
		t.Fatalf("want 16 PLOVER types, have %d", len(types))
	}
	wantQuad := map[string]int{"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
		"REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}
	for i, p := range types {
		if p.Name != ploverNames[i] {
			t.Errorf("type %d is %s, want %s", i, p.Name, ploverNames[i])
		}
		if p.Description == "" {
			t.Errorf("%s has no description", p.Name)
		}
		if p.Quad != wantQuad[p.Name] {
			t.Errorf("%s has QuadClass %d, want %d", p.Name, p.Quad, wantQuad[p.Name])
		}
		for _, m := range p.Modes {
			if m.Description == "" {
				t.Errorf("%s mode %s has no description", p.Name, m.Name)
			}
		}
	}
	for typ, modes := range map[string][]string{
		"ASSAULT":  {"beat", "firearms", "explosives", "primitive", "heavy-weapons", "abduct"},
		"PROTEST":  {"demo", "riot", "strike-gen", "strike-hun", "boycott", "obstruct"},
		"AID":      {"economic", "military", "humanitarian", "asylum"},
		"CONSULT":  {"visit", "third-party", "multilateral", "phone"},
		"REQUEST":  {"assist", "change", "yield", "meet"},
		"MOBILIZE": {"troops", "weapons", "police"},
	} {
		p, ok := Plover(typ)
		if !ok {
			t.Fatalf("Plover(%q) is missing", typ)
		}
		for _, m := range modes {
			if _, ok := p.Mode(m); !ok {
				t.Errorf("%s lacks mode %s", typ, m)
			}
		}
	}
	if _, ok := Plover("DEMAND"); ok {
		t.Error("DEMAND is the 2021 name of REQUEST and should not be a type of its own")
	}
	// The copy returned must not alias the table.
	types[0].Name = "CHANGED"
	if PloverTypes()[0].Name != "AGREE" {
		t.Error("PloverTypes returns a slice that aliases the table")
	}
}

func TestEveryPloverTypeIsReachable(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Codes() {
		seen[c.Plover] = true
	}
	for _, n := range ploverNames {
		if !seen[n] {
			t.Errorf("no CAMEO code maps to %s", n)
		}
	}
}

func TestNewExtendsAndOverrides(t *testing.T) {
	user := fstest.MapFS{
		CameoFile:   {Data: []byte("# my codes\n0215 | Appeal for cyber cooperation | 3.4\n")},
		MappingFile: {Data: []byte("0215|REQUEST|assist|cyber\n")},
		PloverFile:  {Data: []byte("ASSAULT|aerial|Air strikes and drones\n")},
	}
	tab, err := New(user)
	if err != nil {
		t.Fatalf("New with a valid user directory: %v", err)
	}
	c, ok := tab.Cameo("0215")
	if !ok || c.Plover != "REQUEST" || c.Context != "cyber" || c.Ref != "cameo.txt:2 cameo-plover.txt:1" {
		t.Errorf("user code 0215 = %+v, %v", c, ok)
	}
	p, _ := tab.Plover("ASSAULT")
	if _, ok := p.Mode("aerial"); !ok {
		t.Error("user mode ASSAULT aerial was not added")
	}
	if _, ok := Cameo("0215"); ok {
		t.Error("New changed the default table")
	}
	if p, _ := Plover("ASSAULT"); len(p.Modes) == 0 {
		t.Error("default ASSAULT lost its modes")
	} else if _, ok := p.Mode("aerial"); ok {
		t.Error("New changed the default table's modes")
	}
}

func TestLintReportsFileAndLine(t *testing.T) {
	user := fstest.MapFS{
		CameoFile: {Data: []byte(strings.Join([]string{
			"# comment",
			"0215|Appeal for something|3.4", // fine
			"0216|No score",                 // 3: fields
			"2101|Out of range root|1",      // 4: root
			"0217||1",                       // 5: no name
			"0218|Too high|11",              // 6: Goldstein
			"0215|Twice|1",                  // 7: duplicate
			"02999|Too long|1",              // 8: digits
			"0319|Orphan|1",                 // 9: no parent 031? 031 exists, fine
			"03991|Orphan|1",                // 10: too long
			"0399|Orphan|1",                 // 11: parent 039 exists: fine
			"1597|No parent|1",              // 12: no parent 159
		}, "\n"))},
		MappingFile: {Data: []byte("0215|WIBBLE||\n0399|ASSAULT|nonesuch|\n9|ASSAULT||\n05||\n")},
		PloverFile:  {Data: []byte("FIGHT||4|old name\nASSAULT|Bad Mode|x\n")},
	}
	errs := Lint(user)
	if errs == nil {
		t.Fatal("Lint found nothing in broken files")
	}
	want := []string{
		"cameo.txt:3: want 3 fields",
		"cameo.txt:4: CAMEO code 2101 has no root",
		"cameo.txt:5: CAMEO code 0217 has no name",
		"cameo.txt:6: Goldstein score",
		"cameo.txt:7: CAMEO code 0215 appears twice",
		"cameo.txt:8: CAMEO code \"02999\" is not 2 to 4 digits",
		"cameo.txt:12: CAMEO code 1597 has no parent 159",
		"cameo-plover.txt:1: unknown PLOVER type WIBBLE",
		"cameo-plover.txt:2: PLOVER type ASSAULT has no mode nonesuch",
		"cameo-plover.txt:3: CAMEO code 9 is not in cameo.txt",
		"cameo-plover.txt:4: only CAMEO 01 may map to no PLOVER type",
		"cameo.txt:10: CAMEO code \"03991\" is not 2 to 4 digits",
		"plover.txt:1: unknown PLOVER type \"FIGHT\"",
		"plover.txt:2: mode \"Bad Mode\" is not a lower-case word",
	}
	msg := errs.Error()
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Errorf("Lint should report %q; it said:\n%s", w, msg)
		}
	}
	for _, e := range errs {
		if e.Line < 0 || e.File == "" {
			t.Errorf("error without a place: %+v", e)
		}
	}
	if _, err := New(user); !errors.As(err, new(ErrorList)) {
		t.Errorf("New should return an ErrorList, got %T", err)
	}
}

func TestMissingPloverTypeIsReported(t *testing.T) {
	sub, _ := fs.Sub(dataFS, "data")
	var kept []string
	b, _ := fs.ReadFile(sub, PloverFile)
	for _, line := range strings.Split(string(b), "\n") {
		if !strings.HasPrefix(line, "MOBILIZE") {
			kept = append(kept, line)
		}
	}
	_, err := build([]fs.FS{fstest.MapFS{
		CameoFile:   {Data: mustRead(t, sub, CameoFile)},
		MappingFile: {Data: mustRead(t, sub, MappingFile)},
		PloverFile:  {Data: []byte(strings.Join(kept, "\n"))},
	}}, nil)
	if err == nil || !strings.Contains(err.Error(), "PLOVER type MOBILIZE is missing") {
		t.Errorf("a missing type should be reported, got %v", err)
	}
}

func mustRead(t *testing.T, fsys fs.FS, name string) []byte {
	t.Helper()
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestConcurrentUse(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, c := range []struct{ code, plover string }{{"020", "REQUEST"}, {"112", "ACCUSE"}, {"190", "ASSAULT"}, {"0214", "REQUEST"}} {
				if got := Lookup(c.code).Plover; got != c.plover {
					t.Errorf("Lookup(%s).Plover = %q under concurrent use, want %s", c.code, got, c.plover)
				}
			}
			if n := len(PloverTypes()); n != 16 {
				t.Errorf("%d PLOVER types under concurrent use, want 16", n)
			}
		}()
	}
	wg.Wait()
}

func FuzzCameoFile(f *testing.F) {
	f.Add("0215|Appeal for x|3.4\n")
	f.Add("# c\n\n02|x|1\n0299|y|-10\n")
	f.Add("|||\n#\n|\n")
	f.Fuzz(func(t *testing.T, text string) {
		nlines := strings.Count(text, "\n") + 1
		errs := Lint(fstest.MapFS{CameoFile: {Data: []byte(text)}, MappingFile: {Data: []byte(text)}, PloverFile: {Data: []byte(text)}})
		for _, e := range errs {
			if e.Line < 0 || e.Line > nlines {
				t.Errorf("error line %d outside 0..%d: %v", e.Line, nlines, e)
			}
		}
	})
}

func BenchmarkLookup(b *testing.B) {
	codes := []string{"020", "112", "190", "0214", "1959", "046"}
	Default()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = Lookup(codes[i%len(codes)])
	}
}

func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}
