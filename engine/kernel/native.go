package kernel

import (
	"context"
	"runtime"

	"burst/engine/dataframe"
	"burst/engine/files"
	"burst/engine/graph"
	"burst/engine/sched"
)

// NativeHost runs the kernel in this process: files from a directory,
// workers as goroutines.
type NativeHost struct {
	Dir     string // the lesson folder; "data/…" paths are relative to it
	Workers int    // default cluster size; 0 means runtime.NumCPU()
	// OnEvent, when set, receives the events of every cluster the host
	// starts (see sched.Event).
	OnEvent func(sched.Event)
	// Server is the Burst server a Client of a remote Dask cluster goes
	// through ("http://127.0.0.1:8080"); empty when there is none (see
	// remote_native.go).
	Server string
	// started is the last cluster, for tests that stop its workers.
	started *localCluster
}

func (h *NativeHost) FS() files.FS { return files.Dir(h.Dir) }

func (h *NativeHost) env() *graph.Env { return &graph.Env{FS: h.FS(), Locals: &graph.Locals{}} }

func (h *NativeHost) n(n int) int {
	if n > 0 {
		return n
	}
	if h.Workers > 0 {
		return h.Workers
	}
	return runtime.NumCPU()
}

// Local implements Host.
func (h *NativeHost) Local() dataframe.Computer {
	return &sched.Scheduler{Workers: sched.NewLocalWorkers(h.n(0), h.env())}
}

// StartCluster implements Host.
func (h *NativeHost) StartCluster(n int) (Cluster, error) {
	n = h.n(n)
	ws := sched.NewLocalWorkers(n, h.env())
	c := &localCluster{s: &sched.Scheduler{Workers: ws, OnEvent: h.OnEvent}, n: n, workers: ws}
	h.started = c
	return c, nil
}

// StopWorker stops worker i of the last cluster started, as if its
// process died (for tests of recovery).
func (h *NativeHost) StopWorker(i int) {
	if c := h.started; c != nil && i < len(c.workers) {
		c.workers[i].(*sched.LocalWorker).Stop()
	}
}

type localCluster struct {
	s       *sched.Scheduler
	n       int
	workers []sched.Worker
}

func (c *localCluster) Compute(ctx context.Context, g graph.Graph, keys []graph.Key) ([]graph.Value, error) {
	return c.s.Compute(ctx, g, keys)
}

func (c *localCluster) Scheduler() *sched.Scheduler { return c.s }

func (c *localCluster) Info() ClusterInfo {
	return ClusterInfo{Kind: "LocalCluster", Address: "inproc://burst", Workers: c.n, Threads: c.n, Memory: totalMemory()}
}

func (c *localCluster) Close() error {
	c.s.Close()
	return nil
}
