package main

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestTwoTabs opens one lesson in two tabs of a browser: each notices the
// other, and an edit in either appears in both, so neither overwrites the
// other's text with an old copy.
func TestTwoTabs(t *testing.T) {
	requireChrome(t)
	dist := buildDist(t)
	root := flightsRoot(t, "small")
	base := serveSite(t, dist, root)
	first := newBrowser(t, 2*time.Minute)
	open := func(ctx context.Context) {
		t.Helper()
		if err := chromedp.Run(ctx,
			chromedp.Navigate(base+"/lessons/00-overview.html?workers=1"),
			chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
		); err != nil {
			t.Fatal(err)
		}
	}
	open(first)
	second, cancel := chromedp.NewContext(first)
	defer cancel()
	open(second)
	code := func(ctx context.Context) string {
		var s string
		if err := chromedp.Run(ctx, chromedp.Evaluate(`window.burst.code(0)`, &s)); err != nil {
			t.Fatal(err)
		}
		return s
	}
	edit := func(ctx context.Context, s string) {
		if err := chromedp.Run(ctx, chromedp.Evaluate(`window.burst.setCode(0, `+jsonString(s)+`)`, nil)); err != nil {
			t.Fatal(err)
		}
	}
	waitCode := func(ctx context.Context, want string) {
		t.Helper()
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if code(ctx) == want {
				return
			}
		}
		t.Errorf("the other tab's cell is %q, want %q", code(ctx), want)
	}
	edit(first, "x = 1  # from the first tab")
	waitCode(second, "x = 1  # from the first tab")
	edit(second, "x = 1  # from the first tab\ny = 2  # and the second")
	waitCode(first, "x = 1  # from the first tab\ny = 2  # and the second")
	for i, ctx := range []context.Context{first, second} {
		var told string
		chromedp.Run(ctx, chromedp.Evaluate(`document.body.dataset.otherTab || ""`, &told))
		if told != "open" {
			t.Errorf("tab %d does not say the lesson is open in another tab", i+1)
		}
	}
	// A reload keeps the last text of either tab.
	open(first)
	if got := code(first); got != "x = 1  # from the first tab\ny = 2  # and the second" {
		t.Errorf("after a reload the cell is %q", got)
	}
}
