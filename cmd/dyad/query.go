package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"dyad/export"
	"dyad/store"
)

func newQueryCmd() *cobra.Command {
	var (
		dsn      string
		q        store.Query
		dyad     string
		timeline string
		speaker  string
		clusters bool
		asJSON   bool
	)
	cmd := &cobra.Command{
		Use:   "query",
		Short: "Ask the database for events, quotes, clusters or a dyad timeline",
		Long: `Query prints the stored events that match every filter given, in the order they were stored,
as a table (one event a line: day, source and target with their names, CAMEO code and PLOVER type,
QuadClass, Goldstein score, the trigger word, the number of articles reporting it, and the article);
--json prints one JSON object per event with every field instead.

Actor codes match by prefix: --actor RUS matches RUS, RUSGOV and RUSMIL. A dyad is the primary
source and target of an event: --dyad USA-RUS is the United States acting on Russia, --either adds
Russia acting on the United States; "*" leaves a side open (--dyad '*-UKR'). Dates are event days
(ISO, inclusive). --text searches titles and texts (all words must occur).

--timeline day|week|month prints event counts per period by QuadClass (1 verbal cooperation,
2 material cooperation, 3 verbal conflict, 4 material conflict) and the mean Goldstein score.
--clusters prints the event clusters (the same ISO week, dyad and CAMEO root across articles) with their
numbers of articles and sources, most reported first. --speaker prints the quotes of a speaker
(actor code prefix or part of a name).`,
		Example: `  dyad query --dyad USA-RUS
  dyad query --dyad USA-RUS --either --timeline month
  dyad query --actor UKR --type ASSAULT --from 2022-02-24 --limit 50 --json
  dyad query --speaker Lavrov
  dyad query --clusters --root 19`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if dyad != "" {
				src, tgt, ok := strings.Cut(dyad, "-")
				if !ok {
					return fmt.Errorf("--dyad wants SOURCE-TARGET (USA-RUS), not %q", dyad)
				}
				q.Source, q.Target = strings.Trim(strings.ToUpper(src), "*"), strings.Trim(strings.ToUpper(tgt), "*")
			}
			q.Actor = strings.ToUpper(q.Actor)
			if q.Quad < 0 || q.Quad > 4 {
				return fmt.Errorf("--quad wants 1 to 4, not %d", q.Quad)
			}
			s, err := store.Open(ctx, dsn)
			if err != nil {
				return err
			}
			defer s.Close()
			w := bufio.NewWriter(cmd.OutOrStdout())
			defer w.Flush()
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			switch {
			case timeline != "":
				by, err := store.ParseInterval(timeline)
				if err != nil {
					return err
				}
				tl, err := s.Timeline(ctx, q, by)
				if err != nil {
					return err
				}
				if asJSON {
					return enc.Encode(tl)
				}
				fmt.Fprintf(w, "%-10s  %7s  %6s %6s %6s %6s  %9s\n", "start", "events", "quad1", "quad2", "quad3", "quad4", "goldstein")
				for _, b := range tl {
					fmt.Fprintf(w, "%-10s  %7d  %6d %6d %6d %6d  %+9.2f\n", b.Start, b.Events, b.Quad[1], b.Quad[2], b.Quad[3], b.Quad[4], b.Goldstein)
				}
				return nil
			case clusters:
				return s.Clusters(ctx, q, func(c *store.Cluster) error {
					if asJSON {
						return enc.Encode(c)
					}
					_, err := fmt.Fprintf(w, "%s  %-10s -> %-10s  root %s  %d events, %d articles, %d sources\n",
						c.Day, or(c.Source, "-"), or(c.Target, "-"), c.Root, c.Events, c.Articles, c.Sources)
					return err
				})
			case speaker != "":
				qq := store.QuoteQuery{Speaker: speaker, Text: q.Text, From: q.From, To: q.To, Limit: q.Limit, Offset: q.Offset}
				return s.Quotes(ctx, qq, func(r *store.QuoteRow) error {
					who, code := "", ""
					if r.Speaker != nil {
						who = r.Speaker.Text
						if r.Speaker.Actor != nil {
							who, code = r.Speaker.Actor.Name, r.Speaker.Actor.Code
						}
					}
					if asJSON {
						return enc.Encode(map[string]any{"id": r.ID, "doc_id": r.DocID, "speaker": who, "code": code,
							"kind": r.Kind, "text": r.Text, "published": r.Published, "url": r.URL, "title": r.Title})
					}
					_, err := fmt.Fprintf(w, "%s  %s (%s) %s: %q  %s\n", or(r.Published, "-"), who, or(code, "-"), r.Kind, r.Text, r.URL)
					return err
				})
			}
			if asJSON {
				return s.Events(ctx, q, func(r *store.EventRow) error { return enc.Encode(export.Flatten(r)) })
			}
			return printEvents(ctx, w, s, q)
		},
	}
	dbFlag(cmd, &dsn)
	f := cmd.Flags()
	f.StringVar(&q.Actor, "actor", "", "events with a source or target actor code starting with this")
	f.StringVar(&dyad, "dyad", "", "events of a dyad SOURCE-TARGET (USA-RUS)")
	f.BoolVar(&q.Either, "either", false, "with --dyad, also the other direction")
	f.StringVar(&q.Plover, "type", "", "PLOVER event type (REQUEST, ACCUSE, ...)")
	f.StringVar(&q.Root, "root", "", "CAMEO root code (two digits: 02, 19)")
	f.IntVar(&q.Quad, "quad", 0, "QuadClass 1-4")
	f.StringVar(&q.From, "from", "", "first event day (YYYY-MM-DD)")
	f.StringVar(&q.To, "to", "", "last event day (YYYY-MM-DD)")
	f.StringVar(&q.Text, "text", "", "words that the article must contain")
	f.StringVar(&timeline, "timeline", "", "aggregate by day, week or month")
	f.StringVar(&speaker, "speaker", "", "print the quotes of this speaker (actor code prefix or name)")
	f.BoolVar(&clusters, "clusters", false, "print event clusters instead of events")
	f.IntVar(&q.Limit, "limit", 20, "at most this many results (0: all)")
	f.IntVar(&q.Offset, "offset", 0, "skip this many results first")
	f.Int64Var(&q.After, "after", 0, "only results with an id above this (keyset paging)")
	f.BoolVar(&asJSON, "json", false, "print one JSON object per line")
	return cmd
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// printEvents prints the events of q as an aligned table, then how many were shown.
func printEvents(ctx context.Context, w io.Writer, s store.Store, q store.Query) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DAY\tSOURCE\tTARGET\tCAMEO\tTYPE\tQUAD\tGOLD\tTRIGGER\tREPORTS\tARTICLE")
	n := 0
	err := s.Events(ctx, q, func(r *store.EventRow) error {
		e := export.Flatten(r)
		n++
		trig := clip(e.Trigger, 20)
		if e.Negated {
			trig = "not " + trig
		}
		if e.Modality != "" && e.Modality != "asserted" {
			trig += " (" + e.Modality + ")"
		}
		_, err := fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%+.1f\t%s\t%d\t%s\n",
			or(e.Day, "-"), actorCell(e.SourceCode, e.SourceName), actorCell(e.TargetCode, e.TargetName),
			or(e.Cameo, "-"), or(e.Plover, "-"), e.QuadClass, e.Goldstein, or(trig, "-"), max(1, e.NumArticles),
			clip(or(e.Title, or(e.URL, e.ArticleID)), 60))
		return err
	})
	if err != nil {
		return err
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	switch {
	case n == 0:
		fmt.Fprintln(w, "No stored event matches these filters.")
	case q.Limit > 0 && n == q.Limit:
		fmt.Fprintf(w, "%d events shown: the first %d that match (--limit 0 shows all, --json prints every field).\n", n, q.Limit)
	default:
		fmt.Fprintf(w, "%d events.\n", n)
	}
	return nil
}

// actorCell shows an actor as its code and, when known and different, its name.
func actorCell(code, name string) string {
	if code == "" {
		return or(clip(name, 24), "-")
	}
	if name == "" || strings.EqualFold(name, code) {
		return code
	}
	return code + " (" + clip(name, 24) + ")"
}

// clip shortens s to at most n characters, marking the cut with an ellipsis; newlines become spaces.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
