package dask

import (
	"context"
	"fmt"
	"html"
	"runtime"
	"sort"
	"strings"
	"time"

	"go.starlark.net/starlark"

	"burst/engine/check"
	"burst/engine/dataframe"
	"burst/engine/graph"
	"burst/engine/sched"
	"burst/engine/session"
)

// Future is a task submitted to a Client's cluster: its result stays on
// the worker that computed it until no future (and no task) needs it.
type Future struct {
	key    graph.Key
	spec   *graph.Task
	client *Client
	s      *sched.Scheduler
}

// newFuture holds key on s until the Future is garbage collected (Python
// releases a future when its last reference goes; Go's cleanup is the
// nearest thing) or released.
func newFuture(c *Client, s *sched.Scheduler, spec *graph.Task) *Future {
	f := &Future{key: spec.Key, spec: spec, client: c, s: s}
	key := spec.Key
	runtime.AddCleanup(f, func(s *sched.Scheduler) { s.Release([]graph.Key{key}) }, s)
	return f
}

// task is the future's task as a dependency of a new graph: the scheduler
// finds it by key, already computed or computing.
func (f *Future) task() *graph.Task { return f.spec }

func (f *Future) Type() string          { return "Future" }
func (f *Future) Freeze()               {}
func (f *Future) Truth() starlark.Bool  { return true }
func (f *Future) Hash() (uint32, error) { return starlark.String(f.key).Hash() }

func (f *Future) status() (string, error) {
	st, err := f.s.Status(f.key)
	switch st {
	case sched.Memory:
		return "finished", nil
	case sched.Erred:
		return "error", err
	case sched.Forgotten:
		return "cancelled", nil
	}
	return "pending", nil
}

func (f *Future) String() string {
	st, _ := f.status()
	if st == "finished" {
		if vs, err := f.s.Gather(context.Background(), []graph.Key{f.key}); err == nil {
			return fmt.Sprintf("<Future: %s, type: %s, key: %s>", st, session.TypeName(toCell(vs[0])), f.key)
		}
	}
	return fmt.Sprintf("<Future: %s, key: %s>", st, f.key)
}

// HTML is the future's notebook summary, as distributed shows it.
func (f *Future) HTML() string {
	st, _ := f.status()
	typ := ""
	if st == "finished" {
		if vs, err := f.s.Gather(context.Background(), []graph.Key{f.key}); err == nil {
			typ = fmt.Sprintf(", <span>type: %s</span>", html.EscapeString(session.TypeName(toCell(vs[0]))))
		}
	}
	return fmt.Sprintf(`<strong>Future: %s</strong> <span style="color: gray">status:</span> <span class="burst-status-%s">%s</span>%s, <span>key: %s</span>`,
		html.EscapeString(f.key.Prefix()), st, st, typ, html.EscapeString(string(f.key)))
}

var futureAttrs = []string{"cancel", "done", "exception", "key", "release", "result", "status"}

func (f *Future) AttrNames() []string { return futureAttrs }

func (f *Future) Attr(name string) (starlark.Value, error) {
	switch name {
	case "key":
		return starlark.String(f.key), nil
	case "status":
		st, _ := f.status()
		return starlark.String(st), nil
	case "result":
		return starlark.NewBuiltin("result", func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var timeout starlark.Value = starlark.None
			if err := starlark.UnpackArgs("result", args, kwargs, "timeout?", &timeout); err != nil {
				return nil, err
			}
			k := Of(th)
			ctx, cancel, err := timeoutCtx(k.context(), timeout)
			if err != nil {
				return nil, err
			}
			defer cancel()
			vs, err := k.gatherKeys(ctx, f.s, []graph.Key{f.key})
			if err != nil {
				return nil, err
			}
			return vs[0], nil
		}), nil
	case "done":
		return starlark.NewBuiltin("done", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			st, _ := f.status()
			return starlark.Bool(st != "pending"), nil
		}), nil
	case "exception":
		return starlark.NewBuiltin("exception", func(th *starlark.Thread, _ *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			err := f.s.Wait(Of(th).context(), []graph.Key{f.key})
			if err == nil {
				return starlark.None, nil
			}
			return starlark.String(err.Error()), nil
		}), nil
	case "cancel", "release":
		return starlark.NewBuiltin(name, func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			f.s.Release([]graph.Key{f.key})
			return starlark.None, nil
		}), nil
	}
	return nil, nil
}

func timeoutCtx(parent context.Context, timeout starlark.Value) (context.Context, context.CancelFunc, error) {
	if timeout == starlark.None {
		ctx, cancel := context.WithCancel(parent)
		return ctx, cancel, nil
	}
	secs, ok := starlark.AsFloat(timeout)
	if !ok {
		return nil, nil, fmt.Errorf("TypeError: timeout must be a number, not %s", session.TypeName(timeout))
	}
	ctx, cancel := context.WithTimeout(parent, time.Duration(secs*float64(time.Second)))
	return ctx, cancel, nil
}

// context is the running cell's context (an interrupt cancels it).

// gatherKeys waits for keys and returns their values as cell values.
func (k *State) gatherKeys(ctx context.Context, s *sched.Scheduler, keys []graph.Key) ([]starlark.Value, error) {
	if err := s.Wait(ctx, keys); err != nil {
		if ctx.Err() == context.DeadlineExceeded {
			return nil, fmt.Errorf("TimeoutError: the result was not ready in time")
		}
		return nil, err
	}
	vs, err := s.Gather(ctx, keys)
	if err != nil {
		return nil, err
	}
	out := make([]starlark.Value, len(vs))
	for i, v := range vs {
		out[i] = toCell(v)
	}
	return out, nil
}

// scheduler returns the Client's scheduler, or an error saying a Client
// is needed.
func (c *Client) scheduler(what string) (*sched.Scheduler, error) {
	if c.cluster == nil {
		return nil, fmt.Errorf("RuntimeError: %s: this Client is closed; start a new one with Client()", what)
	}
	s := c.cluster.Scheduler()
	if s == nil {
		return nil, fmt.Errorf("NotImplementedError: %s is not available on this cluster", what)
	}
	return s, nil
}

// scatter puts v in the cluster's memory and returns its Future.
func (c *Client) Scatter(v starlark.Value) (*Future, error) {
	s, err := c.scheduler("scatter")
	if err != nil {
		return nil, err
	}
	gv, err := fromCell(v)
	if err != nil {
		return nil, err
	}
	key := graph.Key(fmt.Sprintf("%s-%s", strings.ToLower(strings.TrimPrefix(session.TypeName(v), "numpy.")), NewToken()))
	t := graph.LiteralTask(key, gv)
	if err := s.Submit(graph.Graph{key: t}, []graph.Key{key}); err != nil {
		return nil, err
	}
	return newFuture(c, s, t), nil
}

// submitDelayed submits d's graph and returns a Future for it.
func (c *Client) submitDelayed(d *Delayed) (*Future, error) {
	fs, err := c.SubmitAll([]*Delayed{d})
	if err != nil {
		return nil, err
	}
	return fs[0], nil
}

// submitAll submits the graphs of ds as one computation (client.map's
// 50,000 tasks are one update of the scheduler, announced once) and
// returns a Future for each.
func (c *Client) SubmitAll(ds []*Delayed) ([]*Future, error) {
	s, err := c.scheduler("submit")
	if err != nil {
		return nil, err
	}
	g := graph.Graph{}
	keys := make([]graph.Key, len(ds))
	for i, d := range ds {
		d = d.Resolved()
		ds[i] = d
		keys[i] = d.key
		if len(ds) == 1 {
			g = d.g
			break
		}
		for k, t := range d.g {
			g[k] = t
		}
	}
	if err := SubmitGraph(s, g, keys); err != nil {
		return nil, err
	}
	out := make([]*Future, len(ds))
	for i, d := range ds {
		out[i] = newFuture(c, s, d.g[d.key])
	}
	return out, nil
}

// submitGraph submits keys of g, treating keys the scheduler already has
// as done (futures, persisted partitions) so they are neither fused nor
// recomputed.
func SubmitGraph(s *sched.Scheduler, g graph.Graph, keys []graph.Key) error {
	g, err := s.Prepare(g, keys)
	if err != nil {
		return err
	}
	return s.Submit(g, keys)
}

func (k *State) clientMethod(c *Client, name string) (starlark.Value, error) {
	fn := func(f func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)) (starlark.Value, error) {
		return starlark.NewBuiltin("Client."+name, func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return f(th, args, kwargs)
		}), nil
	}
	switch name {
	case "submit":
		return fn(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) == 0 {
				return nil, fmt.Errorf("TypeError: submit() missing 1 required positional argument: 'func'")
			}
			f, opt, kw, err := taskFunc("submit", args[0], kwargs)
			if err != nil {
				return nil, err
			}
			d, err := Of(th).CallTask(f, opt.pure, opt.key, args[1:], kw)
			if err != nil {
				return nil, err
			}
			d.g[d.key].Retries = opt.retries
			return c.submitDelayed(d)
		})
	case "map":
		return fn(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) < 2 {
				return nil, fmt.Errorf("TypeError: map() needs a function and at least one iterable")
			}
			f, opt, kw, err := taskFunc("map", args[0], kwargs)
			if err != nil {
				return nil, err
			}
			var lists [][]starlark.Value
			n := -1
			for _, it := range args[1:] {
				vs, err := session.Values(it)
				if err != nil {
					return nil, fmt.Errorf("TypeError: map() arguments must be iterables, not %s", session.TypeName(it))
				}
				lists = append(lists, vs)
				if n < 0 || len(vs) < n {
					n = len(vs)
				}
			}
			ds := make([]*Delayed, n)
			for i := 0; i < n; i++ {
				call := make(starlark.Tuple, len(lists))
				for j := range lists {
					call[j] = lists[j][i]
				}
				ikey := ""
				if opt.key != "" {
					ikey = fmt.Sprintf("%s-%d", opt.key, i)
				}
				if ds[i], err = Of(th).CallTask(f, opt.pure, ikey, call, kw); err != nil {
					return nil, err
				}
				ds[i].g[ds[i].key].Retries = opt.retries
			}
			fs, err := c.SubmitAll(ds)
			if err != nil {
				return nil, err
			}
			out := make([]starlark.Value, n)
			for i, f := range fs {
				out[i] = f
			}
			return starlark.NewList(out), nil
		})
	case "gather":
		return fn(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var futures starlark.Value
			var errors starlark.Value = starlark.String("raise")
			if err := starlark.UnpackArgs("gather", args, kwargs, "futures", &futures, "errors?", &errors); err != nil {
				return nil, err
			}
			return Of(th).GatherNested(futures)
		})
	case "scatter":
		return fn(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var data starlark.Value
			var workers, broadcast, hash, direct starlark.Value
			if err := starlark.UnpackArgs("scatter", args, kwargs, "data", &data, "workers?", &workers, "broadcast?", &broadcast, "direct?", &direct, "hash?", &hash); err != nil {
				return nil, err
			}
			if _, err := c.scheduler("scatter"); err != nil {
				return nil, err
			}
			one := func(v starlark.Value) (starlark.Value, error) { return c.Scatter(v) }
			if l, ok := data.(*starlark.List); ok {
				out := make([]starlark.Value, l.Len())
				for i := range out {
					var err error
					if out[i], err = one(l.Index(i)); err != nil {
						return nil, err
					}
				}
				return starlark.NewList(out), nil
			}
			return one(data)
		})
	case "compute", "persist":
		return fn(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var coll starlark.Value
			if err := starlark.UnpackArgs(name, args, kwargs, "collections", &coll); err != nil {
				return nil, err
			}
			if l, ok := coll.(*starlark.List); ok {
				out := make([]starlark.Value, l.Len())
				for i := range out {
					v, err := Of(th).clientCompute(c, l.Index(i), name == "persist")
					if err != nil {
						return nil, err
					}
					out[i] = v
				}
				return starlark.NewList(out), nil
			}
			return Of(th).clientCompute(c, coll, name == "persist")
		})
	case "restart":
		return fn(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			k := Of(th)
			if c.cluster == nil {
				return nil, fmt.Errorf("RuntimeError: this Client is closed")
			}
			n := c.info.Workers
			c.cluster.Close()
			cl, err := k.s.Host().StartCluster(n)
			if err != nil {
				c.cluster = nil
				return nil, err
			}
			c.cluster, c.info = cl, cl.Info()
			return c, nil
		})
	case "who_has":
		return fn(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			s, err := c.scheduler("who_has")
			if err != nil {
				return nil, err
			}
			var keys []graph.Key
			for _, a := range args {
				vs, err := session.Values(a)
				if err != nil {
					vs = []starlark.Value{a}
				}
				for _, v := range vs {
					if f, ok := v.(*Future); ok {
						keys = append(keys, f.key)
					}
				}
			}
			who := s.Who(keys)
			d := starlark.NewDict(len(keys))
			for _, k := range keys {
				var names []starlark.Value
				for _, n := range who[k] {
					names = append(names, starlark.String(n))
				}
				d.SetKey(starlark.String(k), starlark.Tuple(names))
			}
			return d, nil
		})
	}
	return nil, nil
}

// taskFunc reads the function submit and map run (fn, their first
// argument) and their options.
func taskFunc(what string, fn starlark.Value, kwargs []starlark.Tuple) (f starlark.Callable, opt submitOptions, rest []starlark.Tuple, err error) {
	f, ok := fn.(starlark.Callable)
	if !ok {
		return nil, opt, nil, fmt.Errorf("TypeError: First input to %s must be a callable function, not %s", what, session.TypeName(fn))
	}
	opt, rest, err = readSubmitOptions(kwargs)
	return f, opt, rest, err
}

// submitOptions are the keywords of submit and map that are not the
// function's: pure, key and retries.
type submitOptions struct {
	pure    bool
	key     string
	retries int // runs again after an error, as Dask's retries=
}

func readSubmitOptions(kwargs []starlark.Tuple) (opt submitOptions, rest []starlark.Tuple, err error) {
	opt.pure = true
	for _, kv := range kwargs {
		switch string(kv[0].(starlark.String)) {
		case "pure":
			opt.pure = bool(kv[1].Truth())
		case "key":
			s, ok := kv[1].(starlark.String)
			if !ok {
				return opt, nil, fmt.Errorf("TypeError: key must be a str, not %s", session.TypeName(kv[1]))
			}
			opt.key = string(s)
		case "retries":
			if kv[1] == starlark.None {
				continue
			}
			n, err := starlark.AsInt32(kv[1])
			if err != nil || n < 0 {
				return opt, nil, fmt.Errorf("TypeError: retries must be a non-negative int, not %s", session.Repr(kv[1]))
			}
			opt.retries = n
		case "workers", "resources", "priority", "allow_other_workers", "fifo_timeout", "actor", "actors":
			// Placement hints: the scheduler decides by locality.
		default:
			rest = append(rest, kv)
		}
	}
	return opt, rest, nil
}

// callTask is a delayed call of f on args; key, when set, names it.
func (k *State) CallTask(f starlark.Callable, pure bool, key string, args starlark.Tuple, kwargs []starlark.Tuple) (*Delayed, error) {
	if df, ok := f.(*DelayedFunction); ok {
		f = df.fn
	}
	d, err := k.delayedTask(funcName(f), pure, delayedParams{Kind: "call"}, f, args, kwargs)
	if err != nil || key == "" {
		return d, err
	}
	t := d.g[d.key]
	delete(d.g, d.key)
	t.Key = graph.Key(key)
	d.key = t.Key
	d.g[d.key] = t
	return d, nil
}

// gatherNested replaces the futures in v (a future, or lists, tuples and
// dicts of them) with their results, fetched together.
func (k *State) GatherNested(v starlark.Value) (starlark.Value, error) {
	bySched := map[*sched.Scheduler][]graph.Key{}
	if _, err := session.MapNested(v, func(x starlark.Value) (starlark.Value, bool, error) {
		if f, ok := x.(*Future); ok {
			bySched[f.s] = append(bySched[f.s], f.key)
			return x, true, nil
		}
		return nil, false, nil
	}); err != nil {
		return nil, err
	}
	results := map[graph.Key]starlark.Value{}
	for s, keys := range bySched {
		vs, err := k.gatherKeys(k.context(), s, keys)
		if err != nil {
			return nil, err
		}
		for i, key := range keys {
			results[key] = vs[i]
		}
	}
	return session.MapNested(v, func(x starlark.Value) (starlark.Value, bool, error) {
		if f, ok := x.(*Future); ok {
			return results[f.key], true, nil
		}
		return nil, false, nil
	})
}

// clientCompute implements client.compute and client.persist.
func (k *State) clientCompute(c *Client, v starlark.Value, persist bool) (starlark.Value, error) {
	s, err := c.scheduler("compute")
	if err != nil {
		return nil, err
	}
	if d, ok := v.(*Delayed); ok {
		f, err := c.submitDelayed(d)
		if err != nil || !persist {
			return f, err
		}
		return d.Held(f), nil
	}
	if !session.IsCollection(v) {
		if persist {
			return v, nil
		}
		return nil, fmt.Errorf("TypeError: compute() wants a Dask collection or a Delayed, not %s", session.TypeName(v))
	}
	x := v.(session.Collection)
	keys := x.DaskKeys()
	g := dataframe.Project(x.DaskGraph(), keys, s.Holds)
	if persist {
		if err := SubmitGraph(s, g, keys); err != nil {
			return nil, err
		}
		// The parts stay on the workers while the collection lives.
		keep := &heldKeys{keys: keys}
		runtime.AddCleanup(keep, func(s *sched.Scheduler) { s.Release(keys) }, s)
		return x.Held(keep), nil
	}
	// One more task, in the kernel, puts the parts together.
	key := graph.Key("finalize-" + NewToken())
	g = graph.Merge(g)
	g[key] = &graph.Task{Key: key, Deps: keys, Stages: []graph.Stage{{Op: "finalize", Fn: func(in []graph.Value) (graph.Value, error) {
		r, err := x.PostCompute(in)
		if err != nil {
			return nil, err
		}
		return fromCell(r)
	}}}}
	if err := SubmitGraph(s, g, []graph.Key{key}); err != nil {
		return nil, err
	}
	return newFuture(c, s, g[key]), nil
}

// heldKeys stands for keys a Client keeps on its workers for a persisted
// collection; they are released when it is collected.
type heldKeys struct{ keys []graph.Key }

// waitFutures implements distributed.wait(futures, timeout=None).
func (k *State) waitFutures(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fs starlark.Value
	var timeout starlark.Value = starlark.None
	var returnWhen starlark.Value
	if err := starlark.UnpackArgs("wait", args, kwargs, "fs", &fs, "timeout?", &timeout, "return_when?", &returnWhen); err != nil {
		return nil, err
	}
	futures := futuresIn(fs)
	ctx, cancel, err := timeoutCtx(k.context(), timeout)
	if err != nil {
		return nil, err
	}
	defer cancel()
	timedOut := func() error {
		if k.context().Err() != nil {
			return fmt.Errorf("KeyboardInterrupt")
		}
		return fmt.Errorf("TimeoutError: wait() timed out")
	}
	for _, f := range futures {
		if err := f.s.Wait(ctx, []graph.Key{f.key}); err != nil && ctx.Err() != nil {
			return nil, timedOut()
		}
	}
	// Persisted collections (DataFrames, arrays, a Delayed): their parts
	// are held by the scheduler that computes them, until in memory. A
	// collection that is not persisted has nothing to wait for, as in
	// Dask. An erred part is for compute to report, as Dask's wait does.
	if c := k.computeClient(); c != nil {
		s := c.cluster.Scheduler()
		var keys []graph.Key
		session.Walk(fs, func(x session.Collection) {
			for _, key := range x.DaskKeys() {
				if s.Holds(key) {
					keys = append(keys, key)
				}
			}
		})
		if err := s.Wait(ctx, keys); err != nil && ctx.Err() != nil {
			return nil, timedOut()
		}
	}
	var done []starlark.Value
	for _, f := range futures {
		done = append(done, f)
	}
	return &starlarkStruct{name: "DoneAndNotDoneFutures", fields: starlark.StringDict{
		"done": starlark.NewList(done), "not_done": starlark.NewList(nil),
	}, order: []string{"done", "not_done"}}, nil
}

func futuresIn(v starlark.Value) []*Future {
	if f, ok := v.(*Future); ok {
		return []*Future{f}
	}
	var out []*Future
	if it, ok := v.(starlark.Iterable); ok {
		iter := it.Iterate()
		defer iter.Done()
		var x starlark.Value
		for iter.Next(&x) {
			out = append(out, futuresIn(x)...)
		}
	}
	return out
}

// asCompleted implements distributed.as_completed: iterating yields each
// future as it finishes.
func (k *State) asCompleted(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fs starlark.Value
	var withResults bool
	if err := starlark.UnpackArgs("as_completed", args, kwargs, "futures?", &fs, "with_results?", &withResults); err != nil {
		return nil, err
	}
	return &completed{k: k, pending: futuresIn(fs), withResults: withResults}, nil
}

type completed struct {
	k           *State
	pending     []*Future
	withResults bool
}

func (c *completed) String() string       { return fmt.Sprintf("<as_completed: waiting=%d>", len(c.pending)) }
func (c *completed) Type() string         { return "as_completed" }
func (c *completed) Freeze()              {}
func (c *completed) Truth() starlark.Bool { return len(c.pending) > 0 }
func (c *completed) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'as_completed'")
}
func (c *completed) Iterate() starlark.Iterator {
	return &completedIter{c}
}

type completedIter struct{ c *completed }

func (it *completedIter) Next(p *starlark.Value) bool {
	c := it.c
	ctx := c.k.context()
	for len(c.pending) > 0 {
		var ch <-chan struct{}
		for i, f := range c.pending {
			if i == 0 {
				ch = f.s.Changed()
			}
			if st, _ := f.s.Status(f.key); st == sched.Memory || st == sched.Erred || st == sched.Forgotten {
				c.pending = append(c.pending[:i], c.pending[i+1:]...)
				*p = f
				if c.withResults {
					vs, err := c.k.gatherKeys(ctx, f.s, []graph.Key{f.key})
					var r starlark.Value = starlark.None
					if err == nil {
						r = vs[0]
					}
					*p = starlark.Tuple{f, r}
				}
				return true
			}
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return false
		case <-time.After(200 * time.Millisecond):
		}
	}
	return false
}
func (it *completedIter) Done() {}

// progress implements distributed.progress: it waits for the futures and
// shows a finished bar per key prefix.
func (k *State) progress(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var futures []*Future
	for _, a := range args {
		futures = append(futures, futuresIn(a)...)
	}
	start := time.Now()
	byPrefix := map[string][2]int{}
	for _, f := range futures {
		err := f.s.Wait(k.context(), []graph.Key{f.key})
		if k.context().Err() != nil {
			return nil, fmt.Errorf("KeyboardInterrupt")
		}
		n := byPrefix[f.key.Prefix()]
		n[1]++
		if err == nil {
			n[0]++
		}
		byPrefix[f.key.Prefix()] = n
	}
	var prefixes []string
	for p := range byPrefix {
		prefixes = append(prefixes, p)
	}
	sort.Strings(prefixes)
	var text, htm strings.Builder
	htm.WriteString(`<div class="burst-progress">`)
	for _, p := range prefixes {
		n := byPrefix[p]
		pct := 100 * n[0] / max(n[1], 1)
		fmt.Fprintf(&text, "[%-40s] | %3d%% Completed | %s: %d / %d | %.1fs\n", strings.Repeat("#", 40*pct/100), pct, p, n[0], n[1], time.Since(start).Seconds())
		fmt.Fprintf(&htm, `<div><span>%s</span> <progress max="%d" value="%d"></progress> %d / %d</div>`, html.EscapeString(p), n[1], n[0], n[0], n[1])
	}
	htm.WriteString(`</div>`)
	k.s.Emit(session.Output{Type: "display_data", Data: map[string]any{"text/plain": strings.TrimRight(text.String(), "\n"), "text/html": htm.String()}})
	return starlark.None, nil
}

// starlarkStruct is a small named tuple with attributes.
type starlarkStruct struct {
	name   string
	fields starlark.StringDict
	order  []string
}

func (s *starlarkStruct) String() string {
	var parts []string
	for _, n := range s.order {
		parts = append(parts, n+"="+session.Repr(s.fields[n]))
	}
	return s.name + "(" + strings.Join(parts, ", ") + ")"
}
func (s *starlarkStruct) Type() string          { return s.name }
func (s *starlarkStruct) Freeze()               {}
func (s *starlarkStruct) Truth() starlark.Bool  { return true }
func (s *starlarkStruct) Hash() (uint32, error) { return 0, fmt.Errorf("TypeError: unhashable") }
func (s *starlarkStruct) AttrNames() []string   { return s.order }
func (s *starlarkStruct) Attr(n string) (starlark.Value, error) {
	return s.fields[n], nil
}

func (f *Future) PyClass() string              { return "distributed.client.Future" }
func (f *Future) InstanceOf(class string) bool { return class == "Future" }

// CheckValue of a Future for an exercise's check: its value comes from
// .result().
func (f *Future) CheckValue() check.Value {
	return check.Value{Type: f.Type(), Compute: ".result()"}
}
