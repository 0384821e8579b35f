// Command dyad reads news and writes down who did what to whom, when, and said what: political event
// data with speaker-attributed quotations, coded actors and resolved dates. It is a thin shell over the
// dyad library: each command parses flags, calls the library and prints.
package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	if err := newRootCmd().Execute(); err != nil {
		if _, quiet := err.(silentError); !quiet {
			fmt.Fprintln(os.Stderr, "dyad:", err)
		}
		os.Exit(1)
	}
}

// silentError is an error already reported on stderr; main only sets the exit status.
type silentError struct{ msg string }

func (e silentError) Error() string { return e.msg }

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "dyad",
		Short: "Code news into political event data: who did what to whom, when, and said what",
		Long: `dyad reads news articles and writes structured, sourced event data: actors coded by country
and role, dates resolved against the publication date, direct and indirect quotations with their
speakers, and CAMEO/PLOVER events with source, target and the rule that produced each one.`,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newCodeCmd(), newIngestCmd(), newQueryCmd(), newExportCmd(), newServeCmd(), newBenchCmd(), newDictCmd())
	return root
}
