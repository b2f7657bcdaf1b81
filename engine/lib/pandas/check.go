package pandas

import (
	"go.starlark.net/starlark"

	"burst/engine/check"
)

// CheckValue reduces a Series for an exercise's check: its labels and
// values; a Dask Series only says it is not computed.
func (s *Series) CheckValue() check.Value {
	if s.lazy != nil {
		return check.Value{Type: s.Type(), Compute: ".compute()"}
	}
	n := s.eager.Len()
	v := check.Value{Type: s.Type(), Shape: []int{n}}
	if n > check.Limit {
		v.Truncated = true
		return v
	}
	v.Index = scalars(indexOf(s.eager.Index, n).values)
	v.Values = scalars(ToValues(s.eager.Data))
	return v
}

// CheckValue reduces a DataFrame: labels, column names and values row
// by row.
func (d *DataFrame) CheckValue() check.Value {
	if d.lazy != nil {
		return check.Value{Type: d.Type(), Compute: ".compute()"}
	}
	f := d.eager
	v := check.Value{Type: d.Type(), Shape: []int{f.Rows, len(f.Columns)}, Columns: f.Names()}
	if f.Rows*max(len(f.Columns), 1) > check.Limit {
		v.Truncated = true
		return v
	}
	v.Index = scalars(indexOf(f.Index, f.Rows).values)
	cols := make([][]any, len(f.Columns))
	for j, c := range f.Columns {
		cols[j] = scalars(ToValues(c.Data))
	}
	v.Values = make([]any, 0, f.Rows*len(cols))
	for i := 0; i < f.Rows; i++ {
		for j := range cols {
			v.Values = append(v.Values, cols[j][i])
		}
	}
	return v
}

// CheckValue of a Dask Scalar: not computed.
func (s *LazyScalar) CheckValue() check.Value {
	return check.Value{Type: s.Type(), Compute: ".compute()"}
}

// CheckValue reduces an Index: its values.
func (x *Index) CheckValue() check.Value {
	return check.Value{Type: x.Type(), Shape: []int{len(x.values)}, Values: scalars(x.values)}
}

func scalars(vs []starlark.Value) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = check.Scalar(v)
	}
	return out
}
