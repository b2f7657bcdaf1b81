package frame

import (
	"fmt"
	"sort"

	"github.com/apache/arrow/go/v15/arrow"
)

// keyArrays returns the key columns of f.
func keyArrays(f *Frame, by []string) ([]arrow.Array, error) {
	keys := make([]arrow.Array, len(by))
	for i, b := range by {
		c, ok := f.Col(b)
		if !ok {
			return nil, fmt.Errorf("KeyError: %q", b)
		}
		keys[i] = c.Data
	}
	return keys, nil
}

// GroupTransform is GroupBy.transform("how"): each row gets its group's
// aggregate, the frame's index kept (a missing key gives a missing value).
func GroupTransform(f *Frame, by []string, aggs []Agg, ddof int) (*Frame, error) {
	keys, err := keyArrays(f, by)
	if err != nil {
		return nil, err
	}
	g, err := GroupKeys(keys)
	if err != nil {
		return nil, err
	}
	part, err := GroupChunk(f, by, aggs)
	if err != nil {
		return nil, err
	}
	// One partition: the aggregate's groups are g's, in the same order.
	r, err := GroupAggOrder([]*Frame{part}, by, aggs, ddof, OrderFirst, false)
	if err != nil {
		return nil, err
	}
	rows := make([]int, len(g.IDs))
	for i, id := range g.IDs {
		rows[i] = int(id)
	}
	out := &Frame{Index: f.Index, Rows: f.Rows}
	for _, c := range r.Columns {
		out.Columns = append(out.Columns, Column{c.Name, TakeNullable(c.Data, rows)})
	}
	return out, nil
}

// GroupMedian is GroupBy.median over whole partitions (the median does not
// combine from partial results): one column per name in cols, indexed by
// the group keys in the given order.
func GroupMedian(parts []*Frame, by, cols []string, order string) (*Frame, error) {
	all, err := Concat(parts)
	if err != nil {
		return nil, err
	}
	keys, err := keyArrays(all, by)
	if err != nil {
		return nil, err
	}
	g, err := GroupKeys(keys)
	if err != nil {
		return nil, err
	}
	idx := firstOrder(g.N())
	if order == OrderSorted {
		idx = g.SortOrder()
	}
	// rows of each group, one after another (a counting sort by group)
	start := make([]int, g.N()+1)
	for _, id := range g.IDs {
		if id >= 0 {
			start[id+1]++
		}
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	out := &Frame{Rows: g.N()}
	for i, b := range by {
		out.Index = append(out.Index, Column{b, Take(g.Levels[i], idx)})
	}
	for _, name := range cols {
		x, err := numericCol(all, name, "the median")
		if err != nil {
			return nil, err
		}
		vals := make([]float64, start[len(start)-1])
		fill := append([]int(nil), start[:g.N()]...)
		n := make([]int, g.N())
		for i, id := range g.IDs {
			if v := x.float(i); id >= 0 && v == v {
				vals[fill[id]] = v
				fill[id]++
				n[id]++
			}
		}
		med := make([]float64, g.N())
		for id := range med {
			s := vals[start[id] : start[id]+n[id]]
			sort.Float64s(s)
			med[id] = Quantile(s, 0.5)
		}
		out.Columns = append(out.Columns, Column{name, Take(Float64s(med), idx)})
	}
	return out, nil
}

// GroupRowLists returns the rows of each group of f by the key columns,
// groups sorted by key or in order of first appearance, and a frame of
// the groups' keys (as an index, no columns).
func GroupRowLists(f *Frame, by []string, sorted bool) ([][]int, *Frame, error) {
	keys, err := keyArrays(f, by)
	if err != nil {
		return nil, nil, err
	}
	g, err := GroupKeys(keys)
	if err != nil {
		return nil, nil, err
	}
	idx := firstOrder(g.N())
	if sorted {
		idx = g.SortOrder()
	}
	rows := make([][]int, g.N())
	for i, id := range g.IDs {
		if id >= 0 {
			rows[id] = append(rows[id], i)
		}
	}
	out := make([][]int, len(idx))
	kf := &Frame{Rows: g.N()}
	for i, j := range idx {
		out[i] = rows[j]
	}
	for i, b := range by {
		kf.Index = append(kf.Index, Column{b, Take(g.Levels[i], idx)})
	}
	return out, kf, nil
}

// GroupValueCounts combines the partial counts of SeriesGroupBy.value_counts
// (GroupChunk's sizes per key levels and value, the value last) into a
// Series indexed by the keys and the value. The groups come in keyOrder;
// within a group pandas puts the most frequent values first (byCount),
// Dask the values in sorted order; ties go in sorted order.
func GroupValueCounts(parts []*Frame, keyOrder string, byCount bool) (*Series, error) {
	all, err := Concat(parts)
	if err != nil {
		return nil, err
	}
	nk := len(all.Index) - 1
	if nk < 1 || len(all.Columns) != 1 {
		return nil, fmt.Errorf("malformed value counts")
	}
	levels := columnData(all.Index)
	pairs, err := GroupKeys(levels)
	if err != nil {
		return nil, err
	}
	counts, err := groupStat("sum", pairs, all.Columns[0].Data)
	if err != nil {
		return nil, err
	}
	n, _ := asNumeric(counts)
	// each pair's group: its rank among the groups in keyOrder
	groups, err := GroupKeys(pairs.Levels[:nk])
	if err != nil {
		return nil, err
	}
	rank := make([]int, groups.N())
	if keyOrder == OrderSorted {
		for r, id := range groups.SortOrder() {
			rank[id] = r
		}
	} else {
		for id := range rank {
			rank[id] = id
		}
	}
	value := comparer(pairs.Levels[nk])
	idx := firstOrder(pairs.N())
	sort.SliceStable(idx, func(a, b int) bool {
		i, j := idx[a], idx[b]
		if ri, rj := rank[groups.IDs[i]], rank[groups.IDs[j]]; ri != rj {
			return ri < rj
		}
		if byCount && n.i[i] != n.i[j] {
			return n.i[i] > n.i[j]
		}
		return value(i, j) < 0
	})
	out := &Series{Name: all.Index[nk].Name, Data: Take(counts, idx)}
	for i, c := range all.Index {
		out.Index = append(out.Index, Column{c.Name, Take(pairs.Levels[i], idx)})
	}
	return out, nil
}

// numericCol is f's column name as numbers, or the error for a missing or
// non-numeric column, what naming the computation ("the median").
func numericCol(f *Frame, name, what string) (numeric, error) {
	c, ok := f.Col(name)
	if !ok {
		return numeric{}, fmt.Errorf("KeyError: %q", name)
	}
	x, ok := asNumeric(c.Data)
	if !ok {
		return numeric{}, fmt.Errorf("TypeError: cannot compute %s of %s column %q", what, c.DType(), name)
	}
	return x, nil
}
