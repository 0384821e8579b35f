package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"dyad/actors"
	"dyad/ontology"
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
directories given (the same directories as --dict: DIR/actors, DIR/ontology, ...), and prints every
problem as file:line: message. The exit status is 1 when a problem is found.`,
		Example: `  dyad dict lint
  dyad dict lint ./my-dicts`,
		RunE: func(cmd *cobra.Command, args []string) error {
			n := 0
			report := func(msg string) {
				fmt.Fprintln(cmd.OutOrStdout(), msg)
				n++
			}
			probs, err := actors.Lint(subdirs(args, "actors")...)
			if err != nil {
				return err
			}
			for _, p := range probs {
				report(p.Error())
			}
			var onto []fs.FS
			for _, d := range subdirs(args, "ontology") {
				onto = append(onto, os.DirFS(d))
			}
			for _, e := range ontology.Lint(onto...) {
				report(e.Error())
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

// subdirs returns the existing subdirectories named name of the given directories.
func subdirs(dirs []string, name string) []string {
	var out []string
	for _, d := range dirs {
		p := filepath.Join(d, name)
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			out = append(out, p)
		}
	}
	return out
}
