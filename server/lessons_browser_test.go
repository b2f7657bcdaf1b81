package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// TestLessonsInBrowser runs every lesson in headless
// Chromium, cell by cell as a learner would (a %load cell is run again
// with the solution it loaded), with no cell error and no console error;
// it reports the time of each cell and takes screenshots at desktop and
// tablet sizes.
func TestLessonsInBrowser(t *testing.T) {
	requireChrome(t)
	dist := buildDist(t)
	root := flightsRoot(t, "small")
	base := serveSite(t, dist, root)
	shots := os.Getenv("BURST_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	lessons, _ := filepath.Glob("../lessons/*.md")
	for _, lesson := range lessons {
		name := strings.TrimSuffix(filepath.Base(lesson), ".md")
		if name == "04-remote-cluster" {
			continue // it needs a Dask cluster: TestRemoteLesson runs it
		}
		t.Run(name, func(t *testing.T) {
			ctx := newBrowser(t, 10*time.Minute)
			consoleErrors := watchConsole(ctx)
			if err := chromedp.Run(ctx,
				chromedp.EmulateViewport(1440, 900),
				chromedp.Navigate(base+"/lessons/"+name+"?workers=2"),
				chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
			); err != nil {
				t.Fatal(err)
			}
			// Run all, as a learner's first visit does (no saved edits):
			// no cell fails but those that raise on purpose.
			var runErr string
			if err := chromedp.Run(ctx,
				chromedp.Evaluate(`localStorage.clear()`, nil),
				chromedp.Reload(),
				chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
				chromedp.Evaluate(`window.burst.runAll().then(() => "", e => String(e))`, &runErr, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
					return p.WithAwaitPromise(true)
				}),
				chromedp.Evaluate(`localStorage.clear()`, nil),
				chromedp.Reload(),
				chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
			); err != nil || runErr != "" {
				t.Fatalf("runAll: %v %s", err, runErr)
			}
			// Then every cell in order, in a fresh kernel; a %load cell
			// once more, with its solution.
			var raw string
			if err := chromedp.Run(ctx, chromedp.Evaluate(`(async () => {
				const times = [];
				for (let k = 0; k < window.burst.cellCount(); k++) {
					let err = "";
					await window.burst.runCell(k).catch(e => { err = String(e); });
					if (window.burst.outputs(k).some(o => o.type === "set_next_input")) {
						await window.burst.runCell(k).catch(e => { err = String(e); });
					}
					const el = document.querySelector('[data-cell-index="' + k + '"]');
					const code = el.querySelector('.cm-content').innerText.split("\n")[0];
					if (el.hasAttribute("data-raises")) err = err ? "" : "expected an error";
					times.push({cell: k + 1, code, secs: parseFloat(el.dataset.elapsed), err});
				}
				return JSON.stringify(times);
			})()`, &raw, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) })); err != nil {
				t.Fatal(err)
			}
			var times []struct {
				Cell int     `json:"cell"`
				Code string  `json:"code"`
				Secs float64 `json:"secs"`
				Err  string  `json:"err"`
			}
			json.Unmarshal([]byte(raw), &times)
			var report []string
			for _, c := range times {
				if c.Err != "" {
					t.Errorf("cell %d (%s): %s", c.Cell, c.Code, c.Err)
				}
				report = append(report, fmt.Sprintf("%3d %6.2fs  %s", c.Cell, c.Secs, c.Code))
			}
			t.Logf("%s, cell times in Chromium with 2 workers:\n%s", name, strings.Join(report, "\n"))
			if len(consoleErrors()) > 0 {
				t.Errorf("console errors: %v", consoleErrors())
			}
			for _, size := range [][2]int64{{1440, 900}, {820, 1180}} {
				var png []byte
				if err := chromedp.Run(ctx, chromedp.EmulateViewport(size[0], size[1]), chromedp.FullScreenshot(&png, 100)); err != nil {
					t.Fatal(err)
				}
				os.WriteFile(filepath.Join(shots, fmt.Sprintf("%s-%dx%d.png", name, size[0], size[1])), png, 0o644)
			}
		})
	}
}
