package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"dyad/doc"
)

// upper is a test stage that records the text length as a warning.
type fake struct {
	name     string
	req, ass []doc.Layer
	fail     bool
	panics   bool
}

func (f fake) Name() string          { return f.name }
func (f fake) Requires() []doc.Layer { return f.req }
func (f fake) Assigns() []doc.Layer  { return f.ass }
func (f fake) Apply(d *doc.Doc) error {
	if f.panics {
		panic("boom")
	}
	if f.fail {
		return errors.New("failed on purpose")
	}
	d.Warnings = append(d.Warnings, fmt.Sprintf("%s:%d", f.name, len(d.Text)))
	return nil
}

func TestNewChecksOrder(t *testing.T) {
	seg := fake{name: "seg", req: []doc.Layer{doc.LayerText}, ass: []doc.Layer{doc.LayerSentences}}
	act := fake{name: "act", req: []doc.Layer{doc.LayerSentences}, ass: []doc.Layer{doc.LayerEntities}}
	if _, err := New(seg, act); err != nil {
		t.Fatalf("a correct order was refused: %v", err)
	}
	if _, err := New(act, seg); err == nil || !strings.Contains(err.Error(), "E001") {
		t.Fatalf("a wrong order was accepted or misreported: %v", err)
	}
	if _, err := New(seg, seg); err == nil || !strings.Contains(err.Error(), "E002") {
		t.Fatalf("a layer assigned twice was accepted: %v", err)
	}
}

func TestApplyReportsStageErrorsAndPanics(t *testing.T) {
	p, err := New(fake{name: "a", fail: true}, fake{name: "b", panics: true}, fake{name: "c"})
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.Code(doc.Article{Text: "abc"})
	if err == nil || !strings.Contains(err.Error(), "a: failed on purpose") || !strings.Contains(err.Error(), "b: panic: boom") {
		t.Fatalf("errors not reported by stage: %v", err)
	}
	if len(d.Warnings) != 1 || d.Warnings[0] != "c:3" {
		t.Fatalf("the stage after the failures did not run: %v", d.Warnings)
	}
}

func TestRunKeepsOrder(t *testing.T) {
	p, _ := New(fake{name: "len"})
	in := make(chan Input)
	const n = 500
	go func() {
		defer close(in)
		for i := range n {
			it := Input{Article: doc.Article{ID: fmt.Sprint(i), Text: strings.Repeat("x", i%37)}, Origin: fmt.Sprintf("f:%d", i+1)}
			if i%100 == 7 {
				it.Err = errors.New("bad record")
			}
			in <- it
		}
	}()
	i := 0
	err := p.Run(context.Background(), in, 4, func(r Result) error {
		if r.Origin != fmt.Sprintf("f:%d", i+1) {
			t.Fatalf("result %d came from %s: out of order", i, r.Origin)
		}
		if i%100 == 7 {
			if r.Err == nil || r.Doc != nil {
				t.Fatalf("reader error at %d was not passed through", i)
			}
		} else if r.Doc == nil || r.Doc.ID != fmt.Sprint(i) || r.Doc.Warnings[0] != fmt.Sprintf("len:%d", i%37) {
			t.Fatalf("result %d is wrong: %+v", i, r)
		}
		i++
		return nil
	})
	if err != nil || i != n {
		t.Fatalf("Run returned %v after %d results, want nil after %d", err, i, n)
	}
}

func TestRunStopsOnOutputError(t *testing.T) {
	p, _ := New(fake{name: "len"})
	in := make(chan Input)
	go func() {
		defer close(in)
		for i := range 1000 {
			select {
			case in <- Input{Article: doc.Article{Text: fmt.Sprint(i)}}:
			case <-t.Context().Done():
				return
			}
		}
	}()
	stop := errors.New("disk full")
	got := 0
	err := p.Run(t.Context(), in, 2, func(r Result) error {
		got++
		if got == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || got != 10 {
		t.Fatalf("Run returned %v after %d outputs, want the output error after 10", err, got)
	}
}

func TestDefaultStages(t *testing.T) {
	p, err := Default(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range p.Stages() {
		names = append(names, s.Name())
	}
	if got := strings.Join(names, ","); got != "text,actors,timex,quotes,events,links" {
		t.Fatalf("default stages are %s", got)
	}
	if p, err = Default(Options{Stages: []string{"text", "timex"}}); err != nil || len(p.Stages()) != 2 {
		t.Fatalf("a subset with its requirements was refused: %v", err)
	}
	if _, err = Default(Options{Stages: []string{"text", "quotes"}}); err == nil || !strings.Contains(err.Error(), "E001") {
		t.Fatalf("quotes without actors was accepted: %v", err)
	}
	if _, err = Default(Options{Stages: []string{"text", "verbs"}}); err == nil || !strings.Contains(err.Error(), "E003") {
		t.Fatalf("an unknown stage was accepted: %v", err)
	}
}
