package main

import (
	"context"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"burst/build/chrome"
	"burst/build/dataset"
	"burst/server/site"
)

// TestDashboardsInBrowser runs the overview lesson with the dashboards
// open: the task stream draws one rectangle per task that ended, and the
// progress reaches 100%. It saves a screenshot of each panel.
func TestDashboardsInBrowser(t *testing.T) {
	if chrome.Path() == "" {
		if os.Getenv("BURST_REQUIRE_BROWSER") != "" {
			t.Fatal("Chromium is required (BURST_REQUIRE_BROWSER is set) but not installed: apt-get install chromium")
		}
		t.Skip("Chromium is not installed (apt-get install chromium); skipping the browser test")
	}
	dist := buildDist(t)
	root := t.TempDir()
	if _, err := dataset.Flights(filepath.Join(root, "data"), "small"); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: &site.Handler{Dist: dist, Root: root}}
	go srv.Serve(ln)
	defer srv.Close()
	ctx, cancel, err := chrome.New(context.Background(), t.Logf)
	if err != nil {
		t.Fatal(err)
	}
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	var runErr string
	if err := chromedp.Run(ctx,
		chromedp.EmulateViewport(1440, 900),
		chromedp.Navigate("http://"+ln.Addr().String()+"/lessons/00-overview?workers=2"),
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
