package pipeline

import (
	"dyad/text"
)

// Options configure the standard pipeline.
type Options struct {
	// DictDirs are directories of user dictionaries and lexicons that add to or override the
	// embedded ones (each stage reads the files it knows).
	DictDirs []string
}

// Default builds dyad's standard pipeline: text, actors, timex, quotes, events.
func Default(opts Options) (*Pipeline, error) {
	return New(text.New())
}
