package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

type browserEvent struct {
	Kind    string  `json:"kind"`
	Key     string  `json:"key"`
	Prefix  string  `json:"prefix"`
	Worker  string  `json:"worker"`
	From    string  `json:"from"`
	To      string  `json:"to"`
	Bytes   int64   `json:"bytes"`
	Start   float64 `json:"start"`
	Stop    float64 `json:"stop"`
	State   string  `json:"state"`
	Attempt int     `json:"attempt"`
}

// page is a lesson page in headless Chromium, driven through window.burst.
type page struct {
	t   *testing.T
	ctx context.Context
}

type execResult struct {
	OK      bool    `json:"ok"`
	MS      float64 `json:"ms"`
	Outputs []struct {
		Type   string         `json:"type"`
		Text   string         `json:"text"`
		Data   map[string]any `json:"data"`
		EName  string         `json:"ename"`
		EValue string         `json:"evalue"`
	} `json:"outputs"`
}

// execute runs code in the kernel of the page in ctx through
// window.burst.execute and returns what it answered.
func execute(t *testing.T, ctx context.Context, code string) execResult {
	t.Helper()
	var r execResult
	if err := chromedp.Run(ctx, chromedp.Evaluate("window.burst.execute("+strconv.Quote(code)+")", &r, func(e *runtime.EvaluateParams) *runtime.EvaluateParams {
		return e.WithAwaitPromise(true)
	})); err != nil {
		t.Fatalf("%s: %v", code, err)
	}
	return r
}

// firstError is the first error output of r, as "Name: value", or "".
func (r execResult) firstError() string {
	for _, o := range r.Outputs {
		if o.Type == "error" {
			return o.EName + ": " + o.EValue
		}
	}
	return ""
}

// exec runs code in the kernel and returns its last text output.
func (p *page) exec(code string) (string, execResult) {
	p.t.Helper()
	r := execute(p.t, p.ctx, code)
	var last string
	for _, o := range r.Outputs {
		switch {
		case o.Type == "error":
			p.t.Fatalf("%s\n→ %s: %s", code, o.EName, o.EValue)
		case o.Type == "stream":
			last = strings.TrimSpace(o.Text)
		default:
			if s, ok := o.Data["text/plain"].(string); ok {
				last = s
			}
		}
	}
	return last, r
}

func (p *page) events() []browserEvent {
	p.t.Helper()
	var raw string
	if err := chromedp.Run(p.ctx, chromedp.Evaluate(`JSON.stringify(window.burst.events())`, &raw)); err != nil {
		p.t.Fatal(err)
	}
	var evs []browserEvent
	json.Unmarshal([]byte(raw), &evs)
	return evs
}

// TestSchedulerInBrowser runs the delayed lesson's first exercise and a
// CPU-bound map on the page's worker web workers.
func TestSchedulerInBrowser(t *testing.T) {
	requireChrome(t)
	dist := buildDist(t)
	root := flightsRoot(t, "small")
	base := serveSite(t, dist, root)

	ctx := newBrowser(t, 4*time.Minute)
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/lessons/00-overview?workers=2"),
		chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	p := &page{t, ctx}

	// The solution of the delayed lesson's first exercise.
	p.exec(`from dask import delayed
from dask.distributed import Client
import time
client = Client(n_workers=2)

def inc(x):
    time.sleep(0.5)
    return x + 1

def double(x):
    time.sleep(0.5)
    return 2 * x

def add(x, y):
    time.sleep(0.5)
    return x + y`)
	p.events()
	out, r := p.exec(`output = []
for x in range(10):
    a = delayed(inc)(x)
    b = delayed(double)(x)
    c = delayed(add)(a, b)
    output.append(c)
total = delayed(sum)(output)
total.compute()`)
	if out != "145" {
		t.Fatalf("total = %q, want 145", out)
	}
	time.Sleep(300 * time.Millisecond) // the last batch of events
	evs := p.events()
	var spans []browserEvent
	transfers := 0
	for _, e := range evs {
		if e.Kind == "task-end" && e.State == "memory" {
			spans = append(spans, e)
		}
		if e.Kind == "transfer" && e.Bytes > 0 && e.From != e.To {
			transfers++
		}
	}
	if len(spans) != 31 {
		t.Errorf("%d tasks ended, want 31", len(spans))
	}
	overlap := false
	for _, a := range spans {
		for _, b := range spans {
			if a.Worker != b.Worker && a.Start < b.Stop && b.Start < a.Stop && a.Worker != "kernel" && b.Worker != "kernel" {
				overlap = true
			}
		}
	}
	if !overlap {
		t.Errorf("no two tasks ran at the same time on different workers: %+v", spans)
	}
	if transfers == 0 {
		t.Error("no value moved between workers")
	}
	t.Logf("exercise 1 (30 tasks of 0.5 s + sum): %.2f s on 2 workers, %d transfers", r.MS/1000, transfers)

	// A CPU-bound cell function mapped over 8 inputs, on 1 worker then 2.
	p.exec(`def work(n):
    s = 0
    for i in range(n):
        s += i * i % 7
    return s`)
	timeMap := func(workers int) float64 {
		p.exec("client = Client(n_workers=" + strconv.Itoa(workers) + ")")
		best := 0.0
		for range 2 {
			out, r := p.exec(`sum(client.gather(client.map(work, [300000 + i for i in range(8)], pure=False)))`)
			if out != "4800047" {
				t.Fatalf("sum of work = %s on %d workers", out, workers)
			}
			if best == 0 || r.MS < best {
				best = r.MS
			}
			time.Sleep(300 * time.Millisecond)
			var durs []string
			for _, e := range p.events() {
				if e.Kind == "task-end" && e.Prefix == "work" {
					durs = append(durs, fmt.Sprintf("%s %.0f", e.Worker, (e.Stop-e.Start)*1000))
				}
			}
			t.Logf("%d workers: %.0f ms: %v", workers, r.MS, durs)
		}
		return best
	}
	// The machine's parallel capacity is measured beside each round: how
	// much faster two native threads do twice the work of one, just then.
	// On a machine whose two vCPUs share a core or a busy host, web
	// workers cannot do better; the target is 1.6×, or 90% of that
	// capacity when it is lower. The first run compiles the function on
	// both workers (and lets V8 tier the engine up).
	timeMap(2)
	passed := false
	var report []string
	for round := 0; round < 3 && !passed; round++ {
		capacity := parallelCapacity()
		one, two := timeMap(1), timeMap(2)
		want := min(1.6, 0.9*capacity)
		report = append(report, fmt.Sprintf("1 worker %.0f ms, 2 workers %.0f ms: %.2f× (machine %.2f×, want %.2f×)", one, two, one/two, capacity, want))
		passed = one/two >= want
	}
	t.Logf("CPU-bound map over 8 inputs:\n  %s", strings.Join(report, "\n  "))
	if !passed {
		t.Errorf("2 workers were never fast enough against 1:\n  %s", strings.Join(report, "\n  "))
	}

	// The third exercise: the flights files read by delayed pd.read_csv on
	// both workers, concatenated on one: frames move in the wire format of engine/frame/wire.go.
	out, _ = p.exec(`import glob
import pandas as pd
client = Client(n_workers=2)
files = glob.glob("data/nycflights/*.csv")
df = delayed(pd.concat)([delayed(pd.read_csv)(f) for f in files]).compute()
len(df)`)
	if out != "10000" {
		t.Errorf("len(df) = %s, want 10000", out)
	}
	time.Sleep(300 * time.Millisecond)
	var frameBytes int64
	for _, e := range p.events() {
		if e.Kind == "transfer" && e.Prefix == "read_csv" && e.From != e.To {
			frameBytes += e.Bytes
		}
	}
	if frameBytes < 10000 {
		t.Errorf("frames moved between workers: %d bytes", frameBytes)
	}
	t.Logf("read_csv frames moved between workers: %d bytes", frameBytes)

	// A worker stopped in the middle of a computation: the result is still
	// right, the cell says what happened, and a fresh worker takes its
	// place.
	p.exec("client = Client(n_workers=2)")
	p.events()
	var r2 execResult
	code := `def slow(x):
    time.sleep(0.2)
    return x * 2
parts = [delayed(slow)(i) for i in range(30)]
delayed(sum)([p + 1 for p in parts]).compute()`
	if err := chromedp.Run(ctx, chromedp.Evaluate("setTimeout(() => window.burst.stopWorker(1), 1200); window.burst.execute("+strconv.Quote(code)+")", &r2, func(e *runtime.EvaluateParams) *runtime.EvaluateParams {
		return e.WithAwaitPromise(true)
	})); err != nil {
		t.Fatal(err)
	}
	var said, result string
	for _, o := range r2.Outputs {
		switch o.Type {
		case "stream":
			said += o.Text
		case "execute_result":
			result, _ = o.Data["text/plain"].(string)
		case "error":
			t.Fatalf("with a worker stopped: %s: %s", o.EName, o.EValue)
		}
	}
	if result != "900" {
		t.Errorf("with a worker stopped: %q, want 900", result)
	}
	if !strings.Contains(said, "worker-1 stopped") || !strings.Contains(said, "restarted") {
		t.Errorf("the cell said %q", said)
	}
	time.Sleep(300 * time.Millisecond)
	lost, again := false, 0
	for _, e := range p.events() {
		if e.Kind == "worker" && e.Worker == "worker-1" && e.State == "lost" {
			lost = true
		}
		if e.Kind == "task-start" && e.Attempt > 1 {
			again++
		}
	}
	if !lost {
		t.Error("no event says worker-1 was lost")
	}
	t.Logf("worker-1 stopped mid-way: %d tasks ran again", again)
	// The fresh worker-1 takes tasks.
	p.exec(`fs = client.map(slow, range(6), pure=False)
total = sum(client.gather(fs))`)
	time.Sleep(300 * time.Millisecond)
	used := map[string]bool{}
	for _, e := range p.events() {
		if e.Kind == "task-end" {
			used[e.Worker] = true
		}
	}
	if !used["worker-0"] || !used["worker-1"] {
		t.Errorf("after the restart, tasks ran on %v", used)
	}
}

// TestMemoryLimitInBrowser: a task that holds more than its worker's
// memory limit restarts the worker (three times, then the task errs with
// KilledWorker) with a clear message, and the cluster stays usable.
func TestMemoryLimitInBrowser(t *testing.T) {
	requireChrome(t)
	dist := buildDist(t)
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "data"), 0o755)
	base := serveSite(t, dist, root)
	ctx := newBrowser(t, 3*time.Minute)
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/lessons/00-overview?workers=2&worker_memory=48"),
		chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	p := &page{t, ctx}
	p.exec(`from dask.distributed import Client
client = Client(n_workers=2)
def big(n):
    return [str(i) for i in range(n)]
def inc(x):
    return x + 1`)
	var r execResult
	if err := chromedp.Run(ctx, chromedp.Evaluate("window.burst.execute("+strconv.Quote("len(client.submit(big, 2000000).result())")+")", &r, func(e *runtime.EvaluateParams) *runtime.EvaluateParams {
		return e.WithAwaitPromise(true)
	})); err != nil {
		t.Fatal(err)
	}
	var said, ename, evalue string
	for _, o := range r.Outputs {
		switch o.Type {
		case "stream":
			said += o.Text
		case "error":
			ename, evalue = o.EName, o.EValue
		}
	}
	if ename != "KilledWorker" {
		t.Errorf("error %s: %s, want KilledWorker", ename, evalue)
	}
	if !strings.Contains(said, "above its memory limit of 48 MiB") || !strings.Contains(said, "restarted") {
		t.Errorf("the cell said %q", said)
	}
	t.Logf("the cell said:\n%s%s: %s", said, ename, evalue)
	if out, _ := p.exec("client.submit(inc, 41).result()"); out != "42" {
		t.Errorf("after the restarts: %q", out)
	}
}

// parallelCapacity measures how much faster two goroutines on their own
// threads do twice the CPU work of one: 2.0 on two free cores. Best of
// three.
func parallelCapacity() float64 {
	work := func() float64 {
		x := 0.0
		for i := 0; i < 500_000_000; i++ {
			x += float64(i%7) * 1.0000001
		}
		return x
	}
	best := 0.0
	for range 3 {
		t0 := time.Now()
		work()
		one := time.Since(t0)
		t0 = time.Now()
		done := make(chan float64, 2)
		for range 2 {
			go func() {
				// Unlocked again before the goroutine ends: Go ends a
				// thread left locked, and Chromium, started with
				// Pdeathsig by whichever thread launched it, would be
				// killed with it (the page's context then cancels).
				goruntime.LockOSThread()
				defer goruntime.UnlockOSThread()
				done <- work()
			}()
		}
		<-done
		<-done
		two := time.Since(t0)
		best = max(best, 2*one.Seconds()/two.Seconds())
	}
	return best
}
