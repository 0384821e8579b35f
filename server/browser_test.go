package server

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"dyad/doc"
)

// chromiumPath is where Debian's chromium package puts the browser.
const chromiumPath = "/usr/bin/chromium"

// browser starts headless Chromium for a test, or skips the test when Chromium is not installed
// (unless DYAD_REQUIRE_CHROMIUM=1, as in CI). Every request the browser makes to a host other
// than the loopback goes through a recording proxy that refuses it; the returned function lists
// those requests.
func browser(t *testing.T) (context.Context, func() []string) {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("DYAD_REQUIRE_CHROMIUM") == "1" {
			t.Fatalf("Chromium is required (DYAD_REQUIRE_CHROMIUM=1) but %s is missing: apt-get install -y chromium", chromiumPath)
		}
		t.Skipf("%s is not installed (apt-get install -y chromium); skipping the browser test", chromiumPath)
	}
	var mu sync.Mutex
	var escaped []string
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		escaped = append(escaped, r.Method+" "+r.Host+r.URL.Path)
		mu.Unlock()
		http.Error(w, "no network in tests", http.StatusForbidden)
	}))
	t.Cleanup(proxy.Close)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("safebrowsing-disable-auto-update", true),
		chromedp.Flag("disable-features", "OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions,NetworkTimeServiceQuerying"),
		chromedp.Flag("no-pings", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("disable-client-side-phishing-detection", true),
		chromedp.Flag("disable-field-trial-config", true),
		chromedp.Flag("disable-breakpad", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.Flag("gaia-url", "http://127.0.0.1:9"),
		chromedp.Flag("google-apis-url", "http://127.0.0.1:9"),
		chromedp.Flag("lso-url", "http://127.0.0.1:9"),
		chromedp.Flag("component-updater", "url-source=http://127.0.0.1:9"),
		chromedp.ProxyServer(proxy.URL),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelT(); cancelB(); cancelA() })
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), escaped...)
	}
}

// watchRequests records the URL of every request the pages of ctx make.
func watchRequests(t *testing.T, ctx context.Context) func() []string {
	var mu sync.Mutex
	var urls []string
	err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			urls = append(urls, e.Request.URL)
			mu.Unlock()
		}
	})
	if err != nil {
		t.Fatalf("listening to the browser's requests: %v", err)
	}
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), urls...)
	}
}

// screenshotDir is where the browser tests save their screenshots: $DYAD_SCREENSHOT_DIR, or
// dyad-screenshots in the temporary directory (overwritten by each run, and named in the test log).
func screenshotDir(t *testing.T) string {
	d := os.Getenv("DYAD_SCREENSHOT_DIR")
	if d == "" {
		d = filepath.Join(os.TempDir(), "dyad-screenshots")
	}
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	return d
}

// viewport is a window size the pages are checked at.
type viewport struct {
	name          string
	width, height int64
	mobile        bool
}

var viewports = []viewport{{"desktop", 1280, 900, false}, {"phone", 390, 844, true}}

func TestBrowser(t *testing.T) {
	ctx, escaped := browser(t)
	requests := watchRequests(t, ctx)
	st := testStore(t)
	_, ts := newTestServer(t, Config{Store: st})
	dir := screenshotDir(t)
	t.Logf("screenshots in %s", dir)

	// What the browser must show for the example article: as many highlighted pieces as the stored
	// record has annotations of each layer.
	_, rec := do(t, "GET", ts.URL+"/api/documents/1", "", nil)
	lav, err := doc.Decode([]byte(rec))
	if err != nil {
		t.Fatal(err)
	}

	for _, vp := range viewports {
		t.Run(vp.name, func(t *testing.T) {
			b := &browserTab{t: t, ctx: ctx, vp: vp, dir: dir}
			if vp.mobile {
				b.do("setting the window size", chromedp.EmulateViewport(vp.width, vp.height, chromedp.EmulateMobile, chromedp.EmulateTouch))
			} else {
				b.do("setting the window size", chromedp.EmulateViewport(vp.width, vp.height))
			}

			// The example article, every layer highlighted.
			b.do("loading the example article", chromedp.Navigate(ts.URL+"/documents/1"), chromedp.WaitVisible(chromedp.CSS("#text")))
			if title := b.text("article h1"); !strings.Contains(title, "Sergey Lavrov says he wants clarifications") {
				t.Errorf("the article page's heading is %q", title)
			}
			if text := b.text("#text"); !strings.Contains(text, "Dmitry Peskov") || !strings.Contains(text, "We don’t want wars") {
				t.Errorf("the article text is not shown: %q", trunc(text, 300))
			}
			for sel, want := range map[string]int{
				`#text .anchor[id^="ev-"]`:  len(lav.Events),
				`#text .anchor[id^="ent-"]`: len(lav.Entities),
				`#text .anchor[id^="tmx-"]`: len(lav.Timexes),
				`#text .anchor[id^="q-"]`:   len(lav.Quotes),
				`#events tr.event-row`:      len(lav.Events),
			} {
				if n := b.count(sel); n != want {
					t.Errorf("the example article shows %d %s, the record has %d", n, sel, want)
				}
			}
			b.fits("the example article")
			b.shot("article-lavrov")

			// A hand-made article: two triggers, a quote with its speaker; tapping a trigger lights
			// the row that explains it; hiding the triggers takes their highlight away.
			b.do("loading a hand-made article", chromedp.Navigate(ts.URL+"/documents/2"), chromedp.WaitVisible(chromedp.CSS("#text")))
			for sel, want := range map[string]int{"#text .trg": 2, "#text .quote": 1, "#text .spk": 1, "#text .tmx": 1, "#text .ent": 7} {
				if n := b.count(sel); n != want {
					t.Errorf("%d pieces %s highlighted, want %d", n, sel, want)
				}
			}
			row := b.text("#row-ev-0")
			for _, w := range []string{"accused", "CAMEO 112", "PLOVER ACCUSE", "test-verbs.txt:7", "from a date in the sentence"} {
				if !strings.Contains(row, w) {
					t.Errorf("the first event row lacks %q: %q", w, row)
				}
			}
			b.do("tapping the trigger", chromedp.Click(chromedp.CSS("#text .trg")), chromedp.Sleep(300*time.Millisecond))
			if !b.eval(`document.getElementById("row-ev-0").classList.contains("lit")`) {
				t.Errorf("tapping the trigger did not light the row that explains it")
			}
			on := b.evalString(`getComputedStyle(document.querySelector("#text .trg")).fontWeight`)
			b.do("hiding the triggers", chromedp.Click(chromedp.CSS("#lay-trg")))
			off := b.evalString(`getComputedStyle(document.querySelector("#text .trg")).fontWeight`)
			if on != "700" || off == "700" {
				t.Errorf("the trigger layer toggle: font weight %s when shown, %s when hidden", on, off)
			}
			b.do("showing the triggers again", chromedp.Click(chromedp.CSS("#lay-trg")))
			b.fits("the hand-made article")
			b.shot("article-hand")

			// The dyad page: a timeline with bars and a Goldstein line, and the events.
			b.do("loading the dyad page", chromedp.Navigate(ts.URL+"/dyads/RURGOV/FRE?by=month"), chromedp.WaitVisible(chromedp.CSS("svg.chart")))
			if n := b.count("svg.chart rect.q3"); n != 2 {
				t.Errorf("the timeline has %d verbal-conflict bars, want 2 (May and June)", n)
			}
			if n := b.count("svg.chart g.bar"); n != 2 {
				t.Errorf("the timeline has %d months, want 2", n)
			}
			if n := b.count("table.events tr.event-row"); n != 3 {
				t.Errorf("the dyad page lists %d events, want 3", n)
			}
			w := b.evalFloat(`document.querySelector("svg.chart").getBoundingClientRect().width`)
			if w < float64(vp.width)*0.6 || w > float64(vp.width) {
				t.Errorf("the chart is %.0fpx wide in a %dpx window", w, vp.width)
			}
			b.fits("the dyad page")
			b.shot("dyad")

			// The home page, and a search from its box.
			b.do("loading the home page", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS("a.dyad")))
			if n := b.count("a.dyad"); n < 2 {
				t.Errorf("the home page lists %d dyads, want at least 2", n)
			}
			b.fits("the home page")
			b.shot("home")
			b.do("asking for a dyad", chromedp.SetValue(chromedp.CSS("form.dyad-form input[name=source]"), "fre"),
				chromedp.SetValue(chromedp.CSS("form.dyad-form input[name=target]"), "rur"),
				chromedp.Submit(chromedp.CSS("form.dyad-form")), chromedp.WaitVisible(chromedp.CSS("svg.chart")))
			if h := b.text("h1.dyad-title"); !strings.Contains(h, "FRE") || !strings.Contains(h, "RUR") {
				t.Errorf("the dyad form led to %q", h)
			}
			if n := b.count("svg.chart g.bar"); n != 2 {
				t.Errorf("the timeline of FRE and RUR has %d months, want 2", n)
			}
			b.do("going home", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS("a.dyad")))
			b.do("searching", chromedp.SetValue(chromedp.CSS("header input[name=q]"), "threats"),
				chromedp.Submit(chromedp.CSS("header form.search")), chromedp.WaitVisible(chromedp.CSS("ul.quotes")))
			if q := b.text("ul.quotes"); !strings.Contains(q, "We will not accept threats") {
				t.Errorf("searching for threats did not show the quote: %q", q)
			}
			b.fits("the search page")

			// Code an article: paste it, see its reading.
			b.do("coding a pasted article", chromedp.Navigate(ts.URL+"/code"),
				chromedp.SetValue(chromedp.CSS("#code-text"), "Freedonia closes its embassy\n\nFreedonia closed its embassy in Ruritania on Friday."),
				chromedp.Click(chromedp.CSS("form.code-form button")), chromedp.WaitVisible(chromedp.CSS("#text")))
			if h1 := b.text("article h1"); h1 != "Freedonia closes its embassy" {
				t.Errorf("the coded article's heading is %q", h1)
			}
			b.fits("the coded article")
			b.shot("code")
		})
	}

	reqs := requests()
	for _, u := range reqs {
		pu, err := url.Parse(u)
		if err != nil || (pu.Scheme != "data" && pu.Scheme != "about" && !isLoopbackHost(pu.Hostname())) {
			t.Errorf("a page requested %s, which is not on this machine", u)
		}
	}
	if len(reqs) < 10 {
		t.Errorf("only %d requests were seen: the network watch does not work", len(reqs))
	}
	if e := escaped(); len(e) > 0 {
		t.Errorf("the browser tried to reach the network: %v", e)
	}
}

// page drives the browser for one test at one window size; its methods fail the test on errors.
type browserTab struct {
	t   *testing.T
	ctx context.Context
	vp  viewport
	dir string
}

func (b *browserTab) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

func run[T any](b *browserTab, what string, a chromedp.Action[T]) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, a)
	if err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
	return v
}

func (b *browserTab) text(sel string) string {
	return run(b, "reading "+sel, chromedp.Text(chromedp.CSS(sel)))
}
func (b *browserTab) eval(js string) bool { return run(b, js, chromedp.Evaluate[bool](js)) }
func (b *browserTab) evalString(js string) string {
	return run(b, js, chromedp.Evaluate[string](js))
}
func (b *browserTab) evalFloat(js string) float64 { return run(b, js, chromedp.Evaluate[float64](js)) }

func (b *browserTab) count(sel string) int {
	return run(b, "counting "+sel, chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll(%q).length`, sel)))
}

// fits fails the test when the page is wider than the window (a user would scroll sideways).
func (b *browserTab) fits(what string) {
	b.t.Helper()
	if b.eval(`document.documentElement.scrollWidth > window.innerWidth + 1`) {
		w := b.evalFloat(`document.documentElement.scrollWidth`)
		b.t.Errorf("%s is %.0fpx wide, wider than the %s window (%dpx)", what, w, b.vp.name, b.vp.width)
	}
}

// shot saves a screenshot of the whole page.
func (b *browserTab) shot(name string) {
	b.t.Helper()
	img := run(b, "taking a screenshot", chromedp.FullScreenshot(100))
	if err := os.WriteFile(filepath.Join(b.dir, b.vp.name+"-"+name+".png"), img, 0o644); err != nil {
		b.t.Fatal(err)
	}
}
