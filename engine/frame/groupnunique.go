package frame

import (
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
)

// pairRows returns the first row of each distinct (group, value) pair of
// the key columns and one value column, a missing value counting as a
// value of its own so that a group with only missing values stays.
func pairRows(keys []arrow.Array, val arrow.Array) ([]int, error) {
	g, err := GroupKeys(keys)
	if err != nil {
		return nil, err
	}
	h, err := GroupRows(val)
	if err != nil {
		return nil, err
	}
	missing := int32(h.N())
	seen := make(map[uint64]struct{}, g.N())
	var rows []int
	for i, a := range g.IDs {
		if a < 0 {
			continue
		}
		b := h.IDs[i]
		if b < 0 {
			b = missing
		}
		pair := uint64(a)<<32 | uint64(b)
		if _, ok := seen[pair]; !ok {
			seen[pair] = struct{}{}
			rows = append(rows, i)
		}
	}
	return rows, nil
}

// GroupNUniqueChunk is the partial result of SeriesGroupBy.nunique for one
// partition: its distinct (keys, value) pairs, indexed by the keys, in
// order of first appearance (sorted by key, as Dask's chunk, with
// OrderChunks).
func GroupNUniqueChunk(f *Frame, by []string, col, order string) (*Frame, error) {
	keys, err := f.cols(by)
	if err != nil {
		return nil, err
	}
	c, ok := f.Col(col)
	if !ok {
		return nil, fmt.Errorf("KeyError: Column not found: %s", col)
	}
	rows, err := pairRows(keys, c.Data)
	if err != nil {
		return nil, err
	}
	out := &Frame{Rows: len(rows), Columns: []Column{{col, Take(c.Data, rows)}}}
	for i, b := range by {
		out.Index = append(out.Index, Column{b, Take(keys[i], rows)})
	}
	if order == OrderChunks {
		out = SortByIndex(out)
	}
	return out, nil
}

// GroupNUniqueAgg counts the distinct non-missing values per group of the
// partial results' pairs: a Series indexed by the group keys in the given
// order, named col.
func GroupNUniqueAgg(parts []*Frame, col, order string) (*Series, error) {
	all, err := Concat(parts)
	if err != nil {
		return nil, err
	}
	keys := make([]arrow.Array, len(all.Index))
	for i, c := range all.Index {
		keys[i] = c.Data
	}
	val := all.Columns[0].Data
	rows, err := pairRows(keys, val)
	if err != nil {
		return nil, err
	}
	g, err := GroupKeys(keys)
	if err != nil {
		return nil, err
	}
	n := make([]int64, g.N())
	for _, r := range rows {
		if val.IsValid(r) && !isNaNAt(val, r) {
			n[g.IDs[r]]++
		}
	}
	idx := firstOrder(g.N())
	if order == OrderSorted {
		idx = g.SortOrder()
	}
	out := &Series{Name: col, Data: Take(Int64s(n), idx)}
	for i, c := range all.Index {
		out.Index = append(out.Index, Column{c.Name, Take(g.Levels[i], idx)})
	}
	return out, nil
}

// isNaNAt reports whether a float array holds NaN at i.
func isNaNAt(a arrow.Array, i int) bool {
	x, ok := ValueAt(a, i).(float64)
	return ok && x != x
}
