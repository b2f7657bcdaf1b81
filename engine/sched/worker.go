package sched

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"burst/engine/frame"
	"burst/engine/graph"
)

// Worker runs tasks and keeps their results until the scheduler releases
// them. A worker runs one task at a time; it fetches the inputs it lacks
// directly from the peers holding them.
type Worker interface {
	// Name identifies the worker in events, such as "worker-0".
	Name() string
	// Run computes r.Task and keeps its value.
	Run(ctx context.Context, r Request) (Result, error)
	// Get returns a value the worker holds.
	Get(ctx context.Context, k graph.Key) (graph.Value, error)
	// Put stores a value on the worker (scattered data, a literal).
	Put(ctx context.Context, k graph.Key, v graph.Value) (int64, error)
	// Release drops values the scheduler no longer needs.
	Release(keys []graph.Key)
}

// A Pipeliner is a worker reached by messages, which runs the tasks it is
// sent one after another in the order they arrive. The scheduler may send
// it up to Pipeline() short tasks ahead, so that a task's message and its
// reply overlap the run of the tasks before it. Run is then called for
// several tasks at once and must return each task's own result.
type Pipeliner interface {
	Worker
	Pipeline() int
}

// Request asks a worker to run a task.
type Request struct {
	Task *graph.Task
	// Who names, for each dependency, the workers holding its value.
	Who map[graph.Key][]string
}

// Result is what a worker reports about a task it ran.
type Result struct {
	NBytes      int64      // size of the value it now holds
	Start, Stop float64    // seconds since the Unix epoch
	Transfers   []Transfer // inputs it fetched from peers
}

// Transfer is a value copied from one worker to another.
type Transfer struct {
	Key         graph.Key
	From, To    string
	Bytes       int64
	Start, Stop float64
}

// BulkGetter is a Worker that returns many values in one request: a web
// worker answers client.gather of 50,000 results in a few dozen messages
// rather than 50,000 round trips. An error fails the whole request (the
// scheduler then gets the keys one at a time, finding out which failed).
type BulkGetter interface {
	GetMany(ctx context.Context, keys []graph.Key) ([]graph.Value, error)
}

// ErrWorkerLost reports a worker that stopped (a terminated web worker, a
// stopped native worker): what it held is gone.
var ErrWorkerLost = errors.New("worker lost")

// MissingError reports a dependency a worker could not fetch: its holder no
// longer has it.
type MissingError struct {
	Key    graph.Key
	Worker string // the holder asked
}

func (e *MissingError) Error() string {
	return fmt.Sprintf("%s does not hold %s", e.Worker, e.Key)
}

// Now returns the time events use: seconds since the Unix epoch.
func Now() float64 { return float64(time.Now().UnixNano()) / 1e9 }

// SizeOf estimates the bytes a value holds.
func SizeOf(v graph.Value) int64 {
	if s, ok := v.(interface{ NBytes() int64 }); ok {
		return s.NBytes()
	}
	return frame.NBytes(v)
}

// LocalWorker runs tasks in this process, as a goroutine of its cluster.
type LocalWorker struct {
	ID  string
	Env *graph.Env
	// Peer finds another worker of the same cluster by name.
	Peer func(name string) *LocalWorker

	mu      sync.Mutex
	data    map[graph.Key]graph.Value
	stopped bool
}

// Name implements Worker.
func (w *LocalWorker) Name() string { return w.ID }

// Stop ends the worker as if its process died: what it holds is lost and
// every later call fails with ErrWorkerLost.
func (w *LocalWorker) Stop() {
	w.mu.Lock()
	w.stopped = true
	w.data = nil
	w.mu.Unlock()
}

func (w *LocalWorker) get(k graph.Key) (graph.Value, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.stopped {
		return nil, ErrWorkerLost
	}
	v, ok := w.data[k]
	if !ok {
		return nil, &MissingError{k, w.ID}
	}
	return v, nil
}

func (w *LocalWorker) put(k graph.Key, v graph.Value) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.stopped {
		return ErrWorkerLost
	}
	if w.data == nil {
		w.data = map[graph.Key]graph.Value{}
	}
	w.data[k] = v
	return nil
}

// Run implements Worker.
func (w *LocalWorker) Run(ctx context.Context, r Request) (Result, error) {
	var res Result
	t := r.Task
	inputs := make([]graph.Value, len(t.Deps))
	for i, d := range t.Deps {
		v, err := w.get(d)
		if err == nil {
			inputs[i] = v
			continue
		}
		var miss *MissingError
		if !errors.As(err, &miss) {
			return res, err
		}
		// Fetch from a peer: the value is shared, not copied, as between
		// threads of one process.
		start := Now()
		from, v, err := w.fetch(d, r.Who[d])
		if err != nil {
			return res, err
		}
		res.Transfers = append(res.Transfers, Transfer{Key: d, From: from, To: w.ID, Bytes: SizeOf(v), Start: start, Stop: Now()})
		inputs[i] = v
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	env := graph.Env{}
	if w.Env != nil {
		env = *w.Env
	}
	env.Ctx = ctx
	res.Start = Now()
	v, err := graph.Run(&env, t, inputs)
	res.Stop = Now()
	if err != nil {
		return res, err
	}
	if err := w.put(t.Key, v); err != nil {
		return res, err
	}
	res.NBytes = SizeOf(v)
	return res, nil
}

// fetch copies k from the first of holders that still has it.
func (w *LocalWorker) fetch(k graph.Key, holders []string) (string, graph.Value, error) {
	for _, h := range holders {
		if w.Peer == nil {
			break
		}
		p := w.Peer(h)
		if p == nil {
			continue
		}
		if v, err := p.get(k); err == nil {
			if err := w.put(k, v); err != nil {
				return "", nil, err
			}
			return h, v, nil
		}
	}
	who := "no worker"
	if len(holders) > 0 {
		who = holders[0]
	}
	return "", nil, &MissingError{k, who}
}

// Get implements Worker.
func (w *LocalWorker) Get(_ context.Context, k graph.Key) (graph.Value, error) { return w.get(k) }

// Put implements Worker.
func (w *LocalWorker) Put(_ context.Context, k graph.Key, v graph.Value) (int64, error) {
	return SizeOf(v), w.put(k, v)
}

// Release implements Worker.
func (w *LocalWorker) Release(keys []graph.Key) {
	w.mu.Lock()
	for _, k := range keys {
		delete(w.data, k)
	}
	w.mu.Unlock()
}

// NewLocalWorkers returns n workers running in this process, able to fetch
// from each other.
func NewLocalWorkers(n int, env *graph.Env) []Worker {
	ws := make([]Worker, n)
	byName := map[string]*LocalWorker{}
	for i := range ws {
		w := &LocalWorker{ID: fmt.Sprintf("worker-%d", i), Env: env}
		w.Peer = func(name string) *LocalWorker { return byName[name] }
		byName[w.ID] = w
		ws[i] = w
	}
	return ws
}
