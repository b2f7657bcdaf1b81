package kernel

import (
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
}

func (h *NativeHost) FS() files.FS { return files.Dir(h.Dir) }

func (h *NativeHost) env() *graph.Env { return &graph.Env{FS: h.FS()} }

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
	return &localCluster{Scheduler: sched.Scheduler{Workers: sched.NewLocalWorkers(n, h.env())}, n: n}, nil
}

type localCluster struct {
	sched.Scheduler
	n int
}

func (c *localCluster) Info() ClusterInfo {
	return ClusterInfo{Kind: "LocalCluster", Address: "inproc://burst", Workers: c.n, Threads: c.n, Memory: totalMemory()}
}

func (c *localCluster) Close() error { return nil }
