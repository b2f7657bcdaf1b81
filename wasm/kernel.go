//go:build js && wasm

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"syscall/js"
	"time"

	"burst/engine/check"
	"burst/engine/codec"
	"burst/engine/dataframe"
	"burst/engine/files"
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
	events  *eventBuffer
	cluster *browserCluster
}

func (h *browserHost) FS() files.FS { return h.fs }

// Local runs tasks inside the kernel itself; without a Client, cells
// compute on the session's pool (StartCluster) instead.
func (h *browserHost) Local() dataframe.Computer {
	return &sched.Scheduler{Workers: []sched.Worker{&sched.LocalWorker{ID: "kernel", Env: &graph.Env{FS: h.fs, Locals: &graph.Locals{}}}}}
}

// StartCluster uses the first n of the page's web workers.
func (h *browserHost) StartCluster(n int) (kernel.Cluster, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	var live []*portWorker
	for _, w := range h.workers {
		if !w.isLost() {
			live = append(live, w)
		}
	}
	if len(live) == 0 {
		return nil, fmt.Errorf("RuntimeError: the page has started no worker web workers")
	}
	if n <= 0 || n > len(live) {
		n = len(live)
	}
	ws := make([]sched.Worker, n)
	for i := range ws {
		ws[i] = live[i]
	}
	c := &browserCluster{s: &sched.Scheduler{Workers: ws, OnEvent: h.events.add}, n: n, memory: h.memory, names: map[string]bool{}}
	for _, w := range ws {
		c.names[w.Name()] = true
	}
	h.cluster = c
	return c, nil
}

// workerLost is the page's word that a worker web worker died.
func (h *browserHost) workerLost(name string) {
	h.mu.Lock()
	c := h.cluster
	for _, w := range h.workers {
		if w.name == name {
			w.lose()
		}
	}
	h.mu.Unlock()
	if c != nil {
		c.s.RemoveWorker(name)
	}
}

// workerAdded is the page's word that a fresh worker web worker took a
// lost one's place.
func (h *browserHost) workerAdded(name string, port js.Value) {
	w := newPortWorker(name, port)
	h.mu.Lock()
	for i, old := range h.workers {
		if old.name == name {
			h.workers[i] = w
		}
	}
	c := h.cluster
	h.mu.Unlock()
	if c != nil && c.names[name] {
		c.s.AddWorker(w)
	}
}

type browserCluster struct {
	s      *sched.Scheduler
	n      int
	memory int64
	names  map[string]bool // the page's workers it uses
}

func (c *browserCluster) Compute(ctx context.Context, g graph.Graph, keys []graph.Key) ([]graph.Value, error) {
	return c.s.Compute(ctx, g, keys)
}

func (c *browserCluster) Scheduler() *sched.Scheduler { return c.s }

func (c *browserCluster) Info() kernel.ClusterInfo {
	return kernel.ClusterInfo{Kind: "LocalCluster (web workers)", Address: "browser://kernel", Workers: c.n, Threads: c.n, Memory: c.memory}
}

func (c *browserCluster) Close() error {
	c.s.Close()
	return nil
}

// portWorker is a worker web worker seen from the kernel's scheduler. Its
// requests travel in batches (see outbox).
type portWorker struct {
	name string
	box  *outbox
	mu   sync.Mutex
	lost bool
}

func newPortWorker(name string, port js.Value) *portWorker {
	w := &portWorker{name: name, box: newOutbox(port)}
	port.Set("onmessage", js.FuncOf(func(this js.Value, args []js.Value) any {
		if m := args[0].Get("data"); m.Get("type").String() == "results" {
			go w.box.receive(m)
		}
		return nil
	}))
	return w
}

func (w *portWorker) Name() string { return w.name }

// Pipeline implements sched.Pipeliner: a worker web worker runs the tasks
// it is sent in order, and short tasks are worth sending ahead.
func (w *portWorker) Pipeline() int { return 512 }

func (w *portWorker) isLost() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.lost
}

func (w *portWorker) lose() {
	w.mu.Lock()
	w.lost = true
	w.mu.Unlock()
	w.box.close()
}

// request sends o and waits for its reply: a dead worker's requests fail
// with sched.ErrWorkerLost, a reply with an error is that error.
func (w *portWorker) request(o op, data js.Value) (opReply, error) {
	if w.isLost() {
		return opReply{}, sched.ErrWorkerLost
	}
	ch, err := w.box.send(o, data)
	if err != nil {
		return opReply{}, sched.ErrWorkerLost
	}
	r, ok := <-ch
	if !ok {
		return r, sched.ErrWorkerLost
	}
	if r.Missing != "" {
		return r, &sched.MissingError{Key: r.Missing, Worker: r.Holder}
	}
	if r.Error != "" {
		return r, fmt.Errorf("%s", r.Error)
	}
	return r, nil
}

// Run implements sched.Worker: the task and where its inputs are travel
// as JSON; the worker fetches what it lacks from its peers.
func (w *portWorker) Run(ctx context.Context, r sched.Request) (sched.Result, error) {
	rep, err := w.request(op{Op: "run", Task: r.Task.AppendJSON(nil), Who: r.Who}, js.Undefined())
	if rep.Result != nil {
		return *rep.Result, err
	}
	return sched.Result{}, err
}

// Get implements sched.Worker.
func (w *portWorker) Get(ctx context.Context, k graph.Key) (graph.Value, error) {
	r, err := w.request(op{Op: "get", Key: k}, js.Undefined())
	if err != nil {
		return nil, err
	}
	return codec.Decode(r.data)
}

// GetMany implements sched.BulkGetter: one request, and one reply holding
// every value's bytes one after another.
func (w *portWorker) GetMany(ctx context.Context, keys []graph.Key) ([]graph.Value, error) {
	r, err := w.request(op{Op: "getmany", Keys: keys}, js.Undefined())
	if err != nil {
		return nil, err
	}
	if len(r.Sizes) != len(keys) {
		return nil, fmt.Errorf("getmany: %d values for %d keys", len(r.Sizes), len(keys))
	}
	vs := make([]graph.Value, len(keys))
	b := r.data
	for i, n := range r.Sizes {
		if n > len(b) {
			return nil, fmt.Errorf("getmany: the reply is shorter than its sizes say")
		}
		if vs[i], err = codec.Decode(b[:n:n]); err != nil {
			return nil, err
		}
		b = b[n:]
	}
	return vs, nil
}

// Put implements sched.Worker: the value travels encoded (codec.Encode),
// transferred.
func (w *portWorker) Put(ctx context.Context, k graph.Key, v graph.Value) (int64, error) {
	b, err := codec.Encode(v)
	if err != nil {
		return 0, err
	}
	r, err := w.request(op{Op: "put", Key: k}, jsBytes(b))
	if err != nil {
		return 0, err
	}
	return r.NBytes, nil
}

// Release implements sched.Worker.
func (w *portWorker) Release(keys []graph.Key) {
	if !w.isLost() {
		w.box.send(op{Op: "release", Keys: keys}, js.Undefined())
	}
}

// eventBuffer collects the scheduler's events and posts them to the page
// in batches, ten times a second at most. Worker and counts events are
// snapshots: within a batch only the latest of each is kept (a worker's
// "lost" is a change, not a snapshot, and is always kept). A long batch —
// the kernel was busy, or 50,000 results were released at once — goes in
// messages of at most maxEventsPerPost, so that the page handles each in
// a few milliseconds (500 events are about 90 kB of JSON) and stays
// responsive between them.
type eventBuffer struct {
	mu      sync.Mutex
	pending []sched.Event
	latest  map[string]int // "counts" or a worker's name → its snapshot's index in pending
	armed   bool
}

const maxEventsPerPost = 500

func (b *eventBuffer) add(e sched.Event) {
	b.mu.Lock()
	snapshot := ""
	switch {
	case e.Kind == "counts":
		snapshot = "counts"
	case e.Kind == "worker" && e.State == "running":
		snapshot = "worker:" + e.Worker
	}
	if i, ok := b.latest[snapshot]; ok && snapshot != "" {
		b.pending[i] = e
	} else {
		if snapshot != "" {
			if b.latest == nil {
				b.latest = map[string]int{}
			}
			b.latest[snapshot] = len(b.pending)
		}
		b.pending = append(b.pending, e)
	}
	arm := !b.armed
	b.armed = true
	b.mu.Unlock()
	if arm {
		go func() {
			time.Sleep(100 * time.Millisecond)
			b.flush()
		}()
	}
}

func (b *eventBuffer) flush() {
	b.mu.Lock()
	evs := b.pending
	b.pending = nil
	clear(b.latest)
	b.armed = false
	b.mu.Unlock()
	var data []byte
	for len(evs) > 0 {
		n := min(len(evs), maxEventsPerPost)
		data = append(data[:0], '[')
		for i := range evs[:n] {
			if i > 0 {
				data = append(data, ',')
			}
			var err error
			if data, err = evs[i].AppendJSON(data); err != nil {
				return
			}
		}
		data = append(data, ']')
		postToPage(map[string]any{"type": "events", "events": string(data)})
		evs = evs[n:]
	}
}

// runKernel serves the page: it receives the worker ports, then executes
// cells one at a time in arrival order.
func runKernel() {
	host := &browserHost{fs: newFetchFS(), events: &eventBuffer{}}
	k := kernel.New(host)
	markPage("made")
	// A cell that never waits gives the event loop a turn now and then,
	// so that an interrupt can reach it.
	k.Yield = func() { time.Sleep(time.Millisecond) }
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
			if m := msg.Get("kernelMemory"); m.Truthy() {
				k.SetMemoryBudget(int64(m.Float()))
			}
			host.mu.Unlock()
			postToPage(map[string]any{"type": "ready"})
		case "execute":
			queue <- msg
		case "interrupt":
			running.Lock()
			if running.cancel != nil {
				running.cancel()
			}
			running.Unlock()
		case "worker-lost":
			host.workerLost(msg.Get("name").String())
		case "worker-added":
			host.workerAdded(msg.Get("name").String(), msg.Get("port"))
		}
	})
}

// running holds the cancel function of the cell being executed.
var running struct {
	sync.Mutex
	cancel context.CancelFunc
}

func execute(k *kernel.Kernel, msg js.Value, mu *sync.Mutex) {
	mu.Lock()
	defer mu.Unlock()
	ctx, cancel := context.WithCancel(context.Background())
	running.Lock()
	running.cancel = cancel
	running.Unlock()
	defer func() {
		running.Lock()
		running.cancel = nil
		running.Unlock()
		cancel()
	}()
	id := msg.Get("id").Int()
	code := msg.Get("code").String()
	streams := newStreamBatch(func(o kernel.Output) {
		b, err := json.Marshal(o)
		if err != nil {
			b, _ = json.Marshal(kernel.Output{Type: "error", EName: "InternalError", EValue: err.Error()})
		}
		postToPage(map[string]any{"type": "output", "id": id, "output": string(b)})
	})
	ok := k.Execute(ctx, code, streams.emit)
	streams.flush()
	done := map[string]any{"type": "done", "id": id, "ok": ok, "count": k.ExecutionCount()}
	// An exercise's cell comes with its check: the expected value the
	// build computed, compared here with the cell's.
	if spec := msg.Get("check"); ok && spec.Type() == js.TypeString {
		var s check.Spec
		if err := json.Unmarshal([]byte(spec.String()), &s); err == nil {
			b, _ := json.Marshal(k.Check(s))
			done["check"] = string(b)
		}
	}
	postToPage(done)
}
