package frame

import (
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
)

// Reductions run in two steps, as in Dask: ReduceChunk turns one partition
// into a small partial frame, ReduceAgg combines the partials of all
// partitions into one value per column. pandas is the one-partition case.
//
// Partial frames have one column per reduced column and one row per
// partial statistic: sum → [sum]; count → [count]; min, max → [min]
// (no rows for an empty partition); mean → [sum, count];
// var, std → [n, mean, m2]; nunique, quantile → the column's distinct or
// non-missing values; idxmax, idxmin → the index label and the value.

// Reductions lists the supported reduction names.
var Reductions = map[string]bool{"sum": true, "count": true, "min": true, "max": true, "mean": true, "var": true, "std": true, "nunique": true, "idxmax": true, "idxmin": true, "quantile": true, "size": true, "prod": true, "any": true, "all": true}

// isNumeric reports whether c takes part in numeric reductions.
func isNumeric(a arrow.Array) bool {
	switch a.(type) {
	case *array.Float64, *array.Int64, *array.Boolean:
		return true
	}
	return false
}

// reducible reports whether a column takes part in reduction how of a
// DataFrame; reductions of a Series accept what they can compute.
func reducible(how string, a arrow.Array) bool {
	switch how {
	case "count", "nunique", "size":
		return true
	case "min", "max":
		switch a.(type) {
		case *array.Timestamp, *array.Duration:
			return true
		}
	}
	return isNumeric(a)
}

// ReduceColumns returns the columns of f that reduction how applies to.
func ReduceColumns(how string, f *Frame) []Column {
	var out []Column
	for _, c := range f.Columns {
		if reducible(how, c.Data) {
			out = append(out, c)
		}
	}
	return out
}

// ReduceChunk computes the partial statistics of how over the columns of f.
func ReduceChunk(how string, f *Frame) (*Frame, error) {
	out := &Frame{}
	for _, c := range f.Columns {
		p, err := chunkOf(how, c.Data, f, c.Name)
		if err != nil {
			return nil, err
		}
		out.Columns = append(out.Columns, Column{c.Name, p})
		out.Rows = max(out.Rows, p.Len())
	}
	// The distinct values of the columns differ in number: the shorter
	// are padded with missing values, which nunique does not count.
	for i, c := range out.Columns {
		if n := c.Data.Len(); n < out.Rows {
			idx := make([]int, out.Rows)
			for k := range idx {
				idx[k] = k
				if k >= n {
					idx[k] = -1
				}
			}
			out.Columns[i].Data = TakeNullable(c.Data, idx)
		}
	}
	return out, nil
}

func chunkOf(how string, a arrow.Array, f *Frame, name string) (arrow.Array, error) {
	switch how {
	case "sum", "prod":
		switch a := a.(type) {
		case *array.Float64:
			s := 0.0
			if how == "prod" {
				s = 1
			}
			for _, v := range a.Float64Values() {
				if v == v {
					if how == "sum" {
						s += v
					} else {
						s *= v
					}
				}
			}
			return Float64s([]float64{s}), nil
		case *array.Int64, *array.Boolean:
			x, _ := asNumeric(a)
			s := int64(0)
			if how == "prod" {
				s = 1
			}
			for _, v := range x.i {
				if how == "sum" {
					s += v
				} else {
					s *= v
				}
			}
			return Int64s([]int64{s}), nil
		case *array.Duration:
			t, _ := timeOperand(a)
			var s int64
			for k := range t.v {
				if v, ok := t.at(k); ok {
					s += v
				}
			}
			return durations([]int64{s}, nil), nil
		}
	case "count":
		return Int64s([]int64{int64(countValid(a))}), nil
	case "size":
		return Int64s([]int64{int64(a.Len())}), nil
	case "any", "all":
		x, ok := asNumeric(a)
		if !ok {
			break
		}
		r := how == "all"
		for k := 0; k < a.Len(); k++ {
			v := x.float(k) != 0
			if how == "any" && v {
				r = true
				break
			}
			if how == "all" && !v {
				r = false
				break
			}
		}
		return Bools([]bool{r}), nil
	case "min", "max":
		k := extreme(a, how == "max")
		if k < 0 {
			return Take(a, nil), nil
		}
		return Take(a, []int{k}), nil
	case "mean":
		x, ok := asNumeric(a)
		if !ok {
			break
		}
		s, n := 0.0, 0.0
		for k := 0; k < a.Len(); k++ {
			if v := x.float(k); v == v {
				s += v
				n++
			}
		}
		return Float64s([]float64{s, n}), nil
	case "var", "std":
		x, ok := asNumeric(a)
		if !ok {
			break
		}
		s, n := 0.0, 0.0
		for k := 0; k < a.Len(); k++ {
			if v := x.float(k); v == v {
				s += v
				n++
			}
		}
		mean, m2 := math.NaN(), 0.0
		if n > 0 {
			mean = s / n
			for k := 0; k < a.Len(); k++ {
				if v := x.float(k); v == v {
					m2 += (v - mean) * (v - mean)
				}
			}
		}
		return Float64s([]float64{n, s, m2}), nil
	case "nunique":
		g, err := GroupRows(a)
		if err != nil {
			return nil, err
		}
		return g.Keys, nil
	case "quantile":
		x, ok := asNumeric(a)
		if !ok {
			break
		}
		var v []float64
		for k := 0; k < a.Len(); k++ {
			if f := x.float(k); f == f {
				v = append(v, f)
			}
		}
		sort.Float64s(v)
		return Float64s(v), nil
	case "idxmax", "idxmin":
		k := extreme(a, how == "idxmax")
		// Two rows: the label (as a string column would lose its type,
		// so the label travels as an index) and the value.
		if k < 0 {
			return Take(a, nil), nil
		}
		return Take(a, []int{k}), nil
	}
	return nil, fmt.Errorf("TypeError: cannot compute %s of %s column %q", how, DTypeOf(a.DataType()), name)
}

func countValid(a arrow.Array) int {
	if f, ok := a.(*array.Float64); ok {
		n := 0
		for _, v := range f.Float64Values() {
			if v == v {
				n++
			}
		}
		return n
	}
	return a.Len() - a.NullN()
}

// extreme returns the position of the first maximum (or minimum) of the
// non-missing values of a, or -1.
func extreme(a arrow.Array, max bool) int {
	best := -1
	switch a := a.(type) {
	case *array.Float64:
		v := a.Float64Values()
		for k, x := range v {
			if x == x && (best < 0 || (max && x > v[best]) || (!max && x < v[best])) {
				best = k
			}
		}
	case *array.Int64:
		v := a.Int64Values()
		for k, x := range v {
			if best < 0 || (max && x > v[best]) || (!max && x < v[best]) {
				best = k
			}
		}
	case *array.Boolean:
		for k := 0; k < a.Len(); k++ {
			x := a.Value(k)
			if best < 0 || (max && x && !a.Value(best)) || (!max && !x && a.Value(best)) {
				best = k
			}
		}
	case *array.String:
		for k := 0; k < a.Len(); k++ {
			if a.IsNull(k) {
				continue
			}
			if best < 0 || (max && a.Value(k) > a.Value(best)) || (!max && a.Value(k) < a.Value(best)) {
				best = k
			}
		}
	case *array.Timestamp, *array.Duration:
		t, _ := timeOperand(a)
		var bv int64
		for k := range t.v {
			x, ok := t.at(k)
			if ok && (best < 0 || (max && x > bv) || (!max && x < bv)) {
				best, bv = k, x
			}
		}
	}
	return best
}

// ReduceChunkIdx is ReduceChunk for idxmax/idxmin: it returns, per column,
// a frame of one row (or none) holding the label of the extreme and its value.
func ReduceChunkIdx(how string, s *Series) (*Frame, error) {
	k := extreme(s.Data, how == "idxmax")
	idx := s.Index
	if len(idx) == 0 {
		idx = []Column{{Name: "", Data: rangeIndex(0, s.Len())}}
	}
	rows := []int{}
	if k >= 0 {
		rows = []int{k}
	}
	return &Frame{Index: []Column{{idx[0].Name, Take(idx[0].Data, rows)}}, Columns: []Column{{s.Name, Take(s.Data, rows)}}, Rows: len(rows)}, nil
}

// ReduceAggIdx combines ReduceChunkIdx partials into the winning label.
func ReduceAggIdx(how string, parts []*Frame) (any, error) {
	all, err := Concat(nonEmpty(parts))
	if err != nil {
		return nil, err
	}
	if all.Rows == 0 {
		return nil, fmt.Errorf("ValueError: attempt to get %s of an empty sequence", how[3:])
	}
	k := extreme(all.Columns[0].Data, how == "idxmax")
	if k < 0 {
		return math.NaN(), nil
	}
	return ValueAt(all.Index[0].Data, k), nil
}

func nonEmpty(parts []*Frame) []*Frame {
	var out []*Frame
	for _, p := range parts {
		if p.Rows > 0 {
			out = append(out, p)
		}
	}
	if len(out) == 0 && len(parts) > 0 {
		out = parts[:1]
	}
	return out
}

// ReduceAgg combines the partial frames of all partitions into one value
// per column: a Series indexed by the column names.
func ReduceAgg(how string, parts []*Frame, ddof int, q float64) (*Series, error) {
	if len(parts) == 0 {
		return nil, fmt.Errorf("nothing to reduce")
	}
	names := parts[0].Names()
	vals := make([]arrow.Array, len(names))
	for c := range names {
		cols := make([]arrow.Array, 0, len(parts))
		for _, p := range parts {
			if c >= len(p.Columns) {
				return nil, fmt.Errorf("partitions have different columns")
			}
			if p.Columns[c].Data.Len() > 0 || how == "nunique" || how == "quantile" {
				cols = append(cols, p.Columns[c].Data)
			}
		}
		v, err := aggOf(how, cols, parts[0].Columns[c].Data, ddof, q)
		if err != nil {
			return nil, fmt.Errorf("%v (column %q)", err, names[c])
		}
		vals[c] = v
	}
	data, err := concatValues(vals)
	if err != nil {
		return nil, err
	}
	return &Series{Index: []Column{{Name: "", Data: Strings(names, nil)}}, Data: data}, nil
}

func aggOf(how string, cols []arrow.Array, proto arrow.Array, ddof int, q float64) (arrow.Array, error) {
	if len(cols) == 0 {
		// min/max of nothing
		if _, ok := proto.(*array.Int64); ok || how == "min" || how == "max" {
			return Float64s([]float64{math.NaN()}), nil
		}
		cols = []arrow.Array{proto}
	}
	if how == "nunique" {
		cols = sameNumericType(cols)
	}
	all, err := concatArrays(cols)
	if err != nil {
		return nil, err
	}
	switch how {
	case "sum", "count", "size", "prod", "min", "max", "any", "all":
		re := how
		if how == "count" || how == "size" {
			re = "sum"
		}
		return chunkOf(re, all, nil, "")
	case "mean":
		v := all.(*array.Float64).Float64Values()
		s, n := 0.0, 0.0
		for i := 0; i+1 < len(v); i += 2 {
			s += v[i]
			n += v[i+1]
		}
		return Float64s([]float64{s / n}), nil
	case "var", "std":
		// Dask's moment_agg (dask/array/reductions.py): the partitions'
		// second moments plus their means' spread around the total mean;
		// on one partition it is pandas' two-pass variance.
		v := all.(*array.Float64).Float64Values()
		n, tot := 0.0, 0.0
		for i := 0; i+2 < len(v); i += 3 {
			n += v[i]
			tot += v[i+1]
		}
		mu := tot / n
		m2 := 0.0
		for i := 0; i+2 < len(v); i += 3 {
			m2 += v[i+2]
		}
		spread := 0.0
		for i := 0; i+2 < len(v); i += 3 {
			if d := v[i+1]/v[i] - mu; d == d {
				spread += v[i] * d * d
			}
		}
		m2 += spread
		r := math.NaN()
		if n-float64(ddof) > 0 {
			r = m2 / (n - float64(ddof))
		}
		if how == "std" {
			r = math.Sqrt(r)
		}
		return Float64s([]float64{r}), nil
	case "nunique":
		g, err := GroupRows(all)
		if err != nil {
			return nil, err
		}
		return Int64s([]int64{int64(g.Keys.Len())}), nil
	case "quantile":
		v := append([]float64(nil), all.(*array.Float64).Float64Values()...)
		sort.Float64s(v)
		return Float64s([]float64{Quantile(v, q)}), nil
	}
	return nil, fmt.Errorf("unknown reduction %s", how)
}

// Quantile interpolates linearly between the sorted values v, as numpy's
// default method does.
func Quantile(v []float64, q float64) float64 {
	if len(v) == 0 {
		return math.NaN()
	}
	pos := q * float64(len(v)-1)
	lo := int(math.Floor(pos))
	hi := int(math.Ceil(pos))
	if lo == hi {
		return v[lo]
	}
	return v[lo] + (v[hi]-v[lo])*(pos-float64(lo))
}

// concatArrays concatenates arrays of the same type.
func concatArrays(as []arrow.Array) (arrow.Array, error) {
	if len(as) == 1 {
		return as[0], nil
	}
	return array.Concatenate(as, memAlloc)
}

// concatValues concatenates one-value arrays of possibly different numeric
// types, widening ints to floats as pandas does.
func concatValues(as []arrow.Array) (arrow.Array, error) {
	if len(as) == 0 {
		return Float64s(nil), nil
	}
	same := true
	for _, a := range as[1:] {
		if !arrow.TypeEqual(a.DataType(), as[0].DataType()) {
			same = false
		}
	}
	if same {
		return concatArrays(as)
	}
	out := make([]float64, 0, len(as))
	for _, a := range as {
		x, ok := asNumeric(a)
		if !ok {
			return nil, fmt.Errorf("cannot combine %s with numbers", DTypeOf(a.DataType()))
		}
		for k := 0; k < a.Len(); k++ {
			out = append(out, x.float(k))
		}
	}
	return Float64s(out), nil
}

// ValueAt returns element k of a as a Go value: float64, int64, bool,
// string, time.Time, time.Duration, or nil when missing.
func ValueAt(a arrow.Array, k int) any {
	if a.IsNull(k) {
		return nil
	}
	switch a := a.(type) {
	case *array.Float64:
		return a.Value(k)
	case *array.Int64:
		return a.Value(k)
	case *array.Boolean:
		return a.Value(k)
	case *array.String:
		return a.Value(k)
	case *array.Timestamp:
		if a.DataType().(*arrow.TimestampType).TimeZone != "" {
			return time.Unix(0, int64(a.Value(k))).In(UTC)
		}
		return time.Unix(0, int64(a.Value(k))).UTC()
	case *array.Duration:
		return time.Duration(a.Value(k))
	}
	return a.ValueStr(k)
}

// rangeIndex returns the labels i..j-1.
func rangeIndex(i, j int) arrow.Array {
	v := make([]int64, j-i)
	for k := range v {
		v[k] = int64(i + k)
	}
	return Int64s(v)
}

// sameNumericType makes numeric partials of one column agree: an int64
// column padded with missing values became float64 in some partitions.
func sameNumericType(cols []arrow.Array) []arrow.Array {
	mixed := false
	for _, c := range cols[1:] {
		if !arrow.TypeEqual(c.DataType(), cols[0].DataType()) {
			mixed = true
		}
	}
	if !mixed {
		return cols
	}
	out := make([]arrow.Array, len(cols))
	for i, c := range cols {
		if _, ok := c.(*array.Float64); ok || !isNumeric(c) {
			out[i] = c
			continue
		}
		f, err := AsType(c, Float64)
		if err != nil {
			return cols
		}
		out[i] = f
	}
	return out
}
