package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"dyad/doc"
)

// Pipeline is a checked sequence of stages. It is safe for concurrent use.
type Pipeline struct {
	stages []Stage
}

// New checks that every stage's requirements are assigned by an earlier stage (the text layer is
// given) and returns the pipeline. An error names the stage and the missing layer (E001), or a layer
// assigned twice (E002).
func New(stages ...Stage) (*Pipeline, error) {
	have := map[doc.Layer]string{doc.LayerText: "input"}
	for _, s := range stages {
		for _, l := range s.Requires() {
			if _, ok := have[l]; !ok {
				return nil, fmt.Errorf("E001: stage %q requires layer %q, which no earlier stage assigns", s.Name(), l)
			}
		}
		for _, l := range s.Assigns() {
			if by, ok := have[l]; ok {
				return nil, fmt.Errorf("E002: stage %q assigns layer %q, already assigned by %q", s.Name(), l, by)
			}
			have[l] = s.Name()
		}
	}
	return &Pipeline{stages: stages}, nil
}

// Stages returns the stages in order.
func (p *Pipeline) Stages() []Stage { return append([]Stage(nil), p.stages...) }

// Code runs every stage on a new Doc for the article. A stage's error does not stop the later stages:
// the errors are joined in the returned error, prefixed by the stage name, and the Doc holds whatever
// the stages produced.
func (p *Pipeline) Code(a doc.Article) (*doc.Doc, error) {
	d := doc.New(a)
	return d, p.Apply(d)
}

// Apply runs every stage on d, in order. A stage that panics is reported as an error of that stage
// (the document is not lost, and the other documents of a run go on).
func (p *Pipeline) Apply(d *doc.Doc) error {
	var errs []error
	for _, s := range p.stages {
		if err := applySafe(s, d); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", s.Name(), err))
		}
	}
	return errors.Join(errs...)
}

func applySafe(s Stage, d *doc.Doc) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return s.Apply(d)
}

// Input is one item to code: an article and where it came from, or the error a reader met at that
// place (which is passed through to the output in its turn).
type Input struct {
	Article doc.Article
	Origin  string // "file:line", "file#offset" or a URL
	Err     error
	// Warnings from the reader are copied into the Doc's warnings.
	Warnings []string
}

// Result is the outcome for one Input, in input order. Doc is nil when Err comes from the reader;
// when a stage failed, Doc holds what the other stages produced and Err says what failed.
type Result struct {
	Doc    *doc.Doc
	Origin string
	Err    error
}

// Run codes the inputs on a pool of workers (0 means one per core) and calls out with each result in
// input order. At most a few results per worker are held at once, so memory does not grow with the
// size of the corpus. Run stops at the end of in, when ctx is done, or when out returns an error,
// and returns that error (or ctx's). Run stops reading in when it stops: the producer of in must
// watch the same ctx (cancel it after Run returns) so that it does not block on a send forever.
func (p *Pipeline) Run(ctx context.Context, in <-chan Input, workers int, out func(Result) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		seq int
		in  Input
	}
	type done struct {
		seq int
		res Result
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	window := 4 * workers
	slots := make(chan struct{}, window) // bounds the jobs in flight
	jobs := make(chan job)
	results := make(chan done, window)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r := Result{Origin: j.in.Origin, Err: j.in.Err}
				if j.in.Err == nil {
					r.Doc, r.Err = p.Code(j.in.Article)
					r.Doc.Warnings = slices.Concat(j.in.Warnings, r.Doc.Warnings)
				}
				results <- done{j.seq, r}
			}
		}()
	}
	go func() { // feeder
		defer close(jobs)
		seq := 0
		for {
			select {
			case <-ctx.Done():
				return
			case it, ok := <-in:
				if !ok {
					return
				}
				select {
				case slots <- struct{}{}:
				case <-ctx.Done():
					return
				}
				select {
				case jobs <- job{seq, it}:
				case <-ctx.Done():
					return
				}
				seq++
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	pending := make(map[int]Result, window)
	nextSeq := 0
	var outErr error
	for d := range results {
		if outErr != nil {
			<-slots
			continue // drain
		}
		pending[d.seq] = d.res
		for {
			r, ok := pending[nextSeq]
			if !ok {
				break
			}
			delete(pending, nextSeq)
			nextSeq++
			<-slots
			if err := out(r); err != nil {
				outErr = err
				cancel()
				break
			}
		}
	}
	if outErr != nil {
		return outErr
	}
	return ctx.Err()
}
