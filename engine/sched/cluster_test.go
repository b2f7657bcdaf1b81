package sched

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"

	"burst/engine/frame"
	"burst/engine/graph"
)

func init() {
	// sched-test-frame makes a frame of n int64 values.
	graph.Register("sched-test-frame", func(_ *graph.Env, p json.RawMessage, _ []graph.Value) (graph.Value, error) {
		var n int
		json.Unmarshal(p, &n)
		b := array.NewInt64Builder(memory.DefaultAllocator)
		for i := 0; i < n; i++ {
			b.Append(int64(i))
		}
		return frame.New([]frame.Column{{Name: "x", Data: b.NewArray()}})
	})
	// sched-test-rows counts the rows of its input frames.
	graph.Register("sched-test-rows", func(_ *graph.Env, _ json.RawMessage, in []graph.Value) (graph.Value, error) {
		n := 0
		for _, v := range in {
			n += v.(*frame.Frame).Rows
		}
		return n, nil
	})
}

// recorder keeps the events of a scheduler.
type recorder struct {
	mu     sync.Mutex
	events []Event
	hook   func(Event)
}

func (r *recorder) on(e Event) {
	r.mu.Lock()
	r.events = append(r.events, e)
	hook := r.hook
	r.mu.Unlock()
	if hook != nil {
		hook(e)
	}
}

func (r *recorder) all() []Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Event(nil), r.events...)
}

// TestStoppedWorker stops one of 4 workers in the middle of a 200-task
// graph: the result is still right, and the events show the tasks whose
// results it held computed again elsewhere.
func TestStoppedWorker(t *testing.T) {
	g := graph.Graph{}
	want := map[graph.Key]int{}
	var leaves []graph.Key
	for i := 0; i < 152; i++ {
		k := graph.Key(fmt.Sprintf("leaf-%d", i))
		g[k] = sleepTask(string(k), 4)
		want[k] = 1
		leaves = append(leaves, k)
	}
	var mids []graph.Key
	for i := 0; i < 152; i += 4 {
		k := graph.Key(fmt.Sprintf("mid-%d", i))
		deps := leaves[i:min(i+4, 152)]
		g[k] = sleepTask(string(k), 4, deps...)
		want[k] = 1
		for _, d := range deps {
			want[k] += want[d]
		}
		mids = append(mids, k)
	}
	var tops []graph.Key
	for i := 0; i < len(mids); i += 4 {
		k := graph.Key(fmt.Sprintf("top-%d", i))
		deps := mids[i:min(i+4, len(mids))]
		g[k] = sleepTask(string(k), 4, deps...)
		want[k] = 1
		for _, d := range deps {
			want[k] += want[d]
		}
		tops = append(tops, k)
	}
	g["total"] = sleepTask("total", 0, tops...)
	total := 1
	for _, d := range tops {
		total += want[d]
	}
	if n := len(g); n < 200 {
		t.Fatalf("graph has %d tasks", n)
	}

	workers := NewLocalWorkers(4, &graph.Env{})
	victim := workers[2].(*LocalWorker)
	rec := &recorder{}
	var once sync.Once
	ended := 0
	rec.hook = func(e Event) {
		if e.Kind == "task-end" && e.Worker == victim.ID {
			if ended++; ended == 20 {
				once.Do(victim.Stop)
			}
		}
	}
	s := &Scheduler{Workers: workers, OnEvent: rec.on}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s.Submit(graph.Fuse(g, []graph.Key{"total"}), []graph.Key{"total"})
	if err := s.Wait(ctx, []graph.Key{"total"}); err != nil {
		t.Fatal(err)
	}
	vs, err := s.Gather(ctx, []graph.Key{"total"})
	if err != nil {
		t.Fatal(err)
	}
	s.Release([]graph.Key{"total"})
	if vs[0] != total {
		t.Errorf("total = %v, want %d", vs[0], total)
	}
	// Tasks that ended on the victim before it stopped ran again.
	doneOnVictim := map[string]bool{}
	again := 0
	lost := false
	for _, e := range rec.all() {
		switch {
		case e.Kind == "task-end" && e.Worker == victim.ID && e.State == "memory":
			doneOnVictim[e.Key] = true
		case e.Kind == "task-start" && e.Attempt > 1:
			if doneOnVictim[e.Key] && e.Worker != victim.ID {
				again++
			}
		case e.Kind == "worker" && e.Worker == victim.ID && e.State == "lost":
			lost = true
		}
	}
	if !lost {
		t.Error("no event says the worker was lost")
	}
	if again == 0 {
		t.Errorf("no task the stopped worker had computed was computed again (%d ended there)", len(doneOnVictim))
	}
	t.Logf("%d tasks, %d ended on %s before it stopped, %d computed again elsewhere", len(g), len(doneOnVictim), victim.ID, again)
	// The cluster is still usable, without the stopped worker.
	vs, err = s.Compute(context.Background(), graph.Graph{"x": sleepTask("x", 0)}, []graph.Key{"x"})
	if err != nil || vs[0] != 1 {
		t.Fatalf("after the loss: %v, %v", vs, err)
	}
}

// TestTransferEvent: a task whose inputs are on two workers fetches one of
// them, and the event says how many bytes moved.
func TestTransferEvent(t *testing.T) {
	g := graph.Graph{
		"a":     {Key: "a", Stages: []graph.Stage{graph.NewStage("sched-test-frame", 1000)}},
		"b":     {Key: "b", Stages: []graph.Stage{graph.NewStage("sched-test-frame", 3000)}},
		"total": {Key: "total", Deps: []graph.Key{"a", "b"}, Stages: []graph.Stage{graph.NewStage("sched-test-rows", nil)}},
	}
	rec := &recorder{}
	s := &Scheduler{Workers: NewLocalWorkers(2, &graph.Env{}), OnEvent: rec.on}
	vs, err := s.Compute(context.Background(), g, []graph.Key{"total"})
	if err != nil {
		t.Fatal(err)
	}
	if vs[0] != 4000 {
		t.Fatalf("rows = %v", vs[0])
	}
	where := map[string]string{}
	var transfers []Event
	for _, e := range rec.all() {
		switch e.Kind {
		case "task-end":
			where[e.Key] = e.Worker
		case "transfer":
			transfers = append(transfers, e)
		}
	}
	if where["a"] == where["b"] {
		t.Fatalf("a and b ran on the same worker %s", where["a"])
	}
	// Locality: total runs where the bigger input is, and fetches the
	// smaller one (1000 int64s).
	if where["total"] != where["b"] {
		t.Errorf("total ran on %s, b (the bigger input) is on %s", where["total"], where["b"])
	}
	if len(transfers) != 1 || transfers[0].Key != "a" || transfers[0].From != where["a"] || transfers[0].To != where["b"] || transfers[0].Bytes < 8000 {
		t.Errorf("transfers = %+v, want a (≥ 8000 bytes) from %s to %s", transfers, where["a"], where["b"])
	}
}

// TestSteal: tasks queued where their input is are taken by the idle
// worker.
func TestSteal(t *testing.T) {
	g := graph.Graph{"root": {Key: "root", Stages: []graph.Stage{graph.NewStage("sched-test-frame", 10)}}}
	var keys []graph.Key
	for i := 0; i < 8; i++ {
		k := graph.Key(fmt.Sprintf("use-%d", i))
		g[k] = &graph.Task{Key: k, Deps: []graph.Key{"root"}, Stages: []graph.Stage{graph.NewStage("sched-test-rows", nil), graph.NewStage("sched-test-sleep", 20)}}
		keys = append(keys, k)
	}
	rec := &recorder{}
	s := &Scheduler{Workers: NewLocalWorkers(2, &graph.Env{}), OnEvent: rec.on}
	vs, err := s.Compute(context.Background(), g, keys)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range vs {
		if v != 11 {
			t.Errorf("%s = %v, want 11", keys[i], v)
		}
	}
	workers := map[string]int{}
	steals := 0
	for _, e := range rec.all() {
		if e.Kind == "task-end" && e.Key != "root" {
			workers[e.Worker]++
		}
		if e.Kind == "steal" {
			steals++
		}
	}
	if len(workers) != 2 || steals == 0 {
		t.Errorf("tasks per worker %v, %d steals; want both workers used by stealing", workers, steals)
	}
}
