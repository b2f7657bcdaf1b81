package frame

import (
	"cmp"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"

	"burst/engine/npsort"
)

// pandas sorts by one column with numpy's argsort(kind="quicksort"), an
// introsort that is not stable: rows with equal keys come out in an order
// that depends on the algorithm's steps. To print the same rows as pandas,
// Burst runs the same steps (engine/npsort).

// nargsort is pandas' nargsort with numpy's quicksort: the positions of
// a's values in order, missing ones last in their original order; for a
// descending sort, the ascending sort of the reversed values, reversed.
func nargsort[T cmp.Ordered](v []T, missing func(int) bool, ascending bool) []int {
	n := len(v)
	keep := make([]int, 0, n) // positions of present values
	var nan []int
	for i := 0; i < n; i++ {
		if missing != nil && missing(i) {
			nan = append(nan, i)
		} else {
			keep = append(keep, i)
		}
	}
	if !ascending {
		reverseInts(keep)
	}
	// Sort positions into keep, as numpy sorts non_nans.argsort().
	vals := make([]T, len(keep))
	for k, i := range keep {
		vals[k] = v[i]
	}
	order := npsort.Argsort(vals)
	out := make([]int, 0, n)
	for _, k := range order {
		out = append(out, keep[k])
	}
	if !ascending {
		reverseInts(out)
	}
	return append(out, nan...)
}

func reverseInts(s []int) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// QuickArgsort orders a's rows as pandas' sort_values by one column does
// (see nargsort); ok is false for a type it does not handle.
func QuickArgsort(a arrow.Array, ascending bool) (idx []int, ok bool) {
	var missing func(int) bool
	if a.NullN() > 0 {
		missing = a.IsNull
	}
	switch a := a.(type) {
	case *array.Float64:
		v := a.Float64Values()
		return nargsort(v, func(i int) bool { return v[i] != v[i] || (missing != nil && missing(i)) }, ascending), true
	case *array.Int64:
		return nargsort(a.Int64Values(), missing, ascending), true
	case *array.Timestamp:
		v := a.TimestampValues()
		ns := make([]int64, len(v))
		for i, x := range v {
			ns[i] = int64(x)
		}
		return nargsort(ns, missing, ascending), true
	case *array.Duration:
		v := a.DurationValues()
		ns := make([]int64, len(v))
		for i, x := range v {
			ns[i] = int64(x)
		}
		return nargsort(ns, missing, ascending), true
	case *array.Boolean:
		v := make([]int8, a.Len())
		for i := range v {
			if a.Value(i) {
				v[i] = 1
			}
		}
		return nargsort(v, missing, ascending), true
	case *array.String:
		v := make([]string, a.Len())
		for i := range v {
			v[i] = a.Value(i)
		}
		return nargsort(v, missing, ascending), true
	}
	return nil, false
}
