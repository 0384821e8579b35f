// Package pipeline composes dyad's stages into one coder and applies it to many documents on a pool
// of workers, keeping input order and bounded memory.
package pipeline

import (
	"dyad/doc"
)

// Stage is one step of the pipeline. A Stage is built once (dictionaries compiled) and must be safe
// for concurrent use: Apply is called from many goroutines, each with its own Doc.
//
// Apply reads the layers named by Requires and adds the layers named by Assigns; it must not change
// any other layer nor the text. A problem that concerns only part of the document is recorded in
// Doc.Warnings and Apply returns nil; an error means the document could not be coded by this stage
// and is reported against the document by the pipeline (later stages still run).
type Stage interface {
	// Name is a short lower-case name ("text", "actors").
	Name() string
	// Requires lists the layers that must be assigned by earlier stages.
	Requires() []doc.Layer
	// Assigns lists the layers this stage fills.
	Assigns() []doc.Layer
	// Apply annotates d.
	Apply(d *doc.Doc) error
}
