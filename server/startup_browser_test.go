package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"burst/server/site"
)

// startupProbe runs in every document before the page's own scripts: it
// notes, on the page's clock (0 = navigation start), when the kernel
// reported idle, when each engine web worker's Go started (its "build"
// message) and when each worker web worker said it was ready. It reads
// only what the page and its web workers say to each other, so that the
// same probe times a build with and without the page's own marks.
const startupProbe = `(() => {
  const t = (window.__startup = { build: [], workers: [] });
  const W = window.Worker;
  window.Worker = class extends W {
    constructor(url, opts) {
      super(url, opts);
      const role = String(url).includes("role=kernel") ? "kernel" : "worker";
      this.addEventListener("message", (e) => {
        const m = e.data;
        if (m && m.type === "build") t.build.push([role, performance.now()]);
        if (m && m.type === "ready" && role === "worker") t.workers.push(performance.now());
      });
    }
  };
  new MutationObserver(() => {
    if (!t.idle && document.body && document.body.dataset.kernel === "idle") t.idle = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-kernel"] });
})()`

// startupTimes is what startupProbe saw in one page load, in ms.
type startupTimes struct {
	Idle    float64          `json:"idle"`
	Build   [][2]interface{} `json:"build"`
	Workers []float64        `json:"workers"`
	Marks   map[string]float64
}

// loadTimes opens url in ctx's tab (the probe installed), waits for the
// kernel to be idle and every worker web worker to be ready, and returns
// what the probe and the page's performance marks say.
func loadTimes(ctx context.Context, url string, workers int) (startupTimes, error) {
	var st startupTimes
	err := chromedp.Run(ctx,
		chromedp.Navigate(url),
		chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
		chromedp.Poll(fmt.Sprintf(`window.__startup.workers.length >= %d`, workers), nil, chromedp.WithPollingInterval(5*time.Millisecond)),
		chromedp.Evaluate(`window.__startup`, &st),
		chromedp.Evaluate(`Object.fromEntries(performance.getEntriesByType("mark").filter((m) => m.name.startsWith("burst:")).map((m) => [m.name, m.startTime]))`, &st.Marks),
	)
	return st, err
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}

// TestStartupTimings reports (it asserts nothing about time) navigation →
// kernel idle and → all workers ready, the median of BURST_STARTUP_RUNS
// loads with a cold HTTP cache (a fresh browser profile each) and as many
// with a warm one (the same lesson opened again in the same browser, the
// service worker installed). BURST_DIST uses an already built dist.
func TestStartupTimings(t *testing.T) {
	runs, _ := strconv.Atoi(os.Getenv("BURST_STARTUP_RUNS"))
	if runs <= 0 {
		t.Skip("set BURST_STARTUP_RUNS=N to time N cold and N warm page loads")
	}
	requireChrome(t)
	dist := os.Getenv("BURST_DIST")
	if dist == "" {
		dist = buildDist(t)
	}
	base := serveSite(t, dist, flightsRoot(t, "small"))
	url := base + "/lessons/00-overview?workers=2"
	type series struct{ idle, workers []float64 }
	var cold, warm series
	marks := map[string][]float64{}
	add := func(s *series, st startupTimes) {
		s.idle = append(s.idle, st.Idle)
		s.workers = append(s.workers, slices.Max(st.Workers))
		for k, v := range st.Marks {
			marks[k] = append(marks[k], v)
		}
	}
	for i := 0; i < runs; i++ {
		ctx := newBrowser(t, 2*time.Minute)
		if err := chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := cdppage.AddScriptToEvaluateOnNewDocument(startupProbe).Do(ctx)
			return err
		})); err != nil {
			t.Fatal(err)
		}
		st, err := loadTimes(ctx, url, 2)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("cold %d: idle %.0f ms, workers %v, go starts %v, marks %v", i, st.Idle, st.Workers, st.Build, st.Marks)
		add(&cold, st)
		// The service worker installs after the engine is up and copies
		// the site into its cache: let it finish before the warm load.
		time.Sleep(4 * time.Second)
		chromedp.Run(ctx, chromedp.Navigate("about:blank"))
		st, err = loadTimes(ctx, url, 2)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("warm %d: idle %.0f ms, workers %v, go starts %v", i, st.Idle, st.Workers, st.Build)
		add(&warm, st)
	}
	t.Logf("median of %d: cold idle %.0f ms, workers ready %.0f ms; warm idle %.0f ms, workers ready %.0f ms",
		runs, median(cold.idle), median(cold.workers), median(warm.idle), median(warm.workers))
	var names []string
	for k := range marks {
		names = append(names, k)
	}
	slices.SortFunc(names, func(a, b string) int { return int(median(marks[a]) - median(marks[b])) })
	var parts []string
	for _, k := range names {
		parts = append(parts, fmt.Sprintf("%s %.0f", k, median(marks[k])))
	}
	t.Logf("page marks (median, cold and warm): %s", strings.Join(parts, ", "))
}

// fetchLog records the requests for one path and who made them (the
// Referer: the page, an engine web worker's script or the service
// worker).
type fetchLog struct {
	next http.Handler
	path string
	mu   sync.Mutex
	from []string
}

func (l *fetchLog) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == l.path {
		l.mu.Lock()
		l.from = append(l.from, r.Referer())
		l.mu.Unlock()
	}
	l.next.ServeHTTP(w, r)
}

func (l *fetchLog) requests() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.from)
}

// TestStartupMarks opens a lesson and checks the page's startup marks:
// each milestone is there and in order (the page's script starts, the
// cells are mounted, the engine compiled, each engine's Go started,
// then the kernel and the workers ready), body[data-workers] says
// "ready", and burst.wasm was fetched once for the page and all its
// engine web workers (by the page, never by a web worker). It asserts no
// time: the machine's load decides those.
func TestStartupMarks(t *testing.T) {
	requireChrome(t)
	dist := os.Getenv("BURST_DIST")
	if dist == "" {
		dist = buildDist(t)
	}
	log := &fetchLog{next: &site.Handler{Dist: dist, Root: flightsRoot(t, "small")}, path: "/burst.wasm"}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: log}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	base := "http://" + ln.Addr().String()
	lesson := base + "/lessons/00-overview?workers=3"

	ctx := newBrowser(t, 2*time.Minute)
	consoleErrors := watchConsole(ctx)
	var marks map[string]float64
	if err := chromedp.Run(ctx,
		chromedp.Navigate(lesson),
		chromedp.WaitVisible(`body[data-kernel="idle"][data-workers="ready"]`, chromedp.ByQuery),
		chromedp.Evaluate(`Object.fromEntries(performance.getEntriesByType("mark").filter((m) => m.name.startsWith("burst:")).map((m) => [m.name, m.startTime]))`, &marks),
	); err != nil {
		t.Fatalf("the kernel and its workers did not start: %v (console errors: %v)", err, consoleErrors())
	}
	t.Logf("marks: %v", marks)
	// Each pair: the first mark comes no later than the second.
	order := [][2]string{
		{"burst:app-start", "burst:cells-mounted"},
		{"burst:engine-compiled", "burst:kernel-go-start"},
		{"burst:kernel-go-start", "burst:kernel-ready"},
	}
	for i := range 3 {
		w := fmt.Sprintf("burst:worker-%d-", i)
		order = append(order,
			// A worker gets the engine once the kernel's Go started
			// (site/src/kernel.ts, post).
			[2]string{"burst:kernel-go-start", w + "module-received"},
			[2]string{w + "module-received", w + "instantiated"},
			[2]string{w + "instantiated", w + "go-start"},
			[2]string{w + "go-start", "burst:workers-ready"})
	}
	for _, p := range order {
		a, okA := marks[p[0]]
		b, okB := marks[p[1]]
		switch {
		case !okA || !okB:
			t.Errorf("missing mark: %s %v, %s %v", p[0], okA, p[1], okB)
		case a > b:
			t.Errorf("%s at %.1f ms, after %s at %.1f ms", p[0], a, p[1], b)
		}
	}
	// The service worker, registered once the engine is up, copies the
	// build into its cache (its own fetch, Referer /sw.js): not counted.
	var page []string
	for _, from := range log.requests() {
		if !strings.HasSuffix(from, "/sw.js") {
			page = append(page, from)
		}
	}
	if len(page) != 1 || !strings.Contains(page[0], "/lessons/00-overview") {
		t.Errorf("burst.wasm was fetched %d times, by %q; want once, by the page", len(page), page)
	}
	if errs := consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
