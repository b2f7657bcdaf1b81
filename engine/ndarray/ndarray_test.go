package ndarray

import (
	"math"
	"strings"
	"testing"

	"burst/engine/ml/mat"
)

func ip(v int) *int { return &v }

func TestIndexing(t *testing.T) {
	x, _ := Arange(0, 12, 1, Int64)
	X, _ := x.Reshape(3, 4)
	for _, c := range []struct {
		idx  []Index
		want string
	}{
		{[]Index{Int(1)}, "array([4, 5, 6, 7])"},
		{[]Index{Int(-1), Int(0)}, "array(8)"},
		{[]Index{Colon, Int(0)}, "array([0, 4, 8])"},
		{[]Index{Slice{Start: ip(1), Stop: ip(3)}, Slice{Stop: ip(2)}}, "array([[4, 5],\n       [8, 9]])"},
		{[]Index{Slice{Step: ip(-1)}}, "array([[ 8,  9, 10, 11],\n       [ 4,  5,  6,  7],\n       [ 0,  1,  2,  3]])"},
		{[]Index{FromBools([]bool{true, false, true})}, "array([[ 0,  1,  2,  3],\n       [ 8,  9, 10, 11]])"},
		{[]Index{FromInt64s([]int64{2, 0})}, "array([[ 8,  9, 10, 11],\n       [ 0,  1,  2,  3]])"},
		{[]Index{FromInt64s([]int64{0, 2}), FromInt64s([]int64{1, 3})}, "array([ 1, 11])"},
		{[]Index{Int(0), FromInt64s([]int64{3, 1})}, "array([3, 1])"},
		{[]Index{Colon, NewAxis{}, Int(1)}, "array([[1],\n       [5],\n       [9]])"},
		{[]Index{Colon, FromInt64s([]int64{0, 0})}, "array([[0, 0],\n       [4, 4],\n       [8, 8]])"},
	} {
		got, err := X.Get(c.idx...)
		if err != nil {
			t.Errorf("%v: %v", c.idx, err)
			continue
		}
		if got.Repr() != c.want {
			t.Errorf("%v: got\n%s\nwant\n%s", c.idx, got.Repr(), c.want)
		}
	}
	for _, c := range []struct {
		idx  []Index
		want string
	}{
		{[]Index{Int(3)}, "IndexError: index 3 is out of bounds for axis 0 with size 3"},
		{[]Index{Int(0), Int(0), Int(0)}, "IndexError: too many indices for array: array is 2-dimensional, but 3 were indexed"},
		{[]Index{FromBools([]bool{true, false})}, "IndexError: boolean index did not match indexed array along dimension 0; dimension is 3 but corresponding boolean dimension is 2"},
		{[]Index{FromFloat64s([]float64{1})}, "IndexError: arrays used as indices must be of integer (or boolean) type"},
	} {
		_, err := X.Get(c.idx...)
		if err == nil || err.Error() != c.want {
			t.Errorf("%v: got %v, want %s", c.idx, err, c.want)
		}
	}
}

func TestViewsShareMemory(t *testing.T) {
	x, _ := Arange(0, 6, 1, Float64)
	X, _ := x.Reshape(2, 3)
	row, _ := X.Get(Int(1))
	row.Set(Scalar(7.0), Int(0))
	if X.f[3] != 7 {
		t.Errorf("a row is not a view")
	}
	col, _ := X.Get(Colon, Int(0))
	col.Set(Scalar(9.0), Int(0))
	if X.f[0] == 9 {
		t.Errorf("a column should be a copy")
	}
	if err := X.Set(FromFloat64s([]float64{1, 2, 3}), Int(0)); err != nil || X.f[2] != 3 {
		t.Errorf("row assignment: %v %v", err, X.f)
	}
	mask, _ := Binary(Gt, X, Scalar(2.0))
	X.Set(Scalar(int64(0)), mask)
	if X.Repr() != "array([[1., 2., 0.],\n       [0., 0., 0.]])" {
		t.Errorf("mask assignment: %s", X.Repr())
	}
	err := X.Set(FromFloat64s([]float64{1, 2}), Int(0))
	if err == nil || err.Error() != "ValueError: could not broadcast input array from shape (2,) into shape (3,)" {
		t.Errorf("bad assignment: %v", err)
	}
}

// Assignments whose values overlap the destination come out as numpy's
// (numpy 1.24: a[::2] = a[:3] gives [0, 1, 1, 3, 1, 5]).
func TestOverlappingAssignment(t *testing.T) {
	a, _ := Arange(0, 6, 1, Int64)
	src, _ := a.Get(Slice{Stop: ip(3)})
	if err := a.Set(src, Slice{Step: ip(2)}); err != nil {
		t.Fatal(err)
	}
	if got := a.Repr(); got != "array([0, 1, 1, 3, 1, 5])" {
		t.Errorf("a[::2] = a[:3] gave %s", got)
	}
	b, _ := Arange(0, 6, 1, Int64)
	src, _ = b.Get(Slice{Stop: ip(4)})
	b.Set(src, Slice{Start: ip(2)})
	if got := b.Repr(); got != "array([0, 1, 0, 1, 2, 3])" {
		t.Errorf("b[2:] = b[:4] gave %s", got)
	}
	c, _ := Arange(0, 6, 1, Int64)
	c.Set(c, Slice{Step: ip(-1)})
	if got := c.Repr(); got != "array([5, 4, 3, 2, 1, 0])" {
		t.Errorf("c[::-1] = c gave %s", got)
	}
	x, _ := Arange(0, 6, 1, Int64)
	X, _ := x.Reshape(3, 2)
	X.Set(X, Slice{Step: ip(-1)})
	if got := X.Repr(); got != "array([[4, 5],\n       [2, 3],\n       [0, 1]])" {
		t.Errorf("X[::-1] = X gave %s", got)
	}
	d, _ := Arange(0, 6, 1, Int64)
	all, _ := d.Get(Slice{})
	d.Set(all, FromInt64s([]int64{5, 4, 3, 2, 1, 0}))
	if got := d.Repr(); got != "array([0, 1, 2, 2, 1, 0])" {
		t.Errorf("d[[5, 4, 3, 2, 1, 0]] = d gave %s", got)
	}
}

func TestBroadcastingAndPromotion(t *testing.T) {
	X := FromInt64s([]int64{1, 2, 3, 4, 5, 6}, 2, 3)
	r := FromFloat64s([]float64{10, 20, 30})
	c := FromInt64s([]int64{100, 200}, 2, 1)
	for _, tc := range []struct {
		op   Op
		x, y *Array
		want string
	}{
		{Add, X, r, "array([[11., 22., 33.],\n       [14., 25., 36.]])"},
		{Add, X, c, "array([[101, 102, 103],\n       [204, 205, 206]])"},
		{Div, X, Scalar(int64(2)), "array([[0.5, 1. , 1.5],\n       [2. , 2.5, 3. ]])"},
		{FloorDiv, Scalar(int64(-7)), FromInt64s([]int64{2, -2, 0}), "array([-4,  3,  0])"},
		{Mod, FromFloat64s([]float64{-7, 7}), Scalar(3.0), "array([2., 1.])"},
		{Add, FromBools([]bool{true, false}), FromBools([]bool{true, true}), "array([ True,  True])"},
		{Add, FromBools([]bool{true, false}), Scalar(int64(1)), "array([2, 1])"},
		{Mul, FromInt64s([]int64{math.MaxInt64}), Scalar(int64(2)), "array([-2])"},
		{Lt, X, r, "array([[ True,  True,  True],\n       [ True,  True,  True]])"},
	} {
		got, err := Binary(tc.op, tc.x, tc.y)
		if err != nil || got.Repr() != tc.want {
			t.Errorf("%v: got %v %v, want\n%s", opNames[tc.op], got, err, tc.want)
		}
	}
	_, err := Binary(Add, FromInt64s([]int64{1, 2, 3}), FromInt64s([]int64{1, 2, 3, 4}))
	if err == nil || err.Error() != "ValueError: operands could not be broadcast together with shapes (3,) (4,) " {
		t.Errorf("broadcast error: %q", err)
	}
}

func TestDenseAndLabels(t *testing.T) {
	m := mat.New(2, 3)
	a := FromDense(m)
	a.Set(Scalar(5.0), Int(1), Int(2))
	if m.At(1, 2) != 5 {
		t.Errorf("FromDense copied")
	}
	d, err := a.Dense()
	if err != nil || &d.Data[0] != &m.Data[0] {
		t.Errorf("Dense copied: %v", err)
	}
	labels := []int64{0, 1, 1}
	y := FromInt64s(labels)
	if &y.Int64s()[0] != &labels[0] {
		t.Errorf("FromInt64s copied")
	}
	if _, err := y.Dense(); err == nil || !strings.HasPrefix(err.Error(), "ValueError: Expected 2D array, got 1D array instead:\narray=[0 1 1].") {
		t.Errorf("Dense of 1-D: %v", err)
	}
}

func TestNPYRoundTrip(t *testing.T) {
	for _, a := range []*Array{
		FromFloat64s([]float64{1.5, math.NaN(), math.Inf(-1), 0}, 2, 2),
		FromInt64s([]int64{1, -2, math.MinInt64}),
		FromBools([]bool{true, false, true}),
		Scalar(3.25),
		New(Float64, 0, 3),
	} {
		b := Marshal(a)
		if len(b)%8 != 0 && a.dtype != Bool {
			t.Errorf("data not aligned")
		}
		got, err := Unmarshal(b)
		if err != nil || !Equal(a, got) {
			t.Errorf("round trip of %s: %v %v", a.Repr(), got, err)
		}
	}
}

func TestReprSpecials(t *testing.T) {
	for _, c := range []struct {
		a    *Array
		want string
	}{
		{New(Float64, 0), "array([], dtype=float64)"},
		{New(Int64, 0), "array([], dtype=int64)"},
		{New(Float64, 0, 3), "array([], shape=(0, 3), dtype=float64)"},
		{Scalar(1.5), "array(1.5)"},
		{Scalar(true), "array(True)"},
		{FromBools([]bool{true, false}), "array([ True, False])"},
	} {
		if got := c.a.Repr(); got != c.want {
			t.Errorf("got %s, want %s", got, c.want)
		}
	}
	if got := FromFloat64s([]float64{1.2, 0.3, 0.5, 2}, 2, 2).Str(); got != "[[1.2 0.3]\n [0.5 2. ]]" {
		t.Errorf("str: %s", got)
	}
}

// Benchmarks against numpy on the same machine (see the package's
// report): /usr/bin/python3 -m timeit -s "import numpy as np;
// a=np.random.rand(10**6); b=np.random.rand(10**6)" "a+b" and "a.sum()".

func BenchmarkAdd1e6(b *testing.B) {
	x, _ := Arange(0, 1e6, 1, Float64)
	y, _ := Arange(1, 1e6+1, 1, Float64)
	b.SetBytes(8 * 1e6)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Binary(Add, x, y)
	}
}

func BenchmarkAddScalar1e6(b *testing.B) {
	x, _ := Arange(0, 1e6, 1, Float64)
	s := Scalar(2.5)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Binary(Add, x, s)
	}
}

func BenchmarkAddRow1e6(b *testing.B) {
	x, _ := Arange(0, 1e6, 1, Float64)
	X, _ := x.Reshape(1e5, 10)
	r, _ := Arange(0, 10, 1, Float64)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Binary(Add, X, r)
	}
}

func BenchmarkSum1e6(b *testing.B) {
	x, _ := Arange(0, 1e6, 1, Float64)
	b.SetBytes(8 * 1e6)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Reduce(Sum, nil, 0)
	}
}

func BenchmarkMean1e6(b *testing.B) {
	x, _ := Arange(0, 1e6, 1, Float64)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Reduce(Mean, nil, 0)
	}
}
