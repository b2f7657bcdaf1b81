package frame

import (
	"fmt"
	"math"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// Take returns the values of a at positions idx, in that order.
func Take(a arrow.Array, idx []int) arrow.Array {
	switch a := a.(type) {
	case *array.Float64:
		v := a.Float64Values()
		out := make([]float64, len(idx))
		for i, j := range idx {
			out[i] = v[j]
		}
		return Float64s(out)
	case *array.Int64:
		v := a.Int64Values()
		out := make([]int64, len(idx))
		for i, j := range idx {
			out[i] = v[j]
		}
		return Int64s(out)
	case *array.String:
		b := array.NewStringBuilder(memory.DefaultAllocator)
		defer b.Release()
		b.Reserve(len(idx))
		for _, j := range idx {
			if a.IsNull(j) {
				b.AppendNull()
			} else {
				b.Append(a.Value(j))
			}
		}
		return b.NewArray()
	case *array.Boolean:
		bits := make([]byte, (len(idx)+7)/8)
		for i, j := range idx {
			if a.Value(j) {
				bits[i>>3] |= 1 << (i & 7)
			}
		}
		return boolsFromBits(bits, len(idx))
	case *array.Timestamp, *array.Duration:
		t, kind := timeOperand(a)
		out := make([]int64, len(idx))
		var valid []bool
		if a.NullN() > 0 {
			valid = make([]bool, len(idx))
		}
		for i, j := range idx {
			v, ok := t.at(j)
			out[i] = v
			if valid != nil {
				valid[i] = ok
			}
		}
		if kind == 1 {
			return timestampsOf(a.DataType(), out, valid)
		}
		return durations(out, valid)
	}
	if l, ok := a.(*array.List); ok {
		return takeList(l, idx)
	}
	panic(fmt.Sprintf("frame.Take: unsupported type %s", a.DataType()))
}

// IndexOrRange returns f's index levels, or its RangeIndex as a column.
func (f *Frame) IndexOrRange() []Column {
	if len(f.Index) > 0 {
		return f.Index
	}
	return []Column{{Name: "", Data: rangeIndex(0, f.Rows)}}
}

// TakeRows returns the rows of f at positions idx, keeping their labels.
func (f *Frame) TakeRows(idx []int) *Frame {
	out := &Frame{Rows: len(idx)}
	for _, c := range f.IndexOrRange() {
		out.Index = append(out.Index, Column{c.Name, Take(c.Data, idx)})
	}
	for _, c := range f.Columns {
		out.Columns = append(out.Columns, Column{c.Name, Take(c.Data, idx)})
	}
	return out
}

// MaskRows returns the positions where mask is true.
func MaskRows(mask *array.Boolean) []int {
	n := mask.Len()
	idx := make([]int, 0, n/2)
	for k := 0; k < n; k++ {
		if mask.Value(k) {
			idx = append(idx, k)
		}
	}
	return idx
}

// Filter returns the rows of f where mask is true.
func (f *Frame) Filter(mask *array.Boolean) (*Frame, error) {
	if mask.Len() != f.Rows {
		return nil, fmt.Errorf("IndexingError: Unalignable boolean Series provided as indexer (%d rows for %d)", mask.Len(), f.Rows)
	}
	return f.TakeRows(MaskRows(mask)), nil
}

// Frame returns s as a one-column frame.
func (s *Series) Frame() *Frame {
	return &Frame{Index: s.Index, Columns: []Column{{s.Name, s.Data}}, Rows: s.Len()}
}

// SeriesOf returns column c of f as a Series with f's index.
func SeriesOf(f *Frame, c Column) *Series {
	return &Series{Name: c.Name, Index: f.Index, Data: c.Data}
}

// Head returns the first n rows of f (all of them if it has fewer), sharing
// f's buffers.
func (f *Frame) Head(n int) *Frame {
	if n > f.Rows {
		n = f.Rows
	}
	if n < 0 {
		n = 0
	}
	return f.Slice(0, n)
}

// Slice returns rows [i, j) of f, sharing f's buffers.
func (f *Frame) Slice(i, j int) *Frame {
	out := &Frame{Rows: j - i}
	for _, c := range f.Index {
		out.Index = append(out.Index, Column{c.Name, array.NewSlice(c.Data, int64(i), int64(j))})
	}
	for _, c := range f.Columns {
		out.Columns = append(out.Columns, Column{c.Name, array.NewSlice(c.Data, int64(i), int64(j))})
	}
	if len(f.Index) == 0 && i > 0 {
		// Keep the RangeIndex labels of the original rows.
		idx := make([]int64, j-i)
		for k := range idx {
			idx[k] = int64(i + k)
		}
		out.Index = []Column{{Name: "", Data: Int64s(idx)}}
	}
	return out
}

// Concat stacks frames with the same columns, as pd.concat does.
func Concat(fs []*Frame) (*Frame, error) {
	if len(fs) == 0 {
		return &Frame{}, nil
	}
	if len(fs) == 1 {
		return fs[0], nil
	}
	first := fs[0]
	explicit := false
	for _, f := range fs {
		explicit = explicit || len(f.Index) > 0
	}
	if explicit && len(first.Index) <= 1 {
		// Some parts carry labels (a tail, a filter): keep every part's.
		parts := make([]*Frame, len(fs))
		for i, f := range fs {
			c := *f
			c.Index = f.IndexOrRange()
			parts[i] = &c
		}
		fs, first = parts, parts[0]
	}
	out := &Frame{}
	cat := func(get func(*Frame) []Column, i int, name string) (arrow.Array, error) {
		parts := make([]arrow.Array, len(fs))
		for k, f := range fs {
			cols := get(f)
			if i >= len(cols) {
				return nil, fmt.Errorf("concat: frames have different columns")
			}
			parts[k] = cols[i].Data
		}
		parts, err := commonType(parts)
		if err != nil {
			return nil, fmt.Errorf("concat: column %q: %v", name, err)
		}
		a, err := array.Concatenate(parts, memory.DefaultAllocator)
		if err != nil {
			return nil, fmt.Errorf("concat: column %q: %v", name, err)
		}
		return a, nil
	}
	for i, c := range first.Index {
		a, err := cat(func(f *Frame) []Column { return f.Index }, i, c.Name)
		if err != nil {
			return nil, err
		}
		out.Index = append(out.Index, Column{c.Name, a})
	}
	for i, c := range first.Columns {
		a, err := cat(func(f *Frame) []Column { return f.Columns }, i, c.Name)
		if err != nil {
			return nil, err
		}
		out.Columns = append(out.Columns, Column{c.Name, a})
	}
	for _, f := range fs {
		out.Rows += f.Rows
	}
	if len(first.Index) == 0 {
		// Each part keeps its own RangeIndex labels, as pd.concat does.
		idx := make([]int64, 0, out.Rows)
		for _, f := range fs {
			for k := 0; k < f.Rows; k++ {
				idx = append(idx, int64(k))
			}
		}
		out.Index = []Column{{Name: "", Data: Int64s(idx)}}
	}
	return out, nil
}

// commonType converts arrays of different dtypes to the one pandas' concat
// gives them: float64 for ints and floats, object otherwise.
func commonType(parts []arrow.Array) ([]arrow.Array, error) {
	first := DTypeOf(parts[0].DataType())
	same, numeric := true, true
	for _, p := range parts {
		t := DTypeOf(p.DataType())
		same = same && t == first
		numeric = numeric && (t == Int64 || t == Float64)
	}
	if same {
		return parts, nil
	}
	to := Object
	if numeric {
		to = Float64
	}
	out := make([]arrow.Array, len(parts))
	for i, p := range parts {
		if f, ok := p.(*array.Float64); ok && to == Object {
			// A missing float stays missing in the object column.
			vals := formatPlain(f)
			valid := make([]bool, f.Len())
			for k := range valid {
				valid[k] = f.IsValid(k) && !math.IsNaN(f.Value(k))
			}
			out[i] = Strings(vals, valid)
			continue
		}
		a, err := AsType(p, to)
		if err != nil {
			return nil, err
		}
		out[i] = a
	}
	return out, nil
}
