//go:build js && wasm

package main

import (
	"encoding/json"
	"runtime"
	"strconv"
	"sync"
	"syscall/js"

	"burst/engine/graph"
	"burst/engine/sched"
)

// The kernel and a worker web worker exchange batches: the scheduler's
// requests to one worker made at about the same time (runs, gets, puts,
// releases) travel as one "batch" message, in order, and the worker's
// answers as "results" messages. With 50,000 tiny tasks a message per
// task, not the tasks, was what limited the page; a batch costs one
// postMessage and one JSON parse on each side.

// op is one request in a batch.
type op struct {
	Op   string                 `json:"op"` // run, get, getmany, put, release
	ID   int                    `json:"id,omitempty"`
	Task json.RawMessage        `json:"task,omitempty"` // run: the graph.Task
	Who  map[graph.Key][]string `json:"who,omitempty"`  // run: holders of its inputs
	Key  graph.Key              `json:"key,omitempty"`  // get, put
	Keys []graph.Key            `json:"keys,omitempty"` // getmany, release
	// Data indexes the message's data array (put: the value's Arrow
	// IPC bytes, transferred).
	Data int `json:"data,omitempty"`
}

// opReply answers one op (releases have none).
type opReply struct {
	ID      int           `json:"id"`
	Result  *sched.Result `json:"result,omitempty"` // run
	NBytes  int64         `json:"nbytes,omitempty"` // put
	Error   string        `json:"error,omitempty"`
	Missing graph.Key     `json:"missing,omitempty"` // a key the worker could not find
	Holder  string        `json:"holder,omitempty"`  // the worker asked for it
	// Data indexes the message's data array, from 1 (get: the value;
	// getmany: the values one after another, Sizes bytes each).
	Data  int   `json:"data,omitempty"`
	Sizes []int `json:"sizes,omitempty"`

	data []byte
}

// outbox sends a worker's requests in batches and matches the replies.
// A request waits for the goroutines scheduled with it (the scheduler
// starts each task on a goroutine of its own) and leaves with them.
type outbox struct {
	port    js.Value
	mu      sync.Mutex
	ops     []op
	data    []js.Value // transferred with the next batch
	armed   bool
	nextID  int
	pending map[int]chan opReply
	closed  bool
}

func newOutbox(port js.Value) *outbox {
	return &outbox{port: port, pending: map[int]chan opReply{}}
}

// send queues o (with data, when o carries a value) and returns the
// channel its reply arrives on; nil for a release. The channel is closed
// if the worker is lost first.
func (b *outbox) send(o op, data js.Value) (chan opReply, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil, errPortClosed
	}
	var ch chan opReply
	if o.Op != "release" {
		b.nextID++
		o.ID = b.nextID
		ch = make(chan opReply, 1)
		b.pending[o.ID] = ch
	}
	if !data.IsUndefined() {
		b.data = append(b.data, data)
		o.Data = len(b.data)
	}
	b.ops = append(b.ops, o)
	if !b.armed {
		b.armed = true
		go func() {
			// Let the other goroutines the scheduler just started queue
			// their requests before the batch leaves.
			runtime.Gosched()
			runtime.Gosched()
			b.flush()
		}()
	}
	return ch, nil
}

func (b *outbox) flush() {
	b.mu.Lock()
	ops, data := b.ops, b.data
	b.ops, b.data, b.armed = nil, nil, false
	closed := b.closed
	b.mu.Unlock()
	if closed || len(ops) == 0 {
		return
	}
	body := appendOps(nil, ops)
	arr := make([]any, len(data))
	transfer := make([]any, len(data))
	for i, d := range data {
		arr[i] = d
		transfer[i] = d.Get("buffer")
	}
	b.port.Call("postMessage", map[string]any{"type": "batch", "ops": string(body), "data": arr}, transfer)
}

// appendOps appends the JSON of ops, as encoding/json would write it but
// with each task's JSON copied in as it is (see graph.Task.AppendJSON).
func appendOps(b []byte, ops []op) []byte {
	b = append(b, '[')
	for i, o := range ops {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"op":`...)
		b = graph.AppendString(b, o.Op)
		if o.ID != 0 {
			b = append(b, `,"id":`...)
			b = strconv.AppendInt(b, int64(o.ID), 10)
		}
		if len(o.Task) > 0 {
			b = append(b, `,"task":`...)
			b = append(b, o.Task...)
		}
		if len(o.Who) > 0 {
			b = append(b, `,"who":{`...)
			first := true
			for k, names := range o.Who {
				if !first {
					b = append(b, ',')
				}
				first = false
				b = graph.AppendString(b, string(k))
				b = append(b, ":["...)
				for j, n := range names {
					if j > 0 {
						b = append(b, ',')
					}
					b = graph.AppendString(b, n)
				}
				b = append(b, ']')
			}
			b = append(b, '}')
		}
		if o.Key != "" {
			b = append(b, `,"key":`...)
			b = graph.AppendString(b, string(o.Key))
		}
		if len(o.Keys) > 0 {
			b = append(b, `,"keys":[`...)
			for j, k := range o.Keys {
				if j > 0 {
					b = append(b, ',')
				}
				b = graph.AppendString(b, string(k))
			}
			b = append(b, ']')
		}
		if o.Data != 0 {
			b = append(b, `,"data":`...)
			b = strconv.AppendInt(b, int64(o.Data), 10)
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

func (b *outbox) deliver(r opReply) {
	b.mu.Lock()
	ch := b.pending[r.ID]
	delete(b.pending, r.ID)
	b.mu.Unlock()
	if ch != nil {
		ch <- r
	}
}

// receive handles a "results" message from the worker.
func (b *outbox) receive(m js.Value) {
	var rs []opReply
	if err := json.Unmarshal([]byte(m.Get("results").String()), &rs); err != nil {
		return
	}
	data := m.Get("data")
	for _, r := range rs {
		if r.Data > 0 {
			r.data = bytesOf(data.Index(r.Data - 1))
		}
		b.deliver(r)
	}
}

// close fails every pending and later request.
func (b *outbox) close() {
	b.mu.Lock()
	b.closed = true
	for id, ch := range b.pending {
		close(ch)
		delete(b.pending, id)
	}
	b.mu.Unlock()
}

// replies collects a worker's answers to send back in one "results"
// message.
type replies struct {
	rs       []opReply
	data     []any
	transfer []any
}

func (r *replies) add(o opReply, value []byte) {
	if value != nil {
		u8 := jsBytes(value)
		r.data = append(r.data, u8)
		r.transfer = append(r.transfer, u8.Get("buffer"))
		o.Data = len(r.data)
	}
	r.rs = append(r.rs, o)
}

// post sends the answers collected so far over port and starts afresh.
func (r *replies) post(port js.Value) {
	if len(r.rs) == 0 {
		return
	}
	body, _ := json.Marshal(r.rs)
	port.Call("postMessage", map[string]any{"type": "results", "results": string(body), "data": r.data}, r.transfer)
	*r = replies{}
}
