package kernel

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"burst/engine/lib/pandas"
	"burst/engine/sched"
)

// cluster is a kernel on a native host whose events are recorded.
type cluster struct {
	t      *testing.T
	k      *Kernel
	host   *NativeHost
	mu     sync.Mutex
	events []sched.Event
}

func newCluster(t *testing.T, workers int) *cluster {
	c := &cluster{t: t}
	c.host = &NativeHost{Dir: t.TempDir(), Workers: workers, OnEvent: func(e sched.Event) {
		c.mu.Lock()
		c.events = append(c.events, e)
		c.mu.Unlock()
	}}
	c.k = New(c.host)
	return c
}

// run executes a cell and returns its text outputs and error.
func (c *cluster) run(code string) (string, string) {
	var out, errs []string
	c.k.Execute(context.Background(), code, func(o Output) {
		switch {
		case o.Type == "error":
			errs = append(errs, o.EName+": "+o.EValue)
		case o.Type == "stream":
			out = append(out, strings.TrimRight(o.Text, "\n"))
		default:
			if s, ok := o.Data["text/plain"].(string); ok {
				out = append(out, s)
			}
		}
	})
	return strings.Join(out, "\n"), strings.Join(errs, "\n")
}

func (c *cluster) must(code string) string {
	c.t.Helper()
	out, err := c.run(code)
	if err != "" {
		c.t.Fatalf("%s\n---\n%s", code, err)
	}
	return out
}

func (c *cluster) taken() []sched.Event {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.events
	c.events = nil
	return e
}

// The delayed lesson's inc/inc/add with 1 s sleeps on 2 workers: the two
// incs run at the same time on different workers, add after both.
func TestDelayedIncAdd(t *testing.T) {
	c := newCluster(t, 2)
	c.must(`from dask import delayed
from dask.distributed import Client
import time
client = Client(n_workers=2)

@delayed
def inc(x):
    time.sleep(1)
    return x + 1

@delayed
def add(x, y):
    time.sleep(1)
    return x + y`)
	c.taken()
	if out := c.must("x = inc(6)\ny = inc(7)\nz = add(x, y)\nz.compute()"); out != "15" {
		t.Fatalf("z.compute() = %q, want 15", out)
	}
	type span struct {
		worker      string
		start, stop float64
	}
	spans := map[string][]span{}
	for _, e := range c.taken() {
		if e.Kind == "task-end" && e.State == "memory" {
			p := e.Prefix
			spans[p] = append(spans[p], span{e.Worker, e.Start, e.Stop})
		}
	}
	incs, adds := spans["inc"], spans["add"]
	if len(incs) != 2 || len(adds) != 1 {
		t.Fatalf("task ends: %v", spans)
	}
	a, b := incs[0], incs[1]
	if a.worker == b.worker {
		t.Errorf("both incs ran on %s", a.worker)
	}
	if !(a.start < b.stop && b.start < a.stop) {
		t.Errorf("incs did not overlap: %+v %+v", a, b)
	}
	if adds[0].start < max(a.stop, b.stop) {
		t.Errorf("add started at %.3f, before the incs ended (%.3f, %.3f)", adds[0].start, a.stop, b.stop)
	}
	// The whole graph took about 2 s, not 3.
	if d := adds[0].stop - min(a.start, b.start); d > 2.8 {
		t.Errorf("the graph took %.2f s", d)
	}
}

// What Delayed supports: arithmetic, items, attributes and method calls,
// each a task; builtins and module functions as delayed functions.
func TestDelayedOperations(t *testing.T) {
	c := newCluster(t, 2)
	c.must(`import dask
from dask import delayed
from dask.distributed import Client
client = Client()
def inc(x):
    return x + 1
def double(x):
    return 2 * x
def parts(n):
    return {"evens": [i for i in range(n) if i % 2 == 0], "name": "parts"}`)
	cases := []struct{ code, want string }{
		{"(delayed(inc)(5) * delayed(inc)(7) + 2).compute()", "50"},
		{"(-delayed(inc)(1)).compute()", "-2"},
		{"delayed(parts)(7)['evens'][1].compute()", "2"},
		{"delayed(parts)(7)['name'].upper().compute()", "'PARTS'"},
		{"delayed(sum)([delayed(double)(i) for i in range(10)]).compute()", "90"},
		{"delayed(max)(3, delayed(inc)(9)).compute()", "10"},
		{"dask.compute(delayed(inc)(1), [delayed(double)(2), 5])", "(2, [4, 5])"},
		{"delayed(lambda x: x * 10)(4).compute()", "40"},
		{"delayed([delayed(inc)(1), 3]).compute()", "[2, 3]"},
	}
	for _, tc := range cases {
		out, err := c.run(tc.code)
		if err != "" || out != tc.want {
			t.Errorf("%s = %q %s, want %s", tc.code, out, err, tc.want)
		}
	}
	out := c.must("v = delayed(inc)(1) + 1\nv")
	if !strings.HasPrefix(out, "Delayed('add-") {
		t.Errorf("repr = %q", out)
	}
}

// A task that raises reports the error and its line; the cluster stays
// usable.
func TestDelayedError(t *testing.T) {
	c := newCluster(t, 2)
	c.must(`from dask import delayed
from dask.distributed import Client
client = Client()
def inv(x):
    y = 1
    return y / x`)
	out, err := c.run("delayed(inv)(0).compute()")
	if !strings.Contains(err, "ZeroDivisionError") || !strings.Contains(err, "line 6, in inv") {
		t.Errorf("error = %q (out %q)", err, out)
	}
	if out := c.must("delayed(inv)(4).compute()"); out != "0.25" {
		t.Errorf("after the error: %q", out)
	}
	c.must("def uses_client(x):\n    return client.submit(inv, x)")
	if _, err := c.run("delayed(uses_client)(1)"); !strings.Contains(err, "uses client, a Client, which cannot travel") {
		t.Errorf("a function using the client: %q", err)
	}
}

// Futures: submit, map, gather, scatter, result, status, as_completed,
// wait and compute on a client.
func TestFutures(t *testing.T) {
	c := newCluster(t, 2)
	c.must(`from dask.distributed import Client, wait, as_completed, progress
from dask import delayed
client = Client(n_workers=2)
def inc(x):
    return x + 1
def add(x, y):
    return x + y`)
	cases := []struct{ code, want string }{
		{"client.submit(inc, 10).result()", "11"},
		{"a = client.submit(inc, 1)\nb = client.submit(add, a, 10)\nb.result()", "12"},
		{"b.status", "'finished'"},
		{"client.gather(client.map(inc, range(5)))", "[1, 2, 3, 4, 5]"},
		{"client.gather(client.map(add, [1, 2], [10, 20]))", "[11, 22]"},
		{"d = client.scatter([1, 2, 3])\nclient.submit(sum, d).result()", "6"},
		{"sorted([f.result() for f in as_completed(client.map(inc, [5, 1, 3]))])", "[2, 4, 6]"},
		{"len(wait(client.map(inc, range(3))).done)", "3"},
		{"client.compute(delayed(inc)(delayed(inc)(0))).result()", "2"},
		{"client.submit(inc, 1).key.startswith('inc-')", "True"},
		{"client.submit(inc, 1).key == client.submit(inc, 1).key", "True"},
	}
	for _, tc := range cases {
		out, err := c.run(tc.code)
		if err != "" || out != tc.want {
			t.Errorf("%s = %q %s, want %s", tc.code, out, err, tc.want)
		}
	}
	out, err := c.run("client.submit(add, 1, 'a').result()")
	if !strings.Contains(err, "TypeError") {
		t.Errorf("a failing future: %q %q", out, err)
	}
	if out := c.must("client.submit(inc, 41).result()"); out != "42" {
		t.Errorf("after the error: %q", out)
	}
}

// The delayed lesson's third exercise: pd.read_csv per file and pd.concat
// as delayed functions. The frames move to the worker that concatenates
// them, and files whose dtypes differ concatenate as pandas does.
func TestDelayedReadCSV(t *testing.T) {
	c := newCluster(t, 2)
	os.MkdirAll(filepath.Join(c.host.Dir, "data"), 0o755)
	os.WriteFile(filepath.Join(c.host.Dir, "data", "a.csv"), []byte("x,s\n1,\n2,\n"), 0o644)
	os.WriteFile(filepath.Join(c.host.Dir, "data", "b.csv"), []byte("x,s\n3,a\n"), 0o644)
	c.must(`import glob
import pandas as pd
from dask import delayed
from dask.distributed import Client
client = Client(n_workers=2)`)
	c.taken()
	out := c.must(`files = glob.glob("data/*.csv")
df = delayed(pd.concat)([delayed(pd.read_csv)(f) for f in files]).compute()
print(files, len(df), df.s.dtype, df.s.isna().sum())`)
	if out != "['data/a.csv', 'data/b.csv'] 3 object 2" {
		t.Errorf("got %q", out)
	}
	moved := false
	for _, e := range c.taken() {
		if e.Kind == "transfer" && e.Prefix == "read_csv" && e.Bytes > 0 && e.From != e.To {
			moved = true
		}
	}
	if !moved {
		t.Error("no frame moved between workers")
	}
}

// A worker stopped in the middle of a delayed computation: the result is
// still right.
func TestDelayedStoppedWorker(t *testing.T) {
	c := newCluster(t, 3)
	c.must(`from dask import delayed
from dask.distributed import Client
import time
client = Client(n_workers=3)
def slow(x):
    time.sleep(0.05)
    return x * 2`)
	go func() {
		time.Sleep(200 * time.Millisecond)
		c.host.StopWorker(1)
	}()
	out := c.must(`parts = [delayed(slow)(i) for i in range(60)]
pairs = [delayed(slow)(parts[i]) + parts[i + 1] for i in range(0, 60, 2)]
delayed(sum)(pairs).compute()`)
	// sum over even i of 4i + 2(i+1) = sum 6i + 2 over i = 0, 2, ..., 58.
	want := 0
	for i := 0; i < 60; i += 2 {
		want += 6*i + 2
	}
	if out != strconv.Itoa(want) {
		t.Errorf("sum = %s, want %d", out, want)
	}
	lost := false
	for _, e := range c.taken() {
		if e.Kind == "worker" && e.State == "lost" && e.Worker == "worker-1" {
			lost = true
		}
	}
	if !lost {
		t.Error("worker-1 was not reported lost")
	}
}

// With a Client, persist keeps the partitions on the workers: computing
// from them again runs no read.
func TestPersistOnClient(t *testing.T) {
	c := newCluster(t, 2)
	os.WriteFile(filepath.Join(c.host.Dir, "a.csv"), []byte("x,y\n1,10\n2,20\n3,30\n"), 0o644)
	os.WriteFile(filepath.Join(c.host.Dir, "b.csv"), []byte("x,y\n4,40\n5,50\n"), 0o644)
	c.must(`import dask.dataframe as dd
from dask.distributed import Client
client = Client(n_workers=2)
df = dd.read_csv("*.csv")
df = df.persist()`)
	c.taken()
	keys := c.k.globals["df"].(*pandas.DataFrame).Lazy().Keys()
	s := c.k.s.Cluster().Scheduler()
	if err := s.Wait(context.Background(), keys); err != nil { // persist runs in the background
		t.Fatal(err)
	}
	who := s.Who(keys)
	for _, key := range keys {
		if len(who[key]) == 0 || !strings.HasPrefix(who[key][0], "worker-") {
			t.Errorf("persisted partition %s is held by %v, want a worker", key, who[key])
		}
	}
	if out := c.must("df.y.sum().compute()"); out != "150" {
		t.Fatalf("sum = %s", out)
	}
	for _, e := range c.taken() {
		if e.Kind == "task-start" && strings.HasPrefix(e.Prefix, "read-csv") {
			t.Errorf("a persisted frame was read again: %s", e.Key)
		}
	}
	if out := c.must("len(df)"); out != "5" {
		t.Errorf("len = %s", out)
	}
}
