// Package sched runs task graphs on workers, in the manner of Dask's
// distributed scheduler.
//
// One scheduler drives every kind of worker: goroutines in this process
// (LocalWorker) or, in the browser, web workers reached by messages.
// Results stay on the worker that computed them; a worker fetches the
// inputs it lacks from its peers. The scheduler keeps an explicit state per
// task (see State) and per worker, and moves tasks between states by named
// transitions:
//
//   - a wanted task is released → waiting until its dependencies are in
//     memory, then queued on the worker chosen for it (data locality
//     first, then least occupancy), processing when sent, and memory or
//     erred when it ends;
//   - an idle worker steals queued tasks from a busy one;
//   - a lost worker sends what it held back to released, and what is
//     still needed is computed again elsewhere;
//   - a task no future, computation or dependent needs is forgotten and
//     its value released from the workers.
//
// Everything that happens is reported as Events.
package sched

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync"

	"burst/engine/graph"
)

// allowedFailures is how many workers may die running one task before it
// errs with KilledWorker.
const allowedFailures = 3

// State is a task's state.
type State string

// Task states, as Dask names them.
const (
	Released   State = "released"   // known, not wanted yet or lost
	Waiting    State = "waiting"    // wanted, dependencies not all in memory
	Queued     State = "queued"     // ready, in a worker's queue at the scheduler
	Processing State = "processing" // sent to a worker
	Memory     State = "memory"     // value held by one or more workers
	Erred      State = "erred"      // raised, or a dependency did
	Forgotten  State = "forgotten"  // no longer needed; value released
)

// Scheduler runs graphs on a set of workers. The zero value is not usable:
// set Workers (and OnEvent) before the first call; later, AddWorker.
type Scheduler struct {
	Workers []Worker
	// OnEvent, when set, receives every event. It is called with the
	// scheduler's lock held and must not block or call back.
	OnEvent func(Event)

	once    sync.Once
	mu      sync.Mutex
	workers []*workerState
	byName  map[string]*workerState
	kernel  *workerState // runs tasks holding a cell's function; holds literals
	tasks   map[graph.Key]*task
	changed chan struct{} // closed and replaced when a task ends
	// durations is the mean compute time per key prefix, which decides
	// how many tasks a Pipeliner is sent ahead.
	durations map[string]*duration
	seq       int64
	counts    map[State]int
	errs      int64 // tasks that erred so far, for Wait
}

type task struct {
	key        graph.Key
	prefix     string // key.Prefix(), which events and timings use
	spec       *graph.Task
	state      State
	deps       []*task
	dependents map[*task]bool
	waitingOn  int // dependencies not in memory
	wants      int // futures and computations holding the key
	who        map[*workerState]bool
	nbytes     int64
	worker     *workerState // queued or processing on
	err        error
	prio       int64
	runs       int
	killed     int     // workers lost while running it
	retried    int     // runs that erred and were retried (spec.Retries)
	expect     float64 // expected compute time when it was sent
	cancel     context.CancelFunc
}

type workerState struct {
	w      Worker
	name   string
	alive  bool
	kernel bool
	// running are the tasks sent to the worker, in the order sent: the
	// first is executing, the others wait on the worker (see Pipeliner).
	running []*task
	queue   []*task
	has     map[*task]bool
	nbytes  int64
	// depth is how many tasks the worker may have in flight (1, or its
	// Pipeliner's Pipeline()), and ahead the expected compute time of
	// those in flight.
	depth int
	ahead float64
}

func (s *Scheduler) init() {
	s.once.Do(func() {
		s.byName = map[string]*workerState{}
		s.tasks = map[graph.Key]*task{}
		s.changed = make(chan struct{})
		s.counts = map[State]int{}
		s.durations = map[string]*duration{}
		s.kernel = &workerState{w: &kernelWorker{s: s}, name: "kernel", alive: true, kernel: true, has: map[*task]bool{}, depth: 1}
		for _, w := range s.Workers {
			s.addWorker(w)
		}
	})
}

// AddWorker adds a worker; queued work is rebalanced onto it.
func (s *Scheduler) AddWorker(w Worker) {
	s.init()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.addWorker(w)
	s.stealAll()
}

func (s *Scheduler) addWorker(w Worker) {
	ws := &workerState{w: w, name: w.Name(), alive: true, has: map[*task]bool{}, depth: 1}
	if p, ok := w.(Pipeliner); ok {
		ws.depth = max(1, p.Pipeline())
	}
	if old := s.byName[ws.name]; old != nil && old.alive {
		s.lost(old)
	}
	s.workers = append(s.workers, ws)
	s.byName[ws.name] = ws
	s.emitWorker(ws, "running")
}

// RemoveWorker takes a worker out as if it died: what it held is computed
// again elsewhere if still needed.
func (s *Scheduler) RemoveWorker(name string) {
	s.init()
	s.mu.Lock()
	defer s.mu.Unlock()
	if ws := s.byName[name]; ws != nil && ws.alive {
		s.lost(ws)
	}
}

// Live reports whether the worker called name is part of the cluster and
// alive.
func (s *Scheduler) Live(name string) bool {
	s.init()
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := s.byName[name]
	return ws != nil && ws.alive
}

// Compute runs the tasks of g needed for keys and returns their values.
// Linear chains are fused first so a partition stays on the worker that
// read it.
func (s *Scheduler) Compute(ctx context.Context, g graph.Graph, keys []graph.Key) ([]graph.Value, error) {
	g, err := s.Prepare(g, keys)
	if err != nil {
		return nil, err
	}
	if err := s.Submit(g, keys); err != nil {
		return nil, err
	}
	defer s.Release(keys)
	if err := s.Wait(ctx, keys); err != nil {
		return nil, err
	}
	return s.Gather(ctx, keys)
}

// Prepare culls g to what keys need and fuses linear chains. Keys the
// scheduler already has (held by futures or persisted, computed or on the
// way) are used as they are: not fused into others, not recomputed.
func (s *Scheduler) Prepare(g graph.Graph, keys []graph.Key) (graph.Graph, error) {
	s.init()
	s.mu.Lock()
	var known []graph.Key
	pruned := g
	copied := false
	for k, t := range g {
		if s.tasks[k] == nil {
			continue
		}
		// Known keys are kept out of fusion even without dependencies:
		// a persisted partition read from a CSV (a task with none) fused
		// into its consumer would be read again, not used where it is.
		known = append(known, k)
		if len(t.Deps) > 0 {
			if !copied {
				pruned = make(graph.Graph, len(g))
				for kk, tt := range g {
					pruned[kk] = tt
				}
				copied = true
			}
			pruned[k] = &graph.Task{Key: k, Stages: t.Stages}
		}
	}
	s.mu.Unlock()
	culled, err := graph.Cull(pruned, keys)
	if err != nil {
		return nil, err
	}
	keep := keys
	for _, k := range known {
		if _, ok := culled[k]; ok {
			keep = append(keep[:len(keep):len(keep)], k)
		}
	}
	return graph.Fuse(culled, keep), nil
}

// Submit makes keys wanted: their tasks, and what they depend on, run
// until each key is in memory or erred. Each call must be matched by a
// Release of the same keys.
func (s *Scheduler) Submit(g graph.Graph, keys []graph.Key) error {
	s.init()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.alive() == 0 {
		return fmt.Errorf("RuntimeError: the cluster has no workers")
	}
	var added []*task
	var add func(k graph.Key) (*task, error)
	add = func(k graph.Key) (*task, error) {
		if t := s.tasks[k]; t != nil {
			return t, nil
		}
		spec, ok := g[k]
		if !ok {
			return nil, fmt.Errorf("sched: no task computes %s", k)
		}
		t := &task{key: k, prefix: k.Prefix(), spec: spec, state: Released, dependents: map[*task]bool{}, who: map[*workerState]bool{}}
		s.tasks[k] = t
		s.count(t, "", Released)
		for _, d := range spec.Deps {
			dt, err := add(d)
			if err != nil {
				return nil, err
			}
			t.deps = append(t.deps, dt)
		}
		s.seq++
		t.prio = s.seq
		added = append(added, t)
		return t, nil
	}
	ts := make([]*task, len(keys))
	for i, k := range keys {
		t, err := add(k)
		if err != nil {
			return err
		}
		ts[i] = t
	}
	if s.OnEvent != nil {
		// Literals go to memory as they are ensured; announce the graph
		// with them done, and before any task starts.
		for _, t := range added {
			if t.spec.Literal && t.state == Released {
				s.ensure(t)
			}
		}
		s.emitGraph(added)
	}
	for _, t := range ts {
		t.wants++
		s.ensure(t)
	}
	s.fillAll()
	s.emitCounts()
	return nil
}

// Release drops one want of each key; a task nothing needs is forgotten.
func (s *Scheduler) Release(keys []graph.Key) {
	s.init()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, k := range keys {
		if t := s.tasks[k]; t != nil && t.wants > 0 {
			t.wants--
			s.maybeForget(t)
		}
	}
	s.fillAll()
	for _, ws := range s.workers {
		if ws.alive {
			s.emitWorker(ws, "running")
		}
	}
	s.emitCounts()
}

// Wait blocks until every key is in memory, or returns the error of the
// first that erred.
//
// Waiting for 50,000 futures must not look at all of them each time one
// task ends: Wait remembers how far the keys are in memory (tasks end
// roughly in the order they were submitted) and looks at every key only
// at the start, when a task erred, and to confirm the end (a lost worker
// may have sent a key looked at earlier back to released).
func (s *Scheduler) Wait(ctx context.Context, keys []graph.Key) error {
	s.init()
	next := 0             // keys[:next] were in memory when last looked at
	seenErrs := int64(-1) // s.errs when all keys were last looked at
	for {
		s.mu.Lock()
		if seenErrs != s.errs || next == len(keys) {
			seenErrs, next = s.errs, len(keys)
			for i, k := range keys {
				t := s.tasks[k]
				if t == nil {
					s.mu.Unlock()
					return fmt.Errorf("sched: %s is not wanted", k)
				}
				if t.state == Erred {
					s.mu.Unlock()
					return t.err
				}
				if t.state != Memory && i < next {
					next = i
				}
			}
			if next == len(keys) {
				s.mu.Unlock()
				return nil
			}
		}
		for next < len(keys) {
			if t := s.tasks[keys[next]]; t == nil || t.state != Memory {
				break
			}
			next++
		}
		ch := s.changed
		s.mu.Unlock()
		if next == len(keys) {
			continue // confirmed by looking at every key
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// Status returns the state of a key and its error if it erred.
func (s *Scheduler) Status(k graph.Key) (State, error) {
	s.init()
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.tasks[k]
	if t == nil {
		return Forgotten, nil
	}
	return t.state, t.err
}

// Holds reports whether the scheduler knows k: held by a future or a
// persisted collection, computed or on the way.
func (s *Scheduler) Holds(k graph.Key) bool {
	s.init()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tasks[k] != nil
}

// Changed returns a channel closed at the next task end.
func (s *Scheduler) Changed() <-chan struct{} {
	s.init()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.changed
}

// Gather returns the values of keys, which must be in memory, fetching
// them from the workers holding them.
func (s *Scheduler) Gather(ctx context.Context, keys []graph.Key) ([]graph.Value, error) {
	out := make([]graph.Value, len(keys))
	if len(keys) <= 1 {
		for i, k := range keys {
			v, err := s.gatherOne(ctx, k)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	}
	// Many results (client.gather of 50,000 futures): fetch them with
	// several requests in flight, since each is a round trip to a worker,
	// and from a BulkGetter many keys a request.
	const inFlight = 32
	sem := make(chan struct{}, inFlight)
	errs := make(chan error, 1)
	var wg sync.WaitGroup
	for _, job := range s.gatherJobs(keys) {
		select {
		case sem <- struct{}{}:
		case err := <-errs:
			wg.Wait()
			return nil, err
		}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			if err := s.gather(ctx, job, keys, out); err != nil {
				select {
				case errs <- err:
				default:
				}
			}
		}()
	}
	wg.Wait()
	select {
	case err := <-errs:
		return nil, err
	default:
	}
	return out, nil
}

// bulkGather is how many keys one GetMany asks a worker for: a request of
// 2,048 small results is about 20 kB each way.
const bulkGather = 2048

// gatherJob is a part of a Gather: keys[idx] from holder h, a BulkGetter,
// in one request; or, with no holder, keys[idx[0]] alone with gatherOne.
type gatherJob struct {
	h   *workerState
	idx []int
}

// gatherJobs splits fetching keys into jobs: the keys in memory on a
// BulkGetter in requests of up to bulkGather keys per holder, the others
// one at a time.
func (s *Scheduler) gatherJobs(keys []graph.Key) []gatherJob {
	var jobs []gatherJob
	bulk := map[*workerState][]int{}
	var order []*workerState
	all := make([]int, len(keys)) // the single keys' idx slices share it
	s.mu.Lock()
	for i, k := range keys {
		all[i] = i
		if t := s.tasks[k]; t != nil && t.state == Memory {
			if h := s.holder(t, nil); h != nil {
				if _, ok := h.w.(BulkGetter); ok {
					if bulk[h] == nil {
						order = append(order, h)
					}
					bulk[h] = append(bulk[h], i)
					continue
				}
			}
		}
		jobs = append(jobs, gatherJob{idx: all[i : i+1 : i+1]})
	}
	s.mu.Unlock()
	for _, h := range order {
		for idx := bulk[h]; len(idx) > 0; {
			n := min(len(idx), bulkGather)
			jobs = append(jobs, gatherJob{h: h, idx: idx[:n:n]})
			idx = idx[n:]
		}
	}
	return jobs
}

// gather does job, putting the values in out. A bulk request that fails
// (a worker lost, a key gone) is done again key by key with gatherOne,
// which waits, retries elsewhere and reports which key failed.
func (s *Scheduler) gather(ctx context.Context, job gatherJob, keys []graph.Key, out []graph.Value) error {
	if job.h != nil {
		ks := make([]graph.Key, len(job.idx))
		for j, i := range job.idx {
			ks[j] = keys[i]
		}
		vs, err := job.h.w.(BulkGetter).GetMany(ctx, ks)
		if err == nil && len(vs) == len(ks) {
			for j, i := range job.idx {
				out[i] = vs[j]
			}
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	for _, i := range job.idx {
		v, err := s.gatherOne(ctx, keys[i])
		if err != nil {
			return err
		}
		out[i] = v
	}
	return nil
}

// gatherOne fetches one result from a worker holding it, waiting for it
// first and trying another holder when one fails.
func (s *Scheduler) gatherOne(ctx context.Context, k graph.Key) (graph.Value, error) {
	for {
		s.mu.Lock()
		t := s.tasks[k]
		if t == nil || t.state != Memory {
			s.mu.Unlock()
			if err := s.Wait(ctx, []graph.Key{k}); err != nil {
				return nil, err
			}
			continue
		}
		holder := s.holder(t, nil)
		s.mu.Unlock()
		v, err := holder.w.Get(ctx, k)
		if err == nil {
			return v, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		s.mu.Lock()
		s.failedGet(holder, t, err)
		s.mu.Unlock()
	}
}

// Scatter stores values on the workers, spread by least memory held, and
// makes them wanted as Submit does.
func (s *Scheduler) Scatter(ctx context.Context, keys []graph.Key, values []graph.Value) error {
	s.init()
	for i, k := range keys {
		if err := s.Submit(graph.Graph{k: graph.LiteralTask(k, values[i])}, []graph.Key{k}); err != nil {
			return err
		}
	}
	return nil
}

// Who returns, for each key in memory, the workers holding it.
func (s *Scheduler) Who(keys []graph.Key) map[graph.Key][]string {
	s.init()
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[graph.Key][]string{}
	for _, k := range keys {
		if t := s.tasks[k]; t != nil {
			out[k] = t.holders()
		}
	}
	return out
}

// WorkerNames returns the names of the live workers.
func (s *Scheduler) WorkerNames() []string {
	s.init()
	s.mu.Lock()
	defer s.mu.Unlock()
	var names []string
	for _, ws := range s.workers {
		if ws.alive {
			names = append(names, ws.name)
		}
	}
	return names
}

// Close forgets every task and releases their values.
func (s *Scheduler) Close() {
	s.init()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, t := range s.tasks {
		t.wants = 0
	}
	for _, t := range s.sortedTasks() {
		s.maybeForget(t)
	}
}

// ---- transitions (called with s.mu held) ----

func (s *Scheduler) setState(t *task, st State) {
	s.count(t, t.state, st)
	t.state = st
}

func (s *Scheduler) count(_ *task, from, to State) {
	if from != "" {
		s.counts[from]--
	}
	s.counts[to]++
}

// ensure moves a wanted task towards memory: released → waiting (and its
// dependencies too) → queued.
func (s *Scheduler) ensure(t *task) {
	switch t.state {
	case Memory, Waiting, Queued, Processing, Erred:
		return
	}
	if t.state == Forgotten {
		s.tasks[t.key] = t
	}
	if t.spec.Literal {
		s.putLiteral(t)
		return
	}
	s.setState(t, Waiting)
	t.waitingOn = 0
	for _, d := range t.deps {
		d.dependents[t] = true
		s.ensure(d)
		switch d.state {
		case Memory:
		case Erred:
			s.erred(t, d.err)
			return
		default:
			t.waitingOn++
		}
	}
	if t.waitingOn == 0 {
		s.ready(t)
	}
}

// putLiteral keeps a value of the kernel's memory (a persisted partition,
// a scattered object) in the kernel; a worker that needs it is sent a copy.
func (s *Scheduler) putLiteral(t *task) {
	s.kernel.w.(*kernelWorker).put(t.key, t.spec.Data)
	s.setState(t, Memory)
	t.nbytes = SizeOf(t.spec.Data)
	s.hold(s.kernel, t)
	s.notify()
}

// ready queues t on the worker chosen for it: the one already holding
// most of its input bytes, then the least occupied.
func (s *Scheduler) ready(t *task) {
	ws := s.decide(t)
	if ws == nil {
		s.erred(t, fmt.Errorf("RuntimeError: the cluster has no workers left to run %s", t.key))
		return
	}
	s.setState(t, Queued)
	t.worker = ws
	ws.enqueue(t)
}

// enqueue puts t in ws's queue, kept in priority order (first submitted
// first). Tasks mostly become ready in that order, so the common case is
// an append; 50,000 at once must not sort the queue 50,000 times.
func (ws *workerState) enqueue(t *task) {
	i := len(ws.queue)
	if i > 0 && ws.queue[i-1].prio > t.prio {
		i = sort.Search(len(ws.queue), func(j int) bool { return ws.queue[j].prio > t.prio })
	}
	ws.queue = slices.Insert(ws.queue, i, t)
}

func (s *Scheduler) decide(t *task) *workerState {
	if t.spec.Local() {
		return s.kernel
	}
	var best *workerState
	var bestBytes int64 = -1
	bestOcc := 0
	for _, ws := range s.workers {
		if !ws.alive {
			continue
		}
		var b int64
		for _, d := range t.deps {
			if d.who[ws] {
				b += d.nbytes
			}
		}
		occ := ws.occupancy()
		if b > bestBytes || b == bestBytes && occ < bestOcc {
			best, bestBytes, bestOcc = ws, b, occ
		}
	}
	return best
}

func (ws *workerState) occupancy() int {
	return len(ws.queue) + len(ws.running)
}

func (s *Scheduler) alive() int {
	n := 0
	for _, ws := range s.workers {
		if ws.alive {
			n++
		}
	}
	return n
}

// fillAll starts queued tasks on idle workers, then lets the workers still
// idle steal from busy ones.
func (s *Scheduler) fillAll() {
	for _, ws := range s.workers {
		s.fill(ws)
	}
	s.stealAll()
	for _, ws := range s.workers {
		s.fill(ws)
	}
	s.fill(s.kernel)
}

// stealAll moves queued tasks from busy workers to idle ones: for each idle
// worker, the queued task of the longest queue that holds the fewest of its
// input bytes where it is queued, unless copying those bytes (at
// stealBandwidth) takes longer than the task is expected to run, as Dask's
// work stealing weighs a task's transfer against its compute time.
func (s *Scheduler) stealAll() {
	for _, thief := range s.workers {
		if !thief.alive || thief.occupancy() > 0 {
			continue
		}
		var victim *workerState
		for _, ws := range s.workers {
			if ws.alive && len(ws.running) > 0 && len(ws.queue) > 0 && (victim == nil || len(ws.queue) > len(victim.queue)) {
				victim = ws
			}
		}
		if victim == nil {
			return
		}
		pick, least := -1, int64(-1)
		for i, t := range victim.queue {
			var b int64
			for _, d := range t.deps {
				if d.who[victim] {
					b += d.nbytes
				}
			}
			if pick < 0 || b < least {
				pick, least = i, b
			}
		}
		t := victim.queue[pick]
		if least > 0 && float64(least)/stealBandwidth > s.expected(t) {
			// Moving its inputs costs more than waiting for the victim:
			// a short task on a persisted partition runs where it is.
			continue
		}
		victim.queue = append(victim.queue[:pick], victim.queue[pick+1:]...)
		t.worker = thief
		thief.enqueue(t)
		s.emit(Event{Kind: "steal", Key: string(t.key), Prefix: t.prefix, From: victim.name, To: thief.name, Time: Now()})
	}
}

// stealBandwidth is the rate, in bytes per second, at which a stolen
// task's inputs are assumed to reach the thief: between web workers a
// value is copied into a message (frame.Marshal) and posted.
const stealBandwidth = 200e6

// fill sends ws its next queued task if it is idle. A Pipeliner is sent
// more while the tasks in flight are known to be short (pipelineBudget of
// expected work), so that the round trip of one message overlaps the run
// of the tasks before it; long or not yet timed tasks go one at a time and
// stay in the queue, where an idle worker can steal them.
func (s *Scheduler) fill(ws *workerState) {
	if !ws.alive {
		return
	}
	for len(ws.queue) > 0 && len(ws.running) < ws.depth {
		if len(ws.running) > 0 && ws.ahead+s.expected(ws.queue[0]) > pipelineBudget && !s.pinned(ws.queue[0], ws) {
			return
		}
		t := ws.queue[0]
		ws.queue = ws.queue[1:]
		s.start(t, ws)
	}
}

// pinned reports whether t would not be worth stealing from ws: moving
// the inputs ws holds for it (a persisted partition) costs more than its
// expected compute time (see stealAll). Such a task is sent ahead however
// long, so that the worker goes from one to the next without waiting for
// the scheduler's reply in between.
func (s *Scheduler) pinned(t *task, ws *workerState) bool {
	var b int64
	for _, d := range t.deps {
		if d.who[ws] {
			b += d.nbytes
		}
	}
	return b > 0 && float64(b)/stealBandwidth > s.expected(t)
}

// pipelineBudget is the expected work, in seconds, a Pipeliner may have
// in flight.
const pipelineBudget = 0.02

// duration is the running mean of a key prefix's compute times.
type duration struct {
	n    int
	mean float64
}

// expected is t's expected compute time: its prefix's mean, or a whole
// budget when no task of the prefix has finished yet.
func (s *Scheduler) expected(t *task) float64 {
	if d := s.durations[t.prefix]; d != nil {
		return d.mean
	}
	return pipelineBudget
}

// timed adds a finished task's compute time to its prefix's mean.
func (s *Scheduler) timed(t *task, res Result) {
	p := t.prefix
	d := s.durations[p]
	if d == nil {
		d = &duration{}
		s.durations[p] = d
	}
	d.n++
	d.mean += (res.Stop - res.Start - d.mean) / float64(min(d.n, 100))
}

// start sends t to ws: queued → processing.
func (s *Scheduler) start(t *task, ws *workerState) {
	s.setState(t, Processing)
	t.worker = ws
	t.runs++
	ws.running = append(ws.running, t)
	t.expect = s.expected(t)
	ws.ahead += t.expect
	req := Request{Task: t.spec, Who: map[graph.Key][]string{}}
	// Inputs only the kernel holds are sent along first.
	var sends []*task
	for _, d := range t.deps {
		req.Who[d.key] = d.holders()
		if !ws.kernel && !d.who[ws] && len(d.who) == 1 && d.who[s.kernel] {
			sends = append(sends, d)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.cancel = cancel
	s.emit(Event{Kind: "task-start", Key: string(t.key), Prefix: t.prefix, Worker: ws.name, Time: Now(), Start: Now(), Attempt: t.runs})
	s.emitWorker(ws, "running")
	kw := s.kernel.w.(*kernelWorker)
	go func() {
		var pre []Transfer
		for _, d := range sends {
			start := Now()
			v, err := kw.get(d.key)
			var n int64
			if err == nil {
				n, err = ws.w.Put(ctx, d.key, v)
			}
			if err != nil {
				s.finished(t, ws, Result{Transfers: pre}, err)
				return
			}
			pre = append(pre, Transfer{Key: d.key, From: "kernel", To: ws.name, Bytes: n, Start: start, Stop: Now()})
		}
		res, err := ws.w.Run(ctx, req)
		res.Transfers = append(pre, res.Transfers...)
		s.finished(t, ws, res, err)
	}()
}

// finished handles a worker's report on t.
func (s *Scheduler) finished(t *task, ws *workerState, res Result, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer s.emitCounts()
	defer s.notify()
	if errors.Is(err, ErrWorkerLost) {
		if ws.alive {
			s.lost(ws) // sends t, if it still runs there, back to released
		}
		s.fillAll()
		return
	}
	if i := slices.Index(ws.running, t); i >= 0 {
		ws.running = slices.Delete(ws.running, i, i+1)
		ws.ahead -= t.expect
		if len(ws.running) == 0 {
			ws.ahead = 0 // no rounding drift
		}
	}
	if t.cancel != nil {
		t.cancel()
		t.cancel = nil
	}
	for _, tr := range res.Transfers {
		s.emit(Event{Kind: "transfer", Key: string(tr.Key), Prefix: tr.Key.Prefix(), From: tr.From, To: tr.To, Bytes: tr.Bytes, Start: tr.Start, Stop: tr.Stop, Time: tr.Stop})
		if d := s.tasks[tr.Key]; d != nil && d.state == Memory && ws.alive {
			s.hold(ws, d)
		}
	}
	current := t.state == Processing && t.worker == ws && s.tasks[t.key] == t
	if !current {
		// Released or rescheduled meanwhile: drop what it made.
		if err == nil && ws.alive && !t.who[ws] {
			ws.w.Release([]graph.Key{t.key})
		}
		s.fillAll()
		return
	}
	var miss *MissingError
	switch {
	case errors.As(err, &miss):
		// A holder lost the input: forget that copy and try again.
		if d := s.tasks[miss.Key]; d != nil {
			if h := s.byName[miss.Worker]; h != nil && d.who[h] {
				s.unhold(h, d)
			}
			if len(d.who) == 0 && d.state == Memory {
				s.setState(d, Released)
			}
		}
		t.worker = nil
		s.setState(t, Released)
		s.recover()
	case err != nil && t.retried < t.spec.Retries:
		// Retried, as Dask's retries=: the error is dropped and the
		// task released, to be run again where the scheduler decides.
		s.emit(Event{Kind: "task-end", Key: string(t.key), Prefix: t.prefix, Worker: ws.name, Start: res.Start, Stop: res.Stop, State: string(Erred), Time: Now(), Attempt: t.runs})
		t.retried++
		t.worker = nil
		s.setState(t, Released)
		s.recover()
	case err != nil:
		s.emit(Event{Kind: "task-end", Key: string(t.key), Prefix: t.prefix, Worker: ws.name, Start: res.Start, Stop: res.Stop, State: string(Erred), Time: Now(), Attempt: t.runs})
		s.erred(t, err)
	default:
		s.emit(Event{Kind: "task-end", Key: string(t.key), Prefix: t.prefix, Worker: ws.name, Start: res.Start, Stop: res.Stop, Bytes: res.NBytes, State: string(Memory), Time: Now(), Attempt: t.runs})
		s.timed(t, res)
		t.worker = nil
		t.nbytes = res.NBytes
		s.setState(t, Memory)
		s.hold(ws, t)
		for d := range t.dependents {
			if d.state == Waiting {
				if d.waitingOn--; d.waitingOn == 0 {
					s.ready(d)
				}
			}
		}
		for _, d := range t.deps {
			s.maybeForget(d)
		}
		s.maybeForget(t)
	}
	s.emitWorker(ws, "running")
	s.fillAll()
}

// erred marks t and everything waiting on it erred.
func (s *Scheduler) erred(t *task, err error) {
	if t.state == Erred {
		return
	}
	if t.state == Queued && t.worker != nil {
		t.worker.dequeue(t)
	}
	t.worker = nil
	s.setState(t, Erred)
	s.errs++
	t.err = err
	for d := range t.dependents {
		if d.state == Waiting || d.state == Queued {
			s.erred(d, err)
		}
	}
	s.notify()
}

func (ws *workerState) dequeue(t *task) {
	for i, q := range ws.queue {
		if q == t {
			ws.queue = append(ws.queue[:i], ws.queue[i+1:]...)
			return
		}
	}
}

// needed reports whether a future, a computation or an unfinished
// dependent still needs t.
func (t *task) needed() bool {
	if t.wants > 0 {
		return true
	}
	for d := range t.dependents {
		if d.state != Memory && d.state != Forgotten && d.state != Erred {
			return true
		}
	}
	return false
}

// maybeForget forgets t if nothing needs it: its value is released and
// its dependencies may follow.
func (s *Scheduler) maybeForget(t *task) {
	if t.state == Forgotten || t.needed() {
		return
	}
	switch t.state {
	case Queued:
		if t.worker != nil {
			t.worker.dequeue(t)
		}
	case Processing:
		if t.cancel != nil {
			t.cancel()
		}
	}
	t.worker = nil
	if t.state == Memory {
		s.emit(Event{Kind: "forget", Key: string(t.key), Prefix: t.prefix, Bytes: t.nbytes, Time: Now()})
	}
	for ws := range t.who {
		s.unhold(ws, t)
		ws.w.Release([]graph.Key{t.key})
	}
	s.setState(t, Forgotten)
	t.err = nil
	delete(s.tasks, t.key)
	for _, d := range t.deps {
		delete(d.dependents, t)
		s.maybeForget(d)
	}
}

func (s *Scheduler) hold(ws *workerState, t *task) {
	if !t.who[ws] {
		t.who[ws] = true
		ws.has[t] = true
		ws.nbytes += t.nbytes
	}
}

func (s *Scheduler) unhold(ws *workerState, t *task) {
	if t.who[ws] {
		delete(t.who, ws)
		delete(ws.has, t)
		ws.nbytes -= t.nbytes
	}
}

// lost handles a worker that died: its queue is rescheduled, what it was
// running and what only it held go back to released, and what is still
// needed is computed again.
func (s *Scheduler) lost(ws *workerState) {
	ws.alive = false
	s.emitWorker(ws, "lost")
	queue := ws.queue
	ws.queue = nil
	for _, t := range queue {
		t.worker = nil
		s.setState(t, Released)
	}
	running := ws.running
	ws.running, ws.ahead = nil, 0
	for i, t := range running {
		if t.cancel != nil {
			t.cancel()
		}
		t.worker = nil
		s.setState(t, Released)
		// A task that keeps killing its workers (out of memory, a crash)
		// is given up on, as Dask does after three. Only the first task
		// in flight was executing; the others waited behind it.
		if i > 0 {
			continue
		}
		if t.killed++; t.killed >= allowedFailures {
			s.erred(t, fmt.Errorf("KilledWorker: attempted to run task %s on %d different workers, but all those workers died while running it (the last one: %s)", t.key, t.killed, ws.name))
		}
	}
	for t := range ws.has {
		s.unhold(ws, t)
		if len(t.who) == 0 && t.state == Memory {
			s.setState(t, Released)
		}
	}
	s.recover()
}

// failedGet handles a Get that failed on holder.
func (s *Scheduler) failedGet(holder *workerState, t *task, err error) {
	if errors.Is(err, ErrWorkerLost) {
		if holder.alive {
			s.lost(holder)
		}
	} else {
		s.unhold(holder, t)
		if len(t.who) == 0 && t.state == Memory {
			s.setState(t, Released)
			s.recover()
		}
	}
	s.fillAll()
}

// recover sends the released tasks something still needs back towards
// memory, and forgets the others. Tasks waiting on a dependency that left
// memory wait for it again.
func (s *Scheduler) recover() {
	for _, t := range s.sortedTasks() {
		if t.state == Waiting {
			t.waitingOn = 0
			for _, d := range t.deps {
				if d.state != Memory {
					t.waitingOn++
				}
			}
		}
	}
	for _, t := range s.sortedTasks() {
		if t.state == Queued {
			for _, d := range t.deps {
				if d.state != Memory {
					t.worker.dequeue(t)
					t.worker = nil
					s.setState(t, Released)
					break
				}
			}
		}
	}
	for _, t := range s.sortedTasks() {
		if t.state != Released {
			continue
		}
		if t.needed() {
			s.ensure(t)
		} else {
			s.maybeForget(t)
		}
	}
	s.fillAll()
}

func (t *task) holders() []string {
	var names []string
	for ws := range t.who {
		names = append(names, ws.name)
	}
	sort.Strings(names)
	return names
}

// holder picks a live worker holding t, preferring non-kernel ones in
// stable order.
func (s *Scheduler) holder(t *task, _ *workerState) *workerState {
	var best *workerState
	for ws := range t.who {
		if best == nil || ws.name < best.name {
			best = ws
		}
	}
	return best
}

func (s *Scheduler) sortedTasks() []*task {
	ts := make([]*task, 0, len(s.tasks))
	for _, t := range s.tasks {
		ts = append(ts, t)
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i].prio < ts[j].prio })
	return ts
}

func (s *Scheduler) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}
