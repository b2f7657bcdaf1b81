package cluster

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"burst/build/dataset"
	"burst/engine/sched"
	"burst/server/cluster/dasktest"
)

// The tests start a real Dask scheduler and workers (see dasktest).

const python = dasktest.Python

func requireDask(t testing.TB) { dasktest.Require(t) }

// daskCluster is a scheduler and its workers, started by a test.
type daskCluster struct{ *dasktest.Cluster }

// startCluster starts `dask scheduler` on a free loopback port and n
// `dask worker`s with one process and one thread each.
func startCluster(t testing.TB, n int) *daskCluster {
	return &daskCluster{dasktest.Start(t, n)}
}

// py runs a Python script against the cluster and decodes its last line
// of output as JSON.
func (c *daskCluster) py(t testing.TB, script string, out any) {
	t.Helper()
	cmd := exec.Command(python, "-c", "ADDR = "+pyString(c.Addr)+"\n"+script)
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
		// A test that failed may leave a client reading an event stream:
		// end the connections, or Close waits for them.
		srv.CloseClientConnections()
		m.Close()
		srv.Close()
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
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
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
var waitFor = dasktest.WaitFor
