//go:build js && wasm

package main

import (
	"encoding/json"
	"fmt"
	"runtime"
	"sync"
	"syscall/js"
	"time"

	"burst/engine/codec"
	_ "burst/engine/dataframe" // registers the DataFrame operations
	"burst/engine/graph"

	// Registers the tasks that run cell code (call, delayed, darray,
	// kmeans) and the cell values that travel (arrays, estimators).
	_ "burst/engine/kernel"
	"burst/engine/sched"
)

// worker is a worker web worker: it runs the tasks the kernel's scheduler
// sends, keeps their results, and hands them to its peers directly over
// MessageChannels (frame.Marshal buffers, transferred, not copied).
type worker struct {
	name   string
	env    *graph.Env
	kernel js.Value // the port to the kernel's scheduler
	mu     sync.Mutex
	data   map[graph.Key]graph.Value
	peers  map[string]*rpcPort
	// runs are the tasks received and not yet run, in arrival order;
	// one goroutine runs them (see runTasks).
	runs    []op
	hasRuns *sync.Cond
	// results are the answers to runs not sent yet, posted the last
	// time results left (see resultsEvery).
	results      replies
	posted       time.Time
	resultsArmed bool
	// limit is the memory the worker may hold; above it, the page
	// restarts the worker, as Dask's nanny does.
	limit uint64
}

// defaultMemoryLimit is a worker's memory limit when the page sets none.
const defaultMemoryLimit = 2 << 30

// runWorker waits for the page to hand over the kernel's port and the
// peers' ports.
func runWorker() {
	w := &worker{env: &graph.Env{FS: newFetchFS(), Locals: &graph.Locals{}}, data: map[graph.Key]graph.Value{}, peers: map[string]*rpcPort{}}
	w.hasRuns = sync.NewCond(&w.mu)
	onMessages(func(msg js.Value) {
		switch msg.Get("type").String() {
		case "port":
			w.name = msg.Get("name").String()
			w.limit = defaultMemoryLimit
			if m := msg.Get("memoryLimit"); m.Truthy() && m.Float() > 0 {
				w.limit = uint64(m.Float())
			}
			w.kernel = msg.Get("port")
			w.kernel.Set("onmessage", js.FuncOf(func(this js.Value, args []js.Value) any {
				if m := args[0].Get("data"); m.Get("type").String() == "batch" {
					w.batch(m)
				}
				return nil
			}))
			go w.runTasks()
			peers := msg.Get("peers")
			names := js.Global().Get("Object").Call("keys", peers)
			for i := 0; i < names.Length(); i++ {
				w.addPeer(names.Index(i).String(), peers.Get(names.Index(i).String()))
			}
			postToPage(map[string]any{"type": "ready"})
		case "peer":
			w.addPeer(msg.Get("name").String(), msg.Get("port"))
		}
	})
}

func (w *worker) addPeer(name string, port js.Value) {
	p := newRPCPort(port, w.servePeer)
	w.mu.Lock()
	w.peers[name] = p
	w.mu.Unlock()
}

func (w *worker) get(k graph.Key) (graph.Value, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	v, ok := w.data[k]
	return v, ok
}

func (w *worker) put(k graph.Key, v graph.Value) {
	w.mu.Lock()
	w.data[k] = v
	w.mu.Unlock()
}

// servePeer answers a peer's fetch with the value's encoded bytes (codec.Encode).
func (w *worker) servePeer(m js.Value) {
	w.mu.Lock()
	p := w.peers[m.Get("from").String()]
	w.mu.Unlock()
	if p == nil {
		return
	}
	v, ok := w.get(graph.Key(m.Get("key").String()))
	if !ok {
		p.reply(m, map[string]any{"missing": true}, nil)
		return
	}
	b, err := codec.Encode(v)
	if err != nil {
		p.reply(m, map[string]any{"error": err.Error()}, nil)
		return
	}
	u8 := jsBytes(b)
	p.reply(m, map[string]any{"data": u8}, []any{u8.Get("buffer")})
}

// batch handles a batch of the scheduler's requests, in order: runs join
// the queue of tasks, the rest is answered at once. It runs in the port's
// message handler, so batches are handled in arrival order.
func (w *worker) batch(m js.Value) {
	var ops []op
	if err := json.Unmarshal([]byte(m.Get("ops").String()), &ops); err != nil {
		return
	}
	data := m.Get("data")
	var out replies
	for _, o := range ops {
		switch o.Op {
		case "run":
			w.mu.Lock()
			w.runs = append(w.runs, o)
			w.hasRuns.Signal()
			w.mu.Unlock()
		case "get":
			r, b := w.getOp(o)
			out.add(r, b)
		case "getmany":
			r, b := w.getManyOp(o)
			out.add(r, b)
		case "put":
			out.add(w.putOp(o, data), nil)
		case "release":
			w.mu.Lock()
			for _, k := range o.Keys {
				delete(w.data, k)
			}
			w.mu.Unlock()
		}
	}
	out.post(w.kernel)
}

// recovered turns a panic while answering a request into the request's
// error, so that a bug in Burst fails one task and the worker goes on.
func recovered(r *opReply) {
	if p := recover(); p != nil {
		r.Error = fmt.Sprintf("InternalError: %v (a bug in Burst)", p)
	}
}

func (w *worker) getOp(o op) (r opReply, b []byte) {
	r.ID = o.ID
	defer recovered(&r)
	v, ok := w.get(o.Key)
	if !ok {
		r.Error, r.Missing, r.Holder = "missing", o.Key, w.name
		return r, nil
	}
	b, err := codec.Encode(v)
	if err != nil {
		r.Error = err.Error()
		return r, nil
	}
	return r, b
}

// getManyOp answers a getmany: every value's bytes one after another, in
// one buffer, and their sizes. A key this worker lacks fails the whole
// request (the scheduler then asks key by key).
func (w *worker) getManyOp(o op) (r opReply, b []byte) {
	r.ID = o.ID
	defer recovered(&r)
	r.Sizes = make([]int, len(o.Keys))
	for i, k := range o.Keys {
		v, ok := w.get(k)
		if !ok {
			r.Error, r.Missing, r.Holder, r.Sizes = "missing", k, w.name, nil
			return r, nil
		}
		e, err := codec.Encode(v)
		if err != nil {
			r.Error, r.Sizes = err.Error(), nil
			return r, nil
		}
		b = append(b, e...)
		r.Sizes[i] = len(e)
	}
	if b == nil {
		b = []byte{}
	}
	return r, b
}

func (w *worker) putOp(o op, data js.Value) (r opReply) {
	r.ID = o.ID
	defer recovered(&r)
	if o.Data <= 0 {
		r.Error = "put without a value"
		return r
	}
	v, err := codec.Decode(bytesOf(data.Index(o.Data - 1)))
	if err != nil {
		r.Error = err.Error()
		return r
	}
	w.put(o.Key, v)
	r.NBytes = sched.SizeOf(v)
	return r
}

// resultsEvery is how often a worker sends finished tasks' results: the
// first result after a quiet spell leaves at once, later ones wait until
// resultsEvery has passed since the last message. With tiny tasks, a
// message per result made the kernel and this worker play ping-pong with
// one or two tasks a message.
const resultsEvery = 4 * time.Millisecond

// runTasks runs the queued tasks one after another and sends their
// results back in batches.
func (w *worker) runTasks() {
	for {
		w.mu.Lock()
		for len(w.runs) == 0 {
			w.hasRuns.Wait()
		}
		o := w.runs[0]
		w.runs = w.runs[1:]
		w.mu.Unlock()
		r := w.runOp(o)
		if w.overLimit() {
			return // the page restarts this worker; its tasks run elsewhere
		}
		w.mu.Lock()
		w.results.add(r, nil)
		if wait := resultsEvery - time.Since(w.posted); wait <= 0 {
			w.postResults()
		} else if !w.resultsArmed {
			w.resultsArmed = true
			time.AfterFunc(wait, func() {
				w.mu.Lock()
				w.resultsArmed = false
				w.postResults()
				w.mu.Unlock()
			})
		}
		w.mu.Unlock()
	}
}

// postResults sends the results collected so far; w.mu is held.
func (w *worker) postResults() {
	if len(w.results.rs) > 0 {
		w.results.post(w.kernel)
		w.posted = time.Now()
	}
}

func (w *worker) runOp(o op) (r opReply) {
	r.ID = o.ID
	defer recovered(&r)
	res, err := w.run(o)
	r.Result = &res
	if err != nil {
		r.Error = err.Error()
		if miss, ok := err.(*sched.MissingError); ok {
			r.Missing, r.Holder = miss.Key, miss.Worker
		}
	}
	return r
}

// run runs one task, fetching the inputs it lacks from the peers holding
// them.
func (w *worker) run(o op) (sched.Result, error) {
	var res sched.Result
	var t graph.Task
	if err := json.Unmarshal(o.Task, &t); err != nil {
		return res, fmt.Errorf("bad task: %v", err)
	}
	who := o.Who
	inputs := make([]graph.Value, len(t.Deps))
	var missing []int
	for i, d := range t.Deps {
		if v, ok := w.get(d); ok {
			inputs[i] = v
		} else {
			missing = append(missing, i)
		}
	}
	// The inputs held elsewhere are asked for at once: an aggregate of
	// ten chunks waits for one round trip to the peers, not ten.
	trs := make([]sched.Transfer, len(t.Deps))
	errs := make([]error, len(t.Deps))
	var wg sync.WaitGroup
	for _, i := range missing {
		wg.Add(1)
		go func() {
			defer wg.Done()
			inputs[i], trs[i], errs[i] = w.fetch(t.Deps[i], who[t.Deps[i]])
		}()
	}
	wg.Wait()
	for _, i := range missing {
		if errs[i] != nil {
			return res, errs[i]
		}
		res.Transfers = append(res.Transfers, trs[i])
	}
	res.Start = sched.Now()
	v, err := graph.Run(w.env, &t, inputs)
	res.Stop = sched.Now()
	if err != nil {
		return res, err
	}
	w.put(t.Key, v)
	res.NBytes = sched.SizeOf(v)
	return res, nil
}

// fetch asks the holders of k for it, in turn.
func (w *worker) fetch(k graph.Key, holders []string) (graph.Value, sched.Transfer, error) {
	for _, h := range holders {
		w.mu.Lock()
		p := w.peers[h]
		w.mu.Unlock()
		if p == nil {
			continue
		}
		start := sched.Now()
		r, err := p.call(map[string]any{"type": "fetch", "key": string(k), "from": w.name}, nil)
		if err != nil || r.Get("missing").Truthy() {
			continue
		}
		if e := r.Get("error"); e.Truthy() {
			return nil, sched.Transfer{}, fmt.Errorf("%s", e.String())
		}
		b := bytesOf(r.Get("data"))
		v, err := codec.Decode(b)
		if err != nil {
			return nil, sched.Transfer{}, err
		}
		w.put(k, v)
		return v, sched.Transfer{Key: k, From: h, To: w.name, Bytes: int64(len(b)), Start: start, Stop: sched.Now()}, nil
	}
	holder := "no worker"
	if len(holders) > 0 {
		holder = holders[0]
	}
	return nil, sched.Transfer{}, &sched.MissingError{Key: k, Worker: holder}
}

// overLimit reports whether the worker holds more memory than its limit,
// after a collection; if so it tells the page, which restarts it.
func (w *worker) overLimit() bool {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if ms.HeapAlloc <= w.limit {
		return false
	}
	runtime.GC()
	runtime.ReadMemStats(&ms)
	if ms.HeapAlloc <= w.limit {
		return false
	}
	postToPage(map[string]any{"type": "fatal", "message": fmt.Sprintf("it used %d MiB, above its memory limit of %d MiB", ms.HeapAlloc>>20, w.limit>>20)})
	return true
}
