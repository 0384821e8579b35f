package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/spf13/cobra"

	"dyad/doc"
	"dyad/pipeline"
	"dyad/source"
)

func newBenchCmd() *cobra.Command {
	var (
		in      inputFlags
		rounds  int
		profile string
	)
	cmd := &cobra.Command{
		Use:   "bench FILE...",
		Short: "Measure coding throughput on a corpus",
		Long: `Bench loads the articles into memory, codes them --rounds times on -j workers, and prints
documents/s, sentences/s and MB/s in all and per core, the time spent in each stage (one worker),
memory allocated per document and the peak resident memory.`,
		Example: `  dyad bench -j 1 --rounds 3 ../shared/eval/data/polnear-train.jsonl`,
		Args:    cobra.MinimumNArgs(1),
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
			st := benchStages(p, arts)
			workers := max(in.workers, 1)
			var ms0, ms1 runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&ms0)
			sents := 0
			start := time.Now()
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
			return nil
		},
	}
	in.add(cmd)
	cmd.Flags().IntVar(&rounds, "rounds", 3, "how many times to code the corpus")
	cmd.Flags().StringVar(&profile, "cpuprofile", "", "write a CPU profile to FILE (go tool pprof)")
	return cmd
}

type stageTime struct {
	name string
	secs float64
}

// benchStages codes the corpus once on one goroutine, timing each stage.
func benchStages(p *pipeline.Pipeline, arts []doc.Article) []stageTime {
	stages := p.Stages()
	out := make([]stageTime, len(stages))
	for i, s := range stages {
		out[i].name = s.Name()
	}
	for _, a := range arts {
		d := doc.New(a)
		for i, s := range stages {
			t := time.Now()
			_ = s.Apply(d)
			out[i].secs += time.Since(t).Seconds()
		}
	}
	return out
}

func stageNames(p *pipeline.Pipeline) []string {
	var names []string
	for _, s := range p.Stages() {
		names = append(names, s.Name())
	}
	return names
}
