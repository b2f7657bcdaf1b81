package cluster

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"burst/build/dataset"
	"burst/engine/sched"
)

// The tests start a real Dask scheduler and workers from Debian's
// python3-distributed on loopback; they skip when it is missing, unless
// BURST_REQUIRE_DASK=1 (as in CI), where that is a failure.

const python = "/usr/bin/python3"

var (
	daskOnce sync.Once
	daskErr  error
)

func requireDask(t testing.TB) {
	t.Helper()
	daskOnce.Do(func() {
		out, err := exec.Command(python, "-c", "import distributed, pandas").CombinedOutput()
		if err != nil {
			daskErr = fmt.Errorf("%s -c 'import distributed' failed: %v %s", python, err, bytes.TrimSpace(out))
		}
	})
	if daskErr == nil {
		return
	}
	if os.Getenv("BURST_REQUIRE_DASK") == "1" {
		t.Fatalf("BURST_REQUIRE_DASK=1 but Dask is not usable: %v (apt-get install python3-distributed)", daskErr)
	}
	t.Skipf("skipping: no Dask (%v); apt-get install python3-distributed, or set BURST_REQUIRE_DASK=1 to make this a failure", daskErr)
}

// daskCluster is a scheduler and its workers, started by a test.
type daskCluster struct {
	addr    string
	dir     string
	sched   *exec.Cmd
	workers []*exec.Cmd
}

// startCluster starts `dask scheduler` on a free loopback port and n
// `dask worker`s with one process and one thread each.
func startCluster(t testing.TB, n int) *daskCluster {
	t.Helper()
	requireDask(t)
	dir := t.TempDir()
	c := &daskCluster{dir: dir}
	file := filepath.Join(dir, "scheduler.json")
	c.sched = daskProc(t, dir, "scheduler", "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
		"--no-dashboard", "--dashboard-address", "127.0.0.1:0", "--scheduler-file", file)
	deadline := time.Now().Add(60 * time.Second)
	for {
		var info struct{ Address string }
		if b, err := os.ReadFile(file); err == nil && json.Unmarshal(b, &info) == nil && info.Address != "" {
			c.addr = info.Address
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the scheduler did not start: %s", tailFile(filepath.Join(dir, "scheduler.log")))
		}
		time.Sleep(50 * time.Millisecond)
	}
	for i := range n {
		c.workers = append(c.workers, daskProc(t, dir, fmt.Sprintf("worker%d", i), "-m", "distributed.cli.dask_worker", c.addr,
			"--host", "127.0.0.1", "--nworkers", "1", "--nthreads", "1", "--no-dashboard", "--no-nanny",
			"--memory-limit", "1GB", "--name", fmt.Sprintf("w%d", i)))
	}
	if n == 0 {
		return c
	}
	// Wait until the workers have registered (they log it): polling their
	// logs is quicker than starting another Python.
	waitFor(t, 60*time.Second, "the workers to register", func() bool {
		for i := range n {
			if !strings.Contains(tailFile(filepath.Join(dir, fmt.Sprintf("worker%d.log", i))), "Registered to:") {
				return false
			}
		}
		return true
	})
	return c
}

func daskProc(t testing.TB, dir, name string, args ...string) *exec.Cmd {
	t.Helper()
	log, err := os.Create(filepath.Join(dir, name+".log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = log, log
	// Pdeathsig: a test killed by its timeout leaves no cluster behind.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// Only the group this test started.
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		cmd.Wait()
		log.Close()
	})
	return cmd
}

func tailFile(path string) string {
	b, _ := os.ReadFile(path)
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}

// py runs a Python script against the cluster and decodes its last line
// of output as JSON.
func (c *daskCluster) py(t testing.TB, script string, out any) {
	t.Helper()
	cmd := exec.Command(python, "-c", "ADDR = "+pyString(c.addr)+"\n"+script)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), out); err != nil {
		t.Fatalf("python printed %q: %v", b, err)
	}
}

func pyString(s string) string { b, _ := json.Marshal(s); return string(b) }

// executed returns how many tasks each worker has run, and the
// scheduler's count of transitions.
func (c *daskCluster) executed(t testing.TB) (map[string]int, int) {
	var out struct {
		Workers     map[string]int
		Transitions int
	}
	c.py(t, `
import json
from distributed import Client
c = Client(ADDR, timeout=30)
w = c.run(lambda dask_worker: dask_worker.state.executed_count)
s = c.run_on_scheduler(lambda dask_scheduler: dask_scheduler.transition_counter)
print(json.dumps({"Workers": w, "Transitions": s}))
`, &out)
	return out.Workers, out.Transitions
}

// taxiRoot writes a small taxi dataset under a new folder's data/.
func taxiRoot(t testing.TB, gb float64) string {
	t.Helper()
	root := t.TempDir()
	if _, err := dataset.Taxi(filepath.Join(root, "data"), gb); err != nil {
		t.Fatal(err)
	}
	return root
}

// server is the API over a Manager, as the real server mounts it.
func newServer(t testing.TB, addrs []string, root string, opts Options) (*Manager, *httptest.Server) {
	t.Helper()
	opts.Root = root
	if opts.Logf == nil {
		opts.Logf = t.Logf
	}
	m, err := New(addrs, opts)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(m)
	t.Cleanup(func() {
		srv.Close()
		m.Close()
	})
	// Logging through t.Logf after the test ends panics: stop first.
	t.Cleanup(func() { m.opts.Logf = func(string, ...any) {} })
	return m, srv
}

func call(t testing.TB, method, url string, body any) (int, map[string]any) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		switch b := body.(type) {
		case string:
			rd = strings.NewReader(b)
		default:
			j, _ := json.Marshal(b)
			rd = bytes.NewReader(j)
		}
	}
	req, _ := http.NewRequest(method, url, rd)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	b, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("%s %s: %d %q", method, url, resp.StatusCode, b)
	}
	return resp.StatusCode, out
}

func openSession(t testing.TB, srv *httptest.Server) (string, map[string]any) {
	t.Helper()
	code, out := call(t, "POST", srv.URL+"/api/cluster/session", map[string]any{})
	if code != 200 {
		t.Fatalf("open session: %d %v", code, out)
	}
	return out["session"].(string), out
}

// taxiPlan is the lesson's query: the mean tip by passenger count over
// the year.
func taxiPlan() map[string]any {
	return map[string]any{"op": "compute", "input": map[string]any{
		"op": "mean", "input": map[string]any{
			"op": "column", "column": "tip_amount", "input": map[string]any{
				"op": "groupby", "by": "passenger_count", "input": map[string]any{
					"op":          "read_csv",
					"path":        "data/nyctaxi/yellow_tripdata_2019-*.csv",
					"parse_dates": []string{"tpep_pickup_datetime", "tpep_dropoff_datetime"},
					"dtype":       map[string]string{"passenger_count": "float64"},
				}}}}}
}

const pandasTaxi = `
import glob, json, os
import pandas as pd
files = sorted(glob.glob(os.path.join(ROOT, "data/nyctaxi/yellow_tripdata_2019-*.csv")))
df = pd.concat([pd.read_csv(f, parse_dates=["tpep_pickup_datetime", "tpep_dropoff_datetime"], dtype={"passenger_count": "float64"}) for f in files])
s = df.groupby("passenger_count").tip_amount.mean()
print(json.dumps({"index": s.index.tolist(), "values": s.tolist()}))
`

func runPlan(t testing.TB, srv *httptest.Server, sid string, plan any) (int, map[string]any) {
	t.Helper()
	return call(t, "POST", srv.URL+"/api/cluster/plan", map[string]any{"session": sid, "plan": plan, "timeout": 120})
}

// collectEvents subscribes to a session's events; snapshot returns those
// received so far, stop ends the subscription.
func collectEvents(t testing.TB, srv *httptest.Server, sid string) (snapshot func() []sched.Event, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/api/cluster/events?session="+sid, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("events: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var mu sync.Mutex
	var evs []sched.Event
	ready := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		name := ""
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				if name == "ready" {
					close(ready)
				} else if name == "" {
					var ev sched.Event
					if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &ev); err == nil {
						mu.Lock()
						evs = append(evs, ev)
						mu.Unlock()
					}
				}
			case line == "":
				name = ""
			}
		}
	}()
	select {
	case <-ready:
	case <-time.After(10 * time.Second):
		t.Fatal("no ready event on the event stream")
	}
	snapshot = func() []sched.Event {
		mu.Lock()
		defer mu.Unlock()
		return append([]sched.Event(nil), evs...)
	}
	stop = func() {
		cancel()
		resp.Body.Close()
		<-done
	}
	t.Cleanup(stop)
	return snapshot, stop
}

func newTestServer(t testing.TB, h http.Handler) *httptest.Server {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// waitFor polls cond until it holds or the timeout passes.
func waitFor(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
