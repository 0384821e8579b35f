package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/spf13/cobra"

	"dyad/doc"
	"dyad/pipeline"
	"dyad/source"
	"dyad/store"
)

func newBenchCmd() *cobra.Command {
	var (
		in      inputFlags
		rounds  int
		profile string
		dsn     string
		storeIt bool
	)
	cmd := &cobra.Command{
		Use:   "bench FILE...",
		Short: "Measure coding throughput on a corpus",
		Long: `Bench loads the articles into memory, codes them --rounds times on -j workers, and prints
documents/s, sentences/s and MB/s in all and per core, the time spent in each stage (one worker),
memory allocated per document and the peak resident memory.

With --store it then stores the coded documents as "dyad ingest" does (chunks prepared and written
from goroutines of their own, transactions of up to 500 documents) into a new SQLite file in a
temporary directory, or into --db, and prints the documents stored per second and the CPU time
that storing costs per document next to the CPU time that coding costs. Ingesting codes and stores
on the same cores: where both keep every core busy, ingest runs at about coding / (coding +
storing) of the speed of "dyad code".`,
		Example: `  dyad bench -j 1 --rounds 3 ../shared/eval/data/polnear-train.jsonl
  dyad bench --store ../shared/eval/data/polnear-train.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts, err := in.options()
			if err != nil {
				return err
			}
			p, err := in.pipeline()
			if err != nil {
				return err
			}
			var arts []doc.Article
			bytes := 0
			err = source.Read(cmd.Context(), args, opts, func(it source.Item) bool {
				if it.Err != nil {
					reportErr(cmd, it.Origin, it.Err)
					return true
				}
				arts = append(arts, it.Article)
				bytes += len(it.Article.Text)
				return true
			})
			if err != nil {
				return err
			}
			if len(arts) == 0 {
				return fmt.Errorf("no articles to measure")
			}
			if profile != "" {
				f, err := os.Create(profile)
				if err != nil {
					return err
				}
				defer f.Close()
				if err := pprof.StartCPUProfile(f); err != nil {
					return err
				}
				defer pprof.StopCPUProfile()
			}
			st, coded := benchStages(p, arts)
			workers := max(in.workers, 1)
			var ms0, ms1 runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&ms0)
			sents := 0
			start, cpu0 := time.Now(), cpuTime()
			for range max(rounds, 1) {
				ch := make(chan pipeline.Input, 64)
				go func() {
					defer close(ch)
					for _, a := range arts {
						ch <- pipeline.Input{Article: a}
					}
				}()
				err := p.Run(context.Background(), ch, workers, func(r pipeline.Result) error {
					if r.Doc != nil {
						sents += len(r.Doc.Sentences)
					}
					return nil
				})
				if err != nil {
					return err
				}
			}
			el := time.Since(start).Seconds()
			codeCPU := cpuTime() - cpu0
			runtime.ReadMemStats(&ms1)
			n := float64(len(arts) * max(rounds, 1))
			mb := float64(bytes) * float64(max(rounds, 1)) / 1e6
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "corpus      %d documents, %.2f MB, %d sentences per round, %d round(s), %d worker(s)\n",
				len(arts), float64(bytes)/1e6, sents/max(rounds, 1), max(rounds, 1), workers)
			fmt.Fprintf(w, "stages      %v\n", stageNames(p))
			fmt.Fprintf(w, "elapsed     %.3f s\n", el)
			fmt.Fprintf(w, "throughput  %10.1f docs/s %12.1f sentences/s %8.2f MB/s\n", n/el, float64(sents)/el, mb/el)
			fmt.Fprintf(w, "per core    %10.1f docs/s %12.1f sentences/s %8.2f MB/s\n", n/el/float64(workers), float64(sents)/el/float64(workers), mb/el/float64(workers))
			fmt.Fprintf(w, "memory      %.1f KB allocated per document, peak resident %.1f MB\n",
				float64(ms1.TotalAlloc-ms0.TotalAlloc)/n/1024, peakRSSMB())
			fmt.Fprintf(w, "per stage (one worker, one round):\n")
			for _, s := range st {
				fmt.Fprintf(w, "  %-8s %8.3f s %10.2f MB/s\n", s.name, s.secs, float64(bytes)/1e6/s.secs)
			}
			if !storeIt {
				return nil
			}
			return benchStore(cmd, dsn, coded, codeCPU.Seconds()/n)
		},
	}
	in.add(cmd)
	cmd.Flags().IntVar(&rounds, "rounds", 3, "how many times to code the corpus")
	cmd.Flags().StringVar(&profile, "cpuprofile", "", "write a CPU profile to FILE (go tool pprof)")
	cmd.Flags().BoolVar(&storeIt, "store", false, "also measure storing the coded documents")
	cmd.Flags().StringVar(&dsn, "db", "", "with --store: the database to store into (default: a new SQLite file in a temporary directory)")
	return cmd
}

// benchStore stores the coded documents as ingest does and prints what it cost, next to the CPU
// seconds per document that coding cost.
func benchStore(cmd *cobra.Command, dsn string, ds []*doc.Doc, codeCPU float64) error {
	ctx := cmd.Context()
	if dsn == "" {
		dir, err := os.MkdirTemp("", "dyad-bench-*")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		dsn = filepath.Join(dir, "bench.db")
	}
	s, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	start, cpu0 := time.Now(), cpuTime()
	st := &ingestStats{}
	w := &writer{s: s, st: st, prog: &progress{start: start, last: start}}
	docs := make(chan coded, ingestChunk)
	chunks := make(chan []coded, 2)
	go chunkDocs(docs, chunks)
	ready := prepareChunks(s, chunks)
	go func() {
		defer close(docs)
		for i, d := range ds {
			docs <- coded{d, fmt.Sprintf("document %d", i+1)}
		}
	}()
	err = w.run(ctx, ready)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	el, cpu := time.Since(start).Seconds(), (cpuTime() - cpu0).Seconds()
	n := float64(len(ds))
	out := cmd.OutOrStdout()
	fmt.Fprintf(out, "store       %d documents in %.3f s (%s): %.1f docs/s\n", len(ds), el, st, n/el)
	fmt.Fprintf(out, "CPU         storing %.2f ms per document, coding %.2f ms per document (storing/coding %.2f)\n",
		cpu/n*1000, codeCPU*1000, cpu/n/codeCPU)
	return nil
}

type stageTime struct {
	name string
	secs float64
}

// benchStages codes the corpus once on one goroutine, timing each stage, and returns the coded
// documents.
func benchStages(p *pipeline.Pipeline, arts []doc.Article) ([]stageTime, []*doc.Doc) {
	stages := p.Stages()
	out := make([]stageTime, len(stages))
	for i, s := range stages {
		out[i].name = s.Name()
	}
	ds := make([]*doc.Doc, 0, len(arts))
	for _, a := range arts {
		d := doc.New(a)
		for i, s := range stages {
			t := time.Now()
			_ = s.Apply(d)
			out[i].secs += time.Since(t).Seconds()
		}
		ds = append(ds, d)
	}
	return out, ds
}

func stageNames(p *pipeline.Pipeline) []string {
	var names []string
	for _, s := range p.Stages() {
		names = append(names, s.Name())
	}
	return names
}
