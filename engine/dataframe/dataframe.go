// Package dataframe holds lazy, partitioned DataFrames in the style of
// dask.dataframe: each operation adds tasks to a graph, one per partition,
// and nothing runs until the collection is computed.
package dataframe

import (
	"bytes"
	"context"
	"fmt"

	"burst/engine/csv"
	"burst/engine/files"
	"burst/engine/frame"
	"burst/engine/graph"
)

// Computer runs graphs: a scheduler over local goroutines or over a
// cluster's workers.
type Computer interface {
	Compute(ctx context.Context, g graph.Graph, keys []graph.Key) ([]graph.Value, error)
}

// sampleBytes is how much of the first file read_csv reads to learn the
// columns and dtypes, as Dask's default sample=256000.
const sampleBytes = 256000

// DataFrame is a lazy table split into partitions.
type DataFrame struct {
	Graph  graph.Graph
	Name   string       // the name in the partitions' keys
	NParts int          // number of partitions
	Meta   *frame.Frame // zero rows: the columns and dtypes
}

// Keys returns the keys of the partitions, in order.
func (d *DataFrame) Keys() []graph.Key { return keys(d.Name, d.NParts) }

func keys(name string, n int) []graph.Key {
	ks := make([]graph.Key, n)
	for i := range ks {
		ks[i] = graph.PartKey(name, i)
	}
	return ks
}

// Series is a lazy column split into partitions.
type Series struct {
	Graph  graph.Graph
	Name   string
	NParts int
	Meta   *frame.Series // zero rows: name and dtype
}

// Keys returns the keys of the partitions, in order.
func (s *Series) Keys() []graph.Key { return keys(s.Name, s.NParts) }

type readParams struct {
	Path    string      `json:"path"`
	Options csv.Options `json:"options"`
}

// ReadCSV returns a DataFrame over the files matching pattern, one
// partition per file. Columns and dtypes come from a sample of the first
// file, as in Dask.
func ReadCSV(fs files.FS, pattern string, opt csv.Options) (*DataFrame, error) {
	names, err := fs.Glob(pattern)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("OSError: %s resolved to no files", pattern)
	}
	return ReadCSVFiles(fs, names, opt)
}

// ReadCSVFiles is ReadCSV over a list of file names.
func ReadCSVFiles(fs files.FS, names []string, opt csv.Options) (*DataFrame, error) {
	sample, err := fs.ReadRange(names[0], 0, sampleBytes)
	if err != nil {
		return nil, err
	}
	if len(sample) == sampleBytes {
		// Parse whole lines only.
		if i := bytes.LastIndexByte(sample, '\n'); i > 0 {
			sample = sample[:i+1]
		}
	}
	head, err := csv.Read(names[0], sample, &opt)
	if err != nil {
		return nil, err
	}
	name := "read-csv-" + graph.Tokenize("read-csv", names, opt)
	g := make(graph.Graph, len(names))
	for i, n := range names {
		k := graph.PartKey(name, i)
		g[k] = &graph.Task{Key: k, Stages: []graph.Stage{graph.NewStage("read-csv", readParams{n, opt})}}
	}
	return &DataFrame{Graph: g, Name: name, NParts: len(names), Meta: head.Head(0)}, nil
}

// partitionwise adds one task per partition applying stage to the
// corresponding partition of d.
func partitionwise(g graph.Graph, parent string, n int, prefix string, stage graph.Stage) (graph.Graph, string) {
	name := prefix + "-" + graph.Tokenize(prefix, parent, stage)
	out := graph.Merge(g)
	for i := 0; i < n; i++ {
		k := graph.PartKey(name, i)
		out[k] = &graph.Task{Key: k, Deps: []graph.Key{graph.PartKey(parent, i)}, Stages: []graph.Stage{stage}}
	}
	return out, name
}

// Column returns the column called name.
func (d *DataFrame) Column(name string) (*Series, error) {
	c, ok := d.Meta.Col(name)
	if !ok {
		return nil, fmt.Errorf("KeyError: %q", name)
	}
	g, n := partitionwise(d.Graph, d.Name, d.NParts, "getitem", graph.NewStage("getitem", getitemParams{name}))
	return &Series{Graph: g, Name: n, NParts: d.NParts, Meta: &frame.Series{Name: name, Data: c.Data}}, nil
}

// HasColumn reports whether d has a column called name.
func (d *DataFrame) HasColumn(name string) bool {
	_, ok := d.Meta.Col(name)
	return ok
}

type getitemParams struct {
	Column string `json:"column"`
}

type headParams struct {
	N int `json:"n"`
}

// Head computes the first n rows, reading only the first partition, as
// Dask's head does.
func (d *DataFrame) Head(ctx context.Context, c Computer, n int) (*frame.Frame, error) {
	name := "head-" + graph.Tokenize("head", d.Name, n)
	k := graph.PartKey(name, 0)
	g := graph.Merge(d.Graph)
	g[k] = &graph.Task{Key: k, Deps: []graph.Key{graph.PartKey(d.Name, 0)}, Stages: []graph.Stage{graph.NewStage("head", headParams{n})}}
	vs, err := c.Compute(ctx, g, []graph.Key{k})
	if err != nil {
		return nil, err
	}
	return vs[0].(*frame.Frame), nil
}

// Compute returns all partitions concatenated.
func (d *DataFrame) Compute(ctx context.Context, c Computer) (*frame.Frame, error) {
	vs, err := c.Compute(ctx, d.Graph, d.Keys())
	if err != nil {
		return nil, err
	}
	parts := make([]*frame.Frame, len(vs))
	for i, v := range vs {
		parts[i] = v.(*frame.Frame)
	}
	return frame.Concat(parts)
}

// Compute returns all partitions concatenated.
func (s *Series) Compute(ctx context.Context, c Computer) (*frame.Series, error) {
	vs, err := c.Compute(ctx, s.Graph, s.Keys())
	if err != nil {
		return nil, err
	}
	if len(vs) == 1 {
		return vs[0].(*frame.Series), nil
	}
	parts := make([]*frame.Frame, len(vs))
	for i, v := range vs {
		sv := v.(*frame.Series)
		parts[i] = &frame.Frame{Index: sv.Index, Columns: []frame.Column{{Name: sv.Name, Data: sv.Data}}, Rows: sv.Len()}
	}
	f, err := frame.Concat(parts)
	if err != nil {
		return nil, err
	}
	return &frame.Series{Name: s.Meta.Name, Index: f.Index, Data: f.Columns[0].Data}, nil
}
