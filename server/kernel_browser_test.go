package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// TestKernelInBrowser: in the page, an interrupt stops an infinite loop
// within a second and keeps the variables; %load replaces a cell's code
// with a file's; a restart clears every variable.
func TestKernelInBrowser(t *testing.T) {
	requireChrome(t)
	dist := buildDist(t)
	root := t.TempDir()
	// Solutions are part of the built site, beside the lessons.
	os.MkdirAll(filepath.Join(dist, "solutions"), 0o755)
	os.WriteFile(filepath.Join(dist, "solutions", "hello.py"), []byte("print('hello from a solution')\n"), 0o644)
	base := serveSite(t, dist, root)
	ctx := newBrowser(t, 3*time.Minute)
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/lessons/00-overview?workers=1"),
		chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	p := &page{t, ctx}
	p.exec("x = 41")

	// Interrupt an infinite loop.
	var r execResult
	if err := chromedp.Run(ctx, chromedp.Evaluate(`setTimeout(() => window.burst.interrupt(), 500); window.burst.execute("while True:\n    x = x + 0")`, &r, func(e *runtime.EvaluateParams) *runtime.EvaluateParams {
		return e.WithAwaitPromise(true)
	})); err != nil {
		t.Fatal(err)
	}
	ename := ""
	for _, o := range r.Outputs {
		if o.Type == "error" {
			ename = o.EName
		}
	}
	if r.OK || ename != "KeyboardInterrupt" || r.MS > 1500 {
		t.Errorf("interrupting an infinite loop: ok=%v error=%q after %.0f ms", r.OK, ename, r.MS)
	}
	t.Logf("an infinite loop stopped %.0f ms after it started (interrupt sent at 500 ms)", r.MS)
	if out, _ := p.exec("x + 1"); out != "42" {
		t.Errorf("after the interrupt, x + 1 = %q", out)
	}

	// %load gives the file's code for the cell.
	_, r = p.exec("%load solutions/hello.py")
	loaded := ""
	for _, o := range r.Outputs {
		if o.Type == "set_next_input" {
			loaded = o.Text
		}
	}
	if loaded != "# %load solutions/hello.py\nprint('hello from a solution')" {
		t.Errorf("%%load gave %q", loaded)
	}

	// Restart clears the variables.
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`window.burst.restart()`, nil),
		chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	var r2 execResult
	if err := chromedp.Run(ctx, chromedp.Evaluate(`window.burst.execute("x")`, &r2, func(e *runtime.EvaluateParams) *runtime.EvaluateParams {
		return e.WithAwaitPromise(true)
	})); err != nil {
		t.Fatal(err)
	}
	if r2.OK || len(r2.Outputs) == 0 || !strings.Contains(r2.Outputs[0].EValue, "not defined") {
		t.Errorf("after a restart, x gave %+v", r2)
	}

	// An edit survives a reload; Reset lesson puts the lesson's text back.
	var original, after, reset string
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`window.burst.code(0)`, &original),
		chromedp.Evaluate(`window.burst.setCode(0, "x = 'my edit'")`, nil),
		chromedp.Reload(),
		chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
		chromedp.Evaluate(`window.burst.code(0)`, &after),
		chromedp.Evaluate(`document.querySelector('[data-cell-index="0"]').classList.contains("edited")`, nil),
		chromedp.Click(`[data-reset-lesson]`, chromedp.ByQuery),
		chromedp.Evaluate(`window.burst.code(0)`, &reset),
	); err != nil {
		t.Fatal(err)
	}
	if after != "x = 'my edit'" || reset != original {
		t.Errorf("edit after reload %q; after Reset lesson %q, want %q", after, reset, original)
	}
}
