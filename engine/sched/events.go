package sched

import (
	"context"
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"sync"

	"burst/engine/graph"
)

// Event is one thing that happened on the cluster; dashboards and tests
// read the stream of them. Kind says which fields are set:
//
//   - "task-start": Key, Prefix, Worker, Start, Attempt (1 for the first
//     run, more when a lost result is computed again);
//   - "task-end": Key, Prefix, Worker, Start, Stop (as the worker measured
//     them), State ("memory" or "erred"), Bytes (the result's size);
//   - "transfer": Key, From, To, Bytes, Start, Stop;
//   - "steal": Key, From, To — an idle worker took a queued task;
//   - "forget": Key, Prefix, Bytes — a result no longer needed was
//     released from the workers;
//   - "worker": Worker, State ("running", "lost"), Memory (bytes held),
//     Executing, Queued;
//   - "counts": Counts, the number of tasks in each state;
//   - "graph": the tasks a computation added to the scheduler, before any
//     of them starts: Groups always (one per key prefix, with the prefixes
//     it depends on), and Tasks with each key's dependencies when there are
//     at most MaxGraphTasks of them (the dashboards draw single tasks only
//     for small graphs, and collapse larger ones into their groups).
//
// Times are seconds since the Unix epoch.
type Event struct {
	Kind      string         `json:"kind"`
	Key       string         `json:"key,omitempty"`
	Prefix    string         `json:"prefix,omitempty"`
	Worker    string         `json:"worker,omitempty"`
	From      string         `json:"from,omitempty"`
	To        string         `json:"to,omitempty"`
	Bytes     int64          `json:"bytes,omitempty"`
	Start     float64        `json:"start,omitempty"`
	Stop      float64        `json:"stop,omitempty"`
	State     string         `json:"state,omitempty"`
	Attempt   int            `json:"attempt,omitempty"`
	Memory    int64          `json:"memory,omitempty"`
	Executing int            `json:"executing,omitempty"`
	Queued    int            `json:"queued,omitempty"`
	Counts    map[string]int `json:"counts,omitempty"`
	Groups    []GraphGroup   `json:"groups,omitempty"`
	Tasks     []GraphTask    `json:"tasks,omitempty"`
	Time      float64        `json:"time"`
}

// AppendJSON appends e as encoding/json writes it (the same fields, names
// and omissions; strings may escape differently, as valid JSON). The
// browser's kernel sends the page about six events a task, 300,000 for
// 50,000 tasks, and encoding/json's reflection was a good part of its
// time. The rare events with nested values (graph, counts) go through
// encoding/json.
func (e *Event) AppendJSON(b []byte) ([]byte, error) {
	if e.Counts != nil || e.Groups != nil || e.Tasks != nil || !finite(e.Start) || !finite(e.Stop) || !finite(e.Time) {
		j, err := json.Marshal(e)
		return append(b, j...), err
	}
	b = append(b, `{"kind":`...)
	b = graph.AppendString(b, e.Kind)
	str := func(name, v string) {
		if v != "" {
			b = append(b, name...)
			b = graph.AppendString(b, v)
		}
	}
	num := func(name string, v int64) {
		if v != 0 {
			b = append(b, name...)
			b = strconv.AppendInt(b, v, 10)
		}
	}
	str(`,"key":`, e.Key)
	str(`,"prefix":`, e.Prefix)
	str(`,"worker":`, e.Worker)
	str(`,"from":`, e.From)
	str(`,"to":`, e.To)
	num(`,"bytes":`, e.Bytes)
	if e.Start != 0 {
		b = appendFloat(append(b, `,"start":`...), e.Start)
	}
	if e.Stop != 0 {
		b = appendFloat(append(b, `,"stop":`...), e.Stop)
	}
	str(`,"state":`, e.State)
	num(`,"attempt":`, int64(e.Attempt))
	num(`,"memory":`, e.Memory)
	num(`,"executing":`, int64(e.Executing))
	num(`,"queued":`, int64(e.Queued))
	b = appendFloat(append(b, `,"time":`...), e.Time)
	return append(b, '}'), nil
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// appendFloat writes f as encoding/json does.
func appendFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// 1e-07 as 1e-7, as encoding/json writes it.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// MaxGraphTasks bounds the tasks a "graph" event lists one by one.
const MaxGraphTasks = 1000

// GraphGroup is the tasks of one key prefix in a "graph" event.
type GraphGroup struct {
	Prefix string   `json:"prefix"`
	Tasks  int      `json:"n"`
	Deps   []string `json:"deps,omitempty"` // prefixes its tasks depend on
	Done   int      `json:"done,omitempty"` // already in memory (scattered or persisted values)
}

// GraphTask is one task in a "graph" event.
type GraphTask struct {
	Key    string   `json:"key"`
	Prefix string   `json:"prefix"`
	Deps   []string `json:"deps,omitempty"`
	Done   bool     `json:"done,omitempty"`
}

func (s *Scheduler) emit(e Event) {
	if s.OnEvent != nil {
		s.OnEvent(e)
	}
}

func (s *Scheduler) emitWorker(ws *workerState, state string) {
	if s.OnEvent == nil {
		return
	}
	exec := min(1, len(ws.running))
	queued := len(ws.queue) + len(ws.running) - exec
	s.emit(Event{Kind: "worker", Worker: ws.name, State: state, Memory: ws.nbytes, Executing: exec, Queued: queued, Time: Now()})
}

// emitGraph announces the tasks a Submit added, before any of them starts.
func (s *Scheduler) emitGraph(added []*task) {
	if s.OnEvent == nil || len(added) == 0 {
		return
	}
	groups := map[string]*GraphGroup{}
	var order []string
	var tasks []GraphTask
	for _, t := range added {
		p := t.prefix
		g := groups[p]
		if g == nil {
			g = &GraphGroup{Prefix: p}
			groups[p] = g
			order = append(order, p)
		}
		g.Tasks++
		done := t.state == Memory
		if done {
			g.Done++
		}
		var deps []string
		for _, d := range t.deps {
			if dp := d.prefix; dp != p && !slices.Contains(g.Deps, dp) {
				g.Deps = append(g.Deps, dp)
			}
			if len(added) <= MaxGraphTasks {
				deps = append(deps, string(d.key))
			}
		}
		if len(added) <= MaxGraphTasks {
			tasks = append(tasks, GraphTask{Key: string(t.key), Prefix: p, Deps: deps, Done: done})
		}
	}
	e := Event{Kind: "graph", Tasks: tasks, Time: Now()}
	for _, p := range order {
		e.Groups = append(e.Groups, *groups[p])
	}
	s.emit(e)
}

func (s *Scheduler) emitCounts() {
	if s.OnEvent == nil {
		return
	}
	c := map[string]int{}
	for st, n := range s.counts {
		if n > 0 && st != Forgotten {
			c[string(st)] = n
		}
	}
	s.emit(Event{Kind: "counts", Counts: c, Time: Now()})
}

// kernelWorker runs the tasks that hold a cell's function, in the kernel,
// one at a time (the interpreter's values are not safe for concurrent
// use), and keeps values of the kernel's own memory.
type kernelWorker struct {
	s    *Scheduler
	mu   sync.Mutex
	data map[graph.Key]graph.Value
	// locals is what the kernel's tasks keep between runs (the
	// interpreter that runs cell functions).
	locals graph.Locals
}

// localMu serializes tasks that run cell functions across schedulers.
var localMu sync.Mutex

func (w *kernelWorker) Name() string { return "kernel" }

func (w *kernelWorker) get(k graph.Key) (graph.Value, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	v, ok := w.data[k]
	if !ok {
		return nil, &MissingError{k, "kernel"}
	}
	return v, nil
}

func (w *kernelWorker) put(k graph.Key, v graph.Value) {
	w.mu.Lock()
	if w.data == nil {
		w.data = map[graph.Key]graph.Value{}
	}
	w.data[k] = v
	w.mu.Unlock()
}

func (w *kernelWorker) Run(ctx context.Context, r Request) (Result, error) {
	var res Result
	t := r.Task
	inputs := make([]graph.Value, len(t.Deps))
	for i, d := range t.Deps {
		if v, err := w.get(d); err == nil {
			inputs[i] = v
			continue
		}
		var holders []Worker
		w.s.mu.Lock()
		for _, name := range r.Who[d] {
			if ws := w.s.byName[name]; ws != nil && ws.alive {
				holders = append(holders, ws.w)
			}
		}
		w.s.mu.Unlock()
		if len(holders) == 0 {
			return res, &MissingError{d, "any worker"}
		}
		start := Now()
		v, err := holders[0].Get(ctx, d)
		if err != nil {
			return res, &MissingError{d, holders[0].Name()}
		}
		w.put(d, v)
		res.Transfers = append(res.Transfers, Transfer{Key: d, From: holders[0].Name(), To: "kernel", Bytes: SizeOf(v), Start: start, Stop: Now()})
		inputs[i] = v
	}
	localMu.Lock()
	defer localMu.Unlock()
	res.Start = Now()
	v, err := graph.Run(&graph.Env{Ctx: ctx, Locals: &w.locals}, t, inputs)
	res.Stop = Now()
	if err != nil {
		return res, err
	}
	w.put(t.Key, v)
	res.NBytes = SizeOf(v)
	return res, nil
}

func (w *kernelWorker) Get(_ context.Context, k graph.Key) (graph.Value, error) { return w.get(k) }

func (w *kernelWorker) Put(_ context.Context, k graph.Key, v graph.Value) (int64, error) {
	w.put(k, v)
	return SizeOf(v), nil
}

func (w *kernelWorker) Release(keys []graph.Key) {
	w.mu.Lock()
	for _, k := range keys {
		delete(w.data, k)
	}
	w.mu.Unlock()
}
