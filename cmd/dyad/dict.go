package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"dyad/actors"
	"dyad/ontology"
	"dyad/pipeline"
)

func newDictCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "dict",
		Short: "Work with dyad's dictionaries and lexicons",
	}
	cmd.AddCommand(newDictLintCmd())
	return cmd
}

func newDictLintCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "lint [DIR...]",
		Short: "Check the built-in dictionaries and user dictionary directories",
		Long: `Lint checks the built-in dictionaries, lexicons and tables together with the user dictionary
directories given (the same directories as --dict: DIR/actors, DIR/timex, DIR/quotes, DIR/events), and prints every
problem as file:line: message. The exit status is 1 when a problem is found.`,
		Example: `  dyad dict lint
  dyad dict lint ./my-dicts`,
		RunE: func(cmd *cobra.Command, args []string) error {
			popts := pipeline.Options{DictDirs: args}
			actorDirs, err := popts.StageDirs("actors")
			if err != nil {
				return err
			}
			n := 0
			report := func(msg string) {
				fmt.Fprintln(cmd.OutOrStdout(), msg)
				n++
			}
			probs, err := actors.Lint(actorDirs...)
			if err != nil {
				return err
			}
			for _, p := range probs {
				report(p.Error())
			}
			for _, e := range ontology.Lint() {
				report(e.Error())
			}
			if n == 0 {
				// the other stages' lexicons (timex, quotes, events) report their first problem when built
				if _, err := pipeline.Default(popts); err != nil {
					report(err.Error())
				}
			}
			if n > 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "dyad: %d problem(s)\n", n)
				return silentError{"lint problems"}
			}
			fmt.Fprintln(cmd.OutOrStdout(), "dictionaries ok")
			return nil
		},
	}
}
