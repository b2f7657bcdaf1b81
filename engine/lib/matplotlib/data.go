package matplotlib

import (
	"fmt"
	"math"
	"sort"

	"go.starlark.net/starlark"

	"burst/engine/lib/numpy"
	"burst/engine/session"
)

// Column is data a chart draws: numbers, or text labels (categories).
type Column struct {
	Name string
	// Nums are the numbers (NaN: missing); nil when Labels are set.
	Nums []float64
	// Labels are categories, in the order they are drawn.
	Labels []string
	// Time: Nums are milliseconds since the epoch.
	Time bool
	// Float: the numbers were floats (labelled 1.0, not 1).
	Float bool
}

// Len is the number of values.
func (c Column) Len() int {
	if c.Labels != nil {
		return len(c.Labels)
	}
	return len(c.Nums)
}

// Data is a value of another library that hands a chart its values
// whole, from its columnar buffers (a pandas Series or Index), with no
// Python value per element.
type Data interface {
	ChartColumn() (Column, error)
}

// ColumnOf converts what a cell passes to plot, bar, hist… (a list, a
// numpy array, a pandas Series) to a column.
func ColumnOf(v starlark.Value) (Column, error) {
	if d, ok := v.(Data); ok {
		return d.ChartColumn()
	}
	if a, err := numpy.ArrayOf(v); err == nil {
		if a.NDim() > 1 {
			return Column{}, fmt.Errorf("NotImplementedError: Burst's pyplot draws 1-D data: this array has shape %v", a.Shape())
		}
		return Column{Nums: a.AsFloat64s()}, nil
	}
	// Text categories (plt.bar(['a', 'b'], …)).
	vals, err := session.Values(v)
	if err != nil {
		return Column{}, fmt.Errorf("TypeError: cannot plot %s: pass a list, an array or a Series", session.TypeName(v))
	}
	labels := make([]string, len(vals))
	for i, x := range vals {
		if s, ok := x.(starlark.String); ok {
			labels[i] = string(s)
		} else {
			labels[i] = session.Str(x)
		}
	}
	return Column{Labels: labels}, nil
}

// rangeColumn is 0, 1, … n-1 (the x of plot(y)).
func rangeColumn(n int) Column {
	x := make([]float64, n)
	for i := range x {
		x[i] = float64(i)
	}
	return Column{Nums: x}
}

// broadcast makes a one-value column as long as n (bar(x, 3)).
func broadcast(c Column, n int) Column {
	if c.Labels == nil && len(c.Nums) == 1 && n > 1 {
		v := make([]float64, n)
		for i := range v {
			v[i] = c.Nums[0]
		}
		c.Nums = v
	}
	return c
}

// Edges are the edges of n equal bins over [lo, hi], as numpy's
// histogram_bin_edges (np.linspace: i*step + lo, the last edge hi
// exactly; an empty range widened by a half on each side).
func Edges(lo, hi float64, n int) []float64 {
	if lo == hi {
		lo, hi = lo-0.5, hi+0.5
	}
	step := (hi - lo) / float64(n)
	e := make([]float64, n+1)
	for i := range e {
		// The conversion rounds the product: no fused multiply-add, as
		// numpy computes it.
		e[i] = float64(float64(i)*step) + lo
	}
	e[n] = hi
	return e
}

// Finite returns lo and hi, the smallest and largest values that are not
// NaN; ok is false when there are none.
func Finite(vals []float64) (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range vals {
		if v < lo {
			lo = v
		}
		if v > hi {
			hi = v
		}
	}
	return lo, hi, lo <= hi
}

// Counts counts vals into the bins between edges as numpy.histogram does:
// bin i holds edges[i] <= v < edges[i+1], the last bin also its right
// edge; NaN and values outside are left out. Equal bins find a value's bin
// by arithmetic (numpy's fast path, corrected at the edges), others by
// binary search.
func Counts(vals, edges []float64, equal bool) []float64 {
	n := len(edges) - 1
	counts := make([]float64, n)
	lo, hi := edges[0], edges[n]
	norm := float64(n) / (hi - lo)
	for _, v := range vals {
		if !(v >= lo && v <= hi) {
			continue
		}
		var i int
		if equal {
			i = int(float64(v-lo) * norm)
			if i >= n {
				i = n - 1
			}
			if v < edges[i] {
				i--
			} else if i != n-1 && v >= edges[i+1] {
				i++
			}
		} else {
			i = sort.Search(n, func(k int) bool { return edges[k+1] > v })
			if i == n {
				i = n - 1
			}
		}
		counts[i]++
	}
	return counts
}
