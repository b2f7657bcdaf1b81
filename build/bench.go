package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"burst/build/chrome"
	"burst/build/dataset"
	"burst/engine/kernel"
	"burst/server/site"
)

// The peers' side of `bench frames`, run with Debian's Python.
//
//go:embed bench/frames.py
var framesPy []byte

// python is the interpreter with Debian's pandas and dask; the python3
// first on PATH may be another one.
const python = "/usr/bin/python3"

// A workload is one cell timed by `bench frames`; every run reads the CSVs.
type workload struct {
	name, title, code string
}

var frameWorkloads = []workload{
	{"a", "read + group-by mean", `df.groupby("Origin").DepDelay.mean().compute()`},
	{"b", "filter ~Cancelled + count per origin", `df[~df.Cancelled].groupby("Origin").Origin.count().compute()`},
	{"c", "DepDelay.max()", `df.DepDelay.max().compute()`},
	{"d", "std of DepDelay by DayOfWeek", `df.groupby("DayOfWeek").DepDelay.std().compute()`},
	// Issue 22's methods, each on the workers as in Dask.
	{"e", "Dest.str.lower().value_counts()", `df.Dest.str.lower().value_counts().compute()`},
	{"f", "Date.dt.dayofweek.value_counts()", `df.Date.dt.dayofweek.value_counts().compute()`},
	{"g", "between + mean per origin", `df[df.DepDelay.between(0, 30)].groupby("Origin").DepDelay.mean().compute()`},
	{"h", "fillna(0).cumsum().max()", `df.DepDelay.fillna(0).cumsum().max().compute()`},
	{"i", "rolling(5).mean().max()", `df.DepDelay.rolling(5).mean().max().compute()`},
}

// frameSetup is the lesson's read: lazy, so each workload reads again.
const frameSetup = `import dask.dataframe as dd
df = dd.read_csv("data/nycflights/*.csv", parse_dates={"Date": [0, 1, 2]},
                 dtype={"TailNum": str, "CRSElapsedTime": float, "Cancelled": bool})`

// A measure is one engine's runs of one workload.
type measure struct {
	Seconds []float64 `json:"seconds"`
	Result  any       `json:"result"` // {"index": [...], "values": [...]} or a float
	Error   string    `json:"error"`
}

func (m *measure) median() float64 {
	if m == nil || len(m.Seconds) == 0 {
		return math.NaN()
	}
	s := append([]float64(nil), m.Seconds...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// An engine runs every workload a number of times.
type engine struct {
	name string
	run  func(dir string, runs, workers int) (map[string]*measure, error)
}

var frameEngines = []engine{
	{"burst native", benchNative},
	{"burst browser", benchBrowser},
	{"pandas", func(dir string, runs, _ int) (map[string]*measure, error) { return benchPython("pandas", dir, runs) }},
	{"dask", func(dir string, runs, _ int) (map[string]*measure, error) { return benchPython("dask", dir, runs) }},
}

func cmdBench(args []string) error {
	if len(args) > 0 && args[0] == "ml" {
		return benchML(args[1:])
	}
	if len(args) > 0 && args[0] == "browser" {
		return benchBrowserCmd(args[1:])
	}
	if len(args) == 0 || args[0] != "frames" {
		return fmt.Errorf("bench: name a benchmark: frames, ml or browser")
	}
	fl := flag.NewFlagSet("bench frames", flag.ExitOnError)
	dir := fl.String("dir", ".", "folder holding data/nycflights (written, full size, when missing)")
	runs := fl.Int("runs", 3, "runs per workload; the table shows medians")
	workers := fl.Int("workers", 2, "Burst workers (native goroutines, browser web workers)")
	only := fl.String("engines", "native,browser,pandas,dask", "engines to run, comma-separated")
	fl.Parse(args[1:])
	info, err := ensureFlights(*dir)
	if err != nil {
		return err
	}
	fmt.Printf("nycflights: %s; median of %d runs; Burst with %d workers\n\n", info, *runs, *workers)
	results := map[string]map[string]*measure{}
	var names []string
	for _, e := range frameEngines {
		if !strings.Contains(","+*only+",", ","+strings.TrimPrefix(e.name, "burst ")+",") {
			continue
		}
		names = append(names, e.name)
		fmt.Fprintf(os.Stderr, "bench: %s…\n", e.name)
		t0 := time.Now()
		res, err := e.run(*dir, *runs, *workers)
		if err != nil {
			// One engine failing (no Chromium, no pandas) leaves the others.
			res = map[string]*measure{}
			for _, w := range frameWorkloads {
				res[w.name] = &measure{Error: err.Error()}
			}
		}
		fmt.Fprintf(os.Stderr, "bench: %s done in %.1fs\n", e.name, time.Since(t0).Seconds())
		results[e.name] = res
	}
	printFrames(os.Stdout, names, results)
	return nil
}

// ensureFlights writes the full dataset under dir unless it is there, and
// describes it.
func ensureFlights(dir string) (string, error) {
	first := filepath.Join(dir, "data", "nycflights", "1990.csv")
	if st, err := os.Stat(first); err != nil || st.Size() < 1<<20 {
		fmt.Fprintln(os.Stderr, "bench: writing the full nycflights dataset")
		if _, err := dataset.Flights(filepath.Join(dir, "data"), "full"); err != nil {
			return "", err
		}
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "data", "nycflights", "*.csv"))
	var size int64
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil {
			size += st.Size()
		}
	}
	return fmt.Sprintf("%d files, %.0f MB", len(paths), float64(size)/1e6), nil
}

// printFrames prints the table: the median time of each engine and,
// in brackets, how many times faster than pandas it is.
func printFrames(w io.Writer, names []string, results map[string]map[string]*measure) {
	ref := results["pandas"]
	if ref == nil {
		ref = results["burst native"]
	}
	const first = 40
	fmt.Fprintf(w, "%-*s", first, "workload")
	for _, n := range names {
		fmt.Fprintf(w, "%20s", n)
	}
	fmt.Fprintln(w)
	var notes []string
	for _, wl := range frameWorkloads {
		fmt.Fprintf(w, "%-*s", first, "("+wl.name+") "+wl.title)
		base := results["pandas"][wl.name].median()
		for _, n := range names {
			m := results[n][wl.name]
			cell := "error"
			if m != nil && m.Error == "" {
				cell = fmt.Sprintf("%.2f s", m.median())
				if !math.IsNaN(base) {
					cell += fmt.Sprintf(" (%.2f×)", base/m.median())
				}
				r := ref[wl.name]
				if d := results["dask"][wl.name]; strings.HasPrefix(n, "burst") && d != nil && d.Error == "" {
					r = d // Burst runs Dask's cells: rows in Dask's order (value_counts' ties, groups)
				}
				if r != nil && r.Error == "" && !sameResult(m.Result, r.Result) {
					cell += " ≠"
					notes = append(notes, fmt.Sprintf("(%s) %s gives %v, not %v", wl.name, n, m.Result, r.Result))
				}
			} else if m != nil {
				notes = append(notes, fmt.Sprintf("(%s) %s: %s", wl.name, n, firstLine(m.Error)))
			}
			fmt.Fprintf(w, "%20s", cell)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%-*s", first, "first run of (a)")
	for _, n := range names {
		cell := "error"
		if m := results[n]["a"]; m != nil && len(m.Seconds) > 0 {
			cell = fmt.Sprintf("%.2f s", m.Seconds[0])
		}
		fmt.Fprintf(w, "%20s", cell)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "\n(×): pandas' time divided by the engine's: above 1 is faster than pandas. ≠: the result differs from pandas' (Burst's: from Dask's).")
	fmt.Fprintln(w, "Every run reads the CSVs: pandas and Dask from the OS page cache, Burst in the browser from its")
	fmt.Fprintln(w, "workers' file cache once a file has been fetched (the server confirms it is unchanged), hence the first run.")
	fmt.Fprintln(w, "Targets: Burst native at least 3× pandas; Burst in the browser at least 1×.")
	for _, n := range notes {
		fmt.Fprintln(w, n)
	}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// sameResult compares two results to a relative 1e-9.
func sameResult(a, b any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	var x, y any
	json.Unmarshal(ja, &x)
	json.Unmarshal(jb, &y)
	return closeJSON(x, y)
}

func closeJSON(x, y any) bool {
	switch x := x.(type) {
	case float64:
		y, ok := y.(float64)
		return ok && (x == y || math.Abs(x-y) <= 1e-9*math.Max(math.Abs(x), math.Abs(y)))
	case []any:
		y, ok := y.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !closeJSON(x[i], y[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := y.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k := range x {
			if !closeJSON(x[k], y[k]) {
				return false
			}
		}
		return true
	}
	return x == y
}

// benchNative runs the workloads in an in-process kernel.
func benchNative(dir string, runs, workers int) (map[string]*measure, error) {
	k := kernel.New(&kernel.NativeHost{Dir: dir, Workers: workers})
	run := func(code string) ([]kernel.Output, bool) {
		var outs []kernel.Output
		ok := k.Execute(context.Background(), code, func(o kernel.Output) { outs = append(outs, o) })
		return outs, ok
	}
	if outs, ok := run(frameSetup); !ok {
		return nil, fmt.Errorf("setup: %s", outputError(outs))
	}
	res := map[string]*measure{}
	for _, wl := range frameWorkloads {
		m := &measure{}
		res[wl.name] = m
		for range runs {
			t0 := time.Now()
			outs, ok := run(wl.code)
			m.Seconds = append(m.Seconds, time.Since(t0).Seconds())
			if !ok {
				m.Error = outputError(outs)
				break
			}
			m.Result = outputResult(outs)
		}
	}
	return res, nil
}

// pageResult is what window.burst.execute resolves with.
type pageResult struct {
	OK      bool            `json:"ok"`
	Ms      float64         `json:"ms"`
	Outputs []kernel.Output `json:"outputs"`
}

// openPage serves the site over dir's data, opens a lesson page in
// headless Chromium with that many workers, and returns a function that
// runs a cell there (timed in the page) and one that closes it all.
func openPage(dir string, workers int) (exec func(code string) (pageResult, error), closeAll func(), err error) {
	if err := buildSite("dist", false); err != nil {
		return nil, nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, nil, err
	}
	srv := &http.Server{Handler: &site.Handler{Dist: "dist", Root: dir}}
	go srv.Serve(ln)
	ctx, cancel, err := chrome.New(context.Background(), nil)
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	ctx, cancelT := context.WithTimeout(ctx, 30*time.Minute)
	closeAll = func() {
		cancelT()
		cancel()
		srv.Close()
	}
	url := fmt.Sprintf("http://%s/lessons/00-overview?workers=%d", ln.Addr(), workers)
	if err := chromedp.Run(ctx,
		chromedp.Navigate(url),
		chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
	); err != nil {
		closeAll()
		return nil, nil, fmt.Errorf("the page's kernel did not start: %v", err)
	}
	var n int
	chromedp.Run(ctx, chromedp.Evaluate(`window.burst.workers()`, &n))
	if n != workers {
		closeAll()
		return nil, nil, fmt.Errorf("the page started %d workers, not %d", n, workers)
	}
	exec = func(code string) (pageResult, error) {
		var r pageResult
		js := "window.burst.execute(" + strconv.Quote(code) + ")"
		err := chromedp.Run(ctx, chromedp.Evaluate(js, &r, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
			return p.WithAwaitPromise(true)
		}))
		return r, err
	}
	return exec, closeAll, nil
}

// benchBrowser runs the workloads in headless Chromium through
// window.burst.execute, timed in the page.
func benchBrowser(dir string, runs, workers int) (map[string]*measure, error) {
	exec, closeAll, err := openPage(dir, workers)
	if err != nil {
		return nil, err
	}
	defer closeAll()
	if r, err := exec(frameSetup); err != nil || !r.OK {
		if err == nil {
			err = fmt.Errorf("setup: %s", outputError(r.Outputs))
		}
		return nil, err
	}
	res := map[string]*measure{}
	for _, wl := range frameWorkloads {
		m := &measure{}
		res[wl.name] = m
		for range runs {
			r, err := exec(wl.code)
			if err != nil {
				return nil, err
			}
			m.Seconds = append(m.Seconds, r.Ms/1000)
			if !r.OK {
				m.Error = outputError(r.Outputs)
				break
			}
			m.Result = outputResult(r.Outputs)
		}
	}
	return res, nil
}

// benchPython runs the peers' script with Debian's Python.
func benchPython(engine, dir string, runs int) (map[string]*measure, error) {
	script := filepath.Join(os.TempDir(), "burst-bench-frames.py")
	if err := os.WriteFile(script, framesPy, 0o644); err != nil {
		return nil, err
	}
	cmd := exec.Command(python, script, engine, filepath.Join(dir, "data"), strconv.Itoa(runs))
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s %s: %v (install python3-pandas and python3-dask)", python, engine, err)
	}
	var doc struct {
		Versions  map[string]string   `json:"versions"`
		Workloads map[string]*measure `json:"workloads"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		return nil, fmt.Errorf("%s %s printed %q: %v", python, engine, out, err)
	}
	fmt.Fprintf(os.Stderr, "bench: %s versions %v\n", engine, doc.Versions)
	return doc.Workloads, nil
}

// outputError returns the error a cell's outputs report.
func outputError(outs []kernel.Output) string {
	for _, o := range outs {
		if o.Type == "error" {
			return o.EName + ": " + o.EValue
		}
	}
	return "the cell failed without an error output"
}

// outputResult converts a cell's result to the peers' JSON shape.
func outputResult(outs []kernel.Output) any {
	for _, o := range outs {
		if o.Type != "execute_result" {
			continue
		}
		// Natively the data holds Go slices; through the page, JSON.
		var js map[string]any
		if b, err := json.Marshal(o.Data["application/json"]); err == nil {
			json.Unmarshal(b, &js)
		}
		if js != nil {
			var index []string
			if levels, ok := js["index"].([]any); ok && len(levels) == 1 {
				for _, v := range levels[0].([]any) {
					index = append(index, fmt.Sprint(v))
				}
			}
			var values []float64
			for _, v := range js["values"].([]any) {
				f, _ := v.(float64)
				values = append(values, f)
			}
			return map[string]any{"index": index, "values": values}
		}
		text, _ := o.Data["text/plain"].(string)
		f, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
		if err != nil {
			return text
		}
		return f
	}
	return nil
}
