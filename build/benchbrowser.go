package main

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/evanw/esbuild/pkg/api"

	"burst/build/chrome"
	"burst/server/site"
)

// The pandas peer of `bench browser`, run with Debian's Python.
//
//go:embed bench/browser.py
var browserPy []byte

// A figure is one row of the `bench browser` table.
type figure struct {
	key, title string
	duck       bool // DuckDB-WASM has the figure too
}

var browserFigures = []figure{
	{"ready-cold", "navigation → ready, cold (fresh profile)", true},
	{"workers-cold", "navigation → workers ready, cold", false},
	{"ready-warm", "navigation → ready, warm (second visit)", true},
	{"workers-warm", "navigation → workers ready, warm", false},
	{"setup", "setup: Client() + read_csv / registerFileURL", true},
	{"read1", "read + group-by mean, first run (fetches)", true},
	{"read2", "the same, second run", true},
	{"persist", "load into memory: persist()+len / CREATE TABLE", true},
	{"memgroup", "group-by mean on data in memory", true},
	{"memlen", "len / count(*) on data in memory", true},
	{"memsum", "DepDelay sum on data in memory", true},
	{"tasks", "client.map(inc, range(N)) + gather", false},
	{"longtask", "longest main-thread task during the map", false},
}

// browserBench is one `bench browser` run: where things are and how much
// to do.
type browserBench struct {
	repo    string // the repository (site/, build/bench/duckdb/)
	dist    string // the built site
	data    string // the CSV folder
	runs    int
	workers int // 0: the page's default
	tasks   int // client.map tasks
	bundle  string
	profile string // a folder: profile the in-memory cells of the first Burst page
	log     io.Writer

	profiled string // the profiles' summary
}

// pandasRef is what browser.py prints.
type pandasRef struct {
	Version string  `json:"version"`
	GroupBy any     `json:"groupby"`
	Len     float64 `json:"len"`
	Sum     float64 `json:"sum"`
}

// A sample is one figure of one page.
type sample struct {
	seconds float64
	fetched int64 // bytes of data the server sent during the figure
	reqs    int64 // and requests for data it answered
	result  any
	check   bool // result is compared with pandas
	err     string
}

// pageSamples is one fresh page's figures by key.
type pageSamples map[string]*sample

func benchBrowserCmd(args []string) error {
	fl := flag.NewFlagSet("bench browser", flag.ExitOnError)
	data := fl.String("data", "", "folder of flights CSVs (default data/nycflights, written full size when missing)")
	runs := fl.Int("runs", 3, "fresh pages per engine, interleaved; the table shows medians")
	workers := fl.Int("workers", 0, "Burst web workers (0: the page's default, one per core)")
	tasks := fl.Int("tasks", 50000, "tasks of the client.map figure")
	bundle := fl.String("duckdb-bundle", "eh", "DuckDB-WASM bundle: eh (one thread) or coi (pthreads, needs cross-origin isolation)")
	profile := fl.String("profile", "", "folder: after the timed cells of the first Burst page, run the in-memory ones again under\nChrome's CPU profiler on every worker; write .cpuprofile files there and print where the time goes")
	fl.Parse(args)
	if *data == "" {
		if _, err := ensureFlights("."); err != nil {
			return err
		}
		*data = filepath.Join("data", "nycflights")
	}
	if err := buildSite("dist", false); err != nil {
		return err
	}
	b := &browserBench{repo: ".", dist: "dist", data: *data, runs: *runs, workers: *workers, tasks: *tasks, bundle: *bundle, profile: *profile, log: os.Stderr}
	ref, burst, duck, err := b.run()
	if err != nil {
		return err
	}
	bad := printBrowser(os.Stdout, b, ref, burst, duck)
	if b.profiled != "" {
		fmt.Printf("\nWhere Burst's time goes (self time over all its workers' profiles, in %s):\n%s", b.profile, b.profiled)
	}
	if bad > 0 {
		return fmt.Errorf("bench browser: %d results differ from pandas' or failed", bad)
	}
	return nil
}

// run measures both engines, interleaved, runs times each, and pandas'
// results once.
func (b *browserBench) run() (ref *pandasRef, burst, duck []pageSamples, err error) {
	real, err := filepath.EvalSymlinks(b.data)
	if err != nil {
		return nil, nil, nil, err
	}
	real, _ = filepath.Abs(real)
	csvs, _ := filepath.Glob(filepath.Join(real, "*.csv"))
	if len(csvs) == 0 {
		return nil, nil, nil, fmt.Errorf("no CSV files in %s", b.data)
	}
	sort.Strings(csvs)
	if ref, err = pandasPeer(real); err != nil {
		return nil, nil, nil, err
	}
	fmt.Fprintf(b.log, "bench: pandas %s: %.0f rows\n", ref.Version, ref.Len)

	// Burst reads data/<folder>/*.csv under its server's root: the folder
	// must be called data/<something>, else its files are linked into a
	// temporary one (hard links or copies: the server refuses symbolic
	// links that leave its data folder).
	root, folder := filepath.Dir(filepath.Dir(real)), filepath.Base(real)
	if filepath.Base(filepath.Dir(real)) != "data" {
		tmp, err := os.MkdirTemp("", "burst-benchweb-root-")
		if err != nil {
			return nil, nil, nil, err
		}
		defer os.RemoveAll(tmp)
		root, folder = tmp, "bench"
		if err := os.MkdirAll(filepath.Join(tmp, "data", folder), 0o755); err != nil {
			return nil, nil, nil, err
		}
		for _, c := range csvs {
			if err := linkOrCopy(c, filepath.Join(tmp, "data", folder, filepath.Base(c))); err != nil {
				return nil, nil, nil, fmt.Errorf("linking %s into the server's data folder: %v", c, err)
			}
		}
	}
	burstData := &dataCounter{h: &site.Handler{Dist: b.dist, Root: root}}
	burstURL, closeBurst, err := serve(burstData)
	if err != nil {
		return nil, nil, nil, err
	}
	defer closeBurst()
	app, _ := os.ReadFile(filepath.Join(b.dist, "app.js"))
	workersMark := bytes.Contains(app, []byte("dataset.workers")) || bytes.Contains(app, []byte("data-workers"))

	duckDir, err := duckPage(b.repo)
	if err != nil {
		return nil, nil, nil, err
	}
	duckData := &dataCounter{h: duckHandler(duckDir, real)}
	duckURL, closeDuck, err := serve(duckData)
	if err != nil {
		return nil, nil, nil, err
	}
	defer closeDuck()

	var files []string
	for _, c := range csvs {
		files = append(files, "/data/"+filepath.Base(c))
	}
	for i := range b.runs {
		fmt.Fprintf(b.log, "bench: run %d/%d: Burst…\n", i+1, b.runs)
		burst = append(burst, b.burstPage(burstURL, "data/"+folder+"/*.csv", burstData.counts, workersMark, i == 0 && b.profile != ""))
		fmt.Fprintf(b.log, "bench: run %d/%d: DuckDB-WASM…\n", i+1, b.runs)
		duck = append(duck, b.duckPage(duckURL, files, duckData.counts))
	}
	return ref, burst, duck, nil
}

// linkOrCopy links from at to, or copies it where a link cannot cross
// file systems.
func linkOrCopy(from, to string) error {
	if os.Link(from, to) == nil {
		return nil
	}
	return copyFile(from, to)
}

// pandasPeer runs browser.py on the CSV folder.
func pandasPeer(dir string) (*pandasRef, error) {
	script := filepath.Join(os.TempDir(), fmt.Sprintf("burst-bench-browser-%d.py", os.Getpid()))
	if err := os.WriteFile(script, browserPy, 0o644); err != nil {
		return nil, err
	}
	defer os.Remove(script)
	cmd := exec.Command(python, script, dir)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s browser.py: %v (install python3-pandas)", python, err)
	}
	var ref pandasRef
	if err := json.Unmarshal(out, &ref); err != nil {
		return nil, fmt.Errorf("browser.py printed %q: %v", out, err)
	}
	return &ref, nil
}

// dataCounter counts the bytes of the /data/ responses its handler sends,
// to show which figures fetch the files and which read them from memory.
type dataCounter struct {
	h    http.Handler
	n    atomic.Int64
	reqs atomic.Int64
}

// counts returns the bytes and the requests so far.
func (c *dataCounter) counts() [2]int64 { return [2]int64{c.n.Load(), c.reqs.Load()} }

func (c *dataCounter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/data/") {
		w = &countingWriter{w, &c.n}
		c.reqs.Add(1)
	}
	c.h.ServeHTTP(w, r)
}

type countingWriter struct {
	http.ResponseWriter
	n *atomic.Int64
}

func (w *countingWriter) Write(p []byte) (int, error) {
	n, err := w.ResponseWriter.Write(p)
	w.n.Add(int64(n))
	return n, err
}

// ReadFrom keeps the server's sendfile path for http.ServeContent.
func (w *countingWriter) ReadFrom(r io.Reader) (int64, error) {
	n, err := io.Copy(w.ResponseWriter, r)
	w.n.Add(n)
	return n, err
}

func (w *countingWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// serve serves h on a free port of 127.0.0.1.
func serve(h http.Handler) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}

// duckPage bundles the DuckDB-WASM page with esbuild (npm ci first when
// its node_modules is missing) into node_modules/.bench-dist, next to
// DuckDB's worker scripts and wasm, compressed as Burst's build compresses
// its own; the big files are copied and compressed once.
func duckPage(repo string) (string, error) {
	src := filepath.Join(repo, "build", "bench", "duckdb")
	if _, err := os.Stat(filepath.Join(src, "node_modules", "@duckdb", "duckdb-wasm")); err != nil {
		cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund")
		cmd.Dir = src
		if b, err := cmd.CombinedOutput(); err != nil {
			return "", fmt.Errorf("npm ci in %s: %v\n%s", src, err, b)
		}
	}
	out, err := filepath.Abs(filepath.Join(src, "node_modules", ".bench-dist"))
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return "", err
	}
	res := api.Build(api.BuildOptions{
		EntryPoints:       []string{"bench.ts"},
		AbsWorkingDir:     mustAbs(src),
		Outdir:            out,
		Bundle:            true,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Format:            api.FormatESModule,
		Target:            api.ES2020,
		Write:             true,
		LogLevel:          api.LogLevelWarning,
	})
	if err := esbuildErrors("esbuild (bench/duckdb)", res); err != nil {
		return "", err
	}
	html, err := os.ReadFile(filepath.Join(src, "index.html"))
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(out, "index.html"), html, 0o644); err != nil {
		return "", err
	}
	stale := []string{filepath.Join(out, "bench.js")}
	dist := filepath.Join(src, "node_modules", "@duckdb", "duckdb-wasm", "dist")
	for _, name := range []string{"duckdb-eh.wasm", "duckdb-browser-eh.worker.js", "duckdb-coi.wasm", "duckdb-browser-coi.worker.js", "duckdb-browser-coi.pthread.worker.js"} {
		from, to := filepath.Join(dist, name), filepath.Join(out, name)
		fs, err := os.Stat(from)
		if err != nil {
			return "", err
		}
		if ts, err := os.Stat(to + ".br"); err == nil && ts.ModTime().After(fs.ModTime()) {
			continue
		}
		b, err := os.ReadFile(from)
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(to, b, 0o644); err != nil {
			return "", err
		}
		stale = append(stale, to)
	}
	return out, compress(stale...)
}

// duckHandler serves the DuckDB page from dir and the CSVs of data under
// /data/, with the headers Burst's server sends (cross-origin isolation;
// no-store on the data, so both engines fetch it from the server). The
// page's scripts and wasm may be cached, as a CDN serves a versioned
// DuckDB-WASM: the warm visit gets that advantage.
func duckHandler(dir, data string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		site.Isolate(w.Header())
		p := path.Clean(r.URL.Path)
		if name, ok := strings.CutPrefix(p, "/data/"); ok {
			f, err := os.Open(filepath.Join(data, filepath.Base(name)))
			if err != nil {
				http.NotFound(w, r)
				return
			}
			defer f.Close()
			st, _ := f.Stat()
			w.Header().Set("Cache-Control", "no-store")
			http.ServeContent(w, r, name, st.ModTime(), f)
			return
		}
		if p == "/" {
			p = "/index.html"
		}
		name := filepath.Join(dir, filepath.Base(p))
		st, err := os.Stat(name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		if p == "/index.html" {
			w.Header().Set("Cache-Control", "no-cache")
		} else {
			w.Header().Set("Cache-Control", "public, max-age=86400")
		}
		ctype := map[string]string{".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm"}[path.Ext(p)]
		w.Header().Set("Content-Type", ctype)
		w.Header().Add("Vary", "Accept-Encoding")
		if strings.Contains(r.Header.Get("Accept-Encoding"), "br") {
			if f, err := os.Open(name + ".br"); err == nil {
				defer f.Close()
				w.Header().Set("Content-Encoding", "br")
				http.ServeContent(w, r, "", st.ModTime(), f)
				return
			}
		}
		http.ServeFile(w, r, name)
	})
}

// marksJS runs in every page before its own scripts: it notes, in the
// page's clock (milliseconds since navigation), when the body's
// data-kernel becomes idle, data-workers ready and data-duckdb ready,
// and keeps the main thread's long tasks.
const marksJS = `(() => {
  const marks = {}, long = [], waiters = [];
  const want = {kernel: "idle", workers: "ready", duckdb: "ready"};
  const note = () => {
    const b = document.body;
    if (!b) return;
    for (const k in want) if (!(k in marks) && b.dataset[k] === want[k]) marks[k] = performance.now();
    for (const w of waiters.splice(0)) if (!w()) waiters.push(w);
  };
  new MutationObserver(note).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-kernel", "data-workers", "data-duckdb"]});
  let obs = null;
  try {
    obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) long.push([e.startTime, e.duration]); });
    obs.observe({type: "longtask", buffered: true});
  } catch (e) {}
  window.__bench = {
    marks,
    // when resolves with the time attr reached its value, or rejects when
    // the page reports dead or ms pass.
    when: (attr, ms) => new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(attr + " not " + want[attr] + " after " + ms + " ms (it is " + (document.body && document.body.dataset[attr]) + ")")), ms);
      const w = () => {
        if (attr in marks) { clearTimeout(t); resolve(marks[attr]); return true; }
        const st = document.body && document.body.dataset;
        if (st && (st.kernel === "dead" || st.duckdb === "dead")) { clearTimeout(t); reject(new Error("the page reports dead")); return true; }
        return false;
      };
      note();
      if (!w()) waiters.push(w);
    }),
    // longest is the longest main-thread task that started in [from, to].
    longest: (from, to) => {
      if (obs) for (const e of obs.takeRecords()) long.push([e.startTime, e.duration]);
      let m = 0;
      for (const [s, d] of long) if (s >= from && s <= to && d > m) m = d;
      return m;
    },
  };
})()`

// openFresh starts a fresh Chromium (its own profile: an empty HTTP
// cache, no service worker) with marksJS in every document.
func openFresh() (context.Context, func(), error) {
	ctx, cancel, err := chrome.New(context.Background(), nil)
	if err != nil {
		return nil, nil, err
	}
	ctx, cancelT := context.WithTimeout(ctx, 30*time.Minute)
	stop := func() { cancelT(); cancel() }
	if err := chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := cdppage.AddScriptToEvaluateOnNewDocument(marksJS).Do(ctx)
		return err
	})); err != nil {
		stop()
		return nil, nil, err
	}
	return ctx, stop, nil
}

// swActivated resolves with the state of the page's service worker once
// it is activated, or after a minute.
const swActivated = `Promise.race([
  navigator.serviceWorker.ready.then((r) => new Promise((resolve) => {
    const w = r.active;
    if (!w || w.state === "activated") return resolve(w ? w.state : "none");
    w.addEventListener("statechange", () => w.state === "activated" && resolve(w.state));
  })),
  new Promise((r) => setTimeout(() => r("not activated after a minute"), 60000)),
])`

// evalJSON evaluates js (awaiting a promise) into v.
func evalJSON(ctx context.Context, js string, v any) error {
	return chromedp.Run(ctx, chromedp.Evaluate(js, v, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
		return p.WithAwaitPromise(true)
	}))
}

// navigate loads url and returns the page time at which attr reached its
// mark.
func navigate(ctx context.Context, url, attr string, timeout time.Duration) (float64, error) {
	if err := chromedp.Run(ctx, chromedp.Navigate(url)); err != nil {
		return 0, err
	}
	var ms float64
	err := evalJSON(ctx, fmt.Sprintf("window.__bench.when(%q, %d)", attr, timeout.Milliseconds()), &ms)
	return ms, err
}

// burstPage measures one fresh Burst page: a cold visit, a warm one (the
// service worker installed), then the cells in the warm page.
func (b *browserBench) burstPage(base, pattern string, fetched func() [2]int64, workersMark, profile bool) pageSamples {
	s := pageSamples{}
	fail := func(key string, err error) pageSamples {
		s[key] = &sample{err: firstLine(err.Error())}
		return s
	}
	ctx, stop, err := openFresh()
	if err != nil {
		return fail("ready-cold", err)
	}
	defer stop()
	url := base + "/lessons/00-overview"
	if b.workers > 0 {
		url += "?workers=" + strconv.Itoa(b.workers)
	}
	visit := func(suffix string) bool {
		ms, err := navigate(ctx, url, "kernel", 2*time.Minute)
		if err != nil {
			fail("ready-"+suffix, err)
			return false
		}
		s["ready-"+suffix] = &sample{seconds: ms / 1000}
		if workersMark {
			if ms, err := evalJSON2(ctx, `window.__bench.when("workers", 60000)`); err != nil {
				s["workers-"+suffix] = &sample{err: firstLine(err.Error())}
			} else {
				s["workers-"+suffix] = &sample{seconds: ms / 1000}
			}
		}
		return true
	}
	if !visit("cold") {
		return s
	}
	// The second visit is the learner's next one: the service worker has
	// installed the build (it starts once the engine is up).
	var state string
	if err := evalJSON(ctx, swActivated, &state); err != nil || state != "activated" {
		fmt.Fprintf(b.log, "bench: Burst's service worker is %q (%v) before the warm visit\n", state, err)
	}
	if !visit("warm") {
		return s
	}
	exec := func(key, code string, check bool) bool {
		var r pageResult
		n0 := fetched()
		err := evalJSON(ctx, "window.burst.execute("+strconv.Quote(code)+")", &r)
		if err == nil && !r.OK {
			err = errors.New(outputError(r.Outputs))
		}
		if err != nil {
			if key == "" {
				key = "tasks" // the map's own setup
			}
			fail(key, err)
			return false
		}
		if key != "" {
			s[key] = &sample{seconds: r.Ms / 1000, result: outputResult(r.Outputs), check: check, fetched: fetched()[0] - n0[0], reqs: fetched()[1] - n0[1]}
		}
		return true
	}
	setup := "from dask.distributed import Client\nclient = Client()\n" + strings.Replace(frameSetup, "data/nycflights/*.csv", pattern, 1)
	group := `df.groupby("Origin").DepDelay.mean().compute()`
	ok := exec("setup", setup, false) &&
		exec("read1", group, true) &&
		exec("read2", group, true) &&
		exec("persist", "df = df.persist()\nlen(df)", true) &&
		exec("memgroup", group, true) &&
		exec("memlen", "len(df)", true) &&
		exec("memsum", "df.DepDelay.sum().compute()", true) &&
		exec("", "def inc(x):\n    return x + 1", false)
	if !ok {
		return s
	}
	var t0 float64
	chromedp.Run(ctx, chromedp.Evaluate(`performance.now()`, &t0))
	if !exec("tasks", fmt.Sprintf("futures = client.map(inc, range(%d))\nresults = client.gather(futures)", b.tasks), false) {
		return s
	}
	var long float64
	if err := evalJSON(ctx, fmt.Sprintf(`new Promise((r) => setTimeout(r, 100)).then(() => window.__bench.longest(%f, performance.now()))`, t0), &long); err == nil {
		s["longtask"] = &sample{seconds: long / 1000}
	}
	// The gathered results are checked outside the timed cell: printing
	// 50,000 numbers is not the figure.
	var r pageResult
	if err := evalJSON(ctx, `window.burst.execute("sum(results)")`, &r); err != nil || !r.OK {
		s["tasks"].err = "sum(results) failed"
	} else if got, want := outputResult(r.Outputs), float64(b.tasks)*float64(b.tasks+1)/2; got != want {
		s["tasks"].err = fmt.Sprintf("sum(results) = %v, not %v", got, want)
	}
	if profile {
		names, err := wasmNames(b.repo, filepath.Join(b.dist, "burst.wasm"), b.profile)
		if err != nil {
			fmt.Fprintf(b.log, "bench: profiles without the engine's function names: %v\n", err)
		}
		sum, err := profileCells(ctx, b.profile, names, []workload{
			{"memgroup", "group-by mean in memory", group},
			{"memlen", "len in memory", "len(df)"},
			{"memsum", "DepDelay sum in memory", "df.DepDelay.sum().compute()"},
		}, func(code string) error {
			if !exec("", code, false) {
				return errors.New(s["tasks"].err)
			}
			return nil
		})
		if err != nil {
			fmt.Fprintf(b.log, "bench: profiling: %v\n", err)
		}
		b.profiled = sum
	}
	return s
}

// profileCells runs each cell under the CPU profiler of every worker
// target of the page (the kernel's and the cluster's), writes each
// profile to dir as NAME-TARGET.cpuprofile (open it in Chrome DevTools'
// Performance panel) and returns, per cell, the functions with the most
// self time summed over the workers.
func profileCells(ctx context.Context, dir string, names map[string]string, cells []workload, exec func(code string) error) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	infos, err := chromedp.Targets(ctx)
	if err != nil {
		return "", err
	}
	var workers []context.Context
	for _, ti := range infos {
		if ti.Type != "worker" {
			continue
		}
		wctx, cancel := chromedp.NewContext(ctx, chromedp.WithTargetID(ti.TargetID))
		defer cancel()
		// chromedp enables the Network domain, which would copy bodies.
		if err := chromedp.Run(wctx, network.Disable(), profiler.Enable(), profiler.SetSamplingInterval(200)); err != nil {
			return "", fmt.Errorf("attaching to worker %s: %v", ti.URL, err)
		}
		workers = append(workers, wctx)
	}
	if len(workers) == 0 {
		return "", errors.New("the page has no worker targets")
	}
	var out strings.Builder
	for _, c := range cells {
		for _, w := range workers {
			if err := chromedp.Run(w, profiler.Start()); err != nil {
				return out.String(), err
			}
		}
		t0 := time.Now()
		err := exec(c.code)
		wall := time.Since(t0)
		self := map[string]time.Duration{}
		var busy time.Duration
		for i, w := range workers {
			var p *profiler.Profile
			if err := chromedp.Run(w, chromedp.ActionFunc(func(ctx context.Context) error {
				var err error
				p, err = profiler.Stop().Do(ctx)
				return err
			})); err != nil {
				return out.String(), err
			}
			for _, n := range p.Nodes {
				if name, ok := names[n.CallFrame.FunctionName]; ok {
					n.CallFrame.FunctionName = name
				}
			}
			if js, err := json.Marshal(p); err == nil {
				os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-worker%d.cpuprofile", c.name, i)), js, 0o644)
			}
			busy += selfTimes(p, self)
		}
		if err != nil {
			return out.String(), err
		}
		type fn struct {
			name string
			d    time.Duration
		}
		var fns []fn
		for k, d := range self {
			fns = append(fns, fn{k, d})
		}
		sort.Slice(fns, func(i, j int) bool { return fns[i].d > fns[j].d })
		fmt.Fprintf(&out, "%s (`%s`): %.2f s wall, %.2f s busy in %d workers:", c.title, c.code, wall.Seconds(), busy.Seconds(), len(workers))
		for i, f := range fns {
			if i == 8 || f.d < busy/100 {
				break
			}
			fmt.Fprintf(&out, " %s %.0f%%;", f.name, 100*float64(f.d)/float64(busy))
		}
		out.WriteString("\n")
	}
	return out.String(), nil
}

// wasmNames builds the engine again with its symbols (the site strips
// them) into dir and returns the names of its functions by the name V8
// gives them in a stripped module's profile, "wasm-function[N]". The
// same source and compiler give the same function indices; the function
// and import counts must match the served module's.
func wasmNames(repo, served, dir string) (map[string]string, error) {
	out, err := filepath.Abs(filepath.Join(dir, "burst-names.wasm"))
	if err != nil {
		return nil, err
	}
	cmd := exec.Command("go", "build", "-trimpath", "-o", out, "./wasm")
	cmd.Dir = repo
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go build ./wasm: %v\n%s", err, b)
	}
	a, err := os.ReadFile(served)
	if err != nil {
		return nil, err
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return nil, err
	}
	ia, fa, _, err := wasmFunctions(a)
	if err != nil {
		return nil, err
	}
	ib, fb, names, err := wasmFunctions(b)
	if err != nil {
		return nil, err
	}
	if ia != ib || fa != fb {
		return nil, fmt.Errorf("the served module has %d imports and %d functions, the one with names %d and %d", ia, fa, ib, fb)
	}
	m := make(map[string]string, len(names))
	for i, n := range names {
		m[fmt.Sprintf("wasm-function[%d]", i)] = n
	}
	return m, nil
}

// wasmFunctions reads a wasm module's function imports, its functions and
// the function names of its "name" section (by function index).
func wasmFunctions(b []byte) (imports, funcs int, names map[int]string, err error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return 0, 0, nil, errors.New("not a wasm module")
	}
	uleb := func(b []byte, i *int) int {
		v, shift := 0, 0
		for *i < len(b) {
			c := b[*i]
			*i++
			v |= int(c&0x7f) << shift
			if c < 0x80 {
				break
			}
			shift += 7
		}
		return v
	}
	names = map[int]string{}
	for i := 8; i < len(b); {
		id := b[i]
		i++
		size := uleb(b, &i)
		if size < 0 || i+size > len(b) {
			return 0, 0, nil, errors.New("a section runs past the end of the module")
		}
		sec := b[i : i+size]
		i += size
		j := 0
		switch id {
		case 2: // imports: module, name, kind, then the kind's description
			for n := uleb(sec, &j); n > 0 && j < len(sec); n-- {
				j += uleb(sec, &j)
				j += uleb(sec, &j)
				kind := sec[j]
				j++
				switch kind {
				case 0:
					uleb(sec, &j)
					imports++
				case 1: // table: element type and limits
					j++
					flags := sec[j]
					j++
					uleb(sec, &j)
					if flags&1 != 0 {
						uleb(sec, &j)
					}
				case 2: // memory: limits
					flags := sec[j]
					j++
					uleb(sec, &j)
					if flags&1 != 0 {
						uleb(sec, &j)
					}
				case 3: // global: type and mutability
					j += 2
				}
			}
		case 3:
			funcs = uleb(sec, &j)
		case 0:
			n := uleb(sec, &j)
			if j+n > len(sec) || string(sec[j:j+n]) != "name" {
				continue
			}
			j += n
			for j < len(sec) {
				sub := sec[j]
				j++
				end := uleb(sec, &j)
				end += j
				if sub != 1 {
					j = end
					continue
				}
				for k := uleb(sec, &j); k > 0 && j < end; k-- {
					idx := uleb(sec, &j)
					l := uleb(sec, &j)
					names[idx] = string(sec[j : j+l])
					j += l
				}
			}
		}
	}
	return imports, funcs, names, nil
}

// selfTimes adds each function's self time in p to self (idle time left
// out) and returns the busy total.
func selfTimes(p *profiler.Profile, self map[string]time.Duration) time.Duration {
	names := map[int64]string{}
	for _, n := range p.Nodes {
		name := n.CallFrame.FunctionName
		if name == "" {
			name = "(anonymous " + path.Base(n.CallFrame.URL) + ")"
		}
		names[n.ID] = name
	}
	var busy time.Duration
	for i, id := range p.Samples {
		if i+1 >= len(p.TimeDeltas) || names[id] == "(idle)" {
			continue
		}
		d := time.Duration(p.TimeDeltas[i+1]) * time.Microsecond
		self[names[id]] += d
		busy += d
	}
	return busy
}

// evalJSON2 evaluates a promise of a number.
func evalJSON2(ctx context.Context, js string) (float64, error) {
	var v float64
	err := evalJSON(ctx, js, &v)
	return v, err
}

// duckResult is what window.duck.query and register resolve with.
type duckResult struct {
	OK     bool    `json:"ok"`
	Ms     float64 `json:"ms"`
	Result any     `json:"result"`
	Error  string  `json:"error"`
}

// duckPage measures one fresh DuckDB-WASM page: a cold visit, a warm one,
// then the queries in the warm page.
func (b *browserBench) duckPage(base string, files []string, fetched func() [2]int64) pageSamples {
	s := pageSamples{}
	fail := func(key string, err error) pageSamples {
		s[key] = &sample{err: firstLine(err.Error())}
		return s
	}
	ctx, stop, err := openFresh()
	if err != nil {
		return fail("ready-cold", err)
	}
	defer stop()
	url := base + "/?bundle=" + b.bundle
	for _, suffix := range []string{"cold", "warm"} {
		ms, err := navigate(ctx, url, "duckdb", 2*time.Minute)
		if err != nil {
			var why string
			chromedp.Run(ctx, chromedp.Evaluate(`window.duck && window.duck.error`, &why))
			return fail("ready-"+suffix, fmt.Errorf("%v %s", err, why))
		}
		s["ready-"+suffix] = &sample{seconds: ms / 1000}
	}
	run := func(key, js string, check bool) bool {
		var r duckResult
		n0 := fetched()
		if err := evalJSON(ctx, js, &r); err != nil {
			fail(key, err)
			return false
		}
		if !r.OK {
			fail(key, errors.New(r.Error))
			return false
		}
		s[key] = &sample{seconds: r.Ms / 1000, result: r.Result, check: check, fetched: fetched()[0] - n0[0], reqs: fetched()[1] - n0[1]}
		return true
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = "'" + path.Base(f) + "'"
	}
	csv := "read_csv_auto([" + strings.Join(names, ", ") + "])"
	q := func(sql string) string { return "window.duck.query(" + strconv.Quote(sql) + ")" }
	list, _ := json.Marshal(files)
	group := "SELECT Origin, avg(DepDelay) FROM %s GROUP BY Origin"
	_ = run("setup", "window.duck.register("+string(list)+")", false) &&
		run("read1", q(fmt.Sprintf(group, csv)), true) &&
		run("read2", q(fmt.Sprintf(group, csv)), true) &&
		run("persist", q("CREATE TABLE t AS SELECT * FROM "+csv), false) &&
		run("memgroup", q(fmt.Sprintf(group, "t")), true) &&
		run("memlen", q("SELECT count(*) FROM t"), true) &&
		// DuckDB sums integers into a HUGEINT; as a double it is pandas'.
		run("memsum", q("SELECT sum(DepDelay)::DOUBLE FROM t"), true)
	return s
}

// want is pandas' result for a figure.
func (ref *pandasRef) want(key string) any {
	switch key {
	case "read1", "read2", "memgroup":
		return ref.GroupBy
	case "persist", "memlen":
		return ref.Len
	case "memsum":
		return ref.Sum
	}
	return nil
}

// sortedSeries returns a {"index", "values"} result with its groups in
// index order (Dask and DuckDB give groups in any order); other results
// as they are.
func sortedSeries(v any) any {
	b, _ := json.Marshal(v)
	var s struct {
		Index  []string `json:"index"`
		Values []any    `json:"values"`
	}
	if json.Unmarshal(b, &s) != nil || s.Index == nil || len(s.Index) != len(s.Values) {
		return v
	}
	idx := make([]int, len(s.Index))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(i, j int) bool { return s.Index[idx[i]] < s.Index[idx[j]] })
	out := map[string]any{"index": make([]string, len(idx)), "values": make([]any, len(idx))}
	for k, i := range idx {
		out["index"].([]string)[k] = s.Index[i]
		out["values"].([]any)[k] = s.Values[i]
	}
	return out
}

// printBrowser prints the table of medians (min–max) and the ratios, then
// every error and every result that differs from pandas'; it returns how
// many there were.
func printBrowser(w io.Writer, b *browserBench, ref *pandasRef, burst, duck []pageSamples) int {
	fmt.Fprintf(w, "%s: %.0f rows; median (min–max) of %d fresh pages per engine, interleaved; Burst with ", b.data, ref.Len, b.runs)
	if b.workers > 0 {
		fmt.Fprintf(w, "%d workers", b.workers)
	} else {
		fmt.Fprint(w, "the page's default workers")
	}
	fmt.Fprintf(w, ", DuckDB-WASM '%s' bundle; %d map tasks\n\n", b.bundle, b.tasks)
	var notes []string
	bad := 0
	cell := func(engine string, f figure, pages []pageSamples) (string, float64) {
		var secs []float64
		for i, p := range pages {
			s := p[f.key]
			if s == nil {
				continue
			}
			if s.err != "" {
				bad++
				notes = append(notes, fmt.Sprintf("%s, run %d, %s: error: %s", engine, i+1, f.title, s.err))
				continue
			}
			if s.check && !closeJSON(jsonValue(sortedSeries(s.result)), jsonValue(sortedSeries(ref.want(f.key)))) {
				bad++
				notes = append(notes, fmt.Sprintf("%s, run %d, %s: ERROR: result %v differs from pandas' %v", engine, i+1, f.title, s.result, ref.want(f.key)))
			}
			secs = append(secs, s.seconds)
		}
		if len(secs) == 0 {
			return "n/a", math.NaN()
		}
		m := (&measure{Seconds: secs}).median()
		sort.Float64s(secs)
		txt := fmt.Sprintf("%.2f s", m)
		if f.key == "longtask" {
			txt = fmt.Sprintf("%.0f ms", m*1000)
		}
		if len(secs) > 1 && f.key == "longtask" {
			txt += fmt.Sprintf(" (%.0f–%.0f)", 1000*secs[0], 1000*secs[len(secs)-1])
		} else if len(secs) > 1 {
			txt += fmt.Sprintf(" (%.2f–%.2f)", secs[0], secs[len(secs)-1])
		}
		if len(secs) < len(pages) {
			txt += " ERR"
		}
		return txt, m
	}
	fmt.Fprintf(w, "| %-48s | %-22s | %-22s | %-13s |\n", "figure", "Burst", "DuckDB-WASM", "DuckDB / Burst")
	fmt.Fprintf(w, "|%s|%s|%s|%s|\n", strings.Repeat("-", 50), strings.Repeat("-", 24), strings.Repeat("-", 24), strings.Repeat("-", 15))
	for _, f := range browserFigures {
		bt, bm := cell("Burst", f, burst)
		dt, dm := "n/a", math.NaN()
		if f.duck {
			dt, dm = cell("DuckDB-WASM", f, duck)
		}
		ratio := ""
		if !math.IsNaN(bm) && !math.IsNaN(dm) && bm > 0 {
			ratio = fmt.Sprintf("%.2f×", dm/bm)
		}
		title := f.title
		if f.key == "tasks" {
			title = strings.Replace(title, "N", strconv.Itoa(b.tasks), 1)
		}
		fmt.Fprintf(w, "| %-48s | %-22s | %-22s | %-13s |\n", title, bt, dt, ratio)
	}
	fmt.Fprintln(w, "\nDuckDB / Burst above 1: Burst is faster. Ready: navigationStart → body data-kernel=idle (Burst),")
	fmt.Fprintln(w, "db.instantiate + connect (DuckDB); workers ready: data-workers=ready, n/a where the page has no such mark.")
	fmt.Fprintf(w, "Every result is checked against pandas %s (group-by means to a relative 1e-9, counts and sums).\n", ref.Version)
	for i, pages := range [][]pageSamples{burst, duck} {
		name := []string{"Burst", "DuckDB-WASM"}[i]
		if len(pages) == 0 {
			continue
		}
		var parts []string
		for _, k := range []string{"read1", "read2", "persist", "memgroup", "memlen", "memsum"} {
			if s := pages[0][k]; s != nil && s.err == "" {
				parts = append(parts, fmt.Sprintf("%s %.0f (%d)", k, float64(s.fetched)/1e6, s.reqs))
			}
		}
		if len(parts) > 0 {
			fmt.Fprintf(w, "MB of data (requests) the server sent %s's first page: %s.\n", name, strings.Join(parts, ", "))
		}
	}
	for _, n := range notes {
		fmt.Fprintln(w, n)
	}
	return bad
}

// jsonValue is v as encoding/json decodes it (numbers as float64).
func jsonValue(v any) any {
	b, _ := json.Marshal(v)
	var x any
	json.Unmarshal(b, &x)
	return x
}
