package frame

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// The wire format partitions travel in between workers: Arrow's memory
// layout, buffer for buffer, behind a small binary header. Arrow's own IPC
// package would do the same job, but it links zstd and lz4 compressors and
// flatbuffers that we never use, about 2 MB of the browser engine; this
// format needs none of them and decodes without copying.
//
// A message is
//
//	magic "\xffBRF" · kind byte · index levels · name · rows · columns
//
// and each column is its name and its array. An array is its type, length,
// null count, buffers (each 8-byte aligned in the message, so decoded
// buffers can be read as numbers in place), children and dictionary.
// Integers are unsigned varints, strings a varint length and bytes.
const wireMagic = "\xffBRF"

// The kinds of value a message holds.
const (
	wireFrame byte = iota
	wireSeries
	wireScalar
	wireNone
)

// Marshal encodes a *Frame, a *Series or a scalar for another worker.
func Marshal(v any) ([]byte, error) {
	var index, cols []Column
	kind, name, rows := wireFrame, "", 0
	switch v := v.(type) {
	case *Frame:
		index, cols, rows = v.Index, v.Columns, v.Rows
	case *Series:
		index, cols, rows = v.Index, []Column{{v.Name, v.Data}}, v.Len()
		kind, name = wireSeries, v.Name
	default:
		// A scalar (a reduction's result) travels as one value.
		a, err := Broadcast(v, 1)
		if err != nil {
			return nil, fmt.Errorf("frame.Marshal: cannot encode %T", v)
		}
		defer a.Release()
		cols, rows, kind = []Column{{"", a}}, 1, wireScalar
		if v == nil {
			kind = wireNone
		}
	}
	w := wireWriter{b: make([]byte, 0, 64+wireSize(index)+wireSize(cols))}
	w.b = append(w.b, wireMagic...)
	w.b = append(w.b, kind)
	w.uint(len(index))
	w.string(name)
	w.uint(rows)
	w.uint(len(index) + len(cols))
	for _, part := range [][]Column{index, cols} {
		for _, c := range part {
			w.string(c.Name)
			if err := w.array(c.Data.Data()); err != nil {
				return nil, fmt.Errorf("frame.Marshal: column %q: %v", c.Name, err)
			}
		}
	}
	return w.b, nil
}

// wireSize is about the bytes cols' buffers take, to size the message once.
func wireSize(cols []Column) int {
	n := 0
	for _, c := range cols {
		n += dataSize(c.Data.Data()) + 64
	}
	return n
}

func dataSize(d arrow.ArrayData) int {
	n := 0
	for _, b := range d.Buffers() {
		if b != nil {
			n += b.Len() + 8
		}
	}
	for _, c := range d.Children() {
		n += dataSize(c)
	}
	if dict := dictionary(d); dict != nil {
		n += dataSize(dict)
	}
	return n
}

// dictionary is d's dictionary, or nil: arrow.ArrayData gives a typed nil.
func dictionary(d arrow.ArrayData) *array.Data {
	if dict, ok := d.Dictionary().(*array.Data); ok && dict != nil {
		return dict
	}
	return nil
}

type wireWriter struct{ b []byte }

func (w *wireWriter) uint(n int) { w.b = binary.AppendUvarint(w.b, uint64(n)) }

func (w *wireWriter) string(s string) {
	w.uint(len(s))
	w.b = append(w.b, s...)
}

// array writes d. A slice of a larger array (offset > 0) is written
// compacted, as its own array, so that a message never carries the rows
// around it.
func (w *wireWriter) array(d arrow.ArrayData) error {
	if d.Offset() != 0 {
		a := array.MakeFromData(d)
		c, err := array.Concatenate([]arrow.Array{a}, memory.DefaultAllocator)
		a.Release()
		if err != nil {
			return err
		}
		defer c.Release()
		d = c.Data()
	}
	if err := w.dtype(d.DataType()); err != nil {
		return err
	}
	nulls := d.NullN()
	if nulls < 0 {
		// Unknown until counted (Concatenate leaves it so).
		a := array.MakeFromData(d)
		nulls = a.NullN()
		a.Release()
	}
	w.uint(d.Len())
	w.uint(nulls)
	bufs := d.Buffers()
	w.uint(len(bufs))
	for _, buf := range bufs {
		if buf == nil {
			w.b = append(w.b, 0)
			continue
		}
		w.b = append(w.b, 1)
		w.uint(buf.Len())
		for len(w.b)%8 != 0 {
			w.b = append(w.b, 0)
		}
		w.b = append(w.b, buf.Bytes()...)
	}
	w.uint(len(d.Children()))
	for _, c := range d.Children() {
		if err := w.array(c); err != nil {
			return err
		}
	}
	if dict := dictionary(d); dict != nil {
		w.b = append(w.b, 1)
		return w.array(dict)
	}
	w.b = append(w.b, 0)
	return nil
}

// dtype writes a type: its Arrow type id, then what else names it.
func (w *wireWriter) dtype(t arrow.DataType) error {
	w.uint(int(t.ID()))
	switch t := t.(type) {
	case *arrow.TimestampType:
		w.uint(int(t.Unit))
		w.string(t.TimeZone)
	case *arrow.DurationType:
		w.uint(int(t.Unit))
	case *arrow.Time32Type:
		w.uint(int(t.Unit))
	case *arrow.Time64Type:
		w.uint(int(t.Unit))
	case *arrow.DictionaryType:
		if err := w.dtype(t.IndexType); err != nil {
			return err
		}
		if err := w.dtype(t.ValueType); err != nil {
			return err
		}
		if t.Ordered {
			w.b = append(w.b, 1)
		} else {
			w.b = append(w.b, 0)
		}
	case *arrow.ListType:
		w.string(t.ElemField().Name)
		return w.dtype(t.Elem())
	default:
		if wireTypes[t.ID()] == nil {
			return fmt.Errorf("cannot send a column of type %s between workers", t)
		}
	}
	return nil
}

// wireTypes are the types named by their id alone.
var wireTypes = map[arrow.Type]arrow.DataType{
	arrow.NULL:         arrow.Null,
	arrow.BOOL:         arrow.FixedWidthTypes.Boolean,
	arrow.INT8:         arrow.PrimitiveTypes.Int8,
	arrow.INT16:        arrow.PrimitiveTypes.Int16,
	arrow.INT32:        arrow.PrimitiveTypes.Int32,
	arrow.INT64:        arrow.PrimitiveTypes.Int64,
	arrow.UINT8:        arrow.PrimitiveTypes.Uint8,
	arrow.UINT16:       arrow.PrimitiveTypes.Uint16,
	arrow.UINT32:       arrow.PrimitiveTypes.Uint32,
	arrow.UINT64:       arrow.PrimitiveTypes.Uint64,
	arrow.FLOAT16:      arrow.FixedWidthTypes.Float16,
	arrow.FLOAT32:      arrow.PrimitiveTypes.Float32,
	arrow.FLOAT64:      arrow.PrimitiveTypes.Float64,
	arrow.DATE32:       arrow.FixedWidthTypes.Date32,
	arrow.DATE64:       arrow.FixedWidthTypes.Date64,
	arrow.STRING:       arrow.BinaryTypes.String,
	arrow.LARGE_STRING: arrow.BinaryTypes.LargeString,
	arrow.BINARY:       arrow.BinaryTypes.Binary,
	arrow.LARGE_BINARY: arrow.BinaryTypes.LargeBinary,
}

var errWire = errors.New("not a partition message, or a damaged one")

// Unmarshal decodes what Marshal encoded. The result shares b's memory:
// b must not change afterwards.
func Unmarshal(b []byte) (_ any, err error) {
	if len(b) < len(wireMagic)+1 || string(b[:len(wireMagic)]) != wireMagic {
		return nil, fmt.Errorf("frame.Unmarshal: %w", errWire)
	}
	r := wireReader{b: b, i: len(wireMagic)}
	kind := r.byte()
	nIndex := r.uint()
	name := r.string()
	rows := r.uint()
	n := r.uint()
	if r.err != nil || nIndex > n || n > len(b) {
		return nil, fmt.Errorf("frame.Unmarshal: %w", errWire)
	}
	all := make([]Column, 0, n)
	defer func() {
		if err != nil {
			for _, c := range all {
				c.Data.Release()
			}
		}
	}()
	for k := 0; k < n; k++ {
		cname := r.string()
		d := r.array(0)
		if r.err != nil {
			return nil, fmt.Errorf("frame.Unmarshal: column %d: %w", k, r.err)
		}
		if d.Len() != rows {
			d.Release()
			return nil, fmt.Errorf("frame.Unmarshal: column %q has %d rows, not %d", cname, d.Len(), rows)
		}
		a := array.MakeFromData(d)
		d.Release()
		all = append(all, Column{cname, a})
	}
	switch kind {
	case wireNone:
		return nil, nil
	case wireScalar:
		if len(all) != 1 || rows != 1 {
			return nil, fmt.Errorf("frame.Unmarshal: a scalar needs one value")
		}
		return ValueAt(all[0].Data, 0), nil
	case wireSeries:
		if len(all) != nIndex+1 {
			return nil, fmt.Errorf("frame.Unmarshal: a series needs one data column")
		}
		return &Series{Name: name, Index: all[:nIndex], Data: all[nIndex].Data}, nil
	case wireFrame:
		return &Frame{Index: all[:nIndex], Columns: all[nIndex:], Rows: rows}, nil
	}
	return nil, fmt.Errorf("frame.Unmarshal: %w", errWire)
}

// wireReader reads a message; the first error sticks and every read after
// it returns zero values.
type wireReader struct {
	b   []byte
	i   int
	err error
}

func (r *wireReader) fail() {
	if r.err == nil {
		r.err = errWire
	}
}

func (r *wireReader) byte() byte {
	if r.err != nil || r.i >= len(r.b) {
		r.fail()
		return 0
	}
	r.i++
	return r.b[r.i-1]
}

func (r *wireReader) uint() int {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b[r.i:])
	if n <= 0 || v > math.MaxInt32 {
		r.fail()
		return 0
	}
	r.i += n
	return int(v)
}

// bytes returns the next n bytes of the message, not a copy.
func (r *wireReader) bytes(n int) []byte {
	if r.err != nil || n > len(r.b)-r.i {
		r.fail()
		return nil
	}
	r.i += n
	return r.b[r.i-n : r.i : r.i]
}

func (r *wireReader) string() string { return string(r.bytes(r.uint())) }

// array reads an array written by wireWriter.array; depth bounds how deep
// nested types may go, so a damaged message cannot recurse for ever.
func (r *wireReader) array(depth int) *array.Data {
	t := r.dtype(depth)
	length, nulls := r.uint(), r.uint()
	nbuf := r.uint()
	if r.err != nil || nbuf > 3 || nulls > length {
		r.fail()
		return nil
	}
	bufs := make([]*memory.Buffer, nbuf)
	for k := range bufs {
		if r.byte() == 0 {
			continue
		}
		n := r.uint()
		for r.err == nil && r.i%8 != 0 {
			r.i++
		}
		if b := r.bytes(n); r.err == nil {
			bufs[k] = memory.NewBufferBytes(b)
		}
	}
	nchild := r.uint()
	if r.err != nil || nchild > 1 {
		r.fail()
		return nil
	}
	var children []arrow.ArrayData
	for k := 0; k < nchild; k++ {
		c := r.array(depth + 1)
		if r.err != nil {
			return nil
		}
		children = append(children, c)
	}
	var dict *array.Data
	if r.byte() == 1 {
		dict = r.array(depth + 1)
	}
	if r.err != nil {
		return nil
	}
	if err := checkLayout(t, length, bufs, len(children), dict != nil); err != nil {
		r.err = err
		return nil
	}
	if dict != nil {
		d := array.NewDataWithDictionary(t, length, bufs, nulls, 0, dict)
		dict.Release()
		return d
	}
	d := array.NewData(t, length, bufs, children, nulls, 0)
	for _, c := range children {
		c.Release()
	}
	return d
}

func (r *wireReader) dtype(depth int) arrow.DataType {
	if depth > 8 {
		r.fail()
		return nil
	}
	id := arrow.Type(r.uint())
	switch id {
	case arrow.TIMESTAMP:
		unit := arrow.TimeUnit(r.uint())
		return &arrow.TimestampType{Unit: unit, TimeZone: r.string()}
	case arrow.DURATION:
		return &arrow.DurationType{Unit: arrow.TimeUnit(r.uint())}
	case arrow.TIME32:
		return &arrow.Time32Type{Unit: arrow.TimeUnit(r.uint())}
	case arrow.TIME64:
		return &arrow.Time64Type{Unit: arrow.TimeUnit(r.uint())}
	case arrow.DICTIONARY:
		index, value := r.dtype(depth+1), r.dtype(depth+1)
		ordered := r.byte() == 1
		if r.err != nil {
			return nil
		}
		return &arrow.DictionaryType{IndexType: index, ValueType: value, Ordered: ordered}
	case arrow.LIST:
		name := r.string()
		elem := r.dtype(depth + 1)
		if r.err != nil {
			return nil
		}
		return arrow.ListOfField(arrow.Field{Name: name, Type: elem, Nullable: true})
	}
	if t := wireTypes[id]; t != nil {
		return t
	}
	r.fail()
	return nil
}

// checkLayout refuses buffers too short for length rows of t, so that a
// damaged message gives an error here instead of a crash when read.
func checkLayout(t arrow.DataType, length int, bufs []*memory.Buffer, children int, dict bool) error {
	size := func(k int) int {
		if k >= len(bufs) || bufs[k] == nil {
			return 0
		}
		return bufs[k].Len()
	}
	bad := errWire
	if len(bufs) > 0 && bufs[0] != nil && size(0) < (length+7)/8 {
		return bad
	}
	if _, ok := t.(*arrow.DictionaryType); ok != dict {
		return bad
	}
	switch t := t.(type) {
	case *arrow.BooleanType:
		if length > 0 && size(1) < (length+7)/8 {
			return bad
		}
	case arrow.FixedWidthDataType:
		if length > 0 && size(1) < length*t.BitWidth()/8 {
			return bad
		}
	case *arrow.StringType, *arrow.BinaryType:
		if length > 0 && (size(1) < 4*(length+1) || !offsetsOK(arrow.Int32Traits.CastFromBytes(bufs[1].Bytes()), length, size(2))) {
			return bad
		}
	case *arrow.LargeStringType, *arrow.LargeBinaryType:
		if length > 0 && (size(1) < 8*(length+1) || !offsetsOK(arrow.Int64Traits.CastFromBytes(bufs[1].Bytes()), length, size(2))) {
			return bad
		}
	case *arrow.ListType:
		if children != 1 || (length > 0 && size(1) < 4*(length+1)) {
			return bad
		}
	}
	return nil
}

// offsetsOK reports whether the first length+1 offsets of a string or
// binary column never go back and stay within its data of size bytes.
func offsetsOK[T int32 | int64](offs []T, length, size int) bool {
	for k := 0; k < length; k++ {
		if offs[k] < 0 || offs[k] > offs[k+1] {
			return false
		}
	}
	return int64(offs[length]) <= int64(size)
}
