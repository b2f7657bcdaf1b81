package ndarray

import (
	"burst/engine/npsort"
	"fmt"
	"math"
	"sort"
)

// Arange is np.arange(start, stop, step) in dtype t, with numpy's length
// rule, ceil((stop - start) / step), and its way of filling floats:
// start + i*delta where delta = (start + step) - start.
func Arange(start, stop, step float64, t DType) (*Array, error) {
	if step == 0 {
		return nil, fmt.Errorf("ZeroDivisionError: division by zero")
	}
	l := math.Ceil((stop - start) / step)
	if math.IsNaN(l) || math.IsInf(l, 0) {
		return nil, fmt.Errorf("ValueError: arange: cannot compute length")
	}
	n := 0
	if l > 0 {
		n = int(l)
	}
	out := New(t, n)
	switch t {
	case Int64:
		s, d := int64(start), int64(step)
		for k := range out.i {
			out.i[k] = s + int64(k)*d
		}
	case Float64:
		if n > 0 {
			out.f[0] = start
		}
		if n > 1 {
			out.f[1] = start + step
			delta := out.f[1] - start
			for k := 2; k < n; k++ {
				out.f[k] = start + float64(k)*delta
			}
		}
	default:
		if n > 2 {
			return nil, fmt.Errorf("ValueError: no fill-function for data-type.")
		}
		for k := range out.b {
			out.b[k] = start+float64(k)*step != 0
		}
	}
	return out, nil
}

// Linspace is np.linspace(start, stop, num, endpoint) as numpy computes
// it: arange(num) * step + start, the last value set to stop.
func Linspace(start, stop float64, num int, endpoint bool) (*Array, error) {
	if num < 0 {
		return nil, fmt.Errorf("ValueError: Number of samples, %d, must be non-negative.", num)
	}
	div := num
	if endpoint {
		div = num - 1
	}
	delta := stop - start
	out := New(Float64, num)
	for k := range out.f {
		y := float64(k)
		if div > 0 {
			step := delta / float64(div)
			if step == 0 {
				y = y / float64(div) * delta
			} else {
				y = y * step
			}
		} else {
			y = y * delta
		}
		out.f[k] = y + start
	}
	if endpoint && num > 1 {
		out.f[num-1] = stop
	}
	return out, nil
}

// Full is np.full(shape, value): value a float64, int64 or bool.
func Full(shape []int, value any, t DType) *Array {
	out := New(t, shape...)
	out.Fill(Scalar(value))
	return out
}

// Concatenate joins arrays along an existing axis.
func Concatenate(arrays []*Array, axis int) (*Array, error) {
	if len(arrays) == 0 {
		return nil, fmt.Errorf("ValueError: need at least one array to concatenate")
	}
	nd := arrays[0].NDim()
	if nd == 0 {
		return nil, fmt.Errorf("ValueError: zero-dimensional arrays cannot be concatenated")
	}
	ax, err := NormalizeAxis(axis, nd)
	if err != nil {
		return nil, err
	}
	t := arrays[0].dtype
	total := 0
	for k, a := range arrays {
		if a.NDim() != nd {
			return nil, fmt.Errorf("ValueError: all the input arrays must have same number of dimensions, but the array at index 0 has %d dimension(s) and the array at index %d has %d dimension(s)", nd, k, a.NDim())
		}
		for d := 0; d < nd; d++ {
			if d != ax && a.shape[d] != arrays[0].shape[d] {
				return nil, fmt.Errorf("ValueError: all the input array dimensions except for the concatenation axis must match exactly, but along dimension %d, the array at index 0 has size %d and the array at index %d has size %d", d, arrays[0].shape[d], k, a.shape[d])
			}
		}
		t = promote(t, a.dtype)
		total += a.shape[ax]
	}
	shape := append([]int{}, arrays[0].shape...)
	shape[ax] = total
	out := New(t, shape...)
	outer := size(shape[:ax])
	inner := size(shape[ax+1:])
	pos := 0
	for _, a := range arrays {
		b := a.as(t)
		run := a.shape[ax] * inner
		for o := 0; o < outer; o++ {
			dst := o*total*inner + pos*inner
			switch t {
			case Float64:
				copy(out.f[dst:dst+run], b.f[o*run:(o+1)*run])
			case Int64:
				copy(out.i[dst:dst+run], b.i[o*run:(o+1)*run])
			default:
				copy(out.b[dst:dst+run], b.b[o*run:(o+1)*run])
			}
		}
		pos += a.shape[ax]
	}
	return out, nil
}

// atLeast returns a with ndim at least n: 0-d becomes (1,), 1-D (1, n).
func atLeast(a *Array, n int) *Array {
	switch {
	case a.NDim() >= n:
		return a
	case a.NDim() == 0 && n == 1:
		r, _ := a.Reshape(1)
		return r
	case a.NDim() == 0:
		r, _ := a.Reshape(1, 1)
		return r
	}
	r, _ := a.Reshape(1, a.Size())
	return r
}

// VStack is np.vstack: rows stacked (1-D arrays are rows).
func VStack(arrays []*Array) (*Array, error) {
	in := make([]*Array, len(arrays))
	for k, a := range arrays {
		in[k] = atLeast(a, 2)
	}
	return Concatenate(in, 0)
}

// HStack is np.hstack: 1-D arrays joined, others side by side.
func HStack(arrays []*Array) (*Array, error) {
	in := make([]*Array, len(arrays))
	allOne := true
	for k, a := range arrays {
		in[k] = atLeast(a, 1)
		if in[k].NDim() != 1 {
			allOne = false
		}
	}
	if allOne {
		return Concatenate(in, 0)
	}
	return Concatenate(in, 1)
}

// Stack is np.stack: arrays of one shape joined along a new axis.
func Stack(arrays []*Array, axis int) (*Array, error) {
	if len(arrays) == 0 {
		return nil, fmt.Errorf("ValueError: need at least one array to stack")
	}
	for _, a := range arrays[1:] {
		if !sameShape(a.shape, arrays[0].shape) {
			return nil, fmt.Errorf("ValueError: all input arrays must have the same shape")
		}
	}
	ax, err := NormalizeAxis(axis, arrays[0].NDim()+1)
	if err != nil {
		return nil, err
	}
	in := make([]*Array, len(arrays))
	for k, a := range arrays {
		shape := append(append(append([]int{}, a.shape[:ax]...), 1), a.shape[ax:]...)
		in[k], _ = a.Reshape(shape...)
	}
	return Concatenate(in, ax)
}

// less is numpy's sort order: NaN after every number.
func lessF(a, b float64) bool { return a < b || (b != b && a == a) }

// argsortF, argsortI and argsortB are numpy's default (quicksort)
// argsort of a 1-D slice (engine/npsort), so ties come out in numpy's
// order.
func argsortF(v []float64) []int64 { return int64s(npsort.Argsort(npsort.FloatKeys(v))) }
func argsortI(v []int64) []int64   { return int64s(npsort.Argsort(v)) }
func argsortB(v []bool) []int64 {
	keys := make([]uint8, len(v))
	for i, b := range v {
		if b {
			keys[i] = 1
		}
	}
	return int64s(npsort.Argsort(keys))
}

func int64s(p []int) []int64 {
	out := make([]int64, len(p))
	for i, x := range p {
		out[i] = int64(x)
	}
	return out
}

// lastAxis applies f to every run along the last axis (or, axis nil, to
// the flattened array) and returns the results assembled.
func (a *Array) alongAxis(axis *int, f func(src *Array) *Array) (*Array, error) {
	if axis == nil {
		return f(a.Ravel()), nil
	}
	if a.NDim() == 0 {
		return nil, fmt.Errorf("AxisError: axis %d is out of bounds for array of dimension 0", *axis)
	}
	ax, err := NormalizeAxis(*axis, a.NDim())
	if err != nil {
		return nil, err
	}
	src := a
	if ax != a.NDim()-1 {
		src = swapAxes(a, ax, a.NDim()-1)
	}
	n := src.shape[len(src.shape)-1]
	var out *Array
	rows := src.Size() / max(n, 1)
	for r := 0; r < rows; r++ {
		piece := f(src.slice(r*n, (r+1)*n, []int{n}))
		if out == nil {
			out = New(piece.dtype, src.shape...)
		}
		switch piece.dtype {
		case Float64:
			copy(out.f[r*n:], piece.f)
		case Int64:
			copy(out.i[r*n:], piece.i)
		default:
			copy(out.b[r*n:], piece.b)
		}
	}
	if out == nil {
		out = f(src.slice(0, 0, []int{0}))
		out.shape = append([]int{}, src.shape...)
	}
	if ax != a.NDim()-1 {
		out = swapAxes(out, ax, a.NDim()-1)
	}
	return out, nil
}

// swapAxes returns a copy of a with axes i and j exchanged.
func swapAxes(a *Array, i, j int) *Array {
	shape := append([]int{}, a.shape...)
	shape[i], shape[j] = shape[j], shape[i]
	st := stridesOf(a.shape)
	st[i], st[j] = st[j], st[i]
	tables := make([][]int, len(shape))
	for k := range tables {
		tables[k] = rangeTable(0, 1, shape[k], st[k])
	}
	return a.gather(0, tables, shape)
}

func argsort1(a *Array) []int64 {
	switch a.dtype {
	case Float64:
		return argsortF(a.f)
	case Int64:
		return argsortI(a.i)
	}
	return argsortB(a.b)
}

// Argsort is np.argsort(a, axis) (axis nil: flattened).
func Argsort(a *Array, axis *int) (*Array, error) {
	return a.alongAxis(axis, func(src *Array) *Array { return FromInt64s(argsort1(src)) })
}

// Sort is np.sort(a, axis) (axis nil: flattened): a sorted copy, NaN last.
func Sort(a *Array, axis *int) (*Array, error) {
	return a.alongAxis(axis, func(src *Array) *Array {
		out, _ := src.Get(FromInt64s(argsort1(src)))
		return out
	})
}

// UniqueResult is what np.unique returns: the sorted distinct values and,
// when asked, the first position of each, the position of each input
// value among them (inverse), and their counts.
type UniqueResult struct {
	Values, Index, Inverse, Counts *Array
}

// Unique is np.unique of the flattened array (NaNs count as one value,
// as numpy 1.24's equal_nan=True).
func Unique(a *Array) *UniqueResult {
	flat := a.Ravel()
	// A stable sort gives the first position of each value (numpy sorts
	// with mergesort when return_index is asked).
	perm := make([]int, flat.Size())
	for k := range perm {
		perm[k] = k
	}
	switch flat.dtype {
	case Float64:
		sort.SliceStable(perm, func(i, j int) bool { return lessF(flat.f[perm[i]], flat.f[perm[j]]) })
	case Int64:
		sort.SliceStable(perm, func(i, j int) bool { return flat.i[perm[i]] < flat.i[perm[j]] })
	default:
		sort.SliceStable(perm, func(i, j int) bool { return !flat.b[perm[i]] && flat.b[perm[j]] })
	}
	same := func(i, j int) bool {
		switch flat.dtype {
		case Float64:
			x, y := flat.f[i], flat.f[j]
			return x == y || x != x && y != y
		case Int64:
			return flat.i[i] == flat.i[j]
		}
		return flat.b[i] == flat.b[j]
	}
	var first, counts []int64
	inverse := make([]int64, len(perm))
	for k, p := range perm {
		if k == 0 || !same(perm[k-1], p) {
			first = append(first, int64(p))
			counts = append(counts, 0)
		}
		counts[len(counts)-1]++
		inverse[p] = int64(len(first) - 1)
	}
	vals, _ := flat.Get(FromInt64s(first))
	if vals == nil {
		vals = New(flat.dtype, 0)
	}
	if first == nil {
		first, counts = []int64{}, []int64{}
	}
	return &UniqueResult{Values: vals, Index: FromInt64s(first), Inverse: FromInt64s(inverse), Counts: FromInt64s(counts)}
}

// Bincount is np.bincount(x, weights, minlength) of a 1-D array of
// non-negative ints.
func Bincount(x, weights *Array, minlength int) (*Array, error) {
	if x.NDim() != 1 {
		return nil, fmt.Errorf("ValueError: object too deep for desired array")
	}
	if x.dtype == Float64 {
		return nil, fmt.Errorf("TypeError: Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'")
	}
	if minlength < 0 {
		return nil, fmt.Errorf("ValueError: 'minlength' must not be negative")
	}
	xs := x.as(Int64).i
	n := minlength
	for _, v := range xs {
		if v < 0 {
			return nil, fmt.Errorf("ValueError: 'list' argument must have no negative elements")
		}
		n = max(n, int(v)+1)
	}
	if weights == nil {
		out := make([]int64, n)
		for _, v := range xs {
			out[v]++
		}
		return FromInt64s(out), nil
	}
	if weights.Size() != len(xs) {
		return nil, fmt.Errorf("ValueError: The weights and list don't have the same length.")
	}
	w := weights.AsFloat64s()
	out := make([]float64, n)
	for k, v := range xs {
		out[v] += w[k]
	}
	return FromFloat64s(out), nil
}

// IsClose is np.isclose(a, b, rtol, atol, equal_nan).
func IsClose(a, b *Array, rtol, atol float64, equalNaN bool) (*Array, error) {
	shape, err := broadcastShapes(a.shape, b.shape)
	if err != nil {
		return nil, broadcastError(a.shape, b.shape)
	}
	x, _ := BroadcastTo(a.as(Float64), shape)
	y, _ := BroadcastTo(b.as(Float64), shape)
	out := New(Bool, shape...)
	for k := range out.b {
		u, v := x.f[k], y.f[k]
		switch {
		case math.IsNaN(u) || math.IsNaN(v):
			out.b[k] = equalNaN && math.IsNaN(u) && math.IsNaN(v)
		case math.IsInf(u, 0) || math.IsInf(v, 0):
			out.b[k] = u == v
		default:
			out.b[k] = math.Abs(u-v) <= atol+rtol*math.Abs(v)
		}
	}
	return out, nil
}

// Dot is np.dot: the inner product of vectors, matrix-vector and
// matrix-matrix products (sums in order of the inner index, so the last
// bit may differ from OpenBLAS's blocked sums for long inner products),
// and multiplication by a 0-d array.
func Dot(a, b *Array) (*Array, error) {
	if a.NDim() == 0 || b.NDim() == 0 {
		return Binary(Mul, a, b)
	}
	if a.NDim() > 2 || b.NDim() > 2 {
		return nil, fmt.Errorf("NotImplementedError: dot of arrays with more than 2 dimensions")
	}
	ka := a.shape[a.NDim()-1]
	kb := b.shape[0]
	if ka != kb {
		return nil, fmt.Errorf("ValueError: shapes %s and %s not aligned: %d (dim %d) != %d (dim 0)", shapeReprCompact(a.shape), shapeReprCompact(b.shape), ka, a.NDim()-1, kb)
	}
	return product(a, b), nil
}

// Matmul is a @ b (np.matmul) for 1-D and 2-D operands.
func Matmul(a, b *Array) (*Array, error) {
	const sig = "(n?,k),(k,m?)->(n?,m?)"
	for k, x := range []*Array{a, b} {
		if x.NDim() == 0 {
			return nil, fmt.Errorf("ValueError: matmul: Input operand %d does not have enough dimensions (has 0, gufunc core with signature %s requires 1)", k, sig)
		}
		if x.NDim() > 2 {
			return nil, fmt.Errorf("NotImplementedError: matmul of arrays with more than 2 dimensions")
		}
	}
	ka := a.shape[a.NDim()-1]
	kb := b.shape[0]
	if ka != kb {
		return nil, fmt.Errorf("ValueError: matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature %s (size %d is different from %d)", sig, kb, ka)
	}
	return product(a, b), nil
}

// product multiplies aligned 1-D/2-D operands.
func product(a, b *Array) *Array {
	t := promote(a.dtype, b.dtype)
	x, y := a.as(t), b.as(t)
	n := 1
	if a.NDim() == 2 {
		n = a.shape[0]
	}
	k := a.shape[a.NDim()-1]
	m := 1
	if b.NDim() == 2 {
		m = b.shape[1]
	}
	var shape []int
	if a.NDim() == 2 {
		shape = append(shape, n)
	}
	if b.NDim() == 2 {
		shape = append(shape, m)
	}
	out := New(t, shape...)
	switch t {
	case Float64:
		matmulT(out.f, x.f, y.f, n, k, m)
	case Int64:
		matmulT(out.i, x.i, y.i, n, k, m)
	default:
		xi, yi := x.as(Int64), y.as(Int64)
		tmp := make([]int64, n*m)
		matmulT(tmp, xi.i, yi.i, n, k, m)
		for j, v := range tmp {
			out.b[j] = v != 0
		}
	}
	return out
}

// matmulT computes o (n×m) = x (n×k) · y (k×m), accumulating over k in
// order: row i of o gets x[i,0]*y[0,:], then x[i,1]*y[1,:], ...
func matmulT[T number](o, x, y []T, n, k, m int) {
	if m == 1 {
		for i := 0; i < n; i++ {
			row := x[i*k : (i+1)*k]
			var s T
			for j, v := range row {
				s += v * y[j]
			}
			o[i] = s
		}
		return
	}
	for i := 0; i < n; i++ {
		dst := o[i*m : (i+1)*m]
		for j := 0; j < k; j++ {
			v := x[i*k+j]
			src := y[j*m : (j+1)*m]
			for c := range dst {
				dst[c] += v * src[c]
			}
		}
	}
}

// Norm is np.linalg.norm of a vector (or of a flattened matrix: the
// Frobenius norm): the square root of the sum of squares.
func Norm(a *Array) float64 {
	x := a.AsFloat64s()
	s := 0.0
	for _, v := range x {
		s += v * v
	}
	return math.Sqrt(s)
}
