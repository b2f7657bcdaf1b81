package numpy

import (
	"strings"
	"testing"

	"go.starlark.net/starlark"

	"burst/engine/codec"
	"burst/engine/ndarray"
	"burst/engine/session"
)

func TestNumpyCodecRoundTrip(t *testing.T) {
	a, _ := ndarray.Arange(0, 6, 1, ndarray.Float64)
	X, _ := a.Reshape(2, 3)
	for _, v := range []*NDArray{NewArray(X), NewArray(ndarray.FromBools([]bool{true, false})), NewArray(ndarray.Scalar(int64(7)))} {
		b, err := codec.Encode(v)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(b), "\x93NUMPY") || len(b) > 128+8*v.a.Size() {
			t.Errorf("encoding of %s: %d bytes %q", v, len(b), b[:10])
		}
		got, err := codec.Decode(b)
		if err != nil {
			t.Fatal(err)
		}
		if g, ok := got.(*NDArray); !ok || !ndarray.Equal(g.a, v.a) {
			t.Errorf("round trip of %s gave %v", v, got)
		}
	}
	// Inside plain data (a function's globals, delayed arguments).
	list := starlark.NewList([]starlark.Value{NewArray(X), starlark.MakeInt(1)})
	b, err := codec.EncodePlain(list)
	if err != nil {
		t.Fatal(err)
	}
	back, err := codec.DecodePlain(b)
	if err != nil {
		t.Fatal(err)
	}
	if session.Repr(back) != session.Repr(list) {
		t.Errorf("plain round trip: %s, want %s", session.Repr(back), session.Repr(list))
	}
}

// vector and matrix stand for another library's values (a Series, a
// DataFrame) that numpy converts by their data.
type vector struct{ starlark.Int }

func (vector) ArrayNDim() int { return 1 }
func (vector) NumpyArray() (*ndarray.Array, error) {
	return ndarray.FromInt64s([]int64{2, 0}, 2), nil
}

type matrix struct{ starlark.Int }

func (matrix) ArrayNDim() int { return 2 }
func (matrix) NumpyArray() (*ndarray.Array, error) {
	return ndarray.FromInt64s([]int64{1, 0, 0, 1}, 2, 2), nil
}

func TestArrayLike(t *testing.T) {
	for _, v := range []ArrayLike{vector{}, matrix{}} {
		a, err := ArrayOf(v)
		if err != nil {
			t.Fatal(err)
		}
		if a.NDim() != v.ArrayNDim() {
			t.Errorf("ArrayOf(%T) has %d dimensions", v, a.NDim())
		}
	}
	x := NewArray(ndarray.FromFloat64s([]float64{10, 11, 12}, 3))
	// A vector indexes as a list does; a matrix is no index.
	got, _, err := x.Get(vector{})
	if err != nil || got.String() != "array([12., 10.])" {
		t.Errorf("x[vector] = %v, %v", got, err)
	}
	if _, _, err := x.Get(matrix{}); err != badIndex {
		t.Errorf("x[matrix]: %v, want %v", err, badIndex)
	}
}

// Every function of numpy's modules and every method of an array has a
// docstring for help(x) and x?.
func TestEverythingDocumented(t *testing.T) {
	for path, m := range Library.Modules(nil) {
		for name, v := range m.Members {
			if _, ok := v.(*starlark.Builtin); ok && Library.Docs[path+"."+name] == "" {
				t.Errorf("%s.%s has no docstring", path, name)
			}
		}
	}
	for name := range arrayMethods {
		if Library.Docs["ndarray."+name] == "" {
			t.Errorf("ndarray.%s has no docstring", name)
		}
	}
	for name := range Library.Builtins(nil) {
		if name[0] != '_' {
			t.Errorf("builtin %s: numpy's builtins are the translator's", name)
		}
	}
}
