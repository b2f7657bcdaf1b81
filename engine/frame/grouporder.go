package frame

import (
	"github.com/apache/arrow/go/v15/arrow"
)

// The row order of group-by results, value counts and distinct values.
// pandas and Dask print the same groups in different orders, and a
// learner compares them line by line:
//
//   - pandas' groupby(sort=True), and Dask's groupby(sort=True), sort the
//     group keys (OrderSorted);
//   - pandas' groupby(sort=False) and Dask's agg() (which groups each
//     partition with sort=False) keep the order in which the keys first
//     appear in the rows (OrderFirst);
//   - Dask's other group-by methods (sum, mean, count, size, std, first,
//     nunique, …) group each partition with pandas' default sort=True and
//     combine the partitions' results with sort=False: each partition's
//     new keys, sorted, after the keys of the partitions before it
//     (OrderChunks). Combining keeps the order of first appearance at
//     every level of Dask's tree, so how many partitions it combines at a
//     time (split_every) does not change the order.
const (
	OrderSorted = ""
	OrderFirst  = "first"
	OrderChunks = "chunks"
)

// SortByIndex returns f with its rows ordered by its index levels, as
// pandas sorts group keys (missing keys last).
func SortByIndex(f *Frame) *Frame {
	if len(f.Index) == 0 || f.Rows < 2 {
		return f
	}
	levels := columnData(f.Index)
	g := &Groups{Keys: levels[0], Levels: levels}
	order := g.SortOrder()
	sorted := true
	for i, o := range order {
		if o != i {
			sorted = false
			break
		}
	}
	if sorted {
		return f
	}
	return f.TakeRows(order)
}

// CountOptions are value_counts' arguments and where it runs.
type CountOptions struct {
	Sort      bool // by count (value_counts(sort=True))
	Ascending bool
	Normalize bool
	// KeyOrder: the values in sorted order before counts sort them, as
	// Dask's aggregate (a groupby(level=0).sum()); pandas keeps the order
	// of first appearance.
	KeyOrder bool
}

// CountValues adds up counts per distinct value of keys (first
// appearance order) and orders them as pandas' or Dask's value_counts.
func CountValues(keys arrow.Array, counts []int64, o CountOptions) (*Series, error) {
	g, err := GroupRows(keys)
	if err != nil {
		return nil, err
	}
	c := make([]int64, g.N())
	for i, id := range g.IDs {
		if id >= 0 {
			c[id] += counts[i]
		}
	}
	var order []int
	if o.KeyOrder {
		order = g.SortOrder()
	} else {
		order = make([]int, len(c))
		for i := range order {
			order[i] = i
		}
	}
	if o.Sort {
		sorted := make([]int64, len(order))
		for i, j := range order {
			sorted[i] = c[j]
		}
		by := nargsort(sorted, nil, o.Ascending) // pandas' sort_values: numpy's quicksort
		for i, j := range by {
			by[i] = order[j]
		}
		order = by
	}
	var data arrow.Array = Int64s(c)
	if o.Normalize {
		var total int64
		for _, x := range c {
			total += x
		}
		f := make([]float64, len(c))
		for i, x := range c {
			f[i] = float64(x) / float64(total)
		}
		data = Float64s(f)
	}
	return &Series{Index: []Column{{Name: "", Data: Take(g.Keys, order)}}, Data: Take(data, order)}, nil
}

// CountChunk counts each distinct value of one partition, in order of
// first appearance: the partial result value_counts combines.
func CountChunk(s *Series) (*Series, error) {
	g, err := GroupRows(s.Data)
	if err != nil {
		return nil, err
	}
	c := make([]int64, g.N())
	for _, id := range g.IDs {
		if id >= 0 {
			c[id]++
		}
	}
	return &Series{Name: s.Name, Index: []Column{{Name: "", Data: g.Keys}}, Data: Int64s(c)}, nil
}

// firstOrder is the identity permutation: groups in order of first
// appearance.
func firstOrder(n int) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	return order
}

// keepMissing gives the rows of g with a missing key (id -1) a group of
// their own, all groups numbered again in order of first appearance.
func keepMissing(g *Groups, key arrow.Array) *Groups {
	n := int32(g.N())
	remap := make([]int32, n+1)
	for i := range remap {
		remap[i] = -1
	}
	ids := make([]int32, len(g.IDs))
	var first []int
	for i, id := range g.IDs {
		if id < 0 {
			id = n
		}
		r := remap[id]
		if r < 0 {
			r = int32(len(first))
			remap[id] = r
			first = append(first, i)
		}
		ids[i] = r
	}
	if len(first) == int(n) {
		return g // nothing missing
	}
	keys := Take(key, first)
	return &Groups{IDs: ids, Keys: keys, Levels: []arrow.Array{keys}, firstRows: first}
}
