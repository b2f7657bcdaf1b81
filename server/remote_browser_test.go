package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"burst/build/dataset"
	"burst/server/cluster"
	"burst/server/site"
)

// TestRemoteLesson is issue 10's first acceptance test: a real `dask
// scheduler` and two `dask worker`s on loopback, the server with
// -cluster, lessons/04-remote-cluster.md run cell by cell in headless
// Chromium; the mean tip by passenger count equals pandas on the same
// files to 1e-9, and the page received task events from both remote
// workers.
func TestRemoteLesson(t *testing.T) {
	requireChrome(t)
	requireDask(t)
	start := time.Now()
	root := t.TempDir()
	if _, err := dataset.Taxi(filepath.Join(root, "data"), 0.02); err != nil {
		t.Fatal(err)
	}
	type output struct {
		out []byte
		err error
	}
	pandas := make(chan output, 1)
	go func() {
		cmd := exec.Command(daskPython, "-c", "ROOT = "+jsonString(root)+"\n"+pandasTaxiByPassengers)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			err = fmt.Errorf("%v: %s", err, stderr.String())
		}
		pandas <- output{out, err}
	}()
	dist := buildDist(t)
	addr, workerNames := startDask(t, 2)
	cm, err := cluster.New([]string{addr}, cluster.Options{Python: daskPython, Root: root, Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cm.Close() })
	// As server/main.go wires -cluster.
	base := serveHandler(t, &site.Handler{Dist: dist, Root: root, Cluster: cm})

	ctx := newBrowser(t, 4*time.Minute)
	consoleErrors := watchConsole(ctx)
	if err := chromedp.Run(ctx,
		chromedp.EmulateViewport(1440, 900),
		chromedp.Navigate(base+"/lessons/04-remote-cluster?workers=2"),
		chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
		chromedp.Evaluate(`localStorage.clear(); window.__events = []; window.burst.subscribe((b) => window.__events.push(...b)); true`, nil),
	); err != nil {
		t.Fatal(err)
	}
	// Every cell in order, a %load cell once more with its solution; the
	// outputs of the taxi group-by kept for the comparison.
	var raw string
	if err := chromedp.Run(ctx, chromedp.Evaluate(`(async () => {
		const cells = [];
		let groupby = null;
		for (let k = 0; k < window.burst.cellCount(); k++) {
			let err = "";
			await window.burst.runCell(k).catch(e => { err = String(e); });
			if (window.burst.outputs(k).some(o => o.type === "set_next_input")) {
				await window.burst.runCell(k).catch(e => { err = String(e); });
			}
			const code = window.burst.code(k);
			const errs = window.burst.outputs(k).filter(o => o.type === "error").map(o => o.ename + ": " + o.evalue);
			if (errs.length) err = errs.join("; ");
			if (code.includes('groupby("passenger_count").tip_amount.mean()')) {
				groupby = window.burst.outputs(k).find(o => o.type === "execute_result");
			}
			const el = document.querySelector('[data-cell-index="' + k + '"]');
			cells.push({cell: k + 1, code: code.split("\n")[0], secs: parseFloat(el.dataset.elapsed), err});
		}
		// The last batches of events arrive within 100 ms.
		await new Promise(r => setTimeout(r, 500));
		return JSON.stringify({cells, groupby, events: window.__events});
	})()`, &raw, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) })); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Cells []struct {
			Cell int     `json:"cell"`
			Code string  `json:"code"`
			Secs float64 `json:"secs"`
			Err  string  `json:"err"`
		} `json:"cells"`
		GroupBy *struct {
			Data map[string]json.RawMessage `json:"data"`
		} `json:"groupby"`
		Events []browserEvent `json:"events"`
	}
	if err := json.Unmarshal([]byte(raw), &got); err != nil {
		t.Fatalf("%v: %.500s", err, raw)
	}
	var report []string
	for _, c := range got.Cells {
		if c.Err != "" {
			t.Errorf("cell %d (%s): %s", c.Cell, c.Code, c.Err)
		}
		report = append(report, fmt.Sprintf("%3d %6.2fs  %s", c.Cell, c.Secs, c.Code))
	}
	t.Logf("cell times in Chromium, on the remote cluster:\n%s", strings.Join(report, "\n"))

	p := <-pandas
	if p.err != nil {
		t.Fatalf("pandas: %v", p.err)
	}
	var want struct{ Index, Values []float64 }
	if err := json.Unmarshal(p.out, &want); err != nil {
		t.Fatalf("pandas printed %q: %v", p.out, err)
	}
	if got.GroupBy == nil {
		t.Fatal("the group-by cell showed no result")
	}
	var series struct {
		Name       string      `json:"name"`
		IndexNames []string    `json:"index_names"`
		Index      [][]float64 `json:"index"`
		Values     []float64   `json:"values"`
	}
	if err := json.Unmarshal(got.GroupBy.Data["application/json"], &series); err != nil || len(series.Index) != 1 {
		t.Fatalf("the group-by's result: %s (%v)", got.GroupBy.Data["application/json"], err)
	}
	if series.Name != "tip_amount" || len(series.IndexNames) != 1 || series.IndexNames[0] != "passenger_count" {
		t.Errorf("the result is named %q, indexed by %v", series.Name, series.IndexNames)
	}
	if len(series.Values) != len(want.Values) || len(series.Index[0]) != len(want.Index) {
		t.Fatalf("mean tip by passenger count: %v %v; pandas %v %v", series.Index[0], series.Values, want.Index, want.Values)
	}
	for i := range want.Values {
		if series.Index[0][i] != want.Index[i] || math.Abs(series.Values[i]-want.Values[i]) > 1e-9 {
			t.Errorf("passenger_count %v: mean tip %v, pandas %v", series.Index[0][i], series.Values[i], want.Values[i])
		}
	}
	t.Logf("mean tip by passenger count, on the cluster: %v (pandas %v)", series.Values, want.Values)

	// The page's event stream — what the dashboards draw — shows tasks
	// that ran on both remote workers.
	ends := map[string]int{}
	for _, e := range got.Events {
		if e.Kind == "task-end" {
			ends[e.Worker]++
		}
	}
	for _, w := range workerNames {
		if ends[w] == 0 {
			t.Errorf("no task-end event from the remote worker %s; by worker: %v", w, ends)
		}
	}
	t.Logf("task-end events the page received, by remote worker: %v", ends)
	var rows int
	if err := chromedp.Run(ctx, chromedp.Evaluate(`document.querySelectorAll(".dash-workers tbody tr").length`, &rows)); err != nil {
		t.Fatal(err)
	}
	if rows < 2 {
		t.Errorf("the workers dashboard lists %d workers", rows)
	}
	if errs := consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
	if shots := os.Getenv("BURST_SCREENSHOTS"); shots != "" {
		// The lesson, then a window tall enough for every dashboard
		// panel (the remote workers' rows at the bottom).
		var page, dash []byte
		if err := chromedp.Run(ctx,
			chromedp.FullScreenshot(&page, 100),
			chromedp.EmulateViewport(1440, 1600),
			chromedp.Sleep(300*time.Millisecond),
			chromedp.CaptureScreenshot(&dash),
		); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(shots, "04-remote-cluster-1440x900.png"), page, 0o644)
		os.WriteFile(filepath.Join(shots, "04-remote-cluster-dashboards-1440x1600.png"), dash, 0o644)
	}
	t.Logf("the whole test took %.1fs", time.Since(start).Seconds())
}

// pandasTaxiByPassengers is the lesson's query with pandas, over the same
// files.
const pandasTaxiByPassengers = `
import glob, json, os
import pandas as pd
files = sorted(glob.glob(os.path.join(ROOT, "data/nyctaxi/yellow_tripdata_2019-*.csv")))
df = pd.concat([pd.read_csv(f, parse_dates=["tpep_pickup_datetime", "tpep_dropoff_datetime"],
                            dtype={"passenger_count": "float64", "tolls_amount": "float64"}) for f in files])
s = df.groupby("passenger_count").tip_amount.mean()
print(json.dumps({"index": s.index.tolist(), "values": s.tolist()}))
`

func jsonString(s string) string { b, _ := json.Marshal(s); return string(b) }

// serveHandler serves h on 127.0.0.1 until the test ends and returns the
// base URL.
func serveHandler(t *testing.T, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

// The Dask cluster, as server/cluster's tests start it (Debian's
// python3-distributed).

const daskPython = "/usr/bin/python3"

// requireDask skips a test where Dask is not installed, or fails it when
// BURST_REQUIRE_DASK=1 says it must run (CI).
func requireDask(t *testing.T) {
	t.Helper()
	out, err := exec.Command(daskPython, "-c", "import distributed, pandas").CombinedOutput()
	if err == nil {
		return
	}
	if os.Getenv("BURST_REQUIRE_DASK") == "1" {
		t.Fatalf("BURST_REQUIRE_DASK=1 but Dask is not usable: %v %s (apt-get install python3-distributed)", err, bytes.TrimSpace(out))
	}
	t.Skipf("skipping: no Dask (%v); apt-get install python3-distributed, or set BURST_REQUIRE_DASK=1 to make this a failure", err)
}

// startDask starts `dask scheduler` on a free loopback port and n `dask
// worker`s (one thread each), and returns the scheduler's address and the
// workers' addresses once they have registered.
func startDask(t *testing.T, n int) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "scheduler.json")
	daskProcess(t, dir, "scheduler", "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
		"--dashboard-address", "127.0.0.1:0", "--scheduler-file", file)
	var addr string
	waitUntil(t, 60*time.Second, "the scheduler to start", func() bool {
		var info struct{ Address string }
		if b, err := os.ReadFile(file); err == nil && json.Unmarshal(b, &info) == nil && info.Address != "" {
			addr = info.Address
			return true
		}
		return false
	})
	for i := range n {
		daskProcess(t, dir, fmt.Sprintf("worker%d", i), "-m", "distributed.cli.dask_worker", addr,
			"--host", "127.0.0.1", "--nworkers", "1", "--nthreads", "1", "--no-dashboard", "--no-nanny",
			"--memory-limit", "1GB", "--name", fmt.Sprintf("w%d", i))
	}
	var workers []string
	waitUntil(t, 60*time.Second, "the workers to register", func() bool {
		workers = workers[:0]
		for i := range n {
			log, _ := os.ReadFile(filepath.Join(dir, fmt.Sprintf("worker%d.log", i)))
			_, rest, ok := strings.Cut(string(log), "Start worker at:")
			if !ok || !strings.Contains(string(log), "Registered to:") {
				return false
			}
			workers = append(workers, strings.Fields(rest)[0])
		}
		return true
	})
	return addr, workers
}

func daskProcess(t *testing.T, dir, name string, args ...string) {
	t.Helper()
	log, err := os.Create(filepath.Join(dir, name+".log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(daskPython, args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = log, log
	// Pdeathsig: a test killed by its timeout leaves no cluster behind.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// Only the process group this test started.
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		cmd.Wait()
		log.Close()
	})
}

func waitUntil(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
