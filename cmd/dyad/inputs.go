package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"

	"github.com/spf13/cobra"

	"dyad/pipeline"
	"dyad/source"
)

// inputFlags are the flags shared by the commands that read articles.
type inputFlags struct {
	format   string
	maxBytes int64
	workers  int
	dicts    []string
	links    bool
	stages   []string
}

func (f *inputFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.format, "format", "auto", "input format: auto, text, jsonl, html, feed or warc")
	cmd.Flags().Int64Var(&f.maxBytes, "max-bytes", source.DefaultMaxBytes, "skip (and report) documents larger than this many bytes")
	cmd.Flags().IntVarP(&f.workers, "jobs", "j", runtime.NumCPU(), "number of documents coded in parallel")
	cmd.Flags().StringSliceVar(&f.dicts, "dict", nil, "directory of user dictionaries that extend the built-in ones (repeatable)")
	cmd.Flags().BoolVar(&f.links, "fetch-links", false, "for feeds: fetch each item's linked page and code its main text")
	cmd.Flags().StringSliceVar(&f.stages, "stages", nil, "run only these stages of the pipeline, in order (text,actors,timex,quotes,events,links)")
}

func (f *inputFlags) options() (source.Options, error) {
	fm, err := source.ParseFormat(f.format)
	if err != nil {
		return source.Options{}, err
	}
	return source.Options{Format: fm, MaxBytes: f.maxBytes, FetchLinks: f.links}, nil
}

func (f *inputFlags) pipeline() (*pipeline.Pipeline, error) {
	return pipeline.Default(pipeline.Options{DictDirs: f.dicts, Stages: f.stages})
}

// feed reads the paths and sends each record to the returned channel, which is closed at the end.
func feed(ctx context.Context, paths []string, opts source.Options) <-chan pipeline.Input {
	ch := make(chan pipeline.Input, 64)
	go func() {
		defer close(ch)
		err := source.Read(ctx, paths, opts, func(it source.Item) bool {
			in := pipeline.Input{Article: it.Article, Origin: it.Origin, Err: it.Err, Warnings: it.Warnings}
			select {
			case ch <- in:
				return true
			case <-ctx.Done():
				return false
			}
		})
		if err != nil && ctx.Err() == nil {
			select {
			case ch <- pipeline.Input{Origin: "input", Err: err}:
			case <-ctx.Done():
			}
		}
	}()
	return ch
}

// reportErr prints an error about one record on the command's standard error.
func reportErr(cmd *cobra.Command, origin string, err error) {
	fmt.Fprintln(cmd.ErrOrStderr(), "dyad:", withOrigin(origin, err))
}

// withOrigin returns "origin: err", unless err already names its origin (as source errors do).
func withOrigin(origin string, err error) string {
	var se *source.Error
	if errors.As(err, &se) || origin == "" {
		return err.Error()
	}
	return origin + ": " + err.Error()
}

// warn prints an error about one record on standard error.
func warn(origin string, err error) {
	fmt.Fprintln(os.Stderr, "dyad:", withOrigin(origin, err))
}
