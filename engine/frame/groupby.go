package frame

import (
	"fmt"
	"math"
	"sort"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// Groups assigns each row a dense group number by the values of one key
// column. Rows whose key is missing get -1 and belong to no group, as
// pandas' groupby(dropna=True).
type Groups struct {
	IDs  []int32     // per row
	Keys arrow.Array // one key value per group, in order of first appearance
}

// GroupRows groups the rows of key.
func GroupRows(key arrow.Array) (*Groups, error) {
	n := key.Len()
	ids := make([]int32, n)
	switch a := key.(type) {
	case *array.String:
		seen := make(map[string]int32)
		var keys []string
		for i := 0; i < n; i++ {
			if a.IsNull(i) {
				ids[i] = -1
				continue
			}
			s := a.Value(i)
			id, ok := seen[s]
			if !ok {
				id = int32(len(keys))
				// Clone: s aliases the Arrow buffer.
				keys = append(keys, string([]byte(s)))
				seen[keys[id]] = id
			}
			ids[i] = id
		}
		return &Groups{IDs: ids, Keys: Strings(keys, nil)}, nil
	case *array.Int64:
		seen := make(map[int64]int32)
		var keys []int64
		vals := a.Int64Values()
		for i, v := range vals {
			id, ok := seen[v]
			if !ok {
				id = int32(len(keys))
				keys = append(keys, v)
				seen[v] = id
			}
			ids[i] = id
		}
		return &Groups{IDs: ids, Keys: Int64s(keys)}, nil
	case *array.Float64:
		seen := make(map[float64]int32)
		var keys []float64
		for i, v := range a.Float64Values() {
			if math.IsNaN(v) {
				ids[i] = -1
				continue
			}
			id, ok := seen[v]
			if !ok {
				id = int32(len(keys))
				keys = append(keys, v)
				seen[v] = id
			}
			ids[i] = id
		}
		return &Groups{IDs: ids, Keys: Float64s(keys)}, nil
	case *array.Boolean:
		var idOf [2]int32 = [2]int32{-1, -1}
		var keys []bool
		for i := 0; i < n; i++ {
			if a.IsNull(i) {
				ids[i] = -1
				continue
			}
			b := 0
			if a.Value(i) {
				b = 1
			}
			if idOf[b] < 0 {
				idOf[b] = int32(len(keys))
				keys = append(keys, b == 1)
			}
			ids[i] = idOf[b]
		}
		return &Groups{IDs: ids, Keys: Bools(keys)}, nil
	}
	return nil, fmt.Errorf("cannot group by a column of type %s", DTypeOf(key.DataType()))
}

// SumCount returns, per group, the sum of the non-missing values of col and
// how many there were. NaN is skipped, as pandas' sum and count do.
func SumCount(g *Groups, col arrow.Array) (sum []float64, count []int64, err error) {
	k := g.Keys.Len()
	sum = make([]float64, k)
	count = make([]int64, k)
	switch a := col.(type) {
	case *array.Float64:
		for i, v := range a.Float64Values() {
			id := g.IDs[i]
			if id < 0 || v != v {
				continue
			}
			sum[id] += v
			count[id]++
		}
	case *array.Int64:
		for i, v := range a.Int64Values() {
			id := g.IDs[i]
			if id < 0 {
				continue
			}
			sum[id] += float64(v)
			count[id]++
		}
	case *array.Boolean:
		for i := 0; i < a.Len(); i++ {
			id := g.IDs[i]
			if id < 0 || a.IsNull(i) {
				continue
			}
			if a.Value(i) {
				sum[id]++
			}
			count[id]++
		}
	default:
		return nil, nil, fmt.Errorf("cannot compute a mean of %s values", DTypeOf(col.DataType()))
	}
	return sum, count, nil
}

// SortOrder returns the permutation that sorts keys ascending, as pandas
// sorts group keys.
func SortOrder(keys arrow.Array) []int {
	idx := make([]int, keys.Len())
	for i := range idx {
		idx[i] = i
	}
	switch a := keys.(type) {
	case *array.String:
		sort.SliceStable(idx, func(i, j int) bool { return a.Value(idx[i]) < a.Value(idx[j]) })
	case *array.Int64:
		v := a.Int64Values()
		sort.SliceStable(idx, func(i, j int) bool { return v[idx[i]] < v[idx[j]] })
	case *array.Float64:
		v := a.Float64Values()
		sort.SliceStable(idx, func(i, j int) bool { return v[idx[i]] < v[idx[j]] })
	case *array.Boolean:
		sort.SliceStable(idx, func(i, j int) bool { return !a.Value(idx[i]) && a.Value(idx[j]) })
	}
	return idx
}

// Bools builds a boolean Arrow array.
func Bools(v []bool) arrow.Array {
	b := array.NewBooleanBuilder(memory.DefaultAllocator)
	defer b.Release()
	b.AppendValues(v, nil)
	return b.NewArray()
}
