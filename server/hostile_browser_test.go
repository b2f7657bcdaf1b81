package main

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// TestHostileCellsInBrowser runs, in a lesson page, cells that used to take
// the browser kernel down: deep recursion, a memory bomb and 100,000
// prints. Each ends as Python would end it (an exception, or output cut
// with a note), and the kernel keeps the variables defined before.
func TestHostileCellsInBrowser(t *testing.T) {
	requireChrome(t)
	dist := buildDist(t)
	root := flightsRoot(t, "small")
	base := serveSite(t, dist, root)
	ctx := newBrowser(t, 5*time.Minute)
	consoleErrors := watchConsole(ctx)
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/lessons/01-delayed.html?workers=1&kernel_memory=256"),
		chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	exec := func(code string) execResult {
		t.Helper()
		return execute(t, ctx, code)
	}
	alive := func(after string) {
		t.Helper()
		r := exec("print(kept)")
		if !r.OK || len(r.Outputs) != 1 || r.Outputs[0].Text != "42\n" {
			t.Fatalf("after %s the kernel lost its variables: %+v", after, r)
		}
	}
	if r := exec("kept = 42\ndef f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nf(500)"); !r.OK {
		t.Fatalf("defining f: %+v", r)
	}
	alive("f(500)")

	// 100,000 prints: a handful of messages and one element, cut with a
	// note after 2,000 lines; the whole text kept for the notebook.
	if err := chromedp.Run(ctx, chromedp.Evaluate(`window.burst.setCode(0, "for i in range(100000):\n    print(i)")`, nil)); err != nil {
		t.Fatal(err)
	}
	var printed struct {
		MS        float64 `json:"ms"`
		Boxes     int     `json:"boxes"`
		Nodes     int     `json:"nodes"`
		Truncated string  `json:"truncated"`
		Note      string  `json:"note"`
		Length    int     `json:"length"`
	}
	if err := chromedp.Run(ctx, chromedp.Evaluate(`(async () => {
		const t0 = performance.now();
		await window.burst.runCell(0);
		await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
		const el = document.querySelector('[data-cell-index="0"]');
		const box = el.querySelector(".output-stream-box");
		return {
			ms: performance.now() - t0,
			boxes: el.querySelectorAll(".output-stream-box").length,
			nodes: el.querySelectorAll("*").length,
			truncated: box ? box.dataset.truncated || "" : "",
			note: box ? box.querySelector(".output-truncated").textContent : "",
			length: window.burst.outputs(0).filter(o => o.type === "stream").map(o => o.text).join("").length,
		};
	})()`, &printed, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) })); err != nil {
		t.Fatal(err)
	}
	want := 0
	for i := range 100000 {
		want += len(strconv.Itoa(i)) + 1
	}
	if printed.Boxes != 1 || printed.Truncated != "98000" || !strings.Contains(printed.Note, "output truncated; 98,000 more lines") || printed.Length != want {
		t.Errorf("100,000 prints: %+v (want one stream element, 98000 lines cut, %d characters kept)", printed, want)
	}
	t.Logf("100,000 prints: %.0f ms, %d elements in the cell", printed.MS, printed.Nodes)
	alive("100,000 prints")

	// The page's ?kernel_memory=256 is the budget the errors name.
	for _, c := range []struct{ code, want, has string }{
		{"f(2000)", "RecursionError: maximum recursion depth exceeded", ""},
		{"f(100000)", "RecursionError: maximum recursion depth exceeded", ""},
		{"x = list(range(10**10))", "MemoryError", "256.0 MiB"},
		{"d = {}\nfor i in range(10**9):\n    d[i] = str(i) * 10", "MemoryError", "budget of 256 MiB"},
	} {
		t0 := time.Now()
		r := exec(c.code)
		if got := r.firstError(); r.OK || !strings.HasPrefix(got, c.want) || !strings.Contains(got, c.has) {
			t.Errorf("%s: %q, want %s …%s", c.code, got, c.want, c.has)
		}
		t.Logf("%s: %s in %v", c.code, r.firstError(), time.Since(t0).Round(time.Millisecond))
		alive(c.code)
	}
	if errs := consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
