// Package ndarray is the n-dimensional array behind the kernel's numpy: a
// C-contiguous, row-major block of float64, int64 or bool values with a
// shape, laid out as numpy lays out a contiguous array so that the ML
// packages' *mat.Dense and []int64 labels cross without copying.
//
// Results follow numpy 1.24: type promotion (bool < int64 < float64,
// int/int true division gives float64, int64 overflow wraps),
// broadcasting, pairwise summation (so sum and mean are bit-identical),
// and repr/str formatting (numpy/core/arrayprint.py). Errors carry the
// Python exception name first ("IndexError: ...") as the kernel expects.
package ndarray

import (
	"fmt"
	"strings"

	"burst/engine/ml/mat"
)

// DType is an array's element type.
type DType uint8

const (
	Bool DType = iota
	Int64
	Float64
)

func (t DType) String() string {
	switch t {
	case Bool:
		return "bool"
	case Int64:
		return "int64"
	}
	return "float64"
}

// ParseDType reads a dtype name as numpy accepts it: "float64", "float",
// "f8", "int64", "int", "i8", "bool", "bool_", "?".
func ParseDType(s string) (DType, error) {
	switch strings.TrimPrefix(s, "numpy.") {
	case "float64", "float", "f8", "double", "d", "float_":
		return Float64, nil
	case "int64", "int", "i8", "int_", "l", "long":
		return Int64, nil
	case "bool", "bool_", "?", "b1":
		return Bool, nil
	}
	return 0, fmt.Errorf("TypeError: data type '%s' not understood", s)
}

// promote is numpy's result type of two dtypes (and of an array with a
// Python scalar of the given kind: only the kind matters then).
func promote(a, b DType) DType { return max(a, b) }

// Array is an n-dimensional array. Exactly one of f, i, b holds the data,
// by dtype, C-contiguous: element (i0, i1, ...) is at
// ((i0*shape[1])+i1)*shape[2]+... . Arrays made by basic indexing of
// leading axes (a row, a run of rows) share the data of their base, as
// numpy's views do.
type Array struct {
	dtype DType
	shape []int
	f     []float64
	i     []int64
	b     []bool
}

// size is the product of a shape.
func size(shape []int) int {
	n := 1
	for _, d := range shape {
		n *= d
	}
	return n
}

func checkShape(n int, shape []int) []int {
	if shape == nil {
		return []int{n}
	}
	if size(shape) != n {
		panic(fmt.Sprintf("ndarray: %d values for shape %v", n, shape))
	}
	return append([]int(nil), shape...)
}

// New returns an array of zeros (False for bool).
func New(t DType, shape ...int) *Array {
	a := &Array{dtype: t, shape: append([]int{}, shape...)}
	n := size(shape)
	switch t {
	case Float64:
		a.f = make([]float64, n)
	case Int64:
		a.i = make([]int64, n)
	default:
		a.b = make([]bool, n)
	}
	return a
}

// FromFloat64s wraps data as a float64 array of the given shape (1-D if
// none is given) without copying: the array and data share memory.
func FromFloat64s(data []float64, shape ...int) *Array {
	return &Array{dtype: Float64, shape: checkShape(len(data), shape), f: data}
}

// FromInt64s wraps data (labels, counts) as an int64 array, sharing it.
func FromInt64s(data []int64, shape ...int) *Array {
	return &Array{dtype: Int64, shape: checkShape(len(data), shape), i: data}
}

// FromBools wraps data as a bool array, sharing it.
func FromBools(data []bool, shape ...int) *Array {
	return &Array{dtype: Bool, shape: checkShape(len(data), shape), b: data}
}

// FromInts copies ints into a 1-D int64 array.
func FromInts(data []int) *Array {
	out := make([]int64, len(data))
	for k, v := range data {
		out[k] = int64(v)
	}
	return FromInt64s(out)
}

// Scalar returns a 0-d array holding v: a float64, int64, int or bool.
func Scalar(v any) *Array {
	switch v := v.(type) {
	case float64:
		return FromFloat64s([]float64{v}, []int{}...)
	case int64:
		return FromInt64s([]int64{v}, []int{}...)
	case int:
		return FromInt64s([]int64{int64(v)}, []int{}...)
	case bool:
		return FromBools([]bool{v}, []int{}...)
	}
	panic(fmt.Sprintf("ndarray.Scalar: %T", v))
}

// FromDense wraps a matrix as a 2-D float64 array sharing its data.
func FromDense(m *mat.Dense) *Array {
	return &Array{dtype: Float64, shape: []int{m.Rows, m.Cols}, f: m.Data[:m.Rows*m.Cols]}
}

// Dense returns a 2-D array as a matrix: sharing the data of a float64
// array, converted (a copy) from int64 or bool. Other shapes are an error
// worded as scikit-learn words it.
func (a *Array) Dense() (*mat.Dense, error) {
	if len(a.shape) != 2 {
		if len(a.shape) == 1 {
			return nil, fmt.Errorf("ValueError: Expected 2D array, got 1D array instead:\narray=%s.\nReshape your data either using array.reshape(-1, 1) if your data has a single feature or array.reshape(1, -1) if it contains a single sample.", a.Str())
		}
		return nil, fmt.Errorf("ValueError: Found array with dim %d. Estimator expected <= 2.", len(a.shape))
	}
	return &mat.Dense{Rows: a.shape[0], Cols: a.shape[1], Data: a.AsFloat64s()}, nil
}

// DType returns the element type.
func (a *Array) DType() DType { return a.dtype }

// Shape returns the shape (do not modify it).
func (a *Array) Shape() []int { return a.shape }

// NDim returns the number of dimensions.
func (a *Array) NDim() int { return len(a.shape) }

// Size returns the number of elements.
func (a *Array) Size() int { return size(a.shape) }

// Len returns the length of the first axis (0 for a 0-d array).
func (a *Array) Len() int {
	if len(a.shape) == 0 {
		return 0
	}
	return a.shape[0]
}

// Float64s returns the data of a float64 array (shared), nil otherwise.
func (a *Array) Float64s() []float64 { return a.f }

// Int64s returns the data of an int64 array (shared), nil otherwise.
func (a *Array) Int64s() []int64 { return a.i }

// Bools returns the data of a bool array (shared), nil otherwise.
func (a *Array) Bools() []bool { return a.b }

// AsFloat64s returns the data as float64: shared for a float64 array, a
// converted copy otherwise.
func (a *Array) AsFloat64s() []float64 {
	if a.dtype == Float64 {
		return a.f
	}
	return a.AsType(Float64).f
}

// AsInt64s returns the data as int64: shared for an int64 array, a
// converted copy (floats truncated toward zero, as astype) otherwise.
func (a *Array) AsInt64s() []int64 {
	if a.dtype == Int64 {
		return a.i
	}
	return a.AsType(Int64).i
}

// Float returns flat element k as a float64.
func (a *Array) Float(k int) float64 {
	switch a.dtype {
	case Float64:
		return a.f[k]
	case Int64:
		return float64(a.i[k])
	}
	if a.b[k] {
		return 1
	}
	return 0
}

// Item returns flat element k as float64, int64 or bool.
func (a *Array) Item(k int) any {
	switch a.dtype {
	case Float64:
		return a.f[k]
	case Int64:
		return a.i[k]
	}
	return a.b[k]
}

// Truth is bool(a): an error unless a has exactly one element, as numpy.
func (a *Array) Truth() (bool, error) {
	switch a.Size() {
	case 1:
		switch a.dtype {
		case Float64:
			return a.f[0] != 0, nil
		case Int64:
			return a.i[0] != 0, nil
		}
		return a.b[0], nil
	case 0:
		// numpy 1.24 warns and answers False.
		return false, nil
	}
	return false, fmt.Errorf("ValueError: The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")
}

// slice returns elements [lo, hi) of the data as an array of shape,
// sharing memory.
func (a *Array) slice(lo, hi int, shape []int) *Array {
	out := &Array{dtype: a.dtype, shape: shape}
	switch a.dtype {
	case Float64:
		out.f = a.f[lo:hi:hi]
	case Int64:
		out.i = a.i[lo:hi:hi]
	default:
		out.b = a.b[lo:hi:hi]
	}
	return out
}

// Row returns a[k] for k in [0, Len()): a view sharing memory.
func (a *Array) Row(k int) *Array {
	inner := size(a.shape[1:])
	return a.slice(k*inner, (k+1)*inner, append([]int{}, a.shape[1:]...))
}

// Rows returns a[lo:hi]: a view sharing memory.
func (a *Array) Rows(lo, hi int) *Array {
	inner := size(a.shape[1:])
	return a.slice(lo*inner, hi*inner, append([]int{hi - lo}, a.shape[1:]...))
}

// Copy returns a copy that shares nothing with a.
func (a *Array) Copy() *Array {
	out := &Array{dtype: a.dtype, shape: append([]int{}, a.shape...)}
	switch a.dtype {
	case Float64:
		out.f = append([]float64{}, a.f...)
	case Int64:
		out.i = append([]int64{}, a.i...)
	default:
		out.b = append([]bool{}, a.b...)
	}
	return out
}

// AsType returns a copy converted to t: floats to ints truncate toward
// zero (NaN and out-of-range values give the minimum int64, as numpy on
// x86), numbers to bool are "not zero".
func (a *Array) AsType(t DType) *Array {
	n := a.Size()
	out := &Array{dtype: t, shape: append([]int{}, a.shape...)}
	switch t {
	case Float64:
		out.f = make([]float64, n)
		switch a.dtype {
		case Float64:
			copy(out.f, a.f)
		case Int64:
			for k, v := range a.i {
				out.f[k] = float64(v)
			}
		default:
			for k, v := range a.b {
				if v {
					out.f[k] = 1
				}
			}
		}
	case Int64:
		out.i = make([]int64, n)
		switch a.dtype {
		case Float64:
			for k, v := range a.f {
				out.i[k] = floatToInt(v)
			}
		case Int64:
			copy(out.i, a.i)
		default:
			for k, v := range a.b {
				if v {
					out.i[k] = 1
				}
			}
		}
	default:
		out.b = make([]bool, n)
		switch a.dtype {
		case Float64:
			for k, v := range a.f {
				out.b[k] = v != 0
			}
		case Int64:
			for k, v := range a.i {
				out.b[k] = v != 0
			}
		default:
			copy(out.b, a.b)
		}
	}
	return out
}

// floatToInt is C's (int64)x as x86 computes it: NaN, infinities and
// values out of range give the minimum int64.
func floatToInt(v float64) int64 {
	if v != v || v >= 9223372036854775808.0 || v < -9223372036854775808.0 {
		return -1 << 63
	}
	return int64(v)
}

// as returns a in dtype t, a itself when it already is.
func (a *Array) as(t DType) *Array {
	if a.dtype == t {
		return a
	}
	return a.AsType(t)
}

// Reshape returns the array with a new shape of the same size, sharing
// the data; one dimension may be -1 (inferred).
func (a *Array) Reshape(shape ...int) (*Array, error) {
	n := a.Size()
	shape = append([]int{}, shape...)
	unknown := -1
	known := 1
	for k, d := range shape {
		switch {
		case d == -1 && unknown < 0:
			unknown = k
		case d == -1:
			return nil, fmt.Errorf("ValueError: can only specify one unknown dimension")
		case d < 0:
			return nil, fmt.Errorf("ValueError: negative dimensions not allowed")
		default:
			known *= d
		}
	}
	if unknown >= 0 {
		if known == 0 || n%known != 0 {
			return nil, fmt.Errorf("ValueError: cannot reshape array of size %d into shape %s", n, reshapeRepr(shape))
		}
		shape[unknown] = n / known
	} else if known != n {
		return nil, fmt.Errorf("ValueError: cannot reshape array of size %d into shape %s", n, reshapeRepr(shape))
	}
	out := *a
	out.shape = shape
	return &out, nil
}

// Ravel returns the 1-D array of the elements, sharing the data.
func (a *Array) Ravel() *Array {
	out := *a
	out.shape = []int{a.Size()}
	return &out
}

// Transpose reverses the axes (a copy for 2-D and more; 0-d and 1-D
// arrays are returned as they are).
func (a *Array) Transpose() *Array {
	if len(a.shape) < 2 {
		return a
	}
	nd := len(a.shape)
	shape := make([]int, nd)
	perm := make([]int, nd)
	for k := range shape {
		shape[k] = a.shape[nd-1-k]
		perm[k] = nd - 1 - k
	}
	if nd == 2 {
		r, c := a.shape[0], a.shape[1]
		out := New(a.dtype, c, r)
		switch a.dtype {
		case Float64:
			transpose2(out.f, a.f, r, c)
		case Int64:
			transpose2(out.i, a.i, r, c)
		default:
			transpose2(out.b, a.b, r, c)
		}
		return out
	}
	strides := stridesOf(a.shape)
	tables := make([][]int, nd)
	for k := range tables {
		tables[k] = rangeTable(0, 1, shape[k], strides[perm[k]])
	}
	return a.gather(0, tables, shape)
}

func transpose2[T any](out, in []T, r, c int) {
	// Blocks keep both sides in cache for large matrices.
	const bs = 32
	for i0 := 0; i0 < r; i0 += bs {
		for j0 := 0; j0 < c; j0 += bs {
			for i := i0; i < min(i0+bs, r); i++ {
				for j := j0; j < min(j0+bs, c); j++ {
					out[j*r+i] = in[i*c+j]
				}
			}
		}
	}
}

// stridesOf returns the element strides of a C-contiguous shape.
func stridesOf(shape []int) []int {
	s := make([]int, len(shape))
	acc := 1
	for k := len(shape) - 1; k >= 0; k-- {
		s[k] = acc
		acc *= shape[k]
	}
	return s
}

// reshapeRepr writes a requested shape as numpy's reshape error does
// (convert_shape_to_string): no spaces, leading -1s left out, later ones
// written "newaxis".
func reshapeRepr(shape []int) string {
	i := 0
	for i < len(shape) && shape[i] < 0 {
		i++
	}
	if i == len(shape) {
		return "()"
	}
	s := "(" + fmt.Sprint(shape[i])
	for i++; i < len(shape); i++ {
		if shape[i] < 0 {
			s += ",newaxis"
		} else {
			s += fmt.Sprintf(",%d", shape[i])
		}
	}
	if len(shape) == 1 {
		return s + ",)"
	}
	return s + ")"
}

// shapeRepr writes a shape as a Python tuple: (3,), (2, 3).
func shapeRepr(shape []int, _ bool) string {
	parts := make([]string, len(shape))
	for k, d := range shape {
		parts[k] = fmt.Sprint(d)
	}
	if len(parts) == 1 {
		return "(" + parts[0] + ",)"
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// ShapeString writes a shape as Python prints the tuple: (3,), (2, 3).
func ShapeString(shape []int) string { return shapeRepr(shape, false) }

// Equal reports whether a and b have the same shape, dtype and elements
// (NaN equal to NaN), for tests.
func Equal(a, b *Array) bool {
	if a.dtype != b.dtype || len(a.shape) != len(b.shape) {
		return false
	}
	for k := range a.shape {
		if a.shape[k] != b.shape[k] {
			return false
		}
	}
	switch a.dtype {
	case Float64:
		for k := range a.f {
			if a.f[k] != b.f[k] && !(a.f[k] != a.f[k] && b.f[k] != b.f[k]) {
				return false
			}
		}
	case Int64:
		for k := range a.i {
			if a.i[k] != b.i[k] {
				return false
			}
		}
	default:
		for k := range a.b {
			if a.b[k] != b.b[k] {
				return false
			}
		}
	}
	return true
}
