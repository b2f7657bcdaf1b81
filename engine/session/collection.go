package session

import (
	"go.starlark.net/starlark"

	"burst/engine/graph"
)

// Collection is a lazy value that lowers to a task graph: Dask's
// collection protocol (__dask_graph__, __dask_keys__,
// __dask_postcompute__, __dask_postpersist__). dask.compute, persist,
// visualize and a Client's compute and persist take any Collection, so a
// new lazy type needs nothing outside its own package.
type Collection interface {
	starlark.Value
	// DaskGraph is the graph that computes the collection; nil when the
	// value is not lazy (an eager frame of a type that can be either).
	DaskGraph() graph.Graph
	// DaskKeys are the keys of its parts: partitions, blocks, or a
	// Delayed's one key.
	DaskKeys() []graph.Key
	// PostCompute makes the computed value from the parts' values, in
	// DaskKeys' order.
	PostCompute(parts []graph.Value) (starlark.Value, error)
	// PostPersist makes the collection again from its parts' computed
	// values, kept in the kernel.
	PostPersist(parts []graph.Value) (starlark.Value, error)
	// Held makes the collection again over the same keys, which a
	// Client keeps on its workers: the new value keeps keep reachable
	// while it lives, and the Client releases the keys when keep is
	// collected.
	Held(keep any) starlark.Value
}

// IsCollection reports whether v is a lazy collection.
func IsCollection(v starlark.Value) bool {
	c, ok := v.(Collection)
	return ok && c.DaskGraph() != nil
}

// Walk calls f for every collection in v, looking inside lists, tuples
// and dicts (their values) as Dask traverses arguments.
func Walk(v starlark.Value, f func(Collection)) {
	switch x := v.(type) {
	case *starlark.List:
		for i := 0; i < x.Len(); i++ {
			Walk(x.Index(i), f)
		}
		return
	case starlark.Tuple:
		for _, e := range x {
			Walk(e, f)
		}
		return
	case *starlark.Dict:
		for _, it := range x.Items() {
			Walk(it[1], f)
		}
		return
	}
	if IsCollection(v) {
		f(v.(Collection))
	}
}
