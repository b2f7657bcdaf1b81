package dask

import (
	"burst/engine/graph"
	"burst/engine/session"
	"fmt"

	"go.starlark.net/starlark"
)

// computeAll implements dask.compute(*collections): one graph for all of
// them, so shared parts (the CSV reads) run once.
func (k *State) computeAll(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	vs, err := k.computeMany(args, kwargs, false)
	if err != nil {
		return nil, err
	}
	return starlark.Tuple(vs), nil
}

// persistAll implements dask.persist(*collections).
func (k *State) persistAll(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	vs, err := k.computeMany(args, kwargs, true)
	if err != nil {
		return nil, err
	}
	return starlark.Tuple(vs), nil // a tuple even for one, as Dask
}

func (k *State) computeMany(args starlark.Tuple, kwargs []starlark.Tuple, persist bool) ([]starlark.Value, error) {
	for _, kv := range kwargs {
		switch string(kv[0].(starlark.String)) {
		case "scheduler", "optimize_graph", "traverse":
		default:
			return nil, fmt.Errorf("TypeError: compute() got an unexpected keyword argument '%s'", kv[0])
		}
	}
	if rs := k.s.Remotes(); rs != nil {
		if vs, ok, err := rs.Compute(args, persist); ok {
			return vs, err
		}
	}
	// Persisted data stays on the workers: the Client's, else those
	// that compute without one (the session's pool).
	if c := k.computeClient(); persist && c != nil {
		out := make([]starlark.Value, len(args))
		for i, a := range args {
			v, err := k.clientCompute(c, a, true)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	}
	// One graph for every collection, found also inside lists, tuples
	// and dicts as Dask traverses them.
	var gs []graph.Graph
	var keys []graph.Key
	session.Walk(args, func(c session.Collection) {
		gs = append(gs, c.DaskGraph())
		keys = append(keys, c.DaskKeys()...)
	})
	values := map[graph.Key]graph.Value{}
	if len(keys) > 0 {
		results, err := k.s.Computer().Compute(k.context(), graph.Merge(gs...), keys)
		if err != nil {
			return nil, err
		}
		for i, key := range keys {
			values[key] = results[i]
		}
	}
	rebuild := func(v starlark.Value) (starlark.Value, error) {
		return session.MapNested(v, func(v starlark.Value) (starlark.Value, bool, error) {
			if !session.IsCollection(v) {
				return nil, false, nil
			}
			c := v.(session.Collection)
			ks := c.DaskKeys()
			parts := make([]graph.Value, len(ks))
			for i, key := range ks {
				parts[i] = values[key]
			}
			var r starlark.Value
			var err error
			if persist {
				r, err = c.PostPersist(parts)
			} else {
				r, err = c.PostCompute(parts)
			}
			return r, true, err
		})
	}
	out := make([]starlark.Value, len(args))
	for j, a := range args {
		v, err := rebuild(a)
		if err != nil {
			return nil, err
		}
		out[j] = v
	}
	return out, nil
}

func (k *State) visualizeAll(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return session.VisualizeAll(args), nil
}

// computeClient is the Client whose scheduler computes the session's
// collections: the open Client, else a Client of the pool (see
// session.Pool); nil when neither has a scheduler in this process (a
// remote cluster's Client, a task's kernel on a worker).
func (k *State) computeClient() *Client {
	c := k.client
	if c == nil {
		c, _ = k.Pool()
	}
	if c == nil || c.cluster == nil || c.cluster.Scheduler() == nil {
		return nil
	}
	return c
}
