package ndarray

import (
	"fmt"
	"math"
)

// Reduction is a reduction along an axis (or over all elements).
type Reduction uint8

const (
	Sum Reduction = iota
	Prod
	Mean
	Var
	Std
	Min
	Max
	ArgMin
	ArgMax
	Any
	All
)

var reductionNames = map[Reduction]string{
	Sum: "sum", Prod: "prod", Mean: "mean", Var: "var", Std: "std", Min: "minimum", Max: "maximum",
	ArgMin: "argmin", ArgMax: "argmax", Any: "any", All: "all",
}

// pwBlock is numpy's PW_BLOCKSIZE and bufSize the iterator's buffer:
// numpy sums a float array pairwise within runs of bufSize elements and
// adds the runs one after another.
const (
	pwBlock = 128
	bufSize = 8192
)

// pairwise is numpy's pairwise_sum (numpy/core/src/umath/loops_utils.h.src):
// eight accumulators over blocks of up to 128 values, halves (kept
// multiples of 8) above that.
func pairwise(a []float64) float64 {
	n := len(a)
	switch {
	case n < 8:
		res := 0.0
		for _, v := range a {
			res += v
		}
		return res
	case n <= pwBlock:
		r0, r1, r2, r3, r4, r5, r6, r7 := a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]
		i := 8
		for ; i < n-n%8; i += 8 {
			b := a[i : i+8 : i+8]
			r0 += b[0]
			r1 += b[1]
			r2 += b[2]
			r3 += b[3]
			r4 += b[4]
			r5 += b[5]
			r6 += b[6]
			r7 += b[7]
		}
		res := ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
		for ; i < n; i++ {
			res += a[i]
		}
		return res
	}
	n2 := n / 2
	n2 -= n2 % 8
	return pairwise(a[:n2]) + pairwise(a[n2:])
}

// SumFloat64s sums as numpy's np.sum does a contiguous float64 array:
// pairwise within buffers of 8192 values, buffers in order.
func SumFloat64s(a []float64) float64 {
	s := 0.0
	for len(a) > 0 {
		n := min(len(a), bufSize)
		s += pairwise(a[:n])
		a = a[n:]
	}
	return s
}

// NormalizeAxis resolves a possibly negative axis against ndim.
func NormalizeAxis(axis, ndim int) (int, error) {
	if axis < -ndim || axis >= ndim {
		return 0, fmt.Errorf("AxisError: axis %d is out of bounds for array of dimension %d", axis, ndim)
	}
	if axis < 0 {
		axis += ndim
	}
	return axis, nil
}

// Reduce computes r over all elements (axis nil: a 0-d result) or along
// one axis. ddof applies to Var and Std.
func (a *Array) Reduce(r Reduction, axis *int, ddof int) (*Array, error) {
	var outer, n, inner int
	var shape []int
	if axis == nil {
		outer, n, inner = 1, a.Size(), 1
		shape = []int{}
	} else {
		ax, err := NormalizeAxis(*axis, a.NDim())
		if err != nil {
			return nil, err
		}
		outer, n, inner = size(a.shape[:ax]), a.shape[ax], size(a.shape[ax+1:])
		shape = append(append([]int{}, a.shape[:ax]...), a.shape[ax+1:]...)
	}
	switch r {
	case Min, Max, ArgMin, ArgMax:
		if n == 0 {
			if r == ArgMin || r == ArgMax {
				return nil, fmt.Errorf("ValueError: attempt to get %s of an empty sequence", reductionNames[r])
			}
			return nil, fmt.Errorf("ValueError: zero-size array to reduction operation %s which has no identity", reductionNames[r])
		}
	}
	m := outer * inner
	switch r {
	case Sum, Prod:
		if a.dtype == Float64 {
			out := make([]float64, m)
			reduceF(a.f, outer, n, inner, out, r == Sum)
			return FromFloat64s(out, shape...), nil
		}
		x := a.as(Int64).i
		out := make([]int64, m)
		for o := 0; o < outer; o++ {
			for j := 0; j < inner; j++ {
				acc := int64(0)
				if r == Prod {
					acc = 1
				}
				for k := 0; k < n; k++ {
					v := x[(o*n+k)*inner+j]
					if r == Sum {
						acc += v
					} else {
						acc *= v
					}
				}
				out[o*inner+j] = acc
			}
		}
		return FromInt64s(out, shape...), nil
	case Mean, Var, Std:
		x := a.AsFloat64s()
		sums := make([]float64, m)
		reduceF(x, outer, n, inner, sums, true)
		for k := range sums {
			sums[k] /= float64(n)
		}
		if r == Mean {
			return FromFloat64s(sums, shape...), nil
		}
		// numpy's _var: the squared deviations from the mean, summed
		// as any sum, divided by max(n - ddof, 0).
		sq := make([]float64, len(x))
		for o := 0; o < outer; o++ {
			for k := 0; k < n; k++ {
				row := x[(o*n+k)*inner : (o*n+k+1)*inner]
				dst := sq[(o*n+k)*inner : (o*n+k+1)*inner]
				mean := sums[o*inner : (o+1)*inner]
				for j := range row {
					d := row[j] - mean[j]
					dst[j] = float64(d * d)
				}
			}
		}
		out := make([]float64, m)
		reduceF(sq, outer, n, inner, out, true)
		div := float64(max(n-ddof, 0))
		for k := range out {
			out[k] /= div
			if r == Std {
				out[k] = math.Sqrt(out[k])
			}
		}
		return FromFloat64s(out, shape...), nil
	case Min, Max:
		out := New(a.dtype, shape...)
		for o := 0; o < outer; o++ {
			for j := 0; j < inner; j++ {
				base := o*n*inner + j
				switch a.dtype {
				case Float64:
					best := a.f[base]
					for k := 1; k < n && best == best; k++ {
						v := a.f[base+k*inner]
						if v != v || (r == Min && v < best) || (r == Max && v > best) {
							best = v
						}
					}
					out.f[o*inner+j] = best
				case Int64:
					best := a.i[base]
					for k := 1; k < n; k++ {
						v := a.i[base+k*inner]
						if r == Min && v < best || r == Max && v > best {
							best = v
						}
					}
					out.i[o*inner+j] = best
				default:
					best := a.b[base]
					for k := 1; k < n; k++ {
						v := a.b[base+k*inner]
						if r == Min {
							best = best && v
						} else {
							best = best || v
						}
					}
					out.b[o*inner+j] = best
				}
			}
		}
		return out, nil
	case ArgMin, ArgMax:
		out := make([]int64, m)
		x := a
		if x.dtype == Bool {
			x = x.as(Int64)
		}
		for o := 0; o < outer; o++ {
			for j := 0; j < inner; j++ {
				base := o*n*inner + j
				best := 0
				if x.dtype == Float64 {
					bv := x.f[base]
					for k := 1; k < n && bv == bv; k++ {
						v := x.f[base+k*inner]
						if v != v || (r == ArgMin && v < bv) || (r == ArgMax && v > bv) {
							bv, best = v, k
						}
					}
				} else {
					bv := x.i[base]
					for k := 1; k < n; k++ {
						v := x.i[base+k*inner]
						if r == ArgMin && v < bv || r == ArgMax && v > bv {
							bv, best = v, k
						}
					}
				}
				out[o*inner+j] = int64(best)
			}
		}
		return FromInt64s(out, shape...), nil
	case Any, All:
		x := a.as(Bool).b
		out := make([]bool, m)
		for o := 0; o < outer; o++ {
			for j := 0; j < inner; j++ {
				acc := r == All
				for k := 0; k < n; k++ {
					v := x[(o*n+k)*inner+j]
					if r == Any && v {
						acc = true
						break
					}
					if r == All && !v {
						acc = false
						break
					}
				}
				out[o*inner+j] = acc
			}
		}
		return FromBools(out, shape...), nil
	}
	return nil, fmt.Errorf("unknown reduction")
}

// reduceF sums (or multiplies) x, seen as outer×n×inner, along the middle
// axis into out (outer×inner), in numpy's order: pairwise along a
// contiguous axis (inner == 1), row after row otherwise.
func reduceF(x []float64, outer, n, inner int, out []float64, sum bool) {
	if inner == 1 {
		for o := 0; o < outer; o++ {
			row := x[o*n : (o+1)*n]
			if sum {
				out[o] = SumFloat64s(row)
			} else {
				acc := 1.0
				for _, v := range row {
					acc *= v
				}
				out[o] = acc
			}
		}
		return
	}
	for o := 0; o < outer; o++ {
		acc := out[o*inner : (o+1)*inner]
		if !sum {
			for j := range acc {
				acc[j] = 1
			}
		}
		for k := 0; k < n; k++ {
			row := x[(o*n+k)*inner : (o*n+k+1)*inner]
			if sum {
				addVV(acc, acc, row)
			} else {
				mulVV(acc, acc, row)
			}
		}
	}
}

// Cumulative is np.cumsum / np.cumprod along an axis (nil: flattened).
func (a *Array) Cumulative(prod bool, axis *int) (*Array, error) {
	src := a
	if axis == nil {
		src = a.Ravel()
	}
	ax := 0
	if axis != nil {
		var err error
		if ax, err = NormalizeAxis(*axis, a.NDim()); err != nil {
			return nil, err
		}
	}
	t := src.dtype
	if t == Bool {
		t = Int64
	}
	out := src.AsType(t)
	outer, n, inner := size(src.shape[:ax]), src.shape[ax], size(src.shape[ax+1:])
	for o := 0; o < outer; o++ {
		for k := 1; k < n; k++ {
			prev := (o*n + k - 1) * inner
			cur := (o*n + k) * inner
			for j := 0; j < inner; j++ {
				if t == Float64 {
					if prod {
						out.f[cur+j] *= out.f[prev+j]
					} else {
						out.f[cur+j] += out.f[prev+j]
					}
				} else if prod {
					out.i[cur+j] *= out.i[prev+j]
				} else {
					out.i[cur+j] += out.i[prev+j]
				}
			}
		}
	}
	return out, nil
}
