// Package dataframe holds lazy, partitioned collections in the style of
// dask.dataframe — DataFrames, Series and Scalars whose operations add tasks
// to a graph, one per partition — and the operations those tasks run.
//
// Every operation is written once, as a registered graph operation over
// eager values (frames, series, Go scalars). Do applies it at once to eager
// values, as pandas would, or adds it to the graph of lazy collections, as
// Dask would; reductions split into a per-partition chunk and an aggregate.
package dataframe

import (
	"context"
	"fmt"
	"math"

	"burst/engine/frame"
	"burst/engine/graph"
)

// Computer runs graphs: a scheduler over local goroutines or over a
// cluster's workers.
type Computer interface {
	Compute(ctx context.Context, g graph.Graph, keys []graph.Key) ([]graph.Value, error)
}

// Collection is a lazy DataFrame, Series or Scalar split into partitions.
type Collection struct {
	Graph  graph.Graph
	Name   string      // the name in the partitions' keys
	NParts int         // number of partitions; a Scalar has one
	Meta   graph.Value // *frame.Frame or *frame.Series with no rows, or a Go scalar
	// Hold is kept alive with the collection: a Client's hold on the
	// partitions it persisted on its workers.
	Hold any
}

// IsFrame reports whether c is a DataFrame.
func (c *Collection) IsFrame() bool { _, ok := c.Meta.(*frame.Frame); return ok }

// IsSeries reports whether c is a Series.
func (c *Collection) IsSeries() bool { _, ok := c.Meta.(*frame.Series); return ok }

// IsScalar reports whether c is a Scalar.
func (c *Collection) IsScalar() bool { return !c.IsFrame() && !c.IsSeries() }

// FrameMeta returns the meta of a DataFrame.
func (c *Collection) FrameMeta() *frame.Frame { f, _ := c.Meta.(*frame.Frame); return f }

// SeriesMeta returns the meta of a Series.
func (c *Collection) SeriesMeta() *frame.Series { s, _ := c.Meta.(*frame.Series); return s }

// Keys returns the keys of the partitions, in order.
func (c *Collection) Keys() []graph.Key { return keys(c.Name, c.NParts) }

func keys(name string, n int) []graph.Key {
	ks := make([]graph.Key, n)
	for i := range ks {
		ks[i] = graph.PartKey(name, i)
	}
	return ks
}

// FromValues returns a collection whose partitions are the given eager
// values, already in memory (dd.from_pandas, persist).
func FromValues(prefix string, parts []graph.Value, meta graph.Value) *Collection {
	name := prefix + "-" + graph.Tokenize(prefix, fmt.Sprintf("%p", &parts), len(parts))
	g := make(graph.Graph, len(parts))
	for i, v := range parts {
		k := graph.PartKey(name, i)
		g[k] = graph.LiteralTask(k, v)
	}
	return &Collection{Graph: g, Name: name, NParts: len(parts), Meta: meta}
}

// Empty returns the meta of an eager value: the same columns or name and
// dtype, with no rows. Scalars are their own meta.
func Empty(v graph.Value) graph.Value {
	switch v := v.(type) {
	case *frame.Frame:
		return v.Head(0)
	case *frame.Series:
		return &frame.Series{Name: v.Name, Index: sliceCols(v.Index), Data: frame.Take(v.Data, nil)}
	}
	return v
}

func sliceCols(cs []frame.Column) []frame.Column {
	out := make([]frame.Column, len(cs))
	for i, c := range cs {
		out[i] = frame.Column{Name: c.Name, Data: frame.Take(c.Data, nil)}
	}
	return out
}

// Run applies op to eager inputs.
func Run(op string, params any, in ...graph.Value) (graph.Value, error) {
	return graph.RunStage(nil, graph.NewStage(op, params), in)
}

// Map applies op partition by partition to args, lazy collections with the
// same number of partitions; a one-partition argument (a Scalar, a small
// frame) is given whole to every partition. The result's meta comes from
// running op on the arguments' metas, as Dask does.
func Map(prefix string, st graph.Stage, meta graph.Value, args ...*Collection) (*Collection, error) {
	n := 1
	for _, a := range args {
		if a.NParts != 1 {
			if n != 1 && a.NParts != n {
				return nil, fmt.Errorf("ValueError: the collections have different numbers of partitions (%d and %d); Burst cannot align them", n, a.NParts)
			}
			n = a.NParts
		}
	}
	if meta == nil {
		metas := make([]graph.Value, len(args))
		for i, a := range args {
			metas[i] = a.Meta
		}
		m, err := graph.RunStage(nil, st, metas)
		if err != nil {
			return nil, err
		}
		meta = Empty(m)
	}
	parents := make([]any, len(args))
	gs := make([]graph.Graph, len(args))
	for i, a := range args {
		parents[i], gs[i] = a.Name, a.Graph
	}
	name := prefix + "-" + graph.Tokenize(prefix, parents, st, fnToken(st))
	g := graph.Merge(gs...)
	for i := 0; i < n; i++ {
		deps := make([]graph.Key, len(args))
		for j, a := range args {
			p := i
			if a.NParts == 1 {
				p = 0
			}
			deps[j] = graph.PartKey(a.Name, p)
		}
		k := graph.PartKey(name, i)
		g[k] = &graph.Task{Key: k, Deps: deps, Stages: []graph.Stage{st}}
	}
	return &Collection{Graph: g, Name: name, NParts: n, Meta: meta}, nil
}

// fnToken distinguishes stages running different local functions.
func fnToken(st graph.Stage) string {
	if st.Fn == nil {
		return ""
	}
	return fmt.Sprintf("%p", st.Fn)
}

// Reduce runs chunk on every partition of in and agg on all the chunks: a
// one-partition collection.
func Reduce(prefix string, chunk, agg graph.Stage, meta graph.Value, in ...*Collection) (*Collection, error) {
	c, err := Map(prefix+"-chunk", chunk, nil, in...)
	if err != nil {
		return nil, err
	}
	if meta == nil {
		m, err := graph.RunStage(nil, agg, []graph.Value{c.Meta})
		if err != nil {
			// Some reductions have no value on no rows (idxmax): the
			// result is a scalar of unknown type until computed.
			m = math.NaN()
		}
		meta = Empty(m)
	}
	name := prefix + "-agg-" + graph.Tokenize(prefix, c.Name, agg)
	g := graph.Merge(c.Graph)
	k := graph.PartKey(name, 0)
	g[k] = &graph.Task{Key: k, Deps: c.Keys(), Stages: []graph.Stage{agg}}
	return &Collection{Graph: g, Name: name, NParts: 1, Meta: meta}, nil
}

// Compute runs c's graph and returns its value: the partitions
// concatenated, or the scalar.
func (c *Collection) Compute(ctx context.Context, comp Computer) (graph.Value, error) {
	vs, err := comp.Compute(ctx, c.Graph, c.Keys())
	if err != nil {
		return nil, err
	}
	return Combine(c.Meta, vs)
}

// Combine concatenates computed partitions into one eager value.
func Combine(meta graph.Value, vs []graph.Value) (graph.Value, error) {
	if len(vs) == 1 {
		return vs[0], nil
	}
	switch m := meta.(type) {
	case *frame.Frame:
		parts := make([]*frame.Frame, len(vs))
		for i, v := range vs {
			f, ok := v.(*frame.Frame)
			if !ok {
				return nil, fmt.Errorf("partition %d is a %T, not a DataFrame", i, v)
			}
			parts[i] = f
		}
		return frame.Concat(parts)
	case *frame.Series:
		parts := make([]*frame.Frame, len(vs))
		for i, v := range vs {
			s, ok := v.(*frame.Series)
			if !ok {
				return nil, fmt.Errorf("partition %d is a %T, not a Series", i, v)
			}
			parts[i] = s.Frame()
		}
		f, err := frame.Concat(parts)
		if err != nil {
			return nil, err
		}
		return &frame.Series{Name: m.Name, Index: f.Index, Data: f.Columns[0].Data}, nil
	}
	return vs[0], nil
}

// Persisted returns a collection over already computed partitions.
func (c *Collection) Persisted(vs []graph.Value) *Collection {
	return FromValues("persist", vs, c.Meta)
}
