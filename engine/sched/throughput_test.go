package sched

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"testing"

	"burst/engine/graph"
)

// BenchmarkManyTasks is the scheduler alone on 50,000 independent tiny
// tasks (client.map(inc, range(50000)) and client.gather), with events
// on as the dashboards have them, on two in-process workers that are sent
// tasks ahead as the browser's are: tasks/s is the figure to compare with
// Dask distributed's scheduler (about 4,000 tasks/s). The graph's
// making is not timed, as client.map's is not part of Dask's figure.
func BenchmarkManyTasks(b *testing.B) {
	const n = 50000
	g := graph.Graph{}
	keys := make([]graph.Key, n)
	for i := range n {
		k := graph.Key(fmt.Sprintf("('inc-0123456789abcdef', %d)", i))
		g[k] = sleepTask(string(k), 0)
		keys[i] = k
	}
	events := 0
	b.ResetTimer()
	for range b.N {
		local := NewLocalWorkers(2, &graph.Env{})
		s := &Scheduler{
			Workers: []Worker{&pipeWorker{LocalWorker: local[0].(*LocalWorker)}, &pipeWorker{LocalWorker: local[1].(*LocalWorker)}},
			OnEvent: func(Event) { events++ },
		}
		ctx := context.Background()
		if err := s.Submit(g, keys); err != nil {
			b.Fatal(err)
		}
		if err := s.Wait(ctx, keys); err != nil {
			b.Fatal(err)
		}
		vs, err := s.Gather(ctx, keys)
		if err != nil || len(vs) != n || vs[n-1] != 1 {
			b.Fatalf("gather: %d values, %v", len(vs), err)
		}
		s.Release(keys)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tasks/s")
	b.ReportMetric(float64(events)/float64(b.N), "events/op")
}

// bulkWorker is a BulkGetter that counts its requests; it can be told to
// fail them all, as a web worker that lost a key does.
type bulkWorker struct {
	*LocalWorker
	mu          sync.Mutex
	gets, bulks int
	fail        bool
}

func (w *bulkWorker) Get(ctx context.Context, k graph.Key) (graph.Value, error) {
	w.mu.Lock()
	w.gets++
	w.mu.Unlock()
	return w.LocalWorker.Get(ctx, k)
}

func (w *bulkWorker) GetMany(ctx context.Context, keys []graph.Key) ([]graph.Value, error) {
	w.mu.Lock()
	w.bulks++
	fail := w.fail
	w.mu.Unlock()
	if fail {
		return nil, &MissingError{Key: keys[0], Worker: w.Name()}
	}
	vs := make([]graph.Value, len(keys))
	for i, k := range keys {
		v, err := w.LocalWorker.Get(ctx, k)
		if err != nil {
			return nil, err
		}
		vs[i] = v
	}
	return vs, nil
}

// Gather asks a BulkGetter for many keys a request, in order, and falls
// back to one key at a time when a bulk request fails.
func TestBulkGather(t *testing.T) {
	for _, fail := range []bool{false, true} {
		local := NewLocalWorkers(2, &graph.Env{})
		ws := []*bulkWorker{{LocalWorker: local[0].(*LocalWorker)}, {LocalWorker: local[1].(*LocalWorker)}}
		s := &Scheduler{Workers: []Worker{ws[0], ws[1]}}
		const n = 5000
		g := graph.Graph{}
		keys := make([]graph.Key, n)
		for i := range n {
			k := graph.Key(fmt.Sprintf("('bulk', %d)", i))
			if i%2 == 0 {
				g[k] = sleepTask(string(k), 0)
			} else { // odd keys hold 1 + their left neighbour's 1
				g[k] = sleepTask(string(k), 0, keys[i-1])
			}
			keys[i] = k
		}
		ctx := context.Background()
		if err := s.Submit(g, keys); err != nil {
			t.Fatal(err)
		}
		if err := s.Wait(ctx, keys); err != nil {
			t.Fatal(err)
		}
		for _, w := range ws {
			w.mu.Lock()
			w.gets, w.fail = 0, fail
			w.mu.Unlock()
		}
		vs, err := s.Gather(ctx, keys)
		if err != nil {
			t.Fatal(err)
		}
		for i, v := range vs {
			if want := 1 + i%2; v != want {
				t.Fatalf("fail=%v: value %d is %v, want %d", fail, i, v, want)
			}
		}
		gets, bulks := ws[0].gets+ws[1].gets, ws[0].bulks+ws[1].bulks
		most := 2 * (n/bulkGather + 1)
		switch {
		case !fail && (gets != 0 || bulks == 0 || bulks > most):
			t.Errorf("%d keys: %d gets and %d bulk requests, want none and 1 to %d", n, gets, bulks, most)
		case fail && gets != n:
			t.Errorf("bulk requests failing: %d gets, want %d (one a key)", gets, n)
		}
		s.Release(keys)
	}
}

// Event.AppendJSON writes what encoding/json writes, byte for byte for
// the plain strings events carry.
func TestEventAppendJSON(t *testing.T) {
	for _, e := range []Event{
		{Kind: "task-start", Key: "('inc-1f2e', 7)", Prefix: "inc", Worker: "worker-0", Start: 1765000000.123456, Attempt: 1, Time: 1765000000.5},
		{Kind: "task-end", Key: "x", Prefix: "x", Worker: "worker-1", Start: 1e-7, Stop: 2.5e21, State: "memory", Bytes: 1 << 40, Time: 3},
		{Kind: "transfer", Key: `a "quoted"\key`, From: "worker-0", To: "kernel", Bytes: 12, Start: 1, Stop: 2, Time: 0},
		{Kind: "worker", Worker: "worker-0", State: "running", Memory: 123456, Executing: 1, Queued: 511, Time: -1.5},
		{Kind: "counts", Counts: map[string]int{"memory": 3, "processing": 2}, Time: 1},
		{Kind: "graph", Groups: []GraphGroup{{Prefix: "inc", Tasks: 2}}, Tasks: []GraphTask{{Key: "a", Prefix: "inc"}}, Time: 1},
		{Kind: "forget"},
	} {
		want, err := json.Marshal(&e)
		if err != nil {
			t.Fatal(err)
		}
		got, err := e.AppendJSON([]byte("x"))
		if err != nil || string(got[1:]) != string(want) || got[0] != 'x' {
			t.Errorf("%s:\n got %s, %v\nwant %s", e.Kind, got, err, want)
		}
	}
}

func BenchmarkEventJSON(b *testing.B) {
	evs := make([]Event, 500)
	for i := range evs {
		evs[i] = Event{Kind: "task-end", Key: fmt.Sprintf("('inc-0123456789abcdef', %d)", i), Prefix: "inc", Worker: "worker-0", Start: 1765000000.123456, Stop: 1765000000.125, State: "memory", Bytes: 28, Time: 1765000000.126}
	}
	b.Run("encoding/json", func(b *testing.B) {
		for range b.N {
			json.Marshal(evs)
		}
	})
	b.Run("AppendJSON", func(b *testing.B) {
		var buf []byte
		for range b.N {
			buf = append(buf[:0], '[')
			for i := range evs {
				if i > 0 {
					buf = append(buf, ',')
				}
				buf, _ = evs[i].AppendJSON(buf)
			}
		}
	})
}
