package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"dyad/server"
	"dyad/store"
)

func newServeCmd() *cobra.Command {
	var (
		addr    string
		dsn     string
		token   string
		maxBody int64
		dicts   []string
		noStore bool
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the JSON API and the web dashboard over a store",
		Long: `Serve answers the JSON API (/api/..., described at /api/openapi.json) and the web dashboard
over a store: an overview with the most active dyads, dyad timelines by QuadClass and Goldstein
score, actor pages, articles with every layer highlighted and explained, search, and a page that
codes a pasted article at once.

It listens on 127.0.0.1:8080 by default. To listen beyond this machine (--addr :8080) it needs a
token (--token or the DYAD_TOKEN environment variable), which write requests (POST /api/ingest,
fetching a URL to code) must send as "Authorization: Bearer TOKEN".`,
		Example: `  dyad ingest examples/ && dyad serve
  dyad serve --db postgres://user:pass@localhost/dyad --addr :8080 --token "$(openssl rand -hex 16)"
  curl -s --data-binary @examples/lavrov.txt -H 'Content-Type: text/plain' localhost:8080/api/code`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if token == "" {
				token = os.Getenv("DYAD_TOKEN")
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			p, err := (&inputFlags{dicts: dicts}).pipeline()
			if err != nil {
				return err
			}
			cfg := server.Config{Addr: addr, Token: token, Pipeline: p, MaxBodyBytes: maxBody}
			if !noStore {
				st, err := store.Open(ctx, dsn)
				if err != nil {
					return err
				}
				defer st.Close()
				cfg.Store = st
			}
			srv, err := server.New(cfg)
			if err != nil {
				return err
			}
			return srv.ListenAndServe(ctx, func(a string) {
				fmt.Fprintf(os.Stderr, "dyad: serving on http://%s/ (Ctrl-C stops)\n", a)
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on (beyond loopback a token is required)")
	f.StringVar(&dsn, "db", store.DefaultPath, "store: a SQLite file, sqlite://PATH or postgres://...")
	f.StringVar(&token, "token", "", "bearer token for write requests (default $DYAD_TOKEN)")
	f.Int64Var(&maxBody, "max-body", server.DefaultMaxBodyBytes, "largest request body accepted, in bytes")
	f.StringSliceVar(&dicts, "dict", nil, "directory of user dictionaries that extend the built-in ones (repeatable)")
	f.BoolVar(&noStore, "no-store", false, "serve only coding (/code and POST /api/code), without a store")
	return cmd
}
