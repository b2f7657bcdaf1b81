package frame

import (
	"cmp"
	"math/bits"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
)

// pandas sorts by one column with numpy's argsort(kind="quicksort"), an
// introsort that is not stable: rows with equal keys come out in an order
// that depends on the algorithm's steps. To print the same rows as pandas,
// Burst runs the same steps (numpy 1.24's npysort/quicksort.cpp and
// heapsort.cpp: median of three, insertion sort below 16 elements,
// heapsort past a depth of twice log2 n).

const smallQuicksort = 15

// aquicksort sorts the positions tosort by v[position], as numpy's
// aquicksort_.
func aquicksort[T cmp.Ordered](v []T, tosort []int) {
	num := len(tosort)
	if num < 2 {
		return
	}
	type span struct{ l, r, depth int }
	var stack []span
	pl, pr := 0, num-1
	cdepth := (bits.Len(uint(num)) - 1) * 2
	for {
		if cdepth < 0 {
			aheapsort(v, tosort[pl:pr+1])
		} else {
			for pr-pl > smallQuicksort {
				pm := pl + (pr-pl)>>1
				if v[tosort[pm]] < v[tosort[pl]] {
					tosort[pm], tosort[pl] = tosort[pl], tosort[pm]
				}
				if v[tosort[pr]] < v[tosort[pm]] {
					tosort[pr], tosort[pm] = tosort[pm], tosort[pr]
				}
				if v[tosort[pm]] < v[tosort[pl]] {
					tosort[pm], tosort[pl] = tosort[pl], tosort[pm]
				}
				vp := v[tosort[pm]]
				pi, pj := pl, pr-1
				tosort[pm], tosort[pj] = tosort[pj], tosort[pm]
				for {
					pi++
					for v[tosort[pi]] < vp {
						pi++
					}
					pj--
					for vp < v[tosort[pj]] {
						pj--
					}
					if pi >= pj {
						break
					}
					tosort[pi], tosort[pj] = tosort[pj], tosort[pi]
				}
				pk := pr - 1
				tosort[pi], tosort[pk] = tosort[pk], tosort[pi]
				// The larger part waits on the stack.
				cdepth--
				if pi-pl < pr-pi {
					stack = append(stack, span{pi + 1, pr, cdepth})
					pr = pi - 1
				} else {
					stack = append(stack, span{pl, pi - 1, cdepth})
					pl = pi + 1
				}
			}
			for pi := pl + 1; pi <= pr; pi++ {
				vi := tosort[pi]
				vp := v[vi]
				pj := pi
				for pj > pl && vp < v[tosort[pj-1]] {
					tosort[pj] = tosort[pj-1]
					pj--
				}
				tosort[pj] = vi
			}
		}
		if len(stack) == 0 {
			return
		}
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		pl, pr, cdepth = top.l, top.r, top.depth
	}
}

// aheapsort is numpy's aheapsort_, for the parts quicksort gives up on.
func aheapsort[T cmp.Ordered](v []T, tosort []int) {
	n := len(tosort)
	at := func(i int) *int { return &tosort[i-1] } // numpy indexes from 1
	for l := n >> 1; l > 0; l-- {
		tmp := *at(l)
		i, j := l, l<<1
		for j <= n {
			if j < n && v[*at(j)] < v[*at(j + 1)] {
				j++
			}
			if v[tmp] < v[*at(j)] {
				*at(i) = *at(j)
				i = j
				j += j
			} else {
				break
			}
		}
		*at(i) = tmp
	}
	for n > 1 {
		tmp := *at(n)
		*at(n) = *at(1)
		n--
		i, j := 1, 2
		for j <= n {
			if j < n && v[*at(j)] < v[*at(j + 1)] {
				j++
			}
			if v[tmp] < v[*at(j)] {
				*at(i) = *at(j)
				i = j
				j += j
			} else {
				break
			}
		}
		*at(i) = tmp
	}
}

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
	order := make([]int, len(keep))
	for k := range order {
		order[k] = k
	}
	aquicksort(vals, order)
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
