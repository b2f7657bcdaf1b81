// Package npsort holds numpy's default argsort (kind="quicksort"), step
// for step, so that equal values come out in numpy's order: np.argsort
// and pandas' sort_values by one column both print rows in it, and the
// algorithm is not stable.
//
// It is numpy 1.24's aquicksort_ and aheapsort_ (npysort/quicksort.cpp,
// heapsort.cpp): median of three, insertion sort for runs of up to 16
// elements, heapsort past a depth of twice log2 n.
package npsort

import (
	"cmp"
	"math"
	"math/bits"
)

const smallQuicksort = 15 // npysort_common.h

// Argsort returns the positions of v in numpy's quicksort order. Values
// compare with <: give floats as FloatKeys to get numpy's NaN order.
func Argsort[T cmp.Ordered](v []T) []int {
	tosort := make([]int, len(v))
	for k := range tosort {
		tosort[k] = k
	}
	num := len(tosort)
	if num < 2 {
		return tosort
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
			return tosort
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
	// sift puts tmp into the heap of the first n places, from place i
	// down: numpy's two loops (building the heap, then taking from it)
	// each repeat it.
	sift := func(tmp, i, n int) {
		for j := i << 1; j <= n; {
			if j < n && v[*at(j)] < v[*at(j + 1)] {
				j++
			}
			if !(v[tmp] < v[*at(j)]) {
				break
			}
			*at(i) = *at(j)
			i = j
			j += j
		}
		*at(i) = tmp
	}
	for l := n >> 1; l > 0; l-- {
		sift(*at(l), l, n)
	}
	for n > 1 {
		tmp := *at(n)
		*at(n) = *at(1)
		n--
		sift(tmp, 1, n)
	}
}

// FloatKeys maps floats to integers in numpy's order for doubles: as <
// orders them (-0 equal to 0), NaNs after everything and equal to each
// other. Argsort of the keys is numpy's argsort of the floats.
func FloatKeys(v []float64) []uint64 {
	out := make([]uint64, len(v))
	for i, x := range v {
		switch {
		case x != x:
			out[i] = math.MaxUint64
		case x == 0:
			out[i] = 1 << 63 // -0 and 0 alike
		default:
			b := math.Float64bits(x)
			if b>>63 == 1 {
				out[i] = ^b // negatives: larger magnitude, smaller key
			} else {
				out[i] = b | 1<<63
			}
		}
	}
	return out
}
