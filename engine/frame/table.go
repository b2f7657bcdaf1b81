package frame

import (
	"fmt"
	"sort"
	"strings"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
)

// Whole-table operations: sorting, duplicates, joins, value counts.

// cols returns the named columns of f, or a KeyError.
func (f *Frame) cols(names []string) ([]arrow.Array, error) {
	out := make([]arrow.Array, len(names))
	for i, n := range names {
		c, ok := f.Col(n)
		if !ok {
			if len(f.Index) == 1 && f.Index[0].Name == n && n != "" {
				out[i] = f.Index[0].Data
				continue
			}
			return nil, fmt.Errorf("KeyError: %q", n)
		}
		out[i] = c.Data
	}
	return out, nil
}

// SortRows returns the stable order of f's rows by columns by, each
// ascending or not; missing values last.
func (f *Frame) SortRows(by []string, ascending []bool) ([]int, error) {
	keys, err := f.cols(by)
	if err != nil {
		return nil, err
	}
	cmp := make([]func(i, j int) int, len(keys))
	miss := make([]func(i int) bool, len(keys))
	for i, k := range keys {
		cmp[i] = comparer(k)
		miss[i] = missingFn(k)
	}
	idx := make([]int, f.Rows)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		for l, c := range cmp {
			i, j := idx[a], idx[b]
			mi, mj := miss[l](i), miss[l](j)
			if mi || mj {
				if mi != mj {
					return mj // missing last, whatever the direction
				}
				continue
			}
			r := c(i, j)
			if r == 0 {
				continue
			}
			if !ascending[l] {
				r = -r
			}
			return r < 0
		}
		return false
	})
	return idx, nil
}

func missingFn(a arrow.Array) func(int) bool {
	if f, ok := a.(*array.Float64); ok {
		v := f.Float64Values()
		return func(i int) bool { return v[i] != v[i] }
	}
	return a.IsNull
}

// SortValues sorts f's rows, as DataFrame.sort_values: by one column with
// numpy's quicksort (equal keys in pandas' order), by several stably (as
// pandas' lexsort).
func (f *Frame) SortValues(by []string, ascending []bool) (*Frame, error) {
	if len(by) == 1 {
		keys, err := f.cols(by)
		if err != nil {
			return nil, err
		}
		if idx, ok := QuickArgsort(keys[0], ascending[0]); ok {
			return f.TakeRows(idx), nil
		}
	}
	idx, err := f.SortRows(by, ascending)
	if err != nil {
		return nil, err
	}
	return f.TakeRows(idx), nil
}

// NLargest returns the n rows with the largest (or smallest) values of by,
// keeping the first of equal rows, as DataFrame.nlargest.
func (f *Frame) NLargest(n int, by []string, largest bool) (*Frame, error) {
	asc := make([]bool, len(by))
	for i := range asc {
		asc[i] = !largest
	}
	idx, err := f.SortRows(by, asc)
	if err != nil {
		return nil, err
	}
	// nlargest drops missing values.
	keys, _ := f.cols(by)
	var keep []int
	for _, i := range idx {
		if len(keep) == n {
			break
		}
		ok := true
		for _, k := range keys {
			if missingFn(k)(i) {
				ok = false
			}
		}
		if ok {
			keep = append(keep, i)
		}
	}
	return f.TakeRows(keep), nil
}

// rowKeys returns a string per row identifying its values in cols, for
// hashing rows.
func rowKeys(cols []arrow.Array, n int) []string {
	keys := make([]strings.Builder, n)
	for _, c := range cols {
		vals := formatPlain(c)
		for i := range keys {
			if c.IsNull(i) {
				keys[i].WriteString("\x01")
			} else {
				keys[i].WriteString(vals[i])
			}
			keys[i].WriteByte(0)
		}
	}
	out := make([]string, n)
	for i := range out {
		out[i] = keys[i].String()
	}
	return out
}

// DropDuplicates keeps the first of each set of equal rows (over subset,
// or all columns).
func (f *Frame) DropDuplicates(subset []string) (*Frame, error) {
	return f.DropDuplicatesKeep(subset, "first")
}

// Merge joins left and right on the columns on, as pd.merge with how
// "inner" or "left": rows in left's order, each matched with the right
// rows in right's order; other columns with the same name get suffixes.
func Merge(left, right *Frame, on []string, how string, suffixes [2]string) (*Frame, error) {
	if how != "inner" && how != "left" {
		return nil, fmt.Errorf("NotImplementedError: merge how=%q (Burst supports 'inner' and 'left')", how)
	}
	return MergeOn(left, right, on, on, how, suffixes, false)
}

// Describe summarizes the numeric columns of f as DataFrame.describe:
// count, mean, std, min, 25%, 50%, 75%, max.
func (f *Frame) Describe() (*Frame, error) {
	out := &Frame{Rows: 8, Index: []Column{{Name: "", Data: Strings([]string{"count", "mean", "std", "min", "25%", "50%", "75%", "max"}, nil)}}}
	for _, c := range f.Columns {
		if !isNumeric(c.Data) {
			continue
		}
		if _, ok := c.Data.(*array.Boolean); ok {
			continue
		}
		v := make([]float64, 0, 8)
		one := &Frame{Columns: []Column{c}, Rows: f.Rows}
		for _, how := range []string{"count", "mean", "std", "min"} {
			p, err := ReduceChunk(how, one)
			if err != nil {
				return nil, err
			}
			r, err := ReduceAgg(how, []*Frame{p}, 1, 0)
			if err != nil {
				return nil, err
			}
			x, _ := asNumeric(r.Data)
			v = append(v, x.float(0))
		}
		p, _ := ReduceChunk("quantile", one)
		sorted := p.Columns[0].Data.(*array.Float64).Float64Values()
		v = append(v, Quantile(sorted, 0.25), Quantile(sorted, 0.5), Quantile(sorted, 0.75))
		mx, _ := ReduceChunk("max", one)
		r, _ := ReduceAgg("max", []*Frame{mx}, 1, 0)
		x, _ := asNumeric(r.Data)
		v = append(v, x.float(0))
		out.Columns = append(out.Columns, Column{c.Name, Float64s(v)})
	}
	if len(out.Columns) == 0 {
		return nil, fmt.Errorf("ValueError: describe() needs a numeric column")
	}
	return out, nil
}
