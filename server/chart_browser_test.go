package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// TestChartsInBrowser: cells draw a bar chart (pandas' .plot(kind='bar')
// of a group-by's means) and a histogram (plt.hist). Each output carries
// data-chart with its kind; its bars are SVG marks, one per category and
// one per bin; the axis titles are the labels pandas and matplotlib give.
// The chart renderer (chart.js) is fetched only when the first chart
// appears. Screenshots of both charts go to $BURST_SCREENSHOTS.
func TestChartsInBrowser(t *testing.T) {
	requireChrome(t)
	dist := buildDist(t)
	root := flightsRoot(t, "small")
	base := serveSite(t, dist, root)
	ctx := newBrowser(t, 3*time.Minute)
	consoleErrors := watchConsole(ctx)
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/lessons/00-overview?workers=2"),
		chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	loaded := func() bool {
		var yes bool
		if err := chromedp.Run(ctx, chromedp.Evaluate(`performance.getEntriesByType("resource").some((e) => new URL(e.name).pathname === "/chart.js")`, &yes)); err != nil {
			t.Fatal(err)
		}
		return yes
	}
	if loaded() {
		t.Error("the page fetched chart.js before any chart was drawn")
	}
	shots := os.Getenv("BURST_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}

	// run puts code in cell k, runs it, waits for its chart to be drawn and
	// returns what the DOM shows of it.
	type chartDOM struct {
		Kind   string   `json:"kind"`
		Bars   int      `json:"bars"`
		Titles []string `json:"titles"`
		Width  float64  `json:"width"`
		Cell   float64  `json:"cell"`
		Text   string   `json:"text"`
	}
	run := func(k int, code string) chartDOM {
		t.Helper()
		sel := fmt.Sprintf(`[data-cell-index="%d"] .output-chart[data-rendered]`, k)
		if err := chromedp.Run(ctx,
			chromedp.Evaluate(fmt.Sprintf(`window.burst.setCode(%d, %q)`, k, code), nil),
			chromedp.Evaluate(fmt.Sprintf(`window.burst.runCell(%d)`, k), nil, func(e *runtime.EvaluateParams) *runtime.EvaluateParams {
				return e.WithAwaitPromise(true)
			}),
		); err != nil {
			t.Fatal(err)
		}
		var outs string
		chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`JSON.stringify(window.burst.outputs(%d).map((o) => o.type + ": " + (o.evalue || (o.data && o.data["text/plain"]) || o.text || "")))`, k), &outs))
		wait, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := chromedp.Run(wait, chromedp.WaitVisible(sel, chromedp.ByQuery)); err != nil {
			t.Fatalf("cell %d drew no chart (%v); its outputs: %s", k, err, outs)
		}
		var d chartDOM
		if err := chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`(() => {
			const el = document.querySelector(%q);
			return {
				kind: el.dataset.chart,
				bars: el.querySelectorAll("svg g.mark-rect.role-mark path").length,
				titles: [...el.querySelectorAll("svg g.role-axis-title text, svg g.role-title-text text")].map((e) => e.textContent),
				width: el.querySelector("svg").getBoundingClientRect().width,
				cell: el.closest(".cell-output").getBoundingClientRect().width,
				text: el.textContent,
			};
		})()`, sel), &d)); err != nil {
			t.Fatal(err)
		}
		var png []byte
		if err := chromedp.Run(ctx, chromedp.ScrollIntoView(sel, chromedp.ByQuery), chromedp.Screenshot(sel, &png, chromedp.ByQuery)); err != nil {
			t.Fatal(err)
		}
		name := filepath.Join(shots, fmt.Sprintf("chart-%s.png", d.Kind))
		os.WriteFile(name, png, 0o644)
		t.Logf("cell %d: %+v (screenshot %s)", k, d, name)
		return d
	}

	bar := run(0, `import dask.dataframe as dd
df = dd.read_csv('data/nycflights/*.csv')
df.groupby('Origin').DepDelay.mean().compute().plot(kind='bar', title='Mean departure delay')`)
	if bar.Kind != "bar" || bar.Bars != 3 {
		t.Errorf("the bar chart of 3 origins: data-chart=%q with %d bars", bar.Kind, bar.Bars)
	}
	if !sameWords(bar.Titles, []string{"Mean departure delay", "Origin"}) {
		t.Errorf("the bar chart's titles are %q, want the title and pandas' x label Origin (no y label)", bar.Titles)
	}
	if !loaded() {
		t.Error("chart.js was not fetched for the first chart")
	}

	hist := run(1, `import matplotlib.pyplot as plt
counts, edges, _ = plt.hist(df.DepDelay.compute(), bins=20)
plt.xlabel('Departure delay (minutes)')
plt.ylabel('Flights')
print(int(counts.sum()), len(edges))`)
	if hist.Kind != "hist" || hist.Bars != 20 {
		t.Errorf("the histogram of 20 bins: data-chart=%q with %d bars", hist.Kind, hist.Bars)
	}
	if !sameWords(hist.Titles, []string{"Departure delay (minutes)", "Flights"}) {
		t.Errorf("the histogram's axis titles are %q", hist.Titles)
	}
	var page []byte
	if err := chromedp.Run(ctx, chromedp.CaptureScreenshot(&page)); err == nil {
		os.WriteFile(filepath.Join(shots, "chart-page.png"), page, 0o644)
	}
	// The chart is as wide as the cell's output (less its padding), not
	// matplotlib's 640 pixels.
	if hist.Width < 0.8*min(hist.Cell, 736) || hist.Width > hist.Cell+1 {
		t.Errorf("the histogram is %.0f px wide in an output %.0f px wide", hist.Width, hist.Cell)
	}
	// Downloaded as a notebook, the charts stay Vega-Lite (JupyterLab
	// draws them); opened again as a notebook someone else wrote (its
	// outputs untrusted), they are drawn from their data alone.
	var nb string
	if err := chromedp.Run(ctx, chromedp.Evaluate(`window.burst.notebook().then((nb) => JSON.stringify(nb))`, &nb, func(e *runtime.EvaluateParams) *runtime.EvaluateParams {
		return e.WithAwaitPromise(true)
	})); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(nb, `"application/vnd.vegalite.v5+json"`); n != 2 {
		t.Errorf("the downloaded notebook has %d Vega-Lite outputs, want 2", n)
	}
	var kinds []string
	wait, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := chromedp.Run(wait,
		chromedp.Evaluate(fmt.Sprintf(`window.burst.openNotebook(%s, "charts.ipynb")`, nb), nil),
		// On the notebook page it goes to: the lesson page's own charts
		// would satisfy the wait until it unloads.
		chromedp.WaitVisible(`body[data-notebook-open] .cell-output .output-chart[data-chart="bar"][data-rendered] svg`, chromedp.ByQuery),
		chromedp.WaitVisible(`body[data-notebook-open] .cell-output .output-chart[data-chart="hist"][data-rendered] svg`, chromedp.ByQuery),
		chromedp.Evaluate(`[...document.querySelectorAll(".output-chart[data-rendered]")].map((e) => e.dataset.chart + ":" + e.querySelectorAll("svg g.mark-rect.role-mark path").length)`, &kinds),
	); err != nil {
		t.Fatalf("opening the downloaded notebook: %v", err)
	}
	if strings.Join(kinds, " ") != "bar:3 hist:20" {
		t.Errorf("the opened notebook draws %v, want bar:3 hist:20", kinds)
	}
	// The service worker keeps chart.js for offline use.
	info, _ := os.ReadFile(filepath.Join(dist, "build.json"))
	if !strings.Contains(string(info), `"name": "chart.js"`) {
		t.Errorf("chart.js is not among the files the service worker keeps: %s", info)
	}
	if errs := consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// sameWords reports whether got holds the strings of want, in any order.
func sameWords(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	seen := map[string]int{}
	for _, g := range got {
		seen[strings.TrimSpace(g)]++
	}
	for _, w := range want {
		if seen[w] == 0 {
			return false
		}
		seen[w]--
	}
	return true
}
