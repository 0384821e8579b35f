package timex

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// word holds what the lexicon knows about one lower-case word; zero fields mean "not of that class".
type word struct {
	month   int8   // 1..12
	weekday int8   // 1..7, Monday = 1
	number  int    // cardinal value; -1 for an unknown count (several); 0 when not a number
	isNum   bool   // number is set
	ordinal int8   // 1..
	unit    string // S MI H D W M Q Y DE CE WE
	season  string // SP SU FA WI
	part    string // MO AF EV NI
	day     int8   // offset in days (today 0)
	isDay   bool
	rel     int8 // -1, 0, +1
	isRel   bool
	ref     string // PRESENT_REF ...
	set     string // P1D ...
	mod     string // START END MID
	approx  string
	future  bool
	past    bool   // a verb form in the past tense (took, was)
	notPast bool   // a word in -ed that is not a verb in the past tense (hundred, need)
	src     string // file:line of the first entry, for explanations
}

// lexicon maps lower-case words to what they can mean.
type lexicon map[string]*word

// load reads one word list (word|class|value lines) into the lexicon; errors name file:line.
func (lx lexicon) load(name string, data string) error {
	sc := bufio.NewScanner(strings.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 3 {
			return fmt.Errorf("%s:%d: want word|class|value, got %q", name, n, line)
		}
		w, class, val := strings.ToLower(strings.TrimSpace(f[0])), strings.TrimSpace(f[1]), strings.TrimSpace(f[2])
		if w == "" {
			return fmt.Errorf("%s:%d: empty word", name, n)
		}
		e := lx[w]
		if e == nil {
			e = &word{src: fmt.Sprintf("%s:%d", name, n)}
			lx[w] = e
		}
		atoi := func(lo, hi int) (int, error) {
			v, err := strconv.Atoi(val)
			if err != nil || v < lo || v > hi {
				return 0, fmt.Errorf("%s:%d: %s value %q is not a number in [%d, %d]", name, n, class, val, lo, hi)
			}
			return v, nil
		}
		var err error
		var v int
		switch class {
		case "month":
			v, err = atoi(1, 12)
			e.month = int8(v)
		case "weekday":
			v, err = atoi(1, 7)
			e.weekday = int8(v)
		case "number":
			v, err = atoi(-1, 1000000)
			e.number, e.isNum = v, true
		case "ordinal":
			v, err = atoi(1, 100)
			e.ordinal = int8(v)
		case "unit":
			if unitMeaning(val) == "" {
				err = fmt.Errorf("%s:%d: unknown unit %q", name, n, val)
			}
			e.unit = val
		case "season":
			e.season = val
		case "part":
			e.part = val
		case "day":
			v, err = atoi(-7, 7)
			e.day, e.isDay = int8(v), true
		case "rel":
			v, err = atoi(-1, 1)
			e.rel, e.isRel = int8(v), true
		case "ref":
			e.ref = val
		case "set":
			e.set = val
		case "mod":
			e.mod = val
		case "approx":
			e.approx = val
		case "future":
			e.future = true
		case "past":
			v, err = atoi(0, 1)
			e.past, e.notPast = v == 1, v == 0
		default:
			err = fmt.Errorf("%s:%d: unknown class %q", name, n, class)
		}
		if err != nil {
			return err
		}
	}
	return sc.Err()
}

// unitMeaning returns a readable name of a unit code, or "" for an unknown code.
func unitMeaning(u string) string {
	switch u {
	case "S":
		return "second"
	case "MI":
		return "minute"
	case "H":
		return "hour"
	case "D":
		return "day"
	case "W":
		return "week"
	case "M":
		return "month"
	case "Q":
		return "quarter"
	case "Y":
		return "year"
	case "DE":
		return "decade"
	case "CE":
		return "century"
	case "WE":
		return "weekend"
	}
	return ""
}

// loadPaths reads extra word lists from files or directories (every *.txt file inside).
func (lx lexicon) loadPaths(paths []string) error {
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return err
		}
		files := []string{p}
		if st.IsDir() {
			files = files[:0]
			err := filepath.WalkDir(p, func(path string, de fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if !de.IsDir() && strings.HasSuffix(path, ".txt") {
					files = append(files, path)
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			if err := lx.load(f, string(b)); err != nil {
				return err
			}
		}
	}
	return nil
}
