package pipeline

import (
	"fmt"
	"os"
	"path/filepath"

	"dyad/actors"
	"dyad/doc"
	"dyad/events"
	"dyad/quotes"
	"dyad/text"
	"dyad/timex"
)

// Options configure the standard pipeline.
type Options struct {
	// DictDirs are directories of user dictionaries and lexicons that add to or override the
	// embedded ones. Each stage reads the subdirectory named after it (DIR/actors, DIR/timex,
	// DIR/quotes, DIR/events), in the format of that stage's embedded data.
	DictDirs []string
	// Stages, when not empty, keeps only the named stages of the standard pipeline ("text",
	// "actors", "timex", "quotes", "events", "links"), to measure or use one stage alone. The
	// stages kept must still find the layers they require: New checks it.
	Stages []string
}

// StageDirs returns the subdirectories named name (a stage: "actors", "timex", ...) of the user
// dictionary directories that exist. It fails when a directory of DictDirs itself does not exist,
// so that a mistyped --dict is not silently ignored.
func (o Options) StageDirs(name string) ([]string, error) {
	var out []string
	for _, d := range o.DictDirs {
		if fi, err := os.Stat(d); err != nil || !fi.IsDir() {
			return nil, fmt.Errorf("dictionary directory %s: not a directory", d)
		}
		p := filepath.Join(d, name)
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			out = append(out, p)
		}
	}
	return out, nil
}

// Default builds dyad's standard pipeline: text, actors, timex, quotes, events.
func Default(opts Options) (*Pipeline, error) {
	dirs := map[string][]string{}
	for _, name := range []string{"actors", "timex", "quotes", "events"} {
		d, err := opts.StageDirs(name)
		if err != nil {
			return nil, err
		}
		dirs[name] = d
	}
	ac, err := actors.New(actors.Options{Dicts: dirs["actors"]})
	if err != nil {
		return nil, err
	}
	// Speakers and event actors ("he", "the minister", "Lavrov") are resolved through the actors
	// stage's coreference, with its dictionaries' titles.
	resolve := func(d *doc.Doc, m doc.Span) *doc.Actor {
		a, _ := ac.ResolveMention(d, m)
		return a
	}
	tx, err := timex.NewWithOptions(timex.Options{Lexicons: dirs["timex"]})
	if err != nil {
		return nil, err
	}
	qu, err := quotes.New(quotes.Options{Resolve: resolve, Extra: dirs["quotes"]})
	if err != nil {
		return nil, err
	}
	ev, err := events.New(events.Options{Resolve: resolve, EventDate: timex.EventDate, Extra: dirs["events"]})
	if err != nil {
		return nil, err
	}
	all := []Stage{text.New(), ac, tx, qu, ev, linker{}}
	if len(opts.Stages) == 0 {
		return New(all...)
	}
	var keep []Stage
	for _, name := range opts.Stages {
		found := false
		for _, s := range all {
			if s.Name() == name {
				keep, found = append(keep, s), true
			}
		}
		if !found {
			return nil, fmt.Errorf("E003: no stage named %q (the stages are text, actors, timex, quotes, events, links)", name)
		}
	}
	return New(keep...)
}

// linker is the last stage: it links each quote to the events it reports (Quote.Events), which
// only becomes possible once both layers exist.
type linker struct{}

// Name returns "links".
func (linker) Name() string { return "links" }

// Requires returns the quotes and events layers.
func (linker) Requires() []doc.Layer { return []doc.Layer{doc.LayerQuotes, doc.LayerEvents} }

// Assigns returns the links layer.
func (linker) Assigns() []doc.Layer { return []doc.Layer{doc.LayerLinks} }

// Apply fills Quote.Events.
func (linker) Apply(d *doc.Doc) error {
	quotes.Link(d)
	return nil
}
