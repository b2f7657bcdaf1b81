package dataframe

import (
	"fmt"
	"math"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"

	"burst/engine/frame"
	"burst/engine/graph"
)

// A hash join merges two frames that both have several partitions, as
// Dask's hash_join does: each partition's rows are hashed on the keys into
// n buckets, and bucket j of the result merges the rows of every left and
// right partition that fell in bucket j. Equal keys meet in one bucket, so
// each bucket is an ordinary merge. Rows come out grouped by bucket, not
// in pandas' order (as in Dask).

// HashJoin merges l and r on the columns on, with pandas' how and suffixes.
func HashJoin(l, r *Collection, on []string, how string, suffixes [2]string) (*Collection, error) {
	p := mergeParams{On: on, How: how, Suffixes: suffixes}
	meta, err := opMerge(nil, p, []graph.Value{l.Meta, r.Meta})
	if err != nil {
		return nil, err
	}
	n := max(l.NParts, r.NParts)
	split := func(c *Collection) ([][]graph.Key, *Collection, error) {
		s, err := Map("hash-split", graph.NewStage("hash-split", hashParams{On: on, N: n}), c.Meta, c)
		if err != nil {
			return nil, nil, err
		}
		parts := make([][]graph.Key, n) // parts[j]: bucket j of each partition
		for i := range c.NParts {
			for j := range n {
				st := graph.NewStage("hash-part", hashParams{Bucket: j})
				name := "hash-part-" + graph.Tokenize(s.Name, j)
				k := graph.PartKey(name, i)
				s.Graph[k] = &graph.Task{Key: k, Deps: []graph.Key{graph.PartKey(s.Name, i)}, Stages: []graph.Stage{st}}
				parts[j] = append(parts[j], k)
			}
		}
		return parts, s, nil
	}
	lparts, ls, err := split(l)
	if err != nil {
		return nil, err
	}
	rparts, rs, err := split(r)
	if err != nil {
		return nil, err
	}
	g := graph.Merge(ls.Graph, rs.Graph)
	name := "hash-join-" + graph.Tokenize(ls.Name, rs.Name, p)
	st := graph.NewStage("hash-join", hashJoinParams{mergeParams: p, Left: l.NParts})
	for j := range n {
		k := graph.PartKey(name, j)
		g[k] = &graph.Task{Key: k, Deps: append(append([]graph.Key{}, lparts[j]...), rparts[j]...), Stages: []graph.Stage{st}}
	}
	return &Collection{Graph: g, Name: name, NParts: n, Meta: Empty(meta)}, nil
}

type hashParams struct {
	On     []string `json:"on,omitempty"`
	N      int      `json:"n,omitempty"`
	Bucket int      `json:"bucket,omitempty"`
}

type hashJoinParams struct {
	mergeParams
	Left int `json:"left"` // the first Left inputs are the left side's
}

// bucketColumn holds each row's bucket between hash-split and hash-part.
const bucketColumn = "__bucket"

func init() {
	register("hash-split", opHashSplit)
	register("hash-part", opHashPart)
	register("hash-join", opHashJoin)
}

// opHashSplit adds each row's bucket as a column.
func opHashSplit(_ *graph.Env, p hashParams, in []graph.Value) (graph.Value, error) {
	f, err := oneFrame(in)
	if err != nil {
		return nil, err
	}
	h := make([]uint64, f.Rows)
	for _, name := range p.On {
		c, ok := f.Col(name)
		if !ok {
			return nil, fmt.Errorf("KeyError: '%s'", name)
		}
		hashInto(h, c.Data)
	}
	b := make([]int64, f.Rows)
	for i, x := range h {
		b[i] = int64(x % uint64(p.N))
	}
	out := *f
	out.Columns = append(append([]frame.Column{}, f.Columns...), frame.Column{Name: bucketColumn, Data: frame.OwnInt64s(b)})
	return &out, nil
}

// opHashPart keeps one bucket's rows, without the bucket column.
func opHashPart(_ *graph.Env, p hashParams, in []graph.Value) (graph.Value, error) {
	f, err := oneFrame(in)
	if err != nil {
		return nil, err
	}
	last := len(f.Columns) - 1
	if last < 0 || f.Columns[last].Name != bucketColumn {
		return nil, fmt.Errorf("hash-part wants the output of hash-split")
	}
	buckets := f.Columns[last].Data.(*array.Int64).Int64Values()
	var rows []int
	for i, b := range buckets {
		if b == int64(p.Bucket) {
			rows = append(rows, i)
		}
	}
	kept := *f
	kept.Columns = f.Columns[:last]
	out := kept.TakeRows(rows)
	out.Index = nil // merge numbers rows afresh
	return out, nil
}

// opHashJoin merges the left and right parts of one bucket.
func opHashJoin(_ *graph.Env, p hashJoinParams, in []graph.Value) (graph.Value, error) {
	if p.Left <= 0 || p.Left >= len(in) {
		return nil, fmt.Errorf("hash-join wants parts of both sides")
	}
	l, err := opConcat(nil, concatParams{}, in[:p.Left])
	if err != nil {
		return nil, err
	}
	r, err := opConcat(nil, concatParams{}, in[p.Left:])
	if err != nil {
		return nil, err
	}
	return opMerge(nil, p.mergeParams, []graph.Value{l, r})
}

// hashInto mixes each value of a key column into its row's hash. Numbers
// that are equal hash equally whatever their dtype (3 and 3.0), as merge
// matches them; missing values all hash alike.
func hashInto(h []uint64, a arrow.Array) {
	mix := func(i int, v uint64) {
		x := (h[i] ^ v) * 0x9e3779b97f4a7c15
		h[i] = x ^ x>>29
	}
	const missing = 0x5bd1e995
	switch a := a.(type) {
	case *array.Int64:
		for i, v := range a.Int64Values() {
			if a.IsNull(i) {
				mix(i, missing)
			} else {
				mix(i, uint64(v))
			}
		}
	case *array.Float64:
		for i, v := range a.Float64Values() {
			switch {
			case v != v || a.IsNull(i):
				mix(i, missing)
			case v == math.Trunc(v) && math.Abs(v) < 1<<63:
				mix(i, uint64(int64(v)))
			default:
				mix(i, math.Float64bits(v))
			}
		}
	case *array.String:
		for i := range a.Len() {
			if a.IsNull(i) {
				mix(i, missing)
				continue
			}
			s := a.Value(i)
			x := uint64(14695981039346656037)
			for k := 0; k < len(s); k++ {
				x = (x ^ uint64(s[k])) * 1099511628211
			}
			mix(i, x)
		}
	default:
		for i := range a.Len() {
			if a.IsNull(i) {
				mix(i, missing)
				continue
			}
			x := uint64(14695981039346656037)
			s := a.ValueStr(i)
			for k := 0; k < len(s); k++ {
				x = (x ^ uint64(s[k])) * 1099511628211
			}
			mix(i, x)
		}
	}
}
