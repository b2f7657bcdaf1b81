// Package sched runs task graphs on workers.
//
// One scheduler drives every kind of worker: goroutines in this process
// (LocalWorker) or, in the browser, web workers reached by messages. A
// worker runs one task at a time; the scheduler hands each ready task to an
// idle worker, keeps results until no remaining task needs them, and reports
// what happens as Events.
package sched

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"

	"burst/engine/graph"
)

// Worker runs tasks.
type Worker interface {
	// Name identifies the worker in events, such as "worker-0".
	Name() string
	// Run executes t with inputs, the values of t.Deps in order.
	Run(ctx context.Context, t *graph.Task, inputs []graph.Value) (graph.Value, error)
}

// LocalWorker runs tasks in the calling process.
type LocalWorker struct {
	ID  string
	Env *graph.Env
}

// Name implements Worker.
func (w *LocalWorker) Name() string { return w.ID }

// Run implements Worker.
func (w *LocalWorker) Run(ctx context.Context, t *graph.Task, inputs []graph.Value) (graph.Value, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return graph.Run(w.Env, t, inputs)
}

// NewLocalWorkers returns n workers running in this process.
func NewLocalWorkers(n int, env *graph.Env) []Worker {
	ws := make([]Worker, n)
	for i := range ws {
		ws[i] = &LocalWorker{ID: fmt.Sprintf("worker-%d", i), Env: env}
	}
	return ws
}

// Event reports a task transition; dashboards and tests read these.
type Event struct {
	Kind   string  `json:"kind"` // "task-start", "task-done" or "task-error"
	Key    string  `json:"key"`
	Prefix string  `json:"prefix"`
	Worker string  `json:"worker"`
	Time   float64 `json:"time"` // seconds since the Unix epoch
}

// Scheduler runs graphs on a fixed set of workers.
type Scheduler struct {
	Workers []Worker
	// OnEvent, when set, is called from the scheduling goroutine for every
	// event; it must not block.
	OnEvent func(Event)
}

type result struct {
	key    graph.Key
	worker int
	value  graph.Value
	err    error
}

// Compute runs the tasks of g needed for keys and returns their values.
// Linear chains are fused first so a partition stays on the worker that
// read it.
func (s *Scheduler) Compute(ctx context.Context, g graph.Graph, keys []graph.Key) ([]graph.Value, error) {
	if len(s.Workers) == 0 {
		return nil, fmt.Errorf("no workers")
	}
	culled, err := graph.Cull(g, keys)
	if err != nil {
		return nil, err
	}
	g = graph.Fuse(culled, keys)

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// waiting counts unfinished dependencies; needed counts the dependents
	// and outputs that still need a value, so it can be released.
	waiting := make(map[graph.Key]int, len(g))
	dependents := make(map[graph.Key][]graph.Key, len(g))
	needed := make(map[graph.Key]int, len(g))
	for _, k := range keys {
		needed[k]++
	}
	var ready []graph.Key
	values := make(map[graph.Key]graph.Value, len(keys))
	var literals []graph.Key
	for _, k := range sortedKeys(g) {
		t := g[k]
		if t.Literal {
			literals = append(literals, k)
		}
		waiting[k] = len(t.Deps)
		for _, d := range t.Deps {
			dependents[d] = append(dependents[d], k)
			needed[d]++
		}
		if len(t.Deps) == 0 && !t.Literal {
			ready = append(ready, k)
		}
	}
	// Literal tasks are already in memory here.
	remaining := len(g) - len(literals)
	for _, k := range literals {
		values[k] = g[k].Data
		for _, dep := range dependents[k] {
			if waiting[dep]--; waiting[dep] == 0 {
				ready = append(ready, dep)
			}
		}
	}

	idle := make([]int, len(s.Workers))
	for i := range idle {
		idle[i] = len(s.Workers) - 1 - i
	}
	results := make(chan result, len(s.Workers)+len(g))
	running := 0
	var firstErr error

	for remaining > 0 {
		// Tasks holding a cell's function run here, one at a time, without
		// taking a worker.
		for i := 0; firstErr == nil && i < len(ready); i++ {
			t := g[ready[i]]
			if !t.Local() {
				continue
			}
			ready = append(ready[:i], ready[i+1:]...)
			i--
			inputs := make([]graph.Value, len(t.Deps))
			for j, d := range t.Deps {
				inputs[j] = values[d]
			}
			s.emit("task-start", t.Key, "kernel")
			running++
			go func(t *graph.Task, inputs []graph.Value) {
				localMu.Lock()
				defer localMu.Unlock()
				v, err := graph.Run(nil, t, inputs)
				results <- result{t.Key, -1, v, err}
			}(t, inputs)
		}
		for firstErr == nil && len(ready) > 0 && len(idle) > 0 {
			k := ready[0]
			ready = ready[1:]
			w := idle[len(idle)-1]
			idle = idle[:len(idle)-1]
			t := g[k]
			inputs := make([]graph.Value, len(t.Deps))
			for i, d := range t.Deps {
				inputs[i] = values[d]
			}
			s.emit("task-start", k, s.Workers[w].Name())
			running++
			go func(w int, t *graph.Task, inputs []graph.Value) {
				v, err := s.Workers[w].Run(ctx, t, inputs)
				results <- result{t.Key, w, v, err}
			}(w, t, inputs)
		}
		if running == 0 {
			break
		}
		r := <-results
		running--
		remaining--
		worker := "kernel"
		if r.worker >= 0 {
			idle = append(idle, r.worker)
			worker = s.Workers[r.worker].Name()
		}
		if r.err != nil {
			s.emit("task-error", r.key, worker)
			if firstErr == nil {
				firstErr = r.err
				cancel()
			}
			continue
		}
		s.emit("task-done", r.key, worker)
		values[r.key] = r.value
		for _, d := range g[r.key].Deps {
			if needed[d]--; needed[d] == 0 {
				delete(values, d)
			}
		}
		for _, dep := range dependents[r.key] {
			if waiting[dep]--; waiting[dep] == 0 {
				ready = append(ready, dep)
			}
		}
	}
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]graph.Value, len(keys))
	for i, k := range keys {
		v, ok := values[k]
		if !ok {
			return nil, fmt.Errorf("sched: %s was not computed", k)
		}
		out[i] = v
	}
	return out, nil
}

// localMu serializes tasks that run cell functions: the interpreter's
// values are not safe for concurrent use.
var localMu sync.Mutex

func (s *Scheduler) emit(kind string, k graph.Key, worker string) {
	if s.OnEvent == nil {
		return
	}
	s.OnEvent(Event{
		Kind:   kind,
		Key:    string(k),
		Prefix: k.Prefix(),
		Worker: worker,
		Time:   float64(time.Now().UnixNano()) / 1e9,
	})
}

func sortedKeys(g graph.Graph) []graph.Key {
	ks := make([]graph.Key, 0, len(g))
	for k := range g {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] })
	return ks
}
