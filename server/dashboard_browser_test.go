package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// TestDashboardsInBrowser runs the overview lesson with the dashboards
// open, then its group-by again so that the panels show it: the task
// stream draws one rectangle per task that ended, the progress reaches
// 100%, the graph panel draws the group-by's tasks, and a panel opens
// full-window. It saves a screenshot of each panel.
func TestDashboardsInBrowser(t *testing.T) {
	requireChrome(t)
	dist := buildDist(t)
	root := flightsRoot(t, "small")
	base := serveSite(t, dist, root)
	ctx := newBrowser(t, 3*time.Minute)
	var runErr string
	if err := chromedp.Run(ctx,
		chromedp.EmulateViewport(1440, 900),
		chromedp.Navigate(base+"/lessons/00-overview?workers=2"),
		chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
		chromedp.Evaluate(`window.burst.runAll().then(() => "", e => String(e))`, &runErr, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
			return p.WithAwaitPromise(true)
		}),
	); err != nil || runErr != "" {
		t.Fatalf("runAll: %v %s", err, runErr)
	}
	var groupby int
	if err := chromedp.Run(ctx, chromedp.Evaluate(`(() => {
		for (let i = 0; i < window.burst.cellCount(); i++)
			if (window.burst.code(i).includes('groupby("Origin")')) return i;
		return -1;
	})()`, &groupby)); err != nil || groupby < 0 {
		t.Fatalf("the group-by cell: %d %v", groupby, err)
	}
	if err := chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`window.burst.runCell(%d).then(() => "", e => String(e))`, groupby), &runErr, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
		return p.WithAwaitPromise(true)
	})); err != nil || runErr != "" {
		t.Fatalf("the group-by: %v %s", err, runErr)
	}
	time.Sleep(500 * time.Millisecond) // the last batch of events, and a frame
	p := &page{t, ctx}
	ended := 0
	for _, e := range p.events() {
		if e.Kind == "task-end" {
			ended++
		}
	}
	var tasks, percent, mode, nodes string
	if err := chromedp.Run(ctx,
		chromedp.AttributeValue(`[data-panel="task-stream"]`, "data-tasks", &tasks, nil, chromedp.ByQuery),
		chromedp.AttributeValue(`[data-panel="progress"]`, "data-percent", &percent, nil, chromedp.ByQuery),
		chromedp.AttributeValue(`[data-panel="graph"]`, "data-mode", &mode, nil, chromedp.ByQuery),
		chromedp.AttributeValue(`[data-panel="graph"]`, "data-nodes", &nodes, nil, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	// The group-by's graph: the per-file chunks and their aggregation.
	if n, _ := strconv.Atoi(nodes); mode != "tasks" || n < 3 {
		t.Errorf("the graph panel drew %s %s nodes; want the group-by's tasks", nodes, mode)
	}
	if n, _ := strconv.Atoi(tasks); n != ended || ended == 0 {
		t.Errorf("the task stream drew %s tasks; the event stream has %d task ends", tasks, ended)
	}
	if percent != "100" {
		t.Errorf("progress reached %s%%, want 100%%", percent)
	}
	t.Logf("the overview lesson: %d tasks in the task stream, progress %s%%", ended, percent)
	shots := os.Getenv("BURST_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	for _, panel := range []string{"task-stream", "progress", "workers", "memory", "cluster-map"} {
		var png []byte
		if err := chromedp.Run(ctx, chromedp.Screenshot(`[data-panel="`+panel+`"]`, &png, chromedp.ByQuery)); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(shots, "panel-"+panel+".png"), png, 0o644)
	}
	var page []byte
	chromedp.Run(ctx, chromedp.CaptureScreenshot(&page))
	os.WriteFile(filepath.Join(shots, "dashboard-page.png"), page, 0o644)

	// Full-window: the task stream covers the page, Esc closes it.
	var covers bool
	if err := chromedp.Run(ctx,
		chromedp.Click(`[data-panel="task-stream"] .dash-full`, chromedp.ByQuery),
		chromedp.Sleep(300*time.Millisecond),
		chromedp.Evaluate(`(() => { const r = document.querySelector('[data-panel="task-stream"]').getBoundingClientRect();
			return r.width >= innerWidth - 2 && r.height >= innerHeight - 2; })()`, &covers),
		chromedp.CaptureScreenshot(&page),
	); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(shots, "panel-task-stream-full.png"), page, 0o644)
	if !covers {
		t.Error("the task stream did not open full-window")
	}
	if err := chromedp.Run(ctx,
		chromedp.KeyEvent("\x1b"),
		chromedp.Sleep(200*time.Millisecond),
		chromedp.Evaluate(`!!document.querySelector('section.full')`, &covers),
	); err != nil {
		t.Fatal(err)
	}
	if covers {
		t.Error("Esc did not close the full-window panel")
	}
}

// TestDashboardsManyTasks runs 50,000 short tasks with the dashboards
// open: a long-task observer records every stretch the page's main thread
// was blocked, and none may reach 100 ms. The task stream must have drawn
// every task and the progress reach 100%.
//
// The page shares the machine's cores with the kernel and two workers,
// all busy: the operating system can stretch a 30 ms frame past 100 ms by
// running them instead. A freeze of the page's own making shows in every
// run, a stretch by the scheduler of the operating system rarely twice: a
// run over 100 ms is repeated in a fresh page, up to three runs, and every
// run is logged. BURST_MANY_TASKS=N runs N tasks instead.
func TestDashboardsManyTasks(t *testing.T) {
	requireChrome(t)
	n := 50000
	if v, err := strconv.Atoi(os.Getenv("BURST_MANY_TASKS")); err == nil && v > 1 {
		n = v
	}
	dist := buildDist(t)
	root := flightsRoot(t, "small")
	base := serveSite(t, dist, root)
	var runs []string
	for attempt := 1; attempt <= 3; attempt++ {
		longest, summary := manyTasks(t, base, n)
		runs = append(runs, summary)
		t.Logf("run %d: %s", attempt, summary)
		if longest < 100 {
			return
		}
	}
	t.Errorf("the main thread was blocked for 100 ms or more in every run:\n%s", strings.Join(runs, "\n"))
}

// manyTasks runs n tasks in a fresh page and checks what the dashboards
// drew; it returns the longest stretch the main thread was blocked and a
// summary of the run.
func manyTasks(t *testing.T, base string, n int) (float64, string) {
	ctx := newBrowser(t, 10*time.Minute)
	if err := chromedp.Run(ctx,
		chromedp.EmulateViewport(1440, 900),
		chromedp.Navigate(base+"/lessons/00-overview?workers=2"),
		chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
		chromedp.Evaluate(`window.longTasks = [];
			new PerformanceObserver((l) => { for (const e of l.getEntries()) window.longTasks.push([e.startTime, e.duration]); })
				.observe({ type: "longtask" }); 0`, nil),
	); err != nil {
		t.Fatal(err)
	}
	p := &page{t, ctx}
	var t0 float64
	chromedp.Run(ctx, chromedp.Evaluate(`performance.now()`, &t0))
	out, r := p.exec(fmt.Sprintf(`from dask.distributed import Client
client = Client()
def inc(x):
    return x + 1
futures = client.map(inc, range(%d))
sum(client.gather(futures))`, n))
	if !r.OK || out != strconv.Itoa(n*(n+1)/2) {
		t.Fatalf("%d tasks: %q %+v", n, out, r)
	}
	time.Sleep(700 * time.Millisecond) // the last batch of events, and a frame
	var longTasks [][2]float64
	var tasks, percent string
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`window.longTasks`, &longTasks),
		chromedp.AttributeValue(`[data-panel="task-stream"]`, "data-tasks", &tasks, nil, chromedp.ByQuery),
		chromedp.AttributeValue(`[data-panel="progress"]`, "data-percent", &percent, nil, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	if got, _ := strconv.Atoi(tasks); got < n {
		t.Errorf("the task stream drew %s tasks, want at least %d", tasks, n)
	}
	if percent != "100" {
		t.Errorf("progress reached %s%%, want 100%%", percent)
	}
	shots := os.Getenv("BURST_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	var png []byte
	chromedp.Run(ctx, chromedp.CaptureScreenshot(&png))
	os.WriteFile(filepath.Join(shots, "dashboard-many-tasks.png"), png, 0o644)
	// Each long task as "+seconds into the run: milliseconds".
	longest := 0.0
	var when []string
	for _, lt := range longTasks {
		longest = max(longest, lt[1])
		when = append(when, fmt.Sprintf("+%.1fs: %.0f ms", (lt[0]-t0)/1000, lt[1]))
	}
	return longest, fmt.Sprintf("%d tasks in %.1f s; %d long tasks on the main thread, the longest %.0f ms [%s]; the task stream drew %s, progress %s%%",
		n, r.MS/1000, len(longTasks), longest, strings.Join(when, ", "), tasks, percent)
}
