package pandas

// pandas values as numpy arrays, and back: the Series and DataFrame side
// of engine/lib/numpy (numpy.ArrayLike).

import (
	"fmt"

	"go.starlark.net/starlark"

	"burst/engine/frame"
	"burst/engine/lib/numpy"
	"burst/engine/ndarray"
)

var (
	_ numpy.ArrayLike = (*Series)(nil)
	_ numpy.ArrayLike = (*DataFrame)(nil)
)

// ArrayNDim implements numpy.ArrayLike: a Series is a vector.
func (s *Series) ArrayNDim() int { return 1 }

// NumpyArray implements numpy.ArrayLike: np.asarray(s) is the values of
// a computed numeric or bool Series.
func (s *Series) NumpyArray() (*ndarray.Array, error) {
	if s.eager == nil {
		return nil, fmt.Errorf("NotImplementedError: compute() the Dask Series before making an array of it")
	}
	return seriesArray(s.eager)
}

// ArrayNDim implements numpy.ArrayLike: a DataFrame is a matrix.
func (d *DataFrame) ArrayNDim() int { return 2 }

// NumpyArray implements numpy.ArrayLike: np.asarray(df) is the values of
// a computed numeric DataFrame, a row per row.
func (d *DataFrame) NumpyArray() (*ndarray.Array, error) {
	if d.eager == nil {
		return nil, fmt.Errorf("NotImplementedError: compute() the Dask DataFrame before making an array of it")
	}
	return frameNDArray(d.eager)
}

// seriesArray is a Series' values as an array (numeric and bool Series).
func seriesArray(s *frame.Series) (*ndarray.Array, error) {
	switch d := frame.DTypeOf(s.Data.DataType()); d {
	case "float64", "int64", "bool":
		vals := ToValues(s.Data)
		a, err := numpy.ArrayOf(starlark.NewList(vals))
		if err != nil {
			return nil, err
		}
		if d == "float64" && a.DType() != ndarray.Float64 {
			a = a.AsType(ndarray.Float64)
		}
		return a, nil
	}
	return nil, fmt.Errorf("TypeError: Burst's numpy holds numbers and booleans: this Series has dtype %s", frame.DTypeOf(s.Data.DataType()))
}

// frameNDArray is a numeric frame's values as a 2-D array, columns promoted
// to one dtype as pandas' values does.
func frameNDArray(f *frame.Frame) (*ndarray.Array, error) {
	cols := make([]*ndarray.Array, len(f.Columns))
	t := ndarray.Bool
	for k, c := range f.Columns {
		a, err := seriesArray(&frame.Series{Data: c.Data})
		if err != nil {
			return nil, fmt.Errorf("TypeError: Burst's numpy holds numbers and booleans: column '%s' has dtype %s", c.Name, c.DType())
		}
		cols[k] = a
		t = max(t, a.DType())
	}
	if len(cols) == 0 {
		return ndarray.New(ndarray.Float64, f.Rows, 0), nil
	}
	for k := range cols {
		cols[k] = cols[k].AsType(t)
	}
	st, err := ndarray.Stack(cols, 1)
	if err != nil {
		return nil, err
	}
	return st, nil
}

// frameValues is df.values: an array for numeric frames, nil otherwise
// (the caller keeps its list of lists for mixed frames).
func frameValues(f *frame.Frame) starlark.Value {
	a, err := frameNDArray(f)
	if err != nil {
		return nil
	}
	return numpy.NewArray(a)
}

// seriesValues is s.values: an array for numeric and bool Series.
func seriesValues(s *frame.Series) starlark.Value {
	a, err := seriesArray(s)
	if err != nil {
		return nil
	}
	return numpy.NewArray(a)
}

// frameOfArray is pd.DataFrame(array, columns=None): one column per
// column of a 2-D array (a 1-D array is one column), named by columns or
// 0, 1, ...
func frameOfArray(a *ndarray.Array, columns starlark.Value) (starlark.Value, error) {
	if a.NDim() == 1 {
		a, _ = a.Reshape(-1, 1)
	}
	if a.NDim() != 2 {
		return nil, fmt.Errorf("ValueError: Must pass 2-d input. shape=%s", ndarray.ShapeString(a.Shape()))
	}
	rows, ncols := a.Shape()[0], a.Shape()[1]
	names := make([]string, ncols)
	for k := range names {
		names[k] = fmt.Sprint(k)
	}
	if columns != starlark.None {
		given, err := StringsArg("columns", columns)
		if err != nil {
			return nil, err
		}
		if len(given) != ncols {
			return nil, fmt.Errorf("ValueError: Shape of passed values is (%d, %d), indices imply (%d, %d)", rows, ncols, rows, len(given))
		}
		names = given
	}
	t := a.Transpose()
	cols := make([]frame.Column, ncols)
	for k := range cols {
		c := t.Row(k)
		var data frameArray
		switch c.DType() {
		case ndarray.Float64:
			data = frame.Float64s(append([]float64{}, c.Float64s()...))
		case ndarray.Int64:
			data = frame.Int64s(append([]int64{}, c.Int64s()...))
		default:
			data = frame.Bools(append([]bool{}, c.Bools()...))
		}
		cols[k] = frame.Column{Name: names[k], Data: data}
	}
	f, err := frame.New(cols)
	if err != nil {
		return nil, err
	}
	if ncols == 0 {
		return nil, fmt.Errorf("NotImplementedError: a DataFrame of no columns")
	}
	return &DataFrame{eager: f}, nil
}
