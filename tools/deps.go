//go:build tools

// Package tools pins the modules that dyad's packages use, so that go.mod lists them before the code that
// imports them is written; it is never built.
package tools

import (
	_ "github.com/chromedp/chromedp"
	_ "github.com/clipperhouse/uax29/v2"
	_ "github.com/jackc/pgx/v5"
	_ "github.com/markusmobius/go-dateparser"
	_ "github.com/markusmobius/go-htmldate"
	_ "github.com/markusmobius/go-trafilatura"
	_ "github.com/mmcdole/gofeed"
	_ "github.com/nlnwa/gowarc/v3"
	_ "github.com/parquet-go/parquet-go"
	_ "github.com/petar-dambovaliev/aho-corasick"
	_ "github.com/schollz/progressbar/v3"
	_ "github.com/spf13/cobra"
	_ "modernc.org/sqlite"
)
