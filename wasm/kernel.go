//go:build js && wasm

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"syscall/js"

	"burst/engine/dataframe"
	"burst/engine/files"
	"burst/engine/frame"
	"burst/engine/graph"
	"burst/engine/kernel"
	"burst/engine/sched"
)

// browserHost runs the kernel in a web worker: files come from the
// server, clusters are the page's worker web workers.
type browserHost struct {
	fs      fetchFS
	mu      sync.Mutex
	workers []*portWorker
	memory  int64
}

func (h *browserHost) FS() files.FS { return h.fs }

// Local runs tasks inside the kernel itself, when no Client exists.
func (h *browserHost) Local() dataframe.Computer {
	return &sched.Scheduler{Workers: []sched.Worker{&sched.LocalWorker{ID: "kernel", Env: &graph.Env{FS: h.fs}}}}
}

// StartCluster uses the first n of the page's web workers.
func (h *browserHost) StartCluster(n int) (kernel.Cluster, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.workers) == 0 {
		return nil, fmt.Errorf("RuntimeError: the page has started no worker web workers")
	}
	if n <= 0 || n > len(h.workers) {
		n = len(h.workers)
	}
	ws := make([]sched.Worker, n)
	for i := range ws {
		ws[i] = h.workers[i]
	}
	return &browserCluster{Scheduler: sched.Scheduler{Workers: ws}, n: n, memory: h.memory}, nil
}

type browserCluster struct {
	sched.Scheduler
	n      int
	memory int64
}

func (c *browserCluster) Info() kernel.ClusterInfo {
	return kernel.ClusterInfo{Kind: "LocalCluster (web workers)", Address: "browser://kernel", Workers: c.n, Threads: c.n, Memory: c.memory}
}

func (c *browserCluster) Close() error { return nil }

// portWorker is a worker web worker reached through a MessagePort.
type portWorker struct {
	name    string
	port    js.Value
	mu      sync.Mutex
	nextID  int
	pending map[int]chan js.Value
}

func newPortWorker(name string, port js.Value) *portWorker {
	w := &portWorker{name: name, port: port, pending: map[int]chan js.Value{}}
	port.Set("onmessage", js.FuncOf(func(this js.Value, args []js.Value) any {
		m := args[0].Get("data")
		id := m.Get("id").Int()
		w.mu.Lock()
		ch := w.pending[id]
		delete(w.pending, id)
		w.mu.Unlock()
		if ch != nil {
			ch <- m
		}
		return nil
	}))
	return w
}

func (w *portWorker) Name() string { return w.name }

// Run sends the task and its inputs (Arrow IPC buffers, transferred, not
// copied) and waits for the result.
func (w *portWorker) Run(ctx context.Context, t *graph.Task, inputs []graph.Value) (graph.Value, error) {
	task, err := json.Marshal(t)
	if err != nil {
		return nil, err
	}
	jsInputs := make([]any, len(inputs))
	transfer := make([]any, len(inputs))
	for i, v := range inputs {
		b, err := frame.Marshal(v)
		if err != nil {
			return nil, err
		}
		u8 := jsBytes(b)
		jsInputs[i], transfer[i] = u8, u8.Get("buffer")
	}
	ch := make(chan js.Value, 1)
	w.mu.Lock()
	w.nextID++
	id := w.nextID
	w.pending[id] = ch
	w.mu.Unlock()
	w.port.Call("postMessage", map[string]any{"type": "run", "id": id, "task": string(task), "inputs": jsInputs}, transfer)
	select {
	case m := <-ch:
		if m.Get("type").String() == "error" {
			return nil, fmt.Errorf("%s", m.Get("message").String())
		}
		return frame.Unmarshal(bytesOf(m.Get("data")))
	case <-ctx.Done():
		w.mu.Lock()
		delete(w.pending, id)
		w.mu.Unlock()
		return nil, ctx.Err()
	}
}

// runKernel serves the page: it receives the worker ports, then executes
// cells one at a time in arrival order.
func runKernel() {
	host := &browserHost{fs: newFetchFS()}
	k := kernel.New(host)
	var execMu sync.Mutex // cells run one at a time, in order
	queue := make(chan js.Value, 64)
	go func() {
		for msg := range queue {
			execute(k, msg, &execMu)
		}
	}()
	onMessages(func(msg js.Value) {
		switch msg.Get("type").String() {
		case "workers":
			ports := msg.Get("ports")
			host.mu.Lock()
			for i := 0; i < ports.Length(); i++ {
				host.workers = append(host.workers, newPortWorker(fmt.Sprintf("worker-%d", i), ports.Index(i)))
			}
			if m := msg.Get("memory"); m.Truthy() {
				host.memory = int64(m.Float())
			}
			host.mu.Unlock()
			postToPage(map[string]any{"type": "ready"})
		case "execute":
			queue <- msg
		}
	})
}

func execute(k *kernel.Kernel, msg js.Value, mu *sync.Mutex) {
	mu.Lock()
	defer mu.Unlock()
	id := msg.Get("id").Int()
	code := msg.Get("code").String()
	ok := k.Execute(context.Background(), code, func(o kernel.Output) {
		b, err := json.Marshal(o)
		if err != nil {
			b, _ = json.Marshal(kernel.Output{Type: "error", EName: "InternalError", EValue: err.Error()})
		}
		postToPage(map[string]any{"type": "output", "id": id, "output": string(b)})
	})
	postToPage(map[string]any{"type": "done", "id": id, "ok": ok, "count": k.ExecutionCount()})
}
