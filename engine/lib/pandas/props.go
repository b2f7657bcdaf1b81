package pandas

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"burst/engine/frame"
	"burst/engine/lib/numpy"
	"burst/engine/session"
)

// Properties of frames, series and indexes beyond their columns: the
// indexers, size and ndim, T; the Index's own methods.

func frameProperty(d *DataFrame, name string) (starlark.Value, bool, error) {
	switch name {
	case "iloc":
		return &Indexer{of: d, kind: "iloc"}, true, nil
	case "at", "iat", "T", "size":
		if d.lazy != nil {
			return nil, false, nil
		}
		switch name {
		case "T":
			v, err := transpose(d.eager)
			return v, true, err
		case "size":
			return starlark.MakeInt(d.eager.Rows * len(d.eager.Columns)), true, nil
		}
		return &Indexer{of: d, kind: name}, true, nil
	case "ndim":
		return starlark.MakeInt(2), true, nil
	}
	return nil, false, nil
}

func seriesProperty(s *Series, name string) (starlark.Value, bool, error) {
	switch name {
	case "ndim":
		return starlark.MakeInt(1), true, nil
	}
	if s.lazy != nil {
		return nil, false, nil
	}
	switch name {
	case "iloc", "at", "iat":
		return &Indexer{of: s, kind: name}, true, nil
	case "size":
		return starlark.MakeInt(s.eager.Len()), true, nil
	}
	return nil, false, nil
}

func freqAttr(freq string) string {
	if freq == "" {
		return "freq=None"
	}
	return "freq='" + freq + "'"
}

// Has implements `x in index`.
func (x *Index) Has(y starlark.Value) (bool, error) {
	for _, v := range x.values {
		if eq, err := starlark.Equal(v, y); err == nil && eq {
			return true, nil
		}
	}
	return false, nil
}

// Slice implements index[i:j:k].
func (x *Index) Slice(start, end, step int) starlark.Value {
	var vals []starlark.Value
	for i := start; (step > 0 && i < end) || (step < 0 && i > end); i += step {
		vals = append(vals, x.values[i])
	}
	out := &Index{values: vals, dtype: x.dtype, name: x.name, multi: x.multi}
	if x.isRange && step == 1 {
		// A slice of a RangeIndex 0..n is a RangeIndex only from 0.
		out.dtype = "int64"
	}
	return out
}

func (x *Index) with(vals []starlark.Value) *Index {
	return &Index{values: vals, dtype: x.dtype, name: x.name, multi: x.multi}
}

func indexMethod(name string, f func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)) starlark.Value {
	return starlark.NewBuiltin("Index."+name, func(_ *starlark.Thread, _ *starlark.Builtin, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		return f(a, kw)
	})
}

// indexArray is the index's values as an Arrow column.
func (x *Index) array() (frameArray, error) {
	return arrayOf(x.values, nil)
}

func indexAttr(x *Index, name string) (starlark.Value, error) {
	switch name {
	case "size":
		return starlark.MakeInt(len(x.values)), nil
	case "ndim":
		return starlark.MakeInt(1), nil
	case "shape":
		return starlark.Tuple{starlark.MakeInt(len(x.values))}, nil
	case "values", "to_numpy", "array":
		v, err := indexValues(x)
		if name == "to_numpy" {
			return indexMethod(name, func(a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) { return v, err }), nil
		}
		return v, err
	case "str":
		a, err := x.array()
		if err != nil {
			return nil, err
		}
		return &indexStr{acc: &Accessor{s: &Series{eager: &frame.Series{Name: x.name, Data: a}}, kind: "str"}}, nil
	}
	if x.multi {
		return nil, fmt.Errorf("AttributeError: 'MultiIndex' object has no attribute '%s'", name)
	}
	switch name {
	case "unique":
		return indexMethod(name, func(a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackArgs(name, a, kw, "level?", new(starlark.Value)); err != nil {
				return nil, err
			}
			seen := map[string]bool{}
			var vals []starlark.Value
			for _, v := range x.values {
				k := session.Repr(v)
				if !seen[k] {
					seen[k] = true
					vals = append(vals, v)
				}
			}
			return x.with(vals), nil
		}), nil
	case "sort_values":
		return indexMethod(name, func(a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			asc := true
			if err := starlark.UnpackArgs(name, a, kw, "ascending?", &asc); err != nil {
				return nil, err
			}
			vals := append([]starlark.Value(nil), x.values...)
			var err error
			sort.SliceStable(vals, func(i, j int) bool {
				tok := syntax.LT
				if !asc {
					tok = syntax.GT
				}
				lt, e := starlark.Compare(tok, vals[i], vals[j])
				if e != nil {
					err = e
				}
				return lt
			})
			return x.with(vals), err
		}), nil
	case "rename":
		return indexMethod(name, func(a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var n starlark.Value
			if err := starlark.UnpackArgs(name, a, kw, "name", &n); err != nil {
				return nil, err
			}
			out := x.with(x.values)
			out.name = ""
			if n != starlark.None {
				out.name = session.Str(n)
			}
			return out, nil
		}), nil
	case "isin":
		return indexMethod(name, func(a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var vals starlark.Value
			if err := starlark.UnpackArgs(name, a, kw, "values", &vals, "level?", new(starlark.Value)); err != nil {
				return nil, err
			}
			set, err := session.Values(vals)
			if err != nil {
				return nil, err
			}
			out := make([]starlark.Value, len(x.values))
			for i, v := range x.values {
				out[i] = starlark.False
				for _, s := range set {
					if eq, _ := starlark.Equal(v, s); eq {
						out[i] = starlark.True
						break
					}
				}
			}
			arr, err := numpy.ArrayOf(starlark.NewList(out))
			if err != nil {
				return nil, err
			}
			return numpy.NewArray(arr), nil
		}), nil
	case "min", "max":
		return indexMethod(name, func(a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if len(x.values) == 0 {
				return starlark.Float(math.NaN()), nil
			}
			best := x.values[0]
			tok := syntax.LT
			if name == "max" {
				tok = syntax.GT
			}
			for _, v := range x.values[1:] {
				if b, err := starlark.Compare(tok, v, best); err != nil {
					return nil, err
				} else if b {
					best = v
				}
			}
			return best, nil
		}), nil
	case "astype":
		return indexMethod(name, func(a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			arr, err := x.array()
			if err != nil {
				return nil, err
			}
			r, err := astype(&frame.Series{Data: arr}, a, kw)
			if err != nil {
				return nil, err
			}
			s := r.(*Series).eager
			return &Index{values: ToValues(s.Data), dtype: string(frame.DTypeOf(s.Data.DataType())), name: x.name}, nil
		}), nil
	}
	return nil, fmt.Errorf("AttributeError: '%s' object has no attribute '%s'", indexKind(x), name)
}

func indexKind(x *Index) string {
	if x.isRange {
		return "RangeIndex"
	}
	if x.dtype == "datetime64[ns]" {
		return "DatetimeIndex"
	}
	return "Index"
}

// indexValues is index.values: a numpy array (numbers, bools), else an
// array of objects.
func indexValues(x *Index) (starlark.Value, error) {
	if x.dtype == "int64" || x.dtype == "float64" || x.dtype == "bool" {
		a, err := numpy.ArrayOf(starlark.NewList(append([]starlark.Value(nil), x.values...)))
		if err == nil {
			return numpy.NewArray(a), nil
		}
	}
	return numpy.NewObjectArray(append([]starlark.Value(nil), x.values...)), nil
}

// toDictOrient is to_dict(orient=) besides "dict".
func toDictOrient(f *frame.Frame, orient string) (starlark.Value, error) {
	cols := make([][]starlark.Value, len(f.Columns))
	for i, c := range f.Columns {
		cols[i] = ToValues(c.Data)
		if c.DType() == frame.Float64 {
			for r, v := range cols[i] {
				if v == starlark.None {
					cols[i][r] = starlark.Float(math.NaN())
				}
			}
		}
	}
	switch orient {
	case "list":
		out := starlark.NewDict(len(cols))
		for i, c := range f.Columns {
			if err := out.SetKey(starlark.String(c.Name), starlark.NewList(cols[i])); err != nil {
				return nil, err
			}
		}
		return out, nil
	case "records", "index":
		rows := make([]starlark.Value, f.Rows)
		for r := range rows {
			d := starlark.NewDict(len(cols))
			for i, c := range f.Columns {
				if err := d.SetKey(starlark.String(c.Name), cols[i][r]); err != nil {
					return nil, err
				}
			}
			rows[r] = d
		}
		if orient == "records" {
			return starlark.NewList(rows), nil
		}
		out := starlark.NewDict(f.Rows)
		for r, row := range rows {
			if err := out.SetKey(fromGo(labelAt(f.Index, r)), row); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	return nil, fmt.Errorf("ValueError: orient '%s' not understood", strings.ToLower(orient))
}

// indexStr is index.str: the Series' string methods, giving an Index.
type indexStr struct {
	session.Unhashable
	acc *Accessor
}

func (x *indexStr) String() string      { return x.acc.String() }
func (x *indexStr) Type() string        { return "StringMethods" }
func (x *indexStr) AttrNames() []string { return x.acc.AttrNames() }
func (x *indexStr) Attr(name string) (starlark.Value, error) {
	m, err := x.acc.Attr(name)
	if err != nil {
		return nil, err
	}
	c, ok := m.(starlark.Callable)
	if !ok {
		return m, nil
	}
	return starlark.NewBuiltin("str."+name, func(th *starlark.Thread, _ *starlark.Builtin, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		r, err := starlark.Call(th, c, a, kw)
		if err != nil {
			return nil, err
		}
		s, ok := r.(*Series)
		if !ok || s.eager == nil {
			return r, nil
		}
		return &Index{values: ToValues(s.eager.Data), dtype: string(frame.DTypeOf(s.eager.Data.DataType())), name: s.eager.Name}, nil
	}), nil
}

// Index and Slice make df[i:j] and s[i:j] positional slices, as pandas
// slices rows with integers (Dask has no positional rows: refused).
func (d *DataFrame) Index(i int) starlark.Value {
	v, err := ilocGet(d, starlark.MakeInt(i), nil, false)
	if err != nil {
		panic(session.PyPanic{Err: err})
	}
	return v
}

func (d *DataFrame) Slice(start, end, step int) starlark.Value {
	if d.lazy != nil {
		panic(session.PyPanic{Err: fmt.Errorf("NotImplementedError: slicing the rows of a Dask DataFrame (df[i:j]) is not supported: Dask has no positions; use head(), or loc with a mask")})
	}
	return takeRows(d.eager, sliceIdx(start, end, step))
}

func (s *Series) Index(i int) starlark.Value {
	v, err := ilocGet(s, starlark.MakeInt(i), nil, false)
	if err != nil {
		panic(session.PyPanic{Err: err})
	}
	return v
}

func (s *Series) Slice(start, end, step int) starlark.Value {
	if s.lazy != nil {
		panic(session.PyPanic{Err: fmt.Errorf("NotImplementedError: slicing a Dask Series (s[i:j]) is not supported: Dask has no positions")})
	}
	return takeRows(s.eager, sliceIdx(start, end, step))
}

func sliceIdx(start, end, step int) []int {
	idx := []int{}
	for i := start; (step > 0 && i < end) || (step < 0 && i > end); i += step {
		idx = append(idx, i)
	}
	return idx
}
