package sched

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"burst/engine/graph"
)

func init() {
	graph.Register("sched-test-sleep", func(_ *graph.Env, p json.RawMessage, in []graph.Value) (graph.Value, error) {
		var ms int
		json.Unmarshal(p, &ms)
		time.Sleep(time.Duration(ms) * time.Millisecond)
		s := 1
		for _, v := range in {
			s += v.(int)
		}
		return s, nil
	})
	graph.Register("sched-test-fail", func(*graph.Env, json.RawMessage, []graph.Value) (graph.Value, error) {
		return nil, errors.New("ValueError: boom")
	})
	// Fails until it has run as many times as its parameter says.
	graph.Register("sched-test-flaky", func(_ *graph.Env, p json.RawMessage, _ []graph.Value) (graph.Value, error) {
		var fails int
		json.Unmarshal(p, &fails)
		flakyMu.Lock()
		defer flakyMu.Unlock()
		if flakyRuns++; flakyRuns <= fails {
			return nil, fmt.Errorf("ValueError: run %d failed", flakyRuns)
		}
		return flakyRuns, nil
	})
}

var (
	flakyMu   sync.Mutex
	flakyRuns int
)

// TestRetries: a task with retries runs again after an error, as Dask's
// retries= does, and errs when its retries are spent.
func TestRetries(t *testing.T) {
	flaky := func(fails, retries int) graph.Graph {
		flakyMu.Lock()
		flakyRuns = 0
		flakyMu.Unlock()
		return graph.Graph{"f": {Key: "f", Retries: retries, Stages: []graph.Stage{graph.NewStage("sched-test-flaky", fails)}}}
	}
	s := &Scheduler{Workers: NewLocalWorkers(2, &graph.Env{})}
	vs, err := s.Compute(context.Background(), flaky(3, 5), []graph.Key{"f"})
	if err != nil || vs[0] != 4 {
		t.Fatalf("3 failures with 5 retries: %v, %v; want the 4th run's value", vs, err)
	}
	_, err = s.Compute(context.Background(), flaky(3, 2), []graph.Key{"f"})
	if err == nil || err.Error() != "ValueError: run 3 failed" {
		t.Fatalf("3 failures with 2 retries: err = %v, want the third run's error", err)
	}
}

func sleepTask(k string, ms int, deps ...graph.Key) *graph.Task {
	return &graph.Task{Key: graph.Key(k), Deps: deps, Stages: []graph.Stage{graph.NewStage("sched-test-sleep", ms)}}
}

func TestComputeRunsInParallel(t *testing.T) {
	g := graph.Graph{}
	var leaves []graph.Key
	for _, k := range []string{"a", "b", "c", "d"} {
		g[graph.Key(k)] = sleepTask(k, 50)
		leaves = append(leaves, graph.Key(k))
	}
	g["total"] = sleepTask("total", 0, leaves...)
	var mu sync.Mutex
	var events []Event
	s := &Scheduler{Workers: NewLocalWorkers(4, &graph.Env{}), OnEvent: func(e Event) {
		mu.Lock()
		events = append(events, e)
		mu.Unlock()
	}}
	vs, err := s.Compute(context.Background(), g, []graph.Key{"total"})
	if err != nil {
		t.Fatal(err)
	}
	if vs[0] != 5 {
		t.Errorf("total = %v, want 5", vs[0])
	}
	// The four leaves ran on four different workers, overlapping in time.
	start := map[string]float64{}
	done := map[string]float64{}
	workers := map[string]bool{}
	for _, e := range events {
		switch e.Kind {
		case "task-start":
			start[e.Key] = e.Time
			if e.Key != "total" {
				workers[e.Worker] = true
			}
		case "task-end":
			done[e.Key] = e.Stop
		}
	}
	if len(workers) != 4 {
		t.Errorf("leaves ran on %d workers, want 4", len(workers))
	}
	latestStart := 0.0
	earliestDone := 1e300
	for _, k := range []string{"a", "b", "c", "d"} {
		latestStart = max(latestStart, start[k])
		earliestDone = min(earliestDone, done[k])
	}
	if latestStart >= earliestDone {
		t.Errorf("leaves did not overlap: last start %.3f, first done %.3f", latestStart, earliestDone)
	}
	if start["total"] < latestStart {
		t.Errorf("total started before its inputs")
	}
}

func TestComputeReportsTaskError(t *testing.T) {
	g := graph.Graph{
		"ok":  sleepTask("ok", 0),
		"bad": {Key: "bad", Stages: []graph.Stage{graph.NewStage("sched-test-fail", nil)}},
		"sum": sleepTask("sum", 0, "ok", "bad"),
	}
	s := &Scheduler{Workers: NewLocalWorkers(2, &graph.Env{})}
	_, err := s.Compute(context.Background(), g, []graph.Key{"sum"})
	if err == nil || err.Error() != "ValueError: boom" {
		t.Fatalf("err = %v, want the task's error", err)
	}
	// The scheduler is still usable.
	vs, err := s.Compute(context.Background(), g, []graph.Key{"ok"})
	if err != nil || vs[0] != 1 {
		t.Fatalf("after an error: %v, %v", vs, err)
	}
}

// TestGraphEvent: a computation is announced, with its groups and tasks,
// before any of its tasks starts; a large one only by its groups.
func TestGraphEvent(t *testing.T) {
	var mu sync.Mutex
	var events []Event
	s := &Scheduler{Workers: NewLocalWorkers(2, &graph.Env{}), OnEvent: func(e Event) {
		mu.Lock()
		events = append(events, e)
		mu.Unlock()
	}}
	g := graph.Graph{
		"inc-0000000a": sleepTask("inc-0000000a", 0),
		"inc-0000000b": sleepTask("inc-0000000b", 0),
		"add-0000000c": sleepTask("add-0000000c", 0, "inc-0000000a", "inc-0000000b"),
	}
	if err := s.Submit(g, []graph.Key{"add-0000000c"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Wait(context.Background(), []graph.Key{"add-0000000c"}); err != nil {
		t.Fatal(err)
	}
	s.Release([]graph.Key{"add-0000000c"})
	first := func() Event {
		mu.Lock()
		defer mu.Unlock()
		for _, e := range events {
			switch e.Kind {
			case "graph":
				return e
			case "task-start":
				t.Fatalf("%s started before the graph was announced", e.Key)
			}
		}
		t.Fatal("no graph event")
		return Event{}
	}
	e := first()
	if len(e.Tasks) != 3 || len(e.Groups) != 2 {
		t.Fatalf("graph event: %d tasks, %d groups; want 3 and 2", len(e.Tasks), len(e.Groups))
	}
	for _, gr := range e.Groups {
		switch gr.Prefix {
		case "inc":
			if gr.Tasks != 2 || len(gr.Deps) != 0 {
				t.Errorf("inc group %+v", gr)
			}
		case "add":
			if gr.Tasks != 1 || len(gr.Deps) != 1 || gr.Deps[0] != "inc" {
				t.Errorf("add group %+v", gr)
			}
		}
	}
	for _, task := range e.Tasks {
		if task.Key == "add-0000000c" && len(task.Deps) != 2 {
			t.Errorf("add-1 deps %v", task.Deps)
		}
	}

	big := graph.Graph{}
	var keys []graph.Key
	for i := range MaxGraphTasks + 1 {
		k := graph.Key(fmt.Sprintf("('leaf-deadbeef', %d)", i))
		big[k] = sleepTask(string(k), 0)
		keys = append(keys, k)
	}
	mu.Lock()
	events = nil
	mu.Unlock()
	if _, err := s.Compute(context.Background(), big, keys); err != nil {
		t.Fatal(err)
	}
	e = first()
	if e.Kind != "graph" || len(e.Tasks) != 0 || len(e.Groups) != 1 || e.Groups[0].Tasks != MaxGraphTasks+1 {
		t.Errorf("large graph event: %s with %d tasks and groups %+v", e.Kind, len(e.Tasks), e.Groups)
	}
}

// pipeWorker is a Pipeliner: it runs what it is sent one at a time, in
// order, and records how many tasks it had in flight at most.
type pipeWorker struct {
	*LocalWorker
	run      sync.Mutex
	mu       sync.Mutex
	inFlight int
	most     int
}

func (w *pipeWorker) Pipeline() int { return 64 }

func (w *pipeWorker) Run(ctx context.Context, r Request) (Result, error) {
	w.mu.Lock()
	w.inFlight++
	w.most = max(w.most, w.inFlight)
	w.mu.Unlock()
	defer func() {
		w.mu.Lock()
		w.inFlight--
		w.mu.Unlock()
	}()
	w.run.Lock()
	defer w.run.Unlock()
	// A message's way to the worker and back, outside the task's timed
	// run: without it, on a loaded machine each task could be done
	// before the scheduler's next send, and nothing would ever be seen in
	// flight however far ahead the scheduler sends.
	time.Sleep(time.Millisecond)
	return w.LocalWorker.Run(ctx, r)
}

// A Pipeliner is sent short tasks ahead, up to its Pipeline(), once their
// prefix is known to be short; long tasks go one at a time, so that they
// stay in the scheduler's queue where an idle worker can steal them.
func TestPipelinedWorkers(t *testing.T) {
	for _, tc := range []struct {
		ms, n       int
		least, most int
	}{
		{0, 400, 16, 64},
		{30, 12, 1, 1},
	} {
		local := NewLocalWorkers(2, &graph.Env{})
		ws := []Worker{&pipeWorker{LocalWorker: local[0].(*LocalWorker)}, &pipeWorker{LocalWorker: local[1].(*LocalWorker)}}
		s := &Scheduler{Workers: ws}
		g := graph.Graph{}
		var keys []graph.Key
		for i := range tc.n {
			k := graph.Key(fmt.Sprintf("('tiny', %d)", i))
			g[k] = sleepTask(string(k), tc.ms)
			keys = append(keys, k)
		}
		vs, err := s.Compute(context.Background(), g, keys)
		if err != nil {
			t.Fatal(err)
		}
		if len(vs) != tc.n || vs[tc.n-1] != 1 {
			t.Fatalf("%d tasks: got %d values", tc.n, len(vs))
		}
		for _, w := range ws {
			pw := w.(*pipeWorker)
			if pw.most < tc.least || pw.most > tc.most {
				t.Errorf("%d ms tasks: %s had up to %d in flight, want %d to %d", tc.ms, pw.Name(), pw.most, tc.least, tc.most)
			}
		}
	}
}

// Wait on many keys returns when the last is in memory, and with the
// error of a key that erred anywhere among them.
func TestWaitManyKeys(t *testing.T) {
	s := &Scheduler{Workers: NewLocalWorkers(2, &graph.Env{})}
	g := graph.Graph{}
	var keys []graph.Key
	for i := range 3000 {
		k := graph.Key(fmt.Sprintf("('many', %d)", i))
		g[k] = sleepTask(string(k), 0)
		if i == 2500 {
			g[k] = &graph.Task{Key: k, Stages: []graph.Stage{graph.NewStage("sched-test-fail", nil)}}
		}
		keys = append(keys, k)
	}
	if err := s.Submit(g, keys[:2000]); err != nil {
		t.Fatal(err)
	}
	if err := s.Wait(context.Background(), keys[:2000]); err != nil {
		t.Fatal(err)
	}
	for _, k := range keys[:2000] {
		if st, _ := s.Status(k); st != Memory {
			t.Fatalf("%s is %s after Wait", k, st)
		}
	}
	if err := s.Submit(g, keys); err != nil {
		t.Fatal(err)
	}
	if err := s.Wait(context.Background(), keys); err == nil || err.Error() != "ValueError: boom" {
		t.Errorf("Wait with an erred key: %v", err)
	}
}

// bigValue stands for a persisted partition: large to move.
type bigValue struct{}

func (bigValue) NBytes() int64 { return 1 << 30 }

func init() {
	graph.Register("sched-test-big", func(*graph.Env, json.RawMessage, []graph.Value) (graph.Value, error) {
		return bigValue{}, nil
	})
	graph.Register("sched-test-use", func(_ *graph.Env, p json.RawMessage, _ []graph.Value) (graph.Value, error) {
		var ms int
		json.Unmarshal(p, &ms)
		time.Sleep(time.Duration(ms) * time.Millisecond)
		return 1, nil
	})
}

// Tasks on partitions too large to move run where the partitions are,
// even when a worker is idle, and are sent ahead however long they are,
// so that a worker goes from one to the next without a round trip to the
// scheduler in between.
func TestTasksStayWithTheirData(t *testing.T) {
	local := NewLocalWorkers(2, &graph.Env{})
	ws := []Worker{&pipeWorker{LocalWorker: local[0].(*LocalWorker)}, &pipeWorker{LocalWorker: local[1].(*LocalWorker)}}
	var mu sync.Mutex
	var moved []Event
	s := &Scheduler{Workers: ws, OnEvent: func(e Event) {
		if e.Kind == "transfer" || e.Kind == "steal" {
			mu.Lock()
			moved = append(moved, e)
			mu.Unlock()
		}
	}}
	// Both partitions on worker-0: worker-1 stays idle rather than
	// copy a gigabyte for a 30 ms task.
	g := graph.Graph{}
	var parts []graph.Key
	for i := range 2 {
		k := graph.Key(fmt.Sprintf("('part', %d)", i))
		g[k] = &graph.Task{Key: k, Stages: []graph.Stage{graph.NewStage("sched-test-big", nil)}}
		parts = append(parts, k)
	}
	if err := s.Submit(g, parts[:1]); err != nil {
		t.Fatal(err)
	}
	if err := s.Wait(context.Background(), parts[:1]); err != nil {
		t.Fatal(err)
	}
	if err := s.Submit(g, parts[1:]); err != nil { // where part 0 is: least occupied ties
		t.Fatal(err)
	}
	if err := s.Wait(context.Background(), parts[1:]); err != nil {
		t.Fatal(err)
	}
	who := s.Who(parts)
	holder := who[parts[0]][0]
	if who[parts[1]][0] != holder {
		t.Skipf("the partitions went to different workers (%v): nothing to test", who)
	}
	use := graph.Graph{}
	var keys []graph.Key
	for i := range 8 {
		k := graph.Key(fmt.Sprintf("('use', %d)", i))
		use[k] = &graph.Task{Key: k, Deps: []graph.Key{parts[i%2]}, Stages: []graph.Stage{graph.NewStage("sched-test-use", 30)}}
		keys = append(keys, k)
	}
	if _, err := s.Compute(context.Background(), graph.Merge(g, use), keys); err != nil {
		t.Fatal(err)
	}
	if len(moved) > 0 {
		t.Errorf("tasks left their partitions: %+v", moved)
	}
	for _, w := range ws {
		pw := w.(*pipeWorker)
		if pw.Name() == holder && pw.most < 2 {
			t.Errorf("%s was sent its 30 ms tasks one at a time (at most %d in flight)", pw.Name(), pw.most)
		}
	}
}
