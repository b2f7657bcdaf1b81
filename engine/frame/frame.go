// Package frame holds eager, in-memory tables: columns of Apache Arrow
// arrays with pandas semantics (dtypes, NaN as missing, group keys as index).
//
// A partition of a lazy Dask-style DataFrame is a *Frame; so is every
// intermediate and final result of a DataFrame computation.
package frame

import (
	"fmt"
	"math"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// DType is a pandas dtype name: "int64", "float64", "bool", "object" or
// "datetime64[ns]".
type DType string

// The dtypes Burst supports, named as pandas prints them.
const (
	Int64    DType = "int64"
	Float64  DType = "float64"
	Bool     DType = "bool"
	Object   DType = "object"
	Datetime DType = "datetime64[ns]"
)

// ArrowType returns the Arrow type that stores values of dtype d.
// Object columns hold strings; missing strings are Arrow nulls. Float columns
// hold missing values as NaN, never as nulls, as pandas does.
func (d DType) ArrowType() arrow.DataType {
	switch d {
	case Int64:
		return arrow.PrimitiveTypes.Int64
	case Float64:
		return arrow.PrimitiveTypes.Float64
	case Bool:
		return arrow.FixedWidthTypes.Boolean
	case Datetime:
		return &arrow.TimestampType{Unit: arrow.Nanosecond}
	case Timedelta:
		return durationType
	default:
		return arrow.BinaryTypes.String
	}
}

// DTypeOf returns the pandas dtype of an Arrow type.
func DTypeOf(t arrow.DataType) DType {
	switch t.ID() {
	case arrow.INT64, arrow.INT32, arrow.INT16, arrow.INT8, arrow.UINT8, arrow.UINT16, arrow.UINT32, arrow.UINT64:
		return Int64
	case arrow.FLOAT64, arrow.FLOAT32:
		return Float64
	case arrow.BOOL:
		return Bool
	case arrow.TIMESTAMP:
		if tz := t.(*arrow.TimestampType).TimeZone; tz != "" {
			return DType("datetime64[ns, " + tz + "]")
		}
		return Datetime
	case arrow.DURATION:
		return Timedelta
	case arrow.DICTIONARY:
		return DTypeOf(t.(*arrow.DictionaryType).ValueType)
	default:
		return Object
	}
}

// ParseDType accepts the spellings learners use for dtypes ("float",
// "float64", "str", "object", "int", "bool", "datetime64[ns]").
func ParseDType(s string) (DType, error) {
	switch s {
	case "int", "int64", "Int64", "i8", "<i8", "int32", "i4":
		return Int64, nil
	case "float", "float64", "double", "f8", "<f8", "float32", "f4":
		return Float64, nil
	case "bool", "boolean", "?", "b1":
		return Bool, nil
	case "str", "string", "object", "O", "U":
		return Object, nil
	case "datetime64[ns]", "datetime64", "datetime", "M8[ns]":
		return Datetime, nil
	case "timedelta64[ns]", "timedelta64", "timedelta", "m8[ns]":
		return Timedelta, nil
	}
	return "", fmt.Errorf("data type %q not understood", s)
}

// Column is a named Arrow array.
type Column struct {
	Name string
	Data arrow.Array
}

// DType returns the column's pandas dtype.
func (c Column) DType() DType { return DTypeOf(c.Data.DataType()) }

// Frame is a table: equal-length columns and an index.
//
// Index holds the index levels; an empty Index means the default
// RangeIndex 0..Rows-1. Group-by results carry their keys as index levels,
// sorted, as pandas does.
type Frame struct {
	Index   []Column
	Columns []Column
	Rows    int
	// IndexFreq is the freq of a DatetimeIndex made by pd.date_range
	// ("D"), as pandas prints it; "" for none.
	IndexFreq string
}

// New returns a frame over cols with a RangeIndex. All columns must have
// the same length.
func New(cols []Column) (*Frame, error) {
	n := 0
	for i, c := range cols {
		if i == 0 {
			n = c.Data.Len()
		} else if c.Data.Len() != n {
			return nil, fmt.Errorf("column %q has %d rows, want %d", c.Name, c.Data.Len(), n)
		}
	}
	return &Frame{Columns: cols, Rows: n}, nil
}

// Col returns the column named name, or false.
func (f *Frame) Col(name string) (Column, bool) {
	for _, c := range f.Columns {
		if c.Name == name {
			return c, true
		}
	}
	return Column{}, false
}

// Names returns the column names in order.
func (f *Frame) Names() []string {
	out := make([]string, len(f.Columns))
	for i, c := range f.Columns {
		out[i] = c.Name
	}
	return out
}

// Series is one column with an index, as pandas' Series.
type Series struct {
	Name  string
	Index []Column
	Data  arrow.Array
	// IndexFreq is the freq of its DatetimeIndex, as Frame's.
	IndexFreq string
}

// Len returns the number of values.
func (s *Series) Len() int { return s.Data.Len() }

// Float64s builds a float64 Arrow array; NaN marks missing values.
func Float64s(v []float64) arrow.Array {
	b := array.NewFloat64Builder(memory.DefaultAllocator)
	defer b.Release()
	b.AppendValues(v, nil)
	return b.NewArray()
}

// Int64s builds an int64 Arrow array.
func Int64s(v []int64) arrow.Array {
	b := array.NewInt64Builder(memory.DefaultAllocator)
	defer b.Release()
	b.AppendValues(v, nil)
	return b.NewArray()
}

// Strings builds a string Arrow array; valid may be nil (all valid).
func Strings(v []string, valid []bool) arrow.Array {
	b := array.NewStringBuilder(memory.DefaultAllocator)
	defer b.Release()
	b.AppendValues(v, valid)
	return b.NewArray()
}

func nan() float64 { return math.NaN() }

var memAlloc = memory.DefaultAllocator

// OwnFloat64s is Float64s without the copy: the array keeps v, which the
// caller must not change afterwards.
func OwnFloat64s(v []float64) arrow.Array {
	d := array.NewData(arrow.PrimitiveTypes.Float64, len(v), []*memory.Buffer{nil, memory.NewBufferBytes(arrow.Float64Traits.CastToBytes(v))}, nil, 0, 0)
	defer d.Release()
	return array.NewFloat64Data(d)
}

// OwnInt64s is Int64s without the copy: the array keeps v.
func OwnInt64s(v []int64) arrow.Array {
	d := array.NewData(arrow.PrimitiveTypes.Int64, len(v), []*memory.Buffer{nil, memory.NewBufferBytes(arrow.Int64Traits.CastToBytes(v))}, nil, 0, 0)
	defer d.Release()
	return array.NewInt64Data(d)
}

// OwnTimestamps builds a datetime64[ns] array that keeps v (nanoseconds
// since the epoch) and valid, a validity bitmap (nil: no missing values)
// with nulls zero bits.
func OwnTimestamps(v []int64, valid []byte, nulls int) arrow.Array {
	var vb *memory.Buffer
	if valid != nil {
		vb = memory.NewBufferBytes(valid)
	}
	d := array.NewData(timestampType, len(v), []*memory.Buffer{vb, memory.NewBufferBytes(arrow.Int64Traits.CastToBytes(v))}, nil, nulls, 0)
	defer d.Release()
	return array.NewTimestampData(d)
}

// OwnStrings builds a string array from Arrow's offsets and data buffers
// and a validity bitmap (nil: no missing values) with nulls zero bits; the
// array keeps them.
func OwnStrings(offsets []int32, data []byte, valid []byte, nulls int) arrow.Array {
	var vb *memory.Buffer
	if valid != nil {
		vb = memory.NewBufferBytes(valid)
	}
	d := array.NewData(arrow.BinaryTypes.String, len(offsets)-1, []*memory.Buffer{vb, memory.NewBufferBytes(arrow.Int32Traits.CastToBytes(offsets)), memory.NewBufferBytes(data)}, nil, nulls, 0)
	defer d.Release()
	return array.NewStringData(d)
}

// columnData is the arrays of cols, as GroupKeys takes index levels.
func columnData(cols []Column) []arrow.Array {
	out := make([]arrow.Array, len(cols))
	for i, c := range cols {
		out[i] = c.Data
	}
	return out
}
