package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"burst/build/chrome"
	"burst/build/dataset"
	"burst/server/site"
)

type overviewFixture struct {
	Rows   int       `json:"rows"`
	Index  []string  `json:"index"`
	Values []float64 `json:"values"`
	Repr   string    `json:"repr"`
}

func loadFixture(t *testing.T, size string) overviewFixture {
	t.Helper()
	b, err := os.ReadFile("../build/testdata/overview.json")
	if err != nil {
		t.Fatal(err)
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err != nil {
		t.Fatal(err)
	}
	var fx overviewFixture
	if err := json.Unmarshal(all[size], &fx); err != nil {
		t.Fatal(err)
	}
	return fx
}

// buildDist builds the site into a temporary folder with the real build
// command, as `go run ./server` does.
func buildDist(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "dist")
	cmd := exec.Command("go", "run", "./build", "site", "-out", out)
	cmd.Dir = ".."
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the site: %v\n%s", err, b)
	}
	return out
}

// TestOverviewInBrowser serves the overview lesson, runs every cell in
// headless Chromium through window.burst.runAll(), and compares the
// group-by's result with pandas.
func TestOverviewInBrowser(t *testing.T) {
	requireChrome(t)
	size := "small"
	if os.Getenv("BURST_BROWSER_DATA") == "full" {
		size = "full"
	}
	fx := loadFixture(t, size)

	dist := buildDist(t)
	root := flightsRoot(t, size)
	base := serveSite(t, dist, root)

	ctx := newBrowser(t, 4*time.Minute)

	consoleErrors := watchConsole(ctx)

	t0 := time.Now()
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/lessons/00-overview"),
		chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("kernel did not become idle: %v (console errors: %v)", err, consoleErrors())
	}
	toIdle := time.Since(t0)

	var cells, workers int
	var runErr string
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`window.burst.cellCount()`, &cells),
		chromedp.Evaluate(`window.burst.workers()`, &workers),
		chromedp.Evaluate(`window.burst.runAll().then(() => "", e => String(e))`, &runErr, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
			return p.WithAwaitPromise(true)
		}),
	); err != nil {
		t.Fatal(err)
	}
	if runErr != "" {
		t.Fatalf("runAll rejected: %s", runErr)
	}

	// Find the group-by cell: the one whose result carries the series data.
	var found bool
	var elapsed string
	for k := 0; k < cells; k++ {
		var outs []struct {
			Type string         `json:"type"`
			Data map[string]any `json:"data"`
		}
		var raw string
		if err := chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`JSON.stringify(window.burst.outputs(%d))`, k), &raw)); err != nil {
			t.Fatal(err)
		}
		json.Unmarshal([]byte(raw), &outs)
		for _, o := range outs {
			js, ok := o.Data["application/json"].(map[string]any)
			if o.Type != "execute_result" || !ok || js["name"] != "DepDelay" {
				continue
			}
			found = true
			checkSeries(t, js, o.Data["text/plain"], fx)
			chromedp.Run(ctx, chromedp.AttributeValue(fmt.Sprintf(`[data-cell-index="%d"]`, k), "data-elapsed", &elapsed, nil, chromedp.ByQuery))
			// The page shows the same text in the cell's output area.
			var shown string
			chromedp.Run(ctx, chromedp.Text(fmt.Sprintf(`[data-cell-index="%d"] [data-output]`, k), &shown, chromedp.ByQuery))
			if !strings.Contains(shown, "EWR") || !strings.Contains(shown, "LGA") {
				t.Errorf("the output area shows %q", shown)
			}
		}
	}
	if !found {
		t.Fatal("no cell displayed the mean DepDelay per Origin")
	}
	if len(consoleErrors()) > 0 {
		t.Errorf("console errors: %v", consoleErrors())
	}

	var png []byte
	if err := chromedp.Run(ctx, chromedp.FullScreenshot(&png, 100)); err == nil {
		dir := os.Getenv("BURST_SCREENSHOTS")
		if dir == "" {
			dir = t.TempDir()
		}
		os.WriteFile(filepath.Join(dir, "overview-"+size+".png"), png, 0o644)
	}
	t.Logf("data %s: %d workers, navigation → kernel idle %.2fs, group-by cell %ss", size, workers, toIdle.Seconds(), elapsed)

	// The workers keep the files they fetched, but a file that changes on
	// the server is read again.
	count := func() string {
		var r struct {
			OK      bool `json:"ok"`
			Outputs []struct {
				Data map[string]any `json:"data"`
			} `json:"outputs"`
		}
		code := `len(dd.read_csv("data/nycflights/1990.csv", usecols=["DepDelay"]))`
		for range 3 { // every worker reads it at least once
			if err := chromedp.Run(ctx, chromedp.Evaluate("window.burst.execute("+strconv.Quote(code)+")", &r, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
				return p.WithAwaitPromise(true)
			})); err != nil || !r.OK || len(r.Outputs) == 0 {
				t.Fatalf("counting rows: %v %+v", err, r)
			}
		}
		text, _ := r.Outputs[len(r.Outputs)-1].Data["text/plain"].(string)
		return text
	}
	year := filepath.Join(root, "data", "nycflights", "1990.csv")
	b, err := os.ReadFile(year)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := count(), strconv.Itoa(bytes.Count(b, []byte("\n"))-1); got != want {
		t.Errorf("1990.csv has %s rows, want %s", got, want)
	}
	if err := os.WriteFile(year, []byte("DepDelay\n1\n2\n3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(5 * time.Second)
	os.Chtimes(year, later, later)
	if got := count(); got != "3" {
		t.Errorf("after the file changed on the server, it has %s rows, want 3", got)
	}
}

func checkSeries(t *testing.T, js map[string]any, text any, fx overviewFixture) {
	t.Helper()
	index, _ := js["index"].([]any)
	if len(index) != 1 {
		t.Fatalf("series index: %v", js["index"])
	}
	keys, _ := index[0].([]any)
	vals, _ := js["values"].([]any)
	if len(keys) != len(fx.Index) || len(vals) != len(fx.Values) {
		t.Fatalf("got %v %v, pandas %v %v", keys, vals, fx.Index, fx.Values)
	}
	for i := range fx.Index {
		v, _ := vals[i].(float64)
		if keys[i] != fx.Index[i] || math.Abs(v-fx.Values[i]) > 1e-9*math.Abs(fx.Values[i]) {
			t.Errorf("%v = %v, pandas says %s = %v", keys[i], v, fx.Index[i], fx.Values[i])
		}
	}
	if text != fx.Repr {
		t.Errorf("text:\n%v\npandas prints:\n%s", text, fx.Repr)
	}
}

// requireChrome skips a browser test where Chromium is not installed, or
// fails it when BURST_REQUIRE_BROWSER says it must run (CI).
func requireChrome(t *testing.T) {
	t.Helper()
	if chrome.Path() != "" {
		return
	}
	if os.Getenv("BURST_REQUIRE_BROWSER") != "" {
		t.Fatal("Chromium is required (BURST_REQUIRE_BROWSER is set) but not installed: apt-get install chromium")
	}
	t.Skip("Chromium is not installed (apt-get install chromium); skipping the browser test")
}

// flightsRoot returns a folder holding the flights data of size.
func flightsRoot(t *testing.T, size string) string {
	t.Helper()
	root := t.TempDir()
	if _, err := dataset.Flights(filepath.Join(root, "data"), size); err != nil {
		t.Fatal(err)
	}
	return root
}

// serveSite serves dist and root's data on 127.0.0.1 until the test ends
// and returns the base URL.
func serveSite(t *testing.T, dist, root string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: &site.Handler{Dist: dist, Root: root}}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

// newBrowser starts headless Chromium for the test, ended with it or
// after timeout.
func newBrowser(t *testing.T, timeout time.Duration) context.Context {
	t.Helper()
	ctx, cancel, err := chrome.New(context.Background(), t.Logf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cancel)
	ctx, cancel2 := context.WithTimeout(ctx, timeout)
	t.Cleanup(cancel2)
	return ctx
}

// watchConsole records the page's console errors and uncaught exceptions;
// the function it returns gives those seen so far.
func watchConsole(ctx context.Context) func() []string {
	var mu sync.Mutex
	var errs []string
	chromedp.ListenTarget(ctx, func(ev any) {
		var msg string
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type != runtime.APITypeError {
				return
			}
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, strings.Trim(string(a.Value), `"`)+a.Description)
			}
			msg = strings.Join(parts, " ")
		case *runtime.EventExceptionThrown:
			msg = ev.ExceptionDetails.Error()
		default:
			return
		}
		mu.Lock()
		errs = append(errs, msg)
		mu.Unlock()
	})
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), errs...)
	}
}
