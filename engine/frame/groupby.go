package frame

import (
	"encoding/binary"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// Groups assigns each row a dense group number by the values of its key
// columns. Rows with a missing key get -1 and belong to no group, as pandas'
// groupby(dropna=True).
type Groups struct {
	IDs    []int32       // per row
	Keys   arrow.Array   // the first key level, one value per group
	Levels []arrow.Array // every key level, one value per group, in order of first appearance

	firstRows []int // the row where each group first appears
}

// N returns the number of groups.
func (g *Groups) N() int { return g.Keys.Len() }

// GroupRows groups the rows of one key column.
func GroupRows(key arrow.Array) (*Groups, error) {
	n := key.Len()
	ids := make([]int32, n)
	var first []int // row of each group's first appearance
	switch a := key.(type) {
	case *array.String:
		// Few distinct short values (airports, carriers) are packed into
		// an integer each and found by comparing with every group's; a
		// longer value or a ninth group hands over to a map.
		const smallGroups = 8
		offs, data := a.ValueOffsets(), a.ValueBytes()
		pack := func(i int) (uint64, bool) {
			lo, hi := int(offs[i]), int(offs[i+1])
			l := hi - lo
			if l > 7 {
				return 0, false
			}
			var v uint64
			if lo+8 <= len(data) { // one load, the bytes past the key masked off
				v = binary.LittleEndian.Uint64(data[lo:]) & (1<<(8*l) - 1)
			} else {
				for k := hi - 1; k >= lo; k-- {
					v = v<<8 | uint64(data[k])
				}
			}
			return v | uint64(l)<<56, true
		}
		// A 32-slot open-addressing table of packed keys: with at most
		// eight groups, nearly every row finds its key in the first slot
		// it looks at, without the unpredictable branches of a search.
		var slotKey [32]uint64
		var slotID [32]int32
		for k := range slotID {
			slotID[k] = -1
		}
		var seen map[string]int32
		nulls := a.NullN() > 0
	rows:
		for i := 0; i < n; i++ {
			if nulls && a.IsNull(i) {
				ids[i] = -1
				continue
			}
			if seen == nil {
				if v, ok := pack(i); ok {
					h := (v * 0x9e3779b97f4a7c15) >> 59
					for slotID[h] >= 0 {
						if slotKey[h] == v {
							ids[i] = slotID[h]
							continue rows
						}
						h = (h + 1) & 31
					}
					if len(first) < smallGroups {
						slotKey[h], slotID[h] = v, int32(len(first))
						ids[i] = int32(len(first))
						first = append(first, i)
						continue
					}
				}
				seen = make(map[string]int32, 2*smallGroups)
				for id, r := range first {
					seen[strings.Clone(a.Value(r))] = int32(id)
				}
			}
			s := a.Value(i)
			id, ok := seen[s]
			if !ok {
				id = int32(len(first))
				first = append(first, i)
				seen[strings.Clone(s)] = id // s aliases the Arrow buffer
			}
			ids[i] = id
		}
	case *array.Int64:
		vals := a.Int64Values()
		// Small non-negative integers (days, months, flags) index a table.
		lo, hi := int64(math.MaxInt64), int64(math.MinInt64)
		for _, v := range vals {
			lo, hi = min(lo, v), max(hi, v)
		}
		if n > 0 && lo >= 0 && hi < 1<<16 {
			table := make([]int32, hi+1)
			for i := range table {
				table[i] = -1
			}
			for i, v := range vals {
				id := table[v]
				if id < 0 {
					id = int32(len(first))
					first = append(first, i)
					table[v] = id
				}
				ids[i] = id
			}
			break
		}
		seen := make(map[int64]int32)
		for i, v := range vals {
			id, ok := seen[v]
			if !ok {
				id = int32(len(first))
				first = append(first, i)
				seen[v] = id
			}
			ids[i] = id
		}
	case *array.Float64:
		seen := make(map[float64]int32)
		for i, v := range a.Float64Values() {
			if math.IsNaN(v) {
				ids[i] = -1
				continue
			}
			id, ok := seen[v]
			if !ok {
				id = int32(len(first))
				first = append(first, i)
				seen[v] = id
			}
			ids[i] = id
		}
	case *array.Boolean:
		idOf := [2]int32{-1, -1}
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
				idOf[b] = int32(len(first))
				first = append(first, i)
			}
			ids[i] = idOf[b]
		}
	case *array.Timestamp, *array.Duration:
		t, _ := timeOperand(a)
		seen := make(map[int64]int32)
		for i := range t.v {
			v, ok := t.at(i)
			if !ok {
				ids[i] = -1
				continue
			}
			id, ok := seen[v]
			if !ok {
				id = int32(len(first))
				first = append(first, i)
				seen[v] = id
			}
			ids[i] = id
		}
	default:
		return nil, fmt.Errorf("TypeError: cannot group by a column of type %s", DTypeOf(key.DataType()))
	}
	keys := Take(key, first)
	return &Groups{IDs: ids, Keys: keys, Levels: []arrow.Array{keys}, firstRows: first}, nil
}

// GroupKeys groups rows by several key columns.
func GroupKeys(keys []arrow.Array) (*Groups, error) { return groupKeys(keys, false) }

// groupKeys groups rows by several key columns; with keepNA, a missing
// key is a group of its own (groupby(dropna=False)).
func groupKeys(keys []arrow.Array, keepNA bool) (*Groups, error) {
	g, err := GroupRows(keys[0])
	if err != nil {
		return nil, err
	}
	if keepNA {
		g = keepMissing(g, keys[0])
	}
	for _, k := range keys[1:] {
		h, err := GroupRows(k)
		if err != nil {
			return nil, err
		}
		if keepNA {
			h = keepMissing(h, k)
		}
		seen := make(map[uint64]int32)
		var first []int
		ids := make([]int32, len(g.IDs))
		for i := range ids {
			a, b := g.IDs[i], h.IDs[i]
			if a < 0 || b < 0 {
				ids[i] = -1
				continue
			}
			pair := uint64(a)<<32 | uint64(b)
			id, ok := seen[pair]
			if !ok {
				id = int32(len(first))
				first = append(first, i)
				seen[pair] = id
			}
			ids[i] = id
		}
		g.IDs = ids
		g.firstRows = first
	}
	if len(keys) > 1 {
		g.Levels = make([]arrow.Array, len(keys))
		for i, k := range keys {
			g.Levels[i] = Take(k, g.firstRows)
		}
		g.Keys = g.Levels[0]
	}
	return g, nil
}

// SortOrder returns the permutation that sorts the groups by key, level by
// level, as pandas sorts group keys.
func (g *Groups) SortOrder() []int {
	idx := make([]int, g.N())
	for i := range idx {
		idx[i] = i
	}
	less := make([]func(i, j int) int, len(g.Levels))
	for l, a := range g.Levels {
		less[l] = comparer(a)
	}
	sort.SliceStable(idx, func(i, j int) bool {
		for _, c := range less {
			if r := c(idx[i], idx[j]); r != 0 {
				return r < 0
			}
		}
		return false
	})
	return idx
}

// SortOrder returns the permutation that sorts keys ascending.
func SortOrder(keys arrow.Array) []int {
	g := &Groups{Keys: keys, Levels: []arrow.Array{keys}}
	return g.SortOrder()
}

// comparer returns a three-way comparison of two positions of a; missing
// values sort last.
func comparer(a arrow.Array) func(i, j int) int {
	three := func(less, greater bool) int {
		if less {
			return -1
		}
		if greater {
			return 1
		}
		return 0
	}
	switch a := a.(type) {
	case *array.String:
		return func(i, j int) int {
			if a.IsNull(i) || a.IsNull(j) {
				return three(a.IsValid(i), a.IsValid(j))
			}
			x, y := a.Value(i), a.Value(j)
			return three(x < y, x > y)
		}
	case *array.Int64:
		v := a.Int64Values()
		return func(i, j int) int { return three(v[i] < v[j], v[i] > v[j]) }
	case *array.Float64:
		v := a.Float64Values()
		return func(i, j int) int {
			x, y := v[i], v[j]
			if x != x || y != y {
				return three(x == x, y == y)
			}
			return three(x < y, x > y)
		}
	case *array.Boolean:
		return func(i, j int) int {
			x, y := a.Value(i), a.Value(j)
			return three(!x && y, x && !y)
		}
	case *array.Timestamp, *array.Duration:
		t, _ := timeOperand(a)
		return func(i, j int) int {
			x, ok1 := t.at(i)
			y, ok2 := t.at(j)
			if !ok1 || !ok2 {
				return three(ok1, ok2)
			}
			return three(x < y, x > y)
		}
	}
	return func(i, j int) int { return 0 }
}

// Agg names one aggregation of a group-by: the column, the function
// (sum, mean, count, size, min, max, var, std, first, last, prod) and the
// output column name.
type Agg struct {
	Column string `json:"column"`
	How    string `json:"how"`
	Name   string `json:"name"`
}

// GroupAggs lists the group-by aggregations Burst knows.
var GroupAggs = map[string]bool{"sum": true, "mean": true, "count": true, "size": true, "min": true, "max": true, "var": true, "std": true, "first": true, "last": true, "prod": true}

// partialStats are the partial columns an aggregation keeps per group.
func partialStats(how string) []string {
	switch how {
	case "mean":
		return []string{"sum", "count"}
	case "var", "std":
		return []string{"n", "mean", "m2"}
	}
	return []string{how}
}

// GroupChunk computes, for one partition, the partial statistics of aggs
// per group of the by columns: a frame indexed by the group keys (in order
// of first appearance) with one column per partial statistic.
func GroupChunk(f *Frame, by []string, aggs []Agg) (*Frame, error) {
	return GroupChunkNA(f, by, aggs, false)
}

// GroupChunkNA is GroupChunk where, with keepNA, rows with a missing key
// form a group of their own.
func GroupChunkNA(f *Frame, by []string, aggs []Agg, keepNA bool) (*Frame, error) {
	keys := make([]arrow.Array, len(by))
	for i, b := range by {
		c, ok := f.Col(b)
		if !ok {
			return nil, fmt.Errorf("KeyError: %q", b)
		}
		keys[i] = c.Data
	}
	g, err := groupKeys(keys, keepNA)
	if err != nil {
		return nil, err
	}
	out := &Frame{Rows: g.N()}
	for i, b := range by {
		out.Index = append(out.Index, Column{b, g.Levels[i]})
	}
	for _, a := range aggs {
		c, ok := f.Col(a.Column)
		if !ok && a.How != "size" {
			return nil, fmt.Errorf("KeyError: Column not found: %s", a.Column)
		}
		if a.How == "size" {
			c = Column{a.Column, Int64s(make([]int64, f.Rows))}
		}
		for _, st := range partialStats(a.How) {
			v, err := groupStat(st, g, c.Data)
			if err != nil {
				return nil, fmt.Errorf("%v (column %q)", err, a.Column)
			}
			out.Columns = append(out.Columns, Column{a.Name + "\x00" + st, v})
		}
	}
	return out, nil
}

// groupStat computes one statistic per group.
func groupStat(st string, g *Groups, a arrow.Array) (arrow.Array, error) {
	k := g.N()
	ids := g.IDs
	switch st {
	case "size":
		out := make([]int64, k)
		for _, id := range ids {
			if id >= 0 {
				out[id]++
			}
		}
		return Int64s(out), nil
	case "count":
		out := make([]int64, k)
		if f, ok := a.(*array.Float64); ok {
			for i, v := range f.Float64Values() {
				if id := ids[i]; id >= 0 && v == v {
					out[id]++
				}
			}
			return Int64s(out), nil
		}
		for i, id := range ids {
			if id >= 0 && a.IsValid(i) {
				out[id]++
			}
		}
		return Int64s(out), nil
	case "sum", "prod":
		switch a := a.(type) {
		case *array.Float64:
			out := make([]float64, k)
			if st == "prod" {
				for i := range out {
					out[i] = 1
				}
			}
			for i, v := range a.Float64Values() {
				id := ids[i]
				if id < 0 || v != v {
					continue
				}
				if st == "sum" {
					out[id] += v
				} else {
					out[id] *= v
				}
			}
			return Float64s(out), nil
		case *array.Int64, *array.Boolean:
			x, _ := asNumeric(a)
			out := make([]int64, k)
			if st == "prod" {
				for i := range out {
					out[i] = 1
				}
			}
			for i, v := range x.i {
				id := ids[i]
				if id < 0 {
					continue
				}
				if st == "sum" {
					out[id] += v
				} else {
					out[id] *= v
				}
			}
			return Int64s(out), nil
		}
	case "n", "mean", "m2":
		x, ok := asNumeric(a)
		if !ok {
			break
		}
		n := make([]float64, k)
		s := make([]float64, k)
		for i, id := range ids {
			if v := x.float(i); id >= 0 && v == v {
				n[id]++
				s[id] += v
			}
		}
		if st == "n" {
			return Float64s(n), nil
		}
		for i := range s {
			s[i] /= n[i]
		}
		if st == "mean" {
			return Float64s(s), nil
		}
		m2 := make([]float64, k)
		for i, id := range ids {
			if v := x.float(i); id >= 0 && v == v {
				d := v - s[id]
				m2[id] += d * d
			}
		}
		return Float64s(m2), nil
	case "min", "max", "first", "last":
		rows := make([]int, k)
		for i := range rows {
			rows[i] = -1
		}
		better := comparer(a)
		missing := func(i int) bool { return a.IsNull(i) }
		if f, ok := a.(*array.Float64); ok {
			v := f.Float64Values()
			missing = func(i int) bool { return v[i] != v[i] }
		}
		for i, id := range ids {
			if id < 0 || missing(i) {
				continue
			}
			r := rows[id]
			switch {
			case r < 0, st == "last",
				st == "min" && better(i, r) < 0,
				st == "max" && better(i, r) > 0:
				rows[id] = i
			}
		}
		return TakeNullable(a, rows), nil
	}
	return nil, fmt.Errorf("TypeError: cannot compute %s of %s values", st, DTypeOf(a.DataType()))
}

// GroupAgg combines the partial frames of GroupChunk into the result: a
// frame indexed by the sorted group keys with one column per aggregation.
func GroupAgg(parts []*Frame, by []string, aggs []Agg, ddof int) (*Frame, error) {
	return GroupAggOrder(parts, by, aggs, ddof, OrderSorted, false)
}

// GroupAggOrder is GroupAgg with the groups in the given order (see
// OrderSorted); other than sorted, in order of first appearance in parts.
// With keepNA, missing keys form a group (sorted last).
func GroupAggOrder(parts []*Frame, by []string, aggs []Agg, ddof int, keyOrder string, keepNA bool) (*Frame, error) {
	all, err := Concat(parts)
	if err != nil {
		return nil, err
	}
	if len(all.Index) != len(by) {
		return nil, fmt.Errorf("malformed group-by partials")
	}
	levels := columnData(all.Index)
	g, err := groupKeys(levels, keepNA)
	if err != nil {
		return nil, err
	}
	order := firstOrder(g.N())
	if keyOrder == OrderSorted {
		order = g.SortOrder()
	}
	out := &Frame{Rows: g.N()}
	for i, b := range by {
		out.Index = append(out.Index, Column{b, Take(g.Levels[i], order)})
	}
	col := func(name string) arrow.Array {
		c, _ := all.Col(name)
		return c.Data
	}
	for _, a := range aggs {
		var v arrow.Array
		p := a.Name + "\x00"
		switch a.How {
		case "sum", "prod", "min", "max", "first", "last":
			v, err = groupStat(a.How, g, col(p+a.How))
		case "count", "size":
			v, err = groupStat("sum", g, col(p+a.How))
		case "mean":
			var s, c arrow.Array
			if s, err = groupStat("sum", g, col(p+"sum")); err == nil {
				if c, err = groupStat("sum", g, col(p+"count")); err == nil {
					v, err = Arith("/", s, c)
				}
			}
		case "var", "std":
			v = combineMoments(g, col(p+"n"), col(p+"mean"), col(p+"m2"), ddof, a.How == "std")
		default:
			err = fmt.Errorf("unknown aggregation %q", a.How)
		}
		if err != nil {
			return nil, err
		}
		out.Columns = append(out.Columns, Column{a.Name, Take(v, order)})
	}
	return out, nil
}

// combineMoments merges per-partition counts, means and sums of squared
// deviations per group (Chan et al.) into the variance or standard
// deviation with ddof.
func combineMoments(g *Groups, na, ma, m2a arrow.Array, ddof int, std bool) arrow.Array {
	k := g.N()
	n := make([]float64, k)
	mean := make([]float64, k)
	m2 := make([]float64, k)
	nv := na.(*array.Float64).Float64Values()
	mv := ma.(*array.Float64).Float64Values()
	m2v := m2a.(*array.Float64).Float64Values()
	for i, id := range g.IDs {
		if id < 0 || nv[i] == 0 {
			continue
		}
		if n[id] == 0 {
			n[id], mean[id], m2[id] = nv[i], mv[i], m2v[i]
			continue
		}
		d := mv[i] - mean[id]
		tot := n[id] + nv[i]
		mean[id] += d * nv[i] / tot
		m2[id] += m2v[i] + d*d*n[id]*nv[i]/tot
		n[id] = tot
	}
	out := make([]float64, k)
	for i := range out {
		out[i] = math.NaN()
		if n[i]-float64(ddof) > 0 {
			out[i] = m2[i] / (n[i] - float64(ddof))
			if std {
				out[i] = math.Sqrt(out[i])
			}
		}
	}
	return Float64s(out)
}

// TakeNullable is Take where position -1 gives a missing value (NaN for
// floats; ints become floats if any is missing, as in pandas).
func TakeNullable(a arrow.Array, idx []int) arrow.Array {
	hasMissing := false
	for _, j := range idx {
		if j < 0 {
			hasMissing = true
			break
		}
	}
	if !hasMissing {
		return Take(a, idx)
	}
	switch a := a.(type) {
	case *array.Float64, *array.Int64:
		x, _ := asNumeric(a)
		out := make([]float64, len(idx))
		for i, j := range idx {
			if j < 0 {
				out[i] = math.NaN()
			} else {
				out[i] = x.float(j)
			}
		}
		return Float64s(out)
	}
	b := array.NewBuilder(memory.DefaultAllocator, a.DataType())
	defer b.Release()
	for _, j := range idx {
		if j < 0 || a.IsNull(j) {
			b.AppendNull()
			continue
		}
		appendValue(b, a, j)
	}
	return b.NewArray()
}

// appendValue appends a[j] to a builder of the same type.
func appendValue(b array.Builder, a arrow.Array, j int) {
	switch a := a.(type) {
	case *array.String:
		b.(*array.StringBuilder).Append(a.Value(j))
	case *array.Boolean:
		b.(*array.BooleanBuilder).Append(a.Value(j))
	case *array.Timestamp:
		b.(*array.TimestampBuilder).Append(a.Value(j))
	case *array.Duration:
		b.(*array.DurationBuilder).Append(a.Value(j))
	case *array.Float64:
		b.(*array.Float64Builder).Append(a.Value(j))
	case *array.Int64:
		b.(*array.Int64Builder).Append(a.Value(j))
	}
}

// Bools builds a boolean Arrow array.
func Bools(v []bool) arrow.Array {
	b := array.NewBooleanBuilder(memory.DefaultAllocator)
	defer b.Release()
	b.AppendValues(v, nil)
	return b.NewArray()
}
