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
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"burst/build/dataset"
	"burst/server/cluster"
	"burst/server/cluster/dasktest"
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
	dasktest.Require(t)
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
		cmd := exec.Command(dasktest.Python, "-c", "ROOT = "+jsonString(root)+"\n"+pandasTaxiByPassengers)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			err = fmt.Errorf("%v: %s", err, stderr.String())
		}
		pandas <- output{out, err}
	}()
	dist := buildDist(t)
	// The exercise's check, computed on the local engine from the same
	// files; the page checks the cluster's answer against it.
	writeLessonChecks(t, root, "04-remote-cluster")
	wrong := wrongAnswers(t)
	dc := dasktest.Start(t, 2)
	addr, workerNames := dc.Addr, dc.WorkerAddrs
	// The Cloudflare deployment tried at the end is a trusted origin, as
	// -trusted-origin makes it.
	edgePort := freePort(t)
	edgeOrigin := fmt.Sprintf("http://127.0.0.1:%d", edgePort)
	cm, err := cluster.New([]string{addr}, cluster.Options{Python: dasktest.Python, Root: root, Logf: t.Logf, TrustedOrigins: []string{edgeOrigin}})
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
	if err := chromedp.Run(ctx, chromedp.Evaluate(`(async (wrong) => {
		const cells = [];
		let groupby = null;
		const checks = [];
		const verdict = (k) => {
			const c = document.querySelector('[data-cell-index="' + k + '"] [data-check]');
			return c ? {state: c.dataset.check, text: c.textContent} : {state: "", text: ""};
		};
		for (let k = 0; k < window.burst.cellCount(); k++) {
			let err = "";
			const ex = document.querySelector('[data-cell-index="' + k + '"]').dataset.exercise;
			if (ex) {
				// The committed wrong answer, run on the cluster first.
				const original = window.burst.code(k);
				window.burst.setCode(k, wrong[ex] || "");
				await window.burst.runCell(k).catch(e => { err = "the wrong answer failed: " + e; });
				checks.push({exercise: ex, wrong: verdict(k)});
				window.burst.setCode(k, original);
			}
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
			if (ex) checks[checks.length - 1].solution = verdict(k);
			cells.push({cell: k + 1, code: code.split("\n")[0], secs: parseFloat(el.dataset.elapsed), err});
		}
		// The last batches of events arrive within 100 ms.
		await new Promise(r => setTimeout(r, 500));
		return JSON.stringify({cells, groupby, checks, events: window.__events});
	})(`+wrong+`)`, &raw, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) })); err != nil {
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
		Checks []struct {
			Exercise        string
			Wrong, Solution struct{ State, Text string }
		} `json:"checks"`
	}
	if err := json.Unmarshal([]byte(raw), &got); err != nil {
		t.Fatalf("%v: %.500s", err, raw)
	}
	// The exercise, checked in the page: the wrong answer (a Dask Series
	// not computed) gets its hint, the cluster's answer the ✓ of the
	// value the build computed locally.
	if len(got.Checks) != 1 {
		t.Errorf("%d exercises checked in lesson 04, want 1", len(got.Checks))
	}
	for _, ch := range got.Checks {
		if hint := wrongHint(t, ch.Exercise); ch.Wrong.State != "fail" || !hint.MatchString(ch.Wrong.Text) {
			t.Errorf("exercise %s with the wrong answer: data-check=%q %q, want fail with a hint matching %q", ch.Exercise, ch.Wrong.State, ch.Wrong.Text, hint)
		}
		if ch.Solution.State != "pass" {
			t.Errorf("exercise %s with the solution, on the cluster: data-check=%q %q, want pass", ch.Exercise, ch.Solution.State, ch.Solution.Text)
		}
		t.Logf("exercise %s on the cluster: wrong answer → %q; solution → %q", ch.Exercise, ch.Wrong.Text, ch.Solution.Text)
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

	// The same from a Cloudflare Workers deployment (workerd here) whose
	// upstream is this server: the plan and the session's events pass
	// through the Worker.
	out := filepath.Join(t.TempDir(), "deploy")
	deploy(t, out, "-dist", dist, "-data", root, "-datasets", "nyctaxi", "-checks=false")
	edge := startWorkerdAt(t, out, edgePort, "BURST_UPSTREAM:"+base)
	ectx := newBrowser(t, 3*time.Minute)
	code := `import burst
import dask.dataframe as dd
from dask.distributed import Client
client = Client(burst.remote())
df = dd.read_csv("data/nyctaxi/yellow_tripdata_2019-*.csv",
                 parse_dates=["tpep_pickup_datetime", "tpep_dropoff_datetime"],
                 dtype={"passenger_count": "float64", "tolls_amount": "float64"})
df.groupby("passenger_count").tip_amount.mean().compute()`
	var edgeRaw string
	if err := chromedp.Run(ectx,
		chromedp.Navigate(edge+"/lessons/04-remote-cluster.html?workers=1"),
		chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
		chromedp.Evaluate(`(async () => {
			let events = 0;
			window.burst.subscribe((b) => { events += b.filter(e => e.kind === "task-end").length; });
			const r = await window.burst.execute(`+jsonString(code)+`);
			await new Promise(r => setTimeout(r, 500));
			const res = r.outputs.find(o => o.type === "execute_result");
			const errs = r.outputs.filter(o => o.type === "error").map(o => o.ename + ": " + o.evalue);
			return JSON.stringify({ok: r.ok, errs, json: res ? res.data["application/json"] : null, events});
		})()`, &edgeRaw, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }),
	); err != nil {
		t.Fatal(err)
	}
	var fromEdge struct {
		OK     bool            `json:"ok"`
		Errs   []string        `json:"errs"`
		JSON   json.RawMessage `json:"json"`
		Events int             `json:"events"`
	}
	if err := json.Unmarshal([]byte(edgeRaw), &fromEdge); err != nil {
		t.Fatalf("%v: %s", err, edgeRaw)
	}
	if !fromEdge.OK || string(fromEdge.JSON) != string(got.GroupBy.Data["application/json"]) {
		t.Errorf("the group-by through the Worker: ok=%v %v %s; through the server: %s", fromEdge.OK, fromEdge.Errs, fromEdge.JSON, got.GroupBy.Data["application/json"])
	}
	if fromEdge.Events == 0 {
		t.Errorf("no task-end event reached the page through the Worker")
	}
	t.Logf("through the Worker: the same result, %d task-end events", fromEdge.Events)
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
