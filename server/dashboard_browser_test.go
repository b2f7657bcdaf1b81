package main

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// TestDashboardsInBrowser runs the overview lesson with the dashboards
// open: the task stream draws one rectangle per task that ended, and the
// progress reaches 100%. It saves a screenshot of each panel.
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
	time.Sleep(500 * time.Millisecond) // the last batch of events, and a frame
	p := &page{t, ctx}
	ended := 0
	for _, e := range p.events() {
		if e.Kind == "task-end" {
			ended++
		}
	}
	var tasks, percent string
	if err := chromedp.Run(ctx,
		chromedp.AttributeValue(`[data-panel="task-stream"]`, "data-tasks", &tasks, nil, chromedp.ByQuery),
		chromedp.AttributeValue(`[data-panel="progress"]`, "data-percent", &percent, nil, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
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
}
