package dataframe

import (
	"fmt"
	"github.com/apache/arrow/go/v15/arrow"

	"burst/engine/frame"
	"burst/engine/graph"
)

// The covariance and correlation of a frame's numeric columns: per
// partition sums (cov-chunk), combined exactly in one task (cov-agg), as
// Dask's cov and corr.

// opParams are the parameters of this file's operations (one type, so
// one instance of register's generic code).
type opParams struct {
	Corr    bool     `json:"corr,omitempty"`
	Column  string   `json:"column,omitempty"`
	N       int      `json:"n,omitempty"`
	J       int      `json:"j,omitempty"`
	Lo      *Scalar  `json:"lo,omitempty"` // loc's bounds; nil: open
	Hi      *Scalar  `json:"hi,omitempty"`
	How     string   `json:"how,omitempty"`
	Columns []string `json:"columns,omitempty"`
}

func opCovChunk(_ *graph.Env, _ opParams, in []graph.Value) (graph.Value, error) {
	f, _, err := asFrame(in[0])
	if err != nil {
		return nil, err
	}
	return frame.CovChunk(f), nil
}

func opCovAgg(_ *graph.Env, p opParams, in []graph.Value) (graph.Value, error) {
	parts := make([]*frame.Frame, len(in))
	for i, v := range in {
		f, ok := v.(*frame.Frame)
		if !ok {
			return nil, fmt.Errorf("want cov-chunk results, got %T", v)
		}
		parts[i] = f
	}
	return frame.CovAgg(parts, p.Corr)
}

// ---- set_index: a distributed sort ----
//
// Dask's set_index sorts the rows across partitions: each partition's
// keys are sampled (sort-sample), the samples give the partition
// boundaries (sort-divisions, one small task), every partition is cut
// into one piece per output partition by those boundaries (sort-split,
// n×n tasks), and each output partition gathers its pieces and sorts them
// by the new index (sort-gather). Rows move between workers as pieces;
// none of it runs on the kernel.

// sortSamples is how many keys each partition offers for the boundaries.
const sortSamples = 256

func keyColumn(in graph.Value, name string) (*frame.Frame, frame.Column, error) {
	f, _, err := asFrame(in)
	if err != nil {
		return nil, frame.Column{}, err
	}
	c, ok := f.Col(name)
	if !ok {
		return nil, frame.Column{}, fmt.Errorf("KeyError: \"None of ['%s'] are in the columns\"", name)
	}
	return f, c, nil
}

// sortedPresent is the key's present values, sorted.
func sortedPresent(c frame.Column, rows int) (*frame.Frame, error) {
	one := &frame.Frame{Columns: []frame.Column{{Name: "k", Data: c.Data}}, Rows: rows}
	s, err := one.SortValues([]string{"k"}, []bool{true})
	if err != nil {
		return nil, err
	}
	n := 0
	for n < s.Rows && !frame.IsMissing(s.Columns[0].Data, n) {
		n++
	}
	return s.Slice(0, n), nil
}

func opSortSample(_ *graph.Env, p opParams, in []graph.Value) (graph.Value, error) {
	f, c, err := keyColumn(in[0], p.Column)
	if err != nil {
		return nil, err
	}
	s, err := sortedPresent(c, f.Rows)
	if err != nil {
		return nil, err
	}
	idx := evenly(s.Rows, sortSamples)
	return &frame.Series{Name: "k", Data: frame.Take(s.Columns[0].Data, idx)}, nil
}

// evenly picks up to k positions spread evenly over n.
func evenly(n, k int) []int {
	if n <= k {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	}
	out := make([]int, k)
	for i := range out {
		out[i] = i * n / k
	}
	return out
}

func opSortDivisions(_ *graph.Env, p opParams, in []graph.Value) (graph.Value, error) {
	var parts []*frame.Frame
	for _, v := range in {
		f, _, err := asFrame(v)
		if err != nil {
			return nil, err
		}
		parts = append(parts, f)
	}
	all, err := frame.Concat(parts)
	if err != nil {
		return nil, err
	}
	s, err := sortedPresent(all.Columns[0], all.Rows)
	if err != nil {
		return nil, err
	}
	// n-1 boundaries at the quantiles k/n of the samples.
	idx := []int{}
	for k := 1; k < p.N && s.Rows > 0; k++ {
		idx = append(idx, k*s.Rows/p.N)
	}
	return &frame.Series{Name: "k", Data: frame.Take(s.Columns[0].Data, idx)}, nil
}

func opSortSplit(_ *graph.Env, p opParams, in []graph.Value) (graph.Value, error) {
	f, c, err := keyColumn(in[0], p.Column)
	if err != nil {
		return nil, err
	}
	bounds, ok := in[1].(*frame.Series)
	if !ok {
		return nil, fmt.Errorf("want boundaries, got %T", in[1])
	}
	// A row's piece is the number of boundaries below its key; missing
	// keys go last, as sorting puts them.
	piece := make([]int, f.Rows)
	for b := 0; b < bounds.Len(); b++ {
		gt, err := frame.Compare(">", c.Data, frame.ValueAt(bounds.Data, b))
		if err != nil {
			return nil, err
		}
		m, err := frame.AsMask(gt)
		if err != nil {
			return nil, err
		}
		for i := range piece {
			if m.Value(i) {
				piece[i]++
			}
		}
	}
	var rows []int
	for i, k := range piece {
		if frame.IsMissing(c.Data, i) {
			k = p.N - 1
		}
		if k == p.J {
			rows = append(rows, i)
		}
	}
	return f.TakeRows(rows), nil
}

func opSortGather(_ *graph.Env, p opParams, in []graph.Value) (graph.Value, error) {
	f, _, _, err := concatInputs(in)
	if err != nil {
		return nil, err
	}
	s, err := f.SortValues([]string{p.Column}, []bool{true})
	if err != nil {
		return nil, err
	}
	return opSetIndex(nil, setIndexParams{Column: p.Column}, []graph.Value{s})
}

// SetIndexSorted is Dask's set_index(column): the rows sorted by column
// across c's partitions, column as the index; as many partitions as c.
func SetIndexSorted(c *Collection, column string) (*Collection, error) {
	n := c.NParts
	meta, err := opSetIndex(nil, setIndexParams{Column: column}, []graph.Value{c.Meta})
	if err != nil {
		return nil, err
	}
	sample, err := Map("sort-sample", graph.NewStage("sort-sample", opParams{Column: column}), &frame.Series{Name: "k", Data: frame.Float64s(nil)}, c)
	if err != nil {
		return nil, err
	}
	tok := graph.Tokenize("set-index", c.Name, column)
	g := graph.Merge(sample.Graph)
	div := graph.PartKey("sort-divisions-"+tok, 0)
	g[div] = &graph.Task{Key: div, Deps: sample.Keys(), Stages: []graph.Stage{graph.NewStage("sort-divisions", opParams{Column: column, N: n})}}
	split := "sort-split-" + tok
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			k := graph.PartKey(split, i*n+j)
			g[k] = &graph.Task{Key: k, Deps: []graph.Key{graph.PartKey(c.Name, i), div}, Stages: []graph.Stage{graph.NewStage("sort-split", opParams{Column: column, N: n, J: j})}}
		}
	}
	name := "set-index-" + tok
	for j := 0; j < n; j++ {
		deps := make([]graph.Key, n)
		for i := range deps {
			deps[i] = graph.PartKey(split, i*n+j)
		}
		k := graph.PartKey(name, j)
		g[k] = &graph.Task{Key: k, Deps: deps, Stages: []graph.Stage{graph.NewStage("sort-gather", opParams{Column: column})}}
	}
	return &Collection{Graph: g, Name: name, NParts: n, Meta: meta}, nil
}

// ---- loc by label, per partition ----

// opLocRows keeps a partition's rows whose index label is between Lo
// and Hi (both included): Dask's loc[label] and loc[lo:hi], which run on
// every partition when the divisions are not known.
func opLocRows(_ *graph.Env, p opParams, in []graph.Value) (graph.Value, error) {
	f, isSeries, err := asFrame(in[0])
	if err != nil {
		return nil, err
	}
	idx := f.IndexOrRange()[0].Data
	var mask any = true
	for _, b := range []struct {
		op string
		v  *Scalar
	}{{">=", p.Lo}, {"<=", p.Hi}} {
		if b.v == nil {
			continue
		}
		m, err := frame.Compare(b.op, idx, b.v.V)
		if err != nil {
			return nil, err
		}
		if mask, err = frame.Logic("&", mask, m); err != nil {
			return nil, err
		}
	}
	m, ok := mask.(arrow.Array)
	if !ok {
		return in[0], nil
	}
	bm, err := frame.AsMask(m)
	if err != nil {
		return nil, err
	}
	out, err := f.Filter(bm)
	if err != nil {
		return nil, err
	}
	if isSeries {
		return backToSeries(out, in[0].(*frame.Series).Name), nil
	}
	return out, nil
}

// ---- DataFrame.idxmax and idxmin ----

func opIdxChunk(_ *graph.Env, p opParams, in []graph.Value) (graph.Value, error) {
	f, _, err := asFrame(in[0])
	if err != nil {
		return nil, err
	}
	return frame.FrameIdxChunk(p.How, f)
}

func opIdxAgg(_ *graph.Env, p opParams, in []graph.Value) (graph.Value, error) {
	parts := make([]*frame.Frame, len(in))
	for i, v := range in {
		f, ok := v.(*frame.Frame)
		if !ok {
			return nil, fmt.Errorf("want idx-chunk results, got %T", v)
		}
		parts[i] = f
	}
	return frame.FrameIdxAgg(p.How, parts, p.Columns)
}

// opRowReduce is a reduction along the columns (axis=1): per partition.
func opRowReduce(_ *graph.Env, p opParams, in []graph.Value) (graph.Value, error) {
	f, ok := in[0].(*frame.Frame)
	if !ok {
		return nil, fmt.Errorf("ValueError: No axis named 1 for object type Series")
	}
	return frame.RowReduce(f, p.How)
}
