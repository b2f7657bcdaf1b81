//go:build js && wasm

package main

import (
	"encoding/json"
	"fmt"
	"runtime"
	"sync"
	"syscall/js"

	_ "burst/engine/dataframe" // registers the DataFrame operations
	"burst/engine/graph"
	"burst/engine/kernel"
	"burst/engine/sched"
)

// worker is a worker web worker: it runs the tasks the kernel's scheduler
// sends, keeps their results, and hands them to its peers directly over
// MessageChannels (Arrow IPC buffers, transferred, not copied).
type worker struct {
	name   string
	env    *graph.Env
	kernel *rpcPort
	mu     sync.Mutex
	data   map[graph.Key]graph.Value
	peers  map[string]*rpcPort
	// limit is the memory the worker may hold; above it, the page
	// restarts the worker, as Dask's nanny does.
	limit uint64
}

// defaultMemoryLimit is a worker's memory limit when the page sets none.
const defaultMemoryLimit = 2 << 30

// runWorker waits for the page to hand over the kernel's port and the
// peers' ports.
func runWorker() {
	w := &worker{env: &graph.Env{FS: newFetchFS()}, data: map[graph.Key]graph.Value{}, peers: map[string]*rpcPort{}}
	onMessages(func(msg js.Value) {
		switch msg.Get("type").String() {
		case "port":
			w.name = msg.Get("name").String()
			w.limit = defaultMemoryLimit
			if m := msg.Get("memoryLimit"); m.Truthy() && m.Float() > 0 {
				w.limit = uint64(m.Float())
			}
			w.kernel = newRPCPort(msg.Get("port"), w.serveKernel)
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

// servePeer answers a peer's fetch with the value's Arrow IPC bytes.
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
	b, err := kernel.EncodeValue(v)
	if err != nil {
		p.reply(m, map[string]any{"error": err.Error()}, nil)
		return
	}
	u8 := jsBytes(b)
	p.reply(m, map[string]any{"data": u8}, []any{u8.Get("buffer")})
}

// serveKernel handles the scheduler's requests: run, get, put, release.
func (w *worker) serveKernel(m js.Value) {
	defer func() {
		if r := recover(); r != nil {
			w.kernel.reply(m, map[string]any{"error": fmt.Sprintf("InternalError: %v (a bug in Burst)", r)}, nil)
		}
	}()
	switch m.Get("type").String() {
	case "run":
		res, err := w.run(m)
		if w.overLimit() {
			return // the page restarts this worker; the task runs elsewhere
		}
		if err != nil {
			msg := map[string]any{"error": err.Error()}
			if miss, ok := err.(*sched.MissingError); ok {
				msg["missing"], msg["holder"] = string(miss.Key), miss.Worker
			}
			w.kernel.reply(m, msg, nil)
			return
		}
		b, _ := json.Marshal(res)
		w.kernel.reply(m, map[string]any{"result": string(b)}, nil)
	case "get":
		v, ok := w.get(graph.Key(m.Get("key").String()))
		if !ok {
			w.kernel.reply(m, map[string]any{"error": "missing", "missing": m.Get("key").String(), "holder": w.name}, nil)
			return
		}
		b, err := kernel.EncodeValue(v)
		if err != nil {
			w.kernel.reply(m, map[string]any{"error": err.Error()}, nil)
			return
		}
		u8 := jsBytes(b)
		w.kernel.reply(m, map[string]any{"data": u8}, []any{u8.Get("buffer")})
	case "put":
		v, err := kernel.DecodeValue(bytesOf(m.Get("data")))
		if err != nil {
			w.kernel.reply(m, map[string]any{"error": err.Error()}, nil)
			return
		}
		w.put(graph.Key(m.Get("key").String()), v)
		w.kernel.reply(m, map[string]any{"nbytes": sched.SizeOf(v)}, nil)
	case "release":
		keys := m.Get("keys")
		w.mu.Lock()
		for i := 0; i < keys.Length(); i++ {
			delete(w.data, graph.Key(keys.Index(i).String()))
		}
		w.mu.Unlock()
	}
}

// run runs one task, fetching the inputs it lacks from the peers holding
// them.
func (w *worker) run(m js.Value) (sched.Result, error) {
	var res sched.Result
	var t graph.Task
	if err := json.Unmarshal([]byte(m.Get("task").String()), &t); err != nil {
		return res, fmt.Errorf("bad task: %v", err)
	}
	var who map[graph.Key][]string
	json.Unmarshal([]byte(m.Get("who").String()), &who)
	inputs := make([]graph.Value, len(t.Deps))
	for i, d := range t.Deps {
		if v, ok := w.get(d); ok {
			inputs[i] = v
			continue
		}
		v, tr, err := w.fetch(d, who[d])
		if err != nil {
			return res, err
		}
		res.Transfers = append(res.Transfers, tr)
		inputs[i] = v
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
		v, err := kernel.DecodeValue(b)
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
